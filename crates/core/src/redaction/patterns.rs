//! Identifiers with a shape of their own: emails (also spelled out), phone
//! numbers, links, handles, street addresses and postcodes. Each pattern
//! finds candidates; its [`Check`] throws out the ones that are ordinary
//! text (a date that looks like a phone number, "my insta is private").

use std::sync::OnceLock;

use regex::{Captures, Regex};

use super::scan::{compile, unicode_bounded};
use super::words::{
    fold, is_common, is_function_word, is_protected, looks_adjectival, looks_inflected,
};
use super::PiiKind;

/// What must hold of a match before it is removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Check {
    Always,
    /// 7 to 15 digits and not a date or a pair of years.
    Phone,
    /// A bare domain: not a common word with a dot ("it.Me") and not a
    /// well-known public site named without a path.
    Domain,
    /// Group 2 is the handle, group 1 what stood between it and its cue.
    HandleAfterCue,
    /// An "@name" that is not a time ("@5pm").
    AtHandle,
    /// Group 1 holds the street's name words: none may be a function word
    /// or a unit ("2 pills on the way", "10 mins walk").
    StreetName,
    /// Group 1 holds a Spanish street name: particles allowed, no pronouns
    /// or verbs ("la calle me lo hizo 3 veces").
    SpanishStreetName,
    /// Group 1 holds a street name without a number: at least one word
    /// that is not an ordinary word ("on the main road" stays).
    NamedStreet,
    /// A UK postcode whose inward part is not an ordinal or unit.
    Postcode,
}

pub(super) struct Pattern {
    pub kind: PiiKind,
    pub regex: Regex,
    /// The capture group that holds the identifying part (0: the whole match).
    pub group: usize,
    pub check: Check,
}

/// Handle platforms, as a regex alternation.
const PLATFORMS: &str = "insta(?:gram)?|ig|snap(?:chat)?|sc|tik ?tok|tt|twitter|telegram|tg|discord|kik|\
    onlyfans|grindr|tinder|hinge|bumble|whatsapp|facebook|fb|reddit|twitch|threads|bluesky|steam|xbox|psn|\
    wickr|wechat|skype|feeld|scruff";

/// What people put between "my snap" and the handle itself.
const FILLERS: &str = r#"((?:\s*(?:[:=,>\-–—]|\bis\b|\bes\b|\bit'?s\b|\bit’s\b|\bits\b|\bit is\b|\bjust\b|\bonly\b|\bsolo\b|\bsimplemente\b|\bliterally\b|\bwas\b|\bera\b|\bat\b|\bas\b|\bcomo\b|\ben\b|\bon\b|["“”‘’(]))*)\s*"#;

const HANDLE: &str = r"@?([\p{L}\p{N}_][\p{L}\p{N}_.]{1,29})";

/// Separators of spelled-out emails: "dot", "punto", "[dot]", ".".
const DOT: &str =
    r"(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|<dot>|\[punto\]|\(punto\))\s*|\s+(?:dot|punto)\s+|\.)";
const AT: &str =
    r"(?:\s*(?:\[at\]|\(at\)|\{at\}|<at>|\[arroba\]|\(arroba\))\s*|\s+(?:at|arroba)\s+|\s*@\s*)";
const TLD: &str = "com|org|net|edu|gov|es|co|uk|io|me|info|de|fr|it|mx|ar|cl|pe|eu|cat|us|ca|ie|nl";

const STREET_SUFFIX: &str = "street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|\
    terrace|close|crescent|cres|square|sq|grove|gardens|gdns|park|row|mews|hill|walk|parade|rise|view|green|\
    wharf|yard";

/// Spanish street words: whole words need a space after them ("called"
/// is not "calle d"), abbreviations need none ("c/mayor").
const SPANISH_STREET: &str = r"(?:calle|avenida|avda|plaza|paseo|carrer|camino|carretera|ronda|traves[ií]a|\
    glorieta|urbanizaci[óo]n|pasaje|callej[óo]n|rambla|v[íi]a)\b\.?\s*|(?:c/|avda\.|av\.|pza\.|p[ºo]\.|ctra\.|urb\.)\s*";

