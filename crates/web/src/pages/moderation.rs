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
use crate::i18n::{m, Tr, Ui};
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
    ui: Ui,
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
    let tr = ui.tr;
    let markup = view::layout(
        &chrome(&state, &ui, &tr.text(m::MOD_FLAG_TITLE), session.as_ref()),
        html! {
            h1 { (tr.text(m::MOD_FLAG_HEADING)) }
            p { (tr.text(m::MOD_FLAG_BODY)) }
            p { a href=(back) { (tr.text(m::MOD_FLAG_BACK)) } }
        },
    );
    Ok(private(markup))
}

/// The queue: reported content, oldest report first; then what is hidden now.
pub async fn queue(
    State(state): State<AppState>,
    ui: Ui,
    MaybeSession(session): MaybeSession,
) -> Result<Response, PageError> {
    let session = require(session, Action::Moderate, "/moderation")?;
    let flagged = state.store.flagged(100).await?;
    let hidden = state.store.hidden(100).await?;
    let csrf = csrf::token(&state, Binding::Session(&session.token));
    let now = now();
    let tr = ui.tr;
    let title = tr.text(m::NAV_MODERATION);
    let markup = view::layout(
        &chrome(&state, &ui, &title, Some(&session)),
        html! {
            h1 { (title) }
            p { (tr.text(m::MOD_INTRO)) }
            @if flagged.is_empty() { p class="empty" { (tr.text(m::MOD_QUEUE_EMPTY)) } }
            @for item in &flagged {
                (flagged_item(item, &csrf, now, tr))
            }
            h2 { (tr.text(m::MOD_HIDDEN_HEADING)) }
            @if hidden.is_empty() { p class="empty" { (tr.text(m::MOD_HIDDEN_EMPTY)) } }
            @for item in &hidden {
                (flagged_item(item, &csrf, now, tr))
            }
        },
    );
    Ok(private(markup))
}

fn flagged_item(item: &Flagged, csrf: &str, now: confide_core::Timestamp, tr: Tr) -> maud::Markup {
    let kind = item.target.kind();
    let id = item.target.id();
    let link = format!(
        "{}#{}-{}",
        confide_core::question::question_path(item.question_id, &item.question_title),
        kind,
        id
    );
    let what = match item.target {
        Target::Answer(_) => m::MOD_ITEM_ANSWER,
        Target::Reply(_) => m::MOD_ITEM_REPLY,
        Target::Question(_) => m::MOD_ITEM_QUESTION,
    };
    html! {
        article class="flagged" id={ "flagged-" (kind) "-" (id) } {
            p class="meta" {
                (view::slotted(
                    &tr.text_with(what, &[("question", view::SLOT.into())]),
                    html! { a href=(link) { (item.question_title) } },
                ))
                @if !item.flags.is_empty() { " · " (tr.count(m::MOD_REPORTS, item.flags.len() as i64)) }
            }
            @if let Some(reason) = &item.hidden {
                p class="notice hidden-content" { strong { (tr.text(m::MOD_HIDDEN)) } ": " (reason) }
            }
            @if !item.flags.is_empty() {
                ul class="flags" {
                    @for f in &item.flags {
                        li { strong { (view::flag_reason(f.reason, tr)) } @if !f.note.is_empty() { ": " (f.note) } " · " (view::time(f.created_at, now, tr)) }
                    }
                }
            }
            pre class="flagged-text" { (item.text) }
            form method="post" action={ "/moderation/" (kind) "/" (id) } {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="back" value="/moderation";
                @if item.hidden.is_some() {
                    button type="submit" name="action" value="restore" { (tr.text(m::MODERATION_RESTORE)) }
                } @else {
                    label for={ "reason-" (kind) "-" (id) } { (tr.text(m::MOD_WHY_HIDE)) }
                    input id={ "reason-" (kind) "-" (id) } name="reason" type="text" maxlength="300";
                    div class="buttons" {
                        button type="submit" name="action" value="hide" { (tr.text(m::MODERATION_HIDE)) }
                        @if !item.flags.is_empty() {
                            button type="submit" name="action" value="dismiss" class="secondary" { (tr.text(m::MOD_DISMISS)) }
                        }
                    }
                }
            }
            p { a href=(view::edit_path(item.target)) { (tr.text(m::MOD_EDIT_INSTEAD)) } }
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
    ui: Ui,
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
        &ui,
        &session,
        id,
        (&q.title, &q.body),
        None,
    ))
}

