//! Measuring triage and redaction on labelled sets, and fitting the
//! thresholds of triage by meaning (`confide eval triage`, `confide eval
//! redaction`, `confide eval triage --calibrate`).
//!
//! Figures on a set the thresholds were fitted on are not results: the
//! README reports the blind sets (`crates/core/tests/data/blind/`), which
//! were written by people who saw neither the rules nor the exemplars, and
//! are never passed to `--calibrate`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use confide_core::redaction::redact;
use confide_core::triage::{self, Calibration, Category, MeaningModel};
use confide_search::Embedder;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct TriageFile {
    case: Vec<TriageCase>,
}

#[derive(Deserialize, Clone)]
pub struct TriageCase {
    #[serde(default)]
    pub lang: String,
    pub text: String,
    pub expect: Vec<String>,
}

/// Reads a set of `[[case]] lang, text, expect = [category ids]`; an
/// unknown category is an error naming the case.
pub fn read_triage_cases(path: &Path) -> anyhow::Result<Vec<(TriageCase, Vec<Category>)>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let file: TriageFile =
        toml::from_str(&text).with_context(|| format!("{}: not a triage set", path.display()))?;
    file.case
        .into_iter()
        .enumerate()
        .map(|(i, case)| {
            let expected = case
                .expect
                .iter()
                .map(|id| {
                    Category::parse(id).with_context(|| {
                        format!(
                            "{}: case {}: unknown category {id:?}",
                            path.display(),
                            i + 1
                        )
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            Ok((case, expected))
        })
        .collect()
}

/// Per category: found and expected, found and not expected, missed.
#[derive(Serialize, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub missed: usize,
}

#[derive(Serialize)]
pub struct MethodReport {
    /// Per category id.
    pub categories: BTreeMap<&'static str, CategoryReport>,
    /// Danger cases (any category expected) in which at least one expected
    /// category was found.
    pub danger_cases_caught: f64,
    /// Benign cases (nothing expected) in which anything was found.
    pub benign_false_positive_rate: f64,
    pub danger_cases: usize,
    pub benign_cases: usize,
    /// The same two figures per language.
    pub by_language: BTreeMap<String, LanguageReport>,
}

#[derive(Serialize)]
pub struct CategoryReport {
    #[serde(flatten)]
    pub counts: Counts,
    pub recall: f64,
    pub precision: f64,
}

#[derive(Serialize, Default)]
pub struct LanguageReport {
    pub danger_cases_caught: f64,
    pub benign_false_positive_rate: f64,
    pub danger_cases: usize,
    pub benign_cases: usize,
}

#[derive(Serialize)]
pub struct TriageReport {
    pub cases: usize,
    pub rules: MethodReport,
    /// Rules and meaning together, when the model was there.
    pub rules_and_meaning: Option<MethodReport>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        (a as f64 * 1000.0 / b as f64).round() / 1000.0
    }
}

fn report(cases: &[(TriageCase, Vec<Category>)], found: &[Vec<Category>]) -> MethodReport {
    let mut counts: BTreeMap<Category, Counts> = BTreeMap::new();
    // (danger caught, danger, benign flagged, benign) per language, and "all".
    let mut tally: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for ((case, expected), found) in cases.iter().zip(found) {
        for category in Category::ALL {
            let entry = counts.entry(category).or_default();
            match (expected.contains(&category), found.contains(&category)) {
                (true, true) => entry.tp += 1,
                (false, true) => entry.fp += 1,
                (true, false) => entry.missed += 1,
                (false, false) => {}
            }
        }
        for key in ["all".to_string(), case.lang.clone()] {
            let t = tally.entry(key).or_default();
            if expected.is_empty() {
                t[3] += 1;
                t[2] += usize::from(!found.is_empty());
            } else {
                t[1] += 1;
                t[0] += usize::from(expected.iter().any(|c| found.contains(c)));
            }
        }
    }
    let all = tally.remove("all").unwrap_or_default();
    MethodReport {
        categories: counts
            .into_iter()
            .map(|(c, n)| {
                (
                    c.id(),
                    CategoryReport {
                        counts: n,
                        recall: ratio(n.tp, n.tp + n.missed),
                        precision: ratio(n.tp, n.tp + n.fp),
                    },
                )
            })
            .collect(),
        danger_cases_caught: ratio(all[0], all[1]),
        benign_false_positive_rate: ratio(all[2], all[3]),
        danger_cases: all[1],
        benign_cases: all[3],
        by_language: tally
            .into_iter()
            .filter(|(lang, _)| !lang.is_empty())
            .map(|(lang, t)| {
                (
                    lang,
                    LanguageReport {
                        danger_cases_caught: ratio(t[0], t[1]),
                        benign_false_positive_rate: ratio(t[2], t[3]),
                        danger_cases: t[1],
                        benign_cases: t[3],
                    },
                )
            })
            .collect(),
    }
}

/// Each case's passages embedded, in the order of `triage::passages`.
fn embed_cases(
    embedder: &Embedder,
    cases: &[(TriageCase, Vec<Category>)],
) -> anyhow::Result<Vec<Vec<Vec<f32>>>> {
    cases
        .iter()
        .map(|(case, _)| {
            let passages = triage::passages(&case.text);
            if passages.is_empty() {
                return Ok(Vec::new());
            }
            Ok(embedder.embed(&passages)?)
        })
        .collect()
}

/// Rules alone, and rules with meaning when `embedder` is given.
pub fn evaluate_triage(
    cases: &[(TriageCase, Vec<Category>)],
    embedder: Option<&Embedder>,
    print_misses: bool,
) -> anyhow::Result<TriageReport> {
    let rules: Vec<Vec<Category>> = cases
        .iter()
        .map(|(case, _)| triage::triage(&case.text).categories)
        .collect();
    let rules_and_meaning = match embedder {
        None => None,
        Some(embedder) => {
            let calibration = Calibration::shipped().context("calibration.toml does not parse")?;
            let model = confide_search::triage::build_model(embedder, calibration)?;
            let vectors = embed_cases(embedder, cases)?;
            let found: Vec<Vec<Category>> = cases
                .iter()
                .zip(&vectors)
                .map(|((case, _), v)| triage::triage_with_meaning(&case.text, &model, v).categories)
                .collect();
            Some(found)
        }
    };
    if print_misses {
        let found = rules_and_meaning.as_ref().unwrap_or(&rules);
        for (i, ((case, expected), got)) in cases.iter().zip(found).enumerate() {
            let mut want = expected.clone();
            let mut have = got.clone();
            want.sort();
            have.sort();
            if want != have {
                let ids = |c: &[Category]| c.iter().map(|c| c.id()).collect::<Vec<_>>().join(",");
                eprintln!(
                    "case {}: expected [{}] rules [{}] found [{}]\n    {}",
                    i + 1,
                    ids(expected),
                    ids(&rules[i]),
                    ids(got),
                    case.text.replace('\n', " / ")
                );
            }
        }
    }
    let rules_and_meaning = rules_and_meaning.map(|found| report(cases, &found));
    Ok(TriageReport {
        cases: cases.len(),
        rules: report(cases, &rules),
        rules_and_meaning,
    })
}

/// How many of the cases not labelled with a category a threshold may
/// raise it in: each category gets a share of the benign budget, so that
/// together they stay well under the 10% false-positive target.
const FALSE_POSITIVE_SHARE: f64 = 0.01;

/// Fits each category's threshold on `cases` (never a blind set): the
/// lowest similarity at which meaning raises the category in no more than
/// 1% of the cases that do not have it (beyond those the rules raise it
/// in), for the `k` and margin that add the most to the rules. Prints what each choice catches; returns the calibration.
pub fn calibrate(
    cases: &[(TriageCase, Vec<Category>)],
    embedder: &Embedder,
    model_name: &str,
) -> anyhow::Result<Calibration> {
    let vectors = embed_cases(embedder, cases)?;
    let rules: Vec<Vec<Category>> = cases
        .iter()
        .map(|(case, _)| triage::triage(&case.text).categories)
        .collect();
    let base = Calibration {
        model: model_name.to_owned(),
        k: 1,
        margin: 0.0,
        thresholds: BTreeMap::new(),
    };
    let mut model: MeaningModel = confide_search::triage::build_model(embedder, base.clone())?;
    let mut best: Option<(usize, Calibration)> = None;
    for k in [1, 2, 3] {
        for margin in [0.0, 0.02, 0.05, 0.08] {
            let calibration = Calibration {
                k,
                margin,
                ..base.clone()
            };
            model = model.with_calibration(calibration.clone());
            let scores: Vec<[Option<f32>; 8]> = cases
                .iter()
                .zip(&vectors)
                .map(|((case, _), v)| triage::meaning_scores(&case.text, &model, v))
                .collect();
            let mut thresholds = BTreeMap::new();
            let mut caught = 0;
            for (slot, category) in Category::ALL.into_iter().enumerate() {
                let (threshold, hits) = fit_threshold(cases, &rules, &scores, slot, category);
                if let Some(t) = threshold {
                    thresholds.insert(category.id().to_owned(), t);
                    caught += hits;
                }
            }
            eprintln!(
                "k {k}, margin {margin:.2}: meaning adds {caught} expected labels to the rules'"
            );
            if best.as_ref().is_none_or(|(c, _)| caught > *c) {
                best = Some((
                    caught,
                    Calibration {
                        thresholds,
                        ..calibration
                    },
                ));
            }
        }
    }
    best.map(|(_, c)| c).context("no cases to calibrate on")
}

/// The lowest threshold within the false-positive share, and how many
/// labelled cases it adds. Meaning is judged by what it adds to the rules:
/// a case the rules already raise the category in neither counts as a
/// catch nor as a new false positive.
fn fit_threshold(
    cases: &[(TriageCase, Vec<Category>)],
    rules: &[Vec<Category>],
    scores: &[[Option<f32>; 8]],
    slot: usize,
    category: Category,
) -> (Option<f32>, usize) {
    let mut negatives: Vec<f32> = Vec::new();
    let mut positives: Vec<f32> = Vec::new();
    let mut negative_count = 0;
    for (((_, expected), s), by_rules) in cases.iter().zip(scores).zip(rules) {
        let labelled = expected.contains(&category);
        if !labelled {
            negative_count += 1;
        }
        if by_rules.contains(&category) {
            continue;
        }
        if let Some(score) = s[slot] {
            if labelled {
                positives.push(score);
            } else {
                negatives.push(score);
            }
        }
    }
    if positives.is_empty() {
        return (None, 0);
    }
    let allowed = (negative_count as f64 * FALSE_POSITIVE_SHARE).floor() as usize;
    negatives.sort_by(|a, b| b.total_cmp(a));
    // Just above the (allowed+1)-th highest negative score.
    let floor = negatives
        .get(allowed)
        .map_or(f32::NEG_INFINITY, |s| s + 1e-4);
    // Never below a similarity that means little for this model.
    let threshold = floor.max(0.45);
    let hits = positives.iter().filter(|&&s| s >= threshold).count();
    (
        (hits > 0).then_some((threshold * 1000.0).ceil() / 1000.0),
        hits,
    )
}

/// Writes the calibration as the TOML core reads, naming the sets it was
/// fitted on.
pub fn write_calibration(
    calibration: &Calibration,
    sources: &[PathBuf],
    path: &Path,
) -> anyhow::Result<()> {
    let body = toml::to_string(calibration)?;
    let sources: Vec<String> = sources
        .iter()
        .map(|p| format!("# - {}\n", p.display()))
        .collect();
    let text = format!(
        "# Written by `confide eval triage --calibrate` from the team's labelled\n\
         # cases, never from a blind set:\n{}\
         # k: exemplars averaged per label; margin: how much closer a category's\n\
         # exemplars must be than the near misses; thresholds: per category.\n{body}",
        sources.concat()
    );
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

// ---- redaction ---------------------------------------------------------

#[derive(Deserialize)]
struct RedactionFile {
    case: Vec<RedactionCase>,
}

#[derive(Deserialize)]
struct RedactionCase {
    #[serde(default)]
    lang: String,
    text: String,
    identifiers: Vec<String>,
}

#[derive(Serialize, Default)]
pub struct RedactionReport {
    /// Strings with identifiers in which none is left.
    pub identifying_strings_clean: f64,
    pub identifying_strings: usize,
    /// Strings without identifiers that come back unchanged.
    pub clean_strings_untouched: f64,
    pub clean_strings: usize,
    pub by_language: BTreeMap<String, (f64, f64)>,
}

/// Whether `needle` still stands in `haystack` as whole words, ignoring case.
fn still_there(haystack: &str, needle: &str) -> bool {
    let haystack = haystack.to_lowercase();
    let needle = needle.to_lowercase();
    if needle.trim().is_empty() {
        return false;
    }
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    haystack.match_indices(&needle).any(|(at, _)| {
        !is_word(haystack[..at].chars().next_back())
            && !is_word(haystack[at + needle.len()..].chars().next())
    })
}

pub fn evaluate_redaction(path: &Path) -> anyhow::Result<RedactionReport> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let file: RedactionFile = toml::from_str(&text)
        .with_context(|| format!("{}: not a redaction set", path.display()))?;
    // (identifying clean, identifying, clean untouched, clean) per language and "all".
    let mut tally: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for case in &file.case {
        let redacted = redact(&case.text);
        for key in ["all".to_string(), case.lang.clone()] {
            let t = tally.entry(key).or_default();
            if case.identifiers.is_empty() {
                t[3] += 1;
                t[2] += usize::from(redacted.text == case.text);
            } else {
                t[1] += 1;
                t[0] += usize::from(
                    !case
                        .identifiers
                        .iter()
                        .any(|id| still_there(&redacted.text, id)),
                );
            }
        }
    }
    let all = tally.remove("all").unwrap_or_default();
    Ok(RedactionReport {
        identifying_strings_clean: ratio(all[0], all[1]),
        identifying_strings: all[1],
        clean_strings_untouched: ratio(all[2], all[3]),
        clean_strings: all[3],
        by_language: tally
            .into_iter()
            .filter(|(lang, _)| !lang.is_empty())
            .map(|(lang, t)| (lang, (ratio(t[0], t[1]), ratio(t[2], t[3]))))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identifier_counts_as_left_only_as_whole_words() {
        assert!(still_there("my boyfriend Jake cried", "jake"));
        assert!(!still_there("my boyfriend [name removed] cried", "Jake"));
        assert!(!still_there("Jakeline", "Jake"));
        assert!(still_there("see t.me/jo_b now", "t.me/jo_b"));
    }
}
