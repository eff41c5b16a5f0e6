//! Triage: recognising, when a question is asked, that it speaks of danger
//! or of time-critical care, so the asker sees the right help at once and
//! experts see the question first.
//!
//! # How it reads a question
//!
//! Keyword lists flag "how does PEP work?" and miss "he didn't stop when I
//! said no", so triage reads in three layers:
//!
//! 1. **Folding.** The text is lower-cased and its accents are stripped
//!    (`á` → `a`, `ñ` → `n`, curly quotes → `'`), giving pure ASCII that the
//!    patterns match without caring how the asker typed. Every folded byte
//!    remembers the original character it came from, so evidence spans point
//!    into the text as written.
//! 2. **Layout and time.** The folded text is cut into sentences and
//!    clauses, and time expressions ("last night", "hace 3 días", "on
//!    Friday … it's Sunday now", "when I was 9") are turned into hours ago.
//! 3. **Cues with context.** Each category has cues (regular expressions on
//!    the folded text, written from the clinical definition of the category,
//!    not from example questions). A cue only counts when its context agrees:
//!    not negated in its clause ("none broke", "nunca me revisa el móvil"),
//!    not hypothetical ("if a condom ever broke", "si algún día se rompe"),
//!    not educational ("for my nursing course", "en general"), not
//!    negotiated kink ("we have a safeword"), not figurative ("this exam is
//!    killing me", "me muero de ganas"), and inside its clinical time window
//!    (emergency contraception 120 hours, HIV post-exposure prophylaxis 72
//!    hours). Some categories combine cues: HIV exposure needs an exposure
//!    *and* a partner of unknown or positive status; emergency contraception
//!    needs a failed or absent method *and* someone who could get pregnant
//!    and is not otherwise covered.
//!
//! Errors lean towards flagging: a missed assault costs far more than an
//! expert glancing at a question that turned out to be fine. Unknown timing
//! counts as recent for the same reason.
//!
//! # Urgency
//!
//! | urgency | categories | why |
//! | --- | --- | --- |
//! | 3 | self_harm, medical_emergency, sexual_assault | a life or body at risk now; after a recent assault, forensic care, emergency contraception and PEP all run on hours |
//! | 2 | hiv_exposure, emergency_contraception, partner_violence, minor | time-critical care (72 h / 120 h) or a person in ongoing danger who needs a safe answer soon |
//! | 1 | sti_symptoms | needs a clinic, not an emergency |
//! | 0 | none | |
//!
//! [`Category::urgency`] gives each category's urgency on the worst
//! reading. [`Triage::urgency`] is the highest urgency of the question's
//! categories, with one refinement: a sexual assault the asker places more
//! than a week back (past the forensic window; childhood abuse disclosed by an
//! adult) counts 2, because nothing about it runs on hours any more; a
//! disclosure still deserves an expert soon, hence not lower.
//!
//! No I/O, no allocation beyond the question's size, and no panics: patterns
//! are compiled once on first use, and a pattern that failed to compile
//! would be dropped rather than panic (a unit test checks that none does).

use std::cmp::Reverse;
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// Something in a question that calls for faster or different care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Sexual contact without consent, at any time in the asker's life,
    /// including when the asker is unsure what happened.
    SexualAssault,
    /// Violence, threats, coercive control or reproductive coercion by a
    /// partner or ex-partner.
    PartnerViolence,
    /// Thoughts of suicide or self-injury, however hedged.
    SelfHarm,
    /// Signs that need an emergency department now: heavy bleeding, penile
    /// fracture, priapism, torsion, ectopic pregnancy, overdose.
    MedicalEmergency,
    /// Unprotected sex or a failed method within the last five days.
    EmergencyContraception,
    /// A possible HIV exposure within the 72-hour PEP window.
    HivExposure,
    /// Symptoms that suggest a sexually transmitted infection.
    StiSymptoms,
    /// The asker is under 16, or an adult is pursuing a child.
    Minor,
}

impl Category {
    /// Every category, in declaration order.
    pub const ALL: [Category; 8] = [
        Category::SexualAssault,
        Category::PartnerViolence,
        Category::SelfHarm,
        Category::MedicalEmergency,
        Category::EmergencyContraception,
        Category::HivExposure,
        Category::StiSymptoms,
        Category::Minor,
    ];

    /// The stable identifier, as serialised.
    pub fn id(self) -> &'static str {
        match self {
            Category::SexualAssault => "sexual_assault",
            Category::PartnerViolence => "partner_violence",
            Category::SelfHarm => "self_harm",
            Category::MedicalEmergency => "medical_emergency",
            Category::EmergencyContraception => "emergency_contraception",
            Category::HivExposure => "hiv_exposure",
            Category::StiSymptoms => "sti_symptoms",
            Category::Minor => "minor",
        }
    }

    /// The category with this identifier.
    pub fn parse(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }

    /// How soon a question in this category needs a human, on the worst
    /// reading: 3 now, 2 within hours, 1 soon. See the module documentation.
    pub fn urgency(self) -> u8 {
        match self {
            Category::SelfHarm | Category::MedicalEmergency | Category::SexualAssault => 3,
            Category::HivExposure
            | Category::EmergencyContraception
            | Category::PartnerViolence
            | Category::Minor => 2,
            Category::StiSymptoms => 1,
        }
    }

    /// Among categories of equal urgency, which to show first: the one whose
    /// window closes soonest or whose harm is least reversible.
    fn precedence(self) -> u8 {
        match self {
            Category::SelfHarm => 0,
            Category::MedicalEmergency => 1,
            Category::SexualAssault => 2,
            Category::HivExposure => 3,
            Category::EmergencyContraception => 4,
            Category::PartnerViolence => 5,
            Category::Minor => 6,
            Category::StiSymptoms => 7,
        }
    }
}

/// Why a category was raised: the words that triggered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub category: Category,
    /// The triggering text, as the asker wrote it.
    pub phrase: String,
    /// Byte offsets of `phrase` in the question text.
    pub span: (usize, usize),
}

/// What triage found in a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Triage {
    /// Most urgent first, no duplicates.
    pub categories: Vec<Category>,
    /// 0 when nothing was found; otherwise the highest urgency among the
    /// categories (see the module documentation for the one refinement).
    pub urgency: u8,
    pub evidence: Vec<Evidence>,
}

/// A reader needs a few phrases to see why a question was flagged; a
/// pasted essay must not produce thousands.
pub const MAX_EVIDENCE_PER_CATEGORY: usize = 8;

/// Reads a question (title and body, in English or Spanish) and says what
/// in it calls for faster or different care.
pub fn triage(text: &str) -> Triage {
    let message = Message::read(text);
    let framing = Framing::of(&message);
    let reader = Reader {
        message: &message,
        framing: &framing,
    };
    let findings = reader.findings();
    let sexual_assault_is_past = findings
        .iter()
        .find(|f| f.category == Category::SexualAssault)
        .is_some_and(|f| reader.all_long_ago(&f.hits));

    let contextual_urgency = |category: Category| {
        if category == Category::SexualAssault && sexual_assault_is_past {
            2
        } else {
            category.urgency()
        }
    };
    let mut categories: Vec<Category> = findings.iter().map(|f| f.category).collect();
    categories.sort_by_key(|&c| (Reverse(contextual_urgency(c)), c.precedence()));
    categories.dedup();
    let urgency = categories
        .iter()
        .map(|&c| contextual_urgency(c))
        .max()
        .unwrap_or(0);

    let mut evidence = Vec::new();
    for category in &categories {
        let mut spans: Vec<(usize, usize)> = findings
            .iter()
            .filter(|f| f.category == *category)
            .flat_map(|f| &f.hits)
            .map(|hit| message.original_span(hit.start, hit.end))
            .collect();
        spans.sort_unstable();
        spans.dedup();
        evidence.extend(
            spans
                .into_iter()
                .take(MAX_EVIDENCE_PER_CATEGORY)
                .map(|span| Evidence {
                    category: *category,
                    phrase: text.get(span.0..span.1).unwrap_or_default().to_string(),
                    span,
                }),
        );
    }
    Triage {
        categories,
        urgency,
        evidence,
    }
}

// ---------------------------------------------------------------------------
// Folding: lower-case ASCII with a map back to the original text
// ---------------------------------------------------------------------------

/// The question lower-cased and reduced to ASCII, so that "Condón",
/// "condon" and "CONDÓN" read alike; `origin[i]` is the byte range of the
/// original character that folded byte `i` came from.
struct Folded {
    text: String,
    origin: Vec<(usize, usize)>,
}

fn fold(original: &str) -> Folded {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    for (start, ch) in original.char_indices() {
        let end = start + ch.len_utf8();
        for lower in ch.to_lowercase() {
            let folded = fold_char(lower);
            for byte in folded.bytes() {
                text.push(char::from(byte));
                origin.push((start, end));
            }
        }
    }
    Folded { text, origin }
}

/// The ASCII a lower-case character reads as. Letters lose their accents;
/// punctuation that separates sentences keeps doing so; anything else
/// becomes a space, which is how the patterns see emoji and other scripts.
fn fold_char(c: char) -> FoldedChar {
    if c.is_ascii() {
        return FoldedChar::Ascii(c as u8);
    }
    let ascii: &'static str = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ą' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => "o",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'ñ' | 'ń' | 'ň' => "n",
        'ç' | 'ć' | 'č' => "c",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'š' | 'ś' => "s",
        'ž' | 'ź' | 'ż' => "z",
        'ł' => "l",
        'ř' => "r",
        'ð' => "d",
        'þ' => "th",
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{00b4}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => "\"",
        '\u{2026}' => ".",
        '\u{2010}'..='\u{2015}' => "-",
        // Combining accents (from decomposed input) vanish with their accent.
        '\u{0300}'..='\u{036f}' => "",
        _ => " ",
    };
    FoldedChar::Str(ascii)
}

enum FoldedChar {
    Ascii(u8),
    Str(&'static str),
}

impl FoldedChar {
    fn bytes(self) -> impl Iterator<Item = u8> {
        let (single, many) = match self {
            FoldedChar::Ascii(b) => (Some(b), ""),
            FoldedChar::Str(s) => (None, s),
        };
        single.into_iter().chain(many.bytes())
    }
}

// ---------------------------------------------------------------------------
// Lexicons: compiled cue patterns with the context checks they need
// ---------------------------------------------------------------------------

/// Context checks a cue asks for, as bit flags.
type Guards = u8;
/// Void if a negation ("not", "never", "none", "no", "nunca", "ni"…) comes
/// shortly before it in its clause.
const NEGATABLE: Guards = 1;
/// Void inside a hypothetical ("if", "what if", "si", "en caso de") unless
/// the sentence also says when it happened.
const HYPOTHETICAL: Guards = 2;
/// Void only inside an explicitly hypothetical frame ("what if",
/// "hypothetically", "¿qué pasaría si…?"): a bare "if" often introduces a
/// real event here ("is it rape if I was asleep?").
const STRONGLY_HYPOTHETICAL: Guards = 4;
/// Void when the question is framed as study or general curiosity and the
/// sentence says nothing about when it happened.
const EDUCATIONAL: Guards = 8;
/// Void when the question describes negotiated, consensual kink.
const KINK: Guards = 16;
/// Void when the words mean something else: a figure of speech or a joke
/// ("I'd rather die than…", "me muero de vergüenza jaja"), or pill-taking
/// instructions ("take all the pills in the pack").
const FIGURATIVE: Guards = 32;

struct Cue {
    pattern: &'static str,
    guards: Guards,
}

const fn cue(pattern: &'static str, guards: Guards) -> Cue {
    Cue { pattern, guards }
}

struct CompiledCue {
    regex: Regex,
    guards: Guards,
    /// Whether the pattern names the word its context is judged from
    /// (`(?P<a>…)` or `(?P<b>…)`); otherwise the match start is used.
    anchored: bool,
}

/// A named list of cues, compiled on first use.
struct Lexicon {
    cues: &'static [Cue],
    compiled: OnceLock<Vec<CompiledCue>>,
}

impl Lexicon {
    const fn new(cues: &'static [Cue]) -> Self {
        Lexicon {
            cues,
            compiled: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &[CompiledCue] {
        self.compiled.get_or_init(|| {
            self.cues
                .iter()
                .filter_map(|cue| {
                    let regex = Regex::new(cue.pattern).ok()?;
                    let anchored = regex
                        .capture_names()
                        .any(|name| matches!(name, Some("a") | Some("b")));
                    Some(CompiledCue {
                        regex,
                        guards: cue.guards,
                        anchored,
                    })
                })
                .collect()
        })
    }
}

/// A stretch of the folded text that matched a cue; `anchor` is where its
/// context is judged from (the verb of "condoms and none broke").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    start: usize,
    end: usize,
    anchor: usize,
}

// ---------------------------------------------------------------------------
// Message: folded text, sentences, clauses and time expressions
// ---------------------------------------------------------------------------

struct Message<'a> {
    original: &'a str,
    folded: Folded,
    /// Sentence ranges in the folded text, in order.
    sentences: Vec<(usize, usize)>,
    /// Positions where a clause starts, in order.
    clause_starts: Vec<usize>,
    /// When things happened, in order of position.
    times: Vec<TimeMention>,
}

impl<'a> Message<'a> {
    fn read(original: &'a str) -> Self {
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

    fn text(&self) -> &str {
        &self.folded.text
    }

    /// Byte range in the original text of the folded range `start..end`.
    fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let origin = &self.folded.origin;
        match (
            origin.get(start),
            end.checked_sub(1).and_then(|e| origin.get(e)),
        ) {
            (Some(&(from, _)), Some(&(_, to))) if from <= to => (from, to),
            _ => (0, 0),
        }
    }

    fn original_slice(&self, start: usize, end: usize) -> &str {
        let (from, to) = self.original_span(start, end);
        self.original.get(from..to).unwrap_or_default()
    }

    fn sentence_of(&self, position: usize) -> (usize, usize) {
        let index = self.sentences.partition_point(|&(_, end)| end <= position);
        self.sentences
            .get(index)
            .copied()
            .unwrap_or((position, position))
    }

