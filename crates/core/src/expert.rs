//! Becoming an expert: an application with credentials someone can check,
//! and an admin's decision on it. Readers see a "verified" badge only while
//! the decision stands.

use serde::Serialize;

use crate::text::{bounded, refuse_control_characters};
use crate::{AccountId, Credentials, DisplayName, Handle, Timestamp, ValidationError};

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Pending,
    Verified,
    Rejected,
    Revoked,
}

impl ApplicationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Pending => "pending",
            ApplicationStatus::Verified => "verified",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Revoked => "revoked",
        }
    }

    pub fn parse(s: &str) -> Option<ApplicationStatus> {
        match s {
            "pending" => Some(ApplicationStatus::Pending),
            "verified" => Some(ApplicationStatus::Verified),
            "rejected" => Some(ApplicationStatus::Rejected),
            "revoked" => Some(ApplicationStatus::Revoked),
            _ => None,
        }
    }
}

/// An admin's decision about an expert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The credentials were checked and hold.
    Verify,
    /// A pending application is turned down, with a reason for the applicant.
    Reject { reason: String },
    /// A verification no longer stands: the badge goes from every answer at once.
    Revoke { reason: String },
}

impl Decision {
    /// A decision that needs a reason gets one, tidied and bounded.
    pub fn with_reason(kind: &str, reason: &str) -> Result<Decision, ValidationError> {
        let reason = one_line("reason", reason, 300)?;
        match kind {
            "reject" => Ok(Decision::Reject { reason }),
            "revoke" => Ok(Decision::Revoke { reason }),
            _ => Err(ValidationError::BadApplication(
                "a decision is verify, reject or revoke",
            )),
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Decision::Verify => "verify",
            Decision::Reject { .. } => "reject",
            Decision::Revoke { .. } => "revoke",
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Decision::Verify => None,
            Decision::Reject { reason } | Decision::Revoke { reason } => Some(reason),
        }
    }
}

fn one_line(field: &'static str, raw: &str, max: usize) -> Result<String, ValidationError> {
    let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    refuse_control_characters(field, &s)?;
    bounded(field, &s, max)?;
    Ok(s)
}

/// What an applicant tells us, checked. The profession becomes the
/// credentials line readers see; the licence and the page where it can be
/// checked are for the admin only.
#[derive(Debug, Clone)]
pub struct ApplicationDraft {
    pub handle: Handle,
    pub display_name: DisplayName,
    pub profession: Credentials,
    pub licence_number: String,
    pub licence_body: String,
    pub check_url: String,
    pub statement: String,
    pub at: Timestamp,
}

/// The fields of an application as typed into a form or sent as JSON.
#[derive(Debug, Clone, Default)]
pub struct ApplicationInput<'a> {
    pub handle: &'a str,
    pub display_name: &'a str,
    pub profession: &'a str,
    pub licence_number: &'a str,
    pub licence_body: &'a str,
    pub check_url: &'a str,
    pub statement: &'a str,
}

impl ApplicationDraft {
    pub fn parse(input: &ApplicationInput<'_>, at: Timestamp) -> Result<Self, ValidationError> {
        let check_url = input.check_url.trim();
        bounded("check_url", check_url, 500)?;
        if !(check_url.starts_with("https://") || check_url.starts_with("http://"))
            || check_url.contains(char::is_whitespace)
            || check_url.len() < "https://x.y".len()
        {
            return Err(ValidationError::BadApplication(
                "the check page must be an http(s) address where the registration can be seen",
            ));
        }
        let statement = input.statement.trim();
        refuse_control_characters("statement", &statement.replace(['\n', '\r', '\t'], " "))?;
        bounded("statement", statement, 2000)?;
        Ok(ApplicationDraft {
            handle: Handle::parse(input.handle)?,
            display_name: DisplayName::parse(input.display_name)?,
            profession: Credentials::parse(input.profession)?,
            licence_number: one_line("licence_number", input.licence_number, 80)?,
            licence_body: one_line("licence_body", input.licence_body, 160)?,
            check_url: check_url.to_owned(),
            statement: statement.to_owned(),
            at,
        })
    }
}

/// An application as the admin reviews it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Application {
    pub account_id: AccountId,
    pub handle: String,
    pub display_name: String,
    pub profession: String,
    pub licence_number: String,
    pub licence_body: String,
    pub check_url: String,
    pub statement: String,
    pub status: ApplicationStatus,
    pub created_at: Timestamp,
    pub decided_at: Option<Timestamp>,
    pub decided_by: Option<String>,
    /// Why it was rejected or revoked.
    pub decision_note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ApplicationInput<'static> {
        ApplicationInput {
            handle: "Nurse.Kim",
            display_name: "  Kim   Okafor ",
            profession: "Sexual health nurse",
            licence_number: " 12A3456B ",
            licence_body: "Nursing and Midwifery Council",
            check_url: "https://example.org/register/12A3456B",
            statement: "Ten years in a sexual health clinic.",
        }
    }

    #[test]
    fn a_complete_application_is_tidied() {
        let a = ApplicationDraft::parse(&input(), Timestamp(1)).unwrap();
        assert_eq!(a.handle.as_str(), "nurse.kim");
        assert_eq!(a.display_name.as_str(), "Kim Okafor");
        assert_eq!(a.licence_number, "12A3456B");
    }

    #[test]
    fn the_check_page_must_be_a_web_address() {
        for url in [
            "",
            "javascript:alert(1)",
            "ftp://x.org/a",
            "https://a b.org",
        ] {
            let mut i = input();
            i.check_url = url;
            assert!(ApplicationDraft::parse(&i, Timestamp(1)).is_err(), "{url}");
        }
    }

    #[test]
    fn every_field_is_required() {
        let blanks: [fn(&mut ApplicationInput<'static>); 6] = [
            |i| i.display_name = " ",
            |i| i.profession = "",
            |i| i.licence_number = "",
            |i| i.licence_body = "\n",
            |i| i.statement = "",
            |i| i.handle = "",
        ];
        for blank in blanks {
            let mut i = input();
            blank(&mut i);
            assert_eq!(
                ApplicationDraft::parse(&i, Timestamp(1))
                    .unwrap_err()
                    .code(),
                "empty"
            );
        }
    }

    #[test]
    fn rejections_and_revocations_need_a_reason() {
        assert!(Decision::with_reason("reject", "  ").is_err());
        assert_eq!(
            Decision::with_reason("revoke", " licence\nlapsed ").unwrap(),
            Decision::Revoke {
                reason: "licence lapsed".into()
            }
        );
        assert!(Decision::with_reason("promote", "x").is_err());
    }
}
