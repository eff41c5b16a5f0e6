//! Becoming a verified expert: the application form, the applicant's view
//! of where it stands, and the admins' page for deciding.

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use confide_core::expert::{
    Application, ApplicationDraft, ApplicationInput, ApplicationStatus, Decision,
};
use confide_core::{Action, Password};
use maud::{html, Markup};
use serde::Deserialize;

use super::expert::require;
use super::{chrome, private};
use crate::auth::{hash_password, session_cookie, start_session};
use crate::csrf::{self, Binding};
use crate::error::PageError;
use crate::extract::{MaybeSession, PageForm, Session};
use crate::i18n::{m, Tr, Ui};
use crate::limits::{Client, Limit};
use crate::view;
use crate::{now, AppState, Error};

#[derive(Deserialize, Default)]
pub struct ApplyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    handle: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    profession: String,
    #[serde(default)]
    licence_number: String,
    #[serde(default)]
    licence_body: String,
    #[serde(default)]
    check_url: String,
    #[serde(default)]
    statement: String,
    #[serde(default)]
    password: String,
}

pub async fn apply_form(
    State(state): State<AppState>,
    ui: Ui,
    MaybeSession(session): MaybeSession,
) -> Response {
    apply_page(
        &state,
        &ui,
        session.as_ref(),
        &ApplyForm::default(),
        None,
        StatusCode::OK,
    )
}

fn apply_page(
    state: &AppState,
    ui: &Ui,
    session: Option<&Session>,
    form: &ApplyForm,
    error: Option<&Error>,
    status: StatusCode,
) -> Response {
    let tr = ui.tr;
    let csrf = csrf::token(state, Binding::Anonymous);
    let field =
        |id: &str, label: m::Msg, hint: Option<m::Msg>, value: &str, kind: &str, max: u32| {
            let hint = hint.map(|h| tr.text(h));
            html! {
                div class="field" {
                    label for=(id) { (tr.text(label)) }
                    @if let Some(hint) = &hint { p class="hint" id={ (id) "-hint" } { (hint) } }
                    input id=(id) name=(id) type=(kind) required maxlength=(max) value=(value)
                        aria-describedby=[hint.is_some().then(|| format!("{id}-hint"))];
                }
            }
        };
    let title = tr.text(m::APPLY_TITLE);
    let markup = view::layout(
        &chrome(state, ui, &title, session),
        html! {
            h1 { (title) }
            p { (tr.text(m::APPLY_INTRO)) }
            @if let Some(e) = error {
                div class="error-summary" role="alert" { p { (crate::error::page_message(e, tr)) } }
            }
            form method="post" action="/experts/apply" {
                input type="hidden" name="csrf" value=(csrf);
                (field("display_name", m::APPLY_DISPLAY_NAME, None, &form.display_name, "text", 80))
                (field("profession", m::APPLY_PROFESSION, Some(m::APPLY_PROFESSION_HINT), &form.profession, "text", 200))
                (field("licence_number", m::APPLY_LICENCE_NUMBER, None, &form.licence_number, "text", 80))
                (field("licence_body", m::APPLY_LICENCE_BODY, Some(m::APPLY_LICENCE_BODY_HINT), &form.licence_body, "text", 160))
                (field("check_url", m::APPLY_CHECK_URL, Some(m::APPLY_CHECK_URL_HINT), &form.check_url, "url", 500))
                div class="field" {
                    label for="statement" { (tr.text(m::APPLY_STATEMENT)) }
                    textarea id="statement" name="statement" rows="5" required maxlength="2000" { (form.statement) }
                }
                (field("handle", m::APPLY_HANDLE, Some(m::APPLY_HANDLE_HINT), &form.handle, "text", 32))
                div class="field" {
                    label for="password" { (tr.text(m::FIELD_PASSWORD)) }
                    p class="hint" id="password-hint" { (tr.text(m::APPLY_PASSWORD_HINT)) }
                    input id="password" name="password" type="password" autocomplete="new-password" required minlength="10"
                        aria-describedby="password-hint";
                }
                button type="submit" { (tr.text(m::APPLY_SEND)) }
            }
        },
    );
    let mut response = private(markup);
    *response.status_mut() = status;
    response
}

