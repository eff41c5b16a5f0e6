use thiserror::Error;

/// Why a piece of outside input was refused. Each variant names the field so
/// the web layer can say precisely what to fix; the codes are stable API.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValidationError {
    #[error("{field} is empty")]
    Empty { field: &'static str },
    #[error("{field} is too long: {len} characters, at most {max}")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} is too short: {len} characters, at least {min}")]
    TooShort {
        field: &'static str,
        len: usize,
        min: usize,
    },
    #[error("unknown topic {0:?}")]
    UnknownTopic(String),
    #[error("unknown role {0:?}: expected expert, moderator or admin")]
    UnknownRole(String),
    #[error("a handle may hold only lowercase letters, digits, '.', '-' and '_'")]
    BadHandle,
    #[error("{field} contains control characters")]
    ControlCharacters { field: &'static str },
    #[error("citation: {0}")]
    BadCitation(&'static str),
    #[error("review: {0}")]
    BadReview(&'static str),
    #[error("application: {0}")]
    BadApplication(&'static str),
    #[error("flag: {0}")]
    BadFlag(&'static str),
    #[error("that does not look like an email address")]
    BadEmail,
}

impl ValidationError {
    /// A stable machine-readable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            ValidationError::Empty { .. } => "empty",
            ValidationError::TooLong { .. } => "too_long",
            ValidationError::TooShort { .. } => "too_short",
            ValidationError::UnknownTopic(_) => "unknown_topic",
            ValidationError::UnknownRole(_) => "unknown_role",
            ValidationError::BadHandle => "bad_handle",
            ValidationError::ControlCharacters { .. } => "control_characters",
            ValidationError::BadCitation(_) => "bad_citation",
            ValidationError::BadReview(_) => "bad_review",
            ValidationError::BadApplication(_) => "bad_application",
            ValidationError::BadFlag(_) => "bad_flag",
            ValidationError::BadEmail => "bad_email",
        }
    }
}
