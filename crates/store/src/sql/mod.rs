//! The storage implementation, written once in the SQL both backends
//! understand. Each backend includes this module with its own `dialect`
//! (`crate::sqlite`, `crate::postgres`): the database type, how to rewrite
//! a statement for it, and the few things only it does (taking the
//! change-log lock, reclaiming space, migrating). So every storage
//! behaviour has one implementation, checked by the compiler for both
//! databases and by the same contract tests against both.

use async_trait::async_trait;
use confide_core::question::{AnswerDraft, QuestionDraft, ReplyAuthor, ReplyDraft};
use confide_core::{
    markdown, Account, AccountId, Answer, AnswerId, Author, Question, QuestionId, QuestionSummary,
    Reply, ReplyId, Role, Thread, Timestamp, TokenHash, Topic,
};
use sqlx::{QueryBuilder, Row, Transaction};

use super::dialect::{self, q, Backend, Conn, Db, DbRow};
use crate::error::on_unique_violation;
use confide_core::evidence::{Citation, Review, ReviewDraft, ReviewId, ReviewStatus, Verdict};
use confide_core::question::Revision;

use crate::{
    AuditEntry, Change, Cursor, NewAccount, QuestionPage, QuestionRevision, Result, SearchDocument,
    Store, StoreError, StoredEmbedding,
};
use confide_core::expert::{Application, ApplicationDraft, ApplicationStatus, Decision};
use confide_core::moderation::{FlagDraft, Flagged, QuestionEdit, Resolution, Target};
use confide_core::notification::{Arrival, EmailAddress, Subscription};

mod experts;
mod moderation;
mod notifications;
mod transfer;

