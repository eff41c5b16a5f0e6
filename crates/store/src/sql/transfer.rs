//! The whole instance as records, out and in: how operators move between
//! SQLite and PostgreSQL, and back up in a form any tool can read.
//! Every table is listed here with its columns, in an order that respects
//! foreign keys, so export and import are one loop each.

use base64::Engine as _;
use futures_util::TryStreamExt;
use serde_json::{Map, Value};
use sqlx::Row;

use super::dialect::{self, q, Backend, Db, DbRow};
use crate::transfer::{Record, TransferError};
use crate::{Result, StoreError};

#[derive(Clone, Copy)]
enum Kind {
    Int,
    OptInt,
    Text,
    OptText,
    Bool,
    Bytes,
}

use Kind::*;

struct Table {
    name: &'static str,
    order_by: &'static str,
    /// Only these rows (e.g. the instance secret, not per-node cursors).
    filter: &'static str,
    columns: &'static [(&'static str, Kind)],
}

/// Parents before children. Sessions come along, so nobody is logged out
/// by a move; the change log does not (it describes the old database).
const TABLES: &[Table] = &[
    Table {
        name: "instance",
        order_by: "key",
        filter: "key = 'secret'",
        columns: &[("key", Text), ("value", Bytes)],
    },
    Table {
        name: "accounts",
        order_by: "id",
        filter: "",
        columns: &[
            ("id", Int),
            ("handle", Text),
            ("display_name", Text),
            ("credentials", Text),
            ("role", Text),
            ("password_hash", Text),
            ("disabled", Bool),
            ("created_at", Int),
            ("verified_at", OptInt),
            ("notify_email", OptText),
            ("notify_topics", Text),
            ("notify_lang", Text),
        ],
    },
    Table {
        name: "expert_applications",
        order_by: "account_id",
        filter: "",
        columns: &[
            ("account_id", Int),
            ("licence_number", Text),
            ("licence_body", Text),
            ("check_url", Text),
            ("statement", Text),
            ("status", Text),
            ("created_at", Int),
            ("decided_at", OptInt),
            ("decided_by", OptText),
            ("decision_note", OptText),
        ],
    },
    Table {
        name: "sessions",
        order_by: "token_hash",
        filter: "",
        columns: &[
            ("token_hash", Bytes),
            ("account_id", Int),
            ("created_at", Int),
            ("expires_at", Int),
        ],
    },
    Table {
        name: "questions",
        order_by: "id",
        filter: "",
        columns: &[
            ("id", Int),
            ("capability_hash", Bytes),
            ("title", Text),
            ("body", Text),
            ("body_html", Text),
            ("topic", Text),
            ("created_at", Int),
            ("published_at", OptInt),
            ("helpful_answer_id", OptInt),
            ("answer_count", Int),
            ("urgency", Int),
            ("triage", Text),
            ("hidden_reason", OptText),
        ],
    },
    Table {
        name: "question_revisions",
        order_by: "question_id, number",
        filter: "",
        columns: &[
            ("question_id", Int),
            ("number", Int),
            ("title", Text),
            ("body", Text),
            ("editor_id", OptInt),
            ("reason", Text),
            ("created_at", Int),
        ],
    },
    Table {
        name: "answers",
        order_by: "id",
        filter: "",
        columns: &[
            ("id", Int),
            ("question_id", Int),
            ("author_id", Int),
            ("body", Text),
            ("body_html", Text),
            ("created_at", Int),
            ("updated_at", Int),
            ("helped_count", Int),
            ("reviewed_at", Int),
            ("hidden_reason", OptText),
        ],
    },
    Table {
        name: "answer_revisions",
        order_by: "answer_id, number",
        filter: "",
        columns: &[
            ("answer_id", Int),
            ("number", Int),
            ("body", Text),
            ("editor_id", Int),
            ("reason", Text),
            ("created_at", Int),
        ],
    },
    Table {
        name: "citations",
        order_by: "answer_id, position",
        filter: "",
        columns: &[
            ("answer_id", Int),
            ("position", Int),
            ("title", Text),
            ("doi", OptText),
            ("pmid", OptText),
            ("url", OptText),
            ("year", OptInt),
        ],
    },
    Table {
        name: "reviews",
        order_by: "id",
        filter: "",
        columns: &[
            ("id", Int),
            ("answer_id", Int),
            ("reviewer_id", Int),
            ("verdict", Text),
            ("quote", OptText),
            ("note", Text),
            ("note_html", Text),
            ("cite_title", OptText),
            ("cite_doi", OptText),
            ("cite_pmid", OptText),
            ("cite_url", OptText),
            ("cite_year", OptInt),
            ("created_at", Int),
            ("status", Text),
            ("status_note", OptText),
            ("addressed_in", OptInt),
        ],
    },
    Table {
        name: "replies",
        order_by: "id",
        filter: "",
        columns: &[
            ("id", Int),
            ("question_id", Int),
            ("answer_id", OptInt),
            ("author_id", OptInt),
            ("body", Text),
            ("body_html", Text),
            ("created_at", Int),
            ("hidden_reason", OptText),
            ("moderator_note", OptText),
        ],
    },
    Table {
        name: "flags",
        order_by: "id",
        filter: "",
        columns: &[
            ("id", Int),
            ("question_id", Int),
            ("target", Text),
            ("target_id", Int),
            ("reason", Text),
            ("note", Text),
            ("created_at", Int),
            ("resolution", OptText),
            ("resolved_by", OptText),
            ("resolved_at", OptInt),
        ],
    },
    Table {
        name: "embeddings",
        order_by: "question_id",
        filter: "",
        columns: &[
            ("question_id", Int),
            ("model", Text),
            ("content_hash", Bytes),
            ("vector", Bytes),
        ],
    },
    Table {
        name: "audit_log",
        order_by: "id",
        filter: "",
        columns: &[
            ("id", Int),
            ("at", Int),
            ("actor", Text),
            ("action", Text),
            ("target", Text),
        ],
    },
];