    fn clause_start(&self, position: usize) -> usize {
        let index = self.clause_starts.partition_point(|&s| s <= position);
        index
            .checked_sub(1)
            .and_then(|i| self.clause_starts.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// All matches of a lexicon, before any context check.
    fn raw_hits(&self, lexicon: &Lexicon) -> Vec<(Hit, Guards)> {
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
    fn mentions(&self, lexicon: &Lexicon) -> bool {
        self.raw_hits(lexicon)
            .iter()
            .any(|(hit, guards)| guards & NEGATABLE == 0 || !self.is_negated(hit.anchor))
    }

    fn mentions_in(&self, lexicon: &Lexicon, start: usize, end: usize) -> bool {
        lexicon.compiled().iter().any(|cue| {
            self.text()
                .get(start..end)
                .is_some_and(|slice| cue.regex.is_match(slice))
        })
    }

    fn mentions_in_sentence(&self, lexicon: &Lexicon, position: usize) -> bool {
        let (start, end) = self.sentence_of(position);
        self.mentions_in(lexicon, start, end)
    }

    /// Whether a negation governs the words at `anchor`: a negating word
    /// among the few words before it, in the same clause. "Not sure", "don't
    /// know if" and "no sé si" express doubt, not negation, and do not count.
    fn is_negated(&self, anchor: usize) -> bool {
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
    fn is_hypothetical(&self, anchor: usize, strong_only: bool) -> bool {
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
    fn hours_since(&self, anchor: usize) -> Option<u32> {
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

    fn time_in_sentence(&self, anchor: usize) -> Option<u32> {
        let (start, end) = self.sentence_of(anchor);
        self.time_between(anchor, start, end)
    }

    fn time_between(&self, anchor: usize, start: usize, end: usize) -> Option<u32> {
        let first = self.times.partition_point(|t| t.start < start);
        let last = self.times.partition_point(|t| t.start < end);
        self.times
            .get(first..last)?
            .iter()
            .min_by_key(|t| distance(t, anchor))
            .map(|t| t.hours_ago)
    }
}

fn distance(time: &TimeMention, position: usize) -> usize {
    if position < time.start {
        time.start - position
    } else {
        position.saturating_sub(time.end)
    }
}

fn nearest_time(times: &[TimeMention], position: usize) -> Option<&TimeMention> {
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

fn is_negator(word: &str) -> bool {
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

fn expresses_doubt(next: Option<&str>, after: Option<&str>) -> bool {
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
fn sentences(text: &str) -> Vec<(usize, usize)> {
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
fn clause_starts(text: &str) -> Vec<usize> {
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

static CLAUSE_BREAKS: Lexicon = Lexicon::new(&[cue(
    r"[.,;:!?()\n]|\b(?:and|but|so|because|then|while|although|though|however|pero|aunque|y|e|porque|mientras|luego|entonces|sino)\b",
    0,
)]);

static STRONG_HYPOTHETICAL: Lexicon = Lexicon::new(&[cue(
    r"\b(?:what if|what would happen|what happens if|hypothetical\w*|suppose|supposing|in case|imagine|someday|some day|one day|if \w+(?: \w+){0,3} ever|ever (?:break|breaks|broke|happens?)|en caso de|que pasaria|que pasa si|y si|por si|algun dia|si algun)\b",
    0,
)]);

static WEAK_HYPOTHETICAL: Lexicon = Lexicon::new(&[cue(r"\b(?:if|would|si)\b", 0)]);

static WHETHER_BEFORE_IF: Lexicon = Lexicon::new(&[cue(
    r"\b(?:sure|know|wonder|wondering|ask|asking|check|tell|see|se|sabe|saber|sabemos|segura|seguro|idea)\s*$",
    0,
)]);

// ---------------------------------------------------------------------------
// Time expressions
// ---------------------------------------------------------------------------

/// A time expression and how many hours ago it places what it refers to.
#[derive(Debug, Clone, Copy)]
struct TimeMention {
    start: usize,
    end: usize,
    hours_ago: u32,
}

const HOURS_PER_DAY: u32 = 24;
const HOURS_PER_WEEK: u32 = 7 * HOURS_PER_DAY;
const HOURS_PER_MONTH: u32 = 30 * HOURS_PER_DAY;
const HOURS_PER_YEAR: u32 = 365 * HOURS_PER_DAY;
/// "When I was 9": long ago, whatever the exact figure.
const CHILDHOOD_HOURS: u32 = 10 * HOURS_PER_YEAR;
/// A weekday with no "today is …" to count from lies somewhere in the past
/// week; the middle of it keeps both windows open without pretending to know.
const UNANCHORED_WEEKDAY_HOURS: u32 = 3 * HOURS_PER_DAY;

/// How long ago something was that the asker placed with a count and a unit.
static COUNTED_AGO: OnceLock<Option<Regex>> = OnceLock::new();
static NAMED_TIMES: OnceLock<Option<Regex>> = OnceLock::new();
static WEEKDAYS: OnceLock<Option<Regex>> = OnceLock::new();
static TODAY_IS: OnceLock<Option<Regex>> = OnceLock::new();

fn counted_ago() -> Option<&'static Regex> {
    COUNTED_AGO
        .get_or_init(|| {
            Regex::new(concat!(
                r"\b(?:(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a couple|couple of|a few|few|several|some)\s+)?",
                r"(?P<u>min(?:ute)?s?|hours?|hrs?|days?|nights?|weeks?|months?|years?)\s+ago\b",
                r"|\bhace\s+(?:(?:mas de|menos de|casi|como|apenas|solo|ya|un par de)\s+)?",
                r"(?:(?P<m>\d{1,3}|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|pocos|pocas|varios|varias|unos|unas)\s+)?",
                r"(?P<v>minutos?|horas?|dias?|noches?|semanas?|mes|meses|anos?|rato|poco|nada)\b",
            ))
            .ok()
        })
        .as_ref()
}

fn named_times() -> Option<&'static Regex> {
    NAMED_TIMES
        .get_or_init(|| {
            Regex::new(concat!(
                r"\b(?:last night|the day before yesterday|yesterday|this morning|this afternoon|this evening|tonight|earlier today|today|just now|",
                r"the other (?:night|day)|last week|last weekend|last month|last year|this (?:past )?weekend|over the weekend|the weekend|ages ago|a while ago|",
                r"earlier this week|this week|anoche|antier|anteayer|antes de ayer|ayer|esta manana|esta madrugada|esta tarde|esta noche|hoy|",
                r"la otra noche|el otro dia|la semana pasada|el mes pasado|el ano pasado|el fin de semana pasado|este fin de semana|el fin de semana|este finde|el finde|",
                r"esta semana|when i was (?:a )?(?:little|kid|child|young|younger|small|teen|teenager|boy|girl|\d{1,2})|as a (?:kid|child|teen|teenager)|",
                r"cuando (?:tenia|era) (?:\d{1,2}|nin[oa]|pequen[oa]|chic[oa]|adolescente|menor)|de (?:nin[oa]|pequen[oa]))\b",
            ))
            .ok()
        })
        .as_ref()
}

fn weekdays() -> Option<&'static Regex> {
    WEEKDAYS
        .get_or_init(|| {
            Regex::new(
                r"\b(?:(?P<last>last|el pasado)\s+)?(?:(?:on|el)\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b",
            )
            .ok()
        })
        .as_ref()
}

fn today_is() -> Option<&'static Regex> {
    TODAY_IS
        .get_or_init(|| {
            Regex::new(
                r"\b(?:it'?s|it is|today is|today'?s|now it'?s|hoy es|ya es|estamos a)\s+(?:now\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b",
            )
            .ok()
        })
        .as_ref()
}

/// Monday is 0.
fn weekday_index(name: &str) -> Option<u32> {
    Some(match name {
        "monday" | "lunes" => 0,
        "tuesday" | "martes" => 1,
        "wednesday" | "miercoles" => 2,
        "thursday" | "jueves" => 3,
        "friday" | "viernes" => 4,
        "saturday" | "sabado" => 5,
        "sunday" | "domingo" => 6,
        _ => return None,
    })
}

fn number_word(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    Some(match word {
        "a" | "an" | "one" | "un" | "una" | "uno" => 1,
        "two" | "dos" | "a couple of" | "a couple" | "couple of" => 2,
        "three" | "tres" | "a few" | "few" | "several" | "some" | "unos" | "unas" | "varios"
        | "varias" | "pocos" | "pocas" => 3,
        "four" | "cuatro" => 4,
        "five" | "cinco" => 5,
        "six" | "seis" => 6,
        "seven" | "siete" => 7,
        "eight" | "ocho" => 8,
        "nine" | "nueve" => 9,
        "ten" | "diez" => 10,
        "eleven" | "once" => 11,
        "twelve" | "doce" => 12,
        "thirteen" | "trece" => 13,
        "fourteen" | "catorce" => 14,
        "fifteen" | "quince" => 15,
        "sixteen" | "dieciseis" => 16,
        "seventeen" | "diecisiete" => 17,
        "eighteen" | "dieciocho" => 18,
        "nineteen" | "diecinueve" => 19,
        "twenty" | "veinte" => 20,
        _ => return None,
    })
}

fn unit_hours(unit: &str) -> u32 {
    let unit = unit.trim_end_matches('s');
    match unit {
        "min" | "minute" | "minuto" | "rato" | "nada" => 1,
        "hour" | "hr" | "hora" => 1,
        "day" | "night" | "dia" | "noche" => HOURS_PER_DAY,
        "week" | "semana" => HOURS_PER_WEEK,
        "month" | "mes" | "mese" => HOURS_PER_MONTH,
        "year" | "ano" => HOURS_PER_YEAR,
        "poco" => 2 * HOURS_PER_DAY,
        _ => HOURS_PER_DAY,
    }
}

fn named_time_hours(phrase: &str) -> u32 {
    match phrase {
        "just now" | "hace un rato" => 1,
        "tonight" | "esta noche" => 2,
        "this evening" | "this afternoon" | "esta tarde" => 4,
        "today" | "earlier today" | "hoy" => 4,
        "this morning" | "esta manana" | "esta madrugada" => 6,
        "last night" | "anoche" => 12,
        "yesterday" | "ayer" => HOURS_PER_DAY,
        "the day before yesterday" | "antier" | "anteayer" | "antes de ayer" => 2 * HOURS_PER_DAY,
        "this weekend" | "this past weekend" | "over the weekend" | "the weekend"
        | "este fin de semana" | "el fin de semana" | "este finde" | "el finde" => {
            2 * HOURS_PER_DAY
        }
        "the other night" | "the other day" | "la otra noche" | "el otro dia" | "this week"
        | "earlier this week" | "esta semana" => 3 * HOURS_PER_DAY,
        "last weekend" | "el fin de semana pasado" => 4 * HOURS_PER_DAY,
        "last week" | "la semana pasada" => HOURS_PER_WEEK,
        "last month" | "el mes pasado" | "a while ago" => HOURS_PER_MONTH,
        "last year" | "el ano pasado" | "ages ago" => HOURS_PER_YEAR,
        _ => CHILDHOOD_HOURS,
    }
}

/// Finds every time expression and places it in hours ago. Weekdays are
/// counted back from "today is …" when the asker says what day it is.
fn time_mentions(text: &str) -> Vec<TimeMention> {
    let mut found: Vec<(TimeMention, bool)> = Vec::new();
    let mut today: Option<u32> = None;
    let mut references: Vec<(usize, usize)> = Vec::new();

    if let Some(re) = today_is() {
        for caps in re.captures_iter(text) {
            if let (Some(whole), Some(day)) = (caps.get(0), caps.name("d")) {
                today = today.or(weekday_index(day.as_str()));
                references.push((whole.start(), whole.end()));
            }
        }
    }
    let overlaps_reference =
        |start: usize, end: usize| references.iter().any(|&(s, e)| start < e && s < end);

    if let Some(re) = counted_ago() {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            let count = caps
                .name("n")
                .or_else(|| caps.name("m"))
                .and_then(|n| number_word(n.as_str()))
                .unwrap_or(2);
            let unit = caps
                .name("u")
                .or_else(|| caps.name("v"))
                .map_or("day", |u| u.as_str());
            let hours = count.saturating_mul(unit_hours(unit));
            found.push((mention(whole.start(), whole.end(), hours), false));
        }
    }
    if let Some(re) = named_times() {
        for m in re.find_iter(text) {
            if overlaps_reference(m.start(), m.end()) {
                continue;
            }
            let hours = named_time_hours(m.as_str());
            found.push((mention(m.start(), m.end(), hours), false));
        }
    }
    if let Some(re) = weekdays() {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            if overlaps_reference(whole.start(), whole.end()) {
                continue;
            }
            let Some(day) = caps.name("d").and_then(|d| weekday_index(d.as_str())) else {
                continue;
            };
            let hours = match today {
                Some(today) => {
                    let days = (today + 7 - day) % 7;
                    if days == 0 {
                        HOURS_PER_WEEK
                    } else {
                        days * HOURS_PER_DAY
                    }
                }
                None if caps.name("last").is_some() => 4 * HOURS_PER_DAY,
                None => UNANCHORED_WEEKDAY_HOURS,
            };
            found.push((mention(whole.start(), whole.end(), hours), true));
        }
    }
    // A weekend counts back from the reference day too: Saturday.
    if let Some(today) = today {
        for (time, _) in found.iter_mut() {
            let phrase = text.get(time.start..time.end).unwrap_or_default();
            if phrase.contains("weekend")
                || phrase.contains("finde")
                || phrase.contains("fin de semana")
            {
                let days = (today + 7 - 5) % 7;
                time.hours_ago = days.max(1) * HOURS_PER_DAY;
            }
        }
    }

    found.sort_by_key(|(t, _)| (t.start, Reverse(t.end)));
    let mut times: Vec<TimeMention> = Vec::with_capacity(found.len());
    for (time, _) in found {
        if times.last().is_some_and(|last| time.start < last.end) {
            continue;
        }
        times.push(time);
    }
    times
}

fn mention(start: usize, end: usize, hours_ago: u32) -> TimeMention {
    TimeMention {
        start,
        end,
        hours_ago,
    }
}

// ---------------------------------------------------------------------------
// Framing: what the question as a whole says about the asker and the event
// ---------------------------------------------------------------------------

/// Facts about the whole question that decide whether cues count.
struct Framing {
    educational: bool,
    nothing_happened: bool,
    negotiated_kink: bool,
    partner_context: bool,
    steady_partner: bool,
    casual_partner: bool,
    partner_positive: bool,
    partner_undetectable: bool,
    partner_detectable: bool,
    on_prep: bool,
    missed_prep: bool,
    asker_male: bool,
    asker_female: bool,
    asker_trans_masc: bool,
    partner_male: bool,
    partner_female: bool,
    same_sex_couple: bool,
    vaginal_sex: bool,
    hiv_focus: bool,
    pregnancy_concern: bool,
    trying_to_conceive: bool,
    took_emergency_contraception: bool,
    period_arrived: bool,
    reliable_contraception: bool,
    pill_user: bool,
    no_contraception: bool,
    pill_context: bool,
    benign_diagnosis: bool,
}

impl Framing {
    fn of(message: &Message) -> Self {
        let has = |lexicon: &Lexicon| message.mentions(lexicon);
        let asker_trans_masc = has(&ASKER_TRANS_MASC);
        Framing {
            educational: has(&EDUCATIONAL_FRAME),
            nothing_happened: has(&NOTHING_HAPPENED),
            negotiated_kink: has(&CONSENT_FRAME) && has(&KINK_CONTEXT),
            partner_context: has(&PARTNER_CONTEXT) || mentions_el_pronoun(message.original),
            steady_partner: has(&STEADY_PARTNER),
            casual_partner: has(&CASUAL_PARTNER),
            partner_positive: has(&PARTNER_HIV_POSITIVE),
            partner_undetectable: has(&PARTNER_UNDETECTABLE),
            partner_detectable: has(&PARTNER_DETECTABLE),
            on_prep: has(&ON_PREP),
            missed_prep: has(&MISSED_PREP),
            asker_male: has(&ASKER_MALE) && !asker_trans_masc,
            asker_female: has(&ASKER_FEMALE),
            asker_trans_masc,
            partner_male: has(&PARTNER_MALE),
            partner_female: has(&PARTNER_FEMALE),
            same_sex_couple: has(&SAME_SEX_COUPLE),
            vaginal_sex: has(&VAGINAL_SEX),
            hiv_focus: has(&HIV_FOCUS),
            pregnancy_concern: has(&PREGNANCY_CONCERN),
            trying_to_conceive: has(&TRYING_TO_CONCEIVE),
            took_emergency_contraception: has(&TOOK_EMERGENCY_CONTRACEPTION),
            period_arrived: has(&PERIOD_ARRIVED),
            reliable_contraception: has(&RELIABLE_CONTRACEPTION),
            pill_user: has(&PILL_USER),
            no_contraception: has(&NO_CONTRACEPTION),
            pill_context: has(&PILL_CONTEXT),
            benign_diagnosis: has(&BENIGN_DIAGNOSIS),
        }
    }

    /// Whether anyone in the exchange could become pregnant and the asker is
    /// placed to act on it. A man asking about a casual partner is asking
    /// about HIV unless he raises her pregnancy; two men, or two women,
    /// cannot conceive together.
    fn pregnancy_possible(&self) -> bool {
        if self.asker_trans_masc {
            // Pregnancy is possible unless the only partner mentioned is a woman.
            return !self.partner_female || self.partner_male;
        }
        if self.same_sex_couple {
            return false;
        }
        if self.asker_male {
            return self.partner_female
                && !self.partner_male
                && (self.steady_partner || self.pregnancy_concern);
        }
        if self.asker_female {
            return self.partner_male || !self.partner_female;
        }
        if self.partner_male {
            return true;
        }
        if self.partner_female {
            return self.steady_partner || self.pregnancy_concern;
        }
        !self.hiv_focus || self.pregnancy_concern
    }

    /// Whether the partner's HIV status is unknown or positive and not
    /// known to be suppressed.
    fn partner_status_at_risk(&self) -> bool {
        let positive =
            self.partner_positive && (!self.partner_undetectable || self.partner_detectable);
        self.casual_partner || positive
    }
}

/// "Él" (he) folds to "el" (the); only the original accent tells them apart.
fn mentions_el_pronoun(original: &str) -> bool {
    static EL: OnceLock<Option<Regex>> = OnceLock::new();
    EL.get_or_init(|| Regex::new(r"(?:^|[^\p{L}])[éÉ]l(?:[^\p{L}]|$)").ok())
        .as_ref()
        .is_some_and(|re| re.is_match(original))
}

static EDUCATIONAL_FRAME: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:school|college|uni|university|research|term|class|course|nursing|medical|law) (?:paper|project|essay|assignment|presentation|report|course)\b",
        0,
    ),
    cue(
        r"\b(?:writing|write|doing) (?:a|an|my) (?:paper|essay|report|thesis|dissertation|article|leaflet)\b|\bfor (?:an|my|a) (?:essay|class|course|assignment|project|exam|paper)\b|\bit'?s for (?:an|my|a) (?:essay|class|course|assignment|project)\b",
        0,
    ),
    cue(
        r"\b(?:watched|watching|saw|read|reading) (?:a|an|the) (?:documentary|film|movie|show|series|article|book|podcast)\b|\b(?:vi|vimos|lei|leimos) (?:un|una|el|la) (?:documental|pelicula|serie|articulo|libro)\b|\b(?:writing|write|drafting|draft) (?:a|an|our|the) (?:policy|guide|guidance|training|workshop|handout|leaflet)\b|\bwhat'?s the difference between\b|\bque diferencia hay entre\b|\b(?:i write|i'?m writing) (?:patient )?(?:leaflets|articles|content)\b|\b(?:i'?m|i am) (?:a|an) (?:nurse|doctor|midwife|student|teacher|researcher|volunteer)\b|\btraining to (?:volunteer|become)\b|\bvolunteer (?:on|at|for)\b",
        0,
    ),
    cue(
        r"\bin general\b|\bjust curious\b|\bout of curiosity\b|\bgeneral question\b|\bsaw (?:it )?(?:in|on) (?:a|the) (?:news|documentary|article|show)\b|\b(?:a friend|someone) mentioned\b",
        0,
    ),
    cue(
        r"\btrabajo (?:para|de) (?:clase|la uni|la universidad|el instituto|la escuela|el cole)\b|\ben general\b|\bpor curiosidad\b|\bes por saber(?:lo)?\b|\b(?:soy|como) (?:enfermera|enfermero|medica|medico|estudiante|voluntaria|voluntario|profesora|profesor)\b",
        0,
    ),
    cue(
        r"\blo (?:vi|lei|escuche) en (?:un|una|el|la) (?:reportaje|noticia|documental|articulo|programa|serie)\b|\bun reportaje\b|\buna noticia\b",
        0,
    ),
]);

static NOTHING_HAPPENED: Lexicon = Lexicon::new(&[cue(
    r"\bnothing (?:has )?happened\b|\bno me ha pasado nada\b|\bno me paso nada\b|\bno nos ha pasado nada\b|\bnothing'?s happened\b",
    0,
)]);

static CONSENT_FRAME: Lexicon = Lexicon::new(&[
    cue(
        r"\bconsensual\w*|\bconsent(?:ed|ing)?\b|\bnegotiat\w+|\bsafe ?words?\b|\bpalabra de seguridad\b|\bconsensuad\w*|\bconsentid\w*",
        NEGATABLE,
    ),
    cue(
        r"\b(?:we'?ve|we have|we|we'?d|we had) (?:both )?(?:talked|discussed|agreed|planned) (?:it|about it|it through|this|beforehand|before)\b|\bwe both (?:want|like|enjoy|love|agreed)\b|\bboth (?:into|want)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:lo )?(?:hemos|habiamos) hablado\b|\blo hablamos\b|\bnos gusta\b|\ble gusta que\b|\blos dos queremos\b|\bqueremos probar\b",
        NEGATABLE,
    ),
]);

static KINK_CONTEXT: Lexicon = Lexicon::new(&[cue(
    r"\b(?:kink\w*|bdsm|role ?play\w*|cnc|rough sex|spank\w*|bondage|choking|tied up|dominat\w*|submissive|sub|dom|safe ?words?|aftercare|impact play|during sex|in bed|nalgadas|bondage|sexo duro|dominen|sumis\w*|palabra de seguridad)\b",
    0,
)]);

static PARTNER_CONTEXT: Lexicon = Lexicon::new(&[cue(
    r"\b(?:my|her|his) (?:ex|boyfriend|girlfriend|husband|wife|partner|bf|gf|fianc\w*|spouse|hubby)\b|\b(?:mi|su) (?:ex|novio|novia|marido|esposo|esposa|pareja|mujer|chico|chica|hombre|companer[oa])\b|\b(?:he|she|ella)\b|\b(?:argument|arguing|argue|fight|fighting|fought|discutimos|discutir|discusion|peleamos|pelea)\b",
    0,
)]);

static STEADY_PARTNER: Lexicon = Lexicon::new(&[cue(
    r"\bmy (?:boyfriend|girlfriend|husband|wife|partner|fianc\w*|bf|gf|hubby|spouse)\b|\b(?:mi|su) (?:novio|novia|marido|esposo|esposa|mujer|chico|chica)\b|\bmi pareja\b(?: de)?|\btogether (?:for )?\w+ (?:years?|months)\b|\bof \w+ years\b",
    0,
)]);

static CASUAL_PARTNER: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:anonymous|anon|random|some random)\b|\b(?:hook ?ups?|hooked up with|one[- ]night stand|tinder|grindr|bumble|hinge|scruff|(?:an|the|a dating|dating) app|sex worker|escort|prostitut\w*|stranger|random (?:guy|girl|man|woman|person)|on holiday|on vacation|casual (?:partner|sex))\b",
        0,
    ),
    cue(
        r"\bmet (?:a|this|some) (?:guy|man|girl|woman|person|lad|stranger)\b|\b(?:someone|somebody) i (?:just )?met\b|\bmet (?:him|her|them)?\s?(?:at|on|online|in|through)\b|\b(?:guy|man|girl|woman|person|people|someone|somebody) (?:that |who )?i (?:don'?t|didn'?t|do not|did not|barely) (?:really )?know\b|\bdon'?t (?:really )?know (?:him|her|them)\b",
        0,
    ),
    cue(
        r"\b(?:don'?t|do not|didn'?t|did not) know (?:his|her|their) (?:hiv )?status\b|\bno idea (?:about|of|what) (?:his|her|their) status\b|\bunknown status\b|\bstatus unknown\b",
        0,
    ),
    cue(
        r"\bdesconocid[oa]s?\b|\b(?:una|por una|de una|por) app\b|\bque conoci\b|\bno (?:lo|la) conocia\b|\bque no conocia\b|\bno se nada de (?:el|ella)\b|\bno se si tiene (?:vih|algo|alguna)\b|\bpareja ocasional\b|\bligue\b|\brollo de una noche\b|\btrabajador[a]? sexual\b|\ben una fiesta\b|\bat a party\b|\bmet online\b|\bmet (?:him|her) online\b",
        0,
    ),
]);