fn specs() -> Vec<(PiiKind, String, usize, Check)> {
    use Check::*;
    use PiiKind::*;
    vec![
        (
            Email,
            r"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}".into(),
            0,
            Always,
        ),
        // "jo dot smith at gmail dot com", "jsmith [at] example [dot] org".
        (
            Email,
            format!(
                r"(?i)\b[\p{{L}}\p{{N}}_+-]+(?:{DOT}[\p{{L}}\p{{N}}_+-]+)*{AT}[\p{{L}}\p{{N}}-]+(?:{DOT}[\p{{L}}\p{{N}}-]+)*{DOT}(?:{TLD})\b"
            ),
            0,
            Always,
        ),
        (Url, r#"(?i)\b(?:https?://|www\.)[^\s<>()"']+"#.into(), 0, Always),
        // Profile and short links, whose hosts are too short for the bare
        // domain pattern: t.me/…, wa.me/…, x.com/…, bit.ly/….
        (
            Url,
            r#"(?i)\b(?:t\.me|wa\.me|m\.me|fb\.me|x\.com|bit\.ly|tinyurl\.com|linktr\.ee|lnk\.bio|youtu\.be|discord\.gg|cash\.app|paypal\.me|beacons\.ai|[a-z0-9-]+\.[a-z]{2,6})/[^\s<>()"']+"#.into(),
            0,
            Always,
        ),
        (
            Url,
            r"\b[A-Za-z0-9][A-Za-z0-9-]{1,62}\.(?:com|net|org|io|me|co|es|uk|de|fr|info|app|xyz|ly|ee|gg|tv|bio|link|page|site|cat|mx|ar)\b".into(),
            0,
            Domain,
        ),
        (PiiKind::Handle, r"(?:^|[\s(,:;])(@[A-Za-z0-9_][A-Za-z0-9_.]{1,29})".into(), 1, AtHandle),
        // "my snap is just dan_b99", "mi usuario es noche_azul83".
        (
            PiiKind::Handle,
            format!(
                r"(?i)(?:\b(?:{PLATFORMS})\b(?:\s*(?:handle|name|username|user|id|account|acc|tag|@|es|is))?|\b(?:user\s?name|handle|gamertag|nick(?:name)?|usuario|nombre de usuario|alias)\b|\bmy\s+@){FILLERS}{HANDLE}"
            ),
            2,
            HandleAfterCue,
        ),
        // "add me, it's lilbee_22", "agrégame en snap: rocio_bcn22".
        (
            PiiKind::Handle,
            format!(
                r"(?i)(?:\b(?:add|follow|find|message|msg|dm|pm|text|hit|contact|search)\s+me(?:\s+up)?(?:\s+(?:on|at|in)\s+(?:{PLATFORMS}))?|\b(?:agr[ée]game|a[ñn][áa]deme|s[íi]gueme|b[úu]scame|escr[íi]beme|h[áa]blame|m[áa]ndame|encu[ée]ntrame)(?:\s+(?:en|por|al)\s+(?:{PLATFORMS}|privado|md))?){FILLERS}{HANDLE}"
            ),
            2,
            HandleAfterCue,
        ),
        // "kwame.osei on snapchat": a handle before its platform.
        (
            PiiKind::Handle,
            format!(r"(?i)()\b@?([\p{{L}}\p{{N}}_][\p{{L}}\p{{N}}_.]{{1,29}})\s+(?:on|en)\s+(?:{PLATFORMS})\b"),
            2,
            HandleAfterCue,
        ),
        (
            PiiKind::Phone,
            r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}".into(),
            0,
            Check::Phone,
        ),
        // "12B Oak Road", "flat 3, 18 queens crescent", "221b baker street".
        (
            Address,
            format!(
                r"(?i)\b(?:(?:flat|apartment|apt|unit|suite)\s*\d{{1,4}}[a-z]?\s*,?\s*)?\d{{1,5}}[a-z]?\s*,?\s+((?:[\p{{L}}'’.-]+\s+){{1,3}})(?:{STREET_SUFFIX})\b\.?"
            ),
            1,
            StreetName,
        ),
        // "from Ashgrove Road": a capitalised street name without a number.
        (
            Address,
            r"\b((?:\p{Lu}[\p{Ll}'’]+\s+){1,3})(?:Street|Road|Avenue|Lane|Drive|Close|Crescent|Terrace|Grove|Gardens|Mews|Boulevard|Rd|Ave)\b\.?".into(),
            1,
            NamedStreet,
        ),
        // "I live on baker street": lower case needs a cue.
        (
            Address,
            r"(?i)\b(?:live|lives|living|lived|from|on|off|in|near)\s+((?:[\p{L}'’]+\s+){1,3})(?:street|road|avenue|lane|drive|crescent|terrace|grove|gardens|mews|boulevard)\b".into(),
            1,
            NamedStreet,
        ),
        // "c/ mayor 5, 2ºB", "Calle de Alcalá 120", "avenida de la constitución 14, 3º izq".
        (
            Address,
            format!(
                r"(?i)(?:\b|^|\s)((?:{SPANISH_STREET})([\p{{L}}'’ºª.]+(?:\s+[\p{{L}}'’ºª.]+){{0,4}}?)\s*,?\s*(?:n[º°o]\.?\s*|n[úu]m(?:ero)?\.?\s*)?\d{{1,4}}[a-z]?\b(?:\s*,?\s*(?:(?:piso|planta|puerta|pta\.?|esc\.?|escalera|portal)\s*\d{{1,2}}\s*[º°ª]?|\d{{1,2}}\s*[º°ª]|\d{{1,2}}[a-h]\b)\s*(?:[a-h]\b|izq(?:uierda|da)?\.?|dcha\.?|derecha|izda\.?|centro)?)*(?:\s*,?\s*\d{{5}}\b)?)"
            ),
            1,
            SpanishStreetName,
        ),
        (
            Address,
            r"(?i)\b[a-z]{1,2}\d[a-z\d]?\s*\d[abd-hjlnp-uw-z]{2}\b".into(),
            0,
            Postcode,
        ),
        // An outward code alone ("from LS6") after a cue.
        (
            Address,
            r"(?i:\bpost\s?code\s*(?:is\s*)?:?|\bin|\bfrom|\bnear|\baround)\s+((?:[BEGLMNSW]|[A-PR-UWYZ][A-HK-Y])\d{1,2}[A-Z]?)\b".into(),
            1,
            Always,
        ),
        // Spanish and US postcodes after a cue.
        (
            Address,
            r"(?i)\b(?:c\.\s?p\.|cp|c[óo]digo postal|zip(?:\s?code)?|post\s?code)\s*(?:es\s*|is\s*)?:?\s*(\d{5})\b".into(),
            1,
            Always,
        ),
    ]
}