/// Not a table: where each table's ids stand, so an imported instance
/// never hands out an erased question's id again.
const HIGH_WATER: &str = "id_high_water";

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

fn to_json(row: &DbRow, columns: &[(&str, Kind)]) -> Result<Map<String, Value>> {
    let mut out = Map::new();
    for (name, kind) in columns {
        let value = match kind {
            Int => Value::from(row.try_get::<i64, _>(*name)?),
            OptInt => row
                .try_get::<Option<i64>, _>(*name)?
                .map_or(Value::Null, Value::from),
            Text => Value::from(row.try_get::<String, _>(*name)?),
            OptText => row
                .try_get::<Option<String>, _>(*name)?
                .map_or(Value::Null, Value::from),
            Bool => Value::from(row.try_get::<bool, _>(*name)?),
            Bytes => Value::from(b64().encode(row.try_get::<Vec<u8>, _>(*name)?)),
        };
        out.insert((*name).to_owned(), value);
    }
    Ok(out)
}

type Query<'q> = sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments<'q>>;

fn bind<'q>(
    query: Query<'q>,
    table: &str,
    row: &Map<String, Value>,
    (name, kind): (&str, Kind),
) -> std::result::Result<Query<'q>, TransferError> {
    let value = row.get(name).unwrap_or(&Value::Null);
    let wrong = |expected: &str| TransferError::Field {
        table: table.to_owned(),
        column: name.to_owned(),
        expected: expected.to_owned(),
    };
    Ok(match kind {
        Int => query.bind(value.as_i64().ok_or_else(|| wrong("an integer"))?),
        OptInt => query.bind(match value {
            Value::Null => None,
            v => Some(v.as_i64().ok_or_else(|| wrong("an integer or null"))?),
        }),
        Text => query.bind(value.as_str().ok_or_else(|| wrong("a string"))?.to_owned()),
        OptText => query.bind(match value {
            Value::Null => None,
            v => Some(
                v.as_str()
                    .ok_or_else(|| wrong("a string or null"))?
                    .to_owned(),
            ),
        }),
        Bool => query.bind(value.as_bool().ok_or_else(|| wrong("true or false"))?),
        Bytes => {
            let text = value.as_str().ok_or_else(|| wrong("base64 text"))?;
            query.bind(b64().decode(text).map_err(|_| wrong("base64 text"))?)
        }
    })
}

