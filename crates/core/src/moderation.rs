//! Readers flag what should not be there; moderators hide, restore, edit
//! with a reason, or dismiss. Hidden content leaves every public view and
//! search; nothing is deleted by a moderator, so a mistake can be undone.

use serde::Serialize;

use crate::text::{bounded, refuse_control_characters};
use crate::{AccountId, AnswerId, QuestionId, ReplyId, Timestamp, ValidationError};

/// What a flag points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Target {
    Question(QuestionId),
    Answer(AnswerId),
    Reply(ReplyId),
}

impl Target {
    pub fn parse(kind: &str, id: i64) -> Result<Target, ValidationError> {
        match kind {
            "question" => Ok(Target::Question(QuestionId(id))),
            "answer" => Ok(Target::Answer(AnswerId(id))),
            "reply" => Ok(Target::Reply(ReplyId(id))),
            _ => Err(ValidationError::BadFlag(
                "the target is a question, an answer or a reply",
            )),
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            Target::Question(_) => "question",
            Target::Answer(_) => "answer",
            Target::Reply(_) => "reply",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Target::Question(QuestionId(id))
            | Target::Answer(AnswerId(id))
            | Target::Reply(ReplyId(id)) => id,
        }
    }

    /// `answer:12`, as the audit log names things.
    pub fn label(self) -> String {
        format!("{}:{}", self.kind(), self.id())
    }
}

/// Why a reader thinks something should not be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagReason {
    /// Advice that could hurt someone who follows it.
    Harmful,
    Spam,
    /// A name, address, photo description or anything else that points to a person.
    Identifying,
    Other,
}

impl FlagReason {
    pub const ALL: [FlagReason; 4] = [
        FlagReason::Harmful,
        FlagReason::Identifying,
        FlagReason::Spam,
        FlagReason::Other,
    ];

    pub fn parse(s: &str) -> Result<FlagReason, ValidationError> {
        match s.trim() {
            "harmful" => Ok(FlagReason::Harmful),
            "spam" => Ok(FlagReason::Spam),
            "identifying" => Ok(FlagReason::Identifying),
            "other" => Ok(FlagReason::Other),
            _ => Err(ValidationError::BadFlag(
                "the reason is harmful, spam, identifying or other",
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FlagReason::Harmful => "harmful",
            FlagReason::Spam => "spam",
            FlagReason::Identifying => "identifying",
            FlagReason::Other => "other",
        }
    }
}

/// A reader's flag, checked. The note is optional except for "other",
/// where it is the only thing that says what is wrong.
#[derive(Debug, Clone)]
pub struct FlagDraft {
    pub target: Target,
    pub reason: FlagReason,
    pub note: String,
    pub at: Timestamp,
}

pub const FLAG_NOTE_MAX: usize = 500;

impl FlagDraft {
    pub fn new(
        target: Target,
        reason: FlagReason,
        note: &str,
        at: Timestamp,
    ) -> Result<FlagDraft, ValidationError> {
        let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
        refuse_control_characters("note", &note)?;
        if note.is_empty() {
            if reason == FlagReason::Other {
                return Err(ValidationError::Empty { field: "note" });
            }
        } else {
            bounded("note", &note, FLAG_NOTE_MAX)?;
        }
        Ok(FlagDraft {
            target,
            reason,
            note,
            at,
        })
    }
}

/// A flag as moderators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub id: i64,
    pub target: Target,
    pub question_id: QuestionId,
    pub reason: FlagReason,
    pub note: String,
    pub created_at: Timestamp,
}

/// Something flagged, with everything a moderator needs to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flagged {
    pub target: Target,
    pub question_id: QuestionId,
    pub question_title: String,
    /// The flagged text as stored (Markdown).
    pub text: String,
    /// Why it is hidden, if it is.
    pub hidden: Option<String>,
    /// Open flags on it, oldest first.
    pub flags: Vec<Flag>,
}

