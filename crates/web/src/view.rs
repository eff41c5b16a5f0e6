//! HTML, written with maud so every interpolation is escaped unless it is
//! Markdown we rendered and sanitised ourselves (`PreEscaped`).

use axum::http::StatusCode;
use confide_core::moderation::{FlagReason, Target};
use confide_core::question::ReplyAuthor;
use confide_core::triage::Category;
use confide_core::{Account, Answer, AnswerId, QuestionSummary, Reply, Thread, Timestamp, Topic};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::borrow::Cow;

use crate::i18n::{m, Lang, Msg, Tr, Ui};
use crate::Error;

/// The parts of every page around its main content.
pub struct Chrome<'a> {
    pub title: &'a str,
    /// The reader's language, and this page's address for the switcher.
    pub ui: &'a Ui,
    pub account: Option<&'a Account>,
    /// CSRF token for the logout form, when someone is logged in.
    pub logout_csrf: Option<String>,
    pub quick_exit_url: &'a str,
    /// Scripts of ours this page enhances itself with (never required).
    pub scripts: &'a [&'a str],
}

pub fn layout(chrome: &Chrome<'_>, main: Markup) -> Markup {
    let tr = chrome.ui.tr;
    html! {
        (DOCTYPE)
        html lang=(tr.lang().code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (chrome.title) " · " (tr.text(m::SITE_NAME)) }
                link rel="stylesheet" href="/static/site.css";
                script src="/static/exit.js" defer {}
                @for src in chrome.scripts {
                    script src=(src) defer {}
                }
            }
            body {
                a class="skip" href="#main" { (tr.text(m::SKIP_TO_CONTENT)) }
                a class="quick-exit" href=(chrome.quick_exit_url) rel="noreferrer"
                    title=(tr.text(m::QUICK_EXIT_TITLE)) {
                    (tr.text(m::QUICK_EXIT))
                }
                header class="site" {
                    a class="brand" href="/" { (tr.text(m::SITE_NAME)) }
                    nav aria-label=(tr.text(m::NAV_MAIN)) {
                        a href="/" { (tr.text(m::NAV_ANSWERS)) }
                        a href="/ask" { (tr.text(m::NAV_ASK)) }
                        a href="/search" { (tr.text(m::NAV_SEARCH)) }
                        @if let Some(account) = chrome.account {
                            @if account.may(confide_core::Action::ViewQueue) {
                                a href="/expert" { (tr.text(m::NAV_QUEUE)) }
                            } @else {
                                a href="/expert" { (tr.text(m::NAV_APPLICATION)) }
                            }
                            @if account.may(confide_core::Action::Answer) {
                                a href="/expert/reviews" { (tr.text(m::NAV_REVIEWS_DUE)) }
                            }
                            @if account.may(confide_core::Action::Moderate) {
                                a href="/moderation" { (tr.text(m::NAV_MODERATION)) }
                            }
                            @if account.may(confide_core::Action::VerifyExperts) {
                                a href="/admin/experts" { (tr.text(m::NAV_EXPERTS)) }
                            }
                            a href="/expert/account" { (tr.text(m::NAV_ACCOUNT)) }
                            form method="post" action="/logout" class="inline" {
                                input type="hidden" name="csrf" value=[chrome.logout_csrf.as_deref()];
                                button type="submit" class="link" {
                                    (tr.text_with(m::NAV_LOG_OUT, &[("handle", account.handle.as_str().into())]))
                                }
                            }
                        } @else {
                            a href="/login" { (tr.text(m::NAV_FOR_EXPERTS)) }
                        }
                    }
                    (language_switcher(chrome.ui))
                }
                main id="main" { (main) }
                footer class="site" {
                    p { (tr.text(m::FOOTER_PRIVACY)) " " (tr.text(m::FOOTER_DANGER)) }
                }
            }
        }
    }
}

/// This same page in each other language: a small form, so it works
/// without JavaScript and the way back (which may hold a private link or
/// a search) never becomes an address of its own. Each language is named
/// in itself.
fn language_switcher(ui: &Ui) -> Markup {
    html! {
        nav class="languages" aria-label=(ui.tr.text(m::LANGUAGE_SWITCHER)) {
            form method="post" action="/language" class="inline" {
                input type="hidden" name="back" value=(ui.here);
                @for lang in Lang::ALL {
                    @if lang == ui.tr.lang() {
                        span lang=(lang.code()) aria-current="true" { (lang.endonym()) }
                    } @else {
                        button type="submit" name="to" value=(lang.code()) class="link" lang=(lang.code()) {
                            (lang.endonym())
                        }
                    }
                    " "
                }
            }
        }
    }
}

