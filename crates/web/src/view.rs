//! HTML, written with maud so every interpolation is escaped unless it is
//! Markdown we rendered and sanitised ourselves (`PreEscaped`).

use axum::http::StatusCode;
use confide_core::moderation::{FlagReason, Target};
use confide_core::question::ReplyAuthor;
use confide_core::{Account, Answer, AnswerId, QuestionSummary, Reply, Thread, Timestamp, Topic};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::Error;

/// The parts of every page around its main content.
pub struct Chrome<'a> {
    pub title: &'a str,
    pub account: Option<&'a Account>,
    /// CSRF token for the logout form, when someone is logged in.
    pub logout_csrf: Option<String>,
    pub quick_exit_url: &'a str,
    /// A script of ours this page enhances itself with (never required).
    pub script: Option<&'a str>,
}

pub fn layout(chrome: &Chrome<'_>, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (chrome.title) " · Confide" }
                link rel="stylesheet" href="/static/site.css";
                script src="/static/exit.js" defer {}
                @if let Some(src) = chrome.script {
                    script src=(src) defer {}
                }
            }
            body {
                a class="skip" href="#main" { "Skip to content" }
                a class="quick-exit" href=(chrome.quick_exit_url) rel="noreferrer"
                    title="Leave this site at once (or press Escape three times)" {
                    "Quick exit"
                }
                header class="site" {
                    a class="brand" href="/" { "Confide" }
                    nav aria-label="Main" {
                        a href="/" { "Answers" }
                        a href="/ask" { "Ask anonymously" }
                        a href="/search" { "Search" }
                        @if let Some(account) = chrome.account {
                            @if account.may(confide_core::Action::ViewQueue) {
                                a href="/expert" { "Queue" }
                            } @else {
                                a href="/expert" { "Application" }
                            }
                            @if account.may(confide_core::Action::Answer) {
                                a href="/expert/reviews" { "Reviews due" }
                            }
                            @if account.may(confide_core::Action::Moderate) {
                                a href="/moderation" { "Moderation" }
                            }
                            @if account.may(confide_core::Action::VerifyExperts) {
                                a href="/admin/experts" { "Experts" }
                            }
                            a href="/expert/account" { "Account" }
                            form method="post" action="/logout" class="inline" {
                                input type="hidden" name="csrf" value=[chrome.logout_csrf.as_deref()];
                                button type="submit" class="link" { "Log out " (account.handle) }
                            }
                        } @else {
                            a href="/login" { "For experts" }
                        }
                    }
                }
                main id="main" { (main) }
                footer class="site" {
                    p {
                        "No account needed to ask. We keep no IP addresses, use no trackers, "
                        "and load nothing from other sites. "
                        "If you are in danger right now, call your local emergency number."
                    }
                }
            }
        }
    }
}

pub fn error_page(status: StatusCode, error: &Error) -> Markup {
    let (heading, advice) = match error {
        Error::NotFound => (
            "We couldn't find that page",
            "It may not exist, it may not be public yet, or it may have been erased.",
        ),
        Error::Unauthorized => ("Please log in", "This page is for expert accounts."),
        Error::Forbidden => ("Not allowed", "Your account may not do that."),
        Error::TooManyRequests { .. } => (
            "Please slow down",
            "This limit keeps the service free of spam. Go back: what you wrote is still in the form, and you can send it in a little while.",
        ),
        Error::Csrf => ("That form has expired", "Go back, reload the page and send it again. What you wrote is still in the form if you go back."),
        _ if status.is_server_error() => ("Something went wrong", ""),
        _ => ("We couldn't use that", "Go back and check what you sent."),
    };
    let chrome = Chrome {
        title: heading,
        account: None,
        logout_csrf: None,
        quick_exit_url: "https://www.bbc.com/weather",
        script: None,
    };
    layout(
        &chrome,
        html! {
            h1 { (heading) }
            p { (error.public_message()) }
            @if !advice.is_empty() { p { (advice) } }
            p { a href="/" { "Go to the answers" } " · " a href="/ask" { "Ask a question" } }
        },
    )
}

