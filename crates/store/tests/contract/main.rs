//! The storage contract: every behaviour the product relies on, written
//! against the `Store` trait, so each backend runs the very same tests.
//! Each test opens its own fresh database.

use std::sync::Arc;

use confide_core::question::{AnswerDraft, QuestionDraft, ReplyDraft};
use confide_core::{
    AccountId, AnswerBody, Capability, Credentials, DisplayName, Handle, PublishPolicy,
    QuestionBody, QuestionId, QuestionTitle, ReplyBody, Role, Timestamp, Topic,
};
use confide_store::{NewAccount, Store, StoreError};

struct Db {
    store: Arc<dyn Store>,
    _dir: tempfile::TempDir,
}

/// A fresh, migrated SQLite database in its own directory.
async fn sqlite() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("contract.db").display());
    let store = confide_store::open(&url).await.unwrap();
    store.migrate().await.unwrap();
    Db { store, _dir: dir }
}

fn cap(n: u8) -> Capability {
    Capability::from_random([n; 32])
}

fn question(n: u8, at: i64, policy: PublishPolicy) -> QuestionDraft {
    QuestionDraft::new(
        QuestionTitle::parse(&format!("Question {n}")).unwrap(),
        QuestionBody::parse(&format!("Body of question {n}")).unwrap(),
        Topic::Emotions,
        cap(n).hash(),
        policy,
        Timestamp(at),
    )
}

async fn expert(store: &dyn Store, handle: &str) -> AccountId {
    store
        .create_account(&NewAccount {
            handle: Handle::parse(handle).unwrap(),
            display_name: DisplayName::parse("Dr Test").unwrap(),
            credentials: Credentials::parse("Physician").unwrap(),
            role: Role::Expert,
            password_hash: "not-a-real-hash".into(),
            created_at: Timestamp(0),
        })
        .await
        .unwrap()
}

fn answer(q: QuestionId, author: AccountId, at: i64) -> AnswerDraft {
    AnswerDraft::new(
        q,
        author,
        AnswerBody::parse("An answer").unwrap(),
        PublishPolicy::OnAnswer,
        Timestamp(at),
    )
}

macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod sqlite_backend {
            $(
                #[tokio::test]
                async fn $name() {
                    let db = super::sqlite().await;
                    super::$name(db.store.as_ref()).await;
                }
            )*
        }
    };
}

contract!(
    migrations_are_idempotent_and_the_secret_is_stable,
    questions_are_found_by_capability_hash_only,
    first_answer_publishes_and_logs_the_change,
    public_list_pages_newest_first_by_topic,
    unanswered_queue_is_oldest_first,
    replies_and_helpful_marks_stay_within_their_question,
    erasure_removes_the_thread_and_logs_no_content,
    handles_are_unique,
    sessions_expire_and_die_with_their_account,
    racing_writers_lose_nothing,
    retention_finds_only_old_unanswered_questions,
    forgetting_an_account_keeps_its_answers_without_its_name,
);

async fn migrations_are_idempotent_and_the_secret_is_stable(store: &dyn Store) {
    store.migrate().await.unwrap();
    let a = store.instance_secret().await.unwrap();
    let b = store.instance_secret().await.unwrap();
    assert_eq!(a, b);
    assert_ne!(a, [0u8; 32]);
}

async fn questions_are_found_by_capability_hash_only(store: &dyn Store) {
    let id = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    assert_eq!(
        store
            .question_id_by_capability(&cap(1).hash())
            .await
            .unwrap(),
        Some(id)
    );
    assert_eq!(
        store
            .question_id_by_capability(&cap(2).hash())
            .await
            .unwrap(),
        None
    );
    let thread = store.thread(id).await.unwrap().unwrap();
    assert_eq!(thread.question.title, "Question 1");
    assert!(thread
        .question
        .body_html
        .contains("<p>Body of question 1</p>"));
    assert!(!thread.question.is_public());
    // The same capability twice is a conflict, not a silent overwrite.
    let err = store
        .create_question(&question(1, 11, PublishPolicy::OnAnswer))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
}

