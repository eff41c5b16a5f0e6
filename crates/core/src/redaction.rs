//! Removing what could identify someone before a question is stored:
//! emails (also spelled out), phone numbers, links, social handles, street
//! addresses and postcodes, people's names, and the schools, workplaces and
//! towns that, with an age, are enough to find someone. The asker sees what
//! was removed before confirming.
//!
//! Each kind has its own module: `patterns` for identifiers with a shape
//! of their own, `names` and `places` for words that are identifying
//! only in context, judged against the vocabulary in `words`. Everything
//! they find is merged here, so overlapping finds leave nothing behind.

mod names;
mod patterns;
mod places;
mod scan;
mod words;

use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PiiKind {
    Email,
    Phone,
    Url,
    Handle,
    Address,
    Name,
    /// A school, workplace or home town: with an age, enough to find someone.
    Place,
}

impl PiiKind {
    /// What replaces the text in the stored question, in English (pages
    /// use the asker's language: see [`redact_with`]).
    pub fn placeholder(self) -> &'static str {
        match self {
            PiiKind::Email => "[email removed]",
            PiiKind::Phone => "[phone number removed]",
            PiiKind::Url => "[link removed]",
            PiiKind::Handle => "[username removed]",
            PiiKind::Address => "[address removed]",
            PiiKind::Name => "[name removed]",
            PiiKind::Place => "[place removed]",
        }
    }
}

/// One removal: what kind, and where it was in the original text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    pub kind: PiiKind,
    pub span: (usize, usize),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redacted {
    pub text: String,
    pub removed: Vec<Removal>,
}

impl Redacted {
    pub fn changed(&self) -> bool {
        !self.removed.is_empty()
    }
}

/// Every compiled regex, counted so a test notices one that failed to compile.
#[cfg(test)]
fn pattern_count() -> usize {
    patterns::patterns().len()
        + names::cue_count()
        + places::cue_count()
        + usize::from(placeholder_regex().is_some())
}

/// [`redact_with`] English placeholders.
pub fn redact(text: &str) -> Redacted {
    redact_with(text, |kind| kind.placeholder().to_owned())
}

/// Replaces whatever could identify someone with `placeholder(kind)`,
/// which should be bracketed like "[name removed]" so no pattern takes it
/// for something to remove again.
pub fn redact_with(text: &str, placeholder: impl Fn(PiiKind) -> String) -> Redacted {
    let mut found: Vec<Removal> = patterns::find(text)
        .into_iter()
        .map(|(kind, span)| Removal { kind, span })
        .collect();
    found.extend(places::find(text).into_iter().map(|span| Removal {
        kind: PiiKind::Place,
        span,
    }));
    found.extend(names::find(text).into_iter().map(|span| Removal {
        kind: PiiKind::Name,
        span,
    }));
    let kept = placeholders(text);
    found.retain(|r| {
        r.span.0 < r.span.1 && !kept.iter().any(|k| k.0 <= r.span.0 && r.span.1 <= k.1)
    });
    let removed = merge(found);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in &removed {
        out.push_str(&text[at..r.span.0]);
        out.push_str(&placeholder(r.kind));
        at = r.span.1;
    }
    out.push_str(&text[at..]);
    Redacted { text: out, removed }
}

/// Earliest first, longest first; a removal inside another is dropped and
/// overlapping ones merge, so no piece of either survives. The earlier
/// (or, from the same place, the longer) find names the kind.
fn merge(mut found: Vec<Removal>) -> Vec<Removal> {
    found.sort_by_key(|r| (r.span.0, std::cmp::Reverse(r.span.1)));
    let mut removed: Vec<Removal> = Vec::with_capacity(found.len());
    for r in found {
        match removed.last_mut() {
            Some(last) if r.span.0 < last.span.1 => last.span.1 = last.span.1.max(r.span.1),
            _ => removed.push(r),
        }
    }
    removed
}

fn placeholder_regex() -> Option<&'static Regex> {
    static PLACEHOLDER: OnceLock<Option<Regex>> = OnceLock::new();
    PLACEHOLDER
        .get_or_init(|| Regex::new(r"\[[^\[\]\n]{1,60}\]").ok())
        .as_ref()
}

