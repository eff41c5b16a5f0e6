//! Readers' reports, and what moderators do with them: hide, restore,
//! edit with a reason, or dismiss. Every decision is audited.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use confide_core::moderation::{FlagDraft, FlagReason, Flagged, QuestionEdit, Resolution, Target};
use confide_core::{Action, QuestionBody, QuestionId, QuestionTitle, ReplyBody, ReplyId, Viewer};
use maud::html;
use serde::Deserialize;

use super::expert::{page_for, require, safe_next};
use super::{chrome, private};
use crate::csrf::{self, Binding};
use crate::error::PageError;
use crate::extract::{Id, MaybeSession, PageForm, PageId, Session};
use crate::limits::{Client, Limit};
use crate::view;
use crate::{now, AppState, Error};

/// A path on this site to return to, or `fallback`.
fn back_to<'a>(back: &'a str, fallback: &'a str) -> &'a str {
    if safe_next(Some(back)) == back {
        back
    } else {
        fallback
    }
}

fn actor(session: &Session) -> String {
    format!("account:{}", session.account.handle)
}

#[derive(Deserialize)]
pub struct FlagForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    id: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    back: String,
}

/// A reader's (or the asker's) report. No account, no cookie; rate-limited.
pub async fn flag(
    State(state): State<AppState>,
    client: Client,
    MaybeSession(session): MaybeSession,
    PageForm(form): PageForm<FlagForm>,
) -> Result<Response, PageError> {
    csrf::verify(&state, Binding::Anonymous, &form.csrf)?;
    state.limits.check(Limit::Flag, &client).await?;
    let id: i64 = form.id.trim().parse().map_err(|_| Error::NotFound)?;
    let target = Target::parse(&form.kind, id)?;
    let draft = FlagDraft::new(target, FlagReason::parse(&form.reason)?, &form.note, now())?;
    state.store.create_flag(&draft).await?;
    let back = back_to(&form.back, "/");
    let markup = view::layout(
        &chrome(&state, "Thank you", session.as_ref()),
        html! {
            h1 { "Thank you for telling us" }
            p { "A moderator will look at it. We do not know who you are, and we will not try to find out." }
            p { a href=(back) { "← Back to where you were" } }
        },
    );
    Ok(private(markup))
}

/// The queue: reported content, oldest report first; then what is hidden now.
pub async fn queue(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
) -> Result<Response, PageError> {
    let session = require(session, Action::Moderate, "/moderation")?;
    let flagged = state.store.flagged(100).await?;
    let hidden = state.store.hidden(100).await?;
    let csrf = csrf::token(&state, Binding::Session(&session.token));
    let now = now();
    let markup = view::layout(
        &chrome(&state, "Moderation", Some(&session)),
        html! {
            h1 { "Moderation" }
            p { "Reports from readers, oldest first. Hiding takes something off every public page and out of search, "
                "and tells the asker why; nothing is deleted, so it can be restored. Every decision is in the audit log." }
            @if flagged.is_empty() { p class="empty" { "Nothing is reported. Thank you for looking." } }
            @for item in &flagged {
                (flagged_item(item, &csrf, now))
            }
            h2 { "Hidden now" }
            @if hidden.is_empty() { p class="empty" { "Nothing is hidden." } }
            @for item in &hidden {
                (flagged_item(item, &csrf, now))
            }
        },
    );
    Ok(private(markup))
}

fn flagged_item(item: &Flagged, csrf: &str, now: confide_core::Timestamp) -> maud::Markup {
    let kind = item.target.kind();
    let id = item.target.id();
    let link = format!(
        "{}#{}-{}",
        confide_core::question::question_path(item.question_id, &item.question_title),
        kind,
        id
    );
    html! {
        article class="flagged" id={ "flagged-" (kind) "-" (id) } {
            p class="meta" {
                @match item.target {
                    Target::Answer(_) => "An answer",
                    Target::Reply(_) => "A reply",
                    Target::Question(_) => "A question",
                }
                " in " a href=(link) { (item.question_title) }
                @if !item.flags.is_empty() { " · " (view::plural(item.flags.len() as i64, "report", "reports")) }
            }
            @if let Some(reason) = &item.hidden {
                p class="notice hidden-content" { strong { "Hidden" } ": " (reason) }
            }
            @if !item.flags.is_empty() {
                ul class="flags" {
                    @for f in &item.flags {
                        li { strong { (f.reason.label()) } @if !f.note.is_empty() { ": " (f.note) } " · " (view::time(f.created_at, now)) }
                    }
                }
            }
            pre class="flagged-text" { (item.text) }
            form method="post" action={ "/moderation/" (kind) "/" (id) } {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="back" value="/moderation";
                @if item.hidden.is_some() {
                    button type="submit" name="action" value="restore" { "Restore" }
                } @else {
                    label for={ "reason-" (kind) "-" (id) } { "Why hide it (the asker sees this)" }
                    input id={ "reason-" (kind) "-" (id) } name="reason" type="text" maxlength="300";
                    div class="buttons" {
                        button type="submit" name="action" value="hide" { "Hide" }
                        @if !item.flags.is_empty() {
                            button type="submit" name="action" value="dismiss" class="secondary" { "Dismiss: nothing wrong" }
                        }
                    }
                }
            }
            p { a href=(view::edit_path(item.target)) { "Edit with a reason instead" } }
        }
    }
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    back: String,
}

