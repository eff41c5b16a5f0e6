//! Schools, workplaces, home towns and neighbourhoods ([`PiiKind::Place`]).
//! A named school or employer is removed wherever it is named; a town only
//! when the asker says they live or work there, or when the text also gives
//! their age or school year, since an age with a small town (or a school)
//! is enough to find a teenager. Countries and big cities always stay.
//!
//! [`PiiKind::Place`]: super::PiiKind::Place

use std::sync::OnceLock;

use regex::Regex;

use super::scan::{
    compile, name_word_at, place_run, place_tail, skip_spaces, unicode_bounded, RunRules,
};
use super::words::fold;

/// What a place cue is followed (or preceded) by, and how to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Group 1 holds the words before a school word ("Hollins Park Academy").
    SchoolSuffix,
    /// "IES", "colegio", "University of": the school's name follows.
    SchoolPrefix,
    /// "go to", "study at", "voy al": a school, or in an age context any
    /// named place.
    Attendance,
    /// "live in", "I'm from", "vivo en", "soy de": a home town.
    HomeTown,
    /// "a village called", "un pueblo que se llama": lower case too.
    Called,
    /// "the barrio of", "el bar La Perla", "a tiny village, Wexcombe":
    /// capitalised names only. ("Un pueblo de Toledo" names a province.)
    NamedVenue,
    /// "I work at", "trabajo en": an employer, then maybe its town.
    Work,
    /// "in", "from", "at", "en", "de": only in a text that gives the asker's
    /// age or school year.
    AgePreposition,
}

struct PlaceCue {
    cue: Cue,
    regex: Regex,
}

const SCHOOL_WORDS: &str = "high school|secondary school|primary school|grammar school|middle school|\
    elementary school|junior school|infant school|sixth form college|sixth form|community college|\
    catholic school|college|academy|school|university|uni|high|primary|secondary|grammar|comprehensive";

fn cue_specs() -> Vec<(Cue, String)> {
    vec![
        (
            Cue::SchoolSuffix,
            format!(r"((?:[\p{{L}}\p{{M}}'’.]+[ \t]+){{1,4}})(?i:{SCHOOL_WORDS})\b"),
        ),
        (
            Cue::SchoolPrefix,
            r"\b(?:IES|I\.E\.S\.?|CEIP|C\.E\.I\.P\.?|CEIPSO|IESO|CIFP|CEU|CPI)\s+|(?i:\b(?:colegio|cole|instituto|insti|universidad|escuela|academia|facultad|liceo|conservatorio|university\s+of|uni\s+of)\s+(?:de\s+|del\s+)?)".into(),
        ),
        (
            Cue::Attendance,
            r"(?i)\b(?:go(?:es)?|went|going|been\s+going)\s+to\s+|\b(?:attend(?:s|ed|ing)?|stud(?:y|ies|ied|ying)\s+at|(?:a\s+)?(?:student|pupil)\s+at|(?:my|our)\s+school\s+is|(?:my|our)\s+school's)\s+|\b(?:estudio|estudia|estudiaba|estudiamos)\s+(?:\S+\s+)?en\s+(?:el\s+|la\s+)?|\b(?:voy|va|iba|vamos|van)\s+(?:al|a\s+la)\s+".into(),
        ),
        (
            Cue::HomeTown,
            r"(?i)\b(?:live|lives|living|lived|grew\s+up|moved|moving|stay|staying)\s+(?:in|near|to|outside|around|just\s+outside)\s+|\b(?:i'?m|i’m|im|i\s+am|we're|we\s+are|he's|she's)\s+from\s+|\b(?:soy|somos)\s+de\s+|\b(?:vivo|vive|vivimos|viven|viv[íi]a)\s+(?:en|cerca\s+de)\s+|\b(?:me\s+mud[ée]|nos\s+mudamos|me\s+he\s+mudado)\s+a\s+|\bcrec[íi]\s+en\s+".into(),
        ),
        (
            Cue::Called,
            r"(?i)\b(?:town|village|city|hamlet|suburb|estate|area|neighbou?rhood|pueblo|pueblecito|aldea|barrio|ciudad|urbanizaci[óo]n|localidad|bar|pub|club|restaurant|caf[ée]|shop|store|hotel|gym|salon|restaurante|tienda|discoteca|gimnasio|empresa|school|colegio|instituto)\s+(?:called|named|llamad[oa]|que\s+se\s+llama)\s+".into(),
        ),
        (
            Cue::NamedVenue,
            r"(?i)\b(?:neighbou?rhood|borough|estate|barrio|urbanizaci[óo]n|bar|pub|club|restaurante|discoteca|cafeter[íi]a)\s+(?:of\s+|de\s+|del\s+)?|\b(?:town|village|hamlet|suburb|pueblo|pueblecito|aldea)\s*,\s*".into(),
        ),
        (
            Cue::Work,
            r"(?i)\b(?:work|works|worked|working|job|shift|shifts|intern|interning|internship|placement|volunteer|volunteering|employed)\s+(?:at|for|in)\s+(?:the\s+)?|\b(?:trabajo|trabaja|trabajaba|trabajamos|trabajan|curro|curra)\s+(?:de\s+[\p{L}]+\s+)?(?:en|para)\s+(?:el\s+|la\s+|un\s+|una\s+)?(?:(?:bar|pub|restaurante|tienda|hotel|discoteca|empresa|f[áa]brica|oficina|hospital|supermercado|club|cafeter[íi]a|peluquer[íi]a|gimnasio)\s+)?|\b(?:i'?m|i’m|im|i\s+am|as)\s+an?\s+[\p{L}]+\s+(?:at|for|in)\s+(?:the\s+)?".into(),
        ),
        (
            Cue::AgePreposition,
            r"(?i)\b(?:in|from|near|at|around|outside|en|desde|cerca\s+de|de)\s+".into(),
        ),
    ]
}

