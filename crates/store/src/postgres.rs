//! PostgreSQL, for several nodes on one database. The same implementation
//! as SQLite's (`sql/`), with statements rewritten for PostgreSQL and the
//! change log written under a lock so sequence numbers follow commit order.

use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::Result;

pub struct PostgresStore {
    /// PostgreSQL runs writers side by side; one pool serves both roles.
    writer: PgPool,
    reader: PgPool,
}

impl PostgresStore {
    pub async fn open(url: &str) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(std::time::Duration::from_secs(10))
            .connect(url)
            .await?;
        Ok(PostgresStore {
            writer: pool.clone(),
            reader: pool,
        })
    }
}

/// Rewrites a statement written for SQLite into PostgreSQL's dialect:
/// `?` and `?N` placeholders become `$N` (outside string literals), and the
/// few functions that differ get PostgreSQL's names.
pub(crate) fn translate(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut next = 0;
    let mut chars = sql.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if c == '\'' {
            in_string = !in_string;
            out.push(c);
        } else if c == '?' && !in_string {
            let mut digits = String::new();
            while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(*d);
                chars.next();
            }
            if digits.is_empty() {
                next += 1;
                digits = next.to_string();
            }
            out.push('$');
            out.push_str(&digits);
        } else {
            out.push(c);
        }
    }
    out.replace("group_concat(", "string_agg(")
        .replace("instr(", "strpos(")
        .replace("char(10)", "chr(10)")
}

mod dialect {
    use std::collections::HashMap;
    use std::sync::{Arc, LazyLock, RwLock};

    use sqlx::PgPool;

    use crate::Result;

    pub(crate) type Db = sqlx::Postgres;
    pub(crate) type DbRow = sqlx::postgres::PgRow;
    pub(crate) type Conn = sqlx::PgConnection;
    pub(crate) type Backend = super::PostgresStore;
    pub(crate) const MIGRATIONS: &[crate::migrate::Migration] = crate::migrate::POSTGRES;

    pub(crate) async fn thread(
        store: &Backend,
        id: confide_core::QuestionId,
    ) -> Result<Option<confide_core::Thread>> {
        super::sql::pooled_thread(&store.reader, id).await
    }

    pub(crate) async fn question_titles(
        store: &Backend,
        ids: &[confide_core::QuestionId],
    ) -> Result<Vec<(confide_core::QuestionId, String)>> {
        super::sql::pooled_titles(&store.reader, ids).await
    }

    /// Advisory-lock keys (arbitrary, fixed): the change log and migrations.
    const CHANGE_LOG_LOCK: i64 = 0x636f_6e66_6964_6501;
    const MIGRATION_LOCK: i64 = 0x636f_6e66_6964_6502;

    /// Statements are written once and used many times: each is rewritten
    /// the first time only. They are all built from constants, so the set
    /// is small; the cap only guards against a future dynamic statement.
    pub(crate) fn q(sql: &str) -> Arc<str> {
        static TRANSLATED: LazyLock<RwLock<HashMap<Box<str>, Arc<str>>>> =
            LazyLock::new(Default::default);
        const MOST: usize = 1024;
        let full = match TRANSLATED.read() {
            Ok(map) => match map.get(sql) {
                Some(done) => return done.clone(),
                None => map.len() >= MOST,
            },
            Err(_) => true,
        };
        let done: Arc<str> = super::translate(sql).into();
        if !full {
            if let Ok(mut map) = TRANSLATED.write() {
                map.insert(sql.into(), done.clone());
            }
        }
        done
    }

    /// Held until commit: the next transaction to write the log waits, so
    /// no follower ever sees sequence 12 before 11 exists.
    pub(crate) async fn lock_change_log(tx: &mut sqlx::Transaction<'_, Db>) -> Result<()> {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(CHANGE_LOG_LOCK)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    pub(crate) async fn backup(_reader: &PgPool, _path: &std::path::Path) -> Result<()> {
        Err(crate::StoreError::UnsupportedUrl(
            "`confide backup` copies SQLite files; back PostgreSQL up with pg_dump (see the README), or use `confide export`".into(),
        ))
    }

