//! Questions, the answers experts give, and the replies in a thread.

use serde::{Deserialize, Serialize};

use crate::account::{Account, Action};
use crate::{AccountId, Timestamp, Topic};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuestionId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnswerId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReplyId(pub i64);

impl std::fmt::Display for QuestionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// When a question becomes visible to everyone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishPolicy {
    /// Once an expert has answered: readers only ever see answered questions,
    /// and a question nobody could answer stays between asker and experts.
    #[default]
    OnAnswer,
    /// As soon as it is asked.
    Immediately,
}

impl PublishPolicy {
    /// The publication time a newly asked question gets.
    pub fn published_at_on_ask(self, now: Timestamp) -> Option<Timestamp> {
        match self {
            PublishPolicy::Immediately => Some(now),
            PublishPolicy::OnAnswer => None,
        }
    }

    pub fn publishes_on_answer(self) -> bool {
        matches!(self, PublishPolicy::OnAnswer)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: QuestionId,
    pub title: String,
    /// Markdown as the asker wrote it.
    pub body: String,
    /// Sanitised HTML rendered from `body` when it was written.
    pub body_html: String,
    pub topic: Topic,
    pub created_at: Timestamp,
    pub published_at: Option<Timestamp>,
    /// The answer the asker said helped.
    pub helpful_answer: Option<AnswerId>,
    pub answer_count: i64,
    /// What triage found when it was asked, most urgent first.
    pub triage: Vec<crate::triage::Category>,
    /// 0 (nothing found) to 3 (needs a human now).
    pub urgency: u8,
    /// Why moderators hid it from public view, if they did.
    pub hidden: Option<String>,
    /// How many versions moderators' edits made (0: never edited).
    pub revisions: i64,
}

impl Question {
    pub fn is_public(&self) -> bool {
        self.published_at.is_some()
    }

    pub fn slug(&self) -> String {
        crate::markdown::slug(&self.title)
    }

    pub fn path(&self) -> String {
        question_path(self.id, &self.title)
    }
}

/// `/q/{id}/{slug}`: the canonical address of a question page.
pub fn question_path(id: QuestionId, title: &str) -> String {
    let slug = crate::markdown::slug(title);
    match slug.as_str() {
        "" => format!("/q/{id}"),
        // These name actions under /q/{id}; a title may not shadow them.
        "answers" | "replies" | "revisions" => format!("/q/{id}/{slug}-q"),
        _ => format!("/q/{id}/{slug}"),
    }
}

/// Who is looking at a question, which decides what they may see and do.
#[derive(Debug, Clone)]
pub enum Viewer {
    /// Anyone on the internet.
    Reader,
    /// Whoever holds the capability for this question.
    Asker(QuestionId),
    /// Someone logged in.
    Account(Account),
}

impl Viewer {
    pub fn may_see(&self, question: &Question) -> bool {
        let own = matches!(self, Viewer::Asker(id) if *id == question.id);
        if question.hidden.is_some() {
            // Hidden from the public, not from the person who asked, nor
            // from the moderators who may restore it.
            return own || self.moderates();
        }
        question.is_public()
            || own
            || matches!(self, Viewer::Account(a) if a.may(Action::ViewPrivateQuestion))
    }

    /// Moderators see hidden content (marked as such) so they can restore it.
    pub fn moderates(&self) -> bool {
        matches!(self, Viewer::Account(a) if a.may(Action::Moderate))
    }

    pub fn account(&self) -> Option<&Account> {
        match self {
            Viewer::Account(a) => Some(a),
            _ => None,
        }
    }
}

/// The public face of an account, as shown beside what it wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Author {
    pub id: AccountId,
    pub handle: String,
    pub display_name: String,
    pub credentials: String,
    /// When an admin verified them; `None` once revoked, which takes the
    /// badge off everything they wrote at once.
    pub verified_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub id: AnswerId,
    pub question_id: QuestionId,
    pub author: Author,
    pub body: String,
    pub body_html: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Numbered references, cited in the text as `[1]`, `[2]`…
    pub citations: Vec<crate::evidence::Citation>,
    /// Other experts' endorsements and disputes, oldest first.
    pub reviews: Vec<crate::evidence::Review>,
    /// How many readers said it helped them.
    pub helped_count: i64,
    /// How many versions it has had (1: never edited).
    pub revisions: i64,
    /// When its author last confirmed or revised it.
    pub reviewed_at: Timestamp,
    /// Why moderators hid it, if they did.
    pub hidden: Option<String>,
}

