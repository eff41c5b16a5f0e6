//! The lexical index: tantivy with English and Spanish analysers (stemming,
//! stop words, accent folding for Spanish), BM25, and highlighted snippets.

use std::collections::HashMap;
use std::path::Path;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::lang::{detect, Lang};
use crate::Error;

/// What the lexical index holds of a question.
#[derive(Debug, Clone)]
pub struct LexicalDoc<'a> {
    pub id: u64,
    pub title: &'a str,
    pub body: &'a str,
    pub answers: &'a str,
    pub topic: &'a str,
    pub answered: bool,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    topic: Field,
    answered: Field,
    title: [Field; 2],
    body: [Field; 2],
    answers: [Field; 2],
}

#[derive(Debug, Clone)]
pub struct LexicalHit {
    pub id: u64,
    pub score: f32,
    /// Escaped HTML with matches in `<mark>`.
    pub snippet: String,
}

/// Filters applied before ranking, so a common word never ranks the whole corpus.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub topic: Option<String>,
    pub answered_only: bool,
}

pub struct LexicalIndex {
    reader: IndexReader,
    writer: IndexWriter,
    fields: Fields,
}

const ANALYZERS: [&str; 2] = ["confide_en", "confide_es"];
/// Title words count more: a title is the question in one line.
const BOOSTS: [f32; 3] = [2.5, 1.0, 0.6];

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = b.add_u64_field("id", INDEXED | STORED | FAST);
    let topic = b.add_text_field("topic", STRING);
    let answered = b.add_u64_field("answered", INDEXED | FAST);
    let text = |analyzer: &str, stored: bool| {
        let options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored {
            options.set_stored()
        } else {
            options
        }
    };
    let mut pair = |name: &str, stored: bool| {
        [
            b.add_text_field(&format!("{name}_en"), text(ANALYZERS[0], stored)),
            b.add_text_field(&format!("{name}_es"), text(ANALYZERS[1], stored)),
        ]
    };
    let title = pair("title", false);
    let body = pair("body", true);
    let answers = pair("answers", false);
    let fields = Fields {
        id,
        topic,
        answered,
        title,
        body,
        answers,
    };
    (b.build(), fields)
}

fn analyzer(lang: Lang) -> TextAnalyzer {
    let base = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser);
    match lang {
        Lang::En => base
            .filter(
                StopWordFilter::new(Language::English)
                    .unwrap_or_else(|| StopWordFilter::remove(Vec::new())),
            )
            .filter(Stemmer::new(Language::English))
            .build(),
        Lang::Es => base
            .filter(
                StopWordFilter::new(Language::Spanish)
                    .unwrap_or_else(|| StopWordFilter::remove(Vec::new())),
            )
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::Spanish))
            .build(),
    }
}

fn register(index: &Index) {
    index
        .tokenizers()
        .register(ANALYZERS[0], analyzer(Lang::En));
    index
        .tokenizers()
        .register(ANALYZERS[1], analyzer(Lang::Es));
}