fn cues() -> &'static [PlaceCue] {
    static CUES: OnceLock<Vec<PlaceCue>> = OnceLock::new();
    CUES.get_or_init(|| {
        cue_specs()
            .into_iter()
            .filter_map(|(cue, source)| compile(&source).map(|regex| PlaceCue { cue, regex }))
            .collect()
    })
}

/// Statements of the asker's age or school year.
fn age_specs() -> Vec<String> {
    vec![
        r"(?i)\b(?:i'?m|i’m|im|i\s+am|i\s+turned|i\s+just\s+turned|i'll\s+be|turning|aged?|tengo|cumplo|cumpl[íi]|acabo\s+de\s+cumplir)\s+(?:only\s+|just\s+|almost\s+|nearly\s+|solo\s+|casi\s+|ya\s+)?(\d{1,2})\b".into(),
        r"[(\[]\s*(?:\d{2}\s*[MFmfHhNn]?|[MFmfHh]\s*\d{2})\s*[)\]]|\b(?:1\d|[2-5]\d)\s?[MF]\b".into(),
        r"(?i)\b(?:year|yr)\s?(?:[7-9]|1[0-3])\b|\by(?:[7-9]|1[0-3])\b|\b(?:[6-9]|1[0-2])(?:th|st|nd|rd)\s+grade\b|\bgrade\s+(?:[6-9]|1[0-2])\b|\b(?:freshman|sophomore|junior|senior)\s+(?:year|in\s+high\s+school)\b|\b(?:sixth|6th)\s+form\b|\bgcses?\b|\ba[- ]levels?\b".into(),
        r"(?i)\b(?:[1-4]\s?[ºo°]|primero|segundo|tercero|cuarto)\s+(?:de\s+)?(?:la\s+)?(?:eso|bach(?:illerato)?)\b|\ben\s+la\s+eso\b".into(),
    ]
}

fn age_regexes() -> &'static [Regex] {
    static AGE: OnceLock<Vec<Regex>> = OnceLock::new();
    AGE.get_or_init(|| age_specs().iter().filter_map(|s| compile(s)).collect())
}

#[cfg(test)]
pub(super) fn cue_count() -> usize {
    cues().len() + age_regexes().len()
}

/// Whether the text gives the asker's age ("I'm 15", "tengo 14 años",
/// "(15F)") or school year ("year 10", "2º de la ESO").
pub(super) fn states_age_or_year(text: &str) -> bool {
    let Some((first, rest)) = age_regexes().split_first() else {
        return false;
    };
    first.captures_iter(text).any(|c| {
        c.get(1)
            .is_some_and(|n| followed_like_an_age(&text[n.end()..]))
    }) || rest.iter().any(|r| r.is_match(text))
}

/// "I'm 15 and", "I'm 15." but not "I'm 6 weeks pregnant" or "tengo 2 hijos".
fn followed_like_an_age(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(',' | ';' | '!' | '?' | ')' | '\n' | '/' | '-' | '&') => true,
        Some('.') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) if c.is_alphabetic() => {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == '/')
                .collect();
            matches!(
                fold(&word).as_str(),
                "and"
                    | "y"
                    | "e"
                    | "but"
                    | "pero"
                    | "years"
                    | "year"
                    | "yrs"
                    | "yr"
                    | "yo"
                    | "y/o"
                    | "anos"
                    | "ano"
                    | "f"
                    | "m"
                    | "btw"
                    | "so"
                    | "now"
                    | "ahora"
                    | "soon"
                    | "too"
                    | "tambien"
                    | "i"
                    | "im"
                    | "yet"
                    | "atm"
                    | "though"
                    | "tho"
                    | "con"
                    | "in"
                    | "en"
                    | "from"
                    | "de"
            )
        }
        _ => false,
    }
}

