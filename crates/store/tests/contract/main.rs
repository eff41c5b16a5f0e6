//! The storage contract: every behaviour the product relies on, written
//! against the `Store` trait, so each backend runs the very same tests.
//! Each test opens its own fresh database.

use std::sync::Arc;

use confide_core::expert::{ApplicationDraft, ApplicationInput, ApplicationStatus, Decision};
use confide_core::moderation::{FlagDraft, FlagReason, QuestionEdit, Resolution, Target};
use confide_core::question::{AnswerDraft, QuestionDraft, ReplyDraft};
use confide_core::{
    AccountId, AnswerBody, Capability, Credentials, DisplayName, Handle, PublishPolicy,
    QuestionBody, QuestionId, QuestionTitle, ReplyBody, ReplyId, Role, Timestamp, Topic,
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

/// A fresh, migrated database of its own on the PostgreSQL server that
/// `CONFIDE_TEST_POSTGRES_URL` names (`scripts/postgres-up` starts one).
async fn postgres() -> Db {
    use sqlx::Connection;
    let admin_url = std::env::var("CONFIDE_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!(
            "CONFIDE_TEST_POSTGRES_URL is not set. The contract tests run against PostgreSQL too: \
             run `scripts/test`, or start a throwaway server with `eval \"$(scripts/postgres-up)\"`"
        )
    });
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let name = format!(
        "contract_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        confide_core::Timestamp(0).millis() + rand_suffix()
    );
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
    sqlx::Executor::execute(&mut admin, format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    admin.close().await.unwrap();
    let (base, _) = admin_url.rsplit_once('/').unwrap();
    let store = confide_store::open(&format!("{base}/{name}"))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    Db {
        store,
        _dir: tempfile::tempdir().unwrap(),
    }
}

/// Distinguishes runs, so a leftover database from an earlier run never collides.
fn rand_suffix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64 % 1_000_000_000)
        .unwrap_or(0)
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
            verified: true,
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

