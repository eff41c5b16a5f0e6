//! Reading words out of a question: where they are, how they are written,
//! and runs of words that make up one proper name ("Little Hadley",
//! "San Agustín de Leganés").

use std::sync::OnceLock;

use regex::Regex;

use super::words::{
    fold, is_big_place, is_common, is_function_word, is_protected, is_shop, looks_inflected,
};

/// A word as written, with its byte span in the original text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Word<'_> {
    pub fn folded(&self) -> String {
        fold(self.text)
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_all_caps(&self) -> bool {
        self.text.chars().any(char::is_alphabetic) && !self.text.chars().any(char::is_lowercase)
    }

    pub fn is_alphabetic(&self) -> bool {
        self.text
            .chars()
            .all(|c| c.is_alphabetic() || is_mark(c) || c == '\'' || c == '’' || c == '-')
    }
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Compiles a detector. Word boundaries are taken in their ASCII sense,
/// which keeps the `regex` crate on its fast DFA for text with accents
/// (a Unicode `\b` sends it to a far slower engine whenever the text is
/// not pure ASCII); [`unicode_bounded`] then rejects the rare match that
/// starts or ends inside a word with accents ("imágenes" is not "im").
pub(super) fn compile(source: &str) -> Option<Regex> {
    Regex::new(&source.replace(r"\b", r"(?-u:\b)")).ok()
}

/// Whether `text[start..end]` starts and ends at word boundaries in the
/// Unicode sense, where it starts or ends with a word character.
pub(super) fn unicode_bounded(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_' || is_mark(c);
    let (Some(inside), Some(before)) = (text.get(start..end), text.get(..start)) else {
        return false;
    };
    let starts_in_word =
        inside.chars().next().is_some_and(word) && before.chars().next_back().is_some_and(word);
    let ends_in_word = inside.chars().next_back().is_some_and(word)
        && text
            .get(end..)
            .and_then(|r| r.chars().next())
            .is_some_and(word);
    !starts_in_word && !ends_in_word
}

fn word_regex() -> Option<&'static Regex> {
    static WORD: OnceLock<Option<Regex>> = OnceLock::new();
    WORD.get_or_init(|| Regex::new(r"[\p{L}\p{M}\p{N}_]+").ok())
        .as_ref()
}

/// Every run of letters, digits and underscores: the units between word
/// boundaries, as the `regex` crate's `\b` sees them, so "jake" is not a
/// word inside "jake_99".
pub(super) fn tokens(text: &str) -> Vec<Word<'_>> {
    let Some(regex) = word_regex() else {
        return Vec::new();
    };
    regex
        .find_iter(text)
        .map(|m| Word {
            start: m.start(),
            end: m.end(),
            text: m.as_str(),
        })
        .collect()
}

/// Whether `pos` begins a sentence: nothing but spaces, quotes or brackets
/// between it and the start of the text or a full stop, question mark,
/// exclamation mark or line break.
pub(super) fn at_sentence_start(text: &str, pos: usize) -> bool {
    for c in text[..pos].chars().rev() {
        match c {
            ' ' | '\t' | '"' | '\'' | '“' | '‘' | '(' | '[' | '*' | '-' | '–' | '—' => {
                continue
            }
            '.' | '!' | '?' | '¡' | '¿' | '\n' | '\r' | ':' | ')' => return true,
            _ => return false,
        }
    }
    true
}

