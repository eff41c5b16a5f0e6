//! The expert's side: logging in, the queue, answering, editing, replying.

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use confide_core::question::{AnswerDraft, ReplyDraft};
use confide_core::{markdown, Action, AnswerBody, AnswerId, QuestionId, ReplyBody};
use maud::html;
use serde::Deserialize;

use super::public::{question_page, Draft};
use super::{chrome, private};
use crate::auth::{clear_session_cookie, session_cookie, start_session, verify_login};
use confide_core::evidence::{Citation, ReviewDraft, ReviewId, ReviewStatus, Verdict};
use confide_core::moderation::Target;

use crate::csrf::{self, Binding};
use crate::error::PageError;
use crate::extract::{Id, MaybeSession, PageForm, PageId, Params, Session};
use crate::i18n::{m, Ui};
use crate::limits::{Client, Limit};
use crate::view::{self, ExpertControls};
use crate::{now, AppState, Error};

#[derive(Deserialize, Default)]
pub struct LoginQuery {
    next: Option<String>,
}

/// Only paths on this site, so the login form cannot be used to send people elsewhere.
pub(super) fn safe_next(next: Option<&str>) -> &str {
    match next {
        // A path on this site only: printable ASCII (browsers drop tabs and
        // newlines, which would turn "/\t/evil" into "//evil"), one slash.
        Some(n)
            if n.starts_with('/')
                && !n[1..].starts_with(['/', '\\'])
                && !n.contains('\\')
                && n.chars().all(|c| c.is_ascii_graphic()) =>
        {
            n
        }
        _ => "/expert",
    }
}

pub async fn login_form(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    Params(query, _): Params<LoginQuery, PageError>,
) -> Response {
    login_page(
        &state,
        &ui,
        session.as_ref(),
        "",
        safe_next(query.next.as_deref()),
        None,
    )
}

