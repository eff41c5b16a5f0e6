//! Confide's domain: the things people ask and answer, their rules and
//! state changes. No I/O lives here: the store persists these types, the web
//! layer shows them, and both rely on the rules being tested in this crate.

pub mod account;
pub mod capability;
pub mod clock;
pub mod diff;
pub mod error;
pub mod evidence;
pub mod expert;
pub mod markdown;
pub mod moderation;
pub mod notification;
pub mod question;
pub mod redaction;
pub mod text;
pub mod topic;
pub mod triage;

pub use account::{Account, AccountId, Action, Credentials, DisplayName, Handle, Password, Role};
pub use capability::{Capability, TokenHash};
pub use clock::Timestamp;
pub use error::ValidationError;
pub use question::{
    Answer, AnswerDraft, AnswerId, Author, PublishPolicy, Question, QuestionDraft, QuestionId,
    QuestionSummary, Reply, ReplyAuthor, ReplyDraft, ReplyId, Thread, Viewer,
};
pub use text::{AnswerBody, QuestionBody, QuestionTitle, ReplyBody};
pub use topic::Topic;
