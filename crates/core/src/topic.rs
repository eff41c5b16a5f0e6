use serde::{Deserialize, Serialize};

use crate::ValidationError;

/// What a question is about. A fixed list, so browsing and feeds are
/// predictable and an unknown topic is an error rather than a new category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Emotions,
    Desire,
    Pain,
    Contraception,
    Sti,
    Consent,
    Relationships,
    Bodies,
    Other,
}

impl Topic {
    pub const ALL: [Topic; 9] = [
        Topic::Emotions,
        Topic::Desire,
        Topic::Pain,
        Topic::Contraception,
        Topic::Sti,
        Topic::Consent,
        Topic::Relationships,
        Topic::Bodies,
        Topic::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Topic::Emotions => "emotions",
            Topic::Desire => "desire",
            Topic::Pain => "pain",
            Topic::Contraception => "contraception",
            Topic::Sti => "sti",
            Topic::Consent => "consent",
            Topic::Relationships => "relationships",
            Topic::Bodies => "bodies",
            Topic::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<Topic, ValidationError> {
        let s = s.trim();
        Topic::ALL
            .into_iter()
            .find(|t| t.slug() == s)
            .ok_or_else(|| ValidationError::UnknownTopic(s.chars().take(40).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slug_parses_back() {
        for t in Topic::ALL {
            assert_eq!(Topic::parse(t.slug()), Ok(t));
        }
    }

    #[test]
    fn unknown_topic_is_refused() {
        assert_eq!(
            Topic::parse("astrology").unwrap_err().code(),
            "unknown_topic"
        );
        assert!(Topic::parse("").is_err());
    }
}