/// Spans of every place to remove from `text`.
pub(super) fn find(text: &str) -> Vec<(usize, usize)> {
    let age = states_age_or_year(text);
    let mut found = Vec::new();
    for cue in cues() {
        if cue.cue == Cue::AgePreposition && !age {
            continue;
        }
        for captures in cue.regex.captures_iter(text) {
            let (Some(whole), group) = (captures.get(0), captures.get(1)) else {
                continue;
            };
            if !unicode_bounded(text, whole.start(), whole.end()) {
                continue;
            }
            match cue.cue {
                Cue::SchoolSuffix => {
                    if let Some(words) = group {
                        let rules = RunRules {
                            lower: age,
                            shops: false,
                            max_words: 4,
                        };
                        if let Some((start, _)) =
                            place_tail(text, words.start(), words.end(), rules)
                        {
                            found.push((start, whole.end()));
                        }
                    }
                }
                cue_kind => found.extend(place_after(text, whole.end(), cue_kind, age)),
            }
        }
    }
    found
}

/// The place (and for an employer, its town) after a cue ending at `end`.
fn place_after(text: &str, end: usize, cue: Cue, age: bool) -> Vec<(usize, usize)> {
    let next = name_word_at(text, skip_spaces(text, end));
    let saint_first =
        next.is_some_and(|w| matches!(w.folded().as_str(), "st" | "saint" | "san" | "santa"));
    let lower = match cue {
        Cue::SchoolPrefix | Cue::HomeTown | Cue::Called | Cue::Work => true,
        Cue::Attendance => age || saint_first,
        Cue::AgePreposition => {
            let preposition = fold(text[..end].trim_end().rsplit(' ').next().unwrap_or(""));
            saint_first || matches!(preposition.as_str(), "in" | "from" | "near" | "en")
        }
        Cue::NamedVenue | Cue::SchoolSuffix => false,
    };
    let rules = RunRules {
        lower,
        shops: cue == Cue::Work,
        max_words: if cue == Cue::SchoolPrefix { 5 } else { 4 },
    };
    let Some(place) = place_run(text, end, rules) else {
        return Vec::new();
    };
    // "go to Brighton" is a day out; "go to St Mary's" is a school, and in
    // a text that gives an age any named place counts.
    if cue == Cue::Attendance && !age && !saint_first {
        return Vec::new();
    }
    let mut found = vec![place];
    if matches!(cue, Cue::Work | Cue::Attendance | Cue::SchoolPrefix) {
        found.extend(town_after(text, place.1));
    }
    found
}

/// "Tesco in Hull", "Greggs in Selby", "IES Cervantes, en Getafe".
fn town_after(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', ',']);
    let offset = end + rest.len() - trimmed.len();
    let preposition = ["in ", "en ", "near ", "cerca de ", "de "]
        .iter()
        .find(|p| {
            trimmed
                .get(..p.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(p))
        })?;
    let rules = RunRules {
        lower: *preposition != "de ",
        shops: false,
        max_words: 4,
    };
    place_run(text, offset + preposition.len(), rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<&str> {
        let mut spans = find(text);
        spans.sort_unstable();
        spans.dedup();
        spans.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn every_cue_compiles() {
        assert_eq!(cue_count(), cue_specs().len() + age_specs().len());
    }

    #[test]
    fn ages_are_told_from_durations() {
        assert!(states_age_or_year("I'm 15 and scared"));
        assert!(states_age_or_year("tengo 14 años"));
        assert!(states_age_or_year("(15F) help"));
        assert!(states_age_or_year("I'm in year 10"));
        assert!(!states_age_or_year("I'm 6 weeks pregnant"));
        assert!(!states_age_or_year("I took 2 pills"));
    }

    #[test]
    fn towns_count_only_with_an_age() {
        assert_eq!(places("I'm 15 and my bf lives near Hadley."), ["Hadley"]);
        assert!(places("We went to Brighton for the weekend").is_empty());
        assert!(places("I live in London").is_empty());
        assert_eq!(places("i work at tesco in hull"), ["tesco", "hull"]);
    }
}