impl Backend {
    pub(super) async fn export_records(
        &self,
        sink: &mut (dyn FnMut(Record) -> std::io::Result<()> + Send),
    ) -> Result<u64> {
        // One read transaction: the export is one consistent moment.
        let mut tx = self.reader.begin().await?;
        dialect::snapshot(&mut tx).await?;
        let mut count = 0;
        for table in TABLES {
            let columns: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
            let filter = if table.filter.is_empty() {
                String::new()
            } else {
                format!(" WHERE {}", table.filter)
            };
            let sql = format!(
                "SELECT {} FROM {}{filter} ORDER BY {}",
                columns.join(", "),
                table.name,
                table.order_by
            );
            let sql = q(&sql);
            let mut rows = sqlx::query(&sql).fetch(&mut *tx);
            while let Some(row) = rows.try_next().await? {
                let record = Record {
                    table: table.name.to_owned(),
                    row: to_json(&row, table.columns)?,
                    line: 0,
                };
                sink(record).map_err(|e| StoreError::Corrupt(format!("cannot write: {e}")))?;
                count += 1;
            }
        }
        // Where each table's ids stand, erased rows included.
        for (name, value) in dialect::high_water(&mut tx).await? {
            let mut row = Map::new();
            row.insert("name".into(), Value::from(name));
            row.insert("value".into(), Value::from(value));
            sink(Record {
                table: HIGH_WATER.into(),
                row,
                line: 0,
            })
            .map_err(|e| StoreError::Corrupt(format!("cannot write: {e}")))?;
            count += 1;
        }
        tx.commit().await?;
        Ok(count)
    }

    pub(super) async fn import_records(
        &self,
        records: &mut (dyn Iterator<Item = std::result::Result<Record, TransferError>> + Send),
        progress: &mut (dyn FnMut(u64) + Send),
    ) -> std::result::Result<u64, TransferError> {
        let mut tx = self.writer.begin().await.map_err(StoreError::from)?;
        let occupied: i64 = sqlx::query_scalar(&q(
            "SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM questions)",
        ))
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::from)?;
        if occupied > 0 {
            return Err(TransferError::NotEmpty);
        }
        // The instance secret was made when this database was; the export's replaces it.
        sqlx::query(&q("DELETE FROM instance"))
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?;
        let mut count = 0;
        let mut questions = Vec::new();
        let mut marks: Vec<(String, i64)> = Vec::new();
        for record in records {
            let record = record?;
            let at_line = |e: TransferError| TransferError::Line {
                line: record.line,
                message: e.to_string(),
            };
            if record.table == HIGH_WATER {
                let name = record.row.get("name").and_then(Value::as_str);
                let value = record.row.get("value").and_then(Value::as_i64);
                let (Some(name), Some(value)) = (name, value) else {
                    return Err(at_line(TransferError::Field {
                        table: HIGH_WATER.into(),
                        column: "name/value".into(),
                        expected: "a table name and an integer".into(),
                    }));
                };
                if !crate::sql_tables_with_ids().contains(&name) {
                    return Err(at_line(TransferError::UnknownTable(name.to_owned())));
                }
                marks.push((name.to_owned(), value));
                count += 1;
                continue;
            }
            let table = TABLES
                .iter()
                .find(|t| t.name == record.table)
                .ok_or_else(|| at_line(TransferError::UnknownTable(record.table.clone())))?;
            let columns: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                table.name,
                columns.join(", "),
                vec!["?"; columns.len()].join(", ")
            );
            let sql = q(&sql);
            let mut query = sqlx::query(&sql);
            for column in table.columns {
                query = bind(query, table.name, &record.row, *column).map_err(at_line)?;
            }
            query
                .execute(&mut *tx)
                .await
                .map_err(|e| at_line(StoreError::from(e).into()))?;
            if table.name == "questions" {
                if let Some(id) = record.row.get("id").and_then(Value::as_i64) {
                    questions.push(id);
                }
            }
            count += 1;
            if count % 1000 == 0 {
                progress(count);
            }
        }
        // Projections (search) learn of every question from the change log.
        for id in questions {
            super::log_change(
                &mut tx,
                Some(confide_core::QuestionId(id)),
                "question",
                id,
                "imported",
                confide_core::Timestamp(super::unix_millis()),
            )
            .await?;
        }
        dialect::after_import(&mut tx, &marks).await?;
        tx.commit().await.map_err(StoreError::from)?;
        // Fresh statistics: right after a bulk load the planner would
        // otherwise believe the tables empty and scan them whole.
        sqlx::query("ANALYZE")
            .execute(&self.writer)
            .await
            .map_err(StoreError::from)?;
        progress(count);
        Ok(count)
    }
}
