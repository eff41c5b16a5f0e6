//! `confide seed-synthetic`: a large, plausible-looking instance for
//! benchmarks and load tests. Every sentence is assembled here from our own
//! fragments (nothing from the shared data). Rows go in through the import
//! path, in one transaction, so 100,000 questions take seconds, not hours.

use confide_core::{markdown, Capability, Timestamp, Topic};
use confide_store::transfer::{Record, TransferError};
use serde_json::{json, Value};

const EXPERTS: i64 = 12;
/// Every synthetic expert's password (benchmark data only).
pub const PASSWORD: &str = "synthetic-password";

/// A small deterministic generator, so two seeds of the same size match.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const OPENINGS: &[&str] = &[
    "Is it normal that",
    "Why does it happen that",
    "What can I do when",
    "Should I worry that",
    "How do couples handle it when",
    "Is there a reason why",
];
const SUBJECTS: &[&str] = &[
    "my partner",
    "I",
    "my girlfriend",
    "my boyfriend",
    "my wife",
    "my husband",
    "we",
];
const SITUATIONS: &[&str] = &[
    "feels sad after being intimate",
    "loses interest after a few months together",
    "has pain the first time in a while",
    "forgets a pill in the second week",
    "gets nervous before a new test result",
    "wants to try something new but feels shy",
    "finishes much sooner than expected",
    "has trouble staying aroused with a condom",
    "feels guilty about fantasies",
    "notices spotting after sex",
    "does not want the same things in bed",
    "feels numb during intimacy after a stressful week",
];
const DETAILS: &[&str] = &[
    "It has happened a few times now.",
    "We have been together for two years.",
    "Nothing like this happened before.",
    "I have not talked to anyone about it.",
    "It started after we moved in together.",
    "I am not sure whom to ask.",
    "We both want to understand it better.",
];
const ADVICE: &[&str] = &[
    "This is more common than most people think, and it rarely means something is wrong with you.",
    "Talking about it at a calm moment, not right after sex, usually goes better.",
    "If there is pain or bleeding that keeps coming back, see a clinician for an examination.",
    "Stress, sleep and medication changes all affect desire and arousal.",
    "A sexual health clinic can test confidentially, often without an appointment.",
    "There is no single right amount of sex for a couple; what matters is that both are comfortable.",
    "Lubricant and going slower help more often than people expect.",
    "If you feel unsafe with your partner, that matters more than any other question here.",
];
const REPLIES: &[&str] = &[
    "Thank you, that helps a lot.",
    "Could it also be related to my medication?",
    "We talked about it and it went better than I feared.",
    "Does this change if we use condoms?",
];

fn sentence(rng: &mut Rng, list: &[&str], n: usize) -> String {
    (0..n).map(|_| rng.pick(list)).collect::<Vec<_>>().join(" ")
}

fn record(table: &str, row: Value) -> Result<Record, TransferError> {
    let Value::Object(row) = row else {
        return Err(TransferError::UnknownTable(table.into()));
    };
    Ok(Record {
        table: table.into(),
        row,
        line: 0,
    })
}

