//! Confide's persistence. One storage interface, [`Store`], with an
//! implementation per database, chosen at run time from the URL. Every write
//! appends to the change log in the same transaction, so projections (the
//! search index) can follow the database exactly.

mod error;
mod migrate;
mod postgres;
mod sqlite;
pub mod transfer;

use std::sync::Arc;

use async_trait::async_trait;
use confide_core::expert::{Application, ApplicationDraft, ApplicationStatus, Decision};
use confide_core::moderation::{FlagDraft, Flagged, QuestionEdit, Resolution, Target};
use confide_core::notification::{Arrival, EmailAddress, Subscription};
use confide_core::question::{AnswerDraft, QuestionDraft, ReplyDraft};
use confide_core::{
    Account, AccountId, Answer, AnswerId, Credentials, DisplayName, Handle, QuestionId,
    QuestionSummary, ReplyId, Role, Thread, Timestamp, TokenHash, Topic,
};

pub use error::{Result, StoreError};
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// A new account, with its password already hashed by the caller.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub handle: Handle,
    pub display_name: DisplayName,
    pub credentials: Credentials,
    pub role: Role,
    pub password_hash: String,
    pub created_at: Timestamp,
    /// Made by the operator, who vouches for it (an applicant's account is
    /// made by [`Store::apply_as_expert`] instead, unverified).
    pub verified: bool,
}

/// One version of a question that moderators edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRevision {
    pub number: i64,
    pub title: String,
    pub body: String,
    /// `None`: the asker's own wording.
    pub editor: Option<String>,
    pub reason: String,
    pub created_at: Timestamp,
}

/// Where a page of a list starts: just after this (published_at, id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub published_at: Timestamp,
    pub id: QuestionId,
}

impl Cursor {
    pub fn encode(self) -> String {
        format!("{}_{}", self.published_at.millis(), self.id.0)
    }

    pub fn decode(s: &str) -> Option<Cursor> {
        let (at, id) = s.split_once('_')?;
        Some(Cursor {
            published_at: Timestamp(at.parse().ok()?),
            id: QuestionId(id.parse().ok()?),
        })
    }
}

/// A page of public questions, newest first.
#[derive(Debug, Clone)]
pub struct QuestionPage {
    pub questions: Vec<QuestionSummary>,
    pub next: Option<Cursor>,
}

/// One entry of the change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub question_id: Option<QuestionId>,
    pub entity: String,
    pub entity_id: i64,
    pub op: String,
    pub at: Timestamp,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: Timestamp,
    pub actor: String,
    pub action: String,
    pub target: String,
}

/// A question as the search projection sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDocument {
    pub id: QuestionId,
    pub title: String,
    pub body: String,
    /// Every answer's Markdown, joined.
    pub answers: String,
    pub topic: Topic,
    pub public: bool,
    pub answered: bool,
}

/// A stored embedding: which model made it from which text (by hash).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEmbedding {
    pub question_id: QuestionId,
    pub model: String,
    pub content_hash: Vec<u8>,
    pub vector: Vec<u8>,
}

