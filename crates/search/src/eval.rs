//! Measuring similar-question retrieval on labelled pairs, in the layout of
//! MQP (`group,query,candidate,label`, no header): the corpus is every
//! distinct candidate; a query's relevant documents are its label-1 ones.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::engine::{Engine, Method};
use crate::lexical::{Filter, LexicalDoc, LexicalIndex};
use crate::semantic::Embedder;
use crate::Error;

#[derive(Debug, Serialize, Clone, Copy, Default)]
pub struct Scores {
    pub recall_at_1: f64,
    pub recall_at_10: f64,
    pub mrr: f64,
    pub ndcg_at_10: f64,
}

#[derive(Debug, Serialize)]
pub struct Calibration {
    pub similarity_at_least: f32,
    pub precision: f64,
    pub coverage: f64,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub queries: usize,
    pub corpus: usize,
    pub methods: HashMap<&'static str, Scores>,
    /// For the "already answered" banner: of the queries whose best hybrid
    /// hit has at least this similarity, how many were right, and how many
    /// queries that is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calibration: Vec<Calibration>,
    /// Hybrid scores by semantic weight, when a sweep was asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sweep: Vec<(f32, Scores)>,
}

pub struct Pairs {
    pub queries: Vec<(String, Vec<usize>)>,
    pub corpus: Vec<String>,
}

/// Reads the CSV; a malformed line is reported with its number.
pub fn read_pairs(path: &Path) -> Result<Pairs, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut corpus: Vec<String> = Vec::new();
    let mut corpus_ids: HashMap<String, usize> = HashMap::new();
    let mut queries: Vec<(String, Vec<usize>)> = Vec::new();
    let mut query_ids: HashMap<String, usize> = HashMap::new();
    for (n, record) in parse_csv(&text).into_iter().enumerate() {
        let line = n + 1;
        let record = record.map_err(|e| format!("{}: record {line}: {e}", path.display()))?;
        let [_, query, candidate, label] = record.as_slice() else {
            return Err(format!(
                "{}: record {line}: expected 4 columns (group,query,candidate,label), found {}",
                path.display(),
                record.len()
            ));
        };
        let relevant = match label.trim() {
            "1" => true,
            "0" => false,
            other => {
                return Err(format!(
                    "{}: record {line}: label must be 0 or 1, not {other:?}",
                    path.display()
                ))
            }
        };
        let c = *corpus_ids.entry(candidate.clone()).or_insert_with(|| {
            corpus.push(candidate.clone());
            corpus.len() - 1
        });
        let q = *query_ids.entry(query.clone()).or_insert_with(|| {
            queries.push((query.clone(), Vec::new()));
            queries.len() - 1
        });
        if relevant && !queries[q].1.contains(&c) {
            queries[q].1.push(c);
        }
    }
    // A query with nothing relevant cannot be scored.
    queries.retain(|(_, relevant)| !relevant.is_empty());
    Ok(Pairs { queries, corpus })
}

/// RFC 4180: quoted fields may hold commas, newlines and doubled quotes.
fn parse_csv(text: &str) -> Vec<Result<Vec<String>, String>> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut error = None;
        loop {
            match chars.next() {
                None => {
                    if quoted {
                        error = Some("a quoted field is not closed".to_owned());
                    }
                    record.push(std::mem::take(&mut field));
                    break;
                }
                Some('"') if quoted => {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                }
                Some('"') if field.is_empty() => quoted = true,
                Some(',') if !quoted => record.push(std::mem::take(&mut field)),
                Some('\r') if !quoted => {}
                Some('\n') if !quoted => {
                    record.push(std::mem::take(&mut field));
                    break;
                }
                Some(c) => field.push(c),
            }
        }
        if record.len() == 1 && record[0].is_empty() && error.is_none() {
            continue;
        }
        records.push(match error {
            Some(e) => Err(e),
            None => Ok(record),
        });
    }
    records
}

fn score_ranking(ranked: &[u64], relevant: &[usize]) -> Scores {
    let is_relevant = |id: &u64| relevant.contains(&(*id as usize));
    let hits_in = |k: usize| ranked.iter().take(k).filter(|id| is_relevant(id)).count() as f64;
    let n = relevant.len() as f64;
    let first = ranked.iter().position(is_relevant);
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .filter(|(_, id)| is_relevant(id))
        .map(|(i, _)| 1.0 / ((i + 2) as f64).log2())
        .sum();
    let ideal: f64 = (0..relevant.len().min(10))
        .map(|i| 1.0 / ((i + 2) as f64).log2())
        .sum();
    Scores {
        recall_at_1: hits_in(1) / n,
        recall_at_10: hits_in(10) / n,
        mrr: first.map_or(0.0, |r| 1.0 / (r + 1) as f64),
        ndcg_at_10: if ideal > 0.0 { dcg / ideal } else { 0.0 },
    }
}