/// Health advice is reviewed on a schedule: a year after the last review.
pub const REVIEW_INTERVAL_DAYS: i64 = 365;

impl Answer {
    pub fn review_due(&self) -> Timestamp {
        self.reviewed_at.plus_hours(24 * REVIEW_INTERVAL_DAYS)
    }
}

/// One version of an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    pub number: i64,
    pub body: String,
    pub editor: String,
    pub reason: String,
    pub created_at: Timestamp,
}

impl Answer {
    /// Only its author edits an answer (moderation comes with its own
    /// reasoned, logged edits).
    pub fn editable_by(&self, account: &Account) -> bool {
        !account.disabled && self.author.id == account.id
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReplyAuthor {
    Asker,
    Expert(Author),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reply {
    pub id: ReplyId,
    pub question_id: QuestionId,
    /// The answer this reply responds to; `None` for the thread at large.
    pub answer_id: Option<AnswerId>,
    pub author: ReplyAuthor,
    pub body: String,
    pub body_html: String,
    pub created_at: Timestamp,
    /// Why moderators hid it, if they did.
    pub hidden: Option<String>,
    /// Why a moderator edited it, if one did.
    pub moderator_note: Option<String>,
}

/// A question page's content: the question, its answers oldest first, and
/// every reply in the order written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Thread {
    pub question: Question,
    pub answers: Vec<Answer>,
    pub replies: Vec<Reply>,
}

impl Thread {
    pub fn replies_to(&self, answer: AnswerId) -> impl Iterator<Item = &Reply> {
        self.replies
            .iter()
            .filter(move |r| r.answer_id == Some(answer))
    }

    pub fn replies_to_thread(&self) -> impl Iterator<Item = &Reply> {
        self.replies.iter().filter(|r| r.answer_id.is_none())
    }

    pub fn answer(&self, id: AnswerId) -> Option<&Answer> {
        self.answers.iter().find(|a| a.id == id)
    }

    /// The thread as `viewer` may see it: hidden answers and replies are
    /// taken out for everyone but moderators (the asker is told how many).
    /// Callers check [`Viewer::may_see`] for the question itself.
    pub fn visible_to(mut self, viewer: &Viewer) -> Thread {
        if !viewer.moderates() {
            self.answers.retain(|a| a.hidden.is_none());
            let answers: Vec<AnswerId> = self.answers.iter().map(|a| a.id).collect();
            self.replies
                .retain(|r| r.hidden.is_none() && r.answer_id.is_none_or(|a| answers.contains(&a)));
        }
        self
    }
}

/// A question in a list: enough for a link and a line of context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionSummary {
    pub id: QuestionId,
    pub title: String,
    pub excerpt: String,
    pub topic: Topic,
    pub created_at: Timestamp,
    pub published_at: Option<Timestamp>,
    pub answer_count: i64,
    pub triage: Vec<crate::triage::Category>,
    pub urgency: u8,
}

impl QuestionSummary {
    pub fn path(&self) -> String {
        question_path(self.id, &self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn question(published: bool) -> Question {
        Question {
            id: QuestionId(5),
            title: "Is this normal?".into(),
            body: "b".into(),
            body_html: "<p>b</p>".into(),
            topic: Topic::Bodies,
            created_at: Timestamp(0),
            published_at: published.then_some(Timestamp(10)),
            helpful_answer: None,
            answer_count: 0,
            triage: Vec::new(),
            urgency: 0,
            hidden: None,
            revisions: 0,
        }
    }

    fn account(role: Role) -> Account {
        Account {
            id: AccountId(1),
            handle: "x".into(),
            display_name: "X".into(),
            credentials: "c".into(),
            role,
            disabled: false,
            created_at: Timestamp(0),
            verified_at: Some(Timestamp(0)),
        }
    }

    #[test]
    fn private_questions_are_seen_by_their_asker_and_staff_only() {
        let q = question(false);
        assert!(!Viewer::Reader.may_see(&q));
        assert!(Viewer::Asker(QuestionId(5)).may_see(&q));
        assert!(!Viewer::Asker(QuestionId(6)).may_see(&q));
        assert!(Viewer::Account(account(Role::Expert)).may_see(&q));
        assert!(Viewer::Account(account(Role::Moderator)).may_see(&q));
        let mut disabled = account(Role::Expert);
        disabled.disabled = true;
        assert!(!Viewer::Account(disabled).may_see(&q));
    }

    #[test]
    fn public_questions_are_seen_by_all() {
        assert!(Viewer::Reader.may_see(&question(true)));
    }

    #[test]
    fn hidden_questions_are_seen_by_their_asker_and_moderators_only() {
        let mut q = question(true);
        q.hidden = Some("spam".into());
        assert!(!Viewer::Reader.may_see(&q));
        assert!(!Viewer::Account(account(Role::Expert)).may_see(&q));
        assert!(Viewer::Account(account(Role::Moderator)).may_see(&q));
        assert!(Viewer::Asker(QuestionId(5)).may_see(&q));
        assert!(!Viewer::Asker(QuestionId(6)).may_see(&q));
    }

    #[test]
    fn hidden_answers_and_their_replies_leave_the_thread() {
        let shown = answer(1, None);
        let hidden = answer(2, Some("harmful"));
        let reply = |id, answer: Option<i64>, hidden: Option<&str>| Reply {
            id: ReplyId(id),
            question_id: QuestionId(5),
            answer_id: answer.map(AnswerId),
            author: ReplyAuthor::Asker,
            body: "r".into(),
            body_html: "r".into(),
            created_at: Timestamp(0),
            hidden: hidden.map(String::from),
            moderator_note: None,
        };
        let thread = Thread {
            question: question(true),
            answers: vec![shown, hidden],
            replies: vec![
                reply(1, Some(1), None),
                reply(2, Some(2), None),
                reply(3, None, Some("names someone")),
                reply(4, None, None),
            ],
        };
        let public = thread.clone().visible_to(&Viewer::Reader);
        assert_eq!(public.answers.len(), 1);
        let ids: Vec<i64> = public.replies.iter().map(|r| r.id.0).collect();
        assert_eq!(ids, [1, 4]);
        let moderated = thread.visible_to(&Viewer::Account(account(Role::Moderator)));
        assert_eq!(moderated.answers.len(), 2);
        assert_eq!(moderated.replies.len(), 4);
    }

    fn answer(id: i64, hidden: Option<&str>) -> Answer {
        Answer {
            id: AnswerId(id),
            question_id: QuestionId(5),
            author: Author {
                id: AccountId(1),
                handle: "x".into(),
                display_name: "X".into(),
                credentials: "c".into(),
                verified_at: Some(Timestamp(0)),
            },
            body: "b".into(),
            body_html: "b".into(),
            created_at: Timestamp(0),
            updated_at: Timestamp(0),
            citations: Vec::new(),
            reviews: Vec::new(),
            helped_count: 0,
            revisions: 1,
            reviewed_at: Timestamp(0),
            hidden: hidden.map(String::from),
        }
    }

    #[test]
    fn publish_policy_decides_when_a_question_goes_public() {
        let now = Timestamp(99);
        assert_eq!(PublishPolicy::OnAnswer.published_at_on_ask(now), None);
        assert_eq!(
            PublishPolicy::Immediately.published_at_on_ask(now),
            Some(now)
        );
        assert!(PublishPolicy::OnAnswer.publishes_on_answer());
        assert!(!PublishPolicy::Immediately.publishes_on_answer());
    }

    #[test]
    fn only_the_author_edits_an_answer() {
        let author = account(Role::Expert);
        let answer = answer(1, None);
        assert!(answer.editable_by(&author));
        let mut other = account(Role::Admin);
        other.id = AccountId(2);
        assert!(!answer.editable_by(&other));
    }

    #[test]
    fn paths_carry_a_slug_when_there_is_one() {
        assert_eq!(question_path(QuestionId(3), "Why?"), "/q/3/why");
        assert_eq!(question_path(QuestionId(3), "¿?"), "/q/3");
        assert_eq!(question_path(QuestionId(3), "Answers?"), "/q/3/answers-q");
    }
}

/// A question as asked, ready to store: validated, rendered, with the hash
/// of the asker's capability.
#[derive(Debug, Clone)]
pub struct QuestionDraft {
    pub title: crate::QuestionTitle,
    pub body: crate::QuestionBody,
    pub body_html: String,
    pub topic: Topic,
    pub capability: crate::TokenHash,
    pub created_at: Timestamp,
    pub published_at: Option<Timestamp>,
    /// Danger or time-critical care recognised when it was asked.
    pub triage: crate::triage::Triage,
}

impl QuestionDraft {
    pub fn new(
        title: crate::QuestionTitle,
        body: crate::QuestionBody,
        topic: Topic,
        capability: crate::TokenHash,
        policy: PublishPolicy,
        now: Timestamp,
    ) -> Self {
        let body_html = crate::markdown::render(body.as_str());
        let triage = crate::triage::triage(&format!("{}\n{}", title.as_str(), body.as_str()));
        QuestionDraft {
            title,
            body,
            body_html,
            topic,
            capability,
            created_at: now,
            published_at: policy.published_at_on_ask(now),
            triage,
        }
    }
}

impl QuestionDraft {
    /// With triage read elsewhere: by meaning as well as rules, on the text
    /// as written rather than the redacted text stored.
    pub fn with_triage(mut self, triage: crate::triage::Triage) -> Self {
        self.triage = triage;
        self
    }
}

/// An expert's answer, ready to store.
#[derive(Debug, Clone)]
pub struct AnswerDraft {
    pub question_id: QuestionId,
    pub author_id: AccountId,
    pub body: crate::AnswerBody,
    pub body_html: String,
    pub at: Timestamp,
    /// Whether this answer makes an unpublished question public.
    pub publishes: bool,
    pub citations: Vec<crate::evidence::Citation>,
    /// Why this version was written, kept in the revision history.
    pub reason: String,
}

impl AnswerDraft {
    /// Says why this version differs from the last; required for an edit.
    pub fn with_reason(mut self, reason: &str) -> Result<Self, crate::ValidationError> {
        let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
        crate::text::refuse_control_characters("reason", &reason)?;
        crate::text::bounded("reason", &reason, 300)?;
        self.reason = reason;
        Ok(self)
    }

    /// Attaches references, checked; too many is an error.
    pub fn with_citations(
        mut self,
        citations: Vec<crate::evidence::Citation>,
    ) -> Result<Self, crate::ValidationError> {
        if citations.len() > crate::evidence::MAX_CITATIONS {
            return Err(crate::ValidationError::BadCitation(
                "at most 30 references on one answer",
            ));
        }
        self.citations = citations
            .into_iter()
            .map(crate::evidence::Citation::parse)
            .collect::<Result<_, _>>()?;
        Ok(self)
    }

    pub fn new(
        question_id: QuestionId,
        author_id: AccountId,
        body: crate::AnswerBody,
        policy: PublishPolicy,
        now: Timestamp,
    ) -> Self {
        let body_html = crate::markdown::render(body.as_str());
        AnswerDraft {
            question_id,
            author_id,
            body,
            body_html,
            at: now,
            publishes: policy.publishes_on_answer(),
            citations: Vec::new(),
            reason: "First version".into(),
        }
    }
}

/// A reply in a thread, ready to store. `author_id` is `None` for the asker.
#[derive(Debug, Clone)]
pub struct ReplyDraft {
    pub question_id: QuestionId,
    pub answer_id: Option<AnswerId>,
    pub author_id: Option<AccountId>,
    pub body: crate::ReplyBody,
    pub body_html: String,
    pub at: Timestamp,
}

impl ReplyDraft {
    pub fn new(
        question_id: QuestionId,
        answer_id: Option<AnswerId>,
        author_id: Option<AccountId>,
        body: crate::ReplyBody,
        now: Timestamp,
    ) -> Self {
        let body_html = crate::markdown::render(body.as_str());
        ReplyDraft {
            question_id,
            answer_id,
            author_id,
            body,
            body_html,
            at: now,
        }
    }
}