pub async fn apply(
    State(state): State<AppState>,
    ui: Ui,
    client: Client,
    MaybeSession(session): MaybeSession,
    PageForm(form): PageForm<ApplyForm>,
) -> Result<Response, PageError> {
    csrf::verify(&state, Binding::Anonymous, &form.csrf)?;
    let input = ApplicationInput {
        handle: &form.handle,
        display_name: &form.display_name,
        profession: &form.profession,
        licence_number: &form.licence_number,
        licence_body: &form.licence_body,
        check_url: &form.check_url,
        statement: &form.statement,
    };
    let parsed = ApplicationDraft::parse(&input, now())
        .and_then(|draft| Ok((draft, Password::parse(&form.password)?)));
    let (draft, password) = match parsed {
        Ok(ok) => ok,
        Err(e) => {
            return Ok(apply_page(
                &state,
                &ui,
                session.as_ref(),
                &form,
                Some(&Error::Invalid(e)),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    };
    // Counted only once the form is complete: a typo costs no allowance.
    state.limits.check(Limit::Apply, &client).await?;
    let password_hash = hash_password(password).await?;
    let account = match state.store.apply_as_expert(&draft, &password_hash).await {
        Ok(id) => id,
        Err(confide_store::StoreError::Conflict(what)) => {
            return Ok(apply_page(
                &state,
                &ui,
                session.as_ref(),
                &form,
                Some(&Error::Conflict(what)),
                StatusCode::CONFLICT,
            ))
        }
        Err(e) => return Err(Error::from(e).into()),
    };
    // Logged in at once, so the applicant can see where the application stands.
    let (account, _) = state
        .store
        .account_for_login(draft.handle.as_str())
        .await?
        .filter(|(a, _)| a.id == account)
        .ok_or(Error::NotFound)?;
    let (token, _) = start_session(&state, &account).await?;
    let mut response = Redirect::to("/expert").into_response();
    if let Ok(cookie) = session_cookie(&state, &token).parse() {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    Ok(response)
}

/// What an applicant (or a revoked expert) sees instead of the queue.
pub async fn application_status(
    state: &AppState,
    ui: &Ui,
    session: &Session,
) -> Result<Response, Error> {
    let tr = ui.tr;
    let application = state.store.application(session.account.id).await?;
    let title = tr.text(m::APPLY_STATUS_TITLE);
    let markup = view::layout(
        &chrome(state, ui, &title, Some(session)),
        html! {
            h1 { (title) }
            @match &application {
                None => { p { (tr.text(m::APPLY_STATUS_NONE)) } }
                Some(a) => {
                    @let reason = a.decision_note.clone().unwrap_or_else(|| tr.text(m::APPLY_NO_REASON).into_owned());
                    @match a.status {
                        ApplicationStatus::Pending => {
                            p { (tr.text_with(m::APPLY_STATUS_PENDING, &[("body", a.licence_body.as_str().into())])) }
                        }
                        ApplicationStatus::Verified => { p { (tr.text(m::APPLY_STATUS_VERIFIED)) } }
                        ApplicationStatus::Rejected => {
                            p { (tr.text_with(m::APPLY_STATUS_REJECTED, &[("reason", reason.as_str().into())])) }
                        }
                        ApplicationStatus::Revoked => {
                            p { (tr.text_with(m::APPLY_STATUS_REVOKED, &[("reason", reason.as_str().into())])) }
                        }
                    }
                    (application_details(a, tr))
                }
            }
            p { a href="/expert/account" { (tr.text(m::APPLY_ACCOUNT_LINK)) } }
        },
    );
    Ok(private(markup))
}

fn application_details(a: &Application, tr: Tr) -> Markup {
    html! {
        dl class="application" {
            dt { (tr.text(m::APPLY_DETAIL_NAME)) } dd { (a.display_name) }
            dt { (tr.text(m::APPLY_DETAIL_PROFESSION)) } dd { (a.profession) }
            dt { (tr.text(m::APPLY_DETAIL_REGISTRATION)) } dd { (a.licence_number) ", " (a.licence_body) }
            dt { (tr.text(m::APPLY_DETAIL_CHECK)) } dd { a href=(a.check_url) rel="noopener noreferrer nofollow" { (a.check_url) } }
            dt { (tr.text(m::APPLY_DETAIL_STATEMENT)) } dd { (a.statement) }
            dt { (tr.text(m::APPLY_DETAIL_APPLIED)) } dd { (tr.date(a.created_at)) }
        }
    }
}

/// Where an application stands, and since when if it was decided.
fn status_text(a: &Application, tr: Tr) -> String {
    let (bare, dated) = match a.status {
        ApplicationStatus::Pending => (m::APPLY_STATE_PENDING, m::APPLY_STATE_PENDING_ON),
        ApplicationStatus::Verified => (m::APPLY_STATE_VERIFIED, m::APPLY_STATE_VERIFIED_ON),
        ApplicationStatus::Rejected => (m::APPLY_STATE_REJECTED, m::APPLY_STATE_REJECTED_ON),
        ApplicationStatus::Revoked => (m::APPLY_STATE_REVOKED, m::APPLY_STATE_REVOKED_ON),
    };
    match a.decided_at {
        Some(at) => tr
            .text_with(dated, &[("date", tr.date(at).into())])
            .into_owned(),
        None => tr.text(bare).into_owned(),
    }
}

/// The admins' page: applications to decide, then everyone decided.
pub async fn admin_page(
    State(state): State<AppState>,
    ui: Ui,
    MaybeSession(session): MaybeSession,
) -> Result<Response, PageError> {
    let session = require(session, Action::VerifyExperts, "/admin/experts")?;
    let tr = ui.tr;
    let all = state.store.applications(None, 500).await?;
    let csrf = csrf::token(&state, Binding::Session(&session.token));
    let (pending, decided): (Vec<&Application>, Vec<&Application>) = all
        .iter()
        .partition(|a| a.status == ApplicationStatus::Pending);
    let title = tr.text(m::NAV_EXPERTS);
    // Two commands go where the sentence has them, each as code.
    let operator_hint = tr.text_with(
        m::APPLY_ADMIN_OPERATOR_HINT,
        &[
            ("create", view::nth_slot(0).into()),
            ("revoke", view::nth_slot(1).into()),
        ],
    );
    let markup = view::layout(
        &chrome(&state, &ui, &title, Some(&session)),
        html! {
            h1 { (tr.text(m::APPLY_ADMIN_HEADING)) }
            p { (tr.text(m::APPLY_ADMIN_INTRO)) }
            h2 { (tr.text(m::APPLY_ADMIN_PENDING)) }
            @if pending.is_empty() { p class="empty" { (tr.text(m::APPLY_ADMIN_PENDING_EMPTY)) } }
            @for a in &pending {
                article class="application" id={ "application-" (a.handle) } {
                    h3 { (a.display_name) " · " (a.profession) }
                    (application_details(a, tr))
                    (decision_form(&a.handle, &csrf, &[Choice::Verify, Choice::Reject], tr))
                }
            }
            h2 { (tr.text(m::APPLY_ADMIN_DECIDED)) }
            @if decided.is_empty() { p class="empty" { (tr.text(m::APPLY_ADMIN_DECIDED_EMPTY)) } }
            ul class="decided" {
                @for a in &decided {
                    li id={ "application-" (a.handle) } {
                        strong { (a.display_name) } " · " (a.profession) " · " (status_text(a, tr))
                        @if let Some(note) = &a.decision_note { ": " (note) }
                        @match a.status {
                            ApplicationStatus::Verified => { (decision_form(&a.handle, &csrf, &[Choice::Revoke], tr)) }
                            ApplicationStatus::Revoked => { (decision_form(&a.handle, &csrf, &[Choice::Verify], tr)) }
                            _ => {}
                        }
                    }
                }
            }
            p class="hint" {
                (view::slotted_many(&operator_hint, &[
                    html! { code { "confide account create" } },
                    html! { code { "confide expert revoke HANDLE --reason …" } },
                ]))
            }
        },
    );
    Ok(private(markup))
}

/// A button on an application: what it posts, and what it says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    Verify,
    Reject,
    Revoke,
}

impl Choice {
    fn action(self) -> &'static str {
        match self {
            Choice::Verify => "verify",
            Choice::Reject => "reject",
            Choice::Revoke => "revoke",
        }
    }

    fn label(self) -> m::Msg {
        match self {
            Choice::Verify => m::APPLY_VERIFY,
            Choice::Reject => m::APPLY_REJECT,
            Choice::Revoke => m::APPLY_REVOKE,
        }
    }
}

fn decision_form(handle: &str, csrf: &str, choices: &[Choice], tr: Tr) -> Markup {
    let needs_reason = choices.iter().any(|c| *c != Choice::Verify);
    html! {
        form method="post" action={ "/admin/experts/" (handle) } class="decision" {
            input type="hidden" name="csrf" value=(csrf);
            @if needs_reason {
                label for={ "reason-" (handle) } { (tr.text(m::APPLY_REASON_LABEL)) }
                input id={ "reason-" (handle) } name="reason" type="text" maxlength="300";
            }
            div class="buttons" {
                @for choice in choices {
                    button type="submit" name="action" value=(choice.action())
                        class=[(*choice != Choice::Verify).then_some("secondary")] {
                        (tr.text(choice.label()))
                    }
                }
            }
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
}

pub async fn decide(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    axum::extract::Path(handle): axum::extract::Path<String>,
    PageForm(form): PageForm<DecisionForm>,
) -> Result<Response, PageError> {
    let session = require(session, Action::VerifyExperts, "/admin/experts")?;
    csrf::verify(&state, Binding::Session(&session.token), &form.csrf)?;
    let decision = match form.action.as_str() {
        "verify" => Decision::Verify,
        other => Decision::with_reason(other, &form.reason)?,
    };
    if handle == session.account.handle && decision != Decision::Verify {
        // An admin locking themselves out is a mistake worth refusing.
        return Err(Error::Conflict("you cannot reject or revoke yourself").into());
    }
    let actor = format!("account:{}", session.account.handle);
    state
        .store
        .decide_expert(&handle, &decision, &actor, now())
        .await?;
    Ok(Redirect::to(&format!("/admin/experts#application-{handle}")).into_response())
}
