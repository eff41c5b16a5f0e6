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
    /// The language code to write to them in.
    pub lang: String,
}

/// A question that arrived, as far as email may say: its topic and
/// whether triage found it urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    pub topic: Topic,
    pub urgent: bool,
}

/// One email for one expert: how many questions arrived in each of their
/// topics, and how many of those are urgent. Never a question's words. The
/// web layer words it in the expert's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub to: String,
    /// The language code the expert chose (`en`, `es`).
    pub lang: String,
    /// Their topics with news, in the topics' usual order.
    pub topics: Vec<TopicNews>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicNews {
    pub topic: Topic,
    pub arrived: usize,
    pub urgent: usize,
}

impl Digest {
    pub fn arrived(&self) -> usize {
        self.topics.iter().map(|t| t.arrived).sum()
    }

    pub fn urgent(&self) -> usize {
        self.topics.iter().map(|t| t.urgent).sum()
    }
}

/// One digest per subscriber with anything new in their topics.
pub fn digests(subscriptions: &[Subscription], arrivals: &[Arrival]) -> Vec<Digest> {
    subscriptions
        .iter()
        .filter_map(|sub| {
            let topics: Vec<TopicNews> = Topic::ALL
                .iter()
                .filter(|t| sub.topics.contains(t))
                .map(|&topic| {
                    let here = arrivals.iter().filter(|a| a.topic == topic);
                    TopicNews {
                        topic,
                        arrived: here.clone().count(),
                        urgent: here.filter(|a| a.urgent).count(),
                    }
                })
                .filter(|news| news.arrived > 0)
                .collect();
            (!topics.is_empty()).then(|| Digest {
                to: sub.email.clone(),
                lang: sub.lang.clone(),
                topics,
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
            lang: "es".into(),
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
        let out = digests(&subs, &arrivals);
        assert_eq!(out.len(), 1, "b@ has nothing new in desire");
        let d = &out[0];
        assert_eq!((d.to.as_str(), d.lang.as_str()), ("a@x.org", "es"));
        assert_eq!(
            d.topics,
            [
                TopicNews {
                    topic: Topic::Pain,
                    arrived: 2,
                    urgent: 1
                },
                TopicNews {
                    topic: Topic::Sti,
                    arrived: 1,
                    urgent: 0
                },
            ],
            "only their topics"
        );
        assert_eq!((d.arrived(), d.urgent()), (3, 1));
    }
}