pub fn error_page(status: StatusCode, error: &Error, tr: Tr, quick_exit_url: &str) -> Markup {
    let (heading, advice) = match error {
        Error::NotFound => (m::ERROR_NOT_FOUND, Some(m::ERROR_NOT_FOUND_ADVICE)),
        Error::Unauthorized => (m::ERROR_UNAUTHORIZED, Some(m::ERROR_UNAUTHORIZED_ADVICE)),
        Error::Forbidden => (m::ERROR_FORBIDDEN, Some(m::ERROR_FORBIDDEN_ADVICE)),
        Error::TooManyRequests { .. } => (m::ERROR_SLOW_DOWN, Some(m::ERROR_SLOW_DOWN_ADVICE)),
        Error::Csrf => (m::ERROR_FORM_EXPIRED, Some(m::ERROR_FORM_EXPIRED_ADVICE)),
        _ if status.is_server_error() => (m::ERROR_SERVER, None),
        _ => (m::ERROR_BAD_INPUT, Some(m::ERROR_BAD_INPUT_ADVICE)),
    };
    let heading = tr.text(heading);
    // The address of a failed request is not known here, and an error page
    // is no place to offer a switch: the switcher comes back home.
    let ui = Ui {
        tr,
        here: "/".into(),
    };
    let chrome = Chrome {
        title: &heading,
        ui: &ui,
        account: None,
        logout_csrf: None,
        quick_exit_url,
        scripts: &[],
    };
    layout(
        &chrome,
        html! {
            h1 { (heading) }
            p { (crate::error::page_message(error, tr)) }
            @if let Some(advice) = advice { p { (tr.text(advice)) } }
            p { a href="/" { (tr.text(m::ERROR_GO_ANSWERS)) } " · " a href="/ask" { (tr.text(m::ERROR_GO_ASK)) } }
        },
    )
}

// Names of the domain's fixed sets, each a message of its own: a value
// added to one of them without its message does not compile.

/// A topic's name in the reader's language.
pub fn topic_name(topic: Topic, tr: Tr) -> Cow<'static, str> {
    tr.text(match topic {
        Topic::Emotions => m::TOPIC_EMOTIONS,
        Topic::Desire => m::TOPIC_DESIRE,
        Topic::Pain => m::TOPIC_PAIN,
        Topic::Contraception => m::TOPIC_CONTRACEPTION,
        Topic::Sti => m::TOPIC_STI,
        Topic::Consent => m::TOPIC_CONSENT,
        Topic::Relationships => m::TOPIC_RELATIONSHIPS,
        Topic::Bodies => m::TOPIC_BODIES,
        Topic::Other => m::TOPIC_OTHER,
    })
}

/// What triage found, as experts read it.
pub fn triage_name(category: Category, tr: Tr) -> Cow<'static, str> {
    tr.text(match category {
        Category::SexualAssault => m::TRIAGE_SEXUAL_ASSAULT,
        Category::PartnerViolence => m::TRIAGE_PARTNER_VIOLENCE,
        Category::SelfHarm => m::TRIAGE_SELF_HARM,
        Category::MedicalEmergency => m::TRIAGE_MEDICAL_EMERGENCY,
        Category::EmergencyContraception => m::TRIAGE_EMERGENCY_CONTRACEPTION,
        Category::HivExposure => m::TRIAGE_HIV_EXPOSURE,
        Category::StiSymptoms => m::TRIAGE_STI_SYMPTOMS,
        Category::Minor => m::TRIAGE_MINOR,
    })
}

/// Why a reader reported something, in the reader's language.
pub fn flag_reason(reason: FlagReason, tr: Tr) -> Cow<'static, str> {
    tr.text(match reason {
        FlagReason::Harmful => m::FLAG_REASON_HARMFUL,
        FlagReason::Spam => m::FLAG_REASON_SPAM,
        FlagReason::Identifying => m::FLAG_REASON_IDENTIFYING,
        FlagReason::Other => m::FLAG_REASON_OTHER,
    })
}

/// An account's role, as its owner reads it.
pub fn role_name(role: confide_core::Role, tr: Tr) -> Cow<'static, str> {
    use confide_core::Role;
    tr.text(match role {
        Role::Expert => m::EXPERT_ROLE_EXPERT,
        Role::Moderator => m::EXPERT_ROLE_MODERATOR,
        Role::Admin => m::EXPERT_ROLE_ADMIN,
    })
}

pub fn topic_label(topic: Topic, tr: Tr) -> Markup {
    html! { a class="topic" href={ "/?topic=" (topic.slug()) } { (topic_name(topic, tr)) } }
}

pub fn time(at: Timestamp, now: Timestamp, tr: Tr) -> Markup {
    html! {
        time datetime=(at.rfc3339()) title=(tr.date(at)) { (tr.ago(at, now)) }
    }
}