fn login_page(
    state: &AppState,
    ui: &Ui,
    session: Option<&Session>,
    handle: &str,
    next: &str,
    error: Option<&str>,
) -> Response {
    let tr = ui.tr;
    let csrf = csrf::token(state, Binding::Anonymous);
    let title = tr.text(m::EXPERT_LOGIN_TITLE);
    let intro = tr.text_with(m::EXPERT_LOGIN_INTRO, &[("link", view::SLOT.into())]);
    let markup = view::layout(
        &chrome(state, ui, &title, session),
        html! {
            h1 { (title) }
            p { (view::slotted(&intro, html! { a href="/experts/apply" { (tr.text(m::EXPERT_LOGIN_APPLY)) } })) }
            @if let Some(error) = error {
                div class="error-summary" role="alert" { p { (error) } }
            }
            form method="post" action="/login" class="login" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="next" value=(next);
                div class="field" {
                    label for="handle" { (tr.text(m::FIELD_HANDLE)) }
                    input id="handle" name="handle" type="text" autocomplete="username" required value=(handle);
                }
                div class="field" {
                    label for="password" { (tr.text(m::FIELD_PASSWORD)) }
                    input id="password" name="password" type="password" autocomplete="current-password" required;
                }
                button type="submit" { (tr.text(m::EXPERT_LOGIN_SUBMIT)) }
            }
        },
    );
    let mut response = private(markup);
    if error.is_some() {
        *response.status_mut() = StatusCode::BAD_REQUEST;
    }
    response
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    handle: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub async fn login(
    State(state): State<AppState>,
    client: Client,
    ui: Ui,
    PageForm(form): PageForm<LoginForm>,
) -> Result<Response, PageError> {
    csrf::verify(&state, Binding::Anonymous, &form.csrf)?;
    state.limits.check(Limit::Login, &client).await?;
    let next = safe_next(form.next.as_deref());
    let account = match verify_login(&state, &form.handle, &form.password).await {
        Ok(account) => account,
        Err(error @ Error::BadRequest { .. }) => {
            let message = crate::error::page_message(&error, ui.tr);
            return Ok(login_page(
                &state,
                &ui,
                None,
                &form.handle,
                next,
                Some(&message),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    let (token, _) = start_session(&state, &account).await?;
    let mut response = Redirect::to(next).into_response();
    if let Ok(cookie) = session_cookie(&state, &token).parse() {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    Ok(response)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn logout(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    PageForm(form): PageForm<CsrfForm>,
) -> Result<Response, PageError> {
    if let Some(session) = session {
        csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
        state.store.delete_session(&session.token).await?;
    }
    let mut response = Redirect::to("/").into_response();
    if let Ok(cookie) = clear_session_cookie(&state).parse() {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    Ok(response)
}

pub(super) fn require(
    session: Option<Session>,
    action: Action,
    here: &str,
) -> Result<Session, Error> {
    match session {
        Some(s) if s.account.may(action) => Ok(s),
        Some(_) => Err(Error::Forbidden),
        None => Err(Error::LoginRequired {
            next: here.to_owned(),
        }),
    }
}

pub async fn queue(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
) -> Result<Response, PageError> {
    if let Some(s) = session.as_ref().filter(|s| s.account.verified_at.is_none()) {
        return Ok(super::experts::application_status(&state, &ui, s).await?);
    }
    let session = require(session, Action::ViewQueue, "/expert")?;
    let waiting = state.store.unanswered_questions(200).await?;
    let now = now();
    let tr = ui.tr;
    let markup = view::layout(
        &chrome(&state, &ui, &tr.text(m::EXPERT_QUEUE_TITLE), Some(&session)),
        html! {
            h1 { (tr.text(m::EXPERT_QUEUE_HEADING)) }
            p { (tr.text(m::EXPERT_QUEUE_INTRO)) }
            (view::queue(&waiting, now, &tr.text(m::EXPERT_QUEUE_EMPTY), tr))
        },
    );
    Ok(private(markup))
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    references: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    action: String,
    /// A checkbox, for moderators' edits: present when ticked.
    forget_earlier: Option<String>,
}

pub async fn answer(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    Id(id, _): PageId,
    PageForm(form): PageForm<AnswerForm>,
) -> Result<Response, PageError> {
    let session = require(session, Action::Answer, &format!("/q/{id}"))?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let id = QuestionId(id);
    let viewer = confide_core::Viewer::Account(session.account.clone());
    crate::access::visible_thread(&state, &viewer, id).await?;
    let body = AnswerBody::parse(&form.body)?;
    let citations = Citation::parse_lines(&form.references)?;
    if form.action == "preview" {
        let draft = Draft {
            preview_html: markdown::render(body.as_str()),
            markdown: form.body,
            references: form.references,
        };
        return question_page(
            State(state),
            MaybeSession(Some(session)),
            ui,
            id,
            Some(draft),
        )
        .await;
    }
    let draft = AnswerDraft::new(id, session.account.id, body, state.config.publish, now())
        .with_citations(citations)?;
    let answer = state.store.create_answer(&draft).await?;
    Ok(Redirect::to(&format!("/q/{}#answer-{}", id.0, answer.0)).into_response())
}

pub async fn edit_form(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    Id(id, _): PageId,
) -> Result<Response, PageError> {
    let here = format!("/answers/{id}/edit");
    let session = require_login(session, &here)?;
    let answer = editable_answer(&state, &session, id).await?;
    let references: Vec<String> = answer.citations.iter().map(Citation::to_line).collect();
    Ok(edit_page(
        &state,
        &ui,
        &session,
        &answer,
        (&answer.body, &references.join("\n")),
        None,
    ))
}

fn edit_page(
    state: &AppState,
    ui: &Ui,
    session: &Session,
    answer: &confide_core::Answer,
    (markdown, references): (&str, &str),
    preview: Option<&str>,
) -> Response {
    let (answer_id, question) = (answer.id.0, answer.question_id);
    let csrf = csrf::token(state, Binding::Session(&session.token));
    let controls = ExpertControls {
        may_forget_earlier: answer.author.id != session.account.id,
        account: &session.account,
        csrf: &csrf,
        may_answer: true,
        may_reply: false,
        draft: Some(markdown),
        preview,
        references: Some(references),
        editing: true,
    };
    let tr = ui.tr;
    let title = tr.text(m::ANSWER_EDIT_YOURS);
    let markup = view::layout(
        &chrome(state, ui, &title, Some(session)),
        html! {
            p { a href={ "/q/" (question.0) } { (tr.text(m::EXPERT_BACK_TO_QUESTION)) } }
            (view::answer_form(&format!("/answers/{answer_id}/edit"), &controls, &title, &tr.text(m::EXPERT_EDIT_SAVE), tr))
        },
    );
    private(markup)
}

pub async fn edit(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    Id(id, _): PageId,
    PageForm(form): PageForm<AnswerForm>,
) -> Result<Response, PageError> {
    let session = require_login(session, &format!("/answers/{id}/edit"))?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let answer = editable_answer(&state, &session, id).await?;
    let body = AnswerBody::parse(&form.body)?;
    let citations = Citation::parse_lines(&form.references)?;
    if form.action == "preview" {
        let preview = markdown::render(body.as_str());
        return Ok(edit_page(
            &state,
            &ui,
            &session,
            &answer,
            (&form.body, &form.references),
            Some(&preview),
        ));
    }
    let draft = AnswerDraft::new(
        answer.question_id,
        session.account.id,
        body,
        state.config.publish,
        now(),
    )
    .with_citations(citations)?
    .with_reason(&form.reason)?;
    state.store.update_answer(answer.id, &draft).await?;
    if answer.author.id != session.account.id {
        let actor = format!("account:{}", session.account.handle);
        if form.forget_earlier.is_some() {
            state
                .store
                .forget_answer_history(answer.id, &actor, now())
                .await?;
        }
        state
            .store
            .close_flags_as_edited(Target::Answer(answer.id), &actor, now())
            .await?;
    }
    Ok(Redirect::to(&format!("/q/{}#answer-{}", answer.question_id.0, id)).into_response())
}

#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    quote: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    citation: String,
}

/// Every version of an answer, and what changed between them.
pub async fn revisions(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    Id(id, _): PageId,
) -> Result<Response, PageError> {
    let (answer, thread) = visible_answer(&state, session.as_ref(), id).await?;
    let versions = state.store.revisions(answer.id).await?;
    let lines: Vec<view::VersionLine<'_>> = versions
        .iter()
        .map(|v| view::VersionLine {
            number: v.number,
            at: v.created_at,
            editor: &v.editor,
            reason: &v.reason,
        })
        .collect();
    let tr = ui.tr;
    let markup = view::layout(
        &chrome(
            &state,
            &ui,
            &tr.text(m::EXPERT_HISTORY_TITLE),
            session.as_ref(),
        ),
        html! {
            p { a href=(thread.question.path()) { "← " (thread.question.title) } }
            h1 { (tr.text_with(m::EXPERT_HISTORY_HEADING, &[("name", answer.author.display_name.as_str().into())])) }
            (view::revision_list(&lines, &format!("/answers/{id}/revisions"), tr))
        },
    );
    Ok(page_for(session.as_ref(), markup))
}

pub async fn revision_diff(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    axum::extract::Path((id, number)): axum::extract::Path<(String, String)>,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    let number: i64 = number.parse().map_err(|_| Error::NotFound)?;
    let (answer, thread) = visible_answer(&state, session.as_ref(), id).await?;
    let versions = state.store.revisions(answer.id).await?;
    let (Some(before), Some(after)) = (
        versions.iter().find(|v| v.number == number - 1),
        versions.iter().find(|v| v.number == number),
    ) else {
        return Err(Error::NotFound.into());
    };
    let tr = ui.tr;
    let markup = view::layout(
        &chrome(
            &state,
            &ui,
            &tr.text(m::EXPERT_DIFF_TITLE),
            session.as_ref(),
        ),
        html! {
            p { a href={ "/answers/" (id) "/revisions" } { (tr.text(m::EXPERT_DIFF_ALL_VERSIONS)) } " · " a href=(thread.question.path()) { (tr.text(m::EXPERT_DIFF_THE_QUESTION)) } }
            h1 { (tr.text_with(m::EXPERT_DIFF_HEADING, &[("before", (after.number - 1).into()), ("after", after.number.into())])) }
            p {
                (tr.text_with(m::EXPERT_DIFF_BYLINE, &[
                    ("editor", after.editor.as_str().into()),
                    ("date", tr.date(after.created_at).into()),
                    ("reason", after.reason.as_str().into()),
                ]))
            }
            (view::diff(&before.body, &after.body))
        },
    );
    Ok(page_for(session.as_ref(), markup))
}

/// An answer this account may edit: its author's, or any for a moderator
/// (whose edits are audited and leave the review date alone).
async fn editable_answer(
    state: &AppState,
    session: &Session,
    id: i64,
) -> Result<confide_core::Answer, Error> {
    if session.account.may(Action::Moderate) {
        return state
            .store
            .answer(AnswerId(id))
            .await?
            .ok_or(Error::NotFound);
    }
    if !session.account.may(Action::Answer) {
        return Err(Error::Forbidden);
    }
    own_answer(state, session, id).await
}

fn require_login(session: Option<Session>, here: &str) -> Result<Session, Error> {
    session.ok_or_else(|| Error::LoginRequired {
        next: here.to_owned(),
    })
}

/// An answer the logged-in expert wrote (and so may edit or confirm).
async fn own_answer(
    state: &AppState,
    session: &Session,
    id: i64,
) -> Result<confide_core::Answer, Error> {
    let answer = state
        .store
        .answer(AnswerId(id))
        .await?
        .ok_or(Error::NotFound)?;
    if answer.editable_by(&session.account) {
        Ok(answer)
    } else {
        Err(Error::Forbidden)
    }
}

/// An answer whose question this viewer may see.
async fn visible_answer(
    state: &AppState,
    session: Option<&Session>,
    id: i64,
) -> Result<(confide_core::Answer, confide_core::Thread), PageError> {
    let viewer = match session {
        Some(s) => confide_core::Viewer::Account(s.account.clone()),
        None => confide_core::Viewer::Reader,
    };
    Ok(crate::access::visible_answer(state, &viewer, AnswerId(id)).await?)
}

pub(super) fn page_for(session: Option<&Session>, markup: maud::Markup) -> Response {
    match session {
        Some(_) => private(markup),
        None => super::page(markup),
    }
}

/// Answers whose yearly review is due within a month, longest-waiting first.
pub async fn reviews_due(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
) -> Result<Response, PageError> {
    let session = require(session, Action::Answer, "/expert/reviews")?;
    let soon = now().plus_hours(24 * 30);
    let cutoff = soon.minus_hours(24 * confide_core::question::REVIEW_INTERVAL_DAYS);
    let due = state.store.answers_reviewed_before(cutoff, 200).await?;
    let csrf = csrf::token(&state, Binding::Session(&session.token));
    let tr = ui.tr;
    let title = tr.text(m::EXPERT_REVIEWS_TITLE);
    let markup = view::layout(
        &chrome(&state, &ui, &title, Some(&session)),
        html! {
            h1 { (title) }
            p { (tr.text(m::EXPERT_REVIEWS_INTRO)) }
            @if due.is_empty() { p class="empty" { (tr.text(m::EXPERT_REVIEWS_EMPTY)) } }
            ol class="questions" {
                @for (answer, title) in &due {
                    li {
                        h3 { a href={ (confide_core::question::question_path(answer.question_id, title)) "#answer-" (answer.id.0) } { (title) } }
                        p class="meta" { (answer.author.display_name) " · " (tr.text_with(m::EXPERT_REVIEWS_DUE, &[("date", tr.date(answer.review_due()).into())])) }
                        @if answer.editable_by(&session.account) {
                            form method="post" action={ "/answers/" (answer.id.0) "/confirm" } class="inline" {
                                input type="hidden" name="csrf" value=(csrf);
                                button type="submit" { (tr.text(m::EXPERT_REVIEWS_CONFIRM)) }
                            }
                            " "
                            a href={ "/answers/" (answer.id.0) "/edit" } { (tr.text(m::EXPERT_REVIEWS_REVISE)) }
                        }
                    }
                }
            }
        },
    );
    Ok(private(markup))
}

pub async fn confirm_reviewed(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
    PageForm(form): PageForm<HelpedForm>,
) -> Result<Response, PageError> {
    let session = require(session, Action::Answer, "/expert/reviews")?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let answer = own_answer(&state, &session, id).await?;
    state.store.confirm_reviewed(answer.id, now()).await?;
    Ok(Redirect::to("/expert/reviews").into_response())
}

#[derive(Deserialize)]
pub struct HelpedForm {
    #[serde(default)]
    csrf: String,
}

/// A reader says an answer helped them. Counted once a day per reader and
/// answer; nothing records who.
pub async fn helped(
    State(state): State<AppState>,
    client: Client,
    Id(id, _): PageId,
    PageForm(form): PageForm<HelpedForm>,
) -> Result<Response, PageError> {
    csrf::verify(&state, Binding::Anonymous, &form.csrf)?;
    // Readers vote on what readers can see: public, and not hidden.
    let (answer, _) = visible_answer(&state, None, id).await?;
    // A second vote the same day is simply not counted again.
    if state
        .limits
        .check_scoped(Limit::Helped, &client, id)
        .await
        .is_ok()
    {
        state.store.count_helped(answer.id, now()).await?;
    }
    Ok(Redirect::to(&format!("/q/{}#answer-{id}", answer.question_id.0)).into_response())
}

/// Another expert endorses the answer, or disputes one claim in it.
pub async fn review(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
    PageForm(form): PageForm<ReviewForm>,
) -> Result<Response, PageError> {
    let session = require(session, Action::Review, &format!("/answers/{id}/edit"))?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let (answer, _) = visible_answer(&state, Some(&session), id).await?;
    let citation = Some(form.citation.trim())
        .filter(|c| !c.is_empty())
        .map(Citation::parse_line)
        .transpose()?;
    let draft = ReviewDraft::new(
        &answer,
        &session.account,
        Verdict::parse(&form.verdict)?,
        Some(form.quote.as_str()),
        &form.note,
        citation,
        now(),
    )?;
    let review = state.store.create_review(&draft).await?;
    Ok(Redirect::to(&format!("/q/{}#review-{}", answer.question_id.0, review.0)).into_response())
}

/// The reviewer takes their review back.
pub async fn withdraw_review(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
    PageForm(form): PageForm<HelpedForm>,
) -> Result<Response, PageError> {
    let session = require(session, Action::Review, "/expert")?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let (review, answer, reviewer) = state
        .store
        .review(ReviewId(id))
        .await?
        .ok_or(Error::NotFound)?;
    if reviewer != session.account.id {
        return Err(Error::Forbidden.into());
    }
    let actor = format!("account:{}", session.account.handle);
    state
        .store
        .set_review_status(review, &ReviewStatus::Withdrawn, &actor, now())
        .await?;
    back_to_answer(&state, answer).await
}

#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
}

/// A moderator closes a dispute, saying why (audited).
pub async fn close_review(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
    PageForm(form): PageForm<CloseForm>,
) -> Result<Response, PageError> {
    let session = require(session, Action::Moderate, "/expert")?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let reason = form.reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() || reason.chars().count() > 300 {
        return Err(Error::BadRequest {
            code: "bad_reason",
            message: "Say in a sentence (up to 300 characters) why the dispute is closed.".into(),
        }
        .into());
    }
    let (review, answer, _) = state
        .store
        .review(ReviewId(id))
        .await?
        .ok_or(Error::NotFound)?;
    let actor = format!("account:{}", session.account.handle);
    state
        .store
        .set_review_status(review, &ReviewStatus::Closed { reason }, &actor, now())
        .await?;
    back_to_answer(&state, answer).await
}

async fn back_to_answer(state: &AppState, answer: AnswerId) -> Result<Response, PageError> {
    let answer = state.store.answer(answer).await?.ok_or(Error::NotFound)?;
    Ok(Redirect::to(&format!(
        "/q/{}#answer-{}",
        answer.question_id.0, answer.id.0
    ))
    .into_response())
}

/// An expert's own account: what we hold, a copy, and deletion.
pub async fn account_page(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
) -> Result<Response, PageError> {
    let Some(session) = session else {
        return Err(Error::LoginRequired {
            next: "/expert/account".into(),
        }
        .into());
    };
    let csrf = csrf::token(&state, Binding::Session(&session.token));
    let a = &session.account;
    let (email, topics) = state.store.notifications(a.id).await?;
    let tr = ui.tr;
    let title = tr.text(m::EXPERT_ACCOUNT_TITLE);
    let markup = view::layout(
        &chrome(&state, &ui, &title, Some(&session)),
        html! {
            h1 { (title) }
            dl {
                dt { (tr.text(m::FIELD_HANDLE)) } dd { (a.handle) }
                dt { (tr.text(m::EXPERT_ACCOUNT_DISPLAY_NAME)) } dd { (a.display_name) }
                dt { (tr.text(m::FIELD_CREDENTIALS)) } dd { (a.credentials) }
                dt { (tr.text(m::EXPERT_ACCOUNT_ROLE)) } dd { (view::role_name(a.role, tr)) }
            }
            p { a href="/expert/account/export.json" { (tr.text(m::EXPERT_ACCOUNT_EXPORT)) } }
            section class="notifications" aria-labelledby="notify-heading" {
                h2 id="notify-heading" { (tr.text(m::EXPERT_NOTIFY_HEADING)) }
                @if state.mailer.is_none() {
                    p { (tr.text(m::EXPERT_NOTIFY_NO_MAIL)) }
                } @else {
                    p { (tr.text(m::EXPERT_NOTIFY_INTRO)) }
                    form method="post" action="/expert/account/notifications" {
                        input type="hidden" name="csrf" value=(csrf);
                        label for="notify-email" { (tr.text(m::FIELD_EMAIL)) }
                        input id="notify-email" name="email" type="email" maxlength="254" value=[email.as_deref()];
                        fieldset {
                            legend { (tr.text(m::EXPERT_NOTIFY_TOPICS)) }
                            @for t in confide_core::Topic::ALL {
                                label class="check" {
                                    input type="checkbox" name={ "topic_" (t.slug()) } value="yes" checked[topics.contains(&t)];
                                    " " (view::topic_name(t, tr))
                                }
                            }
                        }
                        button type="submit" { (tr.text(m::EXPERT_NOTIFY_SAVE)) }
                    }
                }
            }
            section class="danger-zone" {
                h2 { (tr.text(m::EXPERT_DELETE_HEADING)) }
                p { (tr.text(m::EXPERT_DELETE_INTRO)) }
                form method="post" action="/expert/account/delete" {
                    input type="hidden" name="csrf" value=(csrf);
                    label class="check" {
                        input type="checkbox" name="confirm" value="yes" required;
                        " " (tr.text(m::EXPERT_DELETE_UNDERSTAND))
                    }
                    button type="submit" class="danger" { (tr.text(m::EXPERT_DELETE_SUBMIT)) }
                }
            }
        },
    );
    Ok(private(markup))
}

pub async fn export_account(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
) -> Result<Response, PageError> {
    let session = session.ok_or(Error::Unauthorized)?;
    let answers = state.store.answers_by(session.account.id).await?;
    let body = serde_json::json!({
        "format": "confide-account-export",
        "version": 1,
        "exported_at": now().rfc3339(),
        "account": session.account,
        "notification_email": state.store.notifications(session.account.id).await?.0,
        "answers": answers,
    });
    Ok(super::ask::download(body, "confide-account.json"))
}

/// Saves where (and whether) to email this expert about new questions.
pub async fn save_notifications(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    PageForm(form): PageForm<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    let session = require_login(session, "/expert/account")?;
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or("");
    csrf::verify(&state, Binding::Session(&session.token), field("csrf"))?;
    let email = match field("email").trim() {
        "" => None,
        given => Some(confide_core::notification::EmailAddress::parse(given)?),
    };
    let topics: Vec<confide_core::Topic> = confide_core::Topic::ALL
        .into_iter()
        .filter(|t| !field(&format!("topic_{}", t.slug())).is_empty())
        .collect();
    state
        .store
        .set_notifications(
            session.account.id,
            email.as_ref(),
            &topics,
            // Emails come in the language of the page the settings were saved on.
            ui.tr.lang().code(),
            now(),
        )
        .await?;
    Ok(Redirect::to("/expert/account#notify-heading").into_response())
}

#[derive(Deserialize)]
pub struct ForgetForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    confirm: String,
}

pub async fn forget_account(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    PageForm(form): PageForm<ForgetForm>,
) -> Result<Response, PageError> {
    let session = session.ok_or(Error::Unauthorized)?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    if form.confirm != "yes" {
        return Err(Error::BadRequest {
            code: "not_confirmed",
            message: "Tick the box to confirm that you want your account deleted.".into(),
        }
        .into());
    }
    state
        .store
        .forget_account(session.account.id, now())
        .await?;
    let tr = ui.tr;
    let markup = view::layout(
        &chrome(&state, &ui, &tr.text(m::EXPERT_DELETED_TITLE), None),
        html! {
            h1 { (tr.text(m::EXPERT_DELETED_HEADING)) }
            p { (tr.text(m::EXPERT_DELETED_THANKS)) }
        },
    );
    let mut response = private(markup);
    if let Ok(cookie) = clear_session_cookie(&state).parse() {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    Ok(response)
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
    answer_id: Option<i64>,
}

pub async fn reply(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
    PageForm(form): PageForm<ReplyForm>,
) -> Result<Response, PageError> {
    let session = require(session, Action::ReplyInThread, &format!("/q/{id}"))?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let viewer = confide_core::Viewer::Account(session.account.clone());
    let thread = crate::access::visible_thread(&state, &viewer, QuestionId(id))
        .await?
        .visible_to(&viewer);
    if let Some(answer) = form.answer_id {
        thread.answer(AnswerId(answer)).ok_or(Error::NotFound)?;
    }
    let body = ReplyBody::parse(&form.body)?;
    let draft = ReplyDraft::new(
        QuestionId(id),
        form.answer_id.map(AnswerId),
        Some(session.account.id),
        body,
        now(),
    );
    let reply = state.store.create_reply(&draft).await?;
    Ok(Redirect::to(&format!("/q/{id}#reply-{}", reply.0)).into_response())
}
