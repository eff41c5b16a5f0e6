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
    /// The question page's reads, on the caller's thread; none for a
    /// database in memory, which other connections cannot open.
    direct: Option<direct::Readers>,
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
        // sqlx names a database in memory after itself ("file:sqlx-in-memory-N"):
        // the URL says so, not the file name.
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        let direct = (!in_memory)
            .then(|| direct::Readers::for_file(options.get_filename()))
            .flatten();
        let reader = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(SqliteStore {
            writer,
            reader,
            direct,
        })
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

    /// A thread is the page read most: read directly when the file allows.
    pub(crate) async fn thread(
        store: &Backend,
        id: confide_core::QuestionId,
    ) -> Result<Option<confide_core::Thread>> {
        match &store.direct {
            Some(direct) => direct.with(|conn| super::direct::thread(conn, id)),
            None => super::sql::pooled_thread(&store.reader, id).await,
        }
    }

    /// Titles for search results, on every search: read directly too.
    pub(crate) async fn question_titles(
        store: &Backend,
        ids: &[confide_core::QuestionId],
    ) -> Result<Vec<(confide_core::QuestionId, String)>> {
        match &store.direct {
            Some(direct) => direct.with(|conn| super::direct::titles(conn, ids)),
            None => super::sql::pooled_titles(&store.reader, ids).await,
        }
    }

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

/// Reads without sqlx, for the page read most. sqlx runs each SQLite
/// connection on a thread of its own and sends every statement and every
/// row across a channel: under load, a question page spent more of the
/// processors on waking those threads than SQLite spent reading. A read of
/// one thread from the page cache takes tens of microseconds, less than
/// one such hop, so it runs on the calling thread.
mod direct {
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;
    use std::time::Duration;

    use confide_core::{QuestionId, Thread};
    use rusqlite::{Connection, OpenFlags, TransactionBehavior};

    use super::sql::{self, THREAD_SQL};
    use crate::Result;

    /// Idle read-only connections to the database file. At most one is in
    /// use per thread at a time, so the pool stays as small as the runtime.
    pub(crate) struct Readers {
        path: PathBuf,
        idle: Mutex<Vec<Connection>>,
    }

    /// More idle connections than this are closed rather than kept.
    const KEEP: usize = 8;

    impl Readers {
        pub(crate) fn for_file(path: &Path) -> Option<Readers> {
            if path.as_os_str().is_empty() {
                return None;
            }
            Some(Readers {
                path: path.to_path_buf(),
                idle: Mutex::new(Vec::new()),
            })
        }

        fn open(&self) -> Result<Connection> {
            let conn = Connection::open_with_flags(
                &self.path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            // Readers wait only while SQLite recovers its log, which is rare;
            // a worker thread of the server must not wait long.
            conn.busy_timeout(Duration::from_secs(1))?;
            Ok(conn)
        }

        /// Runs `read` on an idle connection (opening one if none is idle).
        pub(crate) fn with<T>(&self, read: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
            let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            let mut conn = match idle {
                Some(conn) => conn,
                None => self.open()?,
            };
            let result = read(&mut conn);
            if let Ok(mut idle) = self.idle.lock() {
                if idle.len() < KEEP {
                    idle.push(conn);
                }
            }
            result
        }
    }

    /// One thread, in one read transaction so the reads see one moment.
    pub(crate) fn thread(conn: &mut Connection, id: QuestionId) -> Result<Option<Thread>> {
        let sql = &*THREAD_SQL;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let question = {
            let mut statement = tx.prepare_cached(&sql.question)?;
            let mut rows = statement.query([id.0])?;
            match rows.next()? {
                Some(row) => sql::question_from_row(row)?,
                None => return Ok(None),
            }
        };
        let mut answers = Vec::new();
        each_row(&tx, &sql.answers, id, |row| {
            answers.push(sql::answer_from_row(row)?);
            Ok(())
        })?;
        if !answers.is_empty() {
            each_row(&tx, &sql.evidence.citations, id, |row| {
                sql::attach_citation(&mut answers, row)
            })?;
            each_row(&tx, &sql.evidence.reviews, id, |row| {
                sql::attach_review(&mut answers, row)
            })?;
        }
        let mut replies = Vec::new();
        each_row(&tx, &sql.replies, id, |row| {
            replies.push(sql::reply_from_row(row)?);
            Ok(())
        })?;
        tx.finish()?;
        Ok(Some(Thread {
            question,
            answers,
            replies,
        }))
    }

    /// The titles of those of `ids` that exist, in one read transaction.
    pub(crate) fn titles(
        conn: &mut Connection,
        ids: &[QuestionId],
    ) -> Result<Vec<(QuestionId, String)>> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let mut titles = Vec::with_capacity(ids.len());
        {
            static ONE: std::sync::LazyLock<String> =
                std::sync::LazyLock::new(|| format!("{} AND id = ?", sql::PUBLIC_TITLES));
            let mut statement = tx.prepare_cached(&ONE)?;
            for &id in ids {
                let mut rows = statement.query([id.0])?;
                if let Some(row) = rows.next()? {
                    titles.push((id, row.get("title")?));
                }
            }
        }
        tx.finish()?;
        Ok(titles)
    }

    fn each_row(
        conn: &Connection,
        sql: &str,
        id: QuestionId,
        mut each: impl FnMut(&rusqlite::Row<'_>) -> Result<()>,
    ) -> Result<()> {
        let mut statement = conn.prepare_cached(sql)?;
        let mut rows = statement.query([id.0])?;
        while let Some(row) = rows.next()? {
            each(row)?;
        }
        Ok(())
    }
}
