//! The embedded default: one SQLite file in WAL mode with `synchronous =
//! FULL`, so a write the server acknowledged survives a crash or power loss.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::Result;

pub struct SqliteStore {
    /// One connection for all writes: SQLite admits one writer at a time,
    /// and queueing in the pool is fairer than retrying on SQLITE_BUSY.
    writer: SqlitePool,
    /// Readers run beside the writer thanks to WAL.
    reader: SqlitePool,
}

impl SqliteStore {
    pub async fn open(url: &str) -> Result<Self> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // Erased text is overwritten on disk, not merely unlinked.
            .pragma("secure_delete", "ON");
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(SqliteStore { writer, reader })
    }
}

mod dialect {
    use std::borrow::Cow;

    use sqlx::SqlitePool;

    use crate::Result;

    pub(crate) type Db = sqlx::Sqlite;
    pub(crate) type DbRow = sqlx::sqlite::SqliteRow;
    pub(crate) type Conn = sqlx::SqliteConnection;
    pub(crate) type Backend = super::SqliteStore;
    pub(crate) const MIGRATIONS: &[crate::migrate::Migration] = crate::migrate::SQLITE;

    /// SQLite takes the statements as they are written.
    pub(crate) fn q(sql: &str) -> Cow<'_, str> {
        Cow::Borrowed(sql)
    }

    /// One writer connection: commits, and so sequence numbers, are in order.
    pub(crate) async fn lock_change_log(_tx: &mut sqlx::Transaction<'_, Db>) -> Result<()> {
        Ok(())
    }

    /// A read transaction in SQLite's WAL mode already sees one moment.
    pub(crate) async fn snapshot(_tx: &mut sqlx::Transaction<'_, Db>) -> Result<()> {
        Ok(())
    }

    /// One writer connection: migrations cannot run twice at once.
    /// A consistent copy in one new file, taken online (`VACUUM INTO`):
    /// readers and writers carry on meanwhile. The target must not exist.
    pub(crate) async fn backup(reader: &SqlitePool, path: &std::path::Path) -> Result<()> {
        if path.exists() {
            return Err(crate::StoreError::Conflict(
                "the backup file already exists; choose a new name",
            ));
        }
        sqlx::query("VACUUM INTO ?")
            .bind(path.to_string_lossy().into_owned())
            .execute(reader)
            .await?;
        Ok(())
    }

    /// The largest id each AUTOINCREMENT table ever handed out.
    pub(crate) async fn high_water(
        tx: &mut sqlx::Transaction<'_, Db>,
    ) -> Result<Vec<(String, i64)>> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT name, seq FROM sqlite_sequence ORDER BY name")
                .fetch_all(&mut **tx)
                .await?;
        Ok(rows
            .into_iter()
            .filter(|(name, _)| crate::sql_tables_with_ids().contains(&name.as_str()))
            .collect())
    }

    /// AUTOINCREMENT follows the largest id inserted; an erased question's
    /// id (the export's mark) must not be handed out again either.
    pub(crate) async fn after_import(
        tx: &mut sqlx::Transaction<'_, Db>,
        marks: &[(String, i64)],
    ) -> Result<()> {
        for (table, mark) in marks {
            sqlx::query("UPDATE sqlite_sequence SET seq = MAX(seq, ?1) WHERE name = ?2")
                .bind(mark)
                .bind(table)
                .execute(&mut **tx)
                .await?;
            sqlx::query(
                "INSERT INTO sqlite_sequence (name, seq)
                 SELECT ?2, ?1 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?2)",
            )
            .bind(mark)
            .bind(table)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    pub(crate) async fn lock_migrations(_tx: &mut sqlx::Transaction<'_, Db>) -> Result<()> {
        Ok(())
    }

    /// Folds the write-ahead log (which still holds erased pages as they
    /// were) into the securely deleted database, and empties it. Best
    /// effort: readers may hold it open, and the next erasure tries again.
    pub(crate) async fn after_erasure(writer: &SqlitePool) {
        let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(writer)
            .await;
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)` and `VACUUM`: no trace of deleted
    /// rows in the file or its write-ahead log.
    pub(crate) async fn compact(writer: &SqlitePool) -> Result<()> {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(writer)
            .await?;
        sqlx::query("VACUUM").execute(writer).await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(writer)
            .await?;
        Ok(())
    }
}

// Deliberately included by both backends, each with its own `dialect`:
// one implementation, compiled once per database.
#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
mod sql;
