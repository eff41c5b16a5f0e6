//! Texts people write, parsed once at the edge into types that can only hold
//! acceptable values ("parse, don't validate").

use serde::Serialize;

use crate::ValidationError;

pub const TITLE_MAX: usize = 200;
pub const QUESTION_BODY_MAX: usize = 20_000;
pub const ANSWER_BODY_MAX: usize = 30_000;
pub const REPLY_BODY_MAX: usize = 5_000;

/// A question's one-line title: whitespace folded to single spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct QuestionTitle(String);

impl QuestionTitle {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        refuse_control_characters("title", &folded)?;
        bounded("title", &folded, TITLE_MAX)?;
        Ok(QuestionTitle(folded))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Markdown written by the asker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct QuestionBody(String);

impl QuestionBody {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        parse_markdown_text("body", raw, QUESTION_BODY_MAX).map(QuestionBody)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Markdown written by an expert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct AnswerBody(String);

impl AnswerBody {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        parse_markdown_text("body", raw, ANSWER_BODY_MAX).map(AnswerBody)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Markdown in a thread reply, by the asker or an expert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ReplyBody(String);

impl ReplyBody {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        parse_markdown_text("body", raw, REPLY_BODY_MAX).map(ReplyBody)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn parse_markdown_text(
    field: &'static str,
    raw: &str,
    max: usize,
) -> Result<String, ValidationError> {
    // Browsers send CRLF from textareas; store one newline convention.
    let text = raw.replace("\r\n", "\n").trim().to_owned();
    refuse_control_characters(field, &text)?;
    bounded(field, &text, max)?;
    Ok(text)
}

/// Non-empty and at most `max` characters (not bytes: people count characters).
pub(crate) fn bounded(field: &'static str, s: &str, max: usize) -> Result<(), ValidationError> {
    if s.trim().is_empty() {
        return Err(ValidationError::Empty { field });
    }
    let len = s.chars().count();
    if len > max {
        return Err(ValidationError::TooLong { field, len, max });
    }
    Ok(())
}

pub(crate) fn refuse_control_characters(
    field: &'static str,
    s: &str,
) -> Result<(), ValidationError> {
    if s.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(ValidationError::ControlCharacters { field });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_folds_whitespace() {
        let t = QuestionTitle::parse("  Why did she\n cry   after sex? ").unwrap();
        assert_eq!(t.as_str(), "Why did she cry after sex?");
    }

    #[test]
    fn empty_title_is_refused() {
        assert_eq!(
            QuestionTitle::parse("   \n\t").unwrap_err(),
            ValidationError::Empty { field: "title" }
        );
    }

    #[test]
    fn title_limit_counts_characters_not_bytes() {
        let at_limit = "é".repeat(TITLE_MAX);
        assert!(QuestionTitle::parse(&at_limit).is_ok());
        let over = "é".repeat(TITLE_MAX + 1);
        assert_eq!(
            QuestionTitle::parse(&over).unwrap_err(),
            ValidationError::TooLong {
                field: "title",
                len: TITLE_MAX + 1,
                max: TITLE_MAX
            }
        );
    }

    #[test]
    fn body_limit_is_enforced() {
        assert!(QuestionBody::parse(&"a".repeat(QUESTION_BODY_MAX)).is_ok());
        assert_eq!(
            QuestionBody::parse(&"a".repeat(QUESTION_BODY_MAX + 1))
                .unwrap_err()
                .code(),
            "too_long"
        );
        assert_eq!(QuestionBody::parse("").unwrap_err().code(), "empty");
    }

    #[test]
    fn body_keeps_newlines_and_normalises_crlf() {
        let b = QuestionBody::parse("first line\r\n\r\nsecond").unwrap();
        assert_eq!(b.as_str(), "first line\n\nsecond");
    }

    #[test]
    fn nul_and_other_control_characters_are_refused() {
        assert_eq!(
            QuestionBody::parse("hello\0world").unwrap_err().code(),
            "control_characters"
        );
        assert_eq!(
            QuestionTitle::parse("bell\u{7}").unwrap_err().code(),
            "control_characters"
        );
    }

    #[test]
    fn reply_and_answer_have_their_own_limits() {
        assert!(ReplyBody::parse("Thought?").is_ok());
        assert!(ReplyBody::parse(&"x".repeat(REPLY_BODY_MAX + 1)).is_err());
        assert!(AnswerBody::parse(&"x".repeat(ANSWER_BODY_MAX)).is_ok());
    }
}
