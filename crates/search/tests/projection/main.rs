//! The search projection against a real SQLite store: it follows the change
//! log, forgets erased questions at once, rebuilds from scratch, and works
//! with or without the embedding model.

use std::sync::{Arc, OnceLock};

use confide_core::question::{AnswerDraft, QuestionDraft};
use confide_core::{
    AccountId, AnswerBody, Capability, Credentials, DisplayName, Handle, PublishPolicy,
    QuestionBody, QuestionId, QuestionTitle, Role, Timestamp, Topic,
};
use confide_search::{Embedder, Filter, Search};
use confide_store::{NewAccount, Store};

mod triage;

struct Db {
    store: Arc<dyn Store>,
    dir: tempfile::TempDir,
}

async fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let store = confide_store::open(&format!("sqlite://{}", dir.path().join("s.db").display()))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    Db { store, dir }
}

/// The real model, fetched into the user's cache as `confide model fetch` does.
fn embedder() -> Arc<Embedder> {
    static EMBEDDER: OnceLock<Arc<Embedder>> = OnceLock::new();
    EMBEDDER
        .get_or_init(|| {
            let cache = confide_search::model::default_cache_dir();
            let dir =
                confide_search::model::fetch(&cache).expect("the embedding model can be fetched");
            Arc::new(Embedder::load(&dir).expect("the embedding model loads"))
        })
        .clone()
}

async fn expert(store: &dyn Store) -> AccountId {
    store
        .create_account(&NewAccount {
            handle: Handle::parse("dr.search").unwrap(),
            display_name: DisplayName::parse("Dr Search").unwrap(),
            credentials: Credentials::parse("GP").unwrap(),
            role: Role::Expert,
            password_hash: "x".into(),
            created_at: Timestamp(0),
            verified: true,
        })
        .await
        .unwrap()
}

async fn answered(
    store: &dyn Store,
    author: AccountId,
    n: u8,
    title: &str,
    body: &str,
    topic: Topic,
) -> QuestionId {
    let q = store
        .create_question(&QuestionDraft::new(
            QuestionTitle::parse(title).unwrap(),
            QuestionBody::parse(body).unwrap(),
            topic,
            Capability::from_random([n; 32]).hash(),
            PublishPolicy::OnAnswer,
            Timestamp(i64::from(n)),
        ))
        .await
        .unwrap();
    store
        .create_answer(&AnswerDraft::new(
            q,
            author,
            AnswerBody::parse("An expert answer.").unwrap(),
            PublishPolicy::OnAnswer,
            Timestamp(100),
        ))
        .await
        .unwrap();
    q
}

const CRYING: (&str, &str) = (
    "Why did my girlfriend cry after we had sex?",
    "It was good for both of us, then she started crying in my arms. She says nothing is wrong.",
);
const CONDOM: (&str, &str) = (
    "The condom broke last night, what should I do?",
    "We realised after he finished. I am not on the pill.",
);
const DESIRE: (&str, &str) = (
    "My partner wants sex much more often than I do",
    "We love each other but our desire does not match and it causes fights.",
);

async fn corpus(store: &dyn Store) -> [QuestionId; 3] {
    let author = expert(store).await;
    [
        answered(store, author, 1, CRYING.0, CRYING.1, Topic::Emotions).await,
        answered(store, author, 2, CONDOM.0, CONDOM.1, Topic::Contraception).await,
        answered(store, author, 3, DESIRE.0, DESIRE.1, Topic::Desire).await,
    ]
}

#[tokio::test]
async fn follows_writes_and_erasures() {
    let db = db().await;
    let search = Search::open(db.store.clone(), Some(&db.dir.path().join("index")), None)
        .await
        .unwrap();
    assert!(search.is_empty());
    let [crying, condom, _] = corpus(db.store.as_ref()).await;
    assert_eq!(search.catch_up().await.unwrap(), 3);
    let hits = search
        .search("condom broke", &Filter::default(), 5)
        .await
        .unwrap();
    assert_eq!(hits[0].id, condom);
    assert!(hits[0].snippet.contains("<mark>") || !hits[0].title.is_empty());

    db.store
        .erase_question(crying, "asker", Timestamp(200))
        .await
        .unwrap();
    search.catch_up().await.unwrap();
    let hits = search
        .search("girlfriend cry", &Filter::default(), 5)
        .await
        .unwrap();
    assert!(
        hits.iter().all(|h| h.id != crying),
        "erased questions leave the index"
    );
    assert_eq!(search.len(), 2);
}

