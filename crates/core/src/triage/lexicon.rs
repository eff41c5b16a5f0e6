//! Lexicons: compiled cue patterns with the context checks they need.

use super::*;

/// Context checks a cue asks for, as bit flags.
pub(super) type Guards = u8;
/// Void if a negation ("not", "never", "none", "no", "nunca", "ni"…) comes
/// shortly before it in its clause.
pub(super) const NEGATABLE: Guards = 1;
/// Void inside a hypothetical ("if", "what if", "si", "en caso de") unless
/// the sentence also says when it happened.
pub(super) const HYPOTHETICAL: Guards = 2;
/// Void only inside an explicitly hypothetical frame ("what if",
/// "hypothetically", "¿qué pasaría si…?"): a bare "if" often introduces a
/// real event here ("is it rape if I was asleep?").
pub(super) const STRONGLY_HYPOTHETICAL: Guards = 4;
/// Void when the question is framed as study or general curiosity and the
/// sentence says nothing about when it happened.
pub(super) const EDUCATIONAL: Guards = 8;
/// Void when the question describes negotiated, consensual kink.
pub(super) const KINK: Guards = 16;
/// Void when the words mean something else: a figure of speech or a joke
/// ("I'd rather die than…", "me muero de vergüenza jaja"), or pill-taking
/// instructions ("take all the pills in the pack").
pub(super) const FIGURATIVE: Guards = 32;

pub(super) struct Cue {
    pub(super) pattern: &'static str,
    pub(super) guards: Guards,
}

pub(super) const fn cue(pattern: &'static str, guards: Guards) -> Cue {
    Cue { pattern, guards }
}

pub(super) struct CompiledCue {
    pub(super) regex: Regex,
    pub(super) guards: Guards,
    /// Whether the pattern names the word its context is judged from
    /// (`(?P<a>…)` or `(?P<b>…)`); otherwise the match start is used.
    pub(super) anchored: bool,
}

/// A named list of cues, compiled on first use.
pub(super) struct Lexicon {
    pub(super) cues: &'static [Cue],
    pub(super) compiled: OnceLock<Vec<CompiledCue>>,
}

impl Lexicon {
    pub(super) const fn new(cues: &'static [Cue]) -> Self {
        Lexicon {
            cues,
            compiled: OnceLock::new(),
        }
    }

    pub(super) fn compiled(&self) -> &[CompiledCue] {
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
pub(super) struct Hit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) anchor: usize,
}