/// A message with a `$when` in it, the moment shown as a `<time>` element.
pub fn time_phrase(msg: Msg, at: Timestamp, now: Timestamp, tr: Tr) -> Markup {
    slotted(
        tr.text_with(msg, &[("when", SLOT.into())]).as_ref(),
        time(at, now, tr),
    )
}

/// Where markup goes in a translated sentence: a private-use character no
/// message contains.
pub const SLOT: &str = "\u{E000}";

/// A translated sentence with markup (a link, a time) where its slot is.
pub fn slotted(text: &str, inner: Markup) -> Markup {
    slotted_many(text, &[inner])
}

/// The `n`th slot, for sentences with several pieces of markup, which a
/// language may put in any order: `SLOT` is the first.
pub fn nth_slot(n: u32) -> String {
    char::from_u32(0xE000 + n).map_or_else(String::new, String::from)
}

/// A translated sentence with `parts[n]` where its `nth_slot(n)` is (a
/// part whose slot is missing goes at the end, so nothing is lost).
pub fn slotted_many(text: &str, parts: &[Markup]) -> Markup {
    let slot_of = |c: char| {
        (c as u32)
            .checked_sub(0xE000)
            .map(|n| n as usize)
            .filter(|n| *n < parts.len())
    };
    let mut used = vec![false; parts.len()];
    let mut out = String::with_capacity(text.len() + 64);
    let mut run = String::new();
    for c in text.chars() {
        match slot_of(c) {
            Some(n) => {
                out.push_str(&html! { (run) }.into_string());
                run.clear();
                out.push_str(&parts[n].0);
                used[n] = true;
            }
            None => run.push(c),
        }
    }
    out.push_str(&html! { (run) }.into_string());
    for (part, used) in parts.iter().zip(used) {
        if !used {
            out.push_str(&part.0);
        }
    }
    PreEscaped(out)
}

pub fn summaries(list: &[QuestionSummary], now: Timestamp, empty: &str, tr: Tr) -> Markup {
    summary_list(list, now, empty, false, tr)
}

/// The experts' queue: like a list of questions, with what triage found.
pub fn queue(list: &[QuestionSummary], now: Timestamp, empty: &str, tr: Tr) -> Markup {
    summary_list(list, now, empty, true, tr)
}

fn summary_list(
    list: &[QuestionSummary],
    now: Timestamp,
    empty: &str,
    with_triage: bool,
    tr: Tr,
) -> Markup {
    html! {
        @if list.is_empty() {
            p class="empty" { (empty) }
        } @else {
            ol class="questions" {
                @for q in list {
                    li class=[(with_triage && q.urgency >= 3).then_some("urgent")] {
                        @if with_triage && !q.triage.is_empty() {
                            p class="triage" {
                                strong { @if q.urgency >= 3 { (tr.text(m::TRIAGE_URGENT)) } @else { (tr.text(m::TRIAGE_TIME_SENSITIVE)) } }
                                @for c in &q.triage { " · " (triage_name(*c, tr)) }
                            }
                        }
                        h3 { a href=(q.path()) { (q.title) } }
                        p class="excerpt" { (q.excerpt) }
                        p class="meta" {
                            (topic_label(q.topic, tr)) " · "
                            (tr.count(m::COUNT_ANSWERS, q.answer_count)) " · "
                            (time_phrase(m::QUESTION_LIST_ASKED, q.created_at, now, tr))
                        }
                    }
                }
            }
        }
    }
}

/// What the person looking at a thread may do there.
#[derive(Default)]
pub struct ThreadControls<'a> {
    /// The asker, through their private link.
    pub asker: Option<AskerControls<'a>>,
    /// A logged-in expert.
    pub expert: Option<ExpertControls<'a>>,
    /// An anonymous reader's form token, for "this helped me too".
    pub reader_csrf: Option<&'a str>,
    /// An anonymous form token for reporting content, for anyone who
    /// cannot simply hide it.
    pub flag_csrf: Option<&'a str>,
    /// A moderator's session form token: hide, restore and edit buttons.
    pub moderator_csrf: Option<&'a str>,
    /// This page's path, to come back to after reporting or moderating.
    pub here: &'a str,
}

pub struct AskerControls<'a> {
    /// `/private/{capability}`: where the asker's forms post.
    pub base: &'a str,
    pub csrf: &'a str,
}

pub struct ExpertControls<'a> {
    pub account: &'a Account,
    pub csrf: &'a str,
    pub may_answer: bool,
    pub may_reply: bool,
    /// Markdown to put back in the answer form (a draft, or the answer being edited).
    pub draft: Option<&'a str>,
    /// The rendered preview of that draft, when one was asked for.
    pub preview: Option<&'a str>,
    /// The reference lines to put back in the form.
    pub references: Option<&'a str>,
    /// Editing an existing answer (a reason is asked for).
    pub editing: bool,
    /// A moderator editing someone else's answer may choose not to keep
    /// the earlier wording.
    pub may_forget_earlier: bool,
}

