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

mod cues;
mod fold;
mod framing;
mod lexicon;
mod meaning;
mod message;
mod rules;
mod time;

use cues::*;
use fold::*;
use framing::*;
use lexicon::*;
pub use meaning::{
    exemplar_texts, meaning_scores, passages, triage_with_meaning, Calibration, LabelScores,
    MeaningError, MeaningModel,
};
use message::*;
use rules::*;
use time::*;

#[cfg(test)]
mod tests;

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

    /// Whether care for this category has a clock: PEP within 72 hours,
    /// emergency contraception within 120, forensic care within about 7 days.
    pub fn runs_on_hours(self) -> bool {
        matches!(
            self,
            Category::SexualAssault | Category::HivExposure | Category::EmergencyContraception
        )
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
    /// How many hours ago the asker places what raised a time-critical
    /// category (assault, HIV exposure, emergency contraception): the most
    /// recent time they state for it. `None` when they state none, or
    /// nothing time-critical was found. Help turns it into time left.
    pub hours_since: Option<u32>,
}

impl Triage {
    /// This reading with the categories of an earlier reading of the same
    /// question added: the text as the asker wrote it, when this reads the
    /// text after redaction took a name (and perhaps the cue) out.
    pub fn with_earlier(mut self, earlier: &[Category]) -> Triage {
        for &category in earlier {
            if !self.categories.contains(&category) {
                self.categories.push(category);
                self.urgency = self.urgency.max(category.urgency());
            }
        }
        self.categories
            .sort_by_key(|&c| (Reverse(c.urgency()), c.precedence()));
        self
    }
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
    let mut findings = reader.findings();
    reader.care_after_assault(&mut findings);
    assemble(text, &message, &reader, findings)
}

/// Orders what was found, sets the urgency and picks the evidence.
fn assemble(text: &str, message: &Message, reader: &Reader, findings: Vec<Finding>) -> Triage {
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
    let hours_since = findings
        .iter()
        .filter(|f| f.category.runs_on_hours())
        .flat_map(|f| &f.hits)
        .filter_map(|hit| message.hours_since(hit.anchor))
        .min();
    Triage {
        categories,
        urgency,
        evidence,
        hours_since,
    }
}
