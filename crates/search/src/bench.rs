//! `confide bench search`: a synthetic corpus, the index build time, query
//! latency percentiles for each method, and memory.

use std::time::Instant;

use serde::Serialize;

use crate::engine::{Engine, Method};
use crate::lexical::{Filter, LexicalDoc, LexicalIndex};
use crate::semantic::{Embedder, VectorIndex};
use crate::Error;

#[derive(Debug, Serialize)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
}

#[derive(Debug, Serialize)]
pub struct BenchReport {
    pub questions: usize,
    pub queries: usize,
    pub build_seconds: f64,
    pub lexical: Latency,
    pub semantic: Latency,
    pub hybrid: Latency,
    /// Hybrid including embedding the query with the real model.
    pub hybrid_with_embedding: Option<Latency>,
    pub embedding_only: Option<Latency>,
    pub vector_index_mb: f64,
    /// Whether the vectors' rows had moved to a file (approximate first
    /// pass), as the server's do past `VECTORS_IN_MEMORY` questions.
    pub vectors_on_disk: bool,
    /// Of queries made from a question's vector moved to a cosine of 0.8
    /// (the "same question" line), the share whose nearest is that question.
    pub near_duplicate_found_first: f64,
    pub rss_mb_before: f64,
    pub rss_mb_after: f64,
}

/// A small deterministic generator, so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Zipf-like: low indexes far more often, as words are in real text.
    fn word<'a>(&mut self, words: &[&'a str]) -> &'a str {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        let i = ((words.len() as f64).powf(u) - 1.0) as usize;
        words[i.min(words.len() - 1)]
    }

    fn unit_vector(&mut self) -> Vec<f32> {
        crate::semantic::random_unit_vector(|| self.next())
    }
}

const WORDS: &[&str] = &[
    "sex",
    "partner",
    "after",
    "pain",
    "feel",
    "normal",
    "why",
    "when",
    "condom",
    "period",
    "pill",
    "body",
    "desire",
    "relationship",
    "boyfriend",
    "girlfriend",
    "husband",
    "wife",
    "cry",
    "tears",
    "orgasm",
    "erection",
    "test",
    "infection",
    "burning",
    "discharge",
    "pregnant",
    "late",
    "bleeding",
    "anxious",
    "worried",
    "ashamed",
    "first",
    "time",
    "again",
    "never",
    "always",
    "sometimes",
    "doctor",
    "clinic",
    "safe",
    "unprotected",
    "kiss",
    "touch",
    "libido",
    "low",
    "high",
    "porn",
    "masturbation",
    "consent",
    "pressure",
    "trust",
    "jealous",
    "married",
    "single",
    "dating",
    "vaginal",
    "penis",
    "vulva",
    "testicle",
    "breast",
    "hormone",
    "contraception",
    "iud",
    "implant",
    "herpes",
    "chlamydia",
    "hiv",
    "prep",
    "pep",
    "lubricant",
    "dry",
    "tight",
    "painful",
    "itch",
    "sore",
    "rash",
    "lump",
    "smell",
    "size",
    "shape",
    "weight",
    "age",
    "menopause",
    "pregnancy",
    "fertility",
    "sperm",
    "ejaculation",
    "premature",
    "delayed",
    "arousal",
    "fantasy",
    "kink",
    "boundaries",
    "talk",
    "communication",
    "cheating",
    "breakup",
    "lonely",
    "intimacy",
    "closeness",
    "cuddle",
    "sleep",
];

/// A vocabulary shaped like real text: a few thousand words, Zipf-ranked,
/// with our domain's words spread through the commoner ranks. (A corpus
/// built from a hundred words would put every word in every document,
/// which no real corpus does.)
fn vocabulary() -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ra", "ten", "su", "vo", "ne", "pa", "ri", "do", "fe", "gu", "zi", "bo",
        "sha", "tor", "len", "qui", "mar", "sol", "ber", "nit", "cam", "dre",
    ];
    let mut rng = Rng(0x0b5e_55ed_5eed_0002);
    let mut words: Vec<String> = (0..6_000)
        .map(|_| {
            let n = 2 + (rng.next() % 2) as usize;
            (0..n)
                .map(|_| SYLLABLES[(rng.next() % SYLLABLES.len() as u64) as usize])
                .collect()
        })
        .collect();
    for (i, w) in WORDS.iter().enumerate() {
        let rank = 20 + i * 9;
        words.insert(rank.min(words.len()), (*w).to_owned());
    }
    // As in real text, the commonest words are function words, which the
    // analysers drop.
    let stop = [
        "the", "and", "to", "a", "of", "i", "it", "is", "in", "that", "with", "for", "on", "was",
        "but", "not", "be", "he", "she", "we", "they", "my", "this", "at", "as", "if", "or", "are",
        "no", "there", "then", "will", "such", "by", "into", "an", "their", "these",
    ];
    stop.iter()
        .rev()
        .for_each(|w| words.insert(0, (*w).to_owned()));
    words
}

fn sentence(rng: &mut Rng, vocabulary: &[&str], min: usize, max: usize) -> String {
    let n = min + (rng.next() as usize % (max - min + 1));
    (0..n)
        .map(|_| rng.word(vocabulary))
        .collect::<Vec<_>>()
        .join(" ")
}