/// Experts first, then `questions` questions (three in four answered, one
/// in five with a reply from the asker), dated over the past year.
/// With `vectors`, each public question also gets a random unit vector
/// stored as its embedding (search time does not depend on what vectors
/// mean), so a server with the model starts at any size without embedding.
pub fn records(
    questions: usize,
    password_hash: String,
    now: Timestamp,
    vectors: bool,
) -> impl Iterator<Item = Result<Record, TransferError>> {
    let year = 365 * 24 * 3_600_000_i64;
    let start = now.millis() - year;
    let experts = (1..=EXPERTS).map(move |id| {
        record(
            "accounts",
            json!({
                "id": id, "handle": format!("synthetic.expert{id}"),
                "display_name": format!("Synthetic Expert {id}"),
                "credentials": "Synthetic credentials (benchmark data)",
                "role": "expert", "password_hash": password_hash.clone(), "disabled": false,
                "created_at": start, "verified_at": start,
                "notify_email": Value::Null, "notify_topics": "", "notify_lang": "en",
            }),
        )
    });
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut next_answer = 0_i64;
    let mut next_reply = 0_i64;
    let threads = (1..=questions as i64).flat_map(move |id| {
        let asked = start + (year / questions.max(1) as i64) * (id - 1);
        let title = format!(
            "{} {} {}?",
            rng.pick(OPENINGS),
            rng.pick(SUBJECTS),
            rng.pick(SITUATIONS)
        );
        let sentences = 2 + rng.below(3);
        let body = sentence(&mut rng, DETAILS, sentences);
        let answers = if id % 4 == 0 { 0 } else { 1 + rng.below(2) };
        let topic = Topic::ALL[rng.below(Topic::ALL.len())];
        let mut capability = [0u8; 32];
        capability[..8].copy_from_slice(&rng.next().to_le_bytes());
        capability[8..16].copy_from_slice(&id.to_le_bytes());
        let hash = Capability::from_random(capability).hash();
        let answered_at = asked + 3_600_000;
        let mut out = Vec::new();
        if vectors && answers > 0 {
            // A generator of its own, so the questions and answers are the
            // same with vectors as without.
            let mut own = Rng(0x9E37_79B9_7F4A_7C15 ^ id as u64);
            let vector = confide_search::semantic::random_unit_vector(|| own.next());
            out.push(record(
                "embeddings",
                json!({
                    "question_id": id, "model": confide_search::model::MODEL_NAME,
                    "content_hash": base64_of(&confide_search::stored_vector_hash(&title, &body)),
                    "vector": base64_of(&confide_search::semantic::to_bytes(&vector)),
                }),
            ));
        }
        out.insert(0, record(
            "questions",
            json!({
                "id": id, "capability_hash": base64_of(hash.as_bytes()),
                "title": title, "body_html": markdown::render(&body), "body": body,
                "topic": topic.slug(), "created_at": asked,
                "published_at": if answers > 0 { Value::from(answered_at) } else { Value::Null },
                "helpful_answer_id": Value::Null, "answer_count": answers as i64,
                "urgency": 0, "triage": "", "hidden_reason": Value::Null,
            }),
        ));
        for _ in 0..answers {
            next_answer += 1;
            let author = 1 + rng.below(EXPERTS as usize) as i64;
            let sentences = 3 + rng.below(3);
            let text = sentence(&mut rng, ADVICE, sentences);
            out.push(record(
                "answers",
                json!({
                    "id": next_answer, "question_id": id, "author_id": author,
                    "body_html": markdown::render(&text), "body": text.clone(),
                    "created_at": answered_at, "updated_at": answered_at,
                    "helped_count": rng.below(20) as i64, "reviewed_at": answered_at,
                    "hidden_reason": Value::Null,
                }),
            ));
            out.push(record(
                "answer_revisions",
                json!({
                    "answer_id": next_answer, "number": 1, "body": text,
                    "editor_id": author, "reason": "First version", "created_at": answered_at,
                }),
            ));
        }
        if answers > 0 && id % 5 == 0 {
            next_reply += 1;
            let text = rng.pick(REPLIES).to_owned();
            out.push(record(
                "replies",
                json!({
                    "id": next_reply, "question_id": id, "answer_id": next_answer,
                    "author_id": Value::Null, "body_html": markdown::render(&text), "body": text,
                    "created_at": answered_at + 600_000, "hidden_reason": Value::Null,
                    "moderator_note": Value::Null,
                }),
            ));
        }
        out
    });
    experts.chain(threads)
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_size_gives_the_same_instance() {
        let a: Vec<_> = records(20, "h".into(), Timestamp(1_000_000_000_000), false)
            .map(|r| r.unwrap())
            .collect();
        let b: Vec<_> = records(20, "h".into(), Timestamp(1_000_000_000_000), false)
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(a, b);
        let questions = a.iter().filter(|r| r.table == "questions").count();
        assert_eq!(questions, 20);
        let unanswered = a
            .iter()
            .filter(|r| r.table == "questions" && r.row["answer_count"] == 0)
            .count();
        assert_eq!(unanswered, 5, "one in four waits for an answer");
        assert!(a.iter().all(|r| r.table != "embeddings"));
    }

    #[test]
    fn vectors_match_the_questions_they_belong_to() {
        let all: Vec<_> = records(20, "h".into(), Timestamp(1_000_000_000_000), true)
            .map(|r| r.unwrap())
            .collect();
        let vectors: Vec<_> = all.iter().filter(|r| r.table == "embeddings").collect();
        assert_eq!(vectors.len(), 15, "one per answered question");
        let without: Vec<_> = records(20, "h".into(), Timestamp(1_000_000_000_000), false)
            .map(|r| r.unwrap())
            .collect();
        let others: Vec<_> = all
            .iter()
            .filter(|r| r.table != "embeddings")
            .cloned()
            .collect();
        assert_eq!(
            others, without,
            "the same questions with vectors as without"
        );
        for v in vectors {
            let q = all
                .iter()
                .find(|r| r.table == "questions" && r.row["id"] == v.row["question_id"])
                .unwrap();
            let title = q.row["title"].as_str().unwrap();
            let body = q.row["body"].as_str().unwrap();
            let hash = base64_of(&confide_search::stored_vector_hash(title, body));
            assert_eq!(v.row["content_hash"], hash.as_str());
            assert_ne!(q.row["answer_count"], 0);
        }
    }
}
