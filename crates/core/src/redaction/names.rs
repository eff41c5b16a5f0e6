//! People's names. A name is found where the text marks one (after "my
//! boyfriend", "I'm", "se llama", before "and I", after "Dr"), or where a
//! word is a given name and nothing else ("Jake"). Once found, a name is
//! removed at every mention, before and after, in any case.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use super::scan::{
    at_sentence_start, compile, name_word_at, skip_separators, tokens, unicode_bounded, Word,
};
use super::words::{
    fold, is_big_place, is_common, is_function_word, is_protected, is_surname, looks_adjectival,
    looks_inflected, name_status, NameStatus, RELATIONS_EN, RELATIONS_ES, RELATION_MODIFIERS,
};

/// How strongly a cue says a name follows, which decides how ordinary a
/// following word may look and still be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// "my name is", "se llama", "a guy called": whatever follows that is
    /// not an ordinary word.
    Strong,
    /// "my boyfriend", "Dr", "this guy": likewise, but a lower-case second
    /// word is a surname only if it is a listed surname.
    Relation,
    /// "I'm", "I am": people describe themselves here far more often than
    /// they introduce themselves, so adjective-shaped words stay.
    Intro,
    /// "soy": a lower-case word is taken only if it is a given name.
    Soy,
    /// "me and X", "X and I", "X is my boyfriend": capitalised (not just
    /// for starting a sentence) or a given name.
    Pair,
    /// "X, my boyfriend": as [`Cue::Pair`], but a capital counts even at the
    /// start of a sentence, since "Jenna, my girlfriend, …" names her
    /// while the words that open sentences so ("Honestly,") are listed.
    Apposition,
    /// "Thanks, X" at the very end.
    SignOff,
}

struct CueRegex {
    cue: Cue,
    regex: Regex,
    /// Backward cues hold the candidate in group 1; forward cues are
    /// followed by it.
    backward: bool,
}