/// Hide, restore or dismiss one question, answer or reply.
pub async fn decide(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    axum::extract::Path((kind, id)): axum::extract::Path<(String, String)>,
    PageForm(form): PageForm<DecisionForm>,
) -> Result<Response, PageError> {
    let session = require(session, Action::Moderate, "/moderation")?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    let target = Target::parse(&kind, id).map_err(|_| Error::NotFound)?;
    let resolution = Resolution::parse(&form.action, &form.reason)?;
    state
        .store
        .moderate(target, &resolution, &actor(&session), now())
        .await?;
    Ok(Redirect::to(back_to(&form.back, "/moderation")).into_response())
}

#[derive(Deserialize)]
pub struct QuestionEditForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    reason: String,
    /// A checkbox: present when ticked.
    forget_earlier: Option<String>,
}

pub async fn edit_question_form(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
) -> Result<Response, PageError> {
    let session = require(
        session,
        Action::Moderate,
        &format!("/moderation/question/{id}/edit"),
    )?;
    let thread = state
        .store
        .thread(QuestionId(id))
        .await?
        .ok_or(Error::NotFound)?;
    let q = &thread.question;
    Ok(question_edit_page(
        &state,
        &session,
        id,
        (&q.title, &q.body),
        None,
    ))
}

fn question_edit_page(
    state: &AppState,
    session: &Session,
    id: i64,
    (title, body): (&str, &str),
    error: Option<&Error>,
) -> Response {
    let csrf = csrf::token(state, Binding::Session(&session.token));
    let markup = view::layout(
        &chrome(state, "Edit a question", Some(session)),
        html! {
            p { a href={ "/q/" (id) } { "← Back to the question" } }
            h1 { "Edit a question as a moderator" }
            p { "Take out what identifies someone, or what does not belong; keep the asker's meaning. "
                "The edit is kept in the question's history with your name and reason." }
            @if let Some(e) = error {
                div class="error-summary" role="alert" { p { (e.public_message()) } }
            }
            form method="post" action={ "/moderation/question/" (id) "/edit" } {
                input type="hidden" name="csrf" value=(csrf);
                label for="title" { "Title" }
                input id="title" name="title" type="text" required maxlength="200" value=(title);
                label for="body" { "Question (Markdown)" }
                textarea id="body" name="body" rows="10" required maxlength="20000" { (body) }
                label for="reason" { "Why (shown in the history)" }
                input id="reason" name="reason" type="text" required maxlength="300";
                label class="check" {
                    input type="checkbox" name="forget_earlier" value="yes";
                    " The earlier wording identifies someone: do not keep it in the history"
                }
                button type="submit" { "Save the edit" }
            }
        },
    );
    private(markup)
}

pub async fn edit_question(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
    PageForm(form): PageForm<QuestionEditForm>,
) -> Result<Response, PageError> {
    let session = require(
        session,
        Action::Moderate,
        &format!("/moderation/question/{id}/edit"),
    )?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let edit = QuestionTitle::parse(&form.title)
        .and_then(|title| Ok((title, QuestionBody::parse(&form.body)?)))
        .and_then(|(title, body)| {
            QuestionEdit::new(
                QuestionId(id),
                title,
                body,
                session.account.id,
                &form.reason,
                form.forget_earlier.is_some(),
                now(),
            )
        });
    let edit = match edit {
        Ok(edit) => edit,
        Err(e) => {
            let mut response = question_edit_page(
                &state,
                &session,
                id,
                (&form.title, &form.body),
                Some(&Error::Invalid(e)),
            );
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
    };
    state.store.edit_question(&edit, &actor(&session)).await?;
    Ok(Redirect::to(&format!("/q/{id}")).into_response())
}

#[derive(Deserialize)]
pub struct ReplyEditForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    reason: String,
}

