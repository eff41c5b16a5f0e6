//! The two indexes side by side and one ranking fused from both. Pure
//! in-memory logic over the indexes; the projection feeds it.

use std::collections::HashMap;

use confide_core::Topic;

use crate::ids::IdMap;
use crate::lexical::{Filter, LexicalDoc, LexicalIndex};
use crate::semantic::VectorIndex;
use crate::Error;

/// How much the semantic similarity weighs against the lexical score in
/// the fused ranking (the rest is BM25, normalised by the query's best).
/// Meaning leads; shared rare words (a drug's name, a body part) break
/// ties. On MQP, 0.85 to 0.95 score alike and 0.5 clearly worse (README).
pub const SEMANTIC_WEIGHT: f32 = 0.85;
/// How many candidates each index proposes before fusion.
const CANDIDATES: usize = 50;

/// What filtering needs of a document, in eight bytes per question (a
/// million questions' titles and topics as strings took 150 MB; titles
/// are read from the database for the few results shown).
#[derive(Debug, Clone, Copy)]
pub struct DocMeta {
    /// Index in `Topic::ALL`; `u8::MAX` for a topic this build does not know.
    topic: u8,
    pub answered: bool,
    /// When the document last changed, on [`Engine::clock`]: a list ranked
    /// before then may show it as it no longer is.
    pub changed: u32,
}

impl DocMeta {
    pub fn topic(&self) -> Option<Topic> {
        Topic::ALL.get(usize::from(self.topic)).copied()
    }
}

fn topic_code(slug: &str) -> u8 {
    Topic::ALL
        .iter()
        .position(|t| t.slug() == slug)
        .map_or(u8::MAX, |i| i as u8)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Lexical,
    Semantic,
    Hybrid,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub id: u64,
    /// Fused score in [0, 1] for hybrid; BM25 or cosine for the single methods.
    pub score: f32,
    /// Cosine similarity to the query, when the semantic index had the document.
    pub similarity: Option<f32>,
    pub snippet: String,
}

pub struct Engine {
    pub lexical: LexicalIndex,
    pub vectors: VectorIndex,
    pub meta: IdMap<DocMeta>,
    /// Counts changes to documents, for [`DocMeta::changed`].
    clock: u32,
    /// See [`SEMANTIC_WEIGHT`].
    pub semantic_weight: f32,
}

impl Engine {
    pub fn new(lexical: LexicalIndex) -> Self {
        Engine {
            lexical,
            vectors: VectorIndex::default(),
            meta: IdMap::default(),
            clock: 0,
            semantic_weight: SEMANTIC_WEIGHT,
        }
    }

    pub fn upsert(&mut self, doc: &LexicalDoc<'_>, vector: Option<&[f32]>) -> Result<(), Error> {
        self.lexical.upsert(doc)?;
        match vector {
            Some(v) => self.vectors.upsert(doc.id, v)?,
            None => self.vectors.remove(doc.id)?,
        }
        self.set_meta(doc.id, doc.topic, doc.answered);
        Ok(())
    }

    /// Records what filtering needs of a document, and that it changed.
    pub fn set_meta(&mut self, id: u64, topic: &str, answered: bool) {
        self.clock = self.clock.wrapping_add(1);
        self.meta.insert(
            id,
            DocMeta {
                topic: topic_code(topic),
                answered,
                changed: self.clock,
            },
        );
    }

    pub fn remove(&mut self, id: u64) -> Result<(), Error> {
        // The vector first: should its file fail, nothing has changed.
        self.vectors.remove(id)?;
        self.lexical.delete(id);
        self.meta.remove(id);
        self.clock = self.clock.wrapping_add(1);
        Ok(())
    }

    /// Now, on the clock documents' changes are stamped with.
    pub fn clock(&self) -> u32 {
        self.clock
    }

    /// Whether `id` is gone or changed since `then` (a clock reading).
    pub fn changed_since(&self, id: u64, then: u32) -> bool {
        self.meta
            .get(id)
            .is_none_or(|m| m.changed.wrapping_sub(then) as i32 > 0)
    }

    pub fn len(&self) -> usize {
        self.meta.len()
    }

    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    fn keeps(&self, id: u64, filter: &Filter) -> bool {
        self.meta.get(id).is_some_and(|m| {
            (!filter.answered_only || m.answered)
                && filter
                    .topic
                    .as_ref()
                    .is_none_or(|t| m.topic().is_some_and(|mt| mt.slug() == t))
        })
    }