/// Everything the product keeps. Implementations must make each method one
/// transaction, and every change write its change-log row inside it.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Brings the schema up to date; safe to run on every start.
    async fn migrate(&self) -> Result<()>;

    /// This instance's secret key, created on first use and shared by every
    /// node on the same database.
    async fn instance_secret(&self) -> Result<[u8; 32]>;

    // Questions and threads.
    async fn create_question(&self, draft: &QuestionDraft) -> Result<QuestionId>;
    async fn question_id_by_capability(&self, capability: &TokenHash)
        -> Result<Option<QuestionId>>;
    async fn thread(&self, id: QuestionId) -> Result<Option<Thread>>;
    async fn public_questions(
        &self,
        topic: Option<Topic>,
        after: Option<Cursor>,
        limit: u32,
    ) -> Result<QuestionPage>;
    /// Questions nobody has answered yet: most urgent first, then oldest.
    async fn unanswered_questions(&self, limit: u32) -> Result<Vec<QuestionSummary>>;
    /// Erases a question with its answers and replies. `false` if it did not exist.
    async fn erase_question(&self, id: QuestionId, actor: &str, at: Timestamp) -> Result<bool>;
    /// Erases a question only if it still has no answer (for retention).
    async fn erase_if_unanswered(&self, id: QuestionId, actor: &str, at: Timestamp)
        -> Result<bool>;
    /// Questions still unanswered that were asked before `cutoff`, oldest first.
    async fn unanswered_before(&self, cutoff: Timestamp, limit: u32) -> Result<Vec<QuestionId>>;

    // Answers and replies.
    async fn create_answer(&self, draft: &AnswerDraft) -> Result<AnswerId>;
    /// Every version of an answer, oldest first.
    async fn revisions(&self, answer: AnswerId) -> Result<Vec<confide_core::question::Revision>>;
    /// The author confirms the answer is still right: its review clock restarts.
    async fn confirm_reviewed(&self, answer: AnswerId, at: Timestamp) -> Result<()>;
    /// Answers last reviewed before `cutoff`, longest-waiting first, with their question's title.
    async fn answers_reviewed_before(
        &self,
        cutoff: Timestamp,
        limit: u32,
    ) -> Result<Vec<(Answer, String)>>;
    /// A review's id, answer and reviewer.
    async fn review(
        &self,
        id: confide_core::evidence::ReviewId,
    ) -> Result<Option<(confide_core::evidence::ReviewId, AnswerId, AccountId)>>;
    /// Moves an open review on (withdrawn, closed); `Conflict` if it is not open.
    async fn set_review_status(
        &self,
        id: confide_core::evidence::ReviewId,
        status: &confide_core::evidence::ReviewStatus,
        actor: &str,
        at: Timestamp,
    ) -> Result<()>;
    /// A reader says an answer helped them: one more in its count.
    async fn count_helped(&self, answer: AnswerId, at: Timestamp) -> Result<()>;
    /// One answer with its citations and reviews.
    async fn answer(&self, id: AnswerId) -> Result<Option<Answer>>;
    /// Another expert's endorsement or dispute of an answer.
    async fn create_review(
        &self,
        draft: &confide_core::evidence::ReviewDraft,
    ) -> Result<confide_core::evidence::ReviewId>;
    async fn update_answer(&self, id: AnswerId, draft: &AnswerDraft) -> Result<()>;
    async fn create_reply(&self, draft: &ReplyDraft) -> Result<ReplyId>;
    async fn reply(&self, id: ReplyId) -> Result<Option<confide_core::Reply>>;
    /// Records which answer helped the asker; the answer must belong to the question.
    async fn mark_helpful(
        &self,
        question: QuestionId,
        answer: AnswerId,
        at: Timestamp,
    ) -> Result<()>;

    // Accounts and sessions.
    async fn create_account(&self, account: &NewAccount) -> Result<AccountId>;
    /// An unverified expert account with its application, in one step.
    async fn apply_as_expert(
        &self,
        application: &ApplicationDraft,
        password_hash: &str,
    ) -> Result<AccountId>;
    /// Applications, oldest first; `None` for every status.
    async fn applications(
        &self,
        status: Option<ApplicationStatus>,
        limit: u32,
    ) -> Result<Vec<Application>>;
    async fn application(&self, account: AccountId) -> Result<Option<Application>>;
    /// Verifies, rejects (only a pending application) or revokes an expert.
    /// `NotFound` for an unknown handle; `Conflict` when the decision does
    /// not apply (rejecting someone already verified, say).
    async fn decide_expert(
        &self,
        handle: &str,
        decision: &Decision,
        actor: &str,
        at: Timestamp,
    ) -> Result<()>;

    // Email about new questions.
    /// An expert's address (or none), the topics they want to hear about,
    /// and the language (a code) to write to them in.
    async fn set_notifications(
        &self,
        account: AccountId,
        email: Option<&EmailAddress>,
        topics: &[Topic],
        lang: &str,
        at: Timestamp,
    ) -> Result<()>;
    async fn notifications(&self, account: AccountId) -> Result<(Option<String>, Vec<Topic>)>;
    /// Verified, enabled experts with an address and at least one topic.
    async fn subscriptions(&self) -> Result<Vec<Subscription>>;
    /// Questions asked between two change-log positions, still there and not hidden.
    async fn arrivals(&self, after: i64, upto: i64) -> Result<Vec<Arrival>>;
    /// A named position shared by every node (`None`: never set).
    async fn cursor(&self, name: &str) -> Result<Option<i64>>;
    /// Moves a named position from `from` to `to` only if it is still at
    /// `from`: of several nodes, exactly one wins each step.
    async fn advance_cursor(&self, name: &str, from: Option<i64>, to: i64) -> Result<bool>;

    // Moderation.
    /// Records a reader's flag; `NotFound` if the target does not exist.
    async fn create_flag(&self, flag: &FlagDraft) -> Result<i64>;
    /// Content with open flags, the longest-waiting first.
    async fn flagged(&self, limit: u32) -> Result<Vec<Flagged>>;
    /// Content hidden now: questions, then answers, then replies (flags may be closed).
    async fn hidden(&self, limit: u32) -> Result<Vec<Flagged>>;
    /// Hides, restores or dismisses; closes the open flags on the target.
    async fn moderate(
        &self,
        target: Target,
        resolution: &Resolution,
        actor: &str,
        at: Timestamp,
    ) -> Result<()>;
    /// A moderator's edit of a question, kept as a revision.
    async fn edit_question(&self, edit: &QuestionEdit, actor: &str) -> Result<()>;
    /// Versions of a question, oldest first; empty if never edited.
    async fn question_revisions(&self, id: QuestionId) -> Result<Vec<QuestionRevision>>;
    /// After a moderator's edit of an answer: earlier versions are
    /// overwritten, for when what was taken out identifies someone.
    async fn forget_answer_history(&self, id: AnswerId, actor: &str, at: Timestamp) -> Result<()>;
    /// A moderator's edit of a reply (audited; replies keep no history,
    /// since the usual reason is to take out what identifies someone);
    /// returns the reply's question.
    async fn edit_reply(
        &self,
        id: ReplyId,
        body: &confide_core::ReplyBody,
        reason: &str,
        actor: &str,
        at: Timestamp,
    ) -> Result<QuestionId>;
    /// Closes the open flags on a target as edited, audited (after an edit
    /// through the ordinary edit path, as for answers).
    async fn close_flags_as_edited(&self, target: Target, actor: &str, at: Timestamp)
        -> Result<()>;
    /// The account and its password hash, for logging in.
    async fn account_for_login(&self, handle: &str) -> Result<Option<(Account, String)>>;
    async fn set_account_disabled(
        &self,
        handle: &str,
        disabled: bool,
        at: Timestamp,
    ) -> Result<bool>;
    async fn create_session(
        &self,
        token: &TokenHash,
        account: AccountId,
        created_at: Timestamp,
        expires_at: Timestamp,
    ) -> Result<()>;
    /// The enabled account a live session belongs to.
    async fn session_account(&self, token: &TokenHash, now: Timestamp) -> Result<Option<Account>>;
    async fn delete_session(&self, token: &TokenHash) -> Result<()>;
    /// Everything an account wrote, for its owner's export.
    async fn answers_by(&self, account: AccountId) -> Result<Vec<Answer>>;
    /// Deletes what identifies an account (name, credentials, handle,
    /// password, sessions) and disables it. Its answers stay, attributed to
    /// a former expert, because askers rely on them.
    async fn forget_account(&self, account: AccountId, at: Timestamp) -> Result<()>;

    /// Reclaims space and overwrites what was deleted, so erased text is
    /// gone from the files on disk, not just unreachable.
    async fn compact(&self) -> Result<()>;

    // For the search projection.
    async fn search_document(&self, id: QuestionId) -> Result<Option<SearchDocument>>;
    /// The current titles of those of `ids` that are public (published, not
    /// hidden), in no set order: search keeps no titles in memory and reads
    /// them for the few results it shows.
    async fn question_titles(&self, ids: &[QuestionId]) -> Result<Vec<(QuestionId, String)>>;
    /// Public questions with ids above `after`, in id order, for rebuilds.
    async fn public_documents_after(
        &self,
        after: QuestionId,
        limit: u32,
    ) -> Result<Vec<SearchDocument>>;
    /// Stored embeddings of `model` for questions with ids above `after`.
    async fn embeddings_after(
        &self,
        model: &str,
        after: QuestionId,
        limit: u32,
    ) -> Result<Vec<StoredEmbedding>>;
    /// Saves an embedding; a question erased meanwhile is silently skipped.
    async fn put_embedding(&self, embedding: &StoredEmbedding) -> Result<()>;
    /// The newest change-log sequence number (0 when empty).
    async fn last_change(&self) -> Result<i64>;

    // Rate limits shared by every node.
    /// Takes one token from the bucket `key` (`burst` at most, one more
    /// every `refill_ms`); `Some(seconds)` to wait when it is empty.
    async fn take_token(
        &self,
        key: &[u8],
        burst: f64,
        refill_ms: f64,
        now: Timestamp,
    ) -> Result<Option<u64>>;
    /// Forgets buckets untouched since `before` (they would be full again).
    async fn purge_rate_limits(&self, before: Timestamp) -> Result<u64>;

    // Moving and backing up.
    /// A consistent copy of the live database in a new file, taken online.
    /// SQLite only (`VACUUM INTO`); PostgreSQL has `pg_dump`.
    async fn backup(&self, path: &std::path::Path) -> Result<()>;
    /// The newest migration applied.
    async fn schema_version(&self) -> Result<i64>;
    /// Every record of the instance, in an order import can replay; returns how many.
    async fn export(
        &self,
        sink: &mut (dyn FnMut(transfer::Record) -> std::io::Result<()> + Send),
    ) -> Result<u64>;
    /// Replays an export into this (empty) database, in one transaction.
    async fn import(
        &self,
        records: &mut (dyn Iterator<Item = std::result::Result<transfer::Record, transfer::TransferError>>
                  + Send),
        progress: &mut (dyn FnMut(u64) + Send),
    ) -> std::result::Result<u64, transfer::TransferError>;

    // Logs.
    async fn changes_since(&self, seq: i64, limit: u32) -> Result<Vec<Change>>;
    async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>>;
}

/// Tables whose ids are handed out by the database and never reused.
pub(crate) fn sql_tables_with_ids() -> &'static [&'static str] {
    // Alphabetical, so both backends list their marks in one order.
    // (Accounts are never deleted, only forgotten: their ids never free up.)
    &[
        "answers",
        "audit_log",
        "flags",
        "questions",
        "replies",
        "reviews",
    ]
}

/// Opens the database a URL names: `sqlite://PATH` (created if missing).
pub async fn open(url: &str) -> Result<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        return Ok(Arc::new(SqliteStore::open(url).await?));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Arc::new(PostgresStore::open(url).await?));
    }
    Err(StoreError::UnsupportedUrl(format!(
        "{:?} (expected sqlite://PATH or postgres://…)",
        url.chars().take(60).collect::<String>()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips() {
        let c = Cursor {
            published_at: Timestamp(1_700_000_000_000),
            id: QuestionId(42),
        };
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        assert_eq!(Cursor::decode("junk"), None);
        assert_eq!(Cursor::decode("1_x"), None);
    }
}
