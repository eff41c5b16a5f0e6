//! Triage by meaning: each sentence of a question is compared with exemplar
//! sentences written for each category, so a danger told in words no cue
//! lists ("I've been saving my pills", "he kept going after I told him to
//! stop") is still seen.
//!
//! Core does no I/O, so it never runs the embedding model itself: the
//! caller embeds [`passages`] and the [`exemplar_texts`] with whatever model
//! it has, and hands the vectors back. The decision is a nearest-neighbour
//! vote: a sentence raises a category when its closest exemplars of that
//! category are closer than a calibrated threshold *and* closer, by a
//! margin, than the closest near misses (the exemplars labelled `none`:
//! negotiated kink, figures of speech, abstract questions). A hit then goes
//! through the same guards as a rule's cue (hypothetical, educational,
//! negotiated kink, figurative, the clinical time windows, who could get
//! pregnant), so meaning adds what the rules miss without undoing what
//! they know.
//!
//! The exemplars (`exemplars.toml`) were written from the categories'
//! clinical definitions; the thresholds (`calibration.toml`) are written by
//! `confide eval triage --calibrate` from the team's labelled cases. Neither
//! saw the blind sets the README's figures come from.

use std::collections::BTreeMap;

use super::*;

/// The exemplars, parsed once.
struct Exemplars {
    texts: Vec<String>,
    labels: Vec<Option<Category>>,
}

#[derive(Deserialize)]
struct ExemplarFile {
    exemplar: Vec<ExemplarEntry>,
}

#[derive(Deserialize)]
struct ExemplarEntry {
    category: String,
    text: String,
}

fn exemplars() -> &'static Exemplars {
    static EXEMPLARS: OnceLock<Exemplars> = OnceLock::new();
    EXEMPLARS.get_or_init(|| {
        let parsed: Option<ExemplarFile> = toml::from_str(include_str!("exemplars.toml")).ok();
        let mut texts = Vec::new();
        let mut labels = Vec::new();
        for entry in parsed.map(|f| f.exemplar).unwrap_or_default() {
            let label = match entry.category.as_str() {
                "none" => None,
                id => match Category::parse(id) {
                    Some(category) => Some(category),
                    // An unknown label is a data error the tests catch.
                    None => continue,
                },
            };
            texts.push(entry.text);
            labels.push(label);
        }
        Exemplars { texts, labels }
    })
}

/// The sentences the caller embeds once, in this order, for
/// [`MeaningModel::new`].
pub fn exemplar_texts() -> Vec<&'static str> {
    exemplars().texts.iter().map(String::as_str).collect()
}

/// How the nearest-neighbour vote is set; see `calibration.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Calibration {
    /// The embedding model the thresholds were fitted with: a different
    /// model needs calibrating anew, so it gets none.
    pub model: String,
    /// How many of a label's nearest exemplars are averaged.
    pub k: usize,
    /// How much closer a category's exemplars must be than the near misses.
    pub margin: f32,
    /// Per category id: the lowest similarity that raises it. A category
    /// missing here is left to the rules.
    pub thresholds: BTreeMap<String, f32>,
}

impl Calibration {
    /// The calibration shipped with the source.
    pub fn shipped() -> Option<Calibration> {
        toml::from_str(include_str!("calibration.toml")).ok()
    }