/// Bracketed text, such as an earlier placeholder: nothing wholly inside
/// it is removed, so redacting twice changes nothing the first time left.
fn placeholders(text: &str) -> Vec<(usize, usize)> {
    placeholder_regex().map_or_else(Vec::new, |r| {
        r.find_iter(text).map(|m| (m.start(), m.end())).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<PiiKind> {
        redact(text).removed.iter().map(|r| r.kind).collect()
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(patterns::patterns().len(), 17);
        assert_eq!(pattern_count(), 17 + 17 + 12 + 1);
    }

    #[test]
    fn removes_contact_details() {
        let r =
            redact("Email me at jo.smith+x@example.com or call 07700 900123, or +34 612 345 678.");
        assert_eq!(
            r.text,
            "Email me at [email removed] or call [phone number removed], or [phone number removed]."
        );
        assert_eq!(r.removed[0].span, (12, 34));
    }

    #[test]
    fn removes_links_and_handles() {
        assert_eq!(
            kinds("see https://my-blog.example/post?id=3 and www.facebook.com/jo"),
            [PiiKind::Url, PiiKind::Url]
        );
        assert_eq!(
            kinds("his insta is jake_99 and mine @anna.b"),
            [PiiKind::Handle, PiiKind::Handle]
        );
        assert_eq!(kinds("my snap: coolguy22"), [PiiKind::Handle]);
    }

    #[test]
    fn removes_addresses() {
        assert_eq!(
            kinds("I live at 42 Baker Street with him"),
            [PiiKind::Address]
        );
        assert_eq!(
            kinds("vivo en la calle Mayor 12, segundo"),
            [PiiKind::Address]
        );
        assert_eq!(kinds("postcode SW1A 1AA"), [PiiKind::Address]);
    }

    #[test]
    fn removes_names_in_obvious_positions_only() {
        let r = redact("My name is Sarah and my boyfriend Jake cried. Mi novio Javier también.");
        assert_eq!(r.text, "My name is [name removed] and my boyfriend [name removed] cried. Mi novio [name removed] también.");
        // Not names: pronouns after relation words, ordinary capitalised words.
        assert!(
            kinds("My boyfriend I think is upset. Is it Normal? I met a guy at Pride.").is_empty()
        );
        assert_eq!(kinds("a guy named Tom"), [PiiKind::Name]);
    }

    /// What the CLI and the web tests expect, kept here so a change to
    /// redaction shows up in this crate first.
    #[test]
    fn keeps_what_other_crates_rely_on() {
        let cli =
            redact("Text me on 07700 900123, I'm jo@example.com. My boyfriend Jake doesn't know.");
        assert_eq!(
            cli.text,
            "Text me on [phone number removed], I'm [email removed]. My boyfriend [name removed] doesn't know."
        );
        assert_eq!(
            cli.removed.iter().map(|r| r.kind).collect::<Vec<_>>(),
            [PiiKind::Phone, PiiKind::Email, PiiKind::Name]
        );
        assert_eq!(cli.removed[0].span, (11, 23));
        let web = redact_with(
            "Escríbeme a lucia@correo.example, me llamo Lucía y tengo miedo.",
            |k| match k {
                PiiKind::Email => "[correo eliminado]".to_owned(),
                _ => "[nombre eliminado]".to_owned(),
            },
        );
        assert_eq!(
            web.text,
            "Escríbeme a [correo eliminado], me llamo [nombre eliminado] y tengo miedo."
        );
        assert_eq!(
            redact("my boyfriend Jake hit me last night").text,
            "my boyfriend [name removed] hit me last night"
        );
    }

    #[test]
    fn leaves_health_numbers_alone() {
        for text in [
            "It was 72 hours ago, around 10:30pm on 12/05/2024.",
            "I took 1.5 mg, twice, for 28 days.",
            "I'm 19 and he is 21. We've been together since 2019.",
            "Ulipristal works up to 120 hours.",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn overlapping_matches_leave_nothing_behind() {
        let r = redact("message me at wa.me/447700 900123 please");
        assert!(!r.text.contains("900123"), "{}", r.text);
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "@",
            "my name is",
            "+",
            "😀 my boyfriend Ñoño 😀",
            &"9".repeat(5000),
        ] {
            let r = redact(text);
            assert!(r.text.len() <= text.len() + 40 * r.removed.len());
        }
    }
}