#[tokio::test]
async fn private_questions_are_never_found() {
    let db = db().await;
    let search = Search::open(db.store.clone(), None, None).await.unwrap();
    db.store
        .create_question(&QuestionDraft::new(
            QuestionTitle::parse("A private worry about discharge").unwrap(),
            QuestionBody::parse("Nobody has answered yet").unwrap(),
            Topic::Sti,
            Capability::from_random([9; 32]).hash(),
            PublishPolicy::OnAnswer,
            Timestamp(1),
        ))
        .await
        .unwrap();
    search.catch_up().await.unwrap();
    assert!(search
        .search("discharge", &Filter::default(), 5)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_missing_or_damaged_index_is_rebuilt_at_start() {
    let db = db().await;
    corpus(db.store.as_ref()).await;
    let dir = db.dir.path().join("index");
    {
        let search = Search::open(db.store.clone(), Some(&dir), None)
            .await
            .unwrap();
        assert_eq!(search.len(), 3);
    }
    // Reopening uses the index on disk and still finds everything.
    {
        let search = Search::open(db.store.clone(), Some(&dir), None)
            .await
            .unwrap();
        assert_eq!(
            search
                .search("desire", &Filter::default(), 5)
                .await
                .unwrap()
                .len(),
            1
        );
    }
    // Damage it: the meta file is garbage. Opening rebuilds instead of failing.
    std::fs::write(dir.join("meta.json"), b"{ not json").unwrap();
    let search = Search::open(db.store.clone(), Some(&dir), None)
        .await
        .unwrap();
    assert_eq!(
        search
            .search("condom", &Filter::default(), 5)
            .await
            .unwrap()
            .len(),
        1
    );
    // And an explicit rebuild gives the same.
    search.rebuild(|_| {}).await.unwrap();
    assert_eq!(
        search
            .search("condom", &Filter::default(), 5)
            .await
            .unwrap()
            .len(),
        1
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let search = Search::open(db.store.clone(), Some(&dir), None)
        .await
        .unwrap();
    assert_eq!(
        search.len(),
        3,
        "a deleted index comes back from the database"
    );
}

#[tokio::test]
async fn without_the_model_search_is_lexical_and_says_so() {
    let db = db().await;
    corpus(db.store.as_ref()).await;
    let search = Search::open(db.store.clone(), None, None).await.unwrap();
    assert!(!search.semantic_enabled());
    let hits = search
        .search("girlfriend crying", &Filter::default(), 5)
        .await
        .unwrap();
    assert_eq!(hits[0].title, CRYING.0);
    assert!(hits
        .iter()
        .all(|h| h.similarity.is_none() && !h.looks_like_the_same_question()));
    // Words the question never used find nothing without the model.
    assert!(search
        .search("postcoital dysphoria", &Filter::default(), 5)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn paraphrases_find_the_question_with_the_model() {
    let db = db().await;
    let [crying, condom, desire] = corpus(db.store.as_ref()).await;
    let search = Search::open(db.store.clone(), None, Some(embedder()))
        .await
        .unwrap();
    assert!(search.semantic_enabled());
    for (query, expected) in [
        ("tears after intercourse", crying),
        ("she cried after we slept together", crying),
        ("our condom split during sex, pregnancy risk?", condom),
        ("mismatched libido in my relationship", desire),
    ] {
        let hits = search.search(query, &Filter::default(), 3).await.unwrap();
        assert_eq!(hits[0].id, expected, "{query:?} found {:?}", hits[0].title);
    }
    // The same question in other words is recognised as already answered.
    let hits = search
        .search(
            "Why would a girlfriend cry after sex with me?",
            &Filter::default(),
            3,
        )
        .await
        .unwrap();
    assert!(
        hits[0].looks_like_the_same_question(),
        "similarity {:?}",
        hits[0].similarity
    );
    let unrelated = search
        .search("how do I bake sourdough bread", &Filter::default(), 3)
        .await
        .unwrap();
    assert!(
        unrelated.is_empty(),
        "nothing relevant is better than noise: {unrelated:?}"
    );

    // Vectors are stored in the database: a fresh projection reuses them.
    let reopened = Search::open(db.store.clone(), None, Some(embedder()))
        .await
        .unwrap();
    let related = reopened.related(crying, 2).await.unwrap();
    assert!(related.iter().all(|r| r.id != crying));
    assert_eq!(reopened.len(), 3);
}