static PARTNER_HIV_POSITIVE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:hiv|vih)\s*(?:\+|positive|positivo|positiva|pos)|\btiene (?:vih|sida)\b|\bhas (?:hiv|aids)\b|\bhe'?s (?:hiv|poz)\b|\bshe'?s hiv\b",
    0,
)]);

static PARTNER_UNDETECTABLE: Lexicon = Lexicon::new(&[cue(
    r"\bundetectable\b|\bindetectable\b|\bu ?= ?u\b|\bi ?= ?i\b",
    0,
)]);

static PARTNER_DETECTABLE: Lexicon = Lexicon::new(&[cue(
    r"\bdetectable again\b|\bviral load is (?:high|detectable|up)\b|\b(?:not|isn'?t|hasn'?t been|never been|no longer) (?:on )?(?:treatment|meds|medication|arvs?|art)\b|\bno se medica\b|\bsin tratamiento\b|\bno (?:toma|sigue) (?:el )?tratamiento\b|\bdetectable\b",
    0,
)]);

static ON_PREP: Lexicon = Lexicon::new(&[cue(
    r"\b(?:on|taking|take|tomo|uso|con) (?:daily )?prep\b",
    NEGATABLE,
)]);

static MISSED_PREP: Lexicon = Lexicon::new(&[cue(
    r"\b(?:missed|skipped|forgot|stopped|ran out of)\b[^.!?]{0,30}\b(?:doses|prep|pills)\b|\b(?:olvide|deje|me salte)\b[^.!?]{0,20}\b(?:prep|dosis)\b",
    0,
)]);

static ASKER_MALE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|as) an? (?:(?:\d{1,2}[- ]?(?:years?|yrs?)[- ]?old|straight|gay|bi|cis|young|single|married) )?(?:guy|man|dude|boy|male|bloke)\b|\b(?:i'?m|im|i am) (?:a )?(?:guy|man|male) too\b|\bwe'?re both (?:guys|men|boys|dudes)\b|\bgay (?:man|guy)\b|\bsoy (?:un )?(?:hombre|chico|varon|chaval|chavo|gay)\b|\bsomos (?:dos )?(?:chicos|hombres)\b",
    0,
)]);

static ASKER_FEMALE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|as) an? (?:(?:\d{1,2}[- ]?(?:years?|yrs?)[- ]?old|straight|gay|bi|cis|young|single|married) )?(?:woman|girl|female|lady)\b|\bsoy (?:una )?(?:mujer|chica|chava)\b|\bmy (?:period|vagina|vulva|cycle)\b|\bmi (?:regla|periodo|vagina|vulva|ciclo)\b|\b(?:i'?m|im|i am) (?:not )?on (?:any |the )?(?:birth control|pill)\b|\b(?:i'?m|im|i am) (?:\d+ weeks )?pregnant\b|\bestoy embarazada\b",
    0,
)]);

static ASKER_TRANS_MASC: Lexicon = Lexicon::new(&[cue(
    r"\btrans (?:guy|man|boy|masc\w*)\b|\bon (?:t|testosterone)\b|\bftm\b|\b(?:hombre|chico) trans\b",
    0,
)]);

static PARTNER_MALE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:boyfriend|husband|bf|hubby|fiance)\b|\b(?:with|from|by|met|saw|and|to) (?:a|an|this|some|another) (?:guy|man|dude|boy)\b|\b(?:the|this|another|other|cis|older) (?:guy|man|dude|boy)\b|\ba (?:guy|man|dude|boy) (?:i|from|who|that|at|on)\b|\b(?:he|him|his)\b|\b(?:mi|un|el|otro|con) (?:novio|marido|esposo|chico|chavo|hombre|tio|senor|pibe|chaval)\b",
    0,
)]);

static PARTNER_FEMALE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:girlfriend|wife|gf|fiancee)\b|\b(?:with|from|by|met|saw|and|to) (?:a|an|this|some|another) (?:woman|girl|lady)\b|\b(?:the|this|another|other|cis) (?:woman|girl|lady)\b|\ba (?:woman|girl|lady) (?:i|from|who|that|at|on)\b|\b(?:she|her|hers)\b|\b(?:mi|una|la|otra|con) (?:novia|esposa|mujer|chica|chava|piba)\b",
    0,
)]);

static SAME_SEX_COUPLE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|soy) (?:a )?(?:gay|lesbian|lesbiana)\b|\bwe'?re both (?:guys|men|boys|women|girls)\b|\bsomos (?:dos )?(?:chicos|chicas|hombres|mujeres)\b",
    0,
)]);

static HIV_FOCUS: Lexicon = Lexicon::new(&[cue(r"\b(?:hiv|vih|prep|pep|sida|aids|status)\b", 0)]);

static PREGNANCY_CONCERN: Lexicon = Lexicon::new(&[cue(
    r"\bpregnan\w*|\bembaraz\w*|\bbirth control\b|\bcontracepti\w*|\banticoncepti\w*|\bmorning[- ]after\b|\bday[- ]after\b|\bdel dia despues\b|\bplan b\b|\bthe pill\b|\bla pastilla\b|\bla pildora\b|\bperiod\b|\bregla\b|\b(?:should|does|will|can|could|would) she (?:take|need|get)\b|\b(?:she'?s|she is) not on\b|\bnot on anything\b",
    0,
)]);

static TRYING_TO_CONCEIVE: Lexicon = Lexicon::new(&[cue(
    r"\btrying (?:for a (?:baby|child)|to (?:get pregnant|conceive|have a baby))\b|\bttc\b|\bbuscando (?:un bebe|un hijo|el embarazo|embarazo|quedar embarazada)\b|\bqueremos (?:un bebe|tener un hijo|quedar embarazad)\b|\bwe want a baby\b",
    NEGATABLE,
)]);

static TOOK_EMERGENCY_CONTRACEPTION: Lexicon = Lexicon::new(&[cue(
    r"\b(?:took|taken|take|had|got)\b[^.!?]{0,15}\b(?:morning[- ]after pill|plan b|emergency contracepti\w*|ellaone|ella)\b|\b(?:me tome|se tomo|tomamos|ya tome|tome) la (?:pastilla|pildora) del dia despues\b",
    NEGATABLE,
)]);

static PERIOD_ARRIVED: Lexicon = Lexicon::new(&[cue(
    r"\b(?:got|get) (?:my|her) period\b|\b(?:period|periods) (?:came|arrived|started|showed up)\b|\bme (?:bajo|vino|llego) la regla\b|\bya me bajo\b",
    NEGATABLE,
)]);

static RELIABLE_CONTRACEPTION: Lexicon = Lexicon::new(&[cue(
    r"\b(?:implant|implante|nexplanon|iud|diu|coil|mirena|vasectomy|vasectomia|ligadura|tubes tied|depo(?:[- ]provera)?)\b|\bnever miss (?:one|a pill|any)\b|\bsin (?:fallar|olvidar) ninguna\b",
    NEGATABLE,
)]);

static PILL_USER: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|she'?s|she is) on the pill\b|\b(?:tomo|toma|uso) (?:la )?(?:pildora|pastilla)(?: anticonceptiva)?\b",
    NEGATABLE,
)]);

static NO_CONTRACEPTION: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|she'?s|she is|we'?re|we are) not on (?:any |the |a )?(?:birth control|contraception|the pill|pill|anything|any contraception|hormonal\w*)\b|\bnot (?:using|on) any (?:birth control|contraception)\b|\bno birth control\b|\bwon'?t let me (?:get|use|take|have) (?:birth control|contraception|the pill)\b|\bflush(?:ed|es)? my pills\b|\bno (?:tomo|uso|usamos|tomamos|llevo) (?:la |las |ningun |ninguna |nada|anticonceptiv\w*|pastillas|pildoras|metodo)\w*|\bno (?:uso|usamos|tengo) ningun metodo\b|\bsin (?:metodo|anticonceptiv\w*)\b",
    0,
)]);

static PILL_CONTEXT: Lexicon = Lexicon::new(&[cue(
    r"\bpills?\b|\bpack\b|\bblister\b|\bring\b|\bpatch\b|\binjection\b|\bpastillas?\b|\bpildoras?\b|\banillo\b|\bparche\b|\bbirth control\b|\banticoncepti\w*",
    0,
)]);

static BENIGN_DIAGNOSIS: Lexicon = Lexicon::new(&[cue(
    r"\bpearly (?:penile|white)\b|\bfordyce\b|\b(?:doctor|gp|nurse|clinic) (?:said|says|told me)\b[^.!?]{0,40}\b(?:harmless|normal|nothing|benign|fine)\b|\bel (?:medico|doctor|ginecologo|ginecologa) (?:me )?dijo que\b[^.!?]{0,40}\b(?:normal|benign\w*|nada)\b",
    0,
)]);

// ---------------------------------------------------------------------------
// Reading cues in context
// ---------------------------------------------------------------------------

struct Reader<'m> {
    message: &'m Message<'m>,
    framing: &'m Framing,
}

struct Finding {
    category: Category,
    hits: Vec<Hit>,
}