    fn threshold(&self, category: Category) -> Option<f32> {
        self.thresholds.get(category.id()).copied()
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MeaningError {
    #[error("expected {expected} exemplar vectors, got {got}")]
    ExemplarCount { expected: usize, got: usize },
    #[error("exemplar vectors must all have the same, non-zero length")]
    Dimensions,
}

/// The exemplars as vectors, with the vote's settings.
pub struct MeaningModel {
    dims: usize,
    /// Row-major, one unit-length row per exemplar.
    vectors: Vec<f32>,
    labels: Vec<Option<Category>>,
    calibration: Calibration,
}

/// Per label, how close a sentence is: index `i` for `Category::ALL[i]`,
/// and the near misses last.
pub type LabelScores = [f32; 9];
const NONE_SLOT: usize = 8;

impl MeaningModel {
    /// `vectors[i]` is the embedding of `exemplar_texts()[i]`.
    pub fn new(vectors: Vec<Vec<f32>>, calibration: Calibration) -> Result<Self, MeaningError> {
        let expected = exemplars().labels.len();
        if vectors.len() != expected {
            return Err(MeaningError::ExemplarCount {
                expected,
                got: vectors.len(),
            });
        }
        let dims = vectors.first().map_or(0, Vec::len);
        if dims == 0 || vectors.iter().any(|v| v.len() != dims) {
            return Err(MeaningError::Dimensions);
        }
        let mut flat = Vec::with_capacity(expected * dims);
        for v in &vectors {
            let norm = v
                .iter()
                .map(|x| x * x)
                .sum::<f32>()
                .sqrt()
                .max(f32::EPSILON);
            flat.extend(v.iter().map(|x| x / norm));
        }
        Ok(MeaningModel {
            dims,
            vectors: flat,
            labels: exemplars().labels.clone(),
            calibration,
        })
    }

    pub fn calibration(&self) -> &Calibration {
        &self.calibration
    }

    /// Replaces the vote's settings (for calibrating).
    pub fn with_calibration(mut self, calibration: Calibration) -> Self {
        self.calibration = calibration;
        self
    }

    /// How close `vector` is to each label: the mean of its `k` most
    /// similar exemplars (cosine).
    pub fn label_scores(&self, vector: &[f32]) -> LabelScores {
        let k = self.calibration.k.clamp(1, 8);
        let norm = vector
            .iter()
            .map(|x| x * x)
            .sum::<f32>()
            .sqrt()
            .max(f32::EPSILON);
        // Per label, the k best similarities so far, best first.
        let mut best = [[f32::NEG_INFINITY; 8]; 9];
        if vector.len() == self.dims {
            for (row, label) in self.vectors.chunks_exact(self.dims).zip(&self.labels) {
                let similarity = row.iter().zip(vector).map(|(a, b)| a * b).sum::<f32>() / norm;
                let slot = label.map_or(NONE_SLOT, slot_of);
                let top = &mut best[slot][..k];
                if let Some(at) = top.iter().position(|&s| similarity > s) {
                    top.copy_within(at..k - 1, at + 1);
                    top[at] = similarity;
                }
            }
        }
        let mut scores = [0.0; 9];
        for (score, top) in scores.iter_mut().zip(&best) {
            let found: Vec<f32> = top[..k].iter().copied().filter(|s| s.is_finite()).collect();
            *score = if found.is_empty() {
                0.0
            } else {
                found.iter().sum::<f32>() / found.len() as f32
            };
        }
        scores
    }
}

fn slot_of(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|&c| c == category)
        .unwrap_or(NONE_SLOT)
}

/// The stretches of a question embedded for triage by meaning, as written:
/// its sentences, in order. Embed each and pass the vectors, in the same
/// order, to [`triage_with_meaning`].
pub fn passages(text: &str) -> Vec<&str> {
    let message = Message::read(text);
    passage_ranges(&message)
        .into_iter()
        .map(|(start, end)| {
            let (from, to) = message.original_span(start, end);
            text.get(from..to).unwrap_or_default()
        })
        .collect()
}

/// Sentences with at least two words, without the spaces around them; a
/// lone "thanks" says nothing.
fn passage_ranges(message: &Message) -> Vec<(usize, usize)> {
    let text = message.text();
    message
        .sentences
        .iter()
        .filter_map(|&(start, end)| {
            let sentence = text.get(start..end)?;
            let lead = sentence.len() - sentence.trim_start().len();
            let trimmed = sentence.trim();
            (trimmed.split_whitespace().count() >= 2)
                .then_some((start + lead, start + lead + trimmed.len()))
        })
        .collect()
}

/// For each category, the best score a passage reached where the category
/// beat the near misses by the margin and the guards let it count: what
/// the thresholds are compared with, and what calibration fits them on.
pub fn meaning_scores(text: &str, model: &MeaningModel, vectors: &[Vec<f32>]) -> [Option<f32>; 8] {
    let message = Message::read(text);
    let framing = Framing::of(&message);
    let reader = Reader {
        message: &message,
        framing: &framing,
    };
    reader.meaning_scores(model, vectors)
}

/// Reads a question as [`triage`] does, and adds what the sentences'
/// meaning shows: `vectors[i]` is the embedding of `passages(text)[i]`
/// (the first passages, if not all were embedded). With more vectors than
/// passages, or no thresholds, it is the rules alone.
pub fn triage_with_meaning(text: &str, model: &MeaningModel, vectors: &[Vec<f32>]) -> Triage {
    let message = Message::read(text);
    let framing = Framing::of(&message);
    let reader = Reader {
        message: &message,
        framing: &framing,
    };
    let mut findings = reader.findings();
    for (category, hit) in reader.meaning_hits(model, vectors) {
        match findings.iter_mut().find(|f| f.category == category) {
            Some(finding) => finding.hits.push(hit),
            None => findings.push(Finding {
                category,
                hits: vec![hit],
            }),
        }
    }
    reader.care_after_assault(&mut findings);
    assemble(text, &message, &reader, findings)
}

impl Reader<'_> {
    fn meaning_hits(&self, model: &MeaningModel, vectors: &[Vec<f32>]) -> Vec<(Category, Hit)> {
        let ranges = passage_ranges(self.message);
        // Fewer vectors than passages: the caller embedded the first ones.
        if vectors.len() > ranges.len() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for (&(start, end), vector) in ranges.iter().zip(vectors) {
            let scores = model.label_scores(vector);
            let hit = Hit {
                start,
                end,
                anchor: start,
            };
            for category in Category::ALL {
                let Some(threshold) = model.calibration.threshold(category) else {
                    continue;
                };
                let score = scores[slot_of(category)];
                if score >= threshold
                    && score >= scores[NONE_SLOT] + model.calibration.margin
                    && self.meaning_allows(category, hit)
                {
                    hits.push((category, hit));
                }
            }
        }
        hits
    }