impl Backend {
    /// Erases a question (with its answers and replies, by cascade); with
    /// `only_unanswered`, only while nobody has answered it, decided in the
    /// same statement so an answer arriving meanwhile is never lost.
    async fn erase(
        &self,
        id: QuestionId,
        actor: &str,
        at: Timestamp,
        only_unanswered: bool,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let sql = if only_unanswered {
            // Any answer counts, hidden ones too: a moderator's decision
            // must never make a question look unanswered to retention.
            "DELETE FROM questions WHERE id = ? AND answer_count = 0
             AND NOT EXISTS (SELECT 1 FROM answers WHERE answers.question_id = questions.id)"
        } else {
            "DELETE FROM questions WHERE id = ?"
        };
        let erased = sqlx::query(&q(sql))
            .bind(id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            > 0;
        if erased {
            log_change(&mut tx, Some(id), "question", id.0, "erased", at).await?;
            log_audit(
                &mut tx,
                actor,
                "question.erase",
                &format!("question:{}", id.0),
                at,
            )
            .await?;
        }
        tx.commit().await?;
        if erased {
            self.fold_wal().await;
        }
        Ok(erased)
    }

    /// After text was erased or overwritten, the backend makes sure no old
    /// copy lingers (SQLite: folds and empties its write-ahead log).
    async fn fold_wal(&self) {
        dialect::after_erasure(&self.writer).await;
    }

    /// Runs one `UPDATE answers … RETURNING question_id` (binding `?1` to
    /// `at` and `?2` to the answer) and logs `op` for it, in one transaction.
    async fn mark_answer(
        &self,
        sql: &str,
        answer: AnswerId,
        op: &str,
        at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let question: Option<i64> = sqlx::query_scalar(&q(sql))
            .bind(at.millis())
            .bind(answer.0)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(question) = question else {
            return Err(StoreError::NotFound);
        };
        log_change(
            &mut tx,
            Some(QuestionId(question)),
            "answer",
            answer.0,
            op,
            at,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}

/// The account row itself, for every way an account comes to be.
async fn insert_account(tx: &mut Transaction<'_, Db>, account: &NewAccount) -> Result<i64> {
    sqlx::query_scalar(&q(
        "INSERT INTO accounts (handle, display_name, credentials, role, password_hash, created_at, verified_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ))
    .bind(account.handle.as_str())
    .bind(account.display_name.as_str())
    .bind(account.credentials.as_str())
    .bind(account.role.as_str())
    .bind(&account.password_hash)
    .bind(account.created_at.millis())
    .bind(account.verified.then_some(account.created_at.millis()))
    .fetch_one(&mut **tx)
    .await
    .map_err(on_unique_violation("that handle is already taken"))
}

fn unix_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

async fn log_change(
    tx: &mut Transaction<'_, Db>,
    question: Option<QuestionId>,
    entity: &str,
    entity_id: i64,
    op: &str,
    at: Timestamp,
) -> Result<()> {
    // Followers read the log by sequence number: numbers must be handed out
    // in commit order, which a backend with concurrent writers ensures here.
    dialect::lock_change_log(tx).await?;
    sqlx::query(&q(
        "INSERT INTO changes (question_id, entity, entity_id, op, at) VALUES (?, ?, ?, ?, ?)",
    ))
    .bind(question.map(|q| q.0))
    .bind(entity)
    .bind(entity_id)
    .bind(op)
    .bind(at.millis())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn log_audit(
    tx: &mut Transaction<'_, Db>,
    actor: &str,
    action: &str,
    target: &str,
    at: Timestamp,
) -> Result<()> {
    sqlx::query(&q(
        "INSERT INTO audit_log (at, actor, action, target) VALUES (?, ?, ?, ?)",
    ))
    .bind(at.millis())
    .bind(actor)
    .bind(action)
    .bind(target)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A value a result row can hold, whichever driver read it.
pub(super) trait Value:
    for<'r> sqlx::Decode<'r, Db> + sqlx::Type<Db> + rusqlite::types::FromSql
{
}
impl<T> Value for T where T: for<'r> sqlx::Decode<'r, Db> + sqlx::Type<Db> + rusqlite::types::FromSql
{}

/// A result row read by column name: the thread's rows are mapped once,
/// whether sqlx read them or SQLite's direct reader did.
pub(super) trait Columns {
    fn col<T: Value>(&self, name: &str) -> Result<T>;
}

impl Columns for DbRow {
    fn col<T: Value>(&self, name: &str) -> Result<T> {
        Ok(self.try_get(name)?)
    }
}

impl Columns for rusqlite::Row<'_> {
    fn col<T: Value>(&self, name: &str) -> Result<T> {
        Ok(self.get(name)?)
    }
}

fn parse_topic(s: &str) -> Result<Topic> {
    Topic::parse(s).map_err(|_| StoreError::Corrupt(format!("unknown topic {s:?} in database")))
}

fn parse_role(s: &str) -> Result<Role> {
    Role::parse(s).map_err(|_| StoreError::Corrupt(format!("unknown role {s:?} in database")))
}

const SUMMARY_COLUMNS: &str =
    "id, title, substr(body, 1, 400) AS excerpt_source, topic, created_at, \
     published_at, answer_count, urgency, triage";

fn parse_triage(s: &str) -> Vec<confide_core::triage::Category> {
    s.split(',')
        .filter_map(confide_core::triage::Category::parse)
        .collect()
}

fn summary_from_row(row: &DbRow) -> Result<QuestionSummary> {
    let source: String = row.try_get("excerpt_source")?;
    Ok(QuestionSummary {
        id: QuestionId(row.try_get("id")?),
        title: row.try_get("title")?,
        excerpt: markdown::excerpt(&source, 200),
        topic: parse_topic(row.try_get("topic")?)?,
        created_at: Timestamp(row.try_get("created_at")?),
        published_at: row
            .try_get::<Option<i64>, _>("published_at")?
            .map(Timestamp),
        answer_count: row.try_get("answer_count")?,
        urgency: row.try_get::<i64, _>("urgency")?.clamp(0, 9) as u8,
        triage: parse_triage(row.try_get("triage")?),
    })
}

const ACCOUNT_COLUMNS: &str =
    "accounts.id, handle, display_name, credentials, role, disabled, accounts.created_at, verified_at";

fn account_from_row(row: &DbRow) -> Result<Account> {
    Ok(Account {
        id: AccountId(row.try_get("id")?),
        handle: row.try_get("handle")?,
        display_name: row.try_get("display_name")?,
        credentials: row.try_get("credentials")?,
        role: parse_role(row.try_get("role")?)?,
        disabled: row.try_get("disabled")?,
        created_at: Timestamp(row.try_get("created_at")?),
        verified_at: row.try_get::<Option<i64>, _>("verified_at")?.map(Timestamp),
    })
}

pub(super) fn author_from_row(row: &impl Columns) -> Result<Author> {
    Ok(Author {
        id: AccountId(row.col("author_id")?),
        handle: row.col("handle")?,
        display_name: row.col("display_name")?,
        credentials: row.col("credentials")?,
        verified_at: row.col::<Option<i64>>("verified_at")?.map(Timestamp),
    })
}

pub(super) const ANSWER_SELECT: &str =
    "SELECT answers.id, question_id, author_id, body, body_html, \
     answers.created_at, updated_at, helped_count, reviewed_at, answers.hidden_reason, \
     (SELECT count(*) FROM answer_revisions r WHERE r.answer_id = answers.id) AS revisions, \
     handle, display_name, credentials, verified_at \
     FROM answers JOIN accounts ON accounts.id = answers.author_id";

pub(super) fn answer_from_row(row: &impl Columns) -> Result<Answer> {
    Ok(Answer {
        id: AnswerId(row.col("id")?),
        question_id: QuestionId(row.col("question_id")?),
        author: author_from_row(row)?,
        body: row.col("body")?,
        body_html: row.col("body_html")?,
        created_at: Timestamp(row.col("created_at")?),
        updated_at: Timestamp(row.col("updated_at")?),
        citations: Vec::new(),
        reviews: Vec::new(),
        helped_count: row.col("helped_count")?,
        revisions: row.col("revisions")?,
        reviewed_at: Timestamp(row.col("reviewed_at")?),
        hidden: row.col("hidden_reason")?,
    })
}

const CITATION_SELECT: &str = "SELECT answer_id, title, doi, pmid, url, year FROM citations";
const CITATION_ORDER: &str = "ORDER BY answer_id, position";

const REVIEW_SELECT: &str =
    "SELECT reviews.id, answer_id, reviewer_id AS author_id, verdict, quote, note, note_html,
            cite_title, cite_doi, cite_pmid, cite_url, cite_year, reviews.created_at,
            status, status_note, addressed_in,
            handle, display_name, credentials, verified_at
     FROM reviews JOIN accounts ON accounts.id = reviews.reviewer_id";
const REVIEW_ORDER: &str = "ORDER BY reviews.id";

/// Puts a citation row under its answer.
pub(super) fn attach_citation(answers: &mut [Answer], row: &impl Columns) -> Result<()> {
    let id = AnswerId(row.col("answer_id")?);
    if let Some(a) = answers.iter_mut().find(|a| a.id == id) {
        a.citations.push(Citation {
            title: row.col("title")?,
            doi: row.col("doi")?,
            pmid: row.col("pmid")?,
            url: row.col("url")?,
            year: row.col::<Option<i64>>("year")?.map(|y| y as i32),
        });
    }
    Ok(())
}

/// Puts a review row under its answer.
pub(super) fn attach_review(answers: &mut [Answer], row: &impl Columns) -> Result<()> {
    let id = AnswerId(row.col("answer_id")?);
    let verdict: String = row.col("verdict")?;
    let citation = match row.col::<Option<String>>("cite_title")? {
        Some(title) => Some(Citation {
            title,
            doi: row.col("cite_doi")?,
            pmid: row.col("cite_pmid")?,
            url: row.col("cite_url")?,
            year: row.col::<Option<i64>>("cite_year")?.map(|y| y as i32),
        }),
        None => None,
    };
    let review = Review {
        id: ReviewId(row.col("id")?),
        answer_id: id,
        reviewer: author_from_row(row)?,
        verdict: Verdict::parse(&verdict)
            .map_err(|_| StoreError::Corrupt(format!("unknown verdict {verdict:?}")))?,
        quote: row.col("quote")?,
        note: row.col("note")?,
        note_html: row.col("note_html")?,
        citation,
        created_at: Timestamp(row.col("created_at")?),
        status: match row.col::<String>("status")?.as_str() {
            "addressed" => ReviewStatus::Addressed {
                revision: row.col::<Option<i64>>("addressed_in")?.unwrap_or(0),
            },
            "withdrawn" => ReviewStatus::Withdrawn,
            "closed" => ReviewStatus::Closed {
                reason: row
                    .col::<Option<String>>("status_note")?
                    .unwrap_or_default(),
            },
            _ => ReviewStatus::Open,
        },
    };
    if let Some(a) = answers.iter_mut().find(|a| a.id == id) {
        a.reviews.push(review);
    }
    Ok(())
}

/// The two statements that read answers' citations and reviews, for one
/// condition on `answer_id` with one `?`; built once per condition.
pub(super) struct EvidenceSql {
    pub citations: String,
    pub reviews: String,
}

impl EvidenceSql {
    fn of(filter: &str) -> Self {
        EvidenceSql {
            citations: q(&format!(
                "{CITATION_SELECT} WHERE {filter} {CITATION_ORDER}"
            ))
            .to_string(),
            reviews: q(&format!("{REVIEW_SELECT} WHERE {filter} {REVIEW_ORDER}")).to_string(),
        }
    }
}

static ONE_ANSWER_EVIDENCE: std::sync::LazyLock<EvidenceSql> =
    std::sync::LazyLock::new(|| EvidenceSql::of("answer_id = ?"));

/// Fills in the citations and reviews of `answers`, read with `sql`
/// (its one `?` bound to `key`).
async fn attach_evidence(
    conn: &mut Conn,
    answers: &mut [Answer],
    sql: &EvidenceSql,
    key: i64,
) -> Result<()> {
    if answers.is_empty() {
        return Ok(());
    }
    for row in sqlx::query(&sql.citations)
        .bind(key)
        .fetch_all(&mut *conn)
        .await?
    {
        attach_citation(answers, &row)?;
    }
    for row in sqlx::query(&sql.reviews)
        .bind(key)
        .fetch_all(&mut *conn)
        .await?
    {
        attach_review(answers, &row)?;
    }
    Ok(())
}

async fn insert_revision(
    tx: &mut Transaction<'_, Db>,
    answer: i64,
    draft: &AnswerDraft,
) -> Result<()> {
    sqlx::query(
        &q("INSERT INTO answer_revisions (answer_id, number, body, editor_id, reason, created_at)
         SELECT ?1, COALESCE(MAX(number), 0) + 1, ?2, ?3, ?4, ?5 FROM answer_revisions WHERE answer_id = ?1"),
    )
    .bind(answer)
    .bind(draft.body.as_str())
    .bind(draft.author_id.0)
    .bind(&draft.reason)
    .bind(draft.at.millis())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn insert_citations(
    tx: &mut Transaction<'_, Db>,
    answer: i64,
    citations: &[Citation],
) -> Result<()> {
    sqlx::query(&q("DELETE FROM citations WHERE answer_id = ?"))
        .bind(answer)
        .execute(&mut **tx)
        .await?;
    for (position, c) in citations.iter().enumerate() {
        sqlx::query(
            &q("INSERT INTO citations (answer_id, position, title, doi, pmid, url, year) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        )
        .bind(answer)
        .bind(position as i64)
        .bind(&c.title)
        .bind(&c.doi)
        .bind(&c.pmid)
        .bind(&c.url)
        .bind(c.year.map(i64::from))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub(super) const REPLY_SELECT: &str =
    "SELECT replies.id, question_id, answer_id, author_id, body, body_html,
        replies.created_at, replies.hidden_reason, replies.moderator_note,
        handle, display_name, credentials, verified_at
     FROM replies LEFT JOIN accounts ON accounts.id = replies.author_id";

pub(super) fn reply_from_row(row: &impl Columns) -> Result<Reply> {
    let author = match row.col::<Option<i64>>("author_id")? {
        None => ReplyAuthor::Asker,
        Some(_) => ReplyAuthor::Expert(author_from_row(row)?),
    };
    Ok(Reply {
        id: ReplyId(row.col("id")?),
        question_id: QuestionId(row.col("question_id")?),
        answer_id: row.col::<Option<i64>>("answer_id")?.map(AnswerId),
        author,
        body: row.col("body")?,
        body_html: row.col("body_html")?,
        created_at: Timestamp(row.col("created_at")?),
        hidden: row.col("hidden_reason")?,
        moderator_note: row.col("moderator_note")?,
    })
}

pub(super) fn question_from_row(row: &impl Columns) -> Result<Question> {
    Ok(Question {
        id: QuestionId(row.col("id")?),
        title: row.col("title")?,
        body: row.col("body")?,
        body_html: row.col("body_html")?,
        topic: parse_topic(&row.col::<String>("topic")?)?,
        created_at: Timestamp(row.col("created_at")?),
        published_at: row.col::<Option<i64>>("published_at")?.map(Timestamp),
        helpful_answer: row.col::<Option<i64>>("helpful_answer_id")?.map(AnswerId),
        answer_count: row.col("answer_count")?,
        urgency: row.col::<i64>("urgency")?.clamp(0, 9) as u8,
        triage: parse_triage(&row.col::<String>("triage")?),
        hidden: row.col("hidden_reason")?,
        revisions: row.col("revisions")?,
    })
}

/// The statements that read one thread, each binding the question's id
/// once; written here once for both ways of reading it.
pub(super) struct ThreadSql {
    pub question: String,
    pub answers: String,
    pub evidence: EvidenceSql,
    pub replies: String,
}

pub(super) static THREAD_SQL: std::sync::LazyLock<ThreadSql> =
    std::sync::LazyLock::new(|| ThreadSql {
        question: q(
            "SELECT id, title, body, body_html, topic, created_at, published_at,
                    helpful_answer_id, answer_count, urgency, triage, hidden_reason,
                    (SELECT count(*) FROM question_revisions r
                      WHERE r.question_id = questions.id) AS revisions
             FROM questions WHERE id = ?",
        )
        .to_string(),
        answers: q(&format!(
            "{ANSWER_SELECT} WHERE question_id = ? ORDER BY answers.id"
        ))
        .to_string(),
        evidence: EvidenceSql::of("answer_id IN (SELECT id FROM answers WHERE question_id = ?)"),
        replies: q(&format!(
            "{REPLY_SELECT} WHERE question_id = ? ORDER BY replies.id"
        ))
        .to_string(),
    });

/// Titles a reader may see: what search results show.
pub(super) const PUBLIC_TITLES: &str =
    "SELECT id, title FROM questions WHERE published_at IS NOT NULL AND hidden_reason IS NULL";

/// The titles of those of `ids` that are public, through the pool.
pub(super) async fn pooled_titles(
    pool: &sqlx::Pool<Db>,
    ids: &[QuestionId],
) -> Result<Vec<(QuestionId, String)>> {
    let mut titles = Vec::with_capacity(ids.len());
    // A bound on the statement's size, whatever a caller passes.
    for chunk in ids.chunks(500) {
        let mut query = QueryBuilder::<Db>::new(format!("{PUBLIC_TITLES} AND id IN ("));
        let mut list = query.separated(", ");
        for id in chunk {
            list.push_bind(id.0);
        }
        query.push(")");
        for row in query.build().fetch_all(pool).await? {
            titles.push((QuestionId(row.try_get("id")?), row.try_get("title")?));
        }
    }
    Ok(titles)
}

/// Reads one thread through the pool, in one read transaction so the
/// reads see the same moment.
pub(super) async fn pooled_thread(pool: &sqlx::Pool<Db>, id: QuestionId) -> Result<Option<Thread>> {
    let sql = &*THREAD_SQL;
    let mut tx = pool.begin().await?;
    dialect::snapshot(&mut tx).await?;
    let Some(row) = sqlx::query(&sql.question)
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?
    else {
        return Ok(None);
    };
    let question = question_from_row(&row)?;
    let mut answers = sqlx::query(&sql.answers)
        .bind(id.0)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(answer_from_row)
        .collect::<Result<Vec<_>>>()?;
    attach_evidence(&mut tx, &mut answers, &sql.evidence, id.0).await?;
    let replies = sqlx::query(&sql.replies)
        .bind(id.0)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(reply_from_row)
        .collect::<Result<Vec<_>>>()?;
    tx.commit().await?;
    Ok(Some(Thread {
        question,
        answers,
        replies,
    }))
}

// Hidden answers are not searchable; a hidden question is not public.
const DOCUMENT_SELECT: &str =
    "SELECT q.id, q.title, q.body, q.topic, q.published_at, q.answer_count, q.hidden_reason,
        COALESCE((SELECT group_concat(a.body, char(10) || char(10)) FROM answers a
                  WHERE a.question_id = q.id AND a.hidden_reason IS NULL), '') AS answers
     FROM questions q";

fn document_from_row(row: &DbRow) -> Result<SearchDocument> {
    Ok(SearchDocument {
        id: QuestionId(row.try_get("id")?),
        title: row.try_get("title")?,
        body: row.try_get("body")?,
        answers: row.try_get("answers")?,
        topic: parse_topic(row.try_get("topic")?)?,
        public: row.try_get::<Option<i64>, _>("published_at")?.is_some()
            && row.try_get::<Option<String>, _>("hidden_reason")?.is_none(),
        answered: row.try_get::<i64, _>("answer_count")? > 0,
    })
}

#[async_trait]
impl Store for Backend {
    async fn migrate(&self) -> Result<()> {
        // Nodes starting together take turns: each migration is applied once.
        let mut tx = self.writer.begin().await?;
        dialect::lock_migrations(&mut tx).await?;
        sqlx::query(&q(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        ))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        for migration in dialect::MIGRATIONS {
            let mut tx = self.writer.begin().await?;
            dialect::lock_migrations(&mut tx).await?;
            let applied: Option<i64> = sqlx::query_scalar(&q(
                "SELECT version FROM schema_migrations WHERE version = ?",
            ))
            .bind(migration.version)
            .fetch_optional(&mut *tx)
            .await?;
            if applied.is_some() {
                continue;
            }
            sqlx::Executor::execute(&mut *tx, migration.sql).await?;
            sqlx::query(&q(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            ))
            .bind(migration.version)
            .bind(migration.name)
            .bind(unix_millis())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            tracing::info!(
                version = migration.version,
                name = migration.name,
                "applied migration"
            );
        }
        Ok(())
    }

    async fn instance_secret(&self) -> Result<[u8; 32]> {
        let mut fresh = [0u8; 32];
        getrandom::getrandom(&mut fresh)
            .map_err(|e| StoreError::Corrupt(format!("no randomness available: {e}")))?;
        // Whoever inserts first wins; everyone then reads the same key.
        sqlx::query(&q(
            "INSERT INTO instance (key, value) VALUES ('secret', ?) ON CONFLICT (key) DO NOTHING",
        ))
        .bind(&fresh[..])
        .execute(&self.writer)
        .await?;
        let stored: Vec<u8> =
            sqlx::query_scalar(&q("SELECT value FROM instance WHERE key = 'secret'"))
                .fetch_one(&self.writer)
                .await?;
        <[u8; 32]>::try_from(stored.as_slice())
            .map_err(|_| StoreError::Corrupt("instance secret has the wrong length".into()))
    }

    async fn create_question(&self, draft: &QuestionDraft) -> Result<QuestionId> {
        let mut tx = self.writer.begin().await?;
        let id: i64 = sqlx::query_scalar(&q(
            "INSERT INTO questions (capability_hash, title, body, body_html, topic, created_at,
                 published_at, urgency, triage)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(draft.capability.as_bytes())
        .bind(draft.title.as_str())
        .bind(draft.body.as_str())
        .bind(&draft.body_html)
        .bind(draft.topic.slug())
        .bind(draft.created_at.millis())
        .bind(draft.published_at.map(Timestamp::millis))
        .bind(i64::from(draft.triage.urgency))
        .bind(
            draft
                .triage
                .categories
                .iter()
                .map(|c| c.id())
                .collect::<Vec<_>>()
                .join(","),
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(on_unique_violation("capability already in use"))?;
        let id = QuestionId(id);
        log_change(
            &mut tx,
            Some(id),
            "question",
            id.0,
            "created",
            draft.created_at,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn question_id_by_capability(
        &self,
        capability: &TokenHash,
    ) -> Result<Option<QuestionId>> {
        let id: Option<i64> =
            sqlx::query_scalar(&q("SELECT id FROM questions WHERE capability_hash = ?"))
                .bind(capability.as_bytes())
                .fetch_optional(&self.reader)
                .await?;
        Ok(id.map(QuestionId))
    }

    async fn thread(&self, id: QuestionId) -> Result<Option<Thread>> {
        dialect::thread(self, id).await
    }

    async fn public_questions(
        &self,
        topic: Option<Topic>,
        after: Option<Cursor>,
        limit: u32,
    ) -> Result<QuestionPage> {
        let limit = limit.clamp(1, 100);
        let mut query = QueryBuilder::<Db>::new(format!(
            "SELECT {SUMMARY_COLUMNS} FROM questions WHERE published_at IS NOT NULL AND hidden_reason IS NULL"
        ));
        if let Some(topic) = topic {
            query.push(" AND topic = ").push_bind(topic.slug());
        }
        if let Some(cursor) = after {
            query
                .push(" AND (published_at, id) < (")
                .push_bind(cursor.published_at.millis())
                .push(", ")
                .push_bind(cursor.id.0)
                .push(")");
        }
        query
            .push(" ORDER BY published_at DESC, id DESC LIMIT ")
            .push_bind(i64::from(limit) + 1);
        let rows = query.build().fetch_all(&self.reader).await?;
        let mut questions = rows
            .iter()
            .map(summary_from_row)
            .collect::<Result<Vec<_>>>()?;
        let next = if questions.len() > limit as usize {
            questions.truncate(limit as usize);
            questions.last().and_then(|q| {
                q.published_at.map(|published_at| Cursor {
                    published_at,
                    id: q.id,
                })
            })
        } else {
            None
        };
        Ok(QuestionPage { questions, next })
    }

    async fn unanswered_questions(&self, limit: u32) -> Result<Vec<QuestionSummary>> {
        sqlx::query(&q(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM questions WHERE answer_count = 0 AND hidden_reason IS NULL
             ORDER BY urgency DESC, created_at, id LIMIT ?"
        )))
        .bind(i64::from(limit.clamp(1, 500)))
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(summary_from_row)
        .collect()
    }

    async fn erase_question(&self, id: QuestionId, actor: &str, at: Timestamp) -> Result<bool> {
        self.erase(id, actor, at, false).await
    }

    async fn erase_if_unanswered(
        &self,
        id: QuestionId,
        actor: &str,
        at: Timestamp,
    ) -> Result<bool> {
        self.erase(id, actor, at, true).await
    }

    async fn unanswered_before(&self, cutoff: Timestamp, limit: u32) -> Result<Vec<QuestionId>> {
        let ids: Vec<i64> = sqlx::query_scalar(&q(
            "SELECT id FROM questions WHERE answer_count = 0 AND created_at < ?
                  AND NOT EXISTS (SELECT 1 FROM answers WHERE answers.question_id = questions.id)
                ORDER BY created_at, id LIMIT ?",
        ))
        .bind(cutoff.millis())
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await?;
        Ok(ids.into_iter().map(QuestionId).collect())
    }

    async fn create_answer(&self, draft: &AnswerDraft) -> Result<AnswerId> {
        let mut tx = self.writer.begin().await?;
        // Counting first takes the question's row lock: of two answers racing
        // on a new question, the second sees the first's publication.
        let published: Option<Option<i64>> = sqlx::query_scalar(&q(
            "UPDATE questions SET answer_count = answer_count + 1 WHERE id = ? RETURNING published_at",
        ))
        .bind(draft.question_id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(published) = published else {
            return Err(StoreError::NotFound);
        };
        let id: i64 = sqlx::query_scalar(
            &q("INSERT INTO answers (question_id, author_id, body, body_html, created_at, updated_at, reviewed_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        )
        .bind(draft.question_id.0)
        .bind(draft.author_id.0)
        .bind(draft.body.as_str())
        .bind(&draft.body_html)
        .bind(draft.at.millis())
        .bind(draft.at.millis())
        .bind(draft.at.millis())
        .fetch_one(&mut *tx)
        .await?;
        insert_citations(&mut tx, id, &draft.citations).await?;
        insert_revision(&mut tx, id, draft).await?;
        let publishes_now = draft.publishes && published.is_none();
        if publishes_now {
            sqlx::query(&q("UPDATE questions SET published_at = ? WHERE id = ?"))
                .bind(draft.at.millis())
                .bind(draft.question_id.0)
                .execute(&mut *tx)
                .await?;
        }
        let q = Some(draft.question_id);
        log_change(&mut tx, q, "answer", id, "created", draft.at).await?;
        if publishes_now {
            log_change(
                &mut tx,
                q,
                "question",
                draft.question_id.0,
                "published",
                draft.at,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(AnswerId(id))
    }

    async fn answer(&self, id: AnswerId) -> Result<Option<Answer>> {
        let mut conn = self.reader.acquire().await?;
        let Some(mut answer) = sqlx::query(&q(&format!("{ANSWER_SELECT} WHERE answers.id = ?")))
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?
            .as_ref()
            .map(answer_from_row)
            .transpose()?
        else {
            return Ok(None);
        };
        attach_evidence(
            &mut conn,
            std::slice::from_mut(&mut answer),
            &ONE_ANSWER_EVIDENCE,
            id.0,
        )
        .await?;
        Ok(Some(answer))
    }

    async fn revisions(&self, answer: AnswerId) -> Result<Vec<Revision>> {
        sqlx::query(&q(
            "SELECT number, body, display_name, reason, r.created_at FROM answer_revisions r
             JOIN accounts ON accounts.id = r.editor_id WHERE answer_id = ? ORDER BY number",
        ))
        .bind(answer.0)
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            Ok(Revision {
                number: row.try_get("number")?,
                body: row.try_get("body")?,
                editor: row.try_get("display_name")?,
                reason: row.try_get("reason")?,
                created_at: Timestamp(row.try_get("created_at")?),
            })
        })
        .collect()
    }

    async fn confirm_reviewed(&self, answer: AnswerId, at: Timestamp) -> Result<()> {
        self.mark_answer(
            "UPDATE answers SET reviewed_at = ?1 WHERE id = ?2 RETURNING question_id",
            answer,
            "reviewed",
            at,
        )
        .await
    }

    async fn answers_reviewed_before(
        &self,
        cutoff: Timestamp,
        limit: u32,
    ) -> Result<Vec<(Answer, String)>> {
        let rows = sqlx::query(&q(&format!(
            "{ANSWER_SELECT} WHERE reviewed_at < ? AND answers.hidden_reason IS NULL
               AND NOT EXISTS (SELECT 1 FROM questions hq
                               WHERE hq.id = answers.question_id AND hq.hidden_reason IS NOT NULL)
             ORDER BY reviewed_at LIMIT ?"
        )))
        .bind(cutoff.millis())
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let answer = answer_from_row(row)?;
            let title: Option<String> =
                sqlx::query_scalar(&q("SELECT title FROM questions WHERE id = ?"))
                    .bind(answer.question_id.0)
                    .fetch_optional(&self.reader)
                    .await?;
            out.push((answer, title.unwrap_or_default()));
        }
        Ok(out)
    }

    async fn review(&self, id: ReviewId) -> Result<Option<(ReviewId, AnswerId, AccountId)>> {
        let row = sqlx::query(&q(
            "SELECT id, answer_id, reviewer_id FROM reviews WHERE id = ?",
        ))
        .bind(id.0)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|r| {
            Ok((
                ReviewId(r.try_get("id")?),
                AnswerId(r.try_get("answer_id")?),
                AccountId(r.try_get("reviewer_id")?),
            ))
        })
        .transpose()
    }

    async fn set_review_status(
        &self,
        id: ReviewId,
        status: &ReviewStatus,
        actor: &str,
        at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let note = match status {
            ReviewStatus::Closed { reason } => Some(reason.clone()),
            _ => None,
        };
        let question: Option<i64> = sqlx::query_scalar(&q(
            "UPDATE reviews SET status = ?, status_note = ? WHERE id = ? AND status = 'open'
             RETURNING (SELECT question_id FROM answers WHERE answers.id = reviews.answer_id)",
        ))
        .bind(status.as_str())
        .bind(note)
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(question) = question else {
            return Err(StoreError::Conflict("that review is not open"));
        };
        log_change(
            &mut tx,
            Some(QuestionId(question)),
            "review",
            id.0,
            status.as_str(),
            at,
        )
        .await?;
        log_audit(
            &mut tx,
            actor,
            &format!("review.{}", status.as_str()),
            &format!("review:{}", id.0),
            at,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn count_helped(&self, answer: AnswerId, at: Timestamp) -> Result<()> {
        self.mark_answer(
            "UPDATE answers SET helped_count = helped_count + 1
             WHERE id = ?2 AND hidden_reason IS NULL RETURNING question_id",
            answer,
            "helped",
            at,
        )
        .await
    }

    async fn create_review(&self, draft: &ReviewDraft) -> Result<ReviewId> {
        let mut tx = self.writer.begin().await?;
        let question: Option<i64> =
            sqlx::query_scalar(&q("SELECT question_id FROM answers WHERE id = ?"))
                .bind(draft.answer_id.0)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(question) = question else {
            return Err(StoreError::NotFound);
        };
        let c = draft.citation.as_ref();
        let id: i64 = sqlx::query_scalar(&q(
            "INSERT INTO reviews (answer_id, reviewer_id, verdict, quote, note, note_html,
                 cite_title, cite_doi, cite_pmid, cite_url, cite_year, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(draft.answer_id.0)
        .bind(draft.reviewer.0)
        .bind(draft.verdict.as_str())
        .bind(&draft.quote)
        .bind(&draft.note)
        .bind(&draft.note_html)
        .bind(c.map(|c| c.title.clone()))
        .bind(c.and_then(|c| c.doi.clone()))
        .bind(c.and_then(|c| c.pmid.clone()))
        .bind(c.and_then(|c| c.url.clone()))
        .bind(c.and_then(|c| c.year).map(i64::from))
        .bind(draft.at.millis())
        .fetch_one(&mut *tx)
        .await?;
        log_change(
            &mut tx,
            Some(QuestionId(question)),
            "review",
            id,
            "created",
            draft.at,
        )
        .await?;
        tx.commit().await?;
        Ok(ReviewId(id))
    }

    async fn update_answer(&self, id: AnswerId, draft: &AnswerDraft) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let question: Option<i64> = sqlx::query_scalar(&q(
            "UPDATE answers SET body = ?1, body_html = ?2, updated_at = ?3,
                 reviewed_at = CASE WHEN author_id = ?4 THEN ?3 ELSE reviewed_at END
             WHERE id = ?5 RETURNING question_id",
        ))
        .bind(draft.body.as_str())
        .bind(&draft.body_html)
        .bind(draft.at.millis())
        .bind(draft.author_id.0)
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(question) = question else {
            return Err(StoreError::NotFound);
        };
        // Only the author's own edit restarts the review clock (a moderator
        // gives no clinical judgement); anyone else's edit is audited.
        sqlx::query(&q(
            "INSERT INTO audit_log (at, actor, action, target)
             SELECT ?1, 'account:' || handle, 'answer.moderator_edit', 'answer:' || ?2
             FROM accounts WHERE id = ?3 AND id <> (SELECT author_id FROM answers WHERE id = ?2)",
        ))
        .bind(draft.at.millis())
        .bind(id.0)
        .bind(draft.author_id.0)
        .execute(&mut *tx)
        .await?;
        insert_citations(&mut tx, id.0, &draft.citations).await?;
        insert_revision(&mut tx, id.0, draft).await?;
        // A dispute whose quoted passage the author's new version no longer
        // contains has been addressed, by this version (a moderator's edit
        // addresses nothing: it is no answer to the evidence).
        sqlx::query(
            &q("UPDATE reviews SET status = 'addressed',
                 addressed_in = (SELECT MAX(number) FROM answer_revisions WHERE answer_id = ?1)
             WHERE answer_id = ?1 AND verdict = 'dispute' AND status = 'open' AND instr(?2, quote) = 0
               AND ?3 = (SELECT author_id FROM answers WHERE id = ?1)"),
        )
        .bind(id.0)
        .bind(draft.body.as_str())
        .bind(draft.author_id.0)
        .execute(&mut *tx)
        .await?;
        log_change(
            &mut tx,
            Some(QuestionId(question)),
            "answer",
            id.0,
            "updated",
            draft.at,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_reply(&self, draft: &ReplyDraft) -> Result<ReplyId> {
        let mut tx = self.writer.begin().await?;
        // The answer replied to must belong to this question.
        let target_ok: bool = sqlx::query_scalar(
            &q("SELECT EXISTS (SELECT 1 FROM questions WHERE id = ?1)
                AND (?2 IS NULL OR EXISTS (SELECT 1 FROM answers WHERE id = ?2 AND question_id = ?1))"),
        )
        .bind(draft.question_id.0)
        .bind(draft.answer_id.map(|a| a.0))
        .fetch_one(&mut *tx)
        .await?;
        if !target_ok {
            return Err(StoreError::NotFound);
        }
        let id: i64 = sqlx::query_scalar(&q(
            "INSERT INTO replies (question_id, answer_id, author_id, body, body_html, created_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(draft.question_id.0)
        .bind(draft.answer_id.map(|a| a.0))
        .bind(draft.author_id.map(|a| a.0))
        .bind(draft.body.as_str())
        .bind(&draft.body_html)
        .bind(draft.at.millis())
        .fetch_one(&mut *tx)
        .await?;
        log_change(
            &mut tx,
            Some(draft.question_id),
            "reply",
            id,
            "created",
            draft.at,
        )
        .await?;
        tx.commit().await?;
        Ok(ReplyId(id))
    }

    async fn reply(&self, id: ReplyId) -> Result<Option<Reply>> {
        sqlx::query(&q(&format!("{REPLY_SELECT} WHERE replies.id = ?")))
            .bind(id.0)
            .fetch_optional(&self.reader)
            .await?
            .as_ref()
            .map(reply_from_row)
            .transpose()
    }

    async fn mark_helpful(
        &self,
        question: QuestionId,
        answer: AnswerId,
        at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let updated = sqlx::query(&q(
            "UPDATE questions SET helpful_answer_id = ?1
             WHERE id = ?2 AND EXISTS (SELECT 1 FROM answers
                                       WHERE id = ?1 AND question_id = ?2 AND hidden_reason IS NULL)",
        ))
        .bind(answer.0)
        .bind(question.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 0 {
            return Err(StoreError::NotFound);
        }
        log_change(
            &mut tx,
            Some(question),
            "question",
            question.0,
            "helpful",
            at,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_account(&self, account: &NewAccount) -> Result<AccountId> {
        let mut tx = self.writer.begin().await?;
        let id = insert_account(&mut tx, account).await?;
        log_change(&mut tx, None, "account", id, "created", account.created_at).await?;
        log_audit(
            &mut tx,
            "admin",
            "account.create",
            &format!("account:{}", account.handle.as_str()),
            account.created_at,
        )
        .await?;
        tx.commit().await?;
        Ok(AccountId(id))
    }

    async fn apply_as_expert(
        &self,
        application: &ApplicationDraft,
        password_hash: &str,
    ) -> Result<AccountId> {
        self.insert_application(application, password_hash).await
    }

    async fn applications(
        &self,
        status: Option<ApplicationStatus>,
        limit: u32,
    ) -> Result<Vec<Application>> {
        self.list_applications(status, limit).await
    }

    async fn application(&self, account: AccountId) -> Result<Option<Application>> {
        self.one_application(account).await
    }

    async fn decide_expert(
        &self,
        handle: &str,
        decision: &Decision,
        actor: &str,
        at: Timestamp,
    ) -> Result<()> {
        self.decide(handle, decision, actor, at).await
    }

    async fn set_notifications(
        &self,
        account: AccountId,
        email: Option<&EmailAddress>,
        topics: &[Topic],
        lang: &str,
        at: Timestamp,
    ) -> Result<()> {
        self.save_notifications(account, email, topics, lang, at)
            .await
    }

    async fn notifications(&self, account: AccountId) -> Result<(Option<String>, Vec<Topic>)> {
        self.load_notifications(account).await
    }

    async fn subscriptions(&self) -> Result<Vec<Subscription>> {
        self.list_subscriptions().await
    }

    async fn arrivals(&self, after: i64, upto: i64) -> Result<Vec<Arrival>> {
        self.list_arrivals(after, upto).await
    }

    async fn cursor(&self, name: &str) -> Result<Option<i64>> {
        self.read_cursor(name).await
    }

    async fn advance_cursor(&self, name: &str, from: Option<i64>, to: i64) -> Result<bool> {
        self.move_cursor(name, from, to).await
    }

    async fn create_flag(&self, flag: &FlagDraft) -> Result<i64> {
        self.insert_flag(flag).await
    }

    async fn flagged(&self, limit: u32) -> Result<Vec<Flagged>> {
        self.open_flags(limit).await
    }

    async fn hidden(&self, limit: u32) -> Result<Vec<Flagged>> {
        self.hidden_content(limit).await
    }

    async fn moderate(
        &self,
        target: Target,
        resolution: &Resolution,
        actor: &str,
        at: Timestamp,
    ) -> Result<()> {
        self.apply_resolution(target, resolution, actor, at).await
    }

    async fn edit_question(&self, edit: &QuestionEdit, actor: &str) -> Result<()> {
        self.apply_question_edit(edit, actor).await
    }

    async fn question_revisions(&self, id: QuestionId) -> Result<Vec<QuestionRevision>> {
        self.list_question_revisions(id).await
    }

    async fn edit_reply(
        &self,
        id: ReplyId,
        body: &confide_core::ReplyBody,
        reason: &str,
        actor: &str,
        at: Timestamp,
    ) -> Result<QuestionId> {
        self.apply_reply_edit(id, body, reason, actor, at).await
    }

    async fn forget_answer_history(&self, id: AnswerId, actor: &str, at: Timestamp) -> Result<()> {
        self.forget_earlier_answers(id, actor, at).await
    }

    async fn close_flags_as_edited(
        &self,
        target: Target,
        actor: &str,
        at: Timestamp,
    ) -> Result<()> {
        self.close_edited_flags(target, actor, at).await
    }

    async fn account_for_login(&self, handle: &str) -> Result<Option<(Account, String)>> {
        let row = sqlx::query(&q(&format!(
            "SELECT {ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE handle = ?"
        )))
        .bind(handle)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| Ok((account_from_row(&row)?, row.try_get("password_hash")?)))
            .transpose()
    }

    async fn set_account_disabled(
        &self,
        handle: &str,
        disabled: bool,
        at: Timestamp,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(&q(
            "UPDATE accounts SET disabled = ? WHERE handle = ? RETURNING id",
        ))
        .bind(disabled)
        .bind(handle)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = id else {
            return Ok(false);
        };
        if disabled {
            // A disabled account is logged out everywhere at once.
            sqlx::query(&q("DELETE FROM sessions WHERE account_id = ?"))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let op = if disabled { "disabled" } else { "enabled" };
        log_change(&mut tx, None, "account", id, op, at).await?;
        log_audit(
            &mut tx,
            "admin",
            &format!("account.{op}"),
            &format!("account:{handle}"),
            at,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn create_session(
        &self,
        token: &TokenHash,
        account: AccountId,
        created_at: Timestamp,
        expires_at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        // Expired sessions are swept as new ones arrive; no timer needed.
        sqlx::query(&q("DELETE FROM sessions WHERE expires_at <= ?"))
            .bind(created_at.millis())
            .execute(&mut *tx)
            .await?;
        sqlx::query(&q("INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)"))
            .bind(token.as_bytes())
            .bind(account.0)
            .bind(created_at.millis())
            .bind(expires_at.millis())
            .execute(&mut *tx)
            .await
            .map_err(on_unique_violation("session token collision"))?;
        tx.commit().await?;
        Ok(())
    }

    async fn session_account(&self, token: &TokenHash, now: Timestamp) -> Result<Option<Account>> {
        sqlx::query(&q(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM sessions JOIN accounts ON accounts.id = sessions.account_id
             WHERE token_hash = ? AND expires_at > ? AND disabled = FALSE"
        )))
        .bind(token.as_bytes())
        .bind(now.millis())
        .fetch_optional(&self.reader)
        .await?
        .as_ref()
        .map(account_from_row)
        .transpose()
    }

    async fn delete_session(&self, token: &TokenHash) -> Result<()> {
        sqlx::query(&q("DELETE FROM sessions WHERE token_hash = ?"))
            .bind(token.as_bytes())
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    async fn answers_by(&self, account: AccountId) -> Result<Vec<Answer>> {
        sqlx::query(&q(&format!(
            "{ANSWER_SELECT} WHERE author_id = ? ORDER BY answers.id"
        )))
        .bind(account.0)
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(answer_from_row)
        .collect()
    }

    async fn forget_account(&self, account: AccountId, at: Timestamp) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let changed = sqlx::query(&q(
            "UPDATE accounts SET handle = 'former-' || id, display_name = 'Former expert',
                 credentials = 'Account deleted by its owner', password_hash = '!', disabled = TRUE,
                 verified_at = NULL, notify_email = NULL, notify_topics = ''
             WHERE id = ?",
        ))
        .bind(account.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query(&q("DELETE FROM sessions WHERE account_id = ?"))
            .bind(account.0)
            .execute(&mut *tx)
            .await?;
        // The licence number and statement identify the person too.
        sqlx::query(&q("DELETE FROM expert_applications WHERE account_id = ?"))
            .bind(account.0)
            .execute(&mut *tx)
            .await?;
        // Answers show the author's name: every thread they are in changes.
        let questions: Vec<i64> = sqlx::query_scalar(&q(
            "SELECT DISTINCT question_id FROM answers WHERE author_id = ?",
        ))
        .bind(account.0)
        .fetch_all(&mut *tx)
        .await?;
        for q in questions {
            log_change(
                &mut tx,
                Some(QuestionId(q)),
                "account",
                account.0,
                "forgotten",
                at,
            )
            .await?;
        }
        log_change(&mut tx, None, "account", account.0, "forgotten", at).await?;
        log_audit(
            &mut tx,
            "account owner",
            "account.forget",
            &format!("account:{}", account.0),
            at,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn changes_since(&self, seq: i64, limit: u32) -> Result<Vec<Change>> {
        sqlx::query(&q(
            "SELECT seq, question_id, entity, entity_id, op, at FROM changes
             WHERE seq > ? ORDER BY seq LIMIT ?",
        ))
        .bind(seq)
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            Ok(Change {
                seq: row.try_get("seq")?,
                question_id: row
                    .try_get::<Option<i64>, _>("question_id")?
                    .map(QuestionId),
                entity: row.try_get("entity")?,
                entity_id: row.try_get("entity_id")?,
                op: row.try_get("op")?,
                at: Timestamp(row.try_get("at")?),
            })
        })
        .collect()
    }

    async fn take_token(
        &self,
        key: &[u8],
        burst: f64,
        refill_ms: f64,
        now: Timestamp,
    ) -> Result<Option<u64>> {
        // One statement, so racing nodes cannot both take the last token.
        // Time never runs backwards here, whatever a node's clock says.
        let elapsed =
            "CASE WHEN ?3 > rate_limits.updated_at THEN ?3 - rate_limits.updated_at ELSE 0 END";
        let refilled = format!(
            "CASE WHEN rate_limits.tokens + ({elapsed}) / ?4 > ?2
                  THEN ?2
                  ELSE rate_limits.tokens + ({elapsed}) / ?4 END"
        );
        let sql = format!(
            "INSERT INTO rate_limits (key, tokens, allowed, updated_at) VALUES (?1, ?2 - 1, TRUE, ?3)
             ON CONFLICT (key) DO UPDATE SET
                 tokens = CASE WHEN {refilled} >= 1 THEN {refilled} - 1 ELSE {refilled} END,
                 allowed = CASE WHEN {refilled} >= 1 THEN TRUE ELSE FALSE END,
                 updated_at = CASE WHEN ?3 > rate_limits.updated_at THEN ?3 ELSE rate_limits.updated_at END
             RETURNING tokens, allowed"
        );
        let row = sqlx::query(&q(&sql))
            .bind(key)
            .bind(burst)
            .bind(now.millis())
            .bind(refill_ms)
            .fetch_one(&self.writer)
            .await?;
        if row.try_get::<bool, _>("allowed")? {
            return Ok(None);
        }
        let tokens: f64 = row.try_get("tokens")?;
        Ok(Some(
            (((1.0 - tokens) * refill_ms) / 1000.0).ceil().max(1.0) as u64,
        ))
    }

    async fn purge_rate_limits(&self, before: Timestamp) -> Result<u64> {
        Ok(
            sqlx::query(&q("DELETE FROM rate_limits WHERE updated_at < ?"))
                .bind(before.millis())
                .execute(&self.writer)
                .await?
                .rows_affected(),
        )
    }

    async fn backup(&self, path: &std::path::Path) -> Result<()> {
        dialect::backup(&self.reader, path).await
    }

    async fn schema_version(&self) -> Result<i64> {
        let version: Option<i64> =
            sqlx::query_scalar(&q("SELECT MAX(version) FROM schema_migrations"))
                .fetch_one(&self.reader)
                .await?;
        Ok(version.unwrap_or(0))
    }

    async fn export(
        &self,
        sink: &mut (dyn FnMut(crate::transfer::Record) -> std::io::Result<()> + Send),
    ) -> Result<u64> {
        self.export_records(sink).await
    }

    async fn import(
        &self,
        records: &mut (dyn Iterator<
            Item = std::result::Result<crate::transfer::Record, crate::transfer::TransferError>,
        > + Send),
        progress: &mut (dyn FnMut(u64) + Send),
    ) -> std::result::Result<u64, crate::transfer::TransferError> {
        self.import_records(records, progress).await
    }

    async fn compact(&self) -> Result<()> {
        dialect::compact(&self.writer).await
    }

    async fn search_document(&self, id: QuestionId) -> Result<Option<SearchDocument>> {
        sqlx::query(&q(&format!("{DOCUMENT_SELECT} WHERE q.id = ?")))
            .bind(id.0)
            .fetch_optional(&self.reader)
            .await?
            .as_ref()
            .map(document_from_row)
            .transpose()
    }

    async fn question_titles(&self, ids: &[QuestionId]) -> Result<Vec<(QuestionId, String)>> {
        dialect::question_titles(self, ids).await
    }

    async fn public_documents_after(
        &self,
        after: QuestionId,
        limit: u32,
    ) -> Result<Vec<SearchDocument>> {
        sqlx::query(&q(&format!(
            "{DOCUMENT_SELECT} WHERE q.id > ? AND q.published_at IS NOT NULL AND q.hidden_reason IS NULL
             ORDER BY q.id LIMIT ?"
        )))
        .bind(after.0)
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(document_from_row)
        .collect()
    }

    async fn embeddings_after(
        &self,
        model: &str,
        after: QuestionId,
        limit: u32,
    ) -> Result<Vec<StoredEmbedding>> {
        sqlx::query(&q(
            "SELECT question_id, model, content_hash, vector FROM embeddings
             WHERE model = ? AND question_id > ? ORDER BY question_id LIMIT ?",
        ))
        .bind(model)
        .bind(after.0)
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            Ok(StoredEmbedding {
                question_id: QuestionId(row.try_get("question_id")?),
                model: row.try_get("model")?,
                content_hash: row.try_get("content_hash")?,
                vector: row.try_get("vector")?,
            })
        })
        .collect()
    }

    async fn put_embedding(&self, e: &StoredEmbedding) -> Result<()> {
        // INSERT ... SELECT: nothing happens if the question was erased meanwhile.
        sqlx::query(
            &q("INSERT INTO embeddings (question_id, model, content_hash, vector)
             SELECT id, ?, ?, ? FROM questions WHERE id = ?
             ON CONFLICT (question_id) DO UPDATE SET
                 model = excluded.model, content_hash = excluded.content_hash, vector = excluded.vector"),
        )
        .bind(&e.model)
        .bind(&e.content_hash)
        .bind(&e.vector)
        .bind(e.question_id.0)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    async fn last_change(&self) -> Result<i64> {
        let seq: Option<i64> = sqlx::query_scalar(&q("SELECT max(seq) FROM changes"))
            .fetch_one(&self.reader)
            .await?;
        Ok(seq.unwrap_or(0))
    }

    async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        sqlx::query(&q(
            "SELECT at, actor, action, target FROM audit_log ORDER BY id DESC LIMIT ?",
        ))
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            Ok(AuditEntry {
                at: Timestamp(row.try_get("at")?),
                actor: row.try_get("actor")?,
                action: row.try_get("action")?,
                target: row.try_get("target")?,
            })
        })
        .collect()
    }
}
