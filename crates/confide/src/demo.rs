//! The demo instance's content: our own questions and answers, written for
//! Confide, loaded from `demo/content.toml` (embedded in the binary).

use std::collections::HashMap;

use anyhow::{anyhow, bail, Context};
use confide_core::evidence::{ReviewDraft, Verdict};
use confide_core::question::{AnswerDraft, QuestionDraft, ReplyDraft};
use confide_core::{
    AccountId, AnswerBody, Credentials, DisplayName, Handle, Password, PublishPolicy, QuestionBody,
    QuestionTitle, ReplyBody, Role, Timestamp, Topic,
};
use confide_store::{NewAccount, Store};
use serde::Deserialize;

pub const CONTENT: &str = include_str!("../demo/content.toml");
pub const PASSWORD: &str = "confide-demo";
pub const MODERATOR: &str = "demo.moderator";
pub const ADMIN: &str = "demo.admin";
/// A fictional applicant waiting for the admin, so verification can be seen.
pub const APPLICANT: &str = "demo.applicant";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    pub expert: Vec<Expert>,
    pub question: Vec<DemoQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expert {
    pub handle: String,
    pub name: String,
    pub credentials: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoQuestion {
    pub topic: String,
    pub days_ago: i64,
    pub title: String,
    pub body: String,
    pub helpful: Option<usize>,
    #[serde(default)]
    pub answer: Vec<DemoAnswer>,
    #[serde(default)]
    pub reply: Vec<DemoReply>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAnswer {
    pub expert: String,
    pub hours_after: i64,
    pub body: String,
    #[serde(default)]
    pub citations: Vec<Citation>,
    /// Peer reviews, shown once claim-level review exists; checked now.
    #[serde(default)]
    pub review: Vec<Review>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub title: String,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub url: Option<String>,
    pub year: Option<i32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub expert: String,
    pub verdict: String,
    pub quote: Option<String>,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoReply {
    pub by: String,
    pub to_answer: Option<usize>,
    pub hours_after: i64,
    pub body: String,
}

pub fn parse(text: &str) -> anyhow::Result<Content> {
    let content: Content = toml::from_str(text).map_err(|e| anyhow!("demo/content.toml: {e}"))?;
    content.check()?;
    Ok(content)
}

impl Content {
    /// Consistency the TOML schema cannot express.
    pub fn check(&self) -> anyhow::Result<()> {
        let experts: Vec<&str> = self.expert.iter().map(|e| e.handle.as_str()).collect();
        for (n, q) in self.question.iter().enumerate() {
            let at = || format!("question {} ({:?})", n + 1, q.title);
            Topic::parse(&q.topic).with_context(at)?;
            QuestionTitle::parse(&q.title).with_context(at)?;
            QuestionBody::parse(&q.body).with_context(at)?;
            if let Some(h) = q.helpful {
                if h == 0 || h > q.answer.len() {
                    bail!(
                        "{}: helpful = {h} but it has {} answers",
                        at(),
                        q.answer.len()
                    );
                }
            }
            for a in &q.answer {
                if !experts.contains(&a.expert.as_str()) {
                    bail!("{}: unknown expert {:?}", at(), a.expert);
                }
                AnswerBody::parse(&a.body).with_context(at)?;
                for r in &a.review {
                    if r.expert == a.expert || !experts.contains(&r.expert.as_str()) {
                        bail!(
                            "{}: review by {:?} is by the author or an unknown expert",
                            at(),
                            r.expert
                        );
                    }
                    match (r.verdict.as_str(), &r.quote) {
                        ("endorse", _) | ("dispute", Some(_)) => {}
                        (v, _) => bail!(
                            "{}: review verdict {v:?} needs to be endorse, or dispute with a quote",
                            at()
                        ),
                    }
                    if r.note.trim().is_empty() {
                        bail!("{}: review without a note", at());
                    }
                    if let Some(quote) = &r.quote {
                        if !a.body.contains(quote.as_str()) {
                            bail!("{}: disputed quote is not in the answer: {quote:?}", at());
                        }
                    }
                }
            }
            for r in &q.reply {
                if r.by != "asker" && !experts.contains(&r.by.as_str()) {
                    bail!("{}: reply by unknown {:?}", at(), r.by);
                }
                if r.to_answer.is_some_and(|i| i == 0 || i > q.answer.len()) {
                    bail!("{}: reply to a missing answer", at());
                }
                ReplyBody::parse(&r.body).with_context(at)?;
            }
        }
        Ok(())
    }
}

impl From<&Citation> for confide_core::evidence::Citation {
    fn from(c: &Citation) -> Self {
        confide_core::evidence::Citation {
            title: c.title.clone(),
            doi: c.doi.clone(),
            pmid: c.pmid.clone(),
            url: c.url.clone(),
            year: c.year,
        }
    }
}

/// Demo logins: every expert plus one moderator, all with [`PASSWORD`].
pub struct Loaded {
    pub experts: Vec<String>,
    pub questions: usize,
    pub answered: usize,
}

/// Loads the demo content into an empty store, dated relative to `now`.
pub async fn load(store: &dyn Store, content: &Content, now: Timestamp) -> anyhow::Result<Loaded> {
    let password_hash = confide_web::auth::hash_password(Password::parse(PASSWORD)?).await?;
    let mut accounts: HashMap<&str, AccountId> = HashMap::new();
    let account_created = now.minus_hours(24 * 400);
    for e in &content.expert {
        let id = store
            .create_account(&NewAccount {
                handle: Handle::parse(&e.handle)?,
                display_name: DisplayName::parse(&e.name)?,
                credentials: Credentials::parse(&e.credentials)?,
                role: Role::Expert,
                password_hash: password_hash.clone(),
                created_at: account_created,
                verified: true,
            })
            .await?;
        accounts.insert(&e.handle, id);
    }
    store
        .create_account(&NewAccount {
            handle: Handle::parse(MODERATOR)?,
            display_name: DisplayName::parse("Demo Moderator")?,
            credentials: Credentials::parse("Community moderator (demo account)")?,
            role: Role::Moderator,
            password_hash: password_hash.clone(),
            created_at: account_created,
            verified: true,
        })
        .await?;
    store
        .create_account(&NewAccount {
            handle: Handle::parse(ADMIN)?,
            display_name: DisplayName::parse("Demo Administrator")?,
            credentials: Credentials::parse("Site administrator (demo account)")?,
            role: Role::Admin,
            password_hash: password_hash.clone(),
            created_at: account_created,
            verified: true,
        })
        .await?;
    // Fictional throughout: the register address is a reserved example domain.
    let application = confide_core::expert::ApplicationDraft::parse(
        &confide_core::expert::ApplicationInput {
            handle: APPLICANT,
            display_name: "Robin Achterberg (fictional)",
            profession: "Sexual health nurse",
            licence_number: "DEMO-0000-000",
            licence_body: "A nursing regulator (fictional, for the demo)",
            check_url: "https://register.example.org/DEMO-0000-000",
            statement: "A demo application: an administrator checks the registration, then verifies or rejects it.",
        },
        now.minus_hours(30),
    )?;
    store.apply_as_expert(&application, &password_hash).await?;

    // Oldest first, so ids follow the order things happened.
    let mut questions: Vec<&DemoQuestion> = content.question.iter().collect();
    questions.sort_by_key(|q| std::cmp::Reverse(q.days_ago));
    let mut answered = 0;
    for q in questions {
        let asked = now.minus_hours(24 * q.days_ago);
        let capability = confide_web::new_token()?;
        let draft = QuestionDraft::new(
            QuestionTitle::parse(&q.title)?,
            QuestionBody::parse(&q.body)?,
            Topic::parse(&q.topic)?,
            capability.hash(),
            PublishPolicy::OnAnswer,
            asked,
        );
        let id = store.create_question(&draft).await?;
        let mut answer_ids = Vec::new();
        for a in &q.answer {
            let author = accounts[a.expert.as_str()];
            let body = AnswerBody::parse(&a.body)?;
            let draft = AnswerDraft::new(
                id,
                author,
                body,
                PublishPolicy::OnAnswer,
                asked.plus_hours(a.hours_after),
            )
            .with_citations(a.citations.iter().map(Into::into).collect())?;
            let answer_id = store.create_answer(&draft).await?;
            answer_ids.push(answer_id);
            for (n, r) in a.review.iter().enumerate() {
                let answer = store
                    .answer(answer_id)
                    .await?
                    .ok_or_else(|| anyhow!("demo answer vanished"))?;
                let (reviewer, _) = store
                    .account_for_login(&r.expert)
                    .await?
                    .ok_or_else(|| anyhow!("demo reviewer {} missing", r.expert))?;
                let review = ReviewDraft::new(
                    &answer,
                    &reviewer,
                    Verdict::parse(&r.verdict)?,
                    r.quote.as_deref(),
                    &r.note,
                    None,
                    asked.plus_hours(a.hours_after + 24 * (n as i64 + 1)),
                )?;
                store.create_review(&review).await?;
            }
        }
        if !q.answer.is_empty() {
            answered += 1;
        }
        for r in &q.reply {
            let author = (r.by != "asker").then(|| accounts[r.by.as_str()]);
            let answer = r.to_answer.map(|i| answer_ids[i - 1]);
            let draft = ReplyDraft::new(
                id,
                answer,
                author,
                ReplyBody::parse(&r.body)?,
                asked.plus_hours(r.hours_after),
            );
            store.create_reply(&draft).await?;
        }
        if let Some(h) = q.helpful {
            store
                .mark_helpful(id, answer_ids[h - 1], asked.plus_hours(48))
                .await?;
        }
    }
    Ok(Loaded {
        experts: content.expert.iter().map(|e| e.handle.clone()).collect(),
        questions: content.question.len(),
        answered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_content_is_consistent_and_big_enough() {
        let content = parse(CONTENT).unwrap();
        let answered = content
            .question
            .iter()
            .filter(|q| !q.answer.is_empty())
            .count();
        assert!(answered >= 30, "only {answered} answered demo questions");
        for topic in [
            "emotions",
            "desire",
            "pain",
            "contraception",
            "sti",
            "consent",
            "relationships",
            "bodies",
        ] {
            let n = content
                .question
                .iter()
                .filter(|q| q.topic == topic && !q.answer.is_empty())
                .count();
            assert!(n >= 3, "topic {topic} has {n} answered questions");
        }
        assert!(
            content.question.iter().any(|q| q.answer.is_empty()),
            "the queue needs waiting questions"
        );
    }

    #[test]
    fn demo_cites_only_checked_sources() {
        // The DOIs in shared/references.md; anything else would be an invented citation.
        let checked = [
            "10.1002/sm2.74",
            "10.1080/19317611.2010.509689",
            "10.1080/0092623X.2018.1488326",
        ];
        let content = parse(CONTENT).unwrap();
        for a in content.question.iter().flat_map(|q| &q.answer) {
            for c in &a.citations {
                if let Some(doi) = &c.doi {
                    assert!(checked.contains(&doi.as_str()), "unchecked DOI {doi}");
                }
                assert!(c.pmid.is_none(), "no PMID in the demo is checked");
                if let Some(url) = &c.url {
                    assert!(
                        [
                            "https://www.nhs.uk",
                            "https://www.who.int",
                            "https://www.cdc.gov"
                        ]
                        .contains(&url.trim_end_matches('/')),
                        "unchecked URL {url}"
                    );
                }
            }
        }
    }

    #[test]
    fn founding_question_uses_the_research() {
        let content = parse(CONTENT).unwrap();
        let founding = content.question.iter().flat_map(|q| &q.answer).any(|a| {
            a.body.contains("postcoital dysphoria")
                && a.body.contains("46%")
                && a.body.contains("41%")
        });
        assert!(
            founding,
            "our take on the founding question cites both prevalence studies"
        );
    }

    #[test]
    fn a_broken_reference_is_reported() {
        let bad = CONTENT.replacen(
            "expert = \"amara.okafor\"\nhours_after",
            "expert = \"nobody\"\nhours_after",
            1,
        );
        let err = parse(&bad).unwrap_err().to_string();
        assert!(err.contains("unknown expert"), "{err}");
    }
}
