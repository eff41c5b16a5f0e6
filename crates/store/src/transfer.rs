//! `confide export` / `confide import`: the whole instance as JSON Lines.
//! The first line is a header naming the format, its version and the
//! schema it came from; every other line is one row of one table. Import
//! goes into an empty instance on either backend, all or nothing.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::{Store, StoreError};

pub const FORMAT: &str = "confide-export";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    /// The newest migration of the database it came from.
    pub schema: i64,
    /// Milliseconds since the Unix epoch.
    pub exported_at: i64,
}

/// One row of one table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub table: String,
    pub row: Map<String, Value>,
    /// Where it was read from, for error messages (not written).
    #[serde(skip)]
    pub line: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error("cannot read or write: {0}")]
    Io(#[from] std::io::Error),
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
    #[error("line 1: {0}")]
    Header(String),
    #[error("unknown table {0:?}")]
    UnknownTable(String),
    #[error("{table}.{column} should be {expected}")]
    Field {
        table: String,
        column: String,
        expected: String,
    },
    #[error("the database is not empty: import only into a new instance")]
    NotEmpty,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Writes the header and every record; returns how many records.
pub async fn export_to(
    store: &dyn Store,
    out: &mut (dyn Write + Send),
) -> Result<u64, TransferError> {
    let header = Header {
        format: FORMAT.into(),
        version: VERSION,
        schema: store.schema_version().await?,
        exported_at: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0),
    };
    write_line(out, &header)?;
    let mut sink = |record: Record| write_line(out, &record);
    let count = store.export(&mut sink).await?;
    out.flush()?;
    Ok(count)
}

fn write_line<T: Serialize>(out: &mut (dyn Write + Send), value: &T) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Reads an export into an empty store. `progress` hears the number of
/// records done, now and then. Errors name the line.
pub async fn import_from(
    store: &dyn Store,
    input: impl BufRead + Send,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<u64, TransferError> {
    let mut lines = input.lines().enumerate();
    let header_line = match lines.next() {
        Some((_, line)) => line?,
        None => return Err(TransferError::Header("the file is empty".into())),
    };
    let header: Header = serde_json::from_str(&header_line)
        .map_err(|e| TransferError::Header(format!("not a Confide export header: {e}")))?;
    if header.format != FORMAT || header.version != VERSION {
        return Err(TransferError::Header(format!(
            "format {:?} version {}; this build reads {FORMAT:?} version {VERSION}",
            header.format, header.version
        )));
    }
    let schema = store.schema_version().await?;
    if header.schema != schema {
        return Err(TransferError::Header(format!(
            "exported from schema {}, this database is at schema {schema}: use the same version of confide for both",
            header.schema
        )));
    }
    let mut records = lines
        .filter(|(_, line)| !matches!(line, Ok(l) if l.trim().is_empty()))
        .map(|(i, line)| {
            let line_no = i + 1;
            let text = line?;
            let mut record =
                serde_json::from_str::<Record>(&text).map_err(|e| TransferError::Line {
                    line: line_no,
                    message: e.to_string(),
                })?;
            record.line = line_no;
            Ok(record)
        });
    store.import(&mut records, progress).await
}