    fn meaning_scores(&self, model: &MeaningModel, vectors: &[Vec<f32>]) -> [Option<f32>; 8] {
        let mut best = [None; 8];
        let ranges = passage_ranges(self.message);
        if vectors.len() > ranges.len() {
            return best;
        }
        for (&(start, end), vector) in ranges.iter().zip(vectors) {
            let scores = model.label_scores(vector);
            let hit = Hit {
                start,
                end,
                anchor: start,
            };
            for (slot, category) in Category::ALL.into_iter().enumerate() {
                let score = scores[slot];
                if score >= scores[NONE_SLOT] + model.calibration.margin
                    && self.meaning_allows(category, hit)
                {
                    let entry: &mut Option<f32> = &mut best[slot];
                    *entry = Some(entry.map_or(score, |b: f32| b.max(score)));
                }
            }
        }
        best
    }

    /// The guards a rule's cue of this category would face, applied to a
    /// sentence raised by meaning.
    fn meaning_allows(&self, category: Category, hit: Hit) -> bool {
        let framing = self.framing;
        let guards = match category {
            Category::SexualAssault | Category::PartnerViolence => {
                STRONGLY_HYPOTHETICAL | EDUCATIONAL | KINK
            }
            Category::SelfHarm => STRONGLY_HYPOTHETICAL | EDUCATIONAL | FIGURATIVE,
            _ => HYPOTHETICAL | EDUCATIONAL,
        };
        if !self.context_allows(hit, guards) {
            return false;
        }
        match category {
            Category::PartnerViolence => framing.partner_context,
            Category::SelfHarm => !self.is_past_and_over(&hit),
            Category::MedicalEmergency => self.within(&hit, HOURS_PER_WEEK),
            Category::EmergencyContraception => {
                let ruled_out = framing.trying_to_conceive
                    || framing.took_emergency_contraception
                    || framing.period_arrived
                    || !framing.pregnancy_possible()
                    || framing.reliable_contraception
                    || self.is_anal_only(&hit);
                !ruled_out && self.within(&hit, 5 * HOURS_PER_DAY)
            }
            Category::HivExposure => {
                let protected_by_prep = framing.on_prep && !framing.missed_prep;
                let known_safe_partner =
                    framing.steady_partner && !framing.partner_status_at_risk();
                !protected_by_prep
                    && !known_safe_partner
                    && !framing.partner_undetectable
                    && !self.condom_held()
                    && self.within(&hit, 72)
            }
            // Sentence embeddings hardly tell "I'm 14" from "I'm 24": when
            // the asker gives an adult age and no child's age is stated,
            // the rules' reading of ages stands.
            Category::Minor => !self.adult_asker_and_no_child(),
            Category::SexualAssault | Category::StiSymptoms => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exemplar_has_a_known_label_and_every_category_has_exemplars() {
        let parsed: ExemplarFile =
            toml::from_str(include_str!("exemplars.toml")).expect("exemplars.toml parses");
        for entry in &parsed.exemplar {
            assert!(
                entry.category == "none" || Category::parse(&entry.category).is_some(),
                "unknown category {:?}",
                entry.category
            );
        }
        for category in Category::ALL {
            assert!(
                exemplars().labels.contains(&Some(category)),
                "no exemplar for {category:?}"
            );
        }
        assert!(exemplars().labels.contains(&None));
    }

    #[test]
    fn the_shipped_calibration_parses_and_names_only_categories() {
        let calibration = Calibration::shipped().expect("calibration.toml parses");
        assert!(calibration.k >= 1);
        for id in calibration.thresholds.keys() {
            assert!(Category::parse(id).is_some(), "unknown category {id:?}");
        }
    }

    /// Vectors made by hand: exemplar `i` points along axis `i`, so the
    /// vote can be checked without a model.
    fn axis_model(calibration: Calibration) -> MeaningModel {
        let n = exemplar_texts().len();
        let vectors = (0..n)
            .map(|i| {
                let mut v = vec![0.0; n];
                v[i] = 1.0;
                v
            })
            .collect();
        MeaningModel::new(vectors, calibration).expect("model")
    }

    fn calibration(threshold: f32) -> Calibration {
        Calibration {
            model: "test".into(),
            k: 1,
            margin: 0.05,
            thresholds: Category::ALL
                .iter()
                .map(|c| (c.id().to_string(), threshold))
                .collect(),
        }
    }

    fn towards(label: Option<Category>, n: usize) -> Vec<f32> {
        let mut v = vec![0.0; n];
        if let Some(i) = exemplars().labels.iter().position(|&l| l == label) {
            v[i] = 1.0;
        }
        v
    }

    #[test]
    fn a_sentence_near_a_category_raises_it_and_one_near_a_miss_does_not() {
        let model = axis_model(calibration(0.6));
        let n = exemplar_texts().len();
        let text = "Things have been hard lately. I keep thinking about it.";
        assert_eq!(passages(text).len(), 2);
        let near_self_harm = vec![vec![0.0; n], towards(Some(Category::SelfHarm), n)];
        let found = triage_with_meaning(text, &model, &near_self_harm);
        assert_eq!(found.categories, vec![Category::SelfHarm]);
        assert_eq!(found.urgency, 3);
        assert_eq!(found.evidence[0].phrase, "I keep thinking about it.");

        let near_miss = vec![vec![0.0; n], towards(None, n)];
        assert!(triage_with_meaning(text, &model, &near_miss)
            .categories
            .is_empty());
    }

    #[test]
    fn meaning_below_the_threshold_or_without_calibration_adds_nothing() {
        let n = exemplar_texts().len();
        let text = "Things have been hard lately. I keep thinking about it.";
        let high = axis_model(calibration(0.99));
        // Halfway between self-harm and a near miss: similar to both, and
        // to neither enough.
        let mixed: Vec<f32> = towards(Some(Category::SelfHarm), n)
            .iter()
            .zip(towards(None, n))
            .map(|(a, b)| a + b)
            .collect();
        let vectors = vec![vec![0.0; n], mixed];
        assert!(triage_with_meaning(text, &high, &vectors)
            .categories
            .is_empty());
        let uncalibrated = axis_model(Calibration {
            thresholds: BTreeMap::new(),
            ..calibration(0.1)
        });
        let vectors = vec![vec![0.0; n], towards(Some(Category::SelfHarm), n)];
        assert!(triage_with_meaning(text, &uncalibrated, &vectors)
            .categories
            .is_empty());
        // More vectors than passages is the rules alone.
        let three = vec![towards(Some(Category::SelfHarm), n); 3];
        let low = axis_model(calibration(0.1));
        assert_eq!(triage_with_meaning(text, &low, &three), triage(text));
    }

    #[test]
    fn meaning_meets_the_same_guards_as_the_rules() {
        let model = axis_model(calibration(0.6));
        let n = exemplar_texts().len();
        // A condom that broke three weeks ago is past every window.
        let text = "Three weeks ago the condom broke. We are both worried.";
        let vectors = vec![
            towards(Some(Category::EmergencyContraception), n),
            towards(Some(Category::HivExposure), n),
        ];
        assert!(triage_with_meaning(text, &model, &vectors)
            .categories
            .is_empty());
        // A question asked for a course is not a disclosure.
        let text = "For my nursing course: what happens at a forensic exam?";
        let vectors = vec![towards(Some(Category::SexualAssault), n)];
        assert!(triage_with_meaning(text, &model, &vectors)
            .categories
            .is_empty());
    }

    #[test]
    fn the_rules_still_count_when_meaning_is_there() {
        let model = axis_model(calibration(0.6));
        let n = exemplar_texts().len();
        let text = "He raped me last night.";
        let vectors = vec![vec![0.0; n]];
        let found = triage_with_meaning(text, &model, &vectors);
        assert!(found.categories.contains(&Category::SexualAssault));
    }

    #[test]
    fn model_refuses_vectors_that_do_not_fit() {
        let c = calibration(0.5);
        assert!(matches!(
            MeaningModel::new(vec![vec![1.0]], c.clone()),
            Err(MeaningError::ExemplarCount { .. })
        ));
        let n = exemplar_texts().len();
        let mut vectors = vec![vec![1.0, 0.0]; n];
        vectors[0] = vec![1.0];
        assert_eq!(
            MeaningModel::new(vectors, c).err(),
            Some(MeaningError::Dimensions)
        );
    }
}