fn cue_specs() -> Vec<(Cue, String, bool)> {
    let relation =
        format!(r"(?:(?:{RELATION_MODIFIERS})[\s-]*)*(?:{RELATIONS_EN}|{RELATIONS_ES})\b");
    let possessive = r"(?:my|our|his|her|their|your|mi|mis|tu|su|nuestr[oa])";
    let candidate = r"([\p{L}\p{M}'’-]+)";
    vec![
        (Cue::Relation, format!(r"(?i)\b{possessive}\s+{relation}"), false),
        (
            Cue::Relation,
            r"(?i)\b(?:this|that)\s+(?:guy|girl|boy|man|woman|dude|lad|bloke)\b|\b(?:este|ese|esta|esa)\s+(?:chico|chica|t[íi]o|t[íi]a|hombre|mujer|chaval|chavala)\b".into(),
            false,
        ),
        (
            Cue::Strong,
            r"(?i)\bname(?:'s|’s|s|\s+is|\s+was)\b|\bi(?:'m|’m|m|\s+am)\s+called\b|\bi\s+go\s+by\b|\bme\s+llamo\b|\b(?:mi|su|tu)\s+nombre\s+es\b|\bll[áa]mame\b|\b(?:me|le|la|lo)\s+(?:dicen|llaman)\b|\bun[a]?\s+tal\b|\bse\s+llama(?:ba)?\b".into(),
            false,
        ),
        (Cue::Relation, r"(?i)\bcall\s+me\b".into(), false),
        (
            Cue::Strong,
            r"(?i)\b(?:guy|girl|boy|man|woman|dude|lad|bloke|person|someone|somebody|friend|boyfriend|girlfriend|partner|he|she|he's|she's|who's|kid|teacher|chico|chica|hombre|mujer|alguien|amigo|amiga|novio|novia|chaval|chavala|tipo|tipa)\s+(?:(?:is|was|es|era)\s+)?(?:named|called|llamad[oa]|que\s+se\s+llama(?:ba)?)\b".into(),
            false,
        ),
        (Cue::Intro, r"(?i)\b(?:i'm|i’m|im|i\s+am)\b".into(), false),
        (Cue::Soy, r"(?i)\bsoy\b".into(), false),
        (
            Cue::Strong,
            r"(?i)\b(?:hi|hey|hello|hiya|hola|buenas)\b[\s,!.]*(?:it's|it’s|its|this\s+is|i'm|i’m|im|i\s+am|soy|aqu[íi])\b".into(),
            false,
        ),
        (
            Cue::Relation,
            r"\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sr|Sra|Srta|Dra|DR|MR|MRS|dr|mr|mrs)\.?\s+|\b(?:Miss|Don|Doña)\s+|(?i:\b(?:el|la|the)\s+(?:doctor|doctora|dr\.?|dra\.?|profesor|profesora|profe|professor|teacher|nurse|enfermer[oa]|se[ñn]or|se[ñn]ora|se[ñn]orita)\s+)".into(),
            false,
        ),
        (Cue::Pair, r"(?i)\b(?:me|yo)\s+(?:and|y|&)\s+".into(), false),
        (
            Cue::SignOff,
            r"(?i)(?:^|[\n.!?]\s*)(?:thanks|thank\s+you|thank\s+u|ty|cheers|regards|best\s+wishes|best|love|many\s+thanks|gracias|muchas\s+gracias|saludos|un\s+saludo|besos|un\s+beso|atentamente)(?:\s+(?:so\s+much|a\s+lot|again|in\s+advance|de\s+antemano))?\s*[,!.]?\s*".into(),
            false,
        ),
        (Cue::SignOff, r"(?m)^\s*[-–—~]\s*".into(), false),
        (
            Cue::Apposition,
            format!(r"(?i)\b{candidate}\s*,\s*(?:my|mi)\s+{relation}"),
            true,
        ),
        (
            Cue::Pair,
            format!(r"(?i)\b{candidate}\s+(?:my|mi)\s+{relation}"),
            true,
        ),
        (
            Cue::Relation,
            format!(r"(?i)\b{candidate}\s+(?:from|de)\s+(?:my|the|our|mi)\s+(?:class|school|year|work|job|uni|college|gym|team|church|course|clase|cole|insti|trabajo|curro|equipo)\b"),
            true,
        ),
        (
            Cue::Pair,
            format!(r"(?i)\b{candidate}\s+(?:is|was|es|era|fue)\s+(?:my|mi)\s+{relation}"),
            true,
        ),
        (
            Cue::Pair,
            format!(r"(?i)\b{candidate}\s+(?:and|&)\s+(?:I|me|myself)\b|\b{candidate}\s+y\s+yo\b"),
            true,
        ),
    ]
}

fn cues() -> &'static [CueRegex] {
    static CUES: OnceLock<Vec<CueRegex>> = OnceLock::new();
    CUES.get_or_init(|| {
        cue_specs()
            .into_iter()
            .filter_map(|(cue, source, backward)| {
                compile(&source).map(|regex| CueRegex {
                    cue,
                    regex,
                    backward,
                })
            })
            .collect()
    })
}

#[cfg(test)]
pub(super) fn cue_count() -> usize {
    cues().len()
}

/// Spans of every name in `text`, all mentions included.
pub(super) fn find(text: &str) -> Vec<(usize, usize)> {
    let words = tokens(text);
    let mut found: Vec<(usize, usize)> = Vec::new();
    for cue in cues() {
        for captures in cue.regex.captures_iter(text) {
            let Some(whole) = captures.get(0) else {
                continue;
            };
            if !unicode_bounded(text, whole.start(), whole.end()) {
                continue;
            }
            let span = if cue.backward {
                captures
                    .get(1)
                    .and_then(|m| name_before(text, &words, m.start(), m.end(), cue.cue))
            } else {
                captures
                    .get(0)
                    .and_then(|m| name_after(text, m.start(), m.end(), cue.cue))
            };
            found.extend(span);
        }
    }
    found.extend(given_names(text, &words));
    let mentions = mentions_of(text, &found, &words);
    found.extend(mentions);
    found
}