impl LexicalIndex {
    /// An index that lives in memory only (tests, evaluation, benchmarks).
    pub fn in_memory() -> Result<Self, Error> {
        let (schema, fields) = schema();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    /// Opens the index in `dir`, creating it if missing. A damaged or
    /// outdated index is wiped and created empty: it is only a projection,
    /// and the caller rebuilds it from the database.
    pub fn open_or_create(dir: &Path) -> Result<(Self, bool), Error> {
        let (schema, fields) = schema();
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::Index(format!("{}: {e}", dir.display())))?;
        let opened = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| Error::Index(e.to_string()))
            .and_then(|d| {
                Index::open_or_create(d, schema.clone()).map_err(|e| Error::Index(e.to_string()))
            });
        match opened {
            Ok(index) => Ok((Self::with_index(index, fields)?, false)),
            Err(e) => {
                tracing::warn!(error = %e, dir = %dir.display(), "search index unusable; rebuilding it");
                std::fs::remove_dir_all(dir)
                    .map_err(|e| Error::Index(format!("{}: {e}", dir.display())))?;
                std::fs::create_dir_all(dir)
                    .map_err(|e| Error::Index(format!("{}: {e}", dir.display())))?;
                let index =
                    Index::create_in_dir(dir, schema).map_err(|e| Error::Index(e.to_string()))?;
                Ok((Self::with_index(index, fields)?, true))
            }
        }
    }

    fn with_index(index: Index, fields: Fields) -> Result<Self, Error> {
        register(&index);
        let writer = index
            .writer_with_num_threads(1, 30_000_000)
            .map_err(|e| Error::Index(e.to_string()))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: tantivy::TantivyError| Error::Index(e.to_string()))?;
        Ok(LexicalIndex {
            reader,
            writer,
            fields,
        })
    }

    pub fn upsert(&mut self, doc: &LexicalDoc<'_>) -> Result<(), Error> {
        self.delete(doc.id);
        let f = self.fields;
        // Each text goes to the fields of its language, analysed as such.
        let lang = detect(&format!("{} {}", doc.title, doc.body)) as usize;
        let mut d = TantivyDocument::default();
        d.add_u64(f.id, doc.id);
        d.add_text(f.topic, doc.topic);
        d.add_u64(f.answered, u64::from(doc.answered));
        d.add_text(f.title[lang], doc.title);
        d.add_text(f.body[lang], doc.body);
        if !doc.answers.is_empty() {
            d.add_text(f.answers[lang], doc.answers);
        }
        self.writer
            .add_document(d)
            .map_err(|e| Error::Index(e.to_string()))?;
        Ok(())
    }

    pub fn delete(&mut self, id: u64) {
        self.writer
            .delete_term(Term::from_field_u64(self.fields.id, id));
    }

    /// Makes writes visible to searches.
    pub fn commit(&mut self) -> Result<(), Error> {
        self.writer
            .commit()
            .map_err(|e| Error::Index(e.to_string()))?;
        self.reader
            .reload()
            .map_err(|e| Error::Index(e.to_string()))?;
        Ok(())
    }

    /// Drops everything (before a rebuild).
    pub fn clear(&mut self) -> Result<(), Error> {
        self.writer
            .delete_all_documents()
            .map_err(|e| Error::Index(e.to_string()))?;
        self.commit()
    }

    /// Rewrites segments that hold deleted documents, so erased text leaves
    /// the index files rather than lingering behind a deletion mark.
    pub fn purge_deleted(&mut self) -> Result<(), Error> {
        let searcher = self.reader.searcher();
        let segments: Vec<_> = searcher
            .segment_readers()
            .iter()
            .filter(|s| s.num_deleted_docs() > 0)
            .map(|s| s.segment_id())
            .collect();
        if segments.is_empty() {
            return Ok(());
        }
        self.writer
            .merge(&segments)
            .wait()
            .map_err(|e| Error::Index(e.to_string()))?;
        let _ = self.writer.garbage_collect_files().wait();
        self.reader
            .reload()
            .map_err(|e| Error::Index(e.to_string()))?;
        Ok(())
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Words of a query as each analyser sees them, for building term queries.
    fn terms(&self, text: &str) -> [Vec<String>; 2] {
        [Lang::En, Lang::Es].map(|lang| {
            let mut analyzer = analyzer(lang);
            let mut stream = analyzer.token_stream(text);
            let mut words = Vec::new();
            while let Some(token) = stream.next() {
                if !words.contains(&token.text) {
                    words.push(token.text.clone());
                }
            }
            words.truncate(32);
            words
        })
    }

    /// The `k` words of `text` that fewest documents contain, as a query
    /// text: what makes a question itself, the way "more like this" works.
    /// Ranking a whole title against the corpus walks most of the index.
    pub fn rarest_words(&self, text: &str, k: usize) -> String {
        let searcher = self.reader.searcher();
        let mut words: Vec<(u64, String)> = Vec::new();
        for (lang, analysed) in self.terms(text).into_iter().enumerate() {
            for word in analysed {
                let df = searcher
                    .doc_freq(&Term::from_field_text(self.fields.body[lang], &word))
                    .unwrap_or(0);
                if df > 0 && !words.iter().any(|(_, w)| *w == word) {
                    words.push((df, word));
                }
            }
        }
        words.sort();
        words
            .into_iter()
            .take(k)
            .map(|(_, w)| w)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The query for a text: each word, in each field of each language,
    /// weighted by field. In a large index, words found in the bodies of
    /// over a quarter of the documents are dropped when rarer words remain:
    /// they barely move BM25 (low IDF) but would make every search walk
    /// most of the index.
    fn text_query(&self, text: &str) -> Option<Box<dyn Query>> {
        let f = self.fields;
        let searcher = self.reader.searcher();
        let num_docs = searcher.num_docs();
        let common = num_docs / 4;
        let mut words: Vec<(usize, String, u64)> = Vec::new();
        for (lang, analysed) in self.terms(text).into_iter().enumerate() {
            for word in analysed {
                let df = searcher
                    .doc_freq(&Term::from_field_text(f.body[lang], &word))
                    .unwrap_or(0);
                words.push((lang, word, df));
            }
        }
        // Only a word that occurs, and not everywhere, makes the common ones
        // dispensable (the other language's reading of a word often occurs nowhere).
        let is_common = |df: u64| num_docs >= 1_000 && df > common;
        if words.iter().any(|(_, _, df)| *df > 0 && !is_common(*df)) {
            words.retain(|(_, _, df)| !is_common(*df));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (lang, word, _) in &words {
            for (field, boost) in [f.title[*lang], f.body[*lang], f.answers[*lang]]
                .into_iter()
                .zip(BOOSTS)
            {
                let term = TermQuery::new(
                    Term::from_field_text(field, word),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(term), boost)),
                ));
            }
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    pub fn search(
        &self,
        text: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<Vec<LexicalHit>, Error> {
        let Some(text_query) = self.text_query(text) else {
            return Ok(Vec::new());
        };
        let f = self.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        if let Some(topic) = &filter.topic {
            must.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.topic, topic),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if filter.answered_only {
            must.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.answered, 1),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        // Without filters, the disjunction goes to tantivy as is, where
        // block-max WAND skips documents that cannot reach the top.
        let query: Box<dyn Query> = if must.len() == 1 {
            text_query
        } else {
            Box::new(BooleanQuery::new(must))
        };
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&*query, &TopDocs::with_limit(limit.max(1)))
            .map_err(|e| Error::Index(e.to_string()))?;
        // Ids come from the fast-field column: no stored document is read
        // for candidates that may never be shown.
        let ids = searcher
            .segment_readers()
            .iter()
            .map(|r| r.fast_fields().u64("id"))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Error::Index(e.to_string()))?;
        Ok(top
            .into_iter()
            .filter_map(|(score, address)| {
                let id = ids
                    .get(address.segment_ord as usize)?
                    .first(address.doc_id)?;
                Some(LexicalHit {
                    id,
                    score,
                    snippet: String::new(),
                })
            })
            .collect())
    }

    /// Highlighted extracts of the bodies of `ids` for the words of `text`;
    /// only for the few results actually shown.
    pub fn snippets(&self, text: &str, ids: &[u64]) -> Result<HashMap<u64, String>, Error> {
        let mut out = HashMap::new();
        let Some(text_query) = self.text_query(text) else {
            return Ok(out);
        };
        let f = self.fields;
        let searcher = self.reader.searcher();
        let generators: Vec<SnippetGenerator> = [f.body[0], f.body[1]]
            .into_iter()
            .filter_map(|field| SnippetGenerator::create(&searcher, &*text_query, field).ok())
            .map(|mut g| {
                g.set_max_num_chars(180);
                g
            })
            .collect();
        for &id in ids {
            let by_id = TermQuery::new(Term::from_field_u64(f.id, id), IndexRecordOption::Basic);
            let found = searcher
                .search(&by_id, &TopDocs::with_limit(1))
                .map_err(|e| Error::Index(e.to_string()))?;
            let Some((_, address)) = found.first() else {
                continue;
            };
            let doc: TantivyDocument = searcher
                .doc(*address)
                .map_err(|e| Error::Index(e.to_string()))?;
            let snippet = generators
                .iter()
                .map(|g| g.snippet_from_doc(&doc))
                .find(|s| !s.fragment().is_empty())
                .map(|s| highlight(s.fragment(), s.highlighted()))
                .unwrap_or_default();
            out.insert(id, snippet);
        }
        Ok(out)
    }
}