/// Help for a question that speaks of danger or care that cannot wait:
/// what to do, and whom to call in the asker's country. Plain HTML, no
/// script, never behind a warning. `picker` is the page the country links
/// lead to (the country travels in the address only, never stored).
pub fn help_block(
    categories: &[confide_core::triage::Category],
    resources: &crate::resources::Resources,
    country: &str,
    lang: &str,
    picker: &str,
) -> Markup {
    let ids: Vec<&str> = categories.iter().map(|c| c.id()).collect();
    let (advice, contacts) = resources.help(&ids, country, lang);
    html! {
        @if !ids.is_empty() {
            section class="help" id="help" aria-labelledby="help-heading" {
                h2 id="help-heading" {
                    @if lang == "es" { "Ayuda que no puede esperar" } @else { "Help that can't wait" }
                }
                @for a in &advice { p { (a.text) } }
                @if !contacts.is_empty() {
                    ul class="contacts" {
                        @for c in &contacts {
                            li {
                                strong { (c.name) } ": "
                                @if let Some(tel) = &c.tel {
                                    a href={ "tel:" (tel) } { (c.how) }
                                } @else if let Some(url) = &c.url {
                                    a href=(url) rel="noreferrer" { (c.how) }
                                } @else {
                                    (c.how)
                                }
                                span class="checked" { " (checked " (c.checked) ")" }
                            }
                        }
                    }
                }
                p class="countries" {
                    @if lang == "es" { "Tu país: " } @else { "Your country: " }
                    @for (code, name) in crate::resources::COUNTRIES {
                        @if code == country {
                            strong aria-current="true" { (name) }
                        } @else {
                            a href={ (picker) "?country=" (code) "#help" } { (name) }
                        }
                        " "
                    }
                }
                p class="hint" { "We don't store which country you pick." }
            }
        }
    }
}

pub fn topic_label(topic: Topic) -> Markup {
    html! { a class="topic" href={ "/?topic=" (topic.slug()) } { (topic.label()) } }
}

pub fn time(at: Timestamp, now: Timestamp) -> Markup {
    let ago = at.elapsed_until(now);
    html! {
        time datetime=(at.rfc3339()) title=(at.date()) {
            @if ago == "0 minutes" { "just now" } @else { (ago) " ago" }
        }
    }
}

pub fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn summaries(list: &[QuestionSummary], now: Timestamp, empty: &str) -> Markup {
    summary_list(list, now, empty, false)
}

/// The experts' queue: like a list of questions, with what triage found.
pub fn queue(list: &[QuestionSummary], now: Timestamp, empty: &str) -> Markup {
    summary_list(list, now, empty, true)
}