    /// Ranks documents for `text` (and its embedding, when there is one).
    pub fn search(
        &self,
        text: &str,
        embedding: Option<&[f32]>,
        method: Method,
        filter: &Filter,
        limit: usize,
        exclude: Option<u64>,
    ) -> Result<Vec<Hit>, Error> {
        let wanted = limit + usize::from(exclude.is_some());
        let keep = |id: u64| Some(id) != exclude && self.keeps(id, filter);
        let run_lexical = || match method {
            Method::Semantic => Ok(Vec::new()),
            _ => self.lexical.search(text, filter, CANDIDATES.max(wanted)),
        };
        let run_semantic = || match (method, embedding) {
            (Method::Lexical, _) | (_, None) => Ok(Vec::new()),
            (_, Some(q)) => self.vectors.search(q, CANDIDATES.max(wanted), keep),
        };
        // Two cores, two indexes: for hybrid, scan the vectors while tantivy searches.
        let (lexical, semantic) = if method == Method::Hybrid && embedding.is_some() {
            std::thread::scope(|scope| {
                let vectors = scope.spawn(run_semantic);
                let lexical = run_lexical();
                let semantic = vectors
                    .join()
                    .unwrap_or_else(|_| Err(Error::Index("vector search failed".into())));
                (lexical, semantic)
            })
        } else {
            (run_lexical(), run_semantic())
        };
        // Filter before fusing: lexical scores are normalised by the best
        // remaining one, which must not be a document that will be dropped.
        let lexical: Vec<_> = lexical?.into_iter().filter(|h| keep(h.id)).collect();
        let semantic = semantic?;
        let mut hits: Vec<Hit> = match method {
            Method::Lexical => lexical
                .into_iter()
                .map(|h| Hit {
                    id: h.id,
                    score: h.score,
                    similarity: None,
                    snippet: h.snippet,
                })
                .collect(),
            Method::Semantic => semantic
                .into_iter()
                .map(|(id, s)| Hit {
                    id,
                    score: s,
                    similarity: Some(s),
                    snippet: String::new(),
                })
                .collect(),
            Method::Hybrid => fuse(lexical, semantic, embedding.map(|_| self.semantic_weight)),
        };
        hits.retain(|h| keep(h.id));
        hits.truncate(limit);
        Ok(hits)
    }

    /// Fills in highlighted snippets for hits about to be shown.
    pub fn add_snippets(&self, text: &str, hits: &mut [Hit]) -> Result<(), Error> {
        let ids: Vec<u64> = hits.iter().map(|h| h.id).collect();
        let mut snippets = self.lexical.snippets(text, &ids)?;
        for h in hits {
            h.snippet = snippets.remove(&h.id).unwrap_or_default();
        }
        Ok(())
    }
}

/// One ranking from both lists: a weighted sum of cosine similarity and
/// BM25 normalised by the best BM25 score of this query. Scores stay
/// comparable across queries, unlike rank-only fusion, which is what lets
/// a threshold say "this is your question".
fn fuse(
    lexical: Vec<crate::lexical::LexicalHit>,
    semantic: Vec<(u64, f32)>,
    semantic_weight: Option<f32>,
) -> Vec<Hit> {
    let best_bm25 = lexical.iter().map(|h| h.score).fold(0f32, f32::max);
    let mut merged: HashMap<u64, Hit> = HashMap::new();
    let w = semantic_weight.unwrap_or(0.0);
    for h in lexical {
        let lex = if best_bm25 > 0.0 {
            h.score / best_bm25
        } else {
            0.0
        };
        merged.insert(
            h.id,
            Hit {
                id: h.id,
                score: (1.0 - w) * lex,
                similarity: None,
                snippet: h.snippet,
            },
        );
    }
    for (id, cos) in semantic {
        let entry = merged.entry(id).or_insert_with(|| Hit {
            id,
            score: 0.0,
            similarity: None,
            snippet: String::new(),
        });
        entry.similarity = Some(cos);
        entry.score += w * cos.max(0.0);
    }
    let mut hits: Vec<Hit> = merged.into_values().collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    hits
}