pub fn thread(t: &Thread, controls: &ThreadControls<'_>, now: Timestamp, tr: Tr) -> Markup {
    let q = &t.question;
    let target = Target::Question(q.id);
    html! {
        article class="question" aria-labelledby="question-title" {
            (hidden_notice(q.hidden.as_deref(), tr))
            p class="meta" { (topic_label(q.topic, tr)) " · " (time_phrase(m::QUESTION_ASKED_ANONYMOUSLY, q.created_at, now, tr))
                @if q.revisions > 1 {
                    " · " a href={ "/q/" (q.id.0) "/revisions" } { (tr.text(m::QUESTION_EDITED_BY_MODERATOR)) }
                }
            }
            h1 id="question-title" { (q.title) }
            div class="prose" { (PreEscaped(&q.body_html)) }
            (content_actions(target, q.hidden.is_some(), controls, tr))
        }
        section class="answers" aria-labelledby="answers-heading" {
            h2 id="answers-heading" {
                @if t.answers.is_empty() { (tr.text(m::ANSWERS_NONE_YET)) } @else { (tr.count(m::COUNT_ANSWERS, t.answers.len() as i64)) }
            }
            @for answer in &t.answers {
                (answer_view(t, answer, controls, now, tr))
            }
        }
        @let general: Vec<&Reply> = t.replies_to_thread().collect();
        @if !general.is_empty() {
            section class="thread-replies" aria-label=(tr.text(m::REPLIES_TO_QUESTION)) {
                h2 { (tr.text(m::REPLIES_HEADING)) }
                (reply_list(&general, controls, now, tr))
            }
        }
        @if let Some(asker) = &controls.asker {
            (reply_form(asker.base, asker.csrf, None, &tr.text(m::REPLY_TO_EXPERTS), &tr.text(m::REPLY_TO_EXPERTS_HINT), tr))
        }
        @if let Some(expert) = &controls.expert {
            @if expert.may_reply && !t.answers.is_empty() {
                (reply_form(&format!("/q/{}", q.id), expert.csrf, None, &tr.text(m::REPLY_IN_THREAD), "", tr))
            }
            @if expert.may_answer {
                (answer_form(&format!("/q/{}/answers", q.id), expert, &tr.text(m::ANSWER_WRITE), &tr.text(m::ANSWER_PUBLISH), tr))
            }
        }
    }
}

fn answer_view(
    t: &Thread,
    answer: &Answer,
    controls: &ThreadControls<'_>,
    now: Timestamp,
    tr: Tr,
) -> Markup {
    let helpful = t.question.helpful_answer == Some(answer.id);
    let replies: Vec<&Reply> = t.replies_to(answer.id).collect();
    html! {
        article class={ "answer" @if helpful { " helpful" } } id={ "answer-" (answer.id.0) } {
            @if helpful {
                p class="helpful-badge" { (tr.text(m::ANSWER_HELPED_ASKER)) }
            }
            (hidden_notice(answer.hidden.as_deref(), tr))
            p class="byline" {
                (author_line(&answer.author, tr))
                span class="when" { (time_phrase(m::ANSWER_ANSWERED, answer.created_at, now, tr))
                    @if answer.updated_at != answer.created_at { (time_phrase(m::ANSWER_EDITED, answer.updated_at, now, tr)) } }
            }
            p class="review-dates" {
                (tr.text_with(m::ANSWER_LAST_REVIEWED, &[
                    ("reviewed", tr.date(answer.reviewed_at).into()),
                    ("due", tr.date(answer.review_due()).into()),
                ]))
                @if answer.revisions > 1 {
                    " · " a href={ "/answers/" (answer.id.0) "/revisions" } { (tr.count(m::ANSWER_HISTORY, answer.revisions)) }
                }
            }
            @let (reviewers, disputes) = confide_core::evidence::summary(&answer.reviews);
            @if reviewers > 0 {
                p class="review-summary" {
                    (tr.text_with(m::ANSWER_REVIEWED_BY, &[
                        ("experts", tr.count(m::COUNT_EXPERTS, reviewers as i64).into()),
                        ("disputes", tr.count(m::COUNT_OPEN_DISPUTES, disputes as i64).into()),
                    ]))
                }
            }
            div class="prose" { (PreEscaped(mark_disputed(&answer.body_html, &answer.reviews, tr))) }
            (references(&answer.citations, tr))
            @if answer.helped_count > 0 || controls.reader_csrf.is_some() {
                div class="helped" {
                    @if answer.helped_count > 0 {
                        span { (tr.count(m::COUNT_READERS_HELPED, answer.helped_count)) }
                    }
                    @if let Some(csrf) = controls.reader_csrf {
                        form method="post" action={ "/answers/" (answer.id.0) "/helped" } class="inline" {
                            input type="hidden" name="csrf" value=(csrf);
                            button type="submit" class="secondary" { (tr.text(m::ANSWER_HELPED_ME_TOO)) }
                        }
                    }
                }
            }
            (content_actions(Target::Answer(answer.id), answer.hidden.is_some(), controls, tr))
            (reviews(&answer.reviews, controls.expert.as_ref(), now, tr))
            @if !replies.is_empty() {
                (reply_list(&replies, controls, now, tr))
            }
            @if let Some(expert) = &controls.expert {
                @if answer.editable_by(expert.account) {
                    p { a href={ "/answers/" (answer.id.0) "/edit" } { (tr.text(m::ANSWER_EDIT_YOURS)) } }
                } @else if expert.account.may(confide_core::Action::Review) {
                    (review_form(answer.id, expert.csrf, tr))
                }
                @if expert.may_reply {
                    (reply_form(&format!("/q/{}", t.question.id), expert.csrf, Some(answer.id), &tr.text(m::REPLY_TO_ANSWER), "", tr))
                }
            }
            @if let Some(asker) = &controls.asker {
                div class="asker-actions" {
                    @if !helpful {
                        form method="post" action={ (asker.base) "/helpful" } {
                            input type="hidden" name="csrf" value=(asker.csrf);
                            input type="hidden" name="answer_id" value=(answer.id.0);
                            button type="submit" { (tr.text(m::ANSWER_HELPED_ME)) }
                        }
                    }
                    (reply_form(asker.base, asker.csrf, Some(answer.id), &tr.text(m::REPLY_TO_ANSWER), "", tr))
                }
            }
        }
    }
}

