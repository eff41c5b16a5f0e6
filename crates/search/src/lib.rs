//! Confide's search: a projection of the store for finding things. A lexical
//! index (tantivy) and sentence embeddings (all-MiniLM-L6-v2 via candle),
//! fused into one ranking. It follows the store's change log, so every
//! node's index converges on the database, and it can be rebuilt from the
//! database at any time.

pub mod bench;
pub mod engine;
pub mod eval;
pub mod ids;
pub mod lang;
pub mod lexical;
pub mod model;
pub mod semantic;
pub mod triage;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use confide_core::QuestionId;
use confide_store::{SearchDocument, Store, StoreError, StoredEmbedding};
use sha2::{Digest, Sha256};
use thiserror::Error;

pub use engine::{Engine, Hit, Method};
pub use lexical::Filter;
pub use semantic::Embedder;
pub use triage::TriageReader;

#[derive(Debug, Error)]
pub enum Error {
    #[error("search index: {0}")]
    Index(String),
    #[error("embedding model: {0}")]
    Model(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Cosine similarity above which a stored question is taken to be the one
/// being asked ("this looks like your question — already answered").
/// Calibrated on MQP: see `confide eval similar` and the README.
pub const SAME_QUESTION_SIMILARITY: f32 = 0.80;

/// Below this fused score a hit is noise rather than an answer: without it
/// every search would list the nearest 20 questions however far they are.
pub const MIN_RELEVANCE: f32 = 0.3;

/// One result, ready to show.
#[derive(Debug, Clone)]
pub struct SearchResult {
    pub id: QuestionId,
    pub title: String,
    pub topic: String,
    /// Escaped HTML, matches in `<mark>`; may be empty.
    pub snippet: String,
    pub score: f32,
    pub answered: bool,
    /// Semantic similarity to the query, when semantic search is on.
    pub similarity: Option<f32>,
}

impl SearchResult {
    /// Close enough to say "this looks like your question".
    pub fn looks_like_the_same_question(&self) -> bool {
        self.answered
            && self
                .similarity
                .is_some_and(|s| s >= SAME_QUESTION_SIMILARITY)
    }
}

/// The text a question's embedding is computed from: what it asks.
fn embedding_text(doc: &SearchDocument) -> String {
    question_text(&doc.title, &doc.body)
}

fn question_text(title: &str, body: &str) -> String {
    format!("{title}\n{body}")
}

/// What a stored vector of a question with this title and body is checked
/// against: vectors made elsewhere (synthetic benchmark data) are kept at
/// start only when this matches.
pub fn stored_vector_hash(title: &str, body: &str) -> Vec<u8> {
    content_hash(&question_text(title, body))
}

fn content_hash(text: &str) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(model::MODEL_NAME.as_bytes());
    h.update(b"\n");
    h.update(text.as_bytes());
    h.finalize().to_vec()
}

pub struct Search {
    store: Arc<dyn Store>,
    engine: RwLock<Engine>,
    embedder: Option<Arc<Embedder>>,
    /// Triage with the same model: rules, and meaning when the model is here.
    triage: TriageReader,
    /// The last change-log entry applied; the lock also serialises catch-ups.
    applied: tokio::sync::Mutex<i64>,
    marker: Option<PathBuf>,
    /// Where the vectors' rows go once there are many; none in memory.
    vector_file: Option<PathBuf>,
    /// Related questions per question: a ranking over the whole corpus,
    /// too dear to repeat for every page view (the profile of the
    /// question page showed it as most of the work).
    related: std::sync::Mutex<HashMap<QuestionId, RelatedList>>,
    /// One related ranking in the background at a time, so a stream of
    /// first views can never take every processor.
    ranker: Arc<tokio::sync::Semaphore>,
}

/// Related lists are kept this long; a question that changes loses its own at once.
const RELATED_TTL: std::time::Duration = std::time::Duration::from_secs(600);
const RELATED_MAX: usize = 50_000;

const MARKER_FILE: &str = "confide-applied-seq";
/// The vectors' rows once they leave memory; rewritten at every start.
const VECTOR_FILE: &str = "vectors.i8";
/// Up to this many questions every vector stays in memory and semantic
/// search is exact (77 MB of int8); past it, see [`semantic::VectorIndex`].
pub const VECTORS_IN_MEMORY: usize = 200_000;

/// A ranked related list, when it was made and on the engine's clock.
struct RelatedList {
    made: std::time::Instant,
    clock: u32,
    list: Vec<SearchResult>,
}

/// What bringing one question up to date did to the index.
enum Refreshed {
    Indexed,
    Removed,
    /// Not public, and never was: nothing to do.
    Untouched,
}
const PAGE: u32 = 500;

impl Search {
    /// Opens the projection: the lexical index in `index_dir` (in memory when
    /// `None`), rebuilt from the database if missing, damaged or behind; the
    /// vectors from the database, computing any that are missing.
    pub async fn open(
        store: Arc<dyn Store>,
        index_dir: Option<&Path>,
        embedder: Option<Arc<Embedder>>,
    ) -> Result<Self, Error> {
        let (lexical, marker, mut start) = match index_dir {
            None => (lexical::LexicalIndex::in_memory()?, None, None),
            Some(dir) => {
                let (index, recreated) = lexical::LexicalIndex::open_or_create(dir)?;
                let marker = dir.join(MARKER_FILE);
                let seq = if recreated {
                    None
                } else {
                    read_marker(&marker)
                };
                (index, Some(marker), seq)
            }
        };
        // A marker from the future means the database was replaced: rebuild.
        let last = store.last_change().await?;
        if start.is_some_and(|s| s > last) {
            start = None;
        }
        let search = Search {
            store,
            engine: RwLock::new(Engine::new(lexical)),
            triage: TriageReader::new(embedder.clone()),
            embedder,
            applied: tokio::sync::Mutex::new(0),
            marker,
            vector_file: index_dir.map(|dir| dir.join(VECTOR_FILE)),
            related: std::sync::Mutex::new(HashMap::new()),
            ranker: Arc::new(tokio::sync::Semaphore::new(1)),
        };
        search.load(start.is_none(), |_| {}).await?;
        let mut applied = search.applied.lock().await;
        *applied = start.unwrap_or(last).min(last);
        drop(applied);
        search.catch_up().await?;
        release_free_memory();
        Ok(search)
    }