/// The fragment as escaped HTML, matches wrapped in `<mark>`.
fn highlight(fragment: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(fragment.len() + ranges.len() * 13);
    let mut at = 0;
    for r in ranges {
        let range = r.clone();
        if range.start < at || range.end > fragment.len() {
            continue;
        }
        escape_into(&mut out, &fragment[at..range.start]);
        out.push_str("<mark>");
        escape_into(&mut out, &fragment[range.start..range.end]);
        out.push_str("</mark>");
        at = range.end;
    }
    escape_into(&mut out, &fragment[at..]);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(id: u64, title: &'a str, body: &'a str, topic: &'a str) -> LexicalDoc<'a> {
        LexicalDoc {
            id,
            title,
            body,
            answers: "",
            topic,
            answered: true,
        }
    }

    #[test]
    fn stems_english_and_spanish() {
        let mut index = LexicalIndex::in_memory().unwrap();
        index
            .upsert(&doc(
                1,
                "Crying after sex",
                "She cried after we slept together",
                "emotions",
            ))
            .unwrap();
        index
            .upsert(&doc(
                2,
                "¿Es normal llorar después del sexo?",
                "Mi novia lloró después de hacer el amor",
                "emotions",
            ))
            .unwrap();
        index
            .upsert(&doc(
                3,
                "Condom broke",
                "What now about pregnancy",
                "contraception",
            ))
            .unwrap();
        index.commit().unwrap();
        let hits = index.search("cries", &Filter::default(), 5).unwrap();
        assert_eq!(hits[0].id, 1);
        let snippets = index.snippets("cries", &[1]).unwrap();
        assert!(
            snippets[&1].contains("<mark>cried</mark>"),
            "{}",
            snippets[&1]
        );
        let hits = index
            .search("llorando despues", &Filter::default(), 5)
            .unwrap();
        assert_eq!(hits[0].id, 2);
    }

    #[test]
    fn filters_and_deletes() {
        let mut index = LexicalIndex::in_memory().unwrap();
        index
            .upsert(&doc(1, "Pain during sex", "It hurts", "pain"))
            .unwrap();
        let mut unanswered = doc(2, "Pain after sex", "It hurts after", "pain");
        unanswered.answered = false;
        index.upsert(&unanswered).unwrap();
        index
            .upsert(&doc(3, "Pain and desire", "low desire", "desire"))
            .unwrap();
        index.commit().unwrap();
        let only_pain = Filter {
            topic: Some("pain".into()),
            answered_only: false,
        };
        assert_eq!(index.search("pain", &only_pain, 10).unwrap().len(), 2);
        let answered = Filter {
            topic: None,
            answered_only: true,
        };
        let ids: Vec<u64> = index
            .search("pain", &answered, 10)
            .unwrap()
            .iter()
            .map(|h| h.id)
            .collect();
        assert!(!ids.contains(&2));
        index.delete(1);
        index.commit().unwrap();
        index.purge_deleted().unwrap();
        assert!(index
            .search("hurts", &Filter::default(), 10)
            .unwrap()
            .iter()
            .all(|h| h.id != 1));
        assert_eq!(index.num_docs(), 2);
    }

    #[test]
    fn queries_of_only_stop_words_or_symbols_find_nothing_without_error() {
        let mut index = LexicalIndex::in_memory().unwrap();
        index
            .upsert(&doc(1, "The question", "the body", "other"))
            .unwrap();
        index.commit().unwrap();
        assert!(index
            .search("the and of", &Filter::default(), 5)
            .unwrap()
            .is_empty());
        assert!(index
            .search("\"+-:(*", &Filter::default(), 5)
            .unwrap()
            .is_empty());
        assert!(index.search("", &Filter::default(), 5).unwrap().is_empty());
    }

    #[test]
    fn words_in_most_documents_give_way_to_rarer_ones() {
        let mut index = LexicalIndex::in_memory().unwrap();
        for id in 0..1_200u64 {
            let body = if id % 300 == 0 {
                "sex and a broken condom"
            } else {
                "sex questions about desire"
            };
            index.upsert(&doc(id, "A question", body, "other")).unwrap();
        }
        index.commit().unwrap();
        let hits = index.search("sex condom", &Filter::default(), 50).unwrap();
        assert_eq!(
            hits.len(),
            4,
            "only the rare word decides which documents match"
        );
        assert!(
            index.search("sex", &Filter::default(), 10).unwrap().len() == 10,
            "alone, a common word still finds"
        );
        assert!(!index
            .search("sex nonexistentword", &Filter::default(), 10)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn snippets_are_escaped() {
        assert_eq!(highlight("<b>x</b> word", &[]), "&lt;b&gt;x&lt;/b&gt; word");
    }
}