pub(super) fn patterns() -> &'static [Pattern] {
    static PATTERNS: OnceLock<Vec<Pattern>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        specs()
            .into_iter()
            // A pattern that fails to compile is a programming error caught by the tests.
            .filter_map(|(kind, source, group, check)| {
                compile(&source).map(|regex| Pattern {
                    kind,
                    regex,
                    group,
                    check,
                })
            })
            .collect()
    })
}

/// Every removal the patterns make in `text`, unmerged.
pub(super) fn find(text: &str) -> Vec<(PiiKind, (usize, usize))> {
    let mut found = Vec::new();
    for pattern in patterns() {
        for captures in pattern.regex.captures_iter(text) {
            let Some(whole) = captures.get(0) else {
                continue;
            };
            if !unicode_bounded(text, whole.start(), whole.end()) {
                continue;
            }
            if let Some(span) = accept(text, pattern, &captures) {
                found.push((pattern.kind, span));
            }
        }
    }
    found
}

fn accept(text: &str, pattern: &Pattern, captures: &Captures) -> Option<(usize, usize)> {
    let whole = captures.get(0)?;
    let m = captures.get(pattern.group)?;
    let group = |i: usize| captures.get(i).map_or("", |g| g.as_str());
    match pattern.check {
        Check::Always => Some((m.start(), m.end())),
        Check::Phone => plausible_phone(m.as_str()).then_some((m.start(), m.end())),
        Check::Domain => plausible_domain(m.as_str()).then_some((m.start(), m.end())),
        Check::HandleAfterCue => {
            let at_sign = whole.as_str()[..m.start() - whole.start()].ends_with('@');
            // Glued to an "@": the local part of an email, found elsewhere.
            let glued = text[m.end()..].starts_with('@');
            plausible_handle(m.as_str(), group(1), at_sign)
                .filter(|_| !glued)
                .map(|len| (m.start(), m.start() + len))
        }
        Check::AtHandle => {
            let handle = m.as_str().trim_end_matches('.');
            (!is_time(&handle[1..])).then_some((m.start(), m.start() + handle.len()))
        }
        // The group only vets the words; the whole address goes.
        Check::StreetName => group(1)
            .split_whitespace()
            .all(|w| !is_function_word(&fold(w)) && !is_unit(&fold(w)))
            .then_some((whole.start(), whole.end())),
        Check::SpanishStreetName => spanish_street_name(group(2)).then_some((m.start(), m.end())),
        Check::NamedStreet => {
            let offset = named_street(m.as_str())?;
            Some((m.start() + offset, whole.end()))
        }
        Check::Postcode => plausible_postcode(m.as_str()).then_some((m.start(), m.end())),
    }
}