/// The answer's numbered references, linked to their resolvers.
fn references(citations: &[confide_core::evidence::Citation], tr: Tr) -> Markup {
    html! {
        @if !citations.is_empty() {
            section class="references" aria-label=(tr.text(m::REFERENCES_HEADING)) {
                h3 { (tr.text(m::REFERENCES_HEADING)) }
                ol {
                    @for c in citations {
                        li {
                            @match c.link() {
                                Some(link) => { a href=(link) rel="nofollow noopener noreferrer" { (c.title) } }
                                None => { (c.title) }
                            }
                            @if let Some(year) = c.year { " (" (year) ")" }
                            @if let Some(doi) = &c.doi { " · doi:" (doi) }
                            @if let Some(pmid) = &c.pmid { " · PMID " (pmid) }
                        }
                    }
                }
            }
        }
    }
}

/// Other experts' endorsements and disputes, with who they are.
fn reviews(
    list: &[confide_core::evidence::Review],
    staff: Option<&ExpertControls<'_>>,
    now: Timestamp,
    tr: Tr,
) -> Markup {
    use confide_core::evidence::{ReviewStatus, Verdict};
    html! {
        @if !list.is_empty() {
            section class="reviews" aria-label=(tr.text(m::PEER_REVIEW)) {
                @for r in list {
                    div class={ "review " (r.verdict.as_str()) } id={ "review-" (r.id.0) } {
                        p class="byline" {
                            strong {
                                @let by = match r.verdict { Verdict::Endorse => m::REVIEW_ENDORSED_BY, Verdict::Dispute => m::REVIEW_DISPUTED_BY };
                                (tr.text_with(by, &[("name", r.reviewer.display_name.as_str().into())]))
                            }
                            " "
                            (credentials(&r.reviewer, tr))
                            span class="when" { (time(r.created_at, now, tr)) }
                        }
                        @if let Some(quote) = &r.quote {
                            blockquote class="disputed-claim" { (quote) }
                        }
                        div class="prose" { (PreEscaped(&r.note_html)) }
                        @match &r.status {
                            ReviewStatus::Open => {}
                            ReviewStatus::Addressed { revision } => {
                                p class="review-status" { (tr.text(m::REVIEW_ADDRESSED)) " "
                                    a href={ "/answers/" (r.answer_id.0) "/revisions/" (revision) } { (tr.text_with(m::REVIEW_VERSION, &[("number", (*revision).into())])) } "." }
                            }
                            ReviewStatus::Withdrawn => { p class="review-status" { (tr.text(m::REVIEW_WITHDRAWN)) } }
                            ReviewStatus::Closed { reason } => { p class="review-status" { (tr.text_with(m::REVIEW_CLOSED, &[("reason", reason.as_str().into())])) } }
                        }
                        @if let (Some(staff), ReviewStatus::Open) = (staff, &r.status) {
                            @if staff.account.id == r.reviewer.id {
                                form method="post" action={ "/reviews/" (r.id.0) "/withdraw" } class="inline" {
                                    input type="hidden" name="csrf" value=(staff.csrf);
                                    button type="submit" class="link" { (tr.text(m::REVIEW_WITHDRAW)) }
                                }
                            }
                            @if staff.account.may(confide_core::Action::Moderate) && r.verdict == Verdict::Dispute {
                                form method="post" action={ "/reviews/" (r.id.0) "/close" } {
                                    input type="hidden" name="csrf" value=(staff.csrf);
                                    label for={ "close-" (r.id.0) } { (tr.text(m::REVIEW_CLOSE_LABEL)) }
                                    input id={ "close-" (r.id.0) } name="reason" type="text" required maxlength="300";
                                    button type="submit" class="secondary" { (tr.text(m::REVIEW_CLOSE)) }
                                }
                            }
                        }
                        @if let Some(c) = &r.citation {
                            p class="review-citation" {
                                (tr.text(m::REVIEW_SOURCE)) " "
                                @match c.link() {
                                    Some(link) => { a href=(link) rel="nofollow noopener noreferrer" { (c.title) } }
                                    None => { (c.title) }
                                }
                                @if let Some(year) = c.year { " (" (year) ")" }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Marks each disputed passage in the rendered answer, where the passage
/// sits within one run of text (it is always shown beside the dispute too).
fn mark_disputed(html: &str, reviews: &[confide_core::evidence::Review], tr: Tr) -> String {
    let title = maud::html! { (tr.text(m::REVIEW_DISPUTED_MARK)) }.into_string();
    let mut out = html.to_owned();
    for r in reviews
        .iter()
        .filter(|r| r.verdict == confide_core::evidence::Verdict::Dispute)
    {
        let Some(quote) = &r.quote else { continue };
        let escaped = maud::html! { (quote) }.into_string();
        if escaped.len() < 8 {
            continue;
        }
        // Only in text, never inside a tag's attributes.
        let in_text = |at: usize| {
            out[..at]
                .rfind('<')
                .is_none_or(|lt| out[..at].rfind('>').is_some_and(|gt| gt > lt))
        };
        let found = out
            .match_indices(escaped.as_str())
            .map(|(i, _)| i)
            .find(|&i| in_text(i));
        if let Some(at) = found {
            let marked = format!("<mark class=\"disputed\" title=\"{title}\">{escaped}</mark>");
            out.replace_range(at..at + escaped.len(), &marked);
        }
    }
    out
}

fn review_form(answer: confide_core::AnswerId, csrf: &str, tr: Tr) -> Markup {
    let id = answer.0;
    html! {
        details class="review-form" {
            summary { (tr.text(m::REVIEW_THIS_ANSWER)) }
            form method="post" action={ "/answers/" (id) "/reviews" } {
                input type="hidden" name="csrf" value=(csrf);
                fieldset {
                    legend { (tr.text(m::REVIEW_VERDICT)) }
                    label class="check" { input type="radio" name="verdict" value="endorse" checked; " " (tr.text(m::REVIEW_ENDORSE)) }
                    label class="check" { input type="radio" name="verdict" value="dispute"; " " (tr.text(m::REVIEW_DISPUTE)) }
                }
                label for={ "quote-" (id) } { (tr.text(m::REVIEW_QUOTE)) }
                textarea id={ "quote-" (id) } name="quote" rows="2" maxlength="2000" {}
                label for={ "note-" (id) } { (tr.text(m::REVIEW_WHY)) }
                textarea id={ "note-" (id) } name="note" rows="4" required maxlength="3000" {}
                label for={ "cite-" (id) } { (tr.text(m::REVIEW_CITATION)) }
                input id={ "cite-" (id) } name="citation" type="text" maxlength="600";
                button type="submit" { (tr.text(m::REVIEW_PUBLISH)) }
            }
        }
    }
}

fn reply_list(replies: &[&Reply], controls: &ThreadControls<'_>, now: Timestamp, tr: Tr) -> Markup {
    html! {
        ol class="replies" {
            @for r in replies {
                li id={ "reply-" (r.id.0) } class={ "reply " @match r.author { ReplyAuthor::Asker => "by-asker", ReplyAuthor::Expert(_) => "by-expert" } } {
                    (hidden_notice(r.hidden.as_deref(), tr))
                    p class="byline" {
                        @match &r.author {
                            ReplyAuthor::Asker => { strong { (tr.text(m::REPLY_BY_ASKER)) } }
                            ReplyAuthor::Expert(a) => { (author_line(a, tr)) }
                        }
                        span class="when" { (time(r.created_at, now, tr)) }
                    }
                    div class="prose" { (PreEscaped(&r.body_html)) }
                    @if let Some(note) = &r.moderator_note {
                        p class="moderator-note" { (tr.text_with(m::REPLY_MODERATOR_NOTE, &[("note", note.as_str().into())])) }
                    }
                    (content_actions(Target::Reply(r.id), r.hidden.is_some(), controls, tr))
                }
            }
        }
    }
}

/// An expert's name, profession, and whether an admin's verification of
/// them stands today (read with the page, so a revocation shows at once).
pub fn author_line(a: &confide_core::Author, tr: Tr) -> Markup {
    html! {
        strong { (a.display_name) }
        (credentials(a, tr))
    }
}

/// Profession and verification, beside a name shown by the caller.
pub fn credentials(a: &confide_core::Author, tr: Tr) -> Markup {
    html! {
        span class="credentials" { (a.credentials) }
        @match a.verified_at {
            Some(at) => {
                span class="verified" title=(tr.text(m::VERIFIED_TITLE)) {
                    (tr.text_with(m::VERIFIED_ON, &[("date", tr.date(at).into())]))
                }
            }
            None => { span class="unverified" { (tr.text(m::NOT_VERIFIED)) } }
        }
    }
}

/// Shown to moderators (the only ones who see hidden content) above it.
fn hidden_notice(reason: Option<&str>, tr: Tr) -> Markup {
    html! {
        @if let Some(reason) = reason {
            p class="notice hidden-content" role="note" { strong { (tr.text(m::HIDDEN_FROM_PUBLIC)) } ": " (reason) }
        }
    }
}

/// "Report" for readers and askers; hide, restore and edit for moderators.
fn content_actions(target: Target, hidden: bool, controls: &ThreadControls<'_>, tr: Tr) -> Markup {
    let kind = target.kind();
    let id = target.id();
    let key = format!("{kind}-{id}");
    html! {
        @if let Some(csrf) = controls.moderator_csrf {
            div class="moderation-actions" {
                form method="post" action={ "/moderation/" (kind) "/" (id) } class="inline" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="back" value=(controls.here);
                    @if hidden {
                        button type="submit" name="action" value="restore" class="secondary" { (tr.text(m::MODERATION_RESTORE)) }
                    } @else {
                        @let why = tr.text(m::MODERATION_WHY_HIDE);
                        label for={ "hide-" (key) } class="visually-hidden" { (why) }
                        input id={ "hide-" (key) } name="reason" type="text" maxlength="300" placeholder=(why);
                        button type="submit" name="action" value="hide" class="secondary" { (tr.text(m::MODERATION_HIDE)) }
                    }
                }
                " "
                a href=(edit_path(target)) { (tr.text(m::MODERATION_EDIT)) }
            }
        } @else if let Some(csrf) = controls.flag_csrf {
            (flag_form(target, csrf, controls.here, tr))
        }
    }
}

/// A reader's report: a reason, an optional note, no account.
/// One line of a history: which version, when, who and why.
pub struct VersionLine<'a> {
    pub number: i64,
    pub at: Timestamp,
    pub editor: &'a str,
    pub reason: &'a str,
}

/// Every version, newest first, each after the first linking to what it
/// changed at `{base}/{number}`.
pub fn revision_list(versions: &[VersionLine<'_>], base: &str, tr: Tr) -> Markup {
    html! {
        ol class="revisions" {
            @for v in versions.iter().rev() {
                li {
                    strong { (tr.text_with(m::VERSION_LINE, &[("number", v.number.into())])) } " · " (tr.date(v.at)) " · " (v.editor) ": "
                    // The first version's reason is ours, not someone's words.
                    @if v.number == 1 { (tr.text(m::VERSION_FIRST)) } @else { (v.reason) }
                    @if v.number > 1 {
                        " · " a href={ (base) "/" (v.number) } { (tr.text(m::VERSION_WHAT_CHANGED)) }
                    }
                }
            }
        }
    }
}

/// A line diff between two versions, with additions and removals marked.
pub fn diff(before: &str, after: &str) -> Markup {
    use confide_core::diff::Line;
    html! {
        div class="diff" {
            @for line in confide_core::diff::lines(before, after) {
                @match line {
                    Line::Same(l) => { div class="same" { (l) " " } }
                    Line::Added(l) => { ins { (l) " " } }
                    Line::Removed(l) => { del { (l) " " } }
                }
            }
        }
    }
}

/// Where a moderator edits something: answers through their own edit page.
pub fn edit_path(target: Target) -> String {
    match target {
        Target::Answer(a) => format!("/answers/{}/edit", a.0),
        other => format!("/moderation/{}/{}/edit", other.kind(), other.id()),
    }
}

pub fn flag_form(target: Target, csrf: &str, back: &str, tr: Tr) -> Markup {
    let key = format!("{}-{}", target.kind(), target.id());
    let summary = match target {
        Target::Question(_) => m::FLAG_QUESTION,
        Target::Answer(_) => m::FLAG_ANSWER,
        Target::Reply(_) => m::FLAG_REPLY,
    };
    html! {
        details class="flag-form" {
            summary { (tr.text(summary)) }
            form method="post" action="/flags" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="kind" value=(target.kind());
                input type="hidden" name="id" value=(target.id());
                input type="hidden" name="back" value=(back);
                fieldset {
                    legend { (tr.text(m::FLAG_WHAT_IS_WRONG)) }
                    @for (i, reason) in FlagReason::ALL.iter().enumerate() {
                        label class="check" {
                            input type="radio" name="reason" value=(reason.as_str()) required checked[i == 0];
                            " " (flag_reason(*reason, tr))
                        }
                    }
                }
                label for={ "flag-note-" (key) } { (tr.text(m::FLAG_NOTE)) }
                input id={ "flag-note-" (key) } name="note" type="text" maxlength="500";
                button type="submit" class="secondary" { (tr.text(m::FLAG_SEND)) }
            }
        }
    }
}

fn reply_form(
    base: &str,
    csrf: &str,
    answer: Option<AnswerId>,
    label: &str,
    hint: &str,
    tr: Tr,
) -> Markup {
    let id = match answer {
        Some(a) => format!("reply-{}", a.0),
        None => "reply-thread".into(),
    };
    html! {
        details class="reply-form" open[answer.is_none()] {
            summary { (label) }
            form method="post" action={ (base) "/replies" } {
                input type="hidden" name="csrf" value=(csrf);
                @if let Some(a) = answer { input type="hidden" name="answer_id" value=(a.0); }
                label for=(id) { (label) }
                @if !hint.is_empty() { p class="hint" id={ (id) "-hint" } { (hint) } }
                textarea id=(id) name="body" rows="4" required maxlength="5000" {}
                button type="submit" { (tr.text(m::REPLY_SEND)) }
            }
        }
    }
}

pub fn answer_form(
    action: &str,
    expert: &ExpertControls<'_>,
    heading: &str,
    submit: &str,
    tr: Tr,
) -> Markup {
    html! {
        section class="answer-form" aria-labelledby="answer-form-heading" {
            h2 id="answer-form-heading" { (heading) }
            @if let Some(preview_html) = expert.preview {
                div class="preview" aria-label=(tr.text(m::ANSWER_FORM_PREVIEW)) {
                    p class="meta" { (tr.text(m::ANSWER_FORM_PREVIEW_NOTE)) }
                    div class="prose" { (PreEscaped(preview_html)) }
                }
            }
            form method="post" action=(action) {
                input type="hidden" name="csrf" value=(expert.csrf);
                label for="answer-body" { (tr.text(m::ANSWER_FORM_BODY)) }
                p class="hint" id="answer-body-hint" { (tr.text(m::ANSWER_FORM_BODY_HINT)) }
                textarea id="answer-body" name="body" rows="14" required maxlength="30000"
                    aria-describedby="answer-body-hint" {
                    @if let Some(draft) = expert.draft { (draft) }
                }
                label for="answer-references" { (tr.text(m::ANSWER_FORM_REFERENCES)) }
                p class="hint" id="answer-references-hint" { (tr.text(m::ANSWER_FORM_REFERENCES_HINT)) }
                textarea id="answer-references" name="references" rows="4" maxlength="20000"
                    aria-describedby="answer-references-hint" {
                    @if let Some(refs) = expert.references { (refs) }
                }
                @if expert.editing {
                    label for="answer-reason" { (tr.text(m::ANSWER_FORM_REASON)) }
                    input id="answer-reason" name="reason" type="text" maxlength="300" required;
                }
                @if expert.may_forget_earlier {
                    label class="check" {
                        input type="checkbox" name="forget_earlier" value="yes";
                        " " (tr.text(m::ANSWER_FORM_FORGET))
                    }
                }
                div class="buttons" {
                    button type="submit" name="action" value="preview" class="secondary" { (tr.text(m::ANSWER_FORM_PREVIEW)) }
                    button type="submit" name="action" value="publish" { (submit) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_where_each_language_puts_its_slot() {
        let parts = [html! { code { "a" } }, html! { em { "b" } }];
        let text = format!("x <{}> y {} z", nth_slot(1), nth_slot(0));
        assert_eq!(
            slotted_many(&text, &parts).into_string(),
            "x &lt;<em>b</em>&gt; y <code>a</code> z"
        );
        assert_eq!(
            slotted("no slot", html! { b { "k" } }).into_string(),
            "no slot<b>k</b>"
        );
        assert_eq!(nth_slot(0), SLOT);
    }
}