    /// Triage that reads meaning with this projection's model.
    pub fn triage(&self) -> &TriageReader {
        &self.triage
    }

    pub fn semantic_enabled(&self) -> bool {
        self.embedder.is_some()
    }

    pub fn len(&self) -> usize {
        self.engine.read().map(|e| e.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Rebuilds everything from the database, reporting how many are done.
    pub async fn rebuild(&self, progress: impl Fn(usize)) -> Result<(), Error> {
        let mut applied = self.applied.lock().await;
        let last = self.store.last_change().await?;
        self.load(true, progress).await?;
        *applied = last;
        drop(applied);
        self.catch_up().await?;
        release_free_memory();
        Ok(())
    }

    /// Reads every public question: fills metadata and vectors, and the
    /// lexical index too when `relex`. Questions and their stored vectors
    /// are both read in id order, a page at a time, side by side: memory
    /// stays that of a page whatever the size of the database.
    async fn load(&self, relex: bool, progress: impl Fn(usize)) -> Result<(), Error> {
        {
            let mut engine = self.write_engine()?;
            if relex {
                engine.lexical.clear()?;
            }
            engine.meta = Default::default();
            engine.vectors = match &self.vector_file {
                Some(path) => semantic::VectorIndex::spilling_to(path.clone(), VECTORS_IN_MEMORY),
                None => semantic::VectorIndex::default(),
            };
        }
        let mut stored = StoredVectors::new(&*self.store);
        let mut done = 0;
        let mut after = QuestionId(0);
        loop {
            let docs = self.store.public_documents_after(after, PAGE).await?;
            let Some(last) = docs.last() else { break };
            after = last.id;
            let mut fresh = Vec::with_capacity(docs.len());
            let mut stale = Vec::new();
            for doc in docs {
                let text = embedding_text(&doc);
                let hash = content_hash(&text);
                match stored
                    .take(doc.id)
                    .await?
                    .filter(|e| e.content_hash == hash)
                {
                    Some(e) => fresh.push((doc, semantic::from_bytes(&e.vector))),
                    None => stale.push((doc, text, hash)),
                }
            }
            let computed = self.embed_and_store(stale).await?;
            fresh.extend(computed);
            {
                let mut engine = self.write_engine()?;
                for (doc, vector) in &fresh {
                    if relex {
                        engine.upsert(&lexical_doc(doc), vector.as_deref())?;
                    } else {
                        upsert_without_lexical(&mut engine, doc, vector.as_deref())?;
                    }
                }
            }
            done += fresh.len();
            progress(done);
        }
        if relex {
            let mut engine = self.write_engine()?;
            engine.lexical.commit()?;
        }
        Ok(())
    }

    /// Embeds documents whose stored vector is missing or stale, and stores the result.
    async fn embed_and_store(
        &self,
        docs: Vec<(SearchDocument, String, Vec<u8>)>,
    ) -> Result<Vec<(SearchDocument, Option<Vec<f32>>)>, Error> {
        let Some(embedder) = self.embedder.clone() else {
            return Ok(docs.into_iter().map(|(d, _, _)| (d, None)).collect());
        };
        if docs.is_empty() {
            return Ok(Vec::new());
        }
        let texts: Vec<String> = docs.iter().map(|(_, t, _)| t.clone()).collect();
        let vectors = tokio::task::spawn_blocking(move || {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            embedder.embed(&refs)
        })
        .await
        .map_err(|e| Error::Model(e.to_string()))??;
        let mut out = Vec::with_capacity(docs.len());
        for ((doc, _, hash), vector) in docs.into_iter().zip(vectors) {
            self.store
                .put_embedding(&StoredEmbedding {
                    question_id: doc.id,
                    model: model::MODEL_NAME.into(),
                    content_hash: hash,
                    vector: semantic::to_bytes(&vector),
                })
                .await?;
            out.push((doc, Some(vector)));
        }
        Ok(out)
    }

    fn write_engine(&self) -> Result<std::sync::RwLockWriteGuard<'_, Engine>, Error> {
        self.engine
            .write()
            .map_err(|_| Error::Index("index lock poisoned".into()))
    }

    fn read_engine(&self) -> Result<std::sync::RwLockReadGuard<'_, Engine>, Error> {
        self.engine
            .read()
            .map_err(|_| Error::Index("index lock poisoned".into()))
    }