fn plausible_phone(found: &str) -> bool {
    let digits = found.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return false;
    }
    let groups: Vec<&str> = found
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    // "2024-05-12", "12.05.2024", "2019-2021", "2023 2024": dates and years.
    let is_year = |g: &&str| g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
    let date_like = groups.len() == 3
        && !found.starts_with('+')
        && ((is_year(&groups[0]) && groups[1].len() <= 2 && groups[2].len() <= 2)
            || (groups[0].len() <= 2
                && groups[1].len() <= 2
                && (is_year(&groups[2]) || groups[2].len() == 2)));
    let years = groups.len() == 2 && groups.iter().all(is_year);
    !date_like && !years
}

/// Well-known sites named without a path identify nobody.
const PUBLIC_SITES: &[&str] = &[
    "instagram.com",
    "tiktok.com",
    "facebook.com",
    "twitter.com",
    "reddit.com",
    "youtube.com",
    "google.com",
    "tinder.com",
    "grindr.com",
    "onlyfans.com",
    "pornhub.com",
    "amazon.com",
    "nhs.uk",
    "brook.org",
    "sh24.org",
    "tht.org",
    "who.int",
    "cdc.gov",
    "plannedparenthood.org",
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "yahoo.com",
];

fn plausible_domain(found: &str) -> bool {
    let lower = found.to_lowercase();
    let host = lower.split('.').next().unwrap_or(&lower);
    !is_common(&fold(host)) && !PUBLIC_SITES.contains(&lower.as_str())
}

fn is_time(s: &str) -> bool {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    !digits.is_empty() && digits.len() <= 2 && {
        let rest = s[digits.len()..].to_lowercase();
        rest.is_empty()
            || rest.starts_with("am")
            || rest.starts_with("pm")
            || rest.starts_with(':')
            || rest.starts_with('h')
    }
}