/// What a moderator does with flagged content. Every one closes the flags
/// open on it, and goes to the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Out of every public view and search, with a reason the asker sees.
    Hide { reason: String },
    /// Back where it was.
    Restore,
    /// Nothing wrong: the flags are closed, the content stays.
    Dismiss,
}

impl Resolution {
    pub fn parse(action: &str, reason: &str) -> Result<Resolution, ValidationError> {
        match action {
            "hide" => Ok(Resolution::Hide {
                reason: moderator_reason(reason)?,
            }),
            "restore" => Ok(Resolution::Restore),
            "dismiss" => Ok(Resolution::Dismiss),
            _ => Err(ValidationError::BadFlag(
                "the action is hide, restore or dismiss",
            )),
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Resolution::Hide { .. } => "hidden",
            Resolution::Restore => "restored",
            Resolution::Dismiss => "dismissed",
        }
    }
}

/// A moderator's reason: one line, required, shown to the people concerned.
pub fn moderator_reason(raw: &str) -> Result<String, ValidationError> {
    let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    refuse_control_characters("reason", &s)?;
    bounded("reason", &s, 300)?;
    Ok(s)
}

/// A moderator's edit of a question: new wording, and why. With
/// `forget_earlier`, earlier wordings are overwritten rather than kept in
/// the history, for when what was removed identifies someone.
#[derive(Debug, Clone)]
pub struct QuestionEdit {
    pub question_id: QuestionId,
    pub title: crate::QuestionTitle,
    pub body: crate::QuestionBody,
    pub body_html: String,
    pub editor: AccountId,
    pub reason: String,
    pub forget_earlier: bool,
    pub at: Timestamp,
}

impl QuestionEdit {
    pub fn new(
        question_id: QuestionId,
        title: crate::QuestionTitle,
        body: crate::QuestionBody,
        editor: AccountId,
        reason: &str,
        forget_earlier: bool,
        at: Timestamp,
    ) -> Result<QuestionEdit, ValidationError> {
        Ok(QuestionEdit {
            question_id,
            body_html: crate::markdown::render(body.as_str()),
            title,
            body,
            editor,
            reason: moderator_reason(reason)?,
            forget_earlier,
            at,
        })
    }
}

/// What earlier versions say once a moderator chose not to keep them.
pub const FORGOTTEN_TEXT: &str = "[Earlier wording removed by a moderator]";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_and_label() {
        let t = Target::parse("answer", 12).unwrap();
        assert_eq!(t, Target::Answer(AnswerId(12)));
        assert_eq!(t.label(), "answer:12");
        assert_eq!(Target::parse("account", 1).unwrap_err().code(), "bad_flag");
    }

    #[test]
    fn other_needs_a_note_the_rest_do_not() {
        let t = Target::Question(QuestionId(1));
        assert!(FlagDraft::new(t, FlagReason::Spam, "", Timestamp(0)).is_ok());
        assert_eq!(
            FlagDraft::new(t, FlagReason::Other, "  ", Timestamp(0))
                .unwrap_err()
                .code(),
            "empty"
        );
        let long = "x".repeat(FLAG_NOTE_MAX + 1);
        assert_eq!(
            FlagDraft::new(t, FlagReason::Harmful, &long, Timestamp(0))
                .unwrap_err()
                .code(),
            "too_long"
        );
        assert_eq!(
            FlagDraft::new(t, FlagReason::Harmful, " a\n b ", Timestamp(0))
                .unwrap()
                .note,
            "a b"
        );
    }

    #[test]
    fn hiding_needs_a_reason() {
        assert!(Resolution::parse("hide", " ").is_err());
        assert_eq!(
            Resolution::parse("hide", "names a person").unwrap(),
            Resolution::Hide {
                reason: "names a person".into()
            }
        );
        assert_eq!(
            Resolution::parse("dismiss", "").unwrap(),
            Resolution::Dismiss
        );
        assert!(Resolution::parse("delete", "x").is_err());
    }
}