    /// Applies every change-log entry not yet applied. Returns how many
    /// questions were refreshed.
    pub async fn catch_up(&self) -> Result<usize, Error> {
        let mut applied = self.applied.lock().await;
        let mut refreshed = 0;
        loop {
            let changes = self.store.changes_since(*applied, PAGE).await?;
            let Some(last) = changes.last() else { break };
            let last_seq = last.seq;
            let ids: BTreeSet<QuestionId> = changes.iter().filter_map(|c| c.question_id).collect();
            // Text a moderator took out (hidden, or edited away) must leave
            // the index files too, as erased text does.
            let mut removed = changes
                .iter()
                .any(|c| c.question_id.is_some() && matches!(c.op.as_str(), "edited" | "hidden"));
            // A commit writes and syncs the index's files: only when the
            // index changed (a new private question changes nothing).
            let mut touched = removed;
            for id in ids {
                // A question whose only change is its creation cannot be in
                // the index files yet; any other may be, even if this node's
                // metadata (read from the database at start) no longer has it.
                let only_created = changes
                    .iter()
                    .filter(|c| c.question_id == Some(id))
                    .all(|c| c.entity == "question" && c.op == "created");
                match self.refresh(id, only_created).await? {
                    Refreshed::Indexed => touched = true,
                    Refreshed::Removed => {
                        touched = true;
                        removed = true;
                    }
                    Refreshed::Untouched => {}
                }
                refreshed += 1;
                if let Ok(mut cache) = self.related.lock() {
                    cache.remove(&id);
                }
            }
            if touched {
                let mut engine = self.write_engine()?;
                engine.lexical.commit()?;
                if removed {
                    engine.lexical.purge_deleted()?;
                }
            }
            *applied = last_seq;
            if let Some(marker) = &self.marker {
                let _ = std::fs::write(marker, last_seq.to_string());
            }
        }
        Ok(refreshed)
    }