/// How much of `token` is the handle, if it is one. Handles with digits,
/// underscores or dots are unmistakable; a plain word counts only after an
/// explicit filler ("is", ":", "it's") and when it is no ordinary word.
fn plausible_handle(token: &str, filler: &str, at_sign: bool) -> Option<usize> {
    let handle = token.trim_end_matches('.');
    if handle.chars().count() < 2 || handle.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let marked = handle
        .chars()
        .any(|c| c.is_ascii_digit() || c == '_' || c == '.');
    if marked {
        return Some(handle.len());
    }
    let folded = fold(handle);
    let ordinary = is_common(&folded)
        || is_protected(&folded)
        || looks_inflected(&folded)
        || looks_adjectival(&folded)
        || is_platform(&folded);
    let explicit = at_sign || !filler.trim().is_empty();
    (explicit && !ordinary).then_some(handle.len())
}

fn is_platform(folded: &str) -> bool {
    PLATFORMS.split('|').any(|p| {
        p.trim_end_matches("(?:gram)?")
            .trim_end_matches("(?:chat)?")
            == folded
    }) || matches!(folded, "instagram" | "snapchat" | "tiktok")
}

/// Quantities and units that a number precedes without being a house
/// number: "3 hours drive", "2 mins walk", "2 pills on the way".
const UNITS: &str = "hour hours hr hrs min mins minute minutes second seconds secs day days week weeks
    month months year years time times pill pills mile miles km metres meters mg ml people guys girls
    drinks doors houses streets stops blocks";

fn is_unit(folded: &str) -> bool {
    UNITS.split_whitespace().any(|u| u == folded)
}

/// A Spanish street name: particles and words, no pronouns or verbs.
fn spanish_street_name(street: &str) -> bool {
    let words: Vec<String> = street
        .split_whitespace()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words
            .iter()
            .any(|w| !matches!(w.as_str(), "de" | "del" | "la" | "las" | "los" | "el"))
        && words.iter().all(|w| {
            matches!(
                w.as_str(),
                "de" | "del" | "la" | "las" | "los" | "el" | "san" | "santa" | "sant" | "d" | "i"
            ) || (!is_function_word(w) && !is_verbish(w))
        })
}

/// Spanish verbs that end a phrase rather than name a street ("en la
/// calle me lo hizo 3 veces").
fn is_verbish(folded: &str) -> bool {
    matches!(
        folded,
        "hizo" | "hace" | "paso" | "vive" | "vivo" | "esta" | "hay" | "tiene"
    )
}

/// Where a numberless street's name starts, if anything in it identifies
/// the street: "on the main road" has nothing, "Ashgrove Road" has.
fn named_street(street: &str) -> Option<usize> {
    let mut start = None;
    let mut offset = 0;
    let mut identifying = false;
    for word in street.split_inclusive(char::is_whitespace) {
        let f = fold(word.trim());
        if is_function_word(&f) {
            // Articles and prepositions lead in ("the"); they end nothing
            // here because the regex already bounded the name.
            if start.is_some() {
                return None;
            }
        } else {
            start = start.or(Some(offset));
            identifying |= !is_common(&f) && !is_protected(&f);
        }
        offset += word.len();
    }
    start.filter(|_| identifying)
}

fn plausible_postcode(found: &str) -> bool {
    let tail: String = found
        .chars()
        .rev()
        .take(2)
        .collect::<String>()
        .to_lowercase();
    let inward: String = tail.chars().rev().collect();
    // "1st", "2nd", "3hr" end like postcodes; real ones are written in
    // capitals often enough that lower-case ordinals can be let go.
    !matches!(inward.as_str(), "st" | "nd" | "rd" | "th" | "hr" | "yr")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_not_phones() {
        assert!(!plausible_phone("2024-05-12"));
        assert!(!plausible_phone("12.05.2024"));
        assert!(!plausible_phone("2019-2021"));
        assert!(plausible_phone("07700 900123"));
        assert!(plausible_phone("+34 612 345 678"));
    }

    #[test]
    fn plain_words_need_an_explicit_handle_cue() {
        assert_eq!(plausible_handle("quietfox", " is ", false), Some(8));
        assert_eq!(plausible_handle("private", " is ", false), None);
        assert_eq!(plausible_handle("streak", " ", false), None);
        assert_eq!(plausible_handle("dan_b99", " is just ", false), Some(7));
    }
}