/// The name that follows a forward cue ending at `end`.
fn name_after(text: &str, cue_start: usize, end: usize, cue: Cue) -> Option<(usize, usize)> {
    // "my boyfriend's mum": the relation is a possessive, no name follows.
    if text[end..].starts_with(['\'', '’']) {
        return None;
    }
    let at = skip_separators(text, end);
    let first = name_word_at(text, at)?;
    let capital = capital_evidence(text, cue_start, end, &first);
    if !judge(&first, capital, cue) || vetoed_modal(text, &first) {
        return None;
    }
    let end = surname_end(text, &first, capital, cue);
    if cue == Cue::SignOff && !ends_text(&text[end..]) {
        return None;
    }
    // "I'm petite and …", "I'm legit scared": an unlisted lower-case word
    // after "I'm" is a name only where an introduction would end ("im
    // zeb, 19").
    if cue == Cue::Intro
        && !capital
        && name_status(&first.folded()) == NameStatus::Unknown
        && !ends_introduction(&text[end..])
    {
        return None;
    }
    Some((first.start, end))
}

/// The name in a backward cue ("Sophie is my girlfriend"), one word.
fn name_before(
    text: &str,
    words: &[Word],
    start: usize,
    end: usize,
    cue: Cue,
) -> Option<(usize, usize)> {
    let word = name_word_at(text, start).filter(|w| w.end <= end)?;
    // "my ex and I", "the guy and I": a noun, not a name.
    if let Some(previous) = words.iter().rev().find(|w| w.end <= start) {
        if is_determiner(&previous.folded()) && text[previous.end..start].trim().is_empty() {
            return None;
        }
    }
    let capital = word.is_capitalised()
        && !shouting(text, start)
        && (cue == Cue::Apposition || !at_sentence_start(text, start));
    judge(&word, capital, cue).then_some((word.start, word.end))
}

fn is_determiner(folded: &str) -> bool {
    matches!(
        folded,
        "my" | "his"
            | "her"
            | "our"
            | "their"
            | "your"
            | "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "mi"
            | "su"
            | "tu"
            | "el"
            | "la"
            | "un"
            | "una"
            | "nuestro"
            | "nuestra"
            | "ese"
            | "esa"
            | "este"
            | "esta"
    )
}

/// A comma or an age right after the name ("im zeb, 19", "im zeb 19").
fn ends_introduction(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.starts_with([',', '(']) || rest.starts_with(|c: char| c.is_ascii_digit())
}

/// Only whitespace, full stops, exclamation marks, kisses or emoji after it.
fn ends_text(rest: &str) -> bool {
    rest.chars().all(|c| {
        c.is_whitespace() || matches!(c, '.' | '!' | 'x' | 'X' | ')' | ':') || !c.is_ascii()
    })
}

/// Whether a capital letter tells us anything: not when the cue itself is
/// in title case ("My Boyfriend Jake Cheated") or the text is shouted.
fn capital_evidence(text: &str, cue_start: usize, cue_end: usize, word: &Word) -> bool {
    if !word.is_capitalised() {
        return false;
    }
    let cue = &text[cue_start..cue_end];
    let shouted_cue = cue.chars().any(char::is_alphabetic) && !cue.chars().any(char::is_lowercase);
    if shouted_cue && word.is_all_caps() {
        return false;
    }
    let cue_words = tokens(cue);
    if let Some(last) = cue_words.last() {
        let folded = last.folded();
        let title_case = last.is_capitalised()
            && !last.is_all_caps()
            && !matches!(folded.as_str(), "i" | "im" | "m")
            && !at_sentence_start(text, cue_start + last.start)
            && cue_words.len() > 1;
        if title_case {
            return false;
        }
    }
    true
}

/// Whether the text around `pos` is written in capitals.
fn shouting(text: &str, pos: usize) -> bool {
    let from = text[..pos]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    let to = text[pos..]
        .char_indices()
        .nth(40)
        .map_or(text.len(), |(i, _)| pos + i);
    let window = &text[from..to];
    let upper = window.chars().filter(|c| c.is_uppercase()).count();
    let lower = window.chars().filter(|c| c.is_lowercase()).count();
    upper > 3 * lower.max(1)
}