/// A word that could be (part of) a name: letters with inner apostrophes or
/// hyphens ("O'Brien", "Mary-Jane"), without a trailing possessive "'s".
/// None when it is glued to digits, an underscore, an "@" or a domain dot,
/// since then it is a handle or an address, found elsewhere.
pub(super) fn name_word_at(text: &str, pos: usize) -> Option<Word<'_>> {
    let rest = text.get(pos..)?;
    let mut chars = rest.char_indices().peekable();
    let (_, first) = chars.next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let mut end = first.len_utf8();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_alphabetic() || is_mark(c) {
            end = i + c.len_utf8();
            chars.next();
        } else if matches!(c, '\'' | '’' | '-') {
            chars.next();
            match chars.peek() {
                Some(&(j, d)) if d.is_alphabetic() => {
                    end = j + d.len_utf8();
                    chars.next();
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    let after = &rest[end..];
    let mut after_chars = after.chars();
    match after_chars.next() {
        Some(c) if c.is_alphanumeric() || c == '_' || c == '@' => return None,
        Some('.') if after_chars.next().is_some_and(|c| c.is_alphanumeric()) => return None,
        _ => {}
    }
    let word = &rest[..end];
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix("'S"))
        .filter(|w| !w.is_empty())
        .unwrap_or(word);
    Some(Word {
        start: pos,
        end: pos + word.len(),
        text: word,
    })
}

/// Skips spaces and light punctuation (commas, colons, quotes, an opening
/// bracket) after a cue, but never a full stop: a name after "my boyfriend,"
/// belongs to it, one after "my boyfriend." does not.
pub(super) fn skip_separators(text: &str, pos: usize) -> usize {
    let mut at = pos;
    for c in text[pos..].chars() {
        if matches!(
            c,
            ' ' | '\t' | ',' | ':' | '"' | '“' | '‘' | '\'' | '(' | '-' | '–' | '—'
        ) {
            at += c.len_utf8();
        } else {
            break;
        }
        if at - pos > 6 {
            break;
        }
    }
    at
}

/// Just spaces (one line).
pub(super) fn skip_spaces(text: &str, pos: usize) -> usize {
    pos + text[pos..].len() - text[pos..].trim_start_matches([' ', '\t']).len()
}

/// What a run of place words may contain.
#[derive(Debug, Clone, Copy)]
pub(super) struct RunRules {
    /// Lower-case words that are not ordinary words count ("in getafe").
    pub lower: bool,
    /// Shops and chains count: the asker works there.
    pub shops: bool,
    pub max_words: usize,
}

/// Particles inside place and school names: "Villanueva del Pardillo",
/// "Stratford upon Avon", "Juan de Mairena".
fn is_particle(folded: &str) -> bool {
    matches!(
        folded,
        "de" | "del"
            | "la"
            | "las"
            | "los"
            | "el"
            | "y"
            | "i"
            | "d"
            | "of"
            | "upon"
            | "on"
            | "under"
            | "le"
            | "da"
    )
}

fn is_saint(folded: &str) -> bool {
    matches!(folded, "st" | "saint" | "san" | "santa" | "sant" | "santo")
}

/// Whether one word may stand in a place name under `rules`.
fn place_word(word: &Word, rules: RunRules) -> bool {
    let f = word.folded();
    if is_shop(&f) {
        return rules.shops;
    }
    if is_protected(&f) {
        return false;
    }
    if word.is_capitalised() {
        return true;
    }
    // Lower-case ordinary words may lead ("little hadley"); the run is
    // trimmed back to its last identifying word afterwards.
    rules.lower && (is_saint(&f) || (!is_function_word(&f) && !looks_inflected(&f)))
}

/// Whether a word gives a run its identity: not an ordinary word, not a
/// big city or country ("Little" does not, "Hadley" does).
fn substantive(word: &Word, rules: RunRules) -> bool {
    let f = word.folded();
    (rules.shops && is_shop(&f)) || (!is_common(&f) && !is_big_place(&f) && !is_saint(&f))
}

/// The proper name that starts at `pos`, as a byte span: capitalised words
/// (or, under `rules.lower`, unlisted lower-case words) with particles
/// between them. None when nothing in it identifies a place, or when the
/// whole is a country or big city.
pub(super) fn place_run(text: &str, pos: usize, rules: RunRules) -> Option<(usize, usize)> {
    let mut run: Vec<Word> = Vec::new();
    let mut at = skip_spaces(text, pos);
    let mut span_end = at;
    while run.len() < rules.max_words {
        let Some(word) = name_word_at(text, at) else {
            break;
        };
        let folded = word.folded();
        if !run.is_empty() && is_particle(&folded) {
            // A particle belongs only when a capitalised word follows it.
            let next = follow_particles(text, word.end);
            match next.and_then(|n| name_word_at(text, n)) {
                Some(next) if next.is_capitalised() && place_word(&next, rules) => {
                    at = next.start;
                    continue;
                }
                _ => break,
            }
        }
        if run.is_empty()
            && word.is_capitalised()
            && is_function_word(&folded)
            && !is_particle(&folded)
            && !is_saint(&folded)
        {
            // "The Grange": the article is not part of what identifies.
            at = skip_spaces(text, word.end);
            continue;
        }
        if !place_word(&word, rules) {
            break;
        }
        span_end = possessive_end(text, word.end);
        run.push(word);
        let next = &text[span_end..];
        if next.starts_with(' ') || next.starts_with('-') {
            at = span_end + 1;
        } else {
            break;
        }
    }
    // "in getafe centre" keeps "getafe": trailing lower-case ordinary
    // words are not part of the name.
    while run
        .last()
        .is_some_and(|w| !w.is_capitalised() && !substantive(w, rules))
    {
        run.pop();
        span_end = run.last().map_or(span_end, |w| possessive_end(text, w.end));
    }
    let first = run.first()?;
    if !run.iter().any(|w| substantive(w, rules)) {
        return None;
    }
    let whole = fold(&text[first.start..span_end].replace('-', " "));
    let whole: String = whole.split_whitespace().collect::<Vec<_>>().join(" ");
    if is_big_place(&whole) {
        return None;
    }
    Some((first.start, span_end))
}

/// The position of the word after one or more particles ("de la ").
fn follow_particles(text: &str, mut at: usize) -> Option<usize> {
    for _ in 0..3 {
        if !text[at..].starts_with(' ') {
            return None;
        }
        at += 1;
        let word = name_word_at(text, at)?;
        if !is_particle(&word.folded()) {
            return Some(at);
        }
        at = word.end;
    }
    None
}

/// Includes a possessive "'s" or a bare trailing apostrophe ("St Mary's",
/// "St James'") in a place name.
fn possessive_end(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    for suffix in ["'s", "’s", "'S"] {
        if let Some(after) = rest.strip_prefix(suffix) {
            if !after.starts_with(|c: char| c.is_alphanumeric()) {
                return end + suffix.len();
            }
        }
    }
    end
}

/// The longest tail of `words` (written just before a school word) that is
/// a place name under `rules`: "my Hollins Park" gives "Hollins Park".
pub(super) fn place_tail(
    text: &str,
    start: usize,
    end: usize,
    rules: RunRules,
) -> Option<(usize, usize)> {
    let words: Vec<Word> = tokens(&text[start..end])
        .into_iter()
        .map(|w| Word {
            start: w.start + start,
            end: w.end + start,
            text: w.text,
        })
        .collect();
    let mut first = words.len();
    while first > 0 {
        let w = &words[first - 1];
        let f = w.folded();
        // The "s" of "Mary's" belongs to the word before the apostrophe.
        let possessive_s = f == "s" && text[..w.start].ends_with(['\'', '’']);
        if possessive_s
            || place_word(w, rules)
            || (first < words.len() && is_particle(&f) && w.text == f)
        {
            first -= 1;
        } else {
            break;
        }
    }
    // Trim particles and articles from the front.
    while first < words.len() {
        let f = words[first].folded();
        if is_particle(&f) || (is_function_word(&f) && !is_saint(&f)) || f == "s" {
            first += 1;
        } else {
            break;
        }
    }
    let tail = &words[first..];
    if !tail.iter().any(|w| substantive(w, rules)) {
        return None;
    }
    Some((tail.first()?.start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOOSE: RunRules = RunRules {
        lower: true,
        shops: false,
        max_words: 4,
    };
    const STRICT: RunRules = RunRules {
        lower: false,
        shops: false,
        max_words: 4,
    };

    fn run(text: &str, rules: RunRules) -> Option<&str> {
        place_run(text, 0, rules).map(|(s, e)| &text[s..e])
    }

    #[test]
    fn runs_keep_particles_between_capitals() {
        assert_eq!(
            run("Villanueva del Pardillo, tengo", STRICT),
            Some("Villanueva del Pardillo")
        );
        assert_eq!(run("Little Hadley and", STRICT), Some("Little Hadley"));
        assert_eq!(run("St Mary's in", STRICT), Some("St Mary's"));
        assert_eq!(run("Madrid y", STRICT), None);
        assert_eq!(run("New York", STRICT), None);
        assert_eq!(run("little hadley", LOOSE), Some("little hadley"));
        assert_eq!(run("the morning", LOOSE), None);
        assert_eq!(run("Year 12", STRICT), None);
    }

    #[test]
    fn name_words_skip_handles_and_possessives() {
        assert_eq!(name_word_at("Jake's car", 0).map(|w| w.text), Some("Jake"));
        assert!(name_word_at("jake_99", 0).is_none());
        assert!(name_word_at("jo@example.com", 0).is_none());
        assert_eq!(name_word_at("O'Brien.", 0).map(|w| w.text), Some("O'Brien"));
    }
}