pub async fn edit_reply_form(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
) -> Result<Response, PageError> {
    let session = require(
        session,
        Action::Moderate,
        &format!("/moderation/reply/{id}/edit"),
    )?;
    let reply = state
        .store
        .reply(ReplyId(id))
        .await?
        .ok_or(Error::NotFound)?;
    let csrf = csrf::token(&state, Binding::Session(&session.token));
    let markup = view::layout(
        &chrome(&state, "Edit a reply", Some(&session)),
        html! {
            p { a href={ "/q/" (reply.question_id.0) "#reply-" (id) } { "← Back to the question" } }
            h1 { "Edit a reply as a moderator" }
            p { "Replies keep no history: the earlier wording is overwritten. The reply says it was edited, and why." }
            form method="post" action={ "/moderation/reply/" (id) "/edit" } {
                input type="hidden" name="csrf" value=(csrf);
                label for="body" { "Reply (Markdown)" }
                textarea id="body" name="body" rows="6" required maxlength="5000" { (reply.body) }
                label for="reason" { "Why (shown beside the reply)" }
                input id="reason" name="reason" type="text" required maxlength="300";
                button type="submit" { "Save the edit" }
            }
        },
    );
    Ok(private(markup))
}

pub async fn edit_reply(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
    PageForm(form): PageForm<ReplyEditForm>,
) -> Result<Response, PageError> {
    let session = require(
        session,
        Action::Moderate,
        &format!("/moderation/reply/{id}/edit"),
    )?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let body = ReplyBody::parse(&form.body)?;
    let reason = confide_core::moderation::moderator_reason(&form.reason)?;
    let question = state
        .store
        .edit_reply(ReplyId(id), &body, &reason, &actor(&session), now())
        .await?;
    Ok(Redirect::to(&format!("/q/{}#reply-{id}", question.0)).into_response())
}

/// Every version of a question moderators edited.
pub async fn question_revisions(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
) -> Result<Response, PageError> {
    let (thread, versions) = visible_revisions(&state, session.as_ref(), id).await?;
    let lines: Vec<view::VersionLine<'_>> = versions
        .iter()
        .map(|v| view::VersionLine {
            number: v.number,
            at: v.created_at,
            editor: v.editor.as_deref().unwrap_or("the asker"),
            reason: &v.reason,
        })
        .collect();
    let markup = view::layout(
        &chrome(&state, "History of a question", session.as_ref()),
        html! {
            p { a href=(thread.question.path()) { "← " (thread.question.title) } }
            h1 { "History of this question" }
            @if versions.is_empty() { p class="empty" { "Nobody has edited this question." } }
            (view::revision_list(&lines, &format!("/q/{id}/revisions")))
        },
    );
    Ok(page_for(session.as_ref(), markup))
}

pub async fn question_revision_diff(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    axum::extract::Path((id, number)): axum::extract::Path<(String, String)>,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    let number: i64 = number.parse().map_err(|_| Error::NotFound)?;
    let (thread, versions) = visible_revisions(&state, session.as_ref(), id).await?;
    let (Some(before), Some(after)) = (
        versions.iter().find(|v| v.number == number - 1),
        versions.iter().find(|v| v.number == number),
    ) else {
        return Err(Error::NotFound.into());
    };
    let text = |v: &confide_store::QuestionRevision| format!("{}\n\n{}", v.title, v.body);
    let markup = view::layout(
        &chrome(&state, "What changed", session.as_ref()),
        html! {
            p { a href={ "/q/" (id) "/revisions" } { "← All versions" } " · " a href=(thread.question.path()) { "the question" } }
            h1 { "Version " (before.number) " → " (after.number) }
            p { (after.editor.as_deref().unwrap_or("the asker")) ", " (after.created_at.date()) ": " (after.reason) }
            (view::diff(&text(before), &text(after)))
        },
    );
    Ok(page_for(session.as_ref(), markup))
}

async fn visible_revisions(
    state: &AppState,
    session: Option<&Session>,
    id: i64,
) -> Result<(confide_core::Thread, Vec<confide_store::QuestionRevision>), PageError> {
    let thread = state
        .store
        .thread(QuestionId(id))
        .await?
        .ok_or(Error::NotFound)?;
    let viewer = match session {
        Some(s) => Viewer::Account(s.account.clone()),
        None => Viewer::Reader,
    };
    if !viewer.may_see(&thread.question) {
        return Err(Error::NotFound.into());
    }
    let versions = state.store.question_revisions(QuestionId(id)).await?;
    Ok((thread, versions))
}