/// Whether `word`, in the position `cue` gives it, is a name.
fn judge(word: &Word, capital: bool, cue: Cue) -> bool {
    let folded = word.folded();
    if folded.chars().count() < 2 || !word.is_alphabetic() {
        return false;
    }
    if is_protected(&folded) || is_big_place(&folded) {
        return false;
    }
    match name_status(&folded) {
        NameStatus::Given => true,
        // "my friend Will", "soy Rosa"; never "I'm Christian", and not
        // beside "and I" either: "in June and I".
        NameStatus::Ambiguous => {
            capital && !matches!(cue, Cue::Intro | Cue::Pair | Cue::Apposition)
        }
        NameStatus::Unknown => {
            if is_common(&folded) {
                return false;
            }
            if looks_inflected(&folded) && (!capital || cue == Cue::Apposition) {
                return false;
            }
            if capital {
                return true;
            }
            match cue {
                // "my best mate reckons": an unlisted verb, not a name.
                Cue::Relation => !looks_third_person(&folded),
                Cue::Strong | Cue::SignOff => true,
                Cue::Intro => !looks_adjectival(&folded),
                Cue::Soy | Cue::Pair | Cue::Apposition => false,
            }
        }
    }
}

/// An English verb in the third person ("reckons", "texts"): after
/// "my boyfriend" an unlisted word ending in -s is that far more often
/// than a name (the names that end so, James, Carlos, are listed).
fn looks_third_person(folded: &str) -> bool {
    folded.chars().count() >= 4
        && folded.ends_with('s')
        && !["ss", "us", "is", "os", "as"]
            .iter()
            .any(|e| folded.ends_with(e))
}

/// "my boyfriend Will not wear a condom": "will" and "may" before a verb
/// or a negation are the modal, capitalised or not.
fn vetoed_modal(text: &str, word: &Word) -> bool {
    let folded = word.folded();
    if !matches!(folded.as_str(), "will" | "may") {
        return false;
    }
    let at = skip_separators(text, word.end);
    if at == word.end {
        return false;
    }
    name_word_at(text, at).is_some_and(|next| {
        matches!(
            next.folded().as_str(),
            "not"
                | "never"
                | "always"
                | "probably"
                | "definitely"
                | "be"
                | "have"
                | "get"
                | "go"
                | "do"
                | "make"
                | "let"
                | "come"
                | "take"
                | "give"
                | "try"
                | "need"
                | "just"
                | "still"
                | "also"
                | "ever"
                | "really"
                | "only"
                | "even"
                | "want"
                | "say"
                | "tell"
                | "know"
                | "think"
                | "find"
                | "stop"
                | "start"
        )
    })
}

/// Where a name that begins with `first` ends: a surname, or two ("Lucía
/// Martín García"), and particles between capitals ("María de la Cruz").
fn surname_end(text: &str, first: &Word, capital: bool, cue: Cue) -> usize {
    let max_words = if capital { 3 } else { 2 };
    let mut end = first.end;
    for _ in 1..max_words {
        if !text[end..].starts_with(' ') {
            break;
        }
        let mut at = end + 1;
        if capital {
            at = skip_name_particles(text, at);
        }
        let Some(next) = name_word_at(text, at) else {
            break;
        };
        if !is_surname_word(&next, capital, cue) {
            break;
        }
        end = next.end;
    }
    end
}

fn skip_name_particles(text: &str, at: usize) -> usize {
    let mut pos = at;
    for _ in 0..2 {
        let Some(word) = name_word_at(text, pos) else {
            return at;
        };
        if !matches!(
            word.folded().as_str(),
            "de" | "del" | "la" | "van" | "von" | "der" | "da" | "di" | "dos"
        ) {
            break;
        }
        if !text[word.end..].starts_with(' ') {
            return at;
        }
        pos = word.end + 1;
    }
    match name_word_at(text, pos) {
        Some(next) if next.is_capitalised() && pos != at => pos,
        _ => at,
    }
}