/// Every contract test, once per backend.
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
        mod postgres_backend {
            $(
                #[tokio::test]
                async fn $name() {
                    let db = super::postgres().await;
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
    applicants_wait_for_an_admin_and_revocation_takes_the_badge,
    decisions_that_do_not_apply_are_refused,
    hiding_takes_content_out_of_public_lists_and_search,
    hiding_an_answer_returns_its_question_to_the_queue,
    flags_are_grouped_closed_by_decisions_and_erased_with_the_question,
    moderators_edits_of_questions_keep_revisions_unless_told_not_to,
    moderators_edits_of_replies_and_answers_are_audited,
    subscriptions_arrivals_and_a_cursor_one_node_wins,
    shared_rate_limit_buckets_fill_empty_and_refill,
    titles_are_read_for_the_ids_that_are_public,
);

async fn titles_are_read_for_the_ids_that_are_public(store: &dyn Store) {
    let mut ids = Vec::new();
    for n in 1..=3 {
        let q = store
            .create_question(&question(n, 10, PublishPolicy::Immediately))
            .await
            .unwrap();
        ids.push(q);
    }
    let private = store
        .create_question(&question(4, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    assert!(store.question_titles(&[private]).await.unwrap().is_empty());
    assert!(store.question_titles(&[]).await.unwrap().is_empty());
    let mut titles = store
        .question_titles(&[ids[2], QuestionId(987_654), ids[0]])
        .await
        .unwrap();
    titles.sort();
    assert_eq!(
        titles,
        vec![
            (ids[0], "Question 1".to_string()),
            (ids[2], "Question 3".to_string())
        ]
    );
    // Many at once, beyond one statement's share: all are still read.
    let many: Vec<QuestionId> = (0..1200)
        .map(|i| QuestionId(i + 100_000))
        .chain(ids.clone())
        .collect();
    let found: std::collections::BTreeSet<QuestionId> = store
        .question_titles(&many)
        .await
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(found, ids.iter().copied().collect());
    // A hidden question's title is not read.
    let hide = Resolution::parse("hide", "advertising").unwrap();
    store
        .moderate(
            Target::Question(ids[0]),
            &hide,
            "account:mod",
            Timestamp(30),
        )
        .await
        .unwrap();
    assert!(store.question_titles(&[ids[0]]).await.unwrap().is_empty());
}

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
            verified: true,
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

fn application(handle: &str) -> ApplicationDraft {
    ApplicationDraft::parse(
        &ApplicationInput {
            handle,
            display_name: "Sam Rivera",
            profession: "Sexual health nurse",
            licence_number: "NMC 12A3456B",
            licence_body: "Nursing and Midwifery Council",
            check_url: "https://example.org/register",
            statement: "Eight years in a sexual health clinic.",
        },
        Timestamp(5),
    )
    .unwrap()
}

async fn applicants_wait_for_an_admin_and_revocation_takes_the_badge(store: &dyn Store) {
    let id = store
        .apply_as_expert(&application("nurse.sam"), "hash")
        .await
        .unwrap();
    let (account, _) = store.account_for_login("nurse.sam").await.unwrap().unwrap();
    assert_eq!(account.verified_at, None);
    assert!(!account.may(confide_core::Action::Answer));
    let pending = store
        .applications(Some(ApplicationStatus::Pending), 10)
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].licence_number, "NMC 12A3456B");
    assert_eq!(pending[0].profession, "Sexual health nurse");

    store
        .decide_expert("nurse.sam", &Decision::Verify, "admin:cli", Timestamp(10))
        .await
        .unwrap();
    let (account, _) = store.account_for_login("nurse.sam").await.unwrap().unwrap();
    assert_eq!(account.verified_at, Some(Timestamp(10)));
    let q = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let a = store.create_answer(&answer(q, id, 20)).await.unwrap();
    assert_eq!(
        store.answer(a).await.unwrap().unwrap().author.verified_at,
        Some(Timestamp(10))
    );

    let revoke = Decision::with_reason("revoke", "registration lapsed").unwrap();
    store
        .decide_expert("nurse.sam", &revoke, "admin:cli", Timestamp(30))
        .await
        .unwrap();
    // At once, on every answer: the badge is read with the answer.
    assert_eq!(
        store.answer(a).await.unwrap().unwrap().author.verified_at,
        None
    );
    let thread = store.thread(q).await.unwrap().unwrap();
    assert_eq!(thread.answers[0].author.verified_at, None);
    let app = store.application(id).await.unwrap().unwrap();
    assert_eq!(app.status, ApplicationStatus::Revoked);
    assert_eq!(app.decision_note.as_deref(), Some("registration lapsed"));
    let audit = store.audit_log(100).await.unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    for expected in ["expert.apply", "expert.verify", "expert.revoke"] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    assert!(audit.iter().all(|e| !e.target.contains("12A3456B")));

    // Forgetting the account forgets the licence too.
    store.forget_account(id, Timestamp(40)).await.unwrap();
    assert!(store.application(id).await.unwrap().is_none());
}

async fn decisions_that_do_not_apply_are_refused(store: &dyn Store) {
    store
        .apply_as_expert(&application("nurse.lee"), "hash")
        .await
        .unwrap();
    assert!(matches!(
        store
            .apply_as_expert(&application("nurse.lee"), "hash")
            .await,
        Err(StoreError::Conflict(_))
    ));
    let revoke = Decision::with_reason("revoke", "x").unwrap();
    assert!(matches!(
        store
            .decide_expert("nurse.lee", &revoke, "a", Timestamp(1))
            .await,
        Err(StoreError::Conflict(_))
    ));
    let reject = Decision::with_reason("reject", "could not find the registration").unwrap();
    store
        .decide_expert("nurse.lee", &reject, "a", Timestamp(2))
        .await
        .unwrap();
    assert!(matches!(
        store
            .decide_expert("nurse.lee", &reject, "a", Timestamp(3))
            .await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store
            .decide_expert("nobody", &Decision::Verify, "a", Timestamp(3))
            .await,
        Err(StoreError::NotFound)
    ));
    // An operator-made account is verified from the start.
    expert(store, "dr.made").await;
    assert!(matches!(
        store
            .decide_expert("dr.made", &Decision::Verify, "a", Timestamp(3))
            .await,
        Err(StoreError::Conflict(_))
    ));
}

fn flag(target: Target, reason: FlagReason, at: i64) -> FlagDraft {
    FlagDraft::new(target, reason, "", Timestamp(at)).unwrap()
}

async fn hiding_takes_content_out_of_public_lists_and_search(store: &dyn Store) {
    let author = expert(store, "dr.hide").await;
    let q = store
        .create_question(&question(1, 10, PublishPolicy::Immediately))
        .await
        .unwrap();
    store.create_answer(&answer(q, author, 20)).await.unwrap();
    let hide = Resolution::parse("hide", "advertising").unwrap();
    store
        .moderate(Target::Question(q), &hide, "account:mod", Timestamp(30))
        .await
        .unwrap();
    let page = store.public_questions(None, None, 10).await.unwrap();
    assert!(page.questions.is_empty());
    assert!(!store.search_document(q).await.unwrap().unwrap().public);
    assert!(store
        .public_documents_after(QuestionId(0), 10)
        .await
        .unwrap()
        .is_empty());
    let thread = store.thread(q).await.unwrap().unwrap();
    assert_eq!(thread.question.hidden.as_deref(), Some("advertising"));
    let changes = store.changes_since(0, 100).await.unwrap();
    assert!(changes
        .iter()
        .any(|c| c.op == "hidden" && c.question_id == Some(q)));
    assert!(matches!(
        store
            .moderate(Target::Question(q), &hide, "account:mod", Timestamp(31))
            .await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(store.hidden(10).await.unwrap().len(), 1);

    store
        .moderate(
            Target::Question(q),
            &Resolution::Restore,
            "account:mod",
            Timestamp(40),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .public_questions(None, None, 10)
            .await
            .unwrap()
            .questions
            .len(),
        1
    );
    assert!(store.search_document(q).await.unwrap().unwrap().public);
    assert!(store.hidden(10).await.unwrap().is_empty());
    assert!(matches!(
        store
            .moderate(
                Target::Answer(confide_core::AnswerId(999)),
                &hide,
                "m",
                Timestamp(41)
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn hiding_an_answer_returns_its_question_to_the_queue(store: &dyn Store) {
    let author = expert(store, "dr.queue").await;
    let q = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let a = store.create_answer(&answer(q, author, 20)).await.unwrap();
    assert!(store.unanswered_questions(10).await.unwrap().is_empty());
    let hide = Resolution::parse("hide", "dangerous dosing advice").unwrap();
    store
        .moderate(Target::Answer(a), &hide, "account:mod", Timestamp(30))
        .await
        .unwrap();
    assert_eq!(store.unanswered_questions(10).await.unwrap().len(), 1);
    // Retention never takes a question whose answer a moderator hid: the
    // decision must stay undoable.
    assert!(store
        .unanswered_before(Timestamp(i64::MAX), 10)
        .await
        .unwrap()
        .is_empty());
    assert!(!store
        .erase_if_unanswered(q, "retention", Timestamp(31))
        .await
        .unwrap());
    let doc = store.search_document(q).await.unwrap().unwrap();
    assert!(doc.answers.is_empty(), "hidden answers are not searchable");
    assert!(store
        .answers_reviewed_before(Timestamp(i64::MAX), 10)
        .await
        .unwrap()
        .is_empty());
    store
        .moderate(
            Target::Answer(a),
            &Resolution::Restore,
            "account:mod",
            Timestamp(40),
        )
        .await
        .unwrap();
    assert!(store.unanswered_questions(10).await.unwrap().is_empty());
    assert!(!store
        .search_document(q)
        .await
        .unwrap()
        .unwrap()
        .answers
        .is_empty());
}

async fn flags_are_grouped_closed_by_decisions_and_erased_with_the_question(store: &dyn Store) {
    let author = expert(store, "dr.flag").await;
    let q = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let a = store.create_answer(&answer(q, author, 20)).await.unwrap();
    let r = store
        .create_reply(&ReplyDraft::new(
            q,
            Some(a),
            None,
            ReplyBody::parse("Thanks").unwrap(),
            Timestamp(25),
        ))
        .await
        .unwrap();
    store
        .create_flag(&flag(Target::Answer(a), FlagReason::Harmful, 30))
        .await
        .unwrap();
    store
        .create_flag(&flag(Target::Answer(a), FlagReason::Spam, 31))
        .await
        .unwrap();
    store
        .create_flag(&flag(Target::Reply(r), FlagReason::Identifying, 32))
        .await
        .unwrap();
    assert!(matches!(
        store
            .create_flag(&flag(Target::Reply(ReplyId(999)), FlagReason::Spam, 33))
            .await,
        Err(StoreError::NotFound)
    ));
    let queue = store.flagged(10).await.unwrap();
    assert_eq!(queue.len(), 2);
    assert_eq!(queue[0].target, Target::Answer(a));
    assert_eq!(queue[0].flags.len(), 2);
    assert_eq!(queue[0].question_id, q);
    assert_eq!(queue[0].text, "An answer");
    assert_eq!(queue[1].flags[0].reason, FlagReason::Identifying);

    store
        .moderate(
            Target::Answer(a),
            &Resolution::Dismiss,
            "account:mod",
            Timestamp(40),
        )
        .await
        .unwrap();
    let queue = store.flagged(10).await.unwrap();
    assert_eq!(queue.len(), 1, "dismissing closes that target's flags only");
    let audit = store.audit_log(10).await.unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "moderation.dismissed" && e.target == format!("answer:{}", a.0)));

    store
        .erase_question(q, "asker", Timestamp(50))
        .await
        .unwrap();
    assert!(store.flagged(10).await.unwrap().is_empty());
}

async fn moderators_edits_of_questions_keep_revisions_unless_told_not_to(store: &dyn Store) {
    let moderator = expert(store, "mod.edit").await;
    let q = store
        .create_question(&question(1, 10, PublishPolicy::Immediately))
        .await
        .unwrap();
    assert!(store.question_revisions(q).await.unwrap().is_empty());
    store
        .create_flag(&flag(Target::Question(q), FlagReason::Identifying, 15))
        .await
        .unwrap();
    let edit = |body: &str, forget: bool, at: i64| {
        QuestionEdit::new(
            q,
            QuestionTitle::parse("Question 1, edited").unwrap(),
            QuestionBody::parse(body).unwrap(),
            moderator,
            "took out a name",
            forget,
            Timestamp(at),
        )
        .unwrap()
    };
    store
        .edit_question(&edit("Body, edited", false, 20), "account:mod.edit")
        .await
        .unwrap();
    let revisions = store.question_revisions(q).await.unwrap();
    assert_eq!(revisions.len(), 2);
    assert_eq!(revisions[0].body, "Body of question 1");
    assert_eq!(revisions[0].editor, None);
    assert_eq!(revisions[1].editor.as_deref(), Some("Dr Test"));
    assert_eq!(revisions[1].reason, "took out a name");
    let thread = store.thread(q).await.unwrap().unwrap();
    assert_eq!(thread.question.body, "Body, edited");
    assert_eq!(thread.question.title, "Question 1, edited");
    assert_eq!(thread.question.revisions, 2);
    assert!(
        store.flagged(10).await.unwrap().is_empty(),
        "the edit closed the flag"
    );
    let doc = store.search_document(q).await.unwrap().unwrap();
    assert_eq!(doc.body, "Body, edited");

    store
        .edit_question(&edit("Body, edited again", true, 30), "account:mod.edit")
        .await
        .unwrap();
    let revisions = store.question_revisions(q).await.unwrap();
    assert_eq!(revisions.len(), 3);
    assert!(revisions[..2]
        .iter()
        .all(|r| r.body == confide_core::moderation::FORGOTTEN_TEXT));
    assert_eq!(revisions[2].body, "Body, edited again");
    assert!(matches!(
        store
            .edit_question(
                &{
                    let mut e = edit("x", false, 40);
                    e.question_id = QuestionId(999);
                    e
                },
                "m"
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn moderators_edits_of_replies_and_answers_are_audited(store: &dyn Store) {
    let author = expert(store, "dr.author").await;
    let moderator = expert(store, "mod.audit").await;
    let q = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let a = store.create_answer(&answer(q, author, 20)).await.unwrap();
    let r = store
        .create_reply(&ReplyDraft::new(
            q,
            None,
            None,
            ReplyBody::parse("My name is Jo Bloggs").unwrap(),
            Timestamp(25),
        ))
        .await
        .unwrap();
    store
        .edit_reply(
            r,
            &ReplyBody::parse("My name is [removed]").unwrap(),
            "took out a name",
            "account:mod.audit",
            Timestamp(30),
        )
        .await
        .unwrap();
    let thread = store.thread(q).await.unwrap().unwrap();
    assert_eq!(thread.replies[0].body, "My name is [removed]");
    assert_eq!(
        thread.replies[0].moderator_note.as_deref(),
        Some("took out a name")
    );

    let before = store.answer(a).await.unwrap().unwrap().reviewed_at;
    let reviewer = expert(store, "dr.review").await;
    let dispute = confide_core::evidence::ReviewDraft::new(
        &store.answer(a).await.unwrap().unwrap(),
        &store
            .account_for_login("dr.review")
            .await
            .unwrap()
            .unwrap()
            .0,
        confide_core::evidence::Verdict::Dispute,
        Some("An answer"),
        "Which study says so?",
        None,
        Timestamp(35),
    )
    .unwrap();
    let _ = reviewer;
    store.create_review(&dispute).await.unwrap();
    let draft = AnswerDraft::new(
        q,
        moderator,
        AnswerBody::parse("An answer, tidied").unwrap(),
        PublishPolicy::OnAnswer,
        Timestamp(40),
    )
    .with_reason("removed a link to a shop")
    .unwrap();
    store.update_answer(a, &draft).await.unwrap();
    let after = store.answer(a).await.unwrap().unwrap();
    assert_eq!(
        after.reviewed_at, before,
        "a moderator's edit is no clinical review"
    );
    assert_eq!(after.author.id, author);
    assert_eq!(
        after.reviews[0].status,
        confide_core::evidence::ReviewStatus::Open,
        "a moderator's edit addresses no dispute"
    );
    let audit = store.audit_log(20).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "answer.moderator_edit"
        && e.actor == "account:mod.audit"
        && e.target == format!("answer:{}", a.0)));
    assert!(audit
        .iter()
        .any(|e| e.action == "moderation.edit" && e.target == format!("reply:{}", r.0)));
    // The author's own edit is no moderation.
    let own = AnswerDraft::new(
        q,
        author,
        AnswerBody::parse("An answer, revised").unwrap(),
        PublishPolicy::OnAnswer,
        Timestamp(50),
    )
    .with_reason("new study")
    .unwrap();
    store.update_answer(a, &own).await.unwrap();
    assert_eq!(
        store.answer(a).await.unwrap().unwrap().reviewed_at,
        Timestamp(50)
    );
    let moderator_edits = store
        .audit_log(20)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == "answer.moderator_edit")
        .count();
    assert_eq!(moderator_edits, 1);
}

async fn subscriptions_arrivals_and_a_cursor_one_node_wins(store: &dyn Store) {
    use confide_core::notification::EmailAddress;
    let kim = expert(store, "dr.kim").await;
    let applicant = store
        .apply_as_expert(&application("nurse.wait"), "hash")
        .await
        .unwrap();
    let email = EmailAddress::parse("kim@clinic.example").unwrap();
    store
        .set_notifications(
            kim,
            Some(&email),
            &[Topic::Pain, Topic::Emotions],
            "es",
            Timestamp(1),
        )
        .await
        .unwrap();
    let other = EmailAddress::parse("wait@clinic.example").unwrap();
    store
        .set_notifications(applicant, Some(&other), &[Topic::Pain], "en", Timestamp(1))
        .await
        .unwrap();
    let (saved, topics) = store.notifications(kim).await.unwrap();
    assert_eq!(saved.as_deref(), Some("kim@clinic.example"));
    assert_eq!(topics, [Topic::Pain, Topic::Emotions]);
    let subs = store.subscriptions().await.unwrap();
    assert_eq!(subs.len(), 1, "only verified experts get email");
    assert_eq!(subs[0].account, kim);
    assert_eq!(subs[0].lang, "es", "written to in the language they chose");

    let start = store.last_change().await.unwrap();
    let q1 = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let q2 = store
        .create_question(&question(2, 11, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    store
        .erase_question(q2, "asker", Timestamp(12))
        .await
        .unwrap();
    let end = store.last_change().await.unwrap();
    let arrivals = store.arrivals(start, end).await.unwrap();
    assert_eq!(arrivals.len(), 1, "an erased question is nobody's news");
    assert_eq!(arrivals[0].topic, Topic::Emotions);
    let _ = q1;

    // Exactly one of two racing nodes moves the cursor each step.
    assert_eq!(store.cursor("notify").await.unwrap(), None);
    assert!(store.advance_cursor("notify", None, start).await.unwrap());
    assert!(!store.advance_cursor("notify", None, start).await.unwrap());
    assert!(store
        .advance_cursor("notify", Some(start), end)
        .await
        .unwrap());
    assert!(!store
        .advance_cursor("notify", Some(start), end)
        .await
        .unwrap());
    assert_eq!(store.cursor("notify").await.unwrap(), Some(end));

    store
        .set_notifications(kim, None, &[], "en", Timestamp(20))
        .await
        .unwrap();
    assert!(store.subscriptions().await.unwrap().is_empty());
    store
        .set_notifications(kim, Some(&email), &[Topic::Pain], "en", Timestamp(21))
        .await
        .unwrap();
    store.forget_account(kim, Timestamp(30)).await.unwrap();
    assert_eq!(store.notifications(kim).await.unwrap().0, None);
}

/// Content of every kind, for the round trip.
async fn populate(store: &dyn Store) {
    use confide_core::moderation::{FlagDraft, FlagReason, Resolution, Target};
    // A running instance always has its secret (it signs every form).
    store.instance_secret().await.unwrap();
    let author = expert(store, "dr.round").await;
    let reviewer = expert(store, "dr.trip").await;
    store
        .apply_as_expert(&application("nurse.round"), "hash")
        .await
        .unwrap();
    store
        .create_session(&cap(9).hash(), author, Timestamp(1), Timestamp(9_999))
        .await
        .unwrap();
    let q1 = store
        .create_question(&question(1, 10, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    let q2 = store
        .create_question(&question(2, 11, PublishPolicy::Immediately))
        .await
        .unwrap();
    let draft = answer(q1, author, 20)
        .with_citations(vec![confide_core::evidence::Citation::parse_line(
            "A study of things (2019) doi:10.1000/xyz123",
        )
        .unwrap()])
        .unwrap();
    let a = store.create_answer(&draft).await.unwrap();
    let account = store.account_for_login("dr.trip").await.unwrap().unwrap().0;
    let _ = reviewer;
    store
        .create_review(
            &confide_core::evidence::ReviewDraft::new(
                &store.answer(a).await.unwrap().unwrap(),
                &account,
                confide_core::evidence::Verdict::Dispute,
                Some("An answer"),
                "Needs a source.",
                None,
                Timestamp(25),
            )
            .unwrap(),
        )
        .await
        .unwrap();
    store
        .create_reply(&ReplyDraft::new(
            q1,
            Some(a),
            None,
            ReplyBody::parse("Thank you — ¿y ahora?").unwrap(),
            Timestamp(30),
        ))
        .await
        .unwrap();
    store.mark_helpful(q1, a, Timestamp(31)).await.unwrap();
    store
        .create_flag(
            &FlagDraft::new(Target::Question(q2), FlagReason::Spam, "", Timestamp(32)).unwrap(),
        )
        .await
        .unwrap();
    store
        .moderate(
            Target::Question(q2),
            &Resolution::parse("hide", "advertising").unwrap(),
            "account:mod",
            Timestamp(33),
        )
        .await
        .unwrap();
    // The newest question is erased: its id must never come back.
    let gone = store
        .create_question(&question(4, 34, PublishPolicy::OnAnswer))
        .await
        .unwrap();
    store
        .erase_question(gone, "asker", Timestamp(35))
        .await
        .unwrap();
    store
        .put_embedding(&confide_store::StoredEmbedding {
            question_id: q1,
            model: "test-model".into(),
            content_hash: vec![1, 2, 3],
            vector: vec![0, 255, 7, 9],
        })
        .await
        .unwrap();
}

async fn export_lines(store: &dyn Store) -> Vec<String> {
    let mut out = Vec::new();
    confide_store::transfer::export_to(store, &mut out)
        .await
        .unwrap();
    let text = String::from_utf8(out).unwrap();
    // The header carries the moment of export; the records must match exactly.
    text.lines().skip(1).map(str::to_owned).collect()
}

async fn import_lines(store: &dyn Store, lines: &[String]) -> u64 {
    let header = format!(
        r#"{{"format":"confide-export","version":1,"schema":{},"exported_at":0}}"#,
        store.schema_version().await.unwrap()
    );
    let text = std::iter::once(header)
        .chain(lines.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n");
    confide_store::transfer::import_from(store, text.as_bytes(), &mut |_| {})
        .await
        .unwrap()
}

#[tokio::test]
async fn export_and_import_round_trip_sqlite_to_postgres_and_back() {
    let source = sqlite().await;
    populate(source.store.as_ref()).await;
    let first = export_lines(source.store.as_ref()).await;
    assert!(first.len() > 15, "every kind of record: {}", first.len());

    let pg = postgres().await;
    assert_eq!(
        import_lines(pg.store.as_ref(), &first).await,
        first.len() as u64
    );
    let second = export_lines(pg.store.as_ref()).await;
    assert_eq!(first, second, "SQLite → PostgreSQL keeps everything");

    let back = sqlite().await;
    import_lines(back.store.as_ref(), &second).await;
    let third = export_lines(back.store.as_ref()).await;
    assert_eq!(first, third, "and back again");

    // The imported instance carries on: logins, secrets, new ids.
    for db in [&pg, &back] {
        let store = db.store.as_ref();
        assert_eq!(
            store.instance_secret().await.unwrap(),
            source.store.instance_secret().await.unwrap()
        );
        assert!(store
            .session_account(&cap(9).hash(), Timestamp(100))
            .await
            .unwrap()
            .is_some());
        let next = store
            .create_question(&question(3, 50, PublishPolicy::OnAnswer))
            .await
            .unwrap();
        assert_eq!(
            next,
            QuestionId(4),
            "ids continue after every id handed out, erased ones included"
        );
        let imported = store.changes_since(0, 100).await.unwrap();
        assert!(
            imported.iter().any(|c| c.op == "imported"),
            "projections hear of it"
        );
    }
}

#[tokio::test]
async fn imports_refuse_bad_files_and_full_databases_with_the_line() {
    use confide_store::transfer::{import_from, TransferError};
    let db = sqlite().await;
    let store = db.store.as_ref();
    let schema = store.schema_version().await.unwrap();
    let header =
        format!(r#"{{"format":"confide-export","version":1,"schema":{schema},"exported_at":0}}"#);
    let run = |text: String| async move { import_from(store, text.as_bytes(), &mut |_| {}).await };

    let err = run(String::new()).await.unwrap_err();
    assert!(matches!(err, TransferError::Header(_)), "{err}");
    let err = run("{\"format\":\"other\",\"version\":1,\"schema\":1,\"exported_at\":0}".into())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("line 1"), "{err}");
    let err = run(format!(
        "{header}\n{{\"table\":\"accounts\",\"row\":{{}}}}\nnot json"
    ))
    .await
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("line 2: accounts.id should be an integer"),
        "{err}"
    );
    let err = run(format!("{header}\n\nnot json")).await.unwrap_err();
    assert!(err.to_string().starts_with("line 3:"), "{err}");
    let err = run(format!("{header}\n{{\"table\":\"secrets\",\"row\":{{}}}}"))
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("unknown table \"secrets\""),
        "{err}"
    );
    // Nothing was half-imported by those failures.
    assert!(store.audit_log(10).await.unwrap().is_empty());

    expert(store, "dr.there").await;
    let err = run(header.clone()).await.unwrap_err();
    assert!(matches!(err, TransferError::NotEmpty), "{err}");
}

async fn shared_rate_limit_buckets_fill_empty_and_refill(store: &dyn Store) {
    let key = [7u8; 16];
    let take = |at: i64| store.take_token(&key, 2.0, 10_000.0, Timestamp(at));
    assert_eq!(take(1_000).await.unwrap(), None);
    assert_eq!(take(1_000).await.unwrap(), None);
    // Empty: one more token in ten seconds.
    assert_eq!(take(1_000).await.unwrap(), Some(10));
    assert_eq!(take(6_000).await.unwrap(), Some(5), "half a token earned");
    assert_eq!(take(11_000).await.unwrap(), None);
    // Another key is another bucket.
    assert_eq!(
        store
            .take_token(&[8u8; 16], 1.0, 10_000.0, Timestamp(11_000))
            .await
            .unwrap(),
        None
    );
    assert_eq!(store.purge_rate_limits(Timestamp(11_001)).await.unwrap(), 2);
    assert_eq!(
        take(11_002).await.unwrap(),
        None,
        "a forgotten bucket starts full"
    );
}

/// Import files put together from awkward pieces: never a panic, never a
/// half-import, and every refusal names a line.
#[tokio::test]
async fn mangled_imports_are_refused_with_a_line_and_leave_nothing() {
    let schema = sqlite().await.store.schema_version().await.unwrap();
    let header =
        format!(r#"{{"format":"confide-export","version":1,"schema":{schema},"exported_at":0}}"#);
    const PIECES: &[&str] = &[
        r#"{"table":"accounts","row":{"id":1,"handle":"a.b.c","display_name":"A","credentials":"C","role":"expert","password_hash":"!","disabled":false,"created_at":0,"verified_at":null,"notify_email":null,"notify_topics":"","notify_lang":"en"}}"#,
        r#"{"table":"accounts","row":{"id":"1"}}"#,
        r#"{"table":"questions","row":{"id":1}}"#,
        r#"{"table":"answers","row":{"id":1,"question_id":99}}"#,
        r#"{"table":"instance","row":{"key":"secret","value":"%%%"}}"#,
        r#"{"table":"nope","row":{}}"#,
        r#"{"table":"accounts"}"#,
        r#"{"row":{}}"#,
        "[]",
        "null",
        "{",
        "\u{0}",
        "",
        r#"{"table":"accounts","row":{"id":1,"handle":null}}"#,
    ];
    let mut seed = 0xA5A5_5A5A_1234_4321_u64;
    for _ in 0..100 {
        let db = sqlite().await;
        let store = db.store.as_ref();
        let mut lines = vec![header.clone()];
        for _ in 0..4 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            lines.push(PIECES[(seed % PIECES.len() as u64) as usize].to_owned());
        }
        let text = lines.join("\n");
        let result =
            confide_store::transfer::import_from(store, text.as_bytes(), &mut |_| {}).await;
        match result {
            Err(e) => {
                let message = e.to_string();
                assert!(
                    message.starts_with("line ") || message.contains("not empty"),
                    "{message}"
                );
            }
            Ok(_) => {
                // Only valid rows get in: here, at most the one account.
                assert!(lines[1..].iter().all(|l| l.is_empty() || l == PIECES[0]));
                continue;
            }
        }
        assert!(
            store.account_for_login("a.b.c").await.unwrap().is_none(),
            "nothing half-imported"
        );
    }
}

/// A database in memory cannot be opened by a second connection: its
/// threads and titles are read through the pool, not the direct reader.
#[tokio::test]
async fn a_database_in_memory_reads_threads_and_titles() {
    let store = confide_store::open("sqlite::memory:").await.unwrap();
    store.migrate().await.unwrap();
    let q = store
        .create_question(&question(1, 10, PublishPolicy::Immediately))
        .await
        .unwrap();
    let thread = store.thread(q).await.unwrap().unwrap();
    assert_eq!(thread.question.title, "Question 1");
    assert_eq!(
        store.question_titles(&[q]).await.unwrap(),
        vec![(q, "Question 1".to_string())]
    );
}
