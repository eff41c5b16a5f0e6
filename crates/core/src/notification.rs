//! Email to experts about new questions in their topics: optional, off
//! unless the operator configures SMTP and the expert gives an address.
//! A digest never holds a question's words: mail passes through servers
//! nobody here controls, and the asker never agreed to that.

use crate::text::refuse_control_characters;
use crate::{AccountId, Topic, ValidationError};

/// An address to write to, checked enough to refuse typos and header
/// injection; the mail server has the last word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<EmailAddress, ValidationError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(ValidationError::Empty { field: "email" });
        }
        refuse_control_characters("email", s)?;
        let bad = || ValidationError::BadEmail;
        if s.len() > 254 || s.contains(char::is_whitespace) || s.contains(['<', '>', ',', ';']) {
            return Err(bad());
        }
        let (local, domain) = s.rsplit_once('@').ok_or_else(bad)?;
        if local.is_empty() || local.contains('@') || !domain.contains('.') {
            return Err(bad());
        }
        if domain.starts_with('.') || domain.ends_with('.') || domain.contains("..") {
            return Err(bad());
        }
        Ok(EmailAddress(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An expert who asked to hear about new questions in some topics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub account: AccountId,
    pub email: String,
    pub topics: Vec<Topic>,
}

/// A question that arrived, as far as email may say: its topic and
/// whether triage found it urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    pub topic: Topic,
    pub urgent: bool,
}

/// One email for one expert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// One digest per subscriber with anything new in their topics: counts
/// per topic, urgent ones called out, a link to the queue; no question text.
pub fn digests(
    subscriptions: &[Subscription],
    arrivals: &[Arrival],
    base_url: &str,
) -> Vec<Digest> {
    let base = base_url.trim_end_matches('/');
    subscriptions
        .iter()
        .filter_map(|sub| {
            let mut lines = Vec::new();
            let (mut total, mut urgent_total) = (0, 0);
            for topic in Topic::ALL.iter().filter(|t| sub.topics.contains(t)) {
                let here: Vec<&Arrival> = arrivals.iter().filter(|a| a.topic == *topic).collect();
                if here.is_empty() {
                    continue;
                }
                let urgent = here.iter().filter(|a| a.urgent).count();
                total += here.len();
                urgent_total += urgent;
                let mut line = format!("- {}: {}", topic.label(), here.len());
                if urgent > 0 {
                    line.push_str(&format!(" ({urgent} urgent)"));
                }
                lines.push(line);
            }
            if total == 0 {
                return None;
            }
            let noun = if total == 1 { "question" } else { "questions" };
            let mut subject = format!("{total} new {noun} waiting on Confide");
            if urgent_total > 0 {
                subject.push_str(&format!(", {urgent_total} urgent"));
            }
            let body = format!(
                "New questions in your topics:\n\n{}\n\nRead and answer them (log in first): {base}/expert\n\n\
                 We never put a question's words in email: mail passes through servers nobody here \
                 controls, and the people asking did not agree to that.\n\n\
                 To stop these emails, change your settings: {base}/expert/account\n",
                lines.join("\n")
            );
            Some(Digest {
                to: sub.email.clone(),
                subject,
                body,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked() {
        assert_eq!(
            EmailAddress::parse(" kim@clinic.example ")
                .unwrap()
                .as_str(),
            "kim@clinic.example"
        );
        for bad in [
            "kim",
            "@clinic.example",
            "kim@localhost",
            "kim@clinic..example",
            "a b@c.de",
            "kim@clinic.example\r\nBcc: x@y.z",
            "<kim@clinic.example>",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(EmailAddress::parse("").unwrap_err().code(), "empty");
    }

    fn sub(email: &str, topics: &[Topic]) -> Subscription {
        Subscription {
            account: AccountId(1),
            email: email.into(),
            topics: topics.to_vec(),
        }
    }

    #[test]
    fn one_digest_per_expert_with_counts_and_no_words() {
        let subs = [
            sub("a@x.org", &[Topic::Pain, Topic::Sti]),
            sub("b@x.org", &[Topic::Desire]),
        ];
        let arrivals = [
            Arrival {
                topic: Topic::Pain,
                urgent: true,
            },
            Arrival {
                topic: Topic::Pain,
                urgent: false,
            },
            Arrival {
                topic: Topic::Sti,
                urgent: false,
            },
            Arrival {
                topic: Topic::Emotions,
                urgent: false,
            },
        ];
        let out = digests(&subs, &arrivals, "https://confide.example/");
        assert_eq!(out.len(), 1, "b@ has nothing new in desire");
        let d = &out[0];
        assert_eq!(d.to, "a@x.org");
        assert_eq!(d.subject, "3 new questions waiting on Confide, 1 urgent");
        assert!(d.body.contains("- Pain and discomfort: 2 (1 urgent)"));
        assert!(d.body.contains("- STIs and testing: 1"));
        assert!(!d.body.contains("Feelings"), "only their topics");
        assert!(d.body.contains("https://confide.example/expert\n"));
    }
}