/// Runs every method over the pairs. Without an embedder only the lexical
/// method is reported.
/// With `vectors_on_disk` (a file to write), every vector's row goes
/// there at once, as a large index's do: the first pass is then by signs
/// alone, to measure what that costs in recall.
pub fn evaluate(
    pairs: &Pairs,
    embedder: Option<&Embedder>,
    sweep: &[f32],
    vectors_on_disk: Option<&std::path::Path>,
) -> Result<Report, Error> {
    let mut engine = Engine::new(LexicalIndex::in_memory()?);
    if let Some(path) = vectors_on_disk {
        engine.vectors = crate::semantic::VectorIndex::spilling_to(path.to_path_buf(), 0);
    }
    let corpus_vectors = match embedder {
        Some(e) => Some(e.embed(&pairs.corpus.iter().map(String::as_str).collect::<Vec<_>>())?),
        None => None,
    };
    for (i, text) in pairs.corpus.iter().enumerate() {
        let doc = LexicalDoc {
            id: i as u64,
            title: text,
            body: "",
            answers: "",
            topic: "other",
            answered: true,
        };
        let vector = corpus_vectors.as_ref().map(|v| v[i].as_slice());
        engine.upsert(&doc, vector)?;
    }
    engine.lexical.commit()?;
    let query_vectors = match embedder {
        Some(e) => Some(
            e.embed(
                &pairs
                    .queries
                    .iter()
                    .map(|(q, _)| q.as_str())
                    .collect::<Vec<_>>(),
            )?,
        ),
        None => None,
    };
    let methods: &[(&'static str, Method)] = if embedder.is_some() {
        &[
            ("lexical", Method::Lexical),
            ("semantic", Method::Semantic),
            ("hybrid", Method::Hybrid),
        ]
    } else {
        &[("lexical", Method::Lexical)]
    };
    let mut report = Report {
        queries: pairs.queries.len(),
        corpus: pairs.corpus.len(),
        methods: HashMap::new(),
        sweep: Vec::new(),
        calibration: Vec::new(),
    };
    let run = |engine: &Engine, method: Method| -> Result<Scores, Error> {
        let mut total = Scores::default();
        for (i, (query, relevant)) in pairs.queries.iter().enumerate() {
            let embedding = query_vectors.as_ref().map(|v| v[i].as_slice());
            let hits = engine.search(query, embedding, method, &Filter::default(), 10, None)?;
            let ranked: Vec<u64> = hits.iter().map(|h| h.id).collect();
            let s = score_ranking(&ranked, relevant);
            total.recall_at_1 += s.recall_at_1;
            total.recall_at_10 += s.recall_at_10;
            total.mrr += s.mrr;
            total.ndcg_at_10 += s.ndcg_at_10;
        }
        let n = pairs.queries.len().max(1) as f64;
        let mean = |x: f64| (x / n * 10_000.0).round() / 10_000.0;
        Ok(Scores {
            recall_at_1: mean(total.recall_at_1),
            recall_at_10: mean(total.recall_at_10),
            mrr: mean(total.mrr),
            ndcg_at_10: mean(total.ndcg_at_10),
        })
    };
    for &(name, method) in methods {
        report.methods.insert(name, run(&engine, method)?);
    }
    if embedder.is_some() {
        let mut top: Vec<(f32, bool)> = Vec::new();
        for (i, (query, relevant)) in pairs.queries.iter().enumerate() {
            let embedding = query_vectors.as_ref().map(|v| v[i].as_slice());
            let hits = engine.search(
                query,
                embedding,
                Method::Hybrid,
                &Filter::default(),
                1,
                None,
            )?;
            if let Some(h) = hits.first() {
                top.push((
                    h.similarity.unwrap_or(0.0),
                    relevant.contains(&(h.id as usize)),
                ));
            }
        }
        for t in [0.6f32, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
            let above: Vec<bool> = top
                .iter()
                .filter(|(s, _)| *s >= t)
                .map(|(_, ok)| *ok)
                .collect();
            let right = above.iter().filter(|ok| **ok).count() as f64;
            report.calibration.push(Calibration {
                similarity_at_least: t,
                precision: if above.is_empty() {
                    0.0
                } else {
                    (right / above.len() as f64 * 1000.0).round() / 1000.0
                },
                coverage: (above.len() as f64 / pairs.queries.len().max(1) as f64 * 1000.0).round()
                    / 1000.0,
            });
        }
        for &w in sweep {
            engine.semantic_weight = w;
            report.sweep.push((w, run(&engine, Method::Hybrid)?));
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_handles_quotes_commas_and_newlines() {
        let records = parse_csv("1,\"a, b\",\"say \"\"hi\"\"\nthere\",1\r\n2,c,d,0\n");
        assert_eq!(records.len(), 2);
        assert_eq!(
            records[0].as_ref().unwrap(),
            &vec!["1", "a, b", "say \"hi\"\nthere", "1"]
        );
        assert_eq!(records[1].as_ref().unwrap(), &vec!["2", "c", "d", "0"]);
        assert!(parse_csv("1,\"open").pop().unwrap().is_err());
    }

    #[test]
    fn scores_a_ranking() {
        let s = score_ranking(&[5, 3, 9], &[3]);
        assert_eq!(s.recall_at_1, 0.0);
        assert_eq!(s.recall_at_10, 1.0);
        assert_eq!(s.mrr, 0.5);
        assert!((s.ndcg_at_10 - 1.0 / 3f64.log2()).abs() < 1e-9);
        assert_eq!(score_ranking(&[3], &[3]).recall_at_1, 1.0);
    }

    #[test]
    fn lexical_evaluation_runs_without_a_model() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pairs.csv");
        std::fs::write(
            &path,
            "1,why do I cry after sex,tears after intercourse why,1\n1,why do I cry after sex,pain after sex why,0\n2,condom broke what now,the condom broke last night,1\n",
        )
        .unwrap();
        let pairs = read_pairs(&path).unwrap();
        assert_eq!((pairs.queries.len(), pairs.corpus.len()), (2, 3));
        let report = evaluate(&pairs, None, &[], None).unwrap();
        assert!(report.methods["lexical"].recall_at_10 > 0.99);
        std::fs::write(&path, "1,q,c,maybe\n").unwrap();
        let err = read_pairs(&path).err().unwrap();
        assert!(err.contains("record 1") && err.contains("label"), "{err}");
    }
}
