//! Message: folded text, sentences, clauses and time expressions.

use super::*;

pub(super) struct Message<'a> {
    pub(super) original: &'a str,
    pub(super) folded: Folded,
    /// Sentence ranges in the folded text, in order.
    pub(super) sentences: Vec<(usize, usize)>,
    /// Positions where a clause starts, in order.
    pub(super) clause_starts: Vec<usize>,
    /// When things happened, in order of position.
    pub(super) times: Vec<TimeMention>,
}

impl<'a> Message<'a> {
    pub(super) fn read(original: &'a str) -> Self {
        let folded = fold(original);
        let sentences = sentences(&folded.text);
        let clause_starts = clause_starts(&folded.text);
        let times = time_mentions(&folded.text);
        Message {
            original,
            folded,
            sentences,
            clause_starts,
            times,
        }
    }

    pub(super) fn text(&self) -> &str {
        &self.folded.text
    }

    /// Byte range in the original text of the folded range `start..end`.
    pub(super) fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let origin = &self.folded.origin;
        match (
            origin.get(start),
            end.checked_sub(1).and_then(|e| origin.get(e)),
        ) {
            (Some(&(from, _)), Some(&(_, to))) if from <= to => (from, to),
            _ => (0, 0),
        }
    }

    pub(super) fn original_slice(&self, start: usize, end: usize) -> &str {
        let (from, to) = self.original_span(start, end);
        self.original.get(from..to).unwrap_or_default()
    }

    pub(super) fn sentence_of(&self, position: usize) -> (usize, usize) {
        let index = self.sentences.partition_point(|&(_, end)| end <= position);
        self.sentences
            .get(index)
            .copied()
            .unwrap_or((position, position))
    }

    pub(super) fn clause_start(&self, position: usize) -> usize {
        let index = self.clause_starts.partition_point(|&s| s <= position);
        index
            .checked_sub(1)
            .and_then(|i| self.clause_starts.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// All matches of a lexicon, before any context check.
    pub(super) fn raw_hits(&self, lexicon: &Lexicon) -> Vec<(Hit, Guards)> {
        let mut hits = Vec::new();
        for cue in lexicon.compiled() {
            if cue.anchored {
                for caps in cue.regex.captures_iter(self.text()) {
                    let Some(whole) = caps.get(0) else { continue };
                    let anchor = caps
                        .name("a")
                        .or_else(|| caps.name("b"))
                        .map_or(whole.start(), |m| m.start());
                    hits.push((
                        Hit {
                            start: whole.start(),
                            end: whole.end(),
                            anchor,
                        },
                        cue.guards,
                    ));
                }
            } else {
                for m in cue.regex.find_iter(self.text()) {
                    hits.push((
                        Hit {
                            start: m.start(),
                            end: m.end(),
                            anchor: m.start(),
                        },
                        cue.guards,
                    ));
                }
            }
        }
        hits
    }

    /// Whether any cue of the lexicon matches and, if it asks, is not negated.
    pub(super) fn mentions(&self, lexicon: &Lexicon) -> bool {
        self.raw_hits(lexicon)
            .iter()
            .any(|(hit, guards)| guards & NEGATABLE == 0 || !self.is_negated(hit.anchor))
    }

    pub(super) fn mentions_in(&self, lexicon: &Lexicon, start: usize, end: usize) -> bool {
        lexicon.compiled().iter().any(|cue| {
            self.text()
                .get(start..end)
                .is_some_and(|slice| cue.regex.is_match(slice))
        })
    }

    pub(super) fn mentions_in_sentence(&self, lexicon: &Lexicon, position: usize) -> bool {
        let (start, end) = self.sentence_of(position);
        self.mentions_in(lexicon, start, end)
    }

    /// Whether a negation governs the words at `anchor`: a negating word
    /// among the few words before it, in the same clause. "Not sure", "don't
    /// know if" and "no sé si" express doubt, not negation, and do not count.
    pub(super) fn is_negated(&self, anchor: usize) -> bool {
        const REACH_WORDS: usize = 5;
        const REACH_BYTES: usize = 60;
        let from = self
            .clause_start(anchor)
            .max(anchor.saturating_sub(REACH_BYTES));
        let Some(before) = self.text().get(from..anchor) else {
            return false;
        };
        let words: Vec<&str> = before
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        let first = words.len().saturating_sub(REACH_WORDS);
        (first..words.len()).any(|i| {
            is_negator(words[i])
                && !expresses_doubt(words.get(i + 1).copied(), words.get(i + 2).copied())
        })
    }

    /// Whether the sentence around `anchor` frames it as a hypothetical.
    pub(super) fn is_hypothetical(&self, anchor: usize, strong_only: bool) -> bool {
        let (sentence_start, _) = self.sentence_of(anchor);
        let from = sentence_start.max(anchor.saturating_sub(160));
        let Some(before) = self.text().get(from..anchor) else {
            return false;
        };
        if STRONG_HYPOTHETICAL
            .compiled()
            .iter()
            .any(|c| c.regex.is_match(before))
        {
            return true;
        }
        if strong_only {
            return false;
        }
        WEAK_HYPOTHETICAL.compiled().iter().any(|c| {
            c.regex.find_iter(before).any(|m| {
                let word = m.as_str().trim();
                // "sí" (yes) folds to "si" (if); the accent in the original
                // tells them apart.
                let is_yes = word == "si"
                    && self
                        .original_slice(from + m.start(), from + m.end())
                        .contains('í');
                // "not sure if", "no sé si": a question of whether, not a
                // hypothetical.
                let is_whether = WHETHER_BEFORE_IF
                    .compiled()
                    .iter()
                    .any(|w| w.regex.is_match(&before[..m.start()]));
                !is_yes && !is_whether
            })
        })
    }

    /// Hours since the event at `anchor`: from a time expression in its own
    /// clause ("missed 3 pills last week and had sex *yesterday*"), else the
    /// nearest in its sentence, else the nearest anywhere in the question.
    pub(super) fn hours_since(&self, anchor: usize) -> Option<u32> {
        let clause_start = self.clause_start(anchor);
        let clause_end = self
            .clause_starts
            .get(self.clause_starts.partition_point(|&s| s <= anchor))
            .copied()
            .unwrap_or(self.text().len());
        self.time_between(anchor, clause_start, clause_end)
            .or_else(|| self.time_in_sentence(anchor))
            .or_else(|| nearest_time(&self.times, anchor).map(|t| t.hours_ago))
    }

    pub(super) fn time_in_sentence(&self, anchor: usize) -> Option<u32> {
        let (start, end) = self.sentence_of(anchor);
        self.time_between(anchor, start, end)
    }

    pub(super) fn time_between(&self, anchor: usize, start: usize, end: usize) -> Option<u32> {
        let first = self.times.partition_point(|t| t.start < start);
        let last = self.times.partition_point(|t| t.start < end);
        self.times
            .get(first..last)?
            .iter()
            .min_by_key(|t| distance(t, anchor))
            .map(|t| t.hours_ago)
    }
}

pub(super) fn distance(time: &TimeMention, position: usize) -> usize {
    if position < time.start {
        time.start - position
    } else {
        position.saturating_sub(time.end)
    }
}

pub(super) fn nearest_time(times: &[TimeMention], position: usize) -> Option<&TimeMention> {
    let index = times.partition_point(|t| t.start < position);
    let before = index.checked_sub(1).and_then(|i| times.get(i));
    let after = times.get(index);
    match (before, after) {
        (Some(b), Some(a)) => Some(if distance(b, position) <= distance(a, position) {
            b
        } else {
            a
        }),
        (b, a) => b.or(a),
    }
}

pub(super) fn is_negator(word: &str) -> bool {
    let word = word.replace('\'', "");
    matches!(
        word.as_str(),
        "not"
            | "no"
            | "never"
            | "none"
            | "nobody"
            | "nothing"
            | "nowhere"
            | "neither"
            | "nor"
            | "without"
            | "dont"
            | "didnt"
            | "doesnt"
            | "wasnt"
            | "werent"
            | "isnt"
            | "arent"
            | "havent"
            | "hasnt"
            | "hadnt"
            | "wont"
            | "cant"
            | "cannot"
            | "couldnt"
            | "wouldnt"
            | "shouldnt"
            | "aint"
            | "nunca"
            | "ni"
            | "nadie"
            | "nada"
            | "jamas"
            | "tampoco"
            | "ningun"
            | "ninguna"
            | "ninguno"
    )
}

pub(super) fn expresses_doubt(next: Option<&str>, after: Option<&str>) -> bool {
    match next {
        Some(
            "sure" | "know" | "knew" | "certain" | "remember" | "idea" | "recuerdo" | "sabemos"
            | "sabia" | "tengo",
        ) => true,
        Some("se") => after == Some("si"),
        Some("estoy") => after.is_some_and(|w| w.starts_with("segur")),
        _ => false,
    }
}

/// Sentences end at . ! ? ; and line breaks.
pub(super) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if matches!(b, b'.' | b'!' | b'?' | b';' | b'\n') {
            if i + 1 > start {
                spans.push((start, i + 1));
            }
            start = i + 1;
        }
    }
    if start < text.len() {
        spans.push((start, text.len()));
    }
    spans
}