fn percentiles(mut samples: Vec<f64>) -> Latency {
    samples.sort_by(|a, b| a.total_cmp(b));
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    Latency {
        p50_ms: (at(0.50) * 1000.0).round() / 1000.0,
        p99_ms: (at(0.99) * 1000.0).round() / 1000.0,
    }
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| (kb / 1024.0 * 10.0).round() / 10.0)
}

fn time_ms(f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64() * 1000.0
}

/// Builds a corpus of `questions` and times `queries` searches per method.
pub fn run(
    questions: usize,
    queries: usize,
    embedder: Option<&Embedder>,
    progress: impl Fn(usize, usize),
) -> Result<BenchReport, Error> {
    let rss_before = rss_mb();
    let mut rng = Rng(0x5eed_c0f1_de00_0001);
    let owned = vocabulary();
    let vocabulary: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut engine = Engine::new(LexicalIndex::in_memory()?);
    // The rows go to a file past the server's threshold, as the server's do.
    let spill = std::env::temp_dir().join(format!("confide-bench-{}.i8", std::process::id()));
    engine.vectors = VectorIndex::spilling_to(spill.clone(), crate::VECTORS_IN_MEMORY);
    let keep_every = (questions / queries.max(1)).max(1);
    let mut originals = Vec::new();
    let build = Instant::now();
    for id in 0..questions {
        let title = sentence(&mut rng, &vocabulary, 5, 12);
        let body = sentence(&mut rng, &vocabulary, 20, 60);
        let answers = sentence(&mut rng, &vocabulary, 30, 80);
        let vector = rng.unit_vector();
        let doc = LexicalDoc {
            id: id as u64,
            title: &title,
            body: &body,
            answers: &answers,
            topic: "other",
            answered: true,
        };
        engine.upsert(&doc, Some(&vector))?;
        if id % keep_every == 0 {
            originals.push((id as u64, vector));
        }
        if id % 10_000 == 9_999 {
            progress(id + 1, questions);
        }
    }
    engine.lexical.commit()?;
    let build_seconds = build.elapsed().as_secs_f64();
    let texts: Vec<String> = (0..queries)
        .map(|_| sentence(&mut rng, &vocabulary, 3, 8))
        .collect();
    let vectors: Vec<Vec<f32>> = (0..queries).map(|_| rng.unit_vector()).collect();
    let filter = Filter::default();
    let measure = |method: Method| -> Result<Latency, Error> {
        let mut samples = Vec::with_capacity(queries);
        for (text, vector) in texts.iter().zip(&vectors) {
            let mut result = Ok(Vec::new());
            samples.push(time_ms(|| {
                result = engine.search(text, Some(vector), method, &filter, 10, None)
            }));
            result?;
        }
        Ok(percentiles(samples))
    };
    // cos(v, v + 0.75 u) = 0.8 for a unit u orthogonal to v; a random u
    // in 384 dimensions is nearly so.
    let mut found_first = 0;
    for (id, v) in &originals {
        let u = rng.unit_vector();
        let query: Vec<f32> = v.iter().zip(&u).map(|(a, b)| a + 0.75 * b).collect();
        let hits = engine.vectors.search(&query, 1, |_| true)?;
        found_first += usize::from(hits.first().is_some_and(|(hit, _)| hit == id));
    }
    let near_duplicate_found_first = found_first as f64 / originals.len().max(1) as f64;
    let lexical = measure(Method::Lexical)?;
    let semantic = measure(Method::Semantic)?;
    let hybrid = measure(Method::Hybrid)?;
    let (hybrid_with_embedding, embedding_only) = match embedder {
        None => (None, None),
        Some(e) => {
            let mut with = Vec::new();
            let mut only = Vec::new();
            for text in texts.iter().take(200) {
                let mut result = Ok(());
                with.push(time_ms(|| {
                    let started = Instant::now();
                    result = e.embed(&[text.as_str()]).and_then(|v| {
                        only.push(started.elapsed().as_secs_f64() * 1000.0);
                        engine
                            .search(text, Some(&v[0]), Method::Hybrid, &filter, 10, None)
                            .map(|_| ())
                    });
                }));
                result?;
            }
            (Some(percentiles(with)), Some(percentiles(only)))
        }
    };
    let report = Ok(BenchReport {
        questions,
        queries,
        build_seconds: (build_seconds * 100.0).round() / 100.0,
        lexical,
        semantic,
        hybrid,
        hybrid_with_embedding,
        embedding_only,
        vector_index_mb: (engine.vectors.memory_bytes() as f64 / 1_048_576.0 * 10.0).round() / 10.0,
        vectors_on_disk: engine.vectors.spilled(),
        near_duplicate_found_first,
        rss_mb_before: rss_before,
        rss_mb_after: rss_mb(),
    });
    let _ = std::fs::remove_file(&spill);
    report
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_tiny_bench_runs() {
        let report = super::run(300, 20, None, |_, _| {}).unwrap();
        assert_eq!(report.questions, 300);
        assert!(report.lexical.p99_ms >= report.lexical.p50_ms);
        assert!(report.hybrid_with_embedding.is_none());
        assert!(!report.vectors_on_disk);
        assert_eq!(report.near_duplicate_found_first, 1.0);
    }
}