    /// The largest id each table ever handed out (erased rows included).
    pub(crate) async fn high_water(
        tx: &mut sqlx::Transaction<'_, Db>,
    ) -> Result<Vec<(String, i64)>> {
        let mut marks = Vec::new();
        for table in crate::sql_tables_with_ids() {
            let last: Option<i64> = sqlx::query_scalar(
                "SELECT pg_sequence_last_value(pg_get_serial_sequence($1, 'id')::regclass)",
            )
            .bind(table)
            .fetch_one(&mut **tx)
            .await?;
            if let Some(last) = last {
                marks.push(((*table).to_owned(), last));
            }
        }
        Ok(marks)
    }

    /// Identity columns do not follow ids inserted explicitly: move each
    /// one past the largest id ever handed out (the export's mark, or the
    /// largest imported), so new rows never collide and an erased
    /// question's id is never given to another.
    pub(crate) async fn after_import(
        tx: &mut sqlx::Transaction<'_, Db>,
        marks: &[(String, i64)],
    ) -> Result<()> {
        for table in crate::sql_tables_with_ids() {
            let mark = marks
                .iter()
                .find(|(t, _)| t == table)
                .map_or(0, |(_, m)| *m);
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                               GREATEST($1, COALESCE((SELECT MAX(id) FROM {table}), 0), 1),
                               GREATEST($1, COALESCE((SELECT MAX(id) FROM {table}), 0)) > 0)"
            ))
            .bind(mark)
            .execute(&mut **tx)
            .await?;
        }
        // Accounts are not in the marks (never deleted): past the largest.
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('accounts', 'id'),
                           COALESCE((SELECT MAX(id) FROM accounts), 0) + 1, false)",
        )
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// READ COMMITTED would let each statement see a later moment: a
    /// thread or an export must be one moment.
    pub(crate) async fn snapshot(tx: &mut sqlx::Transaction<'_, Db>) -> Result<()> {
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    pub(crate) async fn lock_migrations(tx: &mut sqlx::Transaction<'_, Db>) -> Result<()> {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Deleted rows are gone from every query at once; PostgreSQL reclaims
    /// their space at its next vacuum (see `compact`).
    pub(crate) async fn after_erasure(_writer: &PgPool) {}

    /// `VACUUM` of the tables that hold people's words, so the space of
    /// erased rows is reclaimed now rather than at autovacuum's leisure.
    pub(crate) async fn compact(writer: &PgPool) -> Result<()> {
        sqlx::query(
            "VACUUM questions, answers, replies, answer_revisions, question_revisions, flags,
                    embeddings, reviews, accounts, expert_applications, sessions",
        )
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

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn placeholders_and_functions_are_rewritten() {
        assert_eq!(
            translate("SELECT a FROM t WHERE x = ? AND y = ?"),
            "SELECT a FROM t WHERE x = $1 AND y = $2"
        );
        assert_eq!(
            translate("UPDATE t SET a = ?1 WHERE b = ?2 AND instr(?1, c) = 0"),
            "UPDATE t SET a = $1 WHERE b = $2 AND strpos($1, c) = 0"
        );
        assert_eq!(
            translate("SELECT '?', group_concat(b, char(10)) FROM t WHERE c = ?"),
            "SELECT '?', string_agg(b, chr(10)) FROM t WHERE c = $1"
        );
    }

    #[test]
    fn a_statement_is_rewritten_once_and_then_reused() {
        let sql = String::from("SELECT b FROM reused WHERE a = ?");
        let first = super::dialect::q(&sql);
        let again = super::dialect::q(&sql.clone());
        assert_eq!(&*first, "SELECT b FROM reused WHERE a = $1");
        assert!(std::sync::Arc::ptr_eq(&first, &again));
    }
}