impl Reader<'_> {
    fn findings(&self) -> Vec<Finding> {
        let assault = self.sexual_assault();
        let assault_found = !assault.is_empty();
        let candidates = [
            (Category::SexualAssault, assault),
            (Category::PartnerViolence, self.partner_violence()),
            (Category::SelfHarm, self.self_harm()),
            (Category::MedicalEmergency, self.medical_emergency()),
            (
                Category::EmergencyContraception,
                self.emergency_contraception(),
            ),
            (Category::HivExposure, self.hiv_exposure(assault_found)),
            (Category::StiSymptoms, self.sti_symptoms()),
            (Category::Minor, self.minor()),
        ];
        candidates
            .into_iter()
            .filter(|(_, hits)| !hits.is_empty())
            .map(|(category, hits)| Finding { category, hits })
            .collect()
    }

    /// The hits of a lexicon whose context lets them count.
    fn hits(&self, lexicon: &Lexicon) -> Vec<Hit> {
        self.message
            .raw_hits(lexicon)
            .into_iter()
            .filter(|(hit, guards)| self.context_allows(*hit, *guards))
            .map(|(hit, _)| hit)
            .collect()
    }

    fn context_allows(&self, hit: Hit, guards: Guards) -> bool {
        let message = self.message;
        if guards & NEGATABLE != 0 && message.is_negated(hit.anchor) {
            return false;
        }
        let dated = message.time_in_sentence(hit.anchor).is_some();
        if guards & HYPOTHETICAL != 0 && !dated && message.is_hypothetical(hit.anchor, false) {
            return false;
        }
        if guards & STRONGLY_HYPOTHETICAL != 0 && message.is_hypothetical(hit.anchor, true) {
            return false;
        }
        if guards & EDUCATIONAL != 0
            && (self.framing.educational || self.framing.nothing_happened)
            && !dated
        {
            return false;
        }
        if guards & KINK != 0 && self.framing.negotiated_kink {
            return false;
        }
        if guards & FIGURATIVE != 0 && self.is_figurative(hit) {
            return false;
        }
        true
    }

    /// "I'd rather die than…", "me quiero morir de vergüenza", or a joke.
    fn is_figurative(&self, hit: Hit) -> bool {
        let message = self.message;
        let (_, sentence_end) = message.sentence_of(hit.anchor);
        let after = message
            .text()
            .get(hit.end..sentence_end.max(hit.end))
            .unwrap_or_default();
        let after = after.get(..after.len().min(24)).unwrap_or(after);
        let hyperbole_follows = FIGURATIVE_AFTER
            .compiled()
            .iter()
            .any(|c| c.regex.is_match(after));
        let (start, end) = message.sentence_of(hit.anchor);
        let joking = message.mentions_in(&JOKING, start, end)
            || message
                .original_slice(start, end)
                .chars()
                .any(|c| matches!(c, '😂' | '🤣' | '😅' | '😆' | '🙃' | '😜'));
        hyperbole_follows || joking
    }

    /// Whether every hit lies more than a week back.
    fn all_long_ago(&self, hits: &[Hit]) -> bool {
        !hits.is_empty()
            && hits.iter().all(|hit| {
                self.message
                    .hours_since(hit.anchor)
                    .is_some_and(|h| h > HOURS_PER_WEEK)
            })
    }

    fn within(&self, hit: &Hit, hours: u32) -> bool {
        self.message
            .hours_since(hit.anchor)
            .is_none_or(|ago| ago <= hours)
    }

    // -- sexual assault ----------------------------------------------------

    fn sexual_assault(&self) -> Vec<Hit> {
        let mut hits = self.hits(&ASSAULT);
        hits.extend(self.hits(&STEALTHING));
        hits.extend(self.memory_gap_after_drinking());
        if let Some(age) = self.minor_self_age_hit() {
            if self.message.mentions(&ADULT_PERSON) && self.message.mentions(&SEXUAL_CONTACT) {
                hits.push(age);
            }
        }
        hits
    }

    /// "I woke up and don't remember": a memory gap with drink, drugs, a
    /// party or waking somewhere strange means the asker cannot know what
    /// happened, and clinicians treat that as possible assault.
    fn memory_gap_after_drinking(&self) -> Vec<Hit> {
        self.together(&MEMORY_GAP, &[&INTOXICATION])
    }

    // -- partner violence ----------------------------------------------------

    fn partner_violence(&self) -> Vec<Hit> {
        if !self.framing.partner_context {
            return Vec::new();
        }
        let mut hits = self.hits(&PARTNER_ABUSE);
        if self.framing.steady_partner {
            hits.extend(self.hits(&HABITUAL_SEXUAL_FORCE));
        }
        hits
    }

    // -- self-harm -----------------------------------------------------------

    fn self_harm(&self) -> Vec<Hit> {
        let mut hits = self.hits(&SELF_HARM);
        hits.extend(self.hits(&OVERDOSE));
        hits.retain(|hit| !self.is_past_and_over(hit));
        hits
    }

    /// "I used to cut years ago": a history, not a present risk, unless the
    /// asker says it is back ("again", "still").
    fn is_past_and_over(&self, hit: &Hit) -> bool {
        self.message.mentions_in_sentence(&PAST_HABIT, hit.anchor)
            && !self.message.mentions_in_sentence(&RECURRENCE, hit.anchor)
    }

    // -- medical emergency ---------------------------------------------------

    fn medical_emergency(&self) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .hits(&HEAVY_BLEEDING)
            .into_iter()
            .filter(|hit| !self.is_ordinary_period(hit))
            .collect();
        hits.extend(self.hits(&EMERGENCY_SIGNS));
        hits.extend(self.prolonged_erection());
        hits.extend(self.hits(&OVERDOSE));
        hits.extend(self.penile_fracture());
        hits.extend(self.possible_ectopic());
        hits.extend(self.retained_object());
        hits.extend(self.alarming_pain());
        hits.extend(self.pregnancy_complication());
        // Emergencies are about now: a bleed from last month is history.
        hits.retain(|hit| self.within(hit, HOURS_PER_WEEK));
        hits
    }

    /// The hits of `cues`, kept only when the question also mentions one of
    /// `companions`: signs that are alarming together, not alone.
    fn together(&self, cues: &Lexicon, companions: &[&Lexicon]) -> Vec<Hit> {
        let hits = self.hits(cues);
        if hits.is_empty() || !companions.iter().any(|c| self.message.mentions(c)) {
            return Vec::new();
        }
        hits
    }

    /// A crack or pop during sex, then swelling or bruising.
    fn penile_fracture(&self) -> Vec<Hit> {
        self.together(&FRACTURE_SOUND, &[&FRACTURE_SIGN])
    }

    /// One-sided pelvic pain with a late period, a positive test or
    /// fainting: ectopic pregnancy until proven otherwise.
    fn possible_ectopic(&self) -> Vec<Hit> {
        self.together(&ONE_SIDED_PELVIC_PAIN, &[&PREGNANCY_SIGN, &FAINTING])
    }

    /// Something stuck inside, with pain, fever or a rash (toxic shock).
    fn retained_object(&self) -> Vec<Hit> {
        self.together(&RETAINED_OBJECT, &[&PAIN_OR_FEVER])
    }

    /// Severe pain alone may be cramps; with fever, fainting, bleeding or a
    /// pregnancy it is an emergency (infection, injury, ectopic).
    fn alarming_pain(&self) -> Vec<Hit> {
        self.together(
            &SEVERE_PAIN,
            &[&FEVER, &FAINTING, &BLEEDING_OR_BLOOD, &PREGNANT_NOW],
        )
    }

    /// Bleeding in pregnancy (miscarriage, previa, ectopic), and fever after
    /// an abortion, miscarriage or birth (retained tissue or sepsis).
    fn pregnancy_complication(&self) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.message.mentions(&PREGNANT_NOW) {
            hits.extend(self.hits(&BLEEDING));
        }
        hits.extend(self.together(&PREGNANCY_ENDED, &[&FEVER]));
        hits
    }

    /// Heavy flow during a period is a question for a GP, not an emergency,
    /// unless it soaks a pad an hour or comes with fainting.
    fn is_ordinary_period(&self, hit: &Hit) -> bool {
        let message = self.message;
        message.mentions_in_sentence(&PERIOD_WORD, hit.anchor)
            && !message.mentions_in_sentence(&ALARMING_FLOW, hit.anchor)
    }

    /// Priapism: an erection lasting four hours or more.
    fn prolonged_erection(&self) -> Vec<Hit> {
        const PRIAPISM_HOURS: u32 = 4;
        let Some(re) = prolonged_erection_pattern() else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for caps in re.captures_iter(self.message.text()) {
            let Some(whole) = caps.get(0) else { continue };
            let hours = caps
                .name("n")
                .or_else(|| caps.name("m"))
                .and_then(|n| number_word(n.as_str()))
                .unwrap_or(0);
            let hit = Hit {
                start: whole.start(),
                end: whole.end(),
                anchor: whole.start(),
            };
            if hours >= PRIAPISM_HOURS
                && self.context_allows(hit, NEGATABLE | HYPOTHETICAL | EDUCATIONAL)
            {
                hits.push(hit);
            }
        }
        hits
    }

    // -- emergency contraception --------------------------------------------

    /// Unprotected sex or a failed method within 120 hours (ulipristal and
    /// the copper IUD reach five days), for someone who could get pregnant
    /// and is not otherwise covered.
    fn emergency_contraception(&self) -> Vec<Hit> {
        const WINDOW_HOURS: u32 = 5 * HOURS_PER_DAY;
        let framing = self.framing;
        if framing.trying_to_conceive
            || framing.took_emergency_contraception
            || framing.period_arrived
            || !framing.pregnancy_possible()
        {
            return Vec::new();
        }
        let pill_failures: Vec<Hit> = if framing.pill_context {
            self.hits(&PILL_FAILURE)
        } else {
            Vec::new()
        };
        let covered = (framing.reliable_contraception || framing.pill_user)
            && !framing.no_contraception
            && pill_failures.is_empty();
        if covered {
            return Vec::new();
        }
        let mut exposures = self.hits(&CONDOM_FAILURE);
        exposures.extend(self.hits(&UNPROTECTED_SEX));
        exposures.extend(self.hits(&STEALTHING));
        exposures.extend(self.dated_withdrawal());
        let mut hits: Vec<Hit> = exposures
            .into_iter()
            .filter(|hit| self.within(hit, WINDOW_HOURS) && !self.is_anal_only(hit))
            .collect();
        // A missed pill or an absent method matters through the sex that
        // followed it, so the sex sets the clock.
        if !pill_failures.is_empty() || framing.no_contraception {
            let recent_sex: Vec<Hit> = self
                .hits(&SEX_EVENT)
                .into_iter()
                .filter(|hit| self.within(hit, WINDOW_HOURS))
                .collect();
            if !recent_sex.is_empty() {
                hits.extend(pill_failures);
                hits.extend(recent_sex);
            }
        }
        hits
    }

    fn dated_withdrawal(&self) -> Vec<Hit> {
        let message = self.message;
        self.hits(&WITHDRAWAL)
            .into_iter()
            .filter(|hit| {
                message.time_in_sentence(hit.anchor).is_some()
                    && !message.mentions_in_sentence(&CONDOM_USED, hit.anchor)
            })
            .collect()
    }

    /// Anal sex alone carries no pregnancy risk, so no emergency
    /// contraception, though it is the highest-risk route for HIV.
    fn is_anal_only(&self, hit: &Hit) -> bool {
        self.message.mentions_in_sentence(&ANAL_SEX, hit.anchor) && !self.framing.vaginal_sex
    }

    // -- HIV exposure --------------------------------------------------------

    /// A condomless or failed-condom exposure, shared needles, or a request
    /// for PEP, within 72 hours, with a partner whose status is unknown or
    /// positive and not suppressed. An assailant's status is unknown unless
    /// the assailant is a steady partner.
    fn hiv_exposure(&self, assault_found: bool) -> Vec<Hit> {
        const PEP_WINDOW_HOURS: u32 = 72;
        let framing = self.framing;
        if framing.on_prep && !framing.missed_prep {
            return Vec::new();
        }
        let assailant_unknown = assault_found && !framing.steady_partner;
        let mut exposures = Vec::new();
        if framing.partner_status_at_risk() || assailant_unknown {
            exposures.extend(self.hits(&CONDOM_FAILURE));
            exposures.extend(self.hits(&UNPROTECTED_SEX));
            exposures.extend(self.hits(&STEALTHING));
            exposures.extend(self.dated_withdrawal());
        }
        exposures.extend(self.hits(&SHARED_NEEDLES));
        exposures.extend(self.hits(&PEP_REQUEST));
        exposures
            .into_iter()
            .filter(|hit| self.within(hit, PEP_WINDOW_HOURS))
            .collect()
    }

    // -- STI symptoms --------------------------------------------------------

    fn sti_symptoms(&self) -> Vec<Hit> {
        let message = self.message;
        let mut hits = self.hits(&PAINFUL_URINATION);
        hits.extend(self.abnormal_discharge());
        if !self.framing.benign_diagnosis {
            hits.extend(
                self.hits(&GENITAL_LESION)
                    .into_iter()
                    .filter(|hit| self.on_genitals(hit)),
            );
        }
        hits.extend(
            self.hits(&GENITAL_ITCH)
                .into_iter()
                .filter(|hit| self.on_genitals(hit)),
        );
        hits.extend(self.hits(&UNEXPECTED_BLEEDING));
        // Pelvic pain with fever, or new pain during sex with a new partner:
        // pelvic inflammatory disease.
        hits.extend(self.together(&PELVIC_PAIN, &[&FEVER]));
        hits.extend(self.together(&PAINFUL_SEX, &[&NEW_PARTNER]));
        // Symptoms that cleared up months ago are history.
        hits.retain(|hit| {
            message
                .time_in_sentence(hit.anchor)
                .is_none_or(|h| h <= 2 * HOURS_PER_MONTH)
                || message.mentions_in_sentence(&RECURRENCE, hit.anchor)
        });
        hits
    }

    /// Whether the sentence places a sore or an itch on the genitals (and
    /// not "nowhere near my genitals").
    fn on_genitals(&self, hit: &Hit) -> bool {
        let message = self.message;
        let (start, end) = message.sentence_of(hit.anchor);
        let Some(sentence) = message.text().get(start..end) else {
            return false;
        };
        GENITAL_PLACE.compiled().iter().any(|cue| {
            cue.regex
                .find_iter(sentence)
                .any(|m| !message.is_negated(start + m.start()))
        })
    }

    /// Discharge is a symptom when it is described as abnormal (colour,
    /// smell, from the penis) and not as the clear, stretchy discharge of
    /// ovulation.
    fn abnormal_discharge(&self) -> Vec<Hit> {
        let message = self.message;
        self.hits(&DISCHARGE)
            .into_iter()
            .filter(|hit| {
                let (start, end) = message.sentence_of(hit.anchor);
                let abnormal = ABNORMAL_DISCHARGE.compiled().iter().any(|cue| {
                    message
                        .text()
                        .get(start..end)
                        .into_iter()
                        .flat_map(|s| cue.regex.find_iter(s))
                        .any(|m| !message.is_negated(start + m.start()))
                });
                abnormal && !message.mentions_in(&NORMAL_DISCHARGE, start, end)
            })
            .collect()
    }

    // -- minor ---------------------------------------------------------------

    /// The asker says they are under 16, or a child under 16 is being
    /// pursued by an adult (secrets, pictures, gifts, meeting alone).
    fn minor(&self) -> Vec<Hit> {
        let message = self.message;
        if let Some(hit) = self.minor_self_age_hit() {
            return vec![hit];
        }
        let children: Vec<Hit> = self
            .ages(&CHILD_AGE)
            .into_iter()
            .filter(|(_, age)| *age < 16)
            .map(|(hit, _)| hit)
            .collect();
        let adult_present = message.mentions(&ADULT_PERSON)
            || self.ages(&ADULT_AGE).iter().any(|(_, age)| *age >= 18);
        if !children.is_empty() && adult_present && message.mentions(&GROOMING) {
            return children;
        }
        Vec::new()
    }

    /// The asker's own stated age when it is under 16 and no older present
    /// age contradicts it.
    fn minor_self_age_hit(&self) -> Option<Hit> {
        let ages = self.ages(&SELF_AGE);
        if ages.iter().any(|(_, age)| *age >= 16) {
            return None;
        }
        ages.into_iter()
            .find(|(_, age)| (8..16).contains(age))
            .map(|(hit, _)| hit)
    }

    /// Matches of an age lexicon with the age read from group `n` and the
    /// match rejected when a unit follows ("I'm 15 minutes late").
    fn ages(&self, lexicon: &Lexicon) -> Vec<(Hit, u32)> {
        let text = self.message.text();
        let mut ages = Vec::new();
        for cue in lexicon.compiled() {
            for caps in cue.regex.captures_iter(text) {
                let number = caps
                    .name("n")
                    .or_else(|| caps.name("n2"))
                    .or_else(|| caps.name("n3"));
                let (Some(whole), Some(n)) = (caps.get(0), number) else {
                    continue;
                };
                let Some(age) = number_word(n.as_str()) else {
                    continue;
                };
                let rest = text.get(whole.end()..).unwrap_or_default();
                if NOT_AN_AGE.compiled().iter().any(|c| c.regex.is_match(rest)) {
                    continue;
                }
                ages.push((
                    Hit {
                        start: whole.start(),
                        end: whole.end(),
                        anchor: whole.start(),
                    },
                    age,
                ));
            }
        }
        ages
    }
}

fn prolonged_erection_pattern() -> Option<&'static Regex> {
    static PATTERN: OnceLock<Option<Regex>> = OnceLock::new();
    PATTERN
        .get_or_init(|| {
            Regex::new(concat!(
                r"\b(?:erection|erect|hard[- ]on|boner|ereccion|erecto)\b[^.!?]{0,60}?\b(?P<n>\d{1,2}|four|five|six|seven|eight|nine|ten|twelve|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)(?:\.\d| and a half| y media)? (?:hours|hrs|horas)\b",
                r"|\b(?P<m>\d{1,2}|four|five|six|seven|eight|nine|ten|twelve|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)(?:\.\d| and a half| y media)? (?:hours|hrs|horas)\b[^.!?]{0,40}?\b(?:erection|erect|hard|ereccion|erecto|dura)\b",
            ))
            .ok()
        })
        .as_ref()
}

// ---------------------------------------------------------------------------
// Cue lexicons, by category
// ---------------------------------------------------------------------------