fn summary_list(
    list: &[QuestionSummary],
    now: Timestamp,
    empty: &str,
    with_triage: bool,
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
                                strong { @if q.urgency >= 3 { "Urgent" } @else { "Time-sensitive" } }
                                @for c in &q.triage { " · " (c.id().replace('_', " ")) }
                            }
                        }
                        h3 { a href=(q.path()) { (q.title) } }
                        p class="excerpt" { (q.excerpt) }
                        p class="meta" {
                            (topic_label(q.topic)) " · "
                            (plural(q.answer_count, "answer", "answers")) " · asked "
                            (time(q.created_at, now))
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

pub fn thread(t: &Thread, controls: &ThreadControls<'_>, now: Timestamp) -> Markup {
    let q = &t.question;
    let target = Target::Question(q.id);
    html! {
        article class="question" aria-labelledby="question-title" {
            (hidden_notice(q.hidden.as_deref()))
            p class="meta" { (topic_label(q.topic)) " · asked anonymously " (time(q.created_at, now))
                @if q.revisions > 1 {
                    " · " a href={ "/q/" (q.id.0) "/revisions" } { "edited by a moderator" }
                }
            }
            h1 id="question-title" { (q.title) }
            div class="prose" { (PreEscaped(&q.body_html)) }
            (content_actions(target, q.hidden.is_some(), controls))
        }
        section class="answers" aria-labelledby="answers-heading" {
            h2 id="answers-heading" {
                @if t.answers.is_empty() { "No answer yet" } @else { (plural(t.answers.len() as i64, "answer", "answers")) }
            }
            @for answer in &t.answers {
                (answer_view(t, answer, controls, now))
            }
        }
        @let general: Vec<&Reply> = t.replies_to_thread().collect();
        @if !general.is_empty() {
            section class="thread-replies" aria-label="Replies to the question" {
                h2 { "Replies" }
                (reply_list(&general, controls, now))
            }
        }
        @if let Some(asker) = &controls.asker {
            (reply_form(asker.base, asker.csrf, None, "Reply to the experts", "Ask a follow-up, or say what helped."))
        }
        @if let Some(expert) = &controls.expert {
            @if expert.may_reply && !t.answers.is_empty() {
                (reply_form(&format!("/q/{}", q.id), expert.csrf, None, "Reply in this thread", ""))
            }
            @if expert.may_answer {
                (answer_form(&format!("/q/{}/answers", q.id), expert, "Write an answer", "Publish answer"))
            }
        }
    }
}

fn answer_view(
    t: &Thread,
    answer: &Answer,
    controls: &ThreadControls<'_>,
    now: Timestamp,
) -> Markup {
    let helpful = t.question.helpful_answer == Some(answer.id);
    let replies: Vec<&Reply> = t.replies_to(answer.id).collect();
    html! {
        article class={ "answer" @if helpful { " helpful" } } id={ "answer-" (answer.id.0) } {
            @if helpful {
                p class="helpful-badge" { "✓ The asker said this answer helped" }
            }
            (hidden_notice(answer.hidden.as_deref()))
            p class="byline" {
                (author_line(&answer.author))
                span class="when" { "answered " (time(answer.created_at, now))
                    @if answer.updated_at != answer.created_at { ", edited " (time(answer.updated_at, now)) } }
            }
            p class="review-dates" {
                "Last reviewed " (answer.reviewed_at.date()) " · next review due " (answer.review_due().date())
                @if answer.revisions > 1 {
                    " · " a href={ "/answers/" (answer.id.0) "/revisions" } { "history (" (answer.revisions) " versions)" }
                }
            }
            @let (reviewers, disputes) = confide_core::evidence::summary(&answer.reviews);
            @if reviewers > 0 {
                p class="review-summary" {
                    "Reviewed by " (plural(reviewers as i64, "expert", "experts")) ", "
                    (plural(disputes as i64, "open dispute", "open disputes"))
                }
            }
            div class="prose" { (PreEscaped(mark_disputed(&answer.body_html, &answer.reviews))) }
            (references(&answer.citations))
            @if answer.helped_count > 0 || controls.reader_csrf.is_some() {
                div class="helped" {
                    @if answer.helped_count > 0 {
                        span { (plural(answer.helped_count, "reader", "readers")) " found this helpful" }
                    }
                    @if let Some(csrf) = controls.reader_csrf {
                        form method="post" action={ "/answers/" (answer.id.0) "/helped" } class="inline" {
                            input type="hidden" name="csrf" value=(csrf);
                            button type="submit" class="secondary" { "This helped me too" }
                        }
                    }
                }
            }
            (content_actions(Target::Answer(answer.id), answer.hidden.is_some(), controls))
            (reviews(&answer.reviews, controls.expert.as_ref(), now))
            @if !replies.is_empty() {
                (reply_list(&replies, controls, now))
            }
            @if let Some(expert) = &controls.expert {
                @if answer.editable_by(expert.account) {
                    p { a href={ "/answers/" (answer.id.0) "/edit" } { "Edit your answer" } }
                } @else if expert.account.may(confide_core::Action::Review) {
                    (review_form(answer.id, expert.csrf))
                }
                @if expert.may_reply {
                    (reply_form(&format!("/q/{}", t.question.id), expert.csrf, Some(answer.id), "Reply to this answer", ""))
                }
            }
            @if let Some(asker) = &controls.asker {
                div class="asker-actions" {
                    @if !helpful {
                        form method="post" action={ (asker.base) "/helpful" } {
                            input type="hidden" name="csrf" value=(asker.csrf);
                            input type="hidden" name="answer_id" value=(answer.id.0);
                            button type="submit" { "This answer helped me" }
                        }
                    }
                    (reply_form(asker.base, asker.csrf, Some(answer.id), "Reply to this answer", ""))
                }
            }
        }
    }
}

/// The answer's numbered references, linked to their resolvers.
fn references(citations: &[confide_core::evidence::Citation]) -> Markup {
    html! {
        @if !citations.is_empty() {
            section class="references" aria-label="References" {
                h3 { "References" }
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
) -> Markup {
    use confide_core::evidence::{ReviewStatus, Verdict};
    html! {
        @if !list.is_empty() {
            section class="reviews" aria-label="Peer review" {
                @for r in list {
                    div class={ "review " (r.verdict.as_str()) } id={ "review-" (r.id.0) } {
                        p class="byline" {
                            strong {
                                @match r.verdict { Verdict::Endorse => "Endorsed by ", Verdict::Dispute => "Disputed by " }
                                (r.reviewer.display_name)
                            }
                            (credentials(&r.reviewer))
                            span class="when" { (time(r.created_at, now)) }
                        }
                        @if let Some(quote) = &r.quote {
                            blockquote class="disputed-claim" { (quote) }
                        }
                        div class="prose" { (PreEscaped(&r.note_html)) }
                        @match &r.status {
                            ReviewStatus::Open => {}
                            ReviewStatus::Addressed { revision } => {
                                p class="review-status" { "Addressed: the author revised this passage in "
                                    a href={ "/answers/" (r.answer_id.0) "/revisions/" (revision) } { "version " (revision) } "." }
                            }
                            ReviewStatus::Withdrawn => { p class="review-status" { "Withdrawn by the reviewer." } }
                            ReviewStatus::Closed { reason } => { p class="review-status" { "Closed by a moderator: " (reason) } }
                        }
                        @if let (Some(staff), ReviewStatus::Open) = (staff, &r.status) {
                            @if staff.account.id == r.reviewer.id {
                                form method="post" action={ "/reviews/" (r.id.0) "/withdraw" } class="inline" {
                                    input type="hidden" name="csrf" value=(staff.csrf);
                                    button type="submit" class="link" { "Withdraw my review" }
                                }
                            }
                            @if staff.account.may(confide_core::Action::Moderate) && r.verdict == Verdict::Dispute {
                                form method="post" action={ "/reviews/" (r.id.0) "/close" } {
                                    input type="hidden" name="csrf" value=(staff.csrf);
                                    label for={ "close-" (r.id.0) } { "Close this dispute, saying why" }
                                    input id={ "close-" (r.id.0) } name="reason" type="text" required maxlength="300";
                                    button type="submit" class="secondary" { "Close dispute" }
                                }
                            }
                        }
                        @if let Some(c) = &r.citation {
                            p class="review-citation" {
                                "Source: "
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
fn mark_disputed(html: &str, reviews: &[confide_core::evidence::Review]) -> String {
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
            let marked = format!(
                "<mark class=\"disputed\" title=\"Disputed by another expert: see below\">{escaped}</mark>"
            );
            out.replace_range(at..at + escaped.len(), &marked);
        }
    }
    out
}

fn review_form(answer: confide_core::AnswerId, csrf: &str) -> Markup {
    let id = answer.0;
    html! {
        details class="review-form" {
            summary { "Review this answer" }
            form method="post" action={ "/answers/" (id) "/reviews" } {
                input type="hidden" name="csrf" value=(csrf);
                fieldset {
                    legend { "Your verdict" }
                    label class="check" { input type="radio" name="verdict" value="endorse" checked; " Endorse: it is sound" }
                    label class="check" { input type="radio" name="verdict" value="dispute"; " Dispute a claim" }
                }
                label for={ "quote-" (id) } { "The exact passage you dispute (copy it from the answer)" }
                textarea id={ "quote-" (id) } name="quote" rows="2" maxlength="2000" {}
                label for={ "note-" (id) } { "Why (Markdown)" }
                textarea id={ "note-" (id) } name="note" rows="4" required maxlength="3000" {}
                label for={ "cite-" (id) } { "A source, optional: Title (Year) doi:… or pmid:… or https://…" }
                input id={ "cite-" (id) } name="citation" type="text" maxlength="600";
                button type="submit" { "Publish review" }
            }
        }
    }
}

fn reply_list(replies: &[&Reply], controls: &ThreadControls<'_>, now: Timestamp) -> Markup {
    html! {
        ol class="replies" {
            @for r in replies {
                li id={ "reply-" (r.id.0) } class={ "reply " @match r.author { ReplyAuthor::Asker => "by-asker", ReplyAuthor::Expert(_) => "by-expert" } } {
                    (hidden_notice(r.hidden.as_deref()))
                    p class="byline" {
                        @match &r.author {
                            ReplyAuthor::Asker => { strong { "The asker" } }
                            ReplyAuthor::Expert(a) => { (author_line(a)) }
                        }
                        span class="when" { (time(r.created_at, now)) }
                    }
                    div class="prose" { (PreEscaped(&r.body_html)) }
                    @if let Some(note) = &r.moderator_note {
                        p class="moderator-note" { "Edited by a moderator: " (note) }
                    }
                    (content_actions(Target::Reply(r.id), r.hidden.is_some(), controls))
                }
            }
        }
    }
}

/// An expert's name, profession, and whether an admin's verification of
/// them stands today (read with the page, so a revocation shows at once).
pub fn author_line(a: &confide_core::Author) -> Markup {
    html! {
        strong { (a.display_name) }
        (credentials(a))
    }
}

/// Profession and verification, beside a name shown by the caller.
pub fn credentials(a: &confide_core::Author) -> Markup {
    html! {
        span class="credentials" { (a.credentials) }
        @match a.verified_at {
            Some(at) => {
                span class="verified" title="An administrator checked this expert's professional registration" {
                    "✓ Verified " (at.date())
                }
            }
            None => { span class="unverified" { "Not verified" } }
        }
    }
}

/// Shown to moderators (the only ones who see hidden content) above it.
fn hidden_notice(reason: Option<&str>) -> Markup {
    html! {
        @if let Some(reason) = reason {
            p class="notice hidden-content" role="note" { strong { "Hidden from the public" } ": " (reason) }
        }
    }
}

/// "Report" for readers and askers; hide, restore and edit for moderators.
fn content_actions(target: Target, hidden: bool, controls: &ThreadControls<'_>) -> Markup {
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
                        button type="submit" name="action" value="restore" class="secondary" { "Restore" }
                    } @else {
                        label for={ "hide-" (key) } class="visually-hidden" { "Why hide it" }
                        input id={ "hide-" (key) } name="reason" type="text" maxlength="300" placeholder="Why hide it";
                        button type="submit" name="action" value="hide" class="secondary" { "Hide" }
                    }
                }
                " "
                a href=(edit_path(target)) { "Edit as moderator" }
            }
        } @else if let Some(csrf) = controls.flag_csrf {
            (flag_form(target, csrf, controls.here))
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
pub fn revision_list(versions: &[VersionLine<'_>], base: &str) -> Markup {
    html! {
        ol class="revisions" {
            @for v in versions.iter().rev() {
                li {
                    strong { "Version " (v.number) } " · " (v.at.date()) " · " (v.editor) ": " (v.reason)
                    @if v.number > 1 {
                        " · " a href={ (base) "/" (v.number) } { "what changed" }
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

pub fn flag_form(target: Target, csrf: &str, back: &str) -> Markup {
    let key = format!("{}-{}", target.kind(), target.id());
    html! {
        details class="flag-form" {
            summary { "Report this " (target.kind()) }
            form method="post" action="/flags" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="kind" value=(target.kind());
                input type="hidden" name="id" value=(target.id());
                input type="hidden" name="back" value=(back);
                fieldset {
                    legend { "What is wrong with it?" }
                    @for (i, reason) in FlagReason::ALL.iter().enumerate() {
                        label class="check" {
                            input type="radio" name="reason" value=(reason.as_str()) required checked[i == 0];
                            " " (reason.label())
                        }
                    }
                }
                label for={ "flag-note-" (key) } { "Anything a moderator should know (optional, except for \"something else\")" }
                input id={ "flag-note-" (key) } name="note" type="text" maxlength="500";
                button type="submit" class="secondary" { "Send report" }
            }
        }
    }
}

fn reply_form(base: &str, csrf: &str, answer: Option<AnswerId>, label: &str, hint: &str) -> Markup {
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
                button type="submit" { "Send reply" }
            }
        }
    }
}

pub fn answer_form(
    action: &str,
    expert: &ExpertControls<'_>,
    heading: &str,
    submit: &str,
) -> Markup {
    html! {
        section class="answer-form" aria-labelledby="answer-form-heading" {
            h2 id="answer-form-heading" { (heading) }
            @if let Some(preview_html) = expert.preview {
                div class="preview" aria-label="Preview" {
                    p class="meta" { "Preview — not published yet" }
                    div class="prose" { (PreEscaped(preview_html)) }
                }
            }
            form method="post" action=(action) {
                input type="hidden" name="csrf" value=(expert.csrf);
                label for="answer-body" { "Your answer (Markdown)" }
                p class="hint" id="answer-body-hint" {
                    "Be kind and concrete. Say what the evidence shows, and when to see a clinician."
                }
                textarea id="answer-body" name="body" rows="14" required maxlength="30000"
                    aria-describedby="answer-body-hint" {
                    @if let Some(draft) = expert.draft { (draft) }
                }
                label for="answer-references" { "References, one per line, cited in the text as [1], [2]…" }
                p class="hint" id="answer-references-hint" {
                    "Title (Year) doi:10.… or pmid:… or https://… — cite only what you have checked."
                }
                textarea id="answer-references" name="references" rows="4" maxlength="20000"
                    aria-describedby="answer-references-hint" {
                    @if let Some(refs) = expert.references { (refs) }
                }
                @if expert.editing {
                    label for="answer-reason" { "Why you are changing it (kept in the history)" }
                    input id="answer-reason" name="reason" type="text" maxlength="300" required;
                }
                @if expert.may_forget_earlier {
                    label class="check" {
                        input type="checkbox" name="forget_earlier" value="yes";
                        " The earlier wording identifies someone: do not keep it in the history"
                    }
                }
                div class="buttons" {
                    button type="submit" name="action" value="preview" class="secondary" { "Preview" }
                    button type="submit" name="action" value="publish" { (submit) }
                }
            }
        }
    }
}
