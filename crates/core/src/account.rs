//! People with accounts: experts, moderators and admins. Askers and readers
//! never have one.

use serde::{Deserialize, Serialize};

use crate::text::{bounded, refuse_control_characters};
use crate::{Timestamp, ValidationError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Expert,
    Moderator,
    Admin,
}

/// Things an account may do. What each role may do is the table in
/// [`Role::may`], in one place, so it can be read and tested at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See the queue of unanswered questions.
    ViewQueue,
    /// Read a question that is not public yet.
    ViewPrivateQuestion,
    /// Publish an answer.
    Answer,
    /// Reply in a question's thread.
    ReplyInThread,
    /// Endorse or dispute another expert's answer.
    Review,
    /// Close a dispute, and other moderation, with a reason.
    Moderate,
    /// Verify, reject or revoke experts.
    VerifyExperts,
}

impl Role {
    pub fn parse(s: &str) -> Result<Role, ValidationError> {
        match s.trim() {
            "expert" => Ok(Role::Expert),
            "moderator" => Ok(Role::Moderator),
            "admin" => Ok(Role::Admin),
            other => Err(ValidationError::UnknownRole(
                other.chars().take(40).collect(),
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Expert => "expert",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn may(self, action: Action) -> bool {
        use Action::*;
        match (self, action) {
            (Role::Admin, _) => true,
            (Role::Expert, ViewQueue | ViewPrivateQuestion | Answer | ReplyInThread | Review) => {
                true
            }
            (Role::Expert, Moderate | VerifyExperts) => false,
            // Moderators look after the queue and the conversation, but give
            // no clinical judgement, and vouch for nobody.
            (Role::Moderator, ViewQueue | ViewPrivateQuestion | Moderate) => true,
            (Role::Moderator, Answer | ReplyInThread | Review | VerifyExperts) => false,
        }
    }
}

/// What a deleted account's handle becomes, followed by its id.
pub const FORMER_PREFIX: &str = "former-";

/// A login name: 3–32 of `a-z 0-9 . - _`, so it is safe in URLs and unambiguous.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Handle(String);

impl Handle {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let s = raw.trim().to_lowercase();
        let len = s.chars().count();
        if len == 0 {
            return Err(ValidationError::Empty { field: "handle" });
        }
        if len < 3 {
            return Err(ValidationError::TooShort {
                field: "handle",
                len,
                min: 3,
            });
        }
        bounded("handle", &s, 32)?;
        if !s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
        {
            return Err(ValidationError::BadHandle);
        }
        // Deleted accounts are renamed `former-{id}`; nobody may take one first.
        if s.starts_with(FORMER_PREFIX) {
            return Err(ValidationError::BadHandle);
        }
        Ok(Handle(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The name shown beside an expert's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        refuse_control_characters("name", &s)?;
        bounded("name", &s, 80)?;
        Ok(DisplayName(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The credentials line readers see: "Licensed sex therapist, 12 years".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Credentials(String);

impl Credentials {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        refuse_control_characters("credentials", &s)?;
        bounded("credentials", &s, 200)?;
        Ok(Credentials(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password, before hashing. Length is what makes a password strong;
/// composition rules only make people write them down.
#[derive(Clone)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

pub const PASSWORD_MIN: usize = 10;

impl Password {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        // Only the line ending is stripped: spaces inside a passphrase count.
        let s = raw.trim_end_matches(['\n', '\r']);
        let len = s.chars().count();
        if len == 0 {
            return Err(ValidationError::Empty { field: "password" });
        }
        if len < PASSWORD_MIN {
            return Err(ValidationError::TooShort {
                field: "password",
                len,
                min: PASSWORD_MIN,
            });
        }
        bounded("password", s, 1024)?;
        Ok(Password(s.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub id: AccountId,
    pub handle: String,
    pub display_name: String,
    pub credentials: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: Timestamp,
    /// When an admin last verified who this is; `None` while an application
    /// waits, or after verification was revoked.
    pub verified_at: Option<Timestamp>,
}

impl Account {
    /// A disabled or unverified account may do nothing, whatever its role:
    /// readers trust an answer because someone checked who wrote it.
    pub fn may(&self, action: Action) -> bool {
        !self.disabled && self.verified_at.is_some() && self.role.may(action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_table() {
        use Action::*;
        let table = [
            (Role::Expert, [true, true, true, true, true, false, false]),
            (
                Role::Moderator,
                [true, true, false, false, false, true, false],
            ),
            (Role::Admin, [true, true, true, true, true, true, true]),
        ];
        for (role, expected) in table {
            let actual = [
                ViewQueue,
                ViewPrivateQuestion,
                Answer,
                ReplyInThread,
                Review,
                Moderate,
                VerifyExperts,
            ]
            .map(|a| role.may(a));
            assert_eq!(actual, expected, "{role:?}");
        }
    }

    #[test]
    fn disabled_accounts_may_nothing() {
        let mut a = Account {
            id: AccountId(1),
            handle: "dr.ana".into(),
            display_name: "Dr Ana".into(),
            credentials: "GP".into(),
            role: Role::Admin,
            disabled: false,
            created_at: Timestamp(0),
            verified_at: Some(Timestamp(0)),
        };
        assert!(a.may(Action::Answer));
        a.disabled = true;
        assert!(!a.may(Action::Answer));
        assert!(!a.may(Action::ViewQueue));
    }

    #[test]
    fn unverified_accounts_may_nothing() {
        let mut a = Account {
            id: AccountId(1),
            handle: "applicant".into(),
            display_name: "Applicant".into(),
            credentials: "Midwife".into(),
            role: Role::Expert,
            disabled: false,
            created_at: Timestamp(0),
            verified_at: None,
        };
        assert!(!a.may(Action::Answer));
        assert!(!a.may(Action::ViewPrivateQuestion));
        a.verified_at = Some(Timestamp(5));
        assert!(a.may(Action::Answer));
        assert!(!a.may(Action::VerifyExperts));
    }

    #[test]
    fn handles_are_lowercased_and_restricted() {
        assert_eq!(Handle::parse(" Dr.Ana ").unwrap().as_str(), "dr.ana");
        assert_eq!(
            Handle::parse("a b c").unwrap_err(),
            ValidationError::BadHandle
        );
        assert_eq!(Handle::parse("ab").unwrap_err().code(), "too_short");
        assert_eq!(Handle::parse("").unwrap_err().code(), "empty");
        assert_eq!(
            Handle::parse("ñandú").unwrap_err(),
            ValidationError::BadHandle
        );
        assert_eq!(
            Handle::parse("former-7").unwrap_err(),
            ValidationError::BadHandle,
            "reserved for deleted accounts"
        );
    }

    #[test]
    fn roles_parse() {
        assert_eq!(Role::parse("moderator"), Ok(Role::Moderator));
        assert_eq!(Role::parse("root").unwrap_err().code(), "unknown_role");
    }

    #[test]
    fn passwords_need_length_not_tricks() {
        assert!(Password::parse("correct horse battery staple\n").is_ok());
        assert_eq!(Password::parse("short").unwrap_err().code(), "too_short");
        assert_eq!(Password::parse("\n").unwrap_err().code(), "empty");
        assert!(!format!("{:?}", Password::parse("supersecret1").unwrap()).contains("supersecret"));
    }
}