// Sexual assault: named acts, sex that went on after a no, force, sex
// without the capacity to consent, coercion, abuse by a relative or a person
// in authority, groping.
static ASSAULT: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:raped?|raping|rapist|violad[ao]|violacion|violaron|violo|me violo)\b",
        NEGATABLE | EDUCATIONAL | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\bsexual(?:ly)? (?:assault(?:ed)?|abused?|harass(?:ed|ment)?)\b|\b(?:the|an|sexual) assault\b|\bassault(?:ed)? me\b|\bcounts? as (?:sexual )?assault\b|\b(?:is|was) (?:it|that|this) (?:sexual )?assault\b|\bmolest(?:ed|ing|s)?\b|\bgrop(?:ed|ing|e)\b",
        NEGATABLE | EDUCATIONAL | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\babus\w* de mi\b|\babuso sexual\b|\babusaron de mi\b|\bme (?:ha |han )?abusado\b|\bagresion sexual\b|\bme agredio sexualmente\b|\bme manose\w*|\btocamientos\b",
        NEGATABLE | EDUCATIONAL,
    ),
    // Going on after a no.
    cue(
        r"\b(?:didn'?t|did not|wouldn'?t|would not|won'?t|doesn'?t|refused to) (?:stop|listen|care)\b[^.!?]{0,40}\b(?:said|told|say|saying|asked|begged)\b",
        KINK | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\b(?:kept|keeps|carried|continued|went) (?:going|on)\b[^.!?]{0,50}\b(?:said no|saying (?:no|stop)|told (?:him|her|them) (?:to )?(?:stop|no)|to stop|asked (?:him|her|them) to stop|begged|crying|cried)",
        KINK | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\b(?:even though|although|though|despite|even when|even after|even as) (?:i|me) (?:said|saying|told (?:him|her|them)|kept saying|asked (?:him|her|them)|was crying|cried) ?(?:no|to stop|stop|i (?:didn'?t|did not|don'?t) want|i (?:wasn'?t|was not) ready)?",
        KINK | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\b(?:said|say|saying|told (?:him|her|them)|tell (?:him|her|them)) (?:no|to stop|stop|i (?:wasn'?t|was not|am not|'m not|m not) ready|i (?:didn'?t|don'?t|did not) want (?:it|to))\b[^.!?]{0,80}\b(?:anyway|anyways|kept going|didn'?t (?:stop|care|listen)|did not (?:stop|care)|ignored|continued|carried on|let it happen|give in|gave in|held|pinned|forced)\b",
        KINK | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\b(?:wouldn'?t|won'?t|didn'?t|did not|would not|doesn'?t) take no for an answer\b|\bno (?:aceptaba|acepto|acepta) un no\b",
        KINK,
    ),
    cue(
        r"\b(?:touched|touches|touching|kissed|kisses|kissing|grabbed|groped)\b[^!?]{0,80}\b(?:didn'?t|did not|don'?t) want (?:him|her|them) to\s*(?:[.!?,;]|$)",
        NEGATABLE | KINK,
    ),
    cue(
        r"\bsaid yes to \w+(?: \w+)? but not\b[^.!?]{0,60}\b(?:didn'?t care|anyway|did it|kept going)\b",
        0,
    ),
    cue(
        r"\b(?:push(?:ed|ing)?|shov(?:ed|ing)|pull(?:ed|ing)?) (?:his|her|their|him|them) (?:hands? |arms? )?(?:away|off)\b[^.!?]{0,40}\b(?:kept going|didn'?t stop|continued|carried on|kept (?:doing|choking|touching|going))\b",
        0,
    ),
    cue(
        r"\b(?:kept|keeps|keep) (?:asking|pushing|begging|pressuring|pestering|nagging|insisting)\b[^.!?]{0,40}\buntil i (?:give|gave|say|said) (?:in|yes)\b|\bpressur(?:ed|es|ing) me into\b|\bguilt(?:ed|s)? me into\b",
        0,
    ),
    cue(
        r"\bi (?:just )?froze\b[^.!?]{0,80}\b(?:didn'?t want|did not want|crying|couldn'?t move|couldn'?t say|didn'?t say)\b|\b(?:didn'?t|did not) want (?:it|to)\b[^.!?]{0,60}\b(?:crying|froze|anyway)\b",
        KINK,
    ),
    cue(
        r"\ble dije que (?:no|parara|pare|basta|no queria)\b[^.!?]{0,60}\b(?:siguio|igual|de todas formas|aun asi|no paro|no le importo|lo hizo|continuo)\b|\baunque (?:le )?(?:dije|decia|diga|dijera) que no\b|\bsin mi consentimiento\b|\bsin que yo quisiera\b|\bno queria y (?:siguio|lo hizo)\b|\bme quede (?:paralizada|paralizado|congelada|congelado|helada|bloqueada)\b",
        KINK,
    ),
    // Force and incapacity.
    cue(
        r"\bforc(?:es|ed|ing) me\b|\bforced (?:himself|herself)\b|\bmade me (?:have sex|do it|touch|give|suck|perform|go down)\b|\bheld (?:me|my (?:wrists|arms|hands|legs)) down\b|\bpinned me\b|\bdid it anyway\b|\bhad sex with me (?:when|while|after) i (?:was|wasn'?t|fell)\b",
        NEGATABLE | KINK,
    ),
    cue(
        r"\b(?:when|while) i was (?:asleep|sleeping|passed out|unconscious|blacked out|too drunk|out of it|high)\b|\bi was (?:asleep|sleeping|passed out|unconscious) when\b|\btoo drunk to (?:stand|consent|say no|move|walk|remember|know)\b|\bwoke up (?:to|with) (?:him|her|them|someone) (?:on|inside|touching|having)\b",
        NEGATABLE,
    ),
    cue(
        r"\bme (?:obliga|obligaba|obligo|obligan|forzo|forzaba|fuerza) a\b|\ba la fuerza\b|\bme forzo\b|\bestaba (?:dormida|dormido|inconsciente|borracha|borracho)\b[^.!?]{0,40}\b(?:sexo|relaciones|lo hizo|me penetro|me toco|empezo)\b",
        NEGATABLE | KINK,
    ),
    // Drink spiking.
    cue(
        r"\b(?:drugged|spiked|roofied)\b|\bput something in my drink\b|\bme (?:echaron|pusieron|metieron|echo|puso) algo en (?:la|mi) (?:bebida|copa|vaso)\b|\bburundanga\b",
        NEGATABLE,
    ),
    // Abuse by a relative or someone in authority.
    cue(
        r"\b(?:(?:friend'?s|mom'?s|mum'?s|mother'?s) (?:dad|father|brother|uncle|boyfriend|partner|husband)|(?:novio|pareja|marido) de mi (?:madre|mama)|stepbrother|stepdad|step-dad|stepfather|dad|father|uncle|cousin|brother|grandpa|grandfather|teacher|coach|priest|neighbou?r|babysitter|boss|manager|instructor|tutor|tio|primo|padrastro|abuelo|profe|profesor|entrenador|vecino|hermano|jefe|cura|monitor)\b[^.!?]{0,80}?\b(?:touch(?:es|ed)? me|touching me|touch(?:es|ed|ing)? my (?:chest|breasts?|boobs|butt|bum|ass|crotch|privates?|penis|vagina|thighs?|legs?)|did things to me|does things to me|made me|abus\w*|molest\w*|me toc\w*|me (?:ha|habia) tocado|tocaba|me hacia cosas)",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\btouch(?:ed|es|ing)? me without\b|\bwithout my consent\b|\bme toc\w* sin (?:permiso|querer|mi)\b|\b'sin querer'",
        0,
    ),
    cue(
        r"\bwouldn'?t let me (?:out|leave|go)\b[^.!?]{0,50}\buntil i\b|\bno me dejo (?:salir|irme)\b[^.!?]{0,40}\bhasta que\b",
        0,
    ),
    cue(
        r"\bhands? (?:up|under|down|in|inside) my (?:skirt|dress|shirt|top|pants|trousers|underwear|knickers|shorts)\b|\bgrabbed my (?:breasts?|boobs|chest|butt|ass|bum|crotch|dick|penis|vagina)\b|\bme (?:toco|agarro|manoseo) (?:el culo|los pechos|las tetas|la entrepierna|el trasero)\b|\bme (?:metio|metieron|mete|metia) (?:la )?mano\b",
        NEGATABLE,
    ),
    // Sex demanded as the price of a job, a grade or a ride.
    cue(
        r"\bif i (?:didn'?t|did not|don'?t|wouldn'?t) (?:sleep with|have sex with|do (?:it|stuff) with|go to bed with) (?:him|her|them)\b|\bsi no me (?:acuesto|acostaba) con (?:el|ella)\b",
        0,
    ),
    cue(
        r"\bno se si me (?:paso|hicieron|hizo) algo\b|\b(?:don'?t|do not) know (?:if|what) (?:something|anything|he|they) (?:happened|did)\b",
        0,
    ),
]);

/// Removing a condom without consent ("stealthing") is sexual assault and
/// an exposure in its own right.
static STEALTHING: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:took|taken|takes|removed|pulled|slipped) (?:the|his|her) condom off\b[^.!?]{0,30}\b(?:without|secretly|on purpose|halfway|didn'?t|did not)\b|\b(?:took|removed|pulled) off (?:the|his) condom\b[^.!?]{0,30}\b(?:without|secretly|on purpose|halfway)\b|\bstealthed (?:me|her)\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\bse (?:quito|saco|retiro) el (?:condon|preservativo|forro)\b[^.!?]{0,40}\b(?:sin (?:decirme|avisar|preguntar|que me diera cuenta|permiso)|a escondidas|a proposito|aposta|a mitad)\b|\bsin (?:decirme|avisar(?:me)?)\b[^.!?]{0,20}\bse quito el (?:condon|preservativo)\b",
        NEGATABLE | EDUCATIONAL,
    ),
]);

static MEMORY_GAP: Lexicon = Lexicon::new(&[cue(
    r"\b(?:don'?t|do not|can'?t|cannot|couldn'?t) (?:really |even |fully |properly )?remember\b|\bno (?:recuerdo|me acuerdo)\b|\bsin (?:recordar|acordarme)\b|\bsin saber como\b|\bblack(?:ed)? ?out\b|\blaguna mental\b|\bno recuerdo nada\b",
    0,
)]);

static INTOXICATION: Lexicon = Lexicon::new(&[cue(
    r"\bdrinks?\b|\bdrunk\b|\bdrank\b|\bparty\b|\bwoke up\b|\bwake up\b|\bbar\b|\bclub\b|\bbebida\b|\bcopas?\b|\bfiesta\b|\bdesperte\b|\bdiscoteca\b|\bborrach\w*|\bdrugg\w*|\bspiked\b|\bbebi\b",
    0,
)]);

static SEXUAL_CONTACT: Lexicon = Lexicon::new(&[cue(
    r"\bhad sex\b|\bsex with me\b|\bslept with\b|\btouch(?:ed|es|ing)? me\b|\bmade me\b|\bdid (?:it|stuff|things)\b|\btuvimos (?:relaciones|sexo)\b|\btuvo (?:relaciones|sexo) conmigo\b|\bme toc\w*|\blo hicimos\b|\bme acoste\b",
    0,
)]);

static ADULT_PERSON: Lexicon = Lexicon::new(&[cue(
    r"\b(?:adult|grown (?:man|woman)|older (?:man|guy|woman)|coach|teacher|tutor|instructor|trainer|priest|adulto|adulta|senor|hombre mayor|entrenador|profesor|profe)\b|\b(?:1[89]|[2-9]\d)[- ]?(?:years?|yrs?)[- ]?old (?:man|guy|woman)\b|\bman (?:i met|from)\b",
    0,
)]);

// Partner violence: physical violence, strangulation, intimidation,
// surveillance and isolation, economic control, threats, image-based abuse,
// reproductive coercion. Only counted when a partner is in the picture.
static PARTNER_ABUSE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:he|she|they|(?:my )?(?:boyfriend|girlfriend|husband|wife|partner|ex|bf|gf))\s+(?:\w+\s+){0,2}?(?P<a>hit|hits|hitting|slap(?:s|ped)?|punch(?:es|ed)?|kick(?:s|ed)?|shov(?:es|ed)|push(?:es|ed)|beat(?:s)?|chok(?:es|ed)|strangl(?:es|ed)|smack(?:s|ed)?|threw|throws|grabbed me by|grabs me by|bit|bites)\b[^.!?]{0,30}?\b(?:me|at me|my)\b",
        NEGATABLE | KINK,
    ),
    cue(
        r"\bme (?P<a>pega|pego|pegaba|pegan|golpea|golpeo|golpeaba|empuja|empujo|empujaba|patea|pateo|abofetea|abofeteo|cachetea|ahorca|ahorco|ahorcaba|estrangula|zarandea|arrastra|tira del pelo|jala del pelo|agarra del cuello|agarro del cuello|agarraba del cuello|da (?:golpes|bofetadas|patadas)|dio una (?:bofetada|cachetada|patada|paliza)|dejo un moreton)\b",
        NEGATABLE | KINK,
    ),
    cue(
        r"\bhands? (?:around|on|round) my (?:neck|throat)\b|\bchok(?:ed|ing|es) me\b|\bstrangl(?:ed|ing|es) me\b",
        NEGATABLE | KINK,
    ),
    cue(
        r"\bpunch(?:es|ed)? (?:the|a) (?:wall|door)\b|\b(?:throws|threw|smashes|smashed|breaks|broke) (?:things|stuff|plates|my (?:phone|things|stuff))\b|\brompe (?:cosas|todo|platos)\b|\b(?:afraid|scared|terrified) of (?:him|her|my (?:partner|husband|wife|boyfriend|girlfriend))\b|\bwalk(?:ing)? on eggshells\b|\b(?:don'?t|stopped) fight(?:ing)? back\b|\bmakes? him worse\b|\bmiedo (?:a|de) (?:el|mi (?:novio|marido|pareja|esposo))\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?P<a>checks|check|checked|checking|goes through|went through|reads|read|monitors|monitoring|looks through|looked through|snoops? (?:on|through)) (?:all )?my (?:phone|messages|texts|dms|emails?|whatsapp|chats)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?P<a>tracks|tracking|tracked|follows) (?:my )?(?:location|phone|car)\b|\btracks me\b|\bme tiene (?:localizad[ao]|controlad[ao]|vigilad[ao])\b|\b(?:por|con) (?:el )?gps\b|\bme (?P<b>revisa|revisaba|mira|checa|controla|vigila) (?:el|mi) (?:movil|celular|telefono|whatsapp|cel)\b|\bme controla\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:won'?t|wont|doesn'?t|doesnt|does not|will not|didn'?t|never) lets? me (?:see|go|work|talk|have|get|leave|visit|wear|use|out|study|drive|keep)\b|\bno me (?:deja|dejaba|permite) (?:trabajar|salir|ver|tener|hablar|usar|ir|vestir|estudiar|tomar|conducir|manejar)\b",
        0,
    ),
    cue(
        r"\b(?P<a>controls?|controlling) (?:all )?(?:the |my |our )?(?:money|finances|bank|cards?|spending|what i (?:wear|eat|spend)|who i (?:see|talk|text)|everything)\b|\bask (?:him|her) (?:for|before) (?:money|bus fare|permission)\b|\b(?:maneja|controla) (?:toda )?(?:la|mi) (?:plata|dinero|tarjeta|sueldo)\b|\bme (?:quita|controla) (?:el|mi) (?:dinero|sueldo|plata)\b|\b(?:takes|took|keeps|kept) (?:all )?(?:of )?my (?:paycheck|pay|wages|salary|money|earnings|bank card|cards)\b|\bgives me an allowance\b",
        NEGATABLE,
    ),
    cue(
        r"\bme (?:prohibe|prohibia|prohibio) (?:ver|salir|hablar|trabajar|ir|usar|vestir|tener|estudiar)\b|\bforbids? me (?:to|from)\b|\b(?:not|isn'?t) allowed to (?:see|go out|talk|work|have friends|leave)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?P<a>tells|told|decides|tell) (?:me )?who i (?:can|am allowed to|'?m allowed to|m allowed to) (?:see|talk|text|be friends|hang)\b|\bme (?P<b>dice|decia) con quien (?:puedo|salir|hablar|ir)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:angry|mad|furious|upset|jealous|violent) (?:if|when|whenever) i (?:text|talk|see|go out|message|hang)\b|\bdeleted (?:all )?(?:of )?my (?:\w+ )?(?:contacts|friends|numbers)\b|\bwants? (?:all )?(?:my |the )?passwords?\b|\bisolat(?:es|ed|ing) me\b|\bme llena el (?:movil|celular|telefono) de (?:llamadas|mensajes)\b",
        NEGATABLE,
    ),
    cue(
        r"\bflush(?:ed|es)? my (?:pills|birth control)\b|\b(?:won'?t|doesn'?t) let me (?:get|use|take) (?:birth control|contraception|the pill)\b|\bwants me pregnant\b|\bhid(?:es)? my pills\b|\bme (?:escondio|tiro|tira) (?:las|mis) pastillas\b|\bpoked holes\b",
        NEGATABLE,
    ),
    cue(
        r"\bthreat(?:en|ens|ened|ening)\b|\bamenaz\w*",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\bif i (?:ever )?(?:leave|left|don'?t come back|break up|go)\b[^.!?]{0,40}\b(?:he'?ll|she'?ll|he will|she will|he would|she would|kill|hurt)\b|\bsi (?:lo|la|le) dejo\b[^.!?]{0,20}\bme (?:mata|matara|va a matar)\b|\bsi no vuelvo\b",
        0,
    ),
    cue(
        r"\b(?:he'?ll|she'?ll|he will|she will|would|going to|gonna|threat\w*|says he|said he|says she|said she|va a|amenaz\w*)\b[^.!?]{0,30}\b(?:send|post|upload|share|leak|show|publish|mandar|enviar|publicar|subir|difundir|ensenar)\b[^.!?]{0,30}\b(?:nudes|nude|photos|pictures|pics|videos?|fotos|it)\b",
        0,
    ),
    cue(
        r"\bfilmed (?:us|me)\b[^.!?]{0,40}\bwithout (?:asking|consent|my|permission|telling)\b|\bme grabo sin (?:permiso|que yo supiera|mi consentimiento)\b",
        0,
    ),
    cue(
        r"\bmake sure (?:nobody|no one|no-one)\b|\b(?:he'?ll|she'?ll|he will|she will|he would|she would|threatened to|says he'?d|said he'?d|says she'?d|said she'?d) (?:kill|hurt) me\b|\b(?:keeps|has|owns|got) a (?:gun|knife|weapon)\b|\btiene (?:un arma|una pistola|un cuchillo)\b|\bend up on the street\b|\btake the kids\b|\bquitarme a los ninos\b|\bme (?:dijo|dice) que me va a matar\b",
        0,
    ),
]);