fn question_edit_page(
    state: &AppState,
    ui: &Ui,
    session: &Session,
    id: i64,
    (title, body): (&str, &str),
    error: Option<&Error>,
) -> Response {
    let tr = ui.tr;
    let csrf = csrf::token(state, Binding::Session(&session.token));
    let markup = view::layout(
        &chrome(
            state,
            ui,
            &tr.text(m::MOD_EDIT_QUESTION_TITLE),
            Some(session),
        ),
        html! {
            p { a href={ "/q/" (id) } { (tr.text(m::MOD_BACK_TO_QUESTION)) } }
            h1 { (tr.text(m::MOD_EDIT_QUESTION_HEADING)) }
            p { (tr.text(m::MOD_EDIT_QUESTION_INTRO)) }
            @if let Some(e) = error {
                div class="error-summary" role="alert" { p { (crate::error::page_message(e, tr)) } }
            }
            form method="post" action={ "/moderation/question/" (id) "/edit" } {
                input type="hidden" name="csrf" value=(csrf);
                label for="title" { (tr.text(m::FIELD_TITLE)) }
                input id="title" name="title" type="text" required maxlength="200" value=(title);
                label for="body" { (tr.text(m::MOD_QUESTION_BODY)) }
                textarea id="body" name="body" rows="10" required maxlength="20000" { (body) }
                label for="reason" { (tr.text(m::MOD_WHY_IN_HISTORY)) }
                input id="reason" name="reason" type="text" required maxlength="300";
                label class="check" {
                    input type="checkbox" name="forget_earlier" value="yes";
                    " " (tr.text(m::ANSWER_FORM_FORGET))
                }
                button type="submit" { (tr.text(m::MOD_SAVE_EDIT)) }
            }
        },
    );
    private(markup)
}

pub async fn edit_question(
    State(state): State<AppState>,
    ui: Ui,
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
                &ui,
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
    ui: Ui,
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
    let tr = ui.tr;
    let csrf = csrf::token(&state, Binding::Session(&session.token));
    let markup = view::layout(
        &chrome(
            &state,
            &ui,
            &tr.text(m::MOD_EDIT_REPLY_TITLE),
            Some(&session),
        ),
        html! {
            p { a href={ "/q/" (reply.question_id.0) "#reply-" (id) } { (tr.text(m::MOD_BACK_TO_QUESTION)) } }
            h1 { (tr.text(m::MOD_EDIT_REPLY_HEADING)) }
            p { (tr.text(m::MOD_EDIT_REPLY_INTRO)) }
            form method="post" action={ "/moderation/reply/" (id) "/edit" } {
                input type="hidden" name="csrf" value=(csrf);
                label for="body" { (tr.text(m::MOD_REPLY_BODY)) }
                textarea id="body" name="body" rows="6" required maxlength="5000" { (reply.body) }
                label for="reason" { (tr.text(m::MOD_WHY_BESIDE_REPLY)) }
                input id="reason" name="reason" type="text" required maxlength="300";
                button type="submit" { (tr.text(m::MOD_SAVE_EDIT)) }
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
    ui: Ui,
    MaybeSession(session): MaybeSession,
    Id(id, _): PageId,
) -> Result<Response, PageError> {
    let (thread, versions) = visible_revisions(&state, session.as_ref(), id).await?;
    let tr = ui.tr;
    let words: Vec<(String, String)> = versions.iter().map(|v| version_words(v, tr)).collect();
    let lines: Vec<view::VersionLine<'_>> = versions
        .iter()
        .zip(&words)
        .map(|(v, (editor, reason))| view::VersionLine {
            number: v.number,
            at: v.created_at,
            editor,
            reason,
        })
        .collect();
    let markup = view::layout(
        &chrome(
            &state,
            &ui,
            &tr.text(m::MOD_HISTORY_TITLE),
            session.as_ref(),
        ),
        html! {
            p { a href=(thread.question.path()) { "← " (thread.question.title) } }
            h1 { (tr.text(m::MOD_HISTORY_HEADING)) }
            @if versions.is_empty() { p class="empty" { (tr.text(m::MOD_HISTORY_EMPTY)) } }
            (view::revision_list(&lines, &format!("/q/{id}/revisions"), tr))
        },
    );
    Ok(page_for(session.as_ref(), markup))
}

pub async fn question_revision_diff(
    State(state): State<AppState>,
    ui: Ui,
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
    let tr = ui.tr;
    let (editor, reason) = version_words(after, tr);
    let markup = view::layout(
        &chrome(&state, &ui, &tr.text(m::MOD_DIFF_TITLE), session.as_ref()),
        html! {
            p { a href={ "/q/" (id) "/revisions" } { (tr.text(m::MOD_ALL_VERSIONS)) } " · " a href=(thread.question.path()) { (tr.text(m::MOD_THE_QUESTION)) } }
            h1 { (tr.text_with(m::MOD_DIFF_HEADING, &[("before", before.number.into()), ("after", after.number.into())])) }
            p { (tr.text_with(m::MOD_DIFF_BYLINE, &[
                ("editor", editor.into()),
                ("date", tr.date(after.created_at).into()),
                ("reason", reason.into()),
            ])) }
            (view::diff(&text(before), &text(after)))
        },
    );
    Ok(page_for(session.as_ref(), markup))
}

/// Who made a version and why, for people: the asker's own wording has no
/// editor. (The first version's fixed reason is worded by `revision_list`.)
fn version_words(v: &confide_store::QuestionRevision, tr: Tr) -> (String, String) {
    let editor = match &v.editor {
        Some(editor) => editor.clone(),
        None => tr.text(m::MOD_THE_ASKER).into_owned(),
    };
    (editor, v.reason.clone())
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