    /// Brings one question up to date.
    async fn refresh(&self, id: QuestionId, only_created: bool) -> Result<Refreshed, Error> {
        let doc = self.store.search_document(id).await?.filter(|d| d.public);
        let Some(doc) = doc else {
            // Whatever was in the index leaves it, and its text the files;
            // only a new private question never was there.
            let mut engine = self.write_engine()?;
            if only_created && !engine.meta.contains(id.0 as u64) {
                return Ok(Refreshed::Untouched);
            }
            engine.remove(id.0 as u64)?;
            return Ok(Refreshed::Removed);
        };
        let text = embedding_text(&doc);
        let hash = content_hash(&text);
        let stored = self
            .store
            .embeddings_after(model::MODEL_NAME, QuestionId(id.0 - 1), 1)
            .await?
            .into_iter()
            .find(|e| e.question_id == id && e.content_hash == hash);
        let vector = match stored {
            Some(e) => semantic::from_bytes(&e.vector),
            None => self
                .embed_and_store(vec![(doc.clone(), text, hash)])
                .await?
                .pop()
                .and_then(|(_, v)| v),
        };
        self.write_engine()?
            .upsert(&lexical_doc(&doc), vector.as_deref())?;
        Ok(Refreshed::Indexed)
    }

    async fn embed_query(&self, text: &str) -> Result<Option<Vec<f32>>, Error> {
        let Some(embedder) = self.embedder.clone() else {
            return Ok(None);
        };
        let text = text.to_owned();
        let mut vectors = tokio::task::spawn_blocking(move || embedder.embed(&[&text]))
            .await
            .map_err(|e| Error::Model(e.to_string()))??;
        Ok(vectors.pop())
    }

    /// Hybrid search (lexical alone while the model is unavailable).
    pub async fn search(
        &self,
        text: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<Vec<SearchResult>, Error> {
        let text: String = text.chars().take(500).collect();
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        let embedding = self.embed_query(&text).await?;
        let hits = {
            let engine = self.read_engine()?;
            let mut hits = engine.search(
                &text,
                embedding.as_deref(),
                Method::Hybrid,
                filter,
                limit,
                None,
            )?;
            hits.retain(|h| h.score >= MIN_RELEVANCE);
            engine.add_snippets(&text, &mut hits)?;
            shown(&engine, hits)
        };
        self.with_titles(hits).await
    }

    /// Answered questions like this one, for "related questions".
    pub async fn related(&self, id: QuestionId, limit: usize) -> Result<Vec<SearchResult>, Error> {
        if let Some(list) = self.ready_related(id, limit) {
            return Ok(list);
        }
        let (clock, list) = self.rank_related(id, limit).await?;
        self.keep_related(id, clock, list.clone());
        Ok(list)
    }

    /// Related questions if they are ranked already; never waits. A list
    /// naming a question erased, hidden, retitled or otherwise changed
    /// since it was ranked is not shown: it is ranked again.
    pub fn ready_related(&self, id: QuestionId, limit: usize) -> Option<Vec<SearchResult>> {
        // Copied out, so no page view waits on the cache behind a writer
        // holding the engine.
        let (clock, list) = {
            let cache = self.related.lock().ok()?;
            let kept = cache.get(&id)?;
            if kept.made.elapsed() >= RELATED_TTL {
                return None;
            }
            (kept.clock, kept.list.clone())
        };
        let engine = self.read_engine().ok()?;
        if list
            .iter()
            .any(|r| engine.changed_since(r.id.0 as u64, clock))
        {
            return None;
        }
        Some(list.into_iter().take(limit).collect())
    }

    /// Ranks related questions in the background, one ranking at a time
    /// for the whole node; when one is already running, this does nothing
    /// (the next view asks again), so no backlog can build up. A page can
    /// be served at once, and shows them from the next view on.
    pub fn prepare_related(self: &Arc<Self>, id: QuestionId, limit: usize) {
        let Ok(permit) = self.ranker.clone().try_acquire_owned() else {
            return;
        };
        let search = self.clone();
        tokio::spawn(async move {
            let ranked = search.rank_related(id, limit).await;
            drop(permit);
            match ranked {
                Ok((clock, list)) => search.keep_related(id, clock, list),
                Err(e) => tracing::warn!(error = %e, "related questions could not be ranked"),
            }
        });
    }

    fn keep_related(&self, id: QuestionId, clock: u32, list: Vec<SearchResult>) {
        if let Ok(mut cache) = self.related.lock() {
            if cache.len() >= RELATED_MAX {
                cache.clear();
            }
            let made = std::time::Instant::now();
            cache.insert(id, RelatedList { made, clock, list });
        }
    }

    /// Ranks related questions, with the engine's clock when it did.
    async fn rank_related(
        &self,
        id: QuestionId,
        limit: usize,
    ) -> Result<(u32, Vec<SearchResult>), Error> {
        let Some(doc) = self.store.search_document(id).await? else {
            return Ok((0, Vec::new()));
        };
        let stored = self
            .store
            .embeddings_after(model::MODEL_NAME, QuestionId(id.0 - 1), 1)
            .await?
            .into_iter()
            .find(|e| e.question_id == id)
            .and_then(|e| semantic::from_bytes(&e.vector));
        let filter = Filter {
            topic: None,
            answered_only: true,
        };
        let (clock, hits) = {
            let engine = self.read_engine()?;
            let query = engine.lexical.rarest_words(&doc.title, 4);
            let mut hits = engine.search(
                &query,
                stored.as_deref(),
                Method::Hybrid,
                &filter,
                limit,
                Some(id.0 as u64),
            )?;
            hits.retain(|h| h.score >= MIN_RELEVANCE);
            (engine.clock(), shown(&engine, hits))
        };
        Ok((clock, self.with_titles(hits).await?))
    }

    /// Gives results their current titles; any gone meanwhile are dropped.
    async fn with_titles(
        &self,
        mut results: Vec<SearchResult>,
    ) -> Result<Vec<SearchResult>, Error> {
        let ids: Vec<QuestionId> = results.iter().map(|r| r.id).collect();
        let mut titles: HashMap<QuestionId, String> = self
            .store
            .question_titles(&ids)
            .await?
            .into_iter()
            .collect();
        results.retain_mut(|r| match titles.remove(&r.id) {
            Some(title) => {
                r.title = title;
                true
            }
            None => false,
        });
        Ok(results)
    }
}

/// Results to show, still without their titles (see `with_titles`).
fn shown(engine: &Engine, hits: Vec<Hit>) -> Vec<SearchResult> {
    hits.into_iter()
        .filter_map(|h| {
            let meta = engine.meta.get(h.id)?;
            Some(SearchResult {
                id: QuestionId(h.id as i64),
                title: String::new(),
                topic: meta
                    .topic()
                    .map(|t| t.slug().to_owned())
                    .unwrap_or_default(),
                snippet: h.snippet,
                score: h.score,
                answered: meta.answered,
                similarity: h.similarity,
            })
        })
        .collect()
}

fn lexical_doc(doc: &SearchDocument) -> lexical::LexicalDoc<'_> {
    lexical::LexicalDoc {
        id: doc.id.0 as u64,
        title: &doc.title,
        body: &doc.body,
        answers: &doc.answers,
        topic: doc.topic.slug(),
        answered: doc.answered,
    }
}

fn upsert_without_lexical(
    engine: &mut Engine,
    doc: &SearchDocument,
    vector: Option<&[f32]>,
) -> Result<(), Error> {
    let id = doc.id.0 as u64;
    match vector {
        Some(v) => engine.vectors.upsert(id, v)?,
        None => engine.vectors.remove(id)?,
    }
    engine.set_meta(id, doc.topic.slug(), doc.answered);
    Ok(())
}

/// Stored vectors read in id order beside the questions, a page at a time.
struct StoredVectors<'a> {
    store: &'a dyn Store,
    page: std::collections::VecDeque<StoredEmbedding>,
    after: QuestionId,
    exhausted: bool,
}