/// Sex forced on someone again and again by a partner is partner violence
/// as well as assault.
static HABITUAL_SEXUAL_FORCE: Lexicon = Lexicon::new(&[cue(
    r"\bforc(?:es|ed|ing) me\b|\bme (?:obliga|obligaba|fuerza|forzaba) a\b",
    NEGATABLE | KINK,
)]);

// Self-harm: suicidal thoughts (active or passive), plans, self-injury.
static SELF_HARM: Lexicon = Lexicon::new(&[
    cue(
        r"\bkill(?:ing)? myself\b|\bkms\b|\bsuicidal\b|\b(?:commit(?:ting)?|attempt(?:ed|ing)?|consider(?:ing|ed)?|think(?:ing)? (?:about|of)|thought (?:about|of)|thoughts of|plan(?:ning)?) suicide\b|\bsuicide (?:plan|note|attempt)\b|\bend(?:ing)? (?:it all|my life|my own life|everything)\b|\btake my (?:own )?life\b|\bways to (?:die|kill)\b",
        NEGATABLE | FIGURATIVE,
    ),
    // "End it", but not "end it with him" (a break-up).
    cue(
        r"\b(?:ways|want|wanna|going|planning|plan|thinking about how|think about how|ready) to end it\b(?:\s*$|\s*[^\sw]|\s+w(?:[^i]|i[^t]|it[^h]))",
        NEGATABLE,
    ),
    cue(
        r"\b(?:better|happier|easier)\b[^.!?]{0,30}\b(?:if i (?:just )?(?:was|were|wasn'?t|weren'?t|didn'?t) (?:gone|here|around|alive|dead|exist)|without me)\b|\b(?:what'?s|whats|what is) the point (?:of|in) (?:living|life|going on|being alive)\b|\bcan'?t (?:keep going|go on) (?:like this|anymore)\b",
        FIGURATIVE,
    ),
    cue(
        r"\boverdos(?:e|ing)\b|\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning) myself (?:on purpose|deliberately|intentionally)\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\bunalive\w*|\bsewerslide\b|\b(?:goodbye|suicide|farewell) (?:letter|note|message)s?\b|\bcarta de despedida\b|\bgiving away (?:all )?my (?:stuff|things|belongings)\b|\bwon'?t be (?:a (?:problem|burden)|around|here)\b[^.!?]{0,25}\blonger\b|\bnot be around (?:much )?longer\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\b(?:saving|stockpil\w*|hoarding|collecting) (?:up )?(?:my |the )?(?:pills|tablets|meds|painkillers)\b|\bjump (?:off|from|in front of) (?:a |the |my )?(?:bridge|building|roof|train|balcony|cliff|window)\b|\bin front of a (?:train|bus|car|truck)\b|\bhang myself\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:want|wanna|wish|wishing|going|ready|deserve|rather|better|hope|hoping) (?:to |i could |i was |i were |i'?d |i'?m )?(?:just )?(?:die|dead|be dead|not be here|not exist|disappear|not be alive)\b",
        NEGATABLE | FIGURATIVE,
    ),
    cue(
        r"\b(?:don'?t|dont|do not) (?:want|wanna) to (?:live|be alive|be here|exist|wake up)(?: anymore)?\b|\b(?:no|don'?t|dont|can'?t) see (?:the|any) point (?:of|in) (?:living|life|going on|being alive)\b|\bno point (?:in )?living\b|\btired of (?:living|life|being alive)\b|\bcan'?t go on\b|\bbetter off (?:without me|if i (?:was|were)n'?t|dead)\b",
        FIGURATIVE,
    ),
    cue(
        r"\b(?:think|thinking|thought|wish|wishing|hope|hoping|want|wanting|rather|pray|praying|about)\b[^.!?]{0,30}\b(?:not|never|won'?t|wont|don'?t|do not) (?:\w+ )?(?:wake|waking) up\b",
        0,
    ),
    cue(
        r"\b(?:googl\w*|search\w*|look\w* up|research\w*|read(?:ing)? about)\b[^.!?]{0,30}\b(?:how many (?:pills|tablets)|how to (?:die|kill myself|overdose)|painless ways|ways to die|lethal dose)\b|\bhow many (?:pills|tablets) (?:it takes|to die|would kill)\b|\blethal dose\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\b(?:want|wanna|going|urge|urges|think|thinking|thought|started|keep|kept|tempted|been) (?:\w+ ){0,3}?(?:to )?(?:cut|cutting|burn|burning|hurt|hurting|harm|harming) myself\b|\b(?:cut|cutting|burned|burning|burn) myself\b|\bcut (?:my|his|her) (?:wrists?|arms?|thighs?|legs?|skin)\b|\b(?:razor|blade|knife)\b[^.!?]{0,20}\b(?:my )?(?:arms?|wrists?|thighs?|legs?|skin)\b|\b(?:scratch|scratching|scratched|pick|picking|punch|punching|hit|hitting|bite|biting|cut|cutting|burn|burning)\b[^.!?]{0,25}\b(?:until|till|so) (?:i|it|they) bleeds?\b|\buntil i bleed\b|\b(?:burn|burning|burnt|burned) (?:my|myself)\b[^.!?]{0,30}\b(?:lighter|cigarettes?|matches)\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\b(?:i|i'?ve been|i'?m|been|started|keep|still|again)\b[^.!?]{0,15}\bself[- ]?(?:harm|injur)\w*|\bself[- ]?(?:harm|injur)\w* (?:again|urges?)\b|\bmy self[- ]?(?:harm|injur)\w*|\bautolesi\w*",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\b(?:swallow|swallowing|take|taking|took) (?:all|every one) (?:of )?(?:my|the|these|those) (?:pills|tablets|meds|medication|sleeping pills|painkillers)\b",
        NEGATABLE | FIGURATIVE,
    ),
    cue(
        r"\bme (?:quiero|voy a|dan ganas de) matar\b|\b(?:tengo|me dan|siento) ganas de morir(?:me)?\b|\bno quiero (?:seguir|estar) (?:aqui|en este mundo|viv[oa])\b|\bno quiero seguir\s*(?:$|[.!?,;])|\bsuicidarme\b|\b(?:pensamientos|ideas|ideacion) suicidas?\b|\bme (?:quiero|voy a) suicidar\b|\bpienso en (?:el )?suicid\w*|\bintent\w* (?:de )?suicid\w*|\bmatarme\b|\bquitarme la vida\b|\bno (?:le )?veo (?:el |ningun )?sentido (?:a|de) (?:la vida|vivir|seguir)\b|\bla vida no tiene sentido\b|\bahorcarme\b|\btirarme (?:por|de|del|desde|a las vias)\b|\bacabar con (?:todo|mi vida)\b|\bno (?:quiero|tengo (?:\w+ )?ganas de|tengo fuerzas para) (?:seguir )?vivir\b|\bsin ganas de vivir\b|\b(?:hart|cansad)[oa] de vivir\b",
        NEGATABLE | FIGURATIVE,
    ),
    cue(
        r"\b(?:quiero|quisiera|deseo|prefiero|me quiero) (?:morir(?:me)?|estar muert[oa]|desaparecer|no despertar(?:me)?|dejar de existir)\b|\bno (?:quiero|querer) despertar(?:me)?\b|\bdormir(?:me)? y no despertar(?:me)?\b|\bno despertar(?:me)? (?:nunca|mas|jamas)\b|\bseria mas facil no estar\b|\bno estar (?:aqui|mas)\b|\bmejor sin mi\b",
        NEGATABLE | FIGURATIVE,
    ),
    cue(
        r"\b(?:me corto|cortarme|me cortaba|me he cortado|me hago cortes|me hice cortes|hacerme dano|me hago dano|lastimarme|me lastimo)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:tomarme|tragarme|me voy a tomar|me tomare|voy a tragarme|tragar) (?:todas las|un monton de|muchas|una caja de) (?:pastillas|pildoras)\b",
        NEGATABLE | FIGURATIVE,
    ),
]);

/// An overdose, taken or attempted, is self-harm and needs medical
/// assessment even when the asker feels fine (paracetamol harms late).
static OVERDOSE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:took|swallowed|taken|had) (?:a (?:bunch|lot|load|handful|whole (?:bottle|pack|box))|too many|loads|lots) of (?:pills|tablets|meds|painkillers|paracetamol|sleeping pills)\b|\b(?:overdosed|od'?d)\b|\bme (?:tome|trague|he tomado) (?:un monton|muchas|una caja|un punado|todas|toda la caja)\b|\bsobredosis\b",
    NEGATABLE | EDUCATIONAL | HYPOTHETICAL,
)]);

static PAST_HABIT: Lexicon = Lexicon::new(&[cue(
    r"\bused to\b|\byears ago\b|\bhace (?:anos|mucho)\b|\bsolia\b|\bwhen i was (?:a teen|younger|in school|a teenager)\b|\bcuando era (?:adolescente|mas joven)\b|\bclean (?:for|since)\b",
    0,
)]);

static RECURRENCE: Lexicon = Lexicon::new(&[cue(
    r"\bagain\b|\bstill\b|\bback\b|\bnow\b|\botra vez\b|\btodavia\b|\bde nuevo\b|\bsigue\b|\bsigo\b",
    0,
)]);

static FIGURATIVE_AFTER: Lexicon = Lexicon::new(&[cue(
    r"^\s*(?:of|from|than|laughing|de|antes que|que ir|que hablar|in (?:the|a|my) (?:pack|packet|strip|row)|in a row|back to back|del (?:blister|envase|paquete|mes)|de la caja|activas|seguidas)\b",
    0,
)]);

static JOKING: Lexicon = Lexicon::new(&[cue(
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jaja\w*|jeje\w*|jsjs\w*|xd+)\b",
    0,
)]);

// Medical emergencies.
static HEAVY_BLEEDING: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:bleeding|bleed|bled)\b[^.!?]{0,20}?\b(?:heavily|a lot|loads|so much|like crazy|nonstop|non-stop|badly|really bad|really heavily|too much|everywhere|a ton)\b|\bheavy bleeding\b|\bhaemorrhag\w*|\bhemorrhag\w*",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:soak|soaking|soaked|soaks|fill|filling|filled|go through|going through|went through|bleeding through|bled through|bleed through)\b[^.!?]{0,20}\b(?:pad|pads|tampon|tampons)\b[^.!?]{0,25}\b(?:hour|hours|hr|minutes)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:won'?t|doesn'?t|hasn'?t|can'?t|will not|does not|has not|isn'?t) stop(?:ped)? bleeding\b|\bbleeding\b[^.!?]{0,40}\b(?:won'?t|hasn'?t|doesn'?t|isn'?t) (?:stop|stopped|stopping)\b",
        HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\bsangr\w+\b[^.!?]{0,20}?\b(?:muchisimo|mucho|un monton|sin parar|a chorros|demasiado|abundante)\b|\bsangrado (?:abundante|muy fuerte|fuerte|que no para)\b|\bno (?:para|deja) de sangrar\b|\bempap\w+ (?:una |la |las |mi )?(?:compresas?|toallas?|tampon\w*)\b|\bhemorragia\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

static PERIOD_WORD: Lexicon = Lexicon::new(&[cue(
    r"\bperiods?\b|\bregla\b|\bmenstrua\w*|\bmenstruation\b",
    0,
)]);

static ALARMING_FLOW: Lexicon = Lexicon::new(&[cue(
    r"\bsoak\w*|\bempap\w*|\bhour\b|\bhora\b|\bfaint\w*|\bdizzy\b|\bpass(?:ed)? out\b|\bdesmay\w*|\bmare\w*|\bclots? (?:the size|as big)\b",
    0,
)]);

