//! Removing what could identify someone before a question is stored:
//! emails, phone numbers, links, social handles, street addresses, and
//! names in obvious positions ("my name is …", "my boyfriend Jake").
//! The asker sees what was removed before confirming.

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

struct Pattern {
    kind: PiiKind,
    regex: Regex,
    /// The capture group that holds the identifying part (0: the whole match).
    group: usize,
}

fn patterns() -> &'static [Pattern] {
    static PATTERNS: OnceLock<Vec<Pattern>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let relation = "boyfriend|girlfriend|husband|wife|partner|fianc[ée]e?|ex|friend|best friend|brother|sister|\
                        mom|mum|mother|dad|father|son|daughter|boss|coworker|colleague|roommate|flatmate|cousin|\
                        uncle|aunt|teacher|doctor|therapist|date|crush|lover|bf|gf";
        let relacion = "novio|novia|marido|esposo|esposa|mujer|pareja|ex|amigo|amiga|hermano|hermana|madre|padre|\
                        mam[áa]|pap[áa]|hijo|hija|jefe|jefa|compa[ñn]ero|compa[ñn]era|primo|prima|t[íi]o|t[íi]a|\
                        profesor|profesora|m[ée]dico|ligue|amante";
        let name = r"(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)";
        let specs: Vec<(PiiKind, String, usize)> = vec![
            (PiiKind::Email, r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}".into(), 0),
            (PiiKind::Url, r#"(?i)\b(?:https?://|www\.)[^\s<>()"']+"#.into(), 0),
            (
                PiiKind::Url,
                r"(?i)\b[a-z0-9][a-z0-9-]{1,62}\.(?:com|net|org|io|me|co|es|uk|de|fr|info|app|xyz|ly)(?:/[^\s]*)?\b".into(),
                0,
            ),
            (PiiKind::Handle, r"(?:^|[\s(])(@[A-Za-z0-9_][A-Za-z0-9_.]{1,29})".into(), 1),
            (
                PiiKind::Handle,
                r"(?i)\b(?:insta(?:gram)?|ig|snap(?:chat)?|tiktok|twitter|telegram|discord|kik|onlyfans|grindr|tinder)\s*(?:handle|name|username|user|is|es|:|-)*\s*:?\s*@?([A-Za-z0-9_][A-Za-z0-9_.]{2,29})".into(),
                1,
            ),
            (
                PiiKind::Phone,
                r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}".into(),
                0,
            ),
            (
                PiiKind::Address,
                r"\b\d{1,5}\s+(?:\p{Lu}\p{Ll}+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Square|Sq)\b\.?".into(),
                0,
            ),
            (
                PiiKind::Address,
                r"(?i)\b(?:calle|c/|avenida|avda\.?|av\.|plaza|paseo|carrer)\s+(?:de\s+|del\s+|la\s+)?\p{Lu}[\p{L}]+(?:\s+\p{L}+){0,3}\s*,?\s*(?:n[º°o]\.?\s*)?\d{1,4}".into(),
                0,
            ),
            (PiiKind::Address, r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b".into(), 0),
            (
                PiiKind::Name,
                format!(r"(?i:\bmy name is|\bi am called|\bi'm called|\bcall me|\bme llamo|\bmi nombre es)\s+{name}"),
                1,
            ),
            (PiiKind::Name, format!(r"(?i:\b(?:my|our|his|her) (?:{relation}))\s*,?\s+{name}"), 1),
            (PiiKind::Name, format!(r"(?i:\bmi (?:{relacion}))\s*,?\s+{name}"), 1),
            (PiiKind::Name, format!(r"(?i:\b(?:named|called|llamad[oa])\s+){name}"), 1),
        ];
        specs
            .into_iter()
            .filter_map(|(kind, source, group)| match Regex::new(&source) {
                Ok(regex) => Some(Pattern { kind, regex, group }),
                // A pattern that fails to compile is a programming error caught by the tests.
                Err(_) => None,
            })
            .collect()
    })
}

/// Capitalised words that follow "my boyfriend" without being names.
const NOT_NAMES: &[&str] = &[
    "I",
    "And",
    "But",
    "He",
    "She",
    "We",
    "They",
    "The",
    "It",
    "Is",
    "Was",
    "Has",
    "Had",
    "Said",
    "Says",
    "Who",
    "When",
    "If",
    "So",
    "Then",
    "Just",
    "Also",
    "Always",
    "Never",
    "Y",
    "Pero",
    "Que",
    "Él",
    "Ella",
    "Dice",
    "Cuando",
    "Si",
    "Me",
    "Se",
    "No",
    "Yes",
    "Ok",
    "Okay",
    "Sometimes",
];

fn acceptable(kind: PiiKind, found: &str) -> bool {
    match kind {
        // Enough digits for a phone number, so times, years and doses stay.
        PiiKind::Phone => {
            let digits = found.chars().filter(char::is_ascii_digit).count();
            (7..=15).contains(&digits)
        }
        PiiKind::Name => !NOT_NAMES.contains(&found.split([' ', '-']).next().unwrap_or(found)),
        _ => true,
    }
}

/// [`redact_with`] English placeholders.
pub fn redact(text: &str) -> Redacted {
    redact_with(text, |kind| kind.placeholder().to_owned())
}

/// Replaces whatever could identify someone with `placeholder(kind)`,
/// which should be bracketed like "[name removed]" so no pattern takes it
/// for something to remove again.
pub fn redact_with(text: &str, placeholder: impl Fn(PiiKind) -> String) -> Redacted {
    let mut found: Vec<Removal> = Vec::new();
    for pattern in patterns() {
        for captures in pattern.regex.captures_iter(text) {
            let Some(m) = captures.get(pattern.group) else {
                continue;
            };
            if acceptable(pattern.kind, m.as_str()) {
                found.push(Removal {
                    kind: pattern.kind,
                    span: (m.start(), m.end()),
                });
            }
        }
    }
    // Earliest first, longest first; a removal inside another is dropped.
    found.sort_by_key(|r| (r.span.0, std::cmp::Reverse(r.span.1)));
    let mut removed: Vec<Removal> = Vec::with_capacity(found.len());
    for r in found {
        match removed.last_mut() {
            // Overlapping matches merge: no piece of either may survive.
            Some(last) if r.span.0 < last.span.1 => last.span.1 = last.span.1.max(r.span.1),
            _ => removed.push(r),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<PiiKind> {
        redact(text).removed.iter().map(|r| r.kind).collect()
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(patterns().len(), 13);
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