async fn first_answer_publishes_and_logs_the_change(store: &dyn Store) {
    let author = expert(store, "dr.one").await;
    let q = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let a1 = store.create_answer(&answer(q, author, 20)).await.unwrap();
    store.create_answer(&answer(q, author, 30)).await.unwrap();
    let thread = store.thread(q).await.unwrap().unwrap();
    assert_eq!(
        thread.question.published_at,
        Some(Timestamp(20)),
        "published by the first answer only"
    );
    assert_eq!(thread.question.answer_count, 2);
    assert_eq!(thread.answers[0].id, a1);
    assert_eq!(thread.answers[0].author.handle, "dr.one");

    let changes = store.changes_since(0, 100).await.unwrap();
    let ops: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.entity.as_str(), c.op.as_str()))
        .collect();
    assert!(ops.contains(&("question", "created")));
    assert!(ops.contains(&("question", "published")));
    assert_eq!(
        ops.iter().filter(|o| **o == ("answer", "created")).count(),
        2
    );
    assert!(
        changes.windows(2).all(|w| w[0].seq < w[1].seq),
        "the log is ordered"
    );
    let later = store.changes_since(changes[1].seq, 100).await.unwrap();
    assert_eq!(
        later.len(),
        changes.len() - 2,
        "following the log from a point"
    );

    // Editing keeps authorship and logs an update.
    let mut edit = answer(q, author, 40);
    edit.body = AnswerBody::parse("Better answer").unwrap();
    edit.body_html = "<p>Better answer</p>".into();
    store.update_answer(a1, &edit).await.unwrap();
    let a = store.answer(a1).await.unwrap().unwrap();
    assert_eq!(
        (a.body.as_str(), a.updated_at, a.created_at),
        ("Better answer", Timestamp(40), Timestamp(20))
    );
    assert!(matches!(
        store
            .update_answer(confide_core::AnswerId(999), &edit)
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn public_list_pages_newest_first_by_topic(store: &dyn Store) {
    for n in 1..=5u8 {
        let mut draft = question(n, i64::from(n), PublishPolicy::Immediately);
        if n % 2 == 0 {
            draft.topic = Topic::Pain;
        }
        store.create_question(&draft).await.unwrap();
    }
    store
        .create_question(&question(9, 100, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let first = store.public_questions(None, None, 2).await.unwrap();
    let titles: Vec<&str> = first.questions.iter().map(|q| q.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Question 5", "Question 4"],
        "private questions are not listed"
    );
    let second = store.public_questions(None, first.next, 10).await.unwrap();
    let titles: Vec<&str> = second.questions.iter().map(|q| q.title.as_str()).collect();
    assert_eq!(titles, ["Question 3", "Question 2", "Question 1"]);
    assert!(second.next.is_none());
    let pain = store
        .public_questions(Some(Topic::Pain), None, 10)
        .await
        .unwrap();
    assert_eq!(pain.questions.len(), 2);
    assert!(pain.questions.iter().all(|q| q.topic == Topic::Pain));
}

async fn unanswered_queue_is_oldest_first(store: &dyn Store) {
    let author = expert(store, "dr.queue").await;
    let late = store
        .create_question(&question(1, 300, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let early = store
        .create_question(&question(2, 100, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let answered = store
        .create_question(&question(3, 50, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    store
        .create_answer(&answer(answered, author, 400))
        .await
        .unwrap();
    let queue: Vec<QuestionId> = store
        .unanswered_questions(10)
        .await
        .unwrap()
        .iter()
        .map(|q| q.id)
        .collect();
    assert_eq!(queue, [early, late]);
}

async fn replies_and_helpful_marks_stay_within_their_question(store: &dyn Store) {
    let author = expert(store, "dr.reply").await;
    let q1 = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let q2 = store
        .create_question(&question(2, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let a1 = store.create_answer(&answer(q1, author, 20)).await.unwrap();
    let a2 = store.create_answer(&answer(q2, author, 20)).await.unwrap();

    let reply = |q, a, by, at| {
        ReplyDraft::new(
            q,
            a,
            by,
            ReplyBody::parse("Thought?").unwrap(),
            Timestamp(at),
        )
    };
    store
        .create_reply(&reply(q1, Some(a1), None, 30))
        .await
        .unwrap();
    store
        .create_reply(&reply(q1, Some(a1), Some(author), 40))
        .await
        .unwrap();
    store
        .create_reply(&reply(q1, None, None, 50))
        .await
        .unwrap();
    assert!(matches!(
        store.create_reply(&reply(q1, Some(a2), None, 60)).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .create_reply(&reply(QuestionId(99), None, None, 60))
            .await,
        Err(StoreError::NotFound)
    ));

    let thread = store.thread(q1).await.unwrap().unwrap();
    assert_eq!(thread.replies.len(), 3);
    assert_eq!(thread.replies_to(a1).count(), 2);
    assert_eq!(thread.replies_to_thread().count(), 1);
    assert!(matches!(
        thread.replies[0].author,
        confide_core::ReplyAuthor::Asker
    ));
    assert!(
        matches!(&thread.replies[1].author, confide_core::ReplyAuthor::Expert(a) if a.handle == "dr.reply")
    );

    assert!(matches!(
        store.mark_helpful(q1, a2, Timestamp(70)).await,
        Err(StoreError::NotFound)
    ));
    store.mark_helpful(q1, a1, Timestamp(70)).await.unwrap();
    assert_eq!(
        store
            .thread(q1)
            .await
            .unwrap()
            .unwrap()
            .question
            .helpful_answer,
        Some(a1)
    );
}

async fn erasure_removes_the_thread_and_logs_no_content(store: &dyn Store) {
    let author = expert(store, "dr.erase").await;
    let q = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let a = store.create_answer(&answer(q, author, 20)).await.unwrap();
    store
        .create_reply(&ReplyDraft::new(
            q,
            Some(a),
            None,
            ReplyBody::parse("mine").unwrap(),
            Timestamp(30),
        ))
        .await
        .unwrap();
    assert!(store
        .erase_question(q, "asker", Timestamp(40))
        .await
        .unwrap());
    assert!(store.thread(q).await.unwrap().is_none());
    assert!(
        store.answer(a).await.unwrap().is_none(),
        "answers go with the question"
    );
    assert_eq!(
        store
            .question_id_by_capability(&cap(1).hash())
            .await
            .unwrap(),
        None
    );
    assert!(
        !store
            .erase_question(q, "asker", Timestamp(50))
            .await
            .unwrap(),
        "erasing twice is a no-op"
    );

    let last = store.changes_since(0, 100).await.unwrap().pop().unwrap();
    assert_eq!(
        (last.entity.as_str(), last.op.as_str(), last.question_id),
        ("question", "erased", Some(q))
    );
    let audit = store.audit_log(1).await.unwrap();
    assert_eq!(audit[0].action, "question.erase");
    assert_eq!(audit[0].actor, "asker");
    assert_eq!(audit[0].target, format!("question:{}", q.0));

    // A new question never reuses an erased id.
    let next = store
        .create_question(&question(2, 60, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    assert!(next > q);
}

async fn handles_are_unique(store: &dyn Store) {
    expert(store, "dr.same").await;
    let err = store
        .create_account(&NewAccount {
            handle: Handle::parse("DR.SAME").unwrap(),
            display_name: DisplayName::parse("Other").unwrap(),
            credentials: Credentials::parse("Other").unwrap(),
            role: Role::Admin,
            password_hash: "x".into(),
            created_at: Timestamp(0),
        })
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(m) if m.contains("handle")));
}

async fn sessions_expire_and_die_with_their_account(store: &dyn Store) {
    let id = expert(store, "dr.session").await;
    let live = cap(1).hash();
    let expired = cap(2).hash();
    store
        .create_session(&expired, id, Timestamp(0), Timestamp(100))
        .await
        .unwrap();
    store
        .create_session(&live, id, Timestamp(50), Timestamp(10_000))
        .await
        .unwrap();
    assert!(store
        .session_account(&expired, Timestamp(200))
        .await
        .unwrap()
        .is_none());
    let account = store
        .session_account(&live, Timestamp(200))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.handle, "dr.session");
    let (found, hash) = store
        .account_for_login("dr.session")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((found.id, hash.as_str()), (id, "not-a-real-hash"));

    assert!(store
        .set_account_disabled("dr.session", true, Timestamp(300))
        .await
        .unwrap());
    assert!(store
        .session_account(&live, Timestamp(400))
        .await
        .unwrap()
        .is_none());
    assert!(
        store
            .account_for_login("dr.session")
            .await
            .unwrap()
            .unwrap()
            .0
            .disabled
    );
    assert!(!store
        .set_account_disabled("nobody", true, Timestamp(300))
        .await
        .unwrap());
    let audit = store.audit_log(5).await.unwrap();
    assert_eq!(audit[0].action, "account.disabled");
}

async fn racing_writers_lose_nothing(store: &dyn Store) {
    let author = expert(store, "dr.race").await;
    let q = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    // Two writers answering and replying on the same question at once.
    let writer = |offset: i64| async move {
        for i in 0..20 {
            store
                .create_answer(&answer(q, author, 100 + offset + i))
                .await
                .unwrap();
            store
                .create_reply(&ReplyDraft::new(
                    q,
                    None,
                    None,
                    ReplyBody::parse("r").unwrap(),
                    Timestamp(200 + i),
                ))
                .await
                .unwrap();
        }
    };
    tokio::join!(writer(0), writer(1000));
    let thread = store.thread(q).await.unwrap().unwrap();
    assert_eq!(thread.answers.len(), 40);
    assert_eq!(
        thread.question.answer_count, 40,
        "the counter agrees with the rows"
    );
    assert_eq!(thread.replies.len(), 40);
    let published = store
        .changes_since(0, 1000)
        .await
        .unwrap()
        .iter()
        .filter(|c| c.op == "published")
        .count();
    assert_eq!(published, 1, "published exactly once");
}

async fn retention_finds_only_old_unanswered_questions(store: &dyn Store) {
    let author = expert(store, "dr.old").await;
    let old = store
        .create_question(&question(1, 100, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let old_answered = store
        .create_question(&question(2, 100, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    store
        .create_answer(&answer(old_answered, author, 150))
        .await
        .unwrap();
    store
        .create_question(&question(3, 900, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    assert_eq!(
        store.unanswered_before(Timestamp(500), 10).await.unwrap(),
        [old]
    );
}

async fn forgetting_an_account_keeps_its_answers_without_its_name(store: &dyn Store) {
    let author = expert(store, "dr.forget").await;
    let q = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let a = store.create_answer(&answer(q, author, 20)).await.unwrap();
    store
        .create_session(&cap(7).hash(), author, Timestamp(0), Timestamp(1_000_000))
        .await
        .unwrap();
    assert_eq!(store.answers_by(author).await.unwrap().len(), 1);
    store.forget_account(author, Timestamp(30)).await.unwrap();
    let answer = store.answer(a).await.unwrap().unwrap();
    assert_eq!(answer.author.display_name, "Former expert");
    assert!(!answer.author.handle.contains("forget"));
    assert!(store
        .account_for_login("dr.forget")
        .await
        .unwrap()
        .is_none());
    assert!(store
        .session_account(&cap(7).hash(), Timestamp(40))
        .await
        .unwrap()
        .is_none());
    let changes = store.changes_since(0, 100).await.unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c.op == "forgotten" && c.question_id == Some(q)),
        "the thread is re-indexed"
    );
    assert!(matches!(
        store.forget_account(AccountId(999), Timestamp(50)).await,
        Err(StoreError::NotFound)
    ));
}