static EMERGENCY_SIGNS: Lexicon = Lexicon::new(&[
    // Testicular torsion: sudden severe pain in one testicle.
    cue(
        r"\b(?:sudden(?:ly)?|really bad|severe|excruciating|horrible|terrible|intense|agonizing|unbearable|worst)\b[^.!?]{0,25}\bpain\b[^.!?]{0,20}\b(?:testicle|testicles|testis|ball|balls|nut|nuts|scrotum)\b|\b(?:testicle|testicles|ball|balls|nut|scrotum)\b[^.!?]{0,60}\b(?:swollen|swelled|swelling|(?:hurt|hurts|hurting) (?:so |really |very )?bad(?:ly)?|excruciating)\b|\bsudden(?:ly)?\b[^.!?]{0,30}\b(?:testicle|testicles|ball|balls|scrotum)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\bme duele (?:horrible|muchisimo|un monton|mucho|fatal|demasiado) (?:un|el) (?:testiculo|huevo)\b|\bdolor (?:fuerte|intenso|horrible|insoportable|muy fuerte) en (?:un|el) (?:testiculo|huevo)\b|\btesticulo\b[^.!?]{0,40}\b(?:hinch\w+|vomit\w*)",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Penile fracture stated outright.
    cue(
        r"\b(?:broke|broken|fractured|snapped) my (?:penis|dick|cock)\b|\bme (?:rompi|fracture) el pene\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Airway, chest, anaphylaxis, seizures.
    cue(
        r"\bcan'?t breathe\b|\bcannot breathe\b|\bno puedo respirar\b|\bchest pain\b|\bdolor (?:en el|de) pecho\b|\bthroat (?:is )?(?:swelling|closing)\b|\b(?:lips|tongue|face) (?:are |is )?swelling\b|\bseizures?\b|\bconvulsi\w*",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Paraphimosis and stuck constriction rings cut off blood flow.
    cue(
        r"\bforeskin\b[^.!?]{0,40}\b(?:stuck|won'?t go (?:back|forward)|can'?t (?:get|pull|push) it (?:back|forward)|trapped)\b|\bprepucio\b[^.!?]{0,40}\b(?:atrapado|atascado|no (?:baja|vuelve|sube))\b|\b(?:cock|penis|c) ring\b[^.!?]{0,30}\b(?:stuck|won'?t come off|can'?t get it off)\b|\banillo (?:para el pene|peneano|vibrador)\b[^.!?]{0,30}\b(?:atascado|atrapado|no (?:sale|puedo sacar))\b|\b(?:penis|dick|glans|head|pene|glande)\b[^.!?]{0,30}\b(?:turning|turned|going|gone) (?:blue|black|purple|white)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Sudden "worst ever" headache during sex can be a brain bleed.
    cue(
        r"\b(?:worst|sudden|explosive|thunderclap)\b[^.!?]{0,30}\bheadache\b|\bheadache\b[^.!?]{0,20}\b(?:worst of my life|came on suddenly)\b|\bdolor de cabeza (?:muy fuerte|repentino|horrible|insoportable|brutal|explosivo)\b|\bel peor dolor de cabeza\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Someone else unresponsive (chemsex, GHB, collapse).
    cue(
        r"\b(?:he|she|they|my (?:friend|partner|boyfriend|girlfriend|husband|wife)) (?:\w+ )?(?:won'?t|doesn'?t|isn'?t|can'?t|will not|is not) (?:wake|waking) up\b|\b(?:unresponsive|not breathing|isn'?t breathing|stopped breathing)\b|\bno (?:reacciona|respira|se despierta)\b|\bcollapsed\b|\bse desplomo\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Fainting with pain or bleeding.
    cue(
        r"\b(?:passed|nearly passed|almost passed) out\b[^.!?]{0,40}\b(?:pain|bleeding|blood)\b|\b(?:pain|bleeding|blood)\b[^.!?]{0,40}\b(?:passed|nearly passed|almost passed) out\b|\bme desmaye\b[^.!?]{0,40}\b(?:dolor|sangr\w*)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

static FRACTURE_SOUND: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pop|popped|popping|crack|cracked|cracking|snap|snapped|snapping|crunch)\b|\b(?:crujido|chasquido|crac|crack)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static FRACTURE_SIGN: Lexicon = Lexicon::new(&[cue(
    r"\b(?:went soft|lost (?:my|the) erection|swollen|swelling|purple|bruis\w*|black and blue|se me bajo|hinchad[oa]|morad[oa]|moreton)\b",
    0,
)]);

static ONE_SIDED_PELVIC_PAIN: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pain|cramp|cramping|cramps|ache|hurts?)\b[^.!?]{0,40}\b(?:(?:on|in|down) (?:my |the )?(?:right|left|one) side|only on (?:the|my) (?:left|right)|one[- ]sided)\b|\b(?:right|left|one)[- ]sided (?:pain|cramp\w*)\b|\bpain low down on (?:my|the) (?:right|left)\b|\bshoulder[- ]tip\b|\bde un (?:solo )?lado\b|\b(?:del|en el|al) lado (?:derecho|izquierdo)\b|\bpunta del hombro\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static PREGNANCY_SIGN: Lexicon = Lexicon::new(&[cue(
    r"\bpregnan\w*|\bpositive (?:pregnancy )?test\b|\btest (?:came back|was) positive\b|\bperiod is \w+ (?:weeks?|days?) late\b|\blate period\b|\bmissed (?:my )?period\b|\bembarazad\w*|\bretraso\b|\bprueba (?:dio |salio )?positiva\b|\btest (?:dio|salio) positivo\b",
    NEGATABLE,
)]);

static PREGNANT_NOW: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|she'?s|she is) (?:\d+ (?:weeks|months) )?pregnant\b|\b(?:weeks|months) pregnant\b|\bestoy embarazada\b|\bembarazada de \w+ (?:semanas|meses)\b|\bpositive pregnancy test\b|\bprueba de embarazo (?:dio |salio )?positiva\b",
    NEGATABLE | HYPOTHETICAL,
)]);

static BLEEDING: Lexicon = Lexicon::new(&[cue(
    r"\bbleed(?:ing|s)?\b|\bbled\b|\bsangr(?:o|ando|e|ado|ar|a)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static BLEEDING_OR_BLOOD: Lexicon = Lexicon::new(&[cue(
    r"\bbleed(?:ing|s)?\b|\bbled\b|\bblood\b|\bsangr\w*|\bsangre\b",
    NEGATABLE,
)]);

static PREGNANCY_ENDED: Lexicon = Lexicon::new(&[cue(
    r"\b(?:after|since) (?:my |the |an |a )?(?:abortion|miscarriage|termination|d&c|birth|delivery|c-section)\b|\b(?:despues|desde) (?:del|de mi|de un|de la) (?:aborto|legrado|parto|cesarea)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static FAINTING: Lexicon = Lexicon::new(&[cue(
    r"\b(?:passed|pass|nearly passed|almost passed) out\b|\bfaint\w*|\bdesmay\w*|\bdizzy\b|\bmare[oa]d[oa]\b",
    NEGATABLE,
)]);

static RETAINED_OBJECT: Lexicon = Lexicon::new(&[cue(
    r"\bleft (?:a|my|the) tampon in\b|\bforg[oe]t(?:ten)? (?:about )?(?:a|my|the) tampon\b|\btampon (?:stuck|lost|left)\b|\bse me olvido (?:un|el) tampon\b|\b(?:stuck|lost) (?:inside|up|in) (?:me|my|her)\b|\bcan'?t get (?:it|them) out\b|\bse me (?:quedo|perdio|atoro|atasco)\b[^.!?]{0,25}\b(?:dentro|adentro)\b|\bno (?:lo|la|me lo|me la) puedo sacar\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static PAIN_OR_FEVER: Lexicon = Lexicon::new(&[cue(
    r"\bpain\w*|\bhurts?\b|\bfever\b|\bvomit\w*|\brash\b|\bbleed\w*|\bdolor\w*|\bduele\b|\bfiebre\b|\bsangr\w*",
    NEGATABLE,
)]);

static SEVERE_PAIN: Lexicon = Lexicon::new(&[cue(
    r"\bpain (?:is )?so (?:bad|severe|intense|strong)\b|\b(?:can'?t|cannot|couldn'?t) (?:stand|walk|move|sit)(?: up)?(?: straight)? (?:because of|from|for) (?:the )?pain\b|\bpain\b[^.!?]{0,25}\b(?:can'?t|cannot|couldn'?t) (?:stand|walk|move|sit)\b|\bdoubled over\b|\bdolor (?:fortisimo|muy fuerte|insoportable)\b|\bno puedo (?:ni )?(?:caminar|andar|moverme|ponerme de pie) (?:del|por el) dolor\b|\bme duele (?:muchisimo|horrores|un monton|horrible|fatal|demasiado)\b|\bdolor (?:muy )?(?:fuerte|intenso)\b|\b(?:really bad|severe|awful|unbearable|horrible|terrible|excruciating|agonizing)\b[^.!?]{0,15}\bpain\b|\bpain is (?:awful|unbearable|horrible|terrible|excruciating)\b|\bdolor (?:muy fuerte|insoportable|horrible|terrible)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static FEVER: Lexicon = Lexicon::new(&[cue(
    r"\bfever\b|\bfiebre\b|\btemperature\b|\bcalentura\b",
    NEGATABLE,
)]);

// Emergency contraception and HIV exposure.
static CONDOM_FAILURE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:condom|rubber|johnny|condoms)\b[^.!?,;]{0,30}?\b(?P<a>broke|broken|break|breaks|split|splits|tore|torn|ripped|rip|burst|slipped|slid off|came off|fell off|had a (?:tear|hole|rip)|has a (?:tear|hole)|got stuck)\b|\b(?P<b>broke|split|tore|ripped) (?:the|a|our|his) condom\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\bse (?:nos |me |le |les )?(?P<a>rompio|rajo|salio|quedo dentro|quedo adentro|solto|resbalo|rompe|ha roto)\b[^.!?]{0,15}\b(?:el |un |los )?(?:condon|preservativo|forro|condones|preservativos)\b|\b(?:condon|preservativo|forro)\b[^.!?,;]{0,25}?\bse (?:nos |me |le )?(?P<b>rompio|rajo|salio|ha roto|habia roto|rompe|quedo)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

static UNPROTECTED_SEX: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:unprotected|condomless|bareback|raw|unsafe)\s+(?:sex|anal|vaginal|intercourse|hookup|hook-up|encounter)\b|\bbarebacked\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:had|did|was|were|slept|hooked|fucked|came|finished|sex)\b[^.!?]{0,50}\b(?:without|w/o|with no|no) (?:a |any )?(?:condoms?|protection|rubber)\b|\b(?:didn'?t|did not|forgot to|never) (?:use|wear|put on) (?:a |any )?(?:condoms?|protection|anything)\b|\bno (?:usamos|use|uso) nada\b|\bforgot (?:the|a|to use (?:a|the)) condom\b|\bse nos olvido el (?:condon|preservativo)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:came|cum|cummed|finished|ejaculated|nutted|busted) (?:inside|in) (?:me|her|him)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:didn'?t|did not|never) pull(?:ed)? out\b|\bpull(?:ed)? out (?:too )?late\b|\b(?:not sure|don'?t think|doubt) (?:if |whether )?(?:he|she|they) pulled out\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:lo hicimos|lo hice|lo hizo|tuve|tuvimos|tuvo|relacion\w*|sexo|me acoste|nos acostamos|cogimos|follamos|hicimos|anal|vaginal|penetr\w*|usamos)\b[^.!?]{0,50}\bsin (?:condon|preservativo|proteccion|forro|protegernos|cuidarnos)\b|\bsin (?:condon|preservativo|proteccion|forro)\b[^.!?]{0,30}\b(?:lo hicimos|tuvimos|tuve|relaciones|sexo)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\bno (?:uso|usamos|usaron|se puso|nos pusimos|llevaba) (?:el |un |ningun )?(?:condon|preservativo|proteccion)\b|\b(?:acabo|se vino|eyaculo|termino|se corrio|me acabo) (?:adentro|dentro)\b|\bno se salio a tiempo\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

static ANAL_SEX: Lexicon = Lexicon::new(&[cue(r"\banal\b|\bpor (?:el )?(?:culo|ano)\b", 0)]);

static VAGINAL_SEX: Lexicon = Lexicon::new(&[cue(r"\bvaginal\b|\bvagina\b|\bvaginal\w*", 0)]);

/// Withdrawal is no barrier, but the word alone is usually a question about
/// methods; it counts when the asker dates it and no condom was used.
static WITHDRAWAL: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pull(?:ed|ing)?[- ]out|withdrawal)\b|\bmarcha atras\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static CONDOM_USED: Lexicon = Lexicon::new(&[cue(
    r"\b(?:used|wore|with|put on|had) (?:a |the )?condom\b|\b(?:con|usamos|use) (?:el |un )?(?:condon|preservativo)\b",
    NEGATABLE,
)]);

static PILL_FAILURE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:missed|forgot|forgotten|skipped|miss) (?:to take )?(?:(?:my|the|her) )?(?:two|three|four|five|six|seven|several|a few|a couple of|multiple|\d+|some) (?:of my |of her )?(?:pills|tablets|days)\b|\bstarted (?:my|her|the) (?:new )?(?:pill )?pack \w+ (?:days?|weeks?) late\b|\b(?:late|forgot|forgotten) (?:starting|to start) (?:my|her|the) (?:new )?pack\b|\b(?:ring|patch)\b[^.!?]{0,20}\b(?:out|off|late|fell out|came out)\b[^.!?]{0,20}\b(?:days?|\d+|hours)\b|\b(?:missed|forgot|late for) (?:my|the|her) (?:injection|shot|depo)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:forgot|forgotten|missed|skipped) (?:to take )?(?:my|the|her) (?:pill|pills)\b[^.!?]{0,20}\b(?:two|three|four|five|\d+|several|a few|a couple of) (?:days|times|mornings|nights)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:olvide|olvido|se me olvido|se me olvidaron|me salte|no me tome|no tome) (?:tomar )?(?:la |las |mis )?(?:pastillas?|pildoras?)\b[^.!?]{0,30}\b(?:dos|tres|cuatro|cinco|\d+|varios|varias|seguid[oa]s)\b|\b(?:olvide|olvido|se me olvidaron|me salte) (?:dos|tres|cuatro|cinco|\d+|varias) (?:pastillas|pildoras|dias)\b|\bparche con \w+ dias de retraso\b|\b(?:anillo|parche)\b[^.!?]{0,30}\b(?:retraso|tarde|fuera|se me salio|se cayo)\b",
        NEGATABLE,
    ),
]);

static SEX_EVENT: Lexicon = Lexicon::new(&[cue(
    r"\b(?:had sex|have had sex|we did it|slept together|slept with|hooked up|had intercourse|had anal|(?:he|she) had sex with me|sex (?:last night|yesterday|this morning|on))\b|\b(?:lo hicimos|lo hice|tuvimos (?:relaciones|sexo)|tuve (?:relaciones|sexo)|me acoste con|nos acostamos|hicimos el amor|tuvo (?:relaciones|sexo) conmigo)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static SHARED_NEEDLES: Lexicon = Lexicon::new(&[cue(
    r"\bshar(?:ed|ing|e) (?:a |the |some )?(?:needles?|syringes?|works|rigs?|pins)\b|\b(?:needles?|syringes?) (?:were |was )?shared\b|\bcompart\w+ (?:la |las |una |unas )?(?:jeringas?|agujas?|jeringuillas?)\b|\bneedle[- ]?stick\b|\b(?:pricked|stabbed|stuck|jabbed|scratched) (?:myself )?(?:by|with|on) (?:a |an )?(?:used |dirty |discarded |someone'?s )?(?:needle|syringe)\b|\bpinch\w* con una (?:aguja|jeringa|jeringuilla)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static PEP_REQUEST: Lexicon = Lexicon::new(&[cue(
    r"\b(?:need|get|take|start|where (?:can i|do i|to) get|can i (?:still )?get)\b[^.!?]{0,20}\b(?:pep|post[- ]exposure)\b|\b(?:pill|medication|meds|medicine|treatment)\b[^.!?]{0,30}\b(?:after the fact|to stop hiv|against hiv)\b|\bthat hiv medication\b|\b(?:donde|como) (?:me dan|consigo|puedo conseguir|pido)\b[^.!?]{0,15}\b(?:la )?(?:pep|profilaxis)\b|\bnecesito (?:la )?(?:pep|profilaxis)\b|\btomar algo contra el vih\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

// STI symptoms.
static PAINFUL_URINATION: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:burn\w*|sting\w*|hurts?|pain\w*|sore)\b[^.!?]{0,25}\b(?:when|while|to|after) (?:i )?(?:pee|peeing|piss|pissing|wee|weeing|urinat\w*)\b|\b(?:painful|burning|stinging) (?:urination|pee|peeing|when peeing)\b|\b(?:pee|peeing|urinating|urination)\b[^.!?]{0,20}\b(?:burns|burning|stings|hurts)\b|\bdysuria\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:arde|ardor|duele|dolor|escuece|escozor|quema|pica)\b[^.!?]{0,20}\b(?:al |cuando )(?:orinar|orino|hacer pis|hago pis|mear|meo|hacer pipi|hago pipi)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

static DISCHARGE: Lexicon = Lexicon::new(&[cue(
    r"\bdischarge\b|\bflujo\b|\bsecrecion\b|\bsupura\w*|\bpus\b|\b(?:white|yellow|green|yellowish|greenish) stuff\b|\bstuff coming out\b|\bcoming out of (?:the|my) (?:tip|penis|dick)\b|\bdrip(?:ping)? from\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static ABNORMAL_DISCHARGE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:green\w*|yellow\w*|grey|gray|smell\w*|stink\w*|odou?r|fishy|foul|weird|strange|unusual|thick|chunky|frothy|cottage|bloody|brown|pus|tip|penis|dick|amarill\w*|verd\w*|gris\w*|olor|huele|rar[oa]|extran[oa]|espes[oa]|grumos\w*|supur\w*|pene|punta)\b|\bwhite stuff\b",
    0,
)]);

static NORMAL_DISCHARGE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:clear|stretchy|egg white|mid-?cycle|ovulat\w*|transparente|elastic\w*|mitad del ciclo)\b",
    0,
)]);

static GENITAL_LESION: Lexicon = Lexicon::new(&[cue(
    r"\b(?P<a>sores?|blisters?|ulcers?|lesions?|warts?|bumps?|spots?|rash|pimples?|scabs?|chancre|ampoll\w*|llagas?|ulceras?|verrugas?|granos?|granitos?|bultos?|bultitos?|heridas?|sarpullido|ronchas?|costras?)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static GENITAL_ITCH: Lexicon = Lexicon::new(&[cue(
    r"\bitch(?:y|ing|es)?\b|\bme pica\b|\bpicor\b|\bpicazon\b|\bcomezon\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static GENITAL_PLACE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:down there|penis|dick|cock|shaft|foreskin|glans|vagina|vaginal|vulva|labia|genitals?|genital area|anus|anal|groin|pubic|balls|scrotum|testicles?|palms|soles|pene|vulva|labios|genitales|ahi abajo|ingle|escroto|testicul\w*|glande|prepucio|partes intimas)\b",
    0,
)]);