impl<'a> StoredVectors<'a> {
    fn new(store: &'a dyn Store) -> Self {
        StoredVectors {
            store,
            page: Default::default(),
            after: QuestionId(0),
            exhausted: false,
        }
    }

    /// The stored vector of `id`, if any; `id`s must come in rising order.
    async fn take(&mut self, id: QuestionId) -> Result<Option<StoredEmbedding>, Error> {
        loop {
            while self.page.front().is_some_and(|e| e.question_id < id) {
                self.page.pop_front();
            }
            if let Some(e) = self.page.front() {
                return Ok(if e.question_id == id {
                    self.page.pop_front()
                } else {
                    None
                });
            }
            if self.exhausted {
                return Ok(None);
            }
            let next = self
                .store
                .embeddings_after(model::MODEL_NAME, self.after, PAGE * 4)
                .await?;
            match next.last() {
                Some(last) => self.after = last.question_id,
                None => self.exhausted = true,
            }
            self.page.extend(next);
        }
    }
}

/// Building the index frees most of what it used, but scattered over the
/// allocator's arenas (tantivy indexes and merges on threads of its own):
/// glibc keeps such memory unless asked, and the server would stay at its
/// peak for good (910 MB after a first start at a million questions).
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands free pages back to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn read_marker(path: &Path) -> Option<i64> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}