/// Clauses start after punctuation and at conjunctions: a negation in "I'm
/// not on the pill and the condom broke" does not reach the condom. "Or" and
/// "ni" do not end a clause: "she never checks my phone or tells me who I
/// can see" negates both.
pub(super) fn clause_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    for m in CLAUSE_BREAKS
        .compiled()
        .iter()
        .flat_map(|c| c.regex.find_iter(text))
    {
        starts.push(m.end());
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

pub(super) static CLAUSE_BREAKS: Lexicon = Lexicon::new(&[cue(
    r"[.,;:!?()\n]|\b(?:and|but|so|because|then|while|although|though|however|pero|aunque|y|e|porque|mientras|luego|entonces|sino)\b",
    0,
)]);

pub(super) static STRONG_HYPOTHETICAL: Lexicon = Lexicon::new(&[cue(
    r"\b(?:what if|what would happen|what happens if|hypothetical\w*|suppose|supposing|in case|imagine|someday|some day|one day|if \w+(?: \w+){0,3} ever|ever (?:break|breaks|broke|happens?)|en caso de|que pasaria|que pasa si|y si|por si|algun dia|si algun)\b",
    0,
)]);

pub(super) static WEAK_HYPOTHETICAL: Lexicon = Lexicon::new(&[cue(r"\b(?:if|would|si)\b", 0)]);

pub(super) static WHETHER_BEFORE_IF: Lexicon = Lexicon::new(&[cue(
    r"\b(?:sure|know|wonder|wondering|ask|asking|check|tell|see|se|sabe|saber|sabemos|segura|seguro|idea)\s*$",
    0,
)]);