static UNEXPECTED_BLEEDING: Lexicon = Lexicon::new(&[cue(
    r"\b(?:bleeding|spotting|bleed) (?:between (?:my )?periods|after (?:sex|intercourse))\b|\bsangr\w+ (?:entre (?:reglas|periodos)|despues (?:de|del) (?:sexo|las relaciones|tener relaciones))\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static PELVIC_PAIN: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pain|ache|dolor)\b[^.!?]{0,40}\b(?:lower (?:belly|abdomen|stomach|tummy)|pelvi\w*|bajo vientre|parte baja de la (?:panza|barriga|tripa)|vientre)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static PAINFUL_SEX: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pain|hurts?)\b[^.!?]{0,20}\b(?:during|with) sex\b|\bduele (?:durante|en|al tener) (?:las )?relaciones\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

static NEW_PARTNER: Lexicon = Lexicon::new(&[cue(
    r"\bnew (?:partner|guy|girl|boyfriend|girlfriend|person)\b|\bsince my new\b|\bsomeone new\b|\bcambie de pareja\b|\bpareja nueva\b|\bnovi[oa] nuev[oa]\b|\bnueva pareja\b",
    0,
)]);

// Minors.
static SELF_AGE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:i'?m|im|i am)\s+(?:only |just )?(?:a |an )?(?P<n>\d{1,2}|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b(?:\s*(?:years?|yrs?)[- ]?old| ?yo| ?y/o)?",
        0,
    ),
    cue(
        r"\bas an? (?P<n>\d{1,2}|twelve|thirteen|fourteen|fifteen)[- ]?(?:years?|yrs?)[- ]?old\b",
        0,
    ),
    cue(
        r"\b(?:tengo|solo tengo|tengo solo|tengo solamente)\s+(?P<n>\d{1,2}|nueve|diez|once|doce|trece|catorce|quince|dieciseis|diecisiete)\b(?:\s*anos)?",
        0,
    ),
    cue(
        r"\bsoy una? (?:chic[oa]|nin[oa]|adolescente|menor) de (?P<n>\d{1,2})\b",
        0,
    ),
]);

/// Words after a number that make it something other than an age.
static NOT_AN_AGE: Lexicon = Lexicon::new(&[cue(
    r"^\s*(?:-\s*)?(?:weeks?|days?|months?|hours?|hrs?|minutes?|mins?|%|percent|kg|kilos?|lbs?|cm|inches|times|pounds|ft|feet|years? (?:older|younger|ago|later)|dias|semanas|meses|horas|minutos|veces|hijos|anos (?:mas|menos|de (?:casad|novi|relacion))|de retraso)\b",
    0,
)]);

static CHILD_AGE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:my|his|her|our|a|an|their)\s+(?P<n>\d{1,2}|eleven|twelve|thirteen|fourteen|fifteen)[- ]?(?:years?|yrs?)[- ]?old\b",
        0,
    ),
    cue(
        r"\b(?:brother|sister|son|daughter|niece|nephew|cousin|kid|child|student|stepdaughter|stepson)(?:,)? (?:is|who is|who'?s|aged|age) (?P<n>\d{1,2})\b",
        0,
    ),
    cue(
        r"\b(?:hija|hijo|hermana|hermano|hermanita|hermanito|sobrina|sobrino|prima|primo|alumna|alumno|nina|nino|nieta|nieto) de (?P<n>\d{1,2}|once|doce|trece|catorce|quince|diez|nueve|ocho|siete|seis|cinco) anos\b",
        0,
    ),
]);

static ADULT_AGE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:a|an) (?P<n>\d{2})[- ]?(?:years?|yrs?)[- ]?old\b|\b(?:he'?s|he is|she'?s|she is|says he'?s) (?P<n2>\d{2})\b|\bun (?:chico|hombre|tipo|senor|adulto) de (?P<n3>\d{2})\b",
    0,
)]);

static GROOMING: Lexicon = Lexicon::new(&[cue(
    r"\b(?:keep (?:it |this |us )?(?:a )?secret|not to tell|don'?t tell|secret|no se lo (?:cuente|digas|diga|cuentes)|secreto|send (?:me )?(?:him )?(?:pictures|pics|photos|nudes|selfies)|pide fotos|fotos sin ropa|desnud\w*|gifts|presents|buying (?:her|him)|regal\w*|late at night|de madrugada|come over|his (?:place|house|flat)|alone|a solas|su casa|(?:is|es) su novio|her boyfriend|me quiere|loves (?:me|her|him)|texting|messaging|chatea\w*|escribe\w*|dms?)\b",
    0,
)]);

#[cfg(test)]
mod tests {
    use super::*;

    fn categories(text: &str) -> Vec<Category> {
        triage(text).categories
    }

    fn all_lexicons() -> Vec<&'static Lexicon> {
        vec![
            &CLAUSE_BREAKS,
            &STRONG_HYPOTHETICAL,
            &WEAK_HYPOTHETICAL,
            &WHETHER_BEFORE_IF,
            &EDUCATIONAL_FRAME,
            &NOTHING_HAPPENED,
            &CONSENT_FRAME,
            &KINK_CONTEXT,
            &PARTNER_CONTEXT,
            &STEADY_PARTNER,
            &CASUAL_PARTNER,
            &PARTNER_HIV_POSITIVE,
            &PARTNER_UNDETECTABLE,
            &PARTNER_DETECTABLE,
            &ON_PREP,
            &MISSED_PREP,
            &ASKER_MALE,
            &ASKER_FEMALE,
            &ASKER_TRANS_MASC,
            &PARTNER_MALE,
            &PARTNER_FEMALE,
            &SAME_SEX_COUPLE,
            &HIV_FOCUS,
            &PREGNANCY_CONCERN,
            &TRYING_TO_CONCEIVE,
            &TOOK_EMERGENCY_CONTRACEPTION,
            &PERIOD_ARRIVED,
            &RELIABLE_CONTRACEPTION,
            &PILL_USER,
            &NO_CONTRACEPTION,
            &PILL_CONTEXT,
            &BENIGN_DIAGNOSIS,
            &ASSAULT,
            &STEALTHING,
            &MEMORY_GAP,
            &INTOXICATION,
            &SEXUAL_CONTACT,
            &ADULT_PERSON,
            &PARTNER_ABUSE,
            &HABITUAL_SEXUAL_FORCE,
            &SELF_HARM,
            &OVERDOSE,
            &PAST_HABIT,
            &RECURRENCE,
            &FIGURATIVE_AFTER,
            &JOKING,
            &HEAVY_BLEEDING,
            &PERIOD_WORD,
            &ALARMING_FLOW,
            &EMERGENCY_SIGNS,
            &FRACTURE_SOUND,
            &FRACTURE_SIGN,
            &ONE_SIDED_PELVIC_PAIN,
            &PREGNANCY_SIGN,
            &FAINTING,
            &PREGNANT_NOW,
            &BLEEDING,
            &PREGNANCY_ENDED,
            &BLEEDING_OR_BLOOD,
            &RETAINED_OBJECT,
            &PAIN_OR_FEVER,
            &SEVERE_PAIN,
            &FEVER,
            &CONDOM_FAILURE,
            &UNPROTECTED_SEX,
            &ANAL_SEX,
            &VAGINAL_SEX,
            &WITHDRAWAL,
            &CONDOM_USED,
            &PILL_FAILURE,
            &SEX_EVENT,
            &SHARED_NEEDLES,
            &PEP_REQUEST,
            &PAINFUL_URINATION,
            &DISCHARGE,
            &ABNORMAL_DISCHARGE,
            &NORMAL_DISCHARGE,
            &GENITAL_LESION,
            &GENITAL_ITCH,
            &GENITAL_PLACE,
            &UNEXPECTED_BLEEDING,
            &PELVIC_PAIN,
            &PAINFUL_SEX,
            &NEW_PARTNER,
            &SELF_AGE,
            &NOT_AN_AGE,
            &CHILD_AGE,
            &ADULT_AGE,
            &GROOMING,
        ]
    }

    #[test]
    fn every_pattern_compiles() {
        for lexicon in all_lexicons() {
            for cue in lexicon.cues {
                if let Err(error) = Regex::new(cue.pattern) {
                    panic!("pattern does not compile: {error}");
                }
            }
            assert_eq!(lexicon.compiled().len(), lexicon.cues.len());
        }
        assert!(counted_ago().is_some());
        assert!(named_times().is_some());
        assert!(weekdays().is_some());
        assert!(today_is().is_some());
        assert!(prolonged_erection_pattern().is_some());
    }

    #[test]
    fn category_ids_round_trip() {
        for category in Category::ALL {
            assert_eq!(Category::parse(category.id()), Some(category));
            assert_eq!(
                serde_json::to_value(category).unwrap(),
                serde_json::json!(category.id())
            );
        }
        assert_eq!(Category::parse("nonsense"), None);
    }

    #[test]
    fn nothing_found_means_urgency_zero() {
        let result = triage("What's the best lube to use with condoms?");
        assert!(result.categories.is_empty());
        assert_eq!(result.urgency, 0);
        assert!(result.evidence.is_empty());
    }

    #[test]
    fn negation_voids_a_broken_condom() {
        assert!(categories("We always use condoms and none broke.").is_empty());
        assert!(categories("Siempre usamos condón y nunca se nos ha roto.").is_empty());
        assert!(categories("We used a condom and it didn't break, I checked.").is_empty());
    }

    #[test]
    fn negated_pain_is_no_emergency() {
        assert!(categories("Me sangró un poquito, pero no me duele nada.").is_empty());
        assert!(categories("A tiny bit of blood on the tissue, nothing hurts now.").is_empty());
    }

    #[test]
    fn hypotheticals_do_not_raise_alarms() {
        assert!(categories("If a condom ever broke, what should we do?").is_empty());
        assert!(categories("¿Qué pasaría si se rompe el condón?").is_empty());
        assert!(categories("Si algún día se rompe el preservativo, ¿qué hacemos?").is_empty());
    }

    #[test]
    fn a_real_event_inside_an_if_still_counts() {
        assert!(categories("What do I do if the condom broke last night?")
            .contains(&Category::EmergencyContraception));
    }

    #[test]
    fn educational_questions_do_not_raise_alarms() {
        assert!(categories(
            "I'm writing a school paper about the morning-after pill. How does it work?"
        )
        .is_empty());
        assert!(categories("How does PEP work?").is_empty());
        assert!(categories("¿Qué significa 'stealthing'? Lo leí en una noticia.").is_empty());
    }

    #[test]
    fn negotiated_kink_is_not_violence() {
        assert!(categories(
            "We both want consensual role play where he chokes me, we negotiated it and have a safeword."
        )
        .is_empty());
        assert!(categories(
            "During sex he started choking me. We never talked about it and I tried to push his hand away but he kept going."
        )
        .contains(&Category::PartnerViolence));
    }

    #[test]
    fn figurative_death_is_not_self_harm() {
        assert!(categories("This exam is killing me.").is_empty());
        assert!(categories("I'm dying to see her again.").is_empty());
        assert!(categories("Me muero de ganas de verte.").is_empty());
        assert!(categories("I'd rather die than tell my mum.").is_empty());
        assert_eq!(categories("I just want to die."), vec![Category::SelfHarm]);
    }

    #[test]
    fn indirect_words_of_assault_are_caught() {
        for text in [
            "I woke up and don't remember anything after the party.",
            "He didn't stop when I said no.",
            "Se quitó el condón sin decirme.",
            "Le dije que no y siguió igual.",
        ] {
            assert!(
                categories(text).contains(&Category::SexualAssault),
                "missed: {text}"
            );
        }
    }

    #[test]
    fn respected_no_is_not_assault() {
        assert!(categories("I said no to anal and he said ok.").is_empty());
        assert!(categories("I told her to stop and she stopped straight away.").is_empty());
    }

    #[test]
    fn emergency_contraception_window_is_five_days() {
        let ec = Category::EmergencyContraception;
        assert!(categories("We had unprotected sex last night.").contains(&ec));
        assert!(categories("We had unprotected sex 4 days ago.").contains(&ec));
        assert!(!categories("We had unprotected sex 3 weeks ago.").contains(&ec));
        assert!(!categories("Lo hicimos sin condón el mes pasado.").contains(&ec));
        assert!(categories("Lo hicimos sin condón hace 3 días.").contains(&ec));
    }

    #[test]
    fn hiv_window_is_72_hours() {
        let hiv = Category::HivExposure;
        let at = |when: &str| format!("The condom broke with a guy from Grindr {when}.");
        assert!(categories(&at("last night")).contains(&hiv));
        assert!(categories(&at("2 days ago")).contains(&hiv));
        assert!(!categories(&at("4 days ago")).contains(&hiv));
        assert!(!categories(&at("last month")).contains(&hiv));
    }

    #[test]
    fn weekdays_count_back_from_today() {
        let message = Message::read("It happened on Friday night and it's Sunday now.");
        assert_eq!(message.times.len(), 1);
        assert_eq!(message.times[0].hours_ago, 2 * HOURS_PER_DAY);
        let message = Message::read("me echaron algo en la bebida el viernes. hoy es sabado");
        assert_eq!(message.times[0].hours_ago, HOURS_PER_DAY);
    }

    #[test]
    fn spanish_time_expressions() {
        for (text, hours) in [
            ("anoche", 12),
            ("ayer", 24),
            ("anteayer", 48),
            ("hace 3 días", 72),
            ("hace unas horas", 3),
            ("el mes pasado", HOURS_PER_MONTH),
            ("hace dos semanas", 2 * HOURS_PER_WEEK),
        ] {
            let message = Message::read(text);
            assert_eq!(
                message.times.first().map(|t| t.hours_ago),
                Some(hours),
                "{text}"
            );
        }
    }

    #[test]
    fn a_covered_or_conceiving_asker_needs_no_emergency_contraception() {
        let ec = Category::EmergencyContraception;
        assert!(!categories("The condom broke last night but I have the implant.").contains(&ec));
        assert!(
            !categories("We're trying for a baby and had sex without a condom last night.")
                .contains(&ec)
        );
    }

    #[test]
    fn evidence_points_at_the_triggering_words() {
        let text = "Ayer se rompió el condón con un desconocido de una app.";
        let result = triage(text);
        assert!(result
            .categories
            .contains(&Category::EmergencyContraception));
        assert!(result.categories.contains(&Category::HivExposure));
        for evidence in &result.evidence {
            assert_eq!(&text[evidence.span.0..evidence.span.1], evidence.phrase);
        }
        let phrase = &result.evidence[0].phrase;
        assert!(
            phrase.contains("rompió") && phrase.contains("condón"),
            "{phrase}"
        );
    }

    #[test]
    fn evidence_span_for_self_harm() {
        let text = "Honestly, sometimes I think about killing myself.";
        let result = triage(text);
        assert_eq!(result.categories, vec![Category::SelfHarm]);
        assert_eq!(result.urgency, 3);
        let evidence = &result.evidence[0];
        assert_eq!(evidence.phrase, "killing myself");
        assert_eq!(
            evidence.span,
            (text.find("killing").unwrap_or(0), text.len() - 1)
        );
    }

    #[test]
    fn categories_are_most_urgent_first() {
        let result = triage(
            "Last night a guy I met at a party had sex with me when I was too drunk to stand. \
             He didn't use a condom and I'm not on any birth control.",
        );
        assert_eq!(
            result.categories,
            vec![
                Category::SexualAssault,
                Category::HivExposure,
                Category::EmergencyContraception
            ]
        );
        assert_eq!(result.urgency, 3);
    }

    #[test]
    fn a_childhood_assault_disclosed_by_an_adult_is_urgency_two() {
        let result =
            triage("When I was 9 my uncle did things to me. I'm 34 now and I still freeze.");
        assert_eq!(result.categories, vec![Category::SexualAssault]);
        assert_eq!(result.urgency, 2);
    }

    #[test]
    fn minors_by_age_and_by_grooming() {
        assert_eq!(
            categories("I'm 14 and wondering about sex."),
            vec![Category::Minor]
        );
        assert!(categories("I'm 16 and on the pill.").is_empty());
        assert!(categories("I'm 5 days late, should I test?").is_empty());
        assert!(categories("My 14 year old asked me what a condom is.").is_empty());
        assert!(categories(
            "My 12 year old's coach texts her late at night and told her to keep it a secret."
        )
        .contains(&Category::Minor));
    }

    #[test]
    fn spans_survive_decomposed_accents() {
        let text = "Me violaron anoche, no usó condón.";
        let decomposed = text.replace('ó', "o\u{301}");
        let result = triage(&decomposed);
        assert!(result.categories.contains(&Category::SexualAssault));
        for evidence in &result.evidence {
            assert_eq!(
                &decomposed[evidence.span.0..evidence.span.1],
                evidence.phrase
            );
        }
    }

    #[test]
    fn serialises_with_category_ids() {
        let value = serde_json::to_value(triage("I want to kill myself")).unwrap();
        assert_eq!(value["categories"], serde_json::json!(["self_harm"]));
        assert_eq!(value["urgency"], serde_json::json!(3));
        assert_eq!(
            value["evidence"][0]["category"],
            serde_json::json!("self_harm")
        );
    }
}