fn is_surname_word(word: &Word, capital: bool, cue: Cue) -> bool {
    let folded = word.folded();
    if folded.chars().count() < 2
        || is_function_word(&folded)
        || is_protected(&folded)
        || is_big_place(&folded)
    {
        return false;
    }
    if capital {
        return word.is_capitalised()
            && (!is_common(&folded)
                || is_surname(&folded)
                || name_status(&folded) != NameStatus::Unknown);
    }
    if word.is_capitalised() {
        return false;
    }
    let unlisted = !is_common(&folded) && !looks_inflected(&folded);
    match cue {
        Cue::Strong | Cue::Intro | Cue::SignOff => unlisted,
        Cue::Relation | Cue::Soy | Cue::Pair | Cue::Apposition => unlisted && is_surname(&folded),
    }
}

/// Given names wherever they stand, with a capitalised surname after them.
fn given_names(text: &str, words: &[Word]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if !word.is_alphabetic() || name_status(&word.folded()) != NameStatus::Given {
            continue;
        }
        // "St John's wort", "San Valentín": saints are places and feasts.
        let after_saint = i > 0 && {
            let previous = words[i - 1];
            matches!(
                previous.folded().as_str(),
                "st" | "saint" | "san" | "santa" | "santo" | "sant"
            ) && text[previous.end..word.start]
                .trim_matches(['.', ' '])
                .is_empty()
        };
        if after_saint || glued(text, word) {
            continue;
        }
        let capital = word.is_capitalised() && !word.is_all_caps();
        let end = surname_end(text, word, capital, Cue::Pair);
        found.push((word.start, end));
    }
    found
}

/// A word that is part of an email, handle, domain or hyphenated compound
/// ("aria-label"), where a given name is only a coincidence.
fn glued(text: &str, word: &Word) -> bool {
    let mut before = text[..word.start].chars().rev();
    let mut after = text[word.end..].chars();
    let (b1, b2) = (before.next(), before.next());
    let (a1, a2) = (after.next(), after.next());
    matches!(b1, Some('@' | '#' | '.' | '/' | '_'))
        || (b1 == Some('-') && b2.is_some_and(char::is_alphanumeric))
        || matches!(a1, Some('@' | '_'))
        || (matches!(a1, Some('.' | '-' | '/')) && a2.is_some_and(char::is_alphanumeric))
}

/// Every mention of every name already found: each word of a name, at
/// word boundaries, in any case; in its own case only if it is also an
/// ordinary word ("Will", "Rosa", "White").
fn mentions_of(text: &str, found: &[(usize, usize)], words: &[Word]) -> Vec<(usize, usize)> {
    let mut any_case: HashSet<String> = HashSet::new();
    let mut exact: HashSet<&str> = HashSet::new();
    for &(start, end) in found {
        for part in tokens(&text[start..end]) {
            let folded = part.folded();
            if folded.chars().count() < 2 || is_function_word(&folded) || !part.is_alphabetic() {
                continue;
            }
            if is_common(&folded) || name_status(&folded) == NameStatus::Ambiguous {
                exact.insert(part.text);
            } else {
                any_case.insert(folded);
            }
        }
    }
    if any_case.is_empty() && exact.is_empty() {
        return Vec::new();
    }
    words
        .iter()
        .filter(|w| exact.contains(w.text) || any_case.contains(&fold(w.text)))
        .map(|w| (w.start, w.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names found, overlapping finds merged.
    fn names(text: &str) -> Vec<&str> {
        let mut spans = find(text);
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn every_cue_compiles() {
        assert_eq!(cue_count(), cue_specs().len());
    }

    #[test]
    fn cues_take_names_not_words() {
        assert_eq!(names("my boyfriend jake said"), ["jake"]);
        assert_eq!(names("my boyfriend always said"), Vec::<&str>::new());
        assert_eq!(names("I'm tired"), Vec::<&str>::new());
        assert_eq!(names("soy gay"), Vec::<&str>::new());
        assert_eq!(names("My ex and I"), Vec::<&str>::new());
        assert_eq!(names("Me llamo Lucía Martín y"), ["Lucía Martín"]);
    }

    #[test]
    fn mentions_follow_in_any_case() {
        assert_eq!(
            names("DOMINIC said no. my bf dominic and i"),
            ["DOMINIC", "dominic"]
        );
    }
}
