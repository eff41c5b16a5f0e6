//! Question pages as readers without a session see them, kept rendered in
//! memory and dropped as soon as the change log says their question changed
//! (through any node). A page is public content only, and lives a minute at
//! most, so "answered 3 hours ago" and related questions stay fresh enough.
//! Each language has its own copy of a page.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use confide_core::{QuestionId, Topic};
use confide_store::Store;

use crate::i18n::Lang;

const TTL: Duration = Duration::from_secs(60);
/// About 20 KB a page: tens of megabytes at most.
const MAX_PAGES: usize = 2_000;

struct Entry {
    /// Shared, not copied, by every response that serves it.
    html: Bytes,
    made: Instant,
    /// Forms on the page carry the day's anonymous token.
    day: i64,
}

struct Inner {
    seq: i64,
    pages: HashMap<(QuestionId, Lang), Entry>,
    /// The first page of the home list, per topic (`None` for all): any
    /// change to any question may change it, so any change drops them.
    lists: HashMap<(Option<Topic>, Lang), Entry>,
}

pub struct PageCache {
    inner: Mutex<Inner>,
}

fn today() -> i64 {
    crate::now().millis() / 86_400_000
}

impl PageCache {
    /// A cache that starts following the change log from `seq`.
    pub fn new(seq: i64) -> Self {
        PageCache {
            inner: Mutex::new(Inner {
                seq,
                pages: HashMap::new(),
                lists: HashMap::new(),
            }),
        }
    }

    pub fn get(&self, id: QuestionId, lang: Lang) -> Option<Bytes> {
        let inner = self.inner.lock().ok()?;
        let entry = inner.pages.get(&(id, lang))?;
        (entry.made.elapsed() < TTL && entry.day == today()).then(|| entry.html.clone())
    }

    /// Keeps a page rendered at change-log position `seq` (read before
    /// rendering): a change that raced with the rendering is not lost.
    pub fn put(&self, id: QuestionId, lang: Lang, html: Bytes, seq: i64) {
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if seq < inner.seq {
            return;
        }
        if inner.pages.len() >= MAX_PAGES {
            inner.pages.retain(|_, e| e.made.elapsed() < TTL);
            if inner.pages.len() >= MAX_PAGES {
                inner.pages.clear();
            }
        }
        inner.pages.insert(
            (id, lang),
            Entry {
                html,
                made: Instant::now(),
                day: today(),
            },
        );
    }

    pub fn get_list(&self, topic: Option<Topic>, lang: Lang) -> Option<Bytes> {
        let inner = self.inner.lock().ok()?;
        let entry = inner.lists.get(&(topic, lang))?;
        (entry.made.elapsed() < TTL && entry.day == today()).then(|| entry.html.clone())
    }

    /// Keeps a list page rendered at change-log position `seq` (see `put`).
    pub fn put_list(&self, topic: Option<Topic>, lang: Lang, html: Bytes, seq: i64) {
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if seq < inner.seq {
            return;
        }
        inner.lists.insert(
            (topic, lang),
            Entry {
                html,
                made: Instant::now(),
                day: today(),
            },
        );
    }

    /// The change-log position the cache has applied.
    pub fn seq(&self) -> i64 {
        self.inner.lock().map(|i| i.seq).unwrap_or(i64::MAX)
    }

    /// Drops the pages of every question the change log touched since
    /// last time; a change to no question in particular (an expert's
    /// verification revoked, an account forgotten) drops them all.
    pub async fn catch_up(&self, store: &dyn Store) -> confide_store::Result<()> {
        loop {
            let from = self.seq();
            let changes = store.changes_since(from, 1000).await?;
            let Some(last) = changes.last().map(|c| c.seq) else {
                return Ok(());
            };
            let Ok(mut inner) = self.inner.lock() else {
                return Ok(());
            };
            for change in &changes {
                match change.question_id {
                    // Text taken away may be listed on other pages too
                    // (as a related question): those go as well.
                    Some(_) if matches!(change.op.as_str(), "erased" | "hidden" | "edited") => {
                        inner.pages.clear();
                        inner.lists.clear();
                    }
                    Some(id) => {
                        for lang in Lang::ALL {
                            inner.pages.remove(&(id, lang));
                        }
                        inner.lists.clear();
                    }
                    None if change.entity == "account" => {
                        inner.pages.clear();
                        inner.lists.clear();
                    }
                    None => {}
                }
            }
            inner.seq = inner.seq.max(last);
        }
    }
}
