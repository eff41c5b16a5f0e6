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
    MaybeSession(session): MaybeSession,
) -> Response {
    apply_page(
        &state,
        session.as_ref(),
        &ApplyForm::default(),
        None,
        StatusCode::OK,
    )
}

fn apply_page(
    state: &AppState,
    session: Option<&Session>,
    form: &ApplyForm,
    error: Option<&Error>,
    status: StatusCode,
) -> Response {
    let csrf = csrf::token(state, Binding::Anonymous);
    let field = |id: &str, label: &str, hint: &str, value: &str, kind: &str, max: u32| {
        html! {
            div class="field" {
                label for=(id) { (label) }
                @if !hint.is_empty() { p class="hint" id={ (id) "-hint" } { (hint) } }
                input id=(id) name=(id) type=(kind) required maxlength=(max) value=(value)
                    aria-describedby=[(!hint.is_empty()).then(|| format!("{id}-hint"))];
            }
        }
    };
    let markup = view::layout(
        &chrome(state, "Apply to answer as an expert", session),
        html! {
            h1 { "Apply to answer as an expert" }
            p { "People here ask what they cannot ask anyone else, and trust the answer because someone checked who wrote it. "
                "An administrator checks your registration with the body that issued it before you can answer. "
                "Readers see your name, your profession and the date you were verified; your licence number and "
                "statement are seen by administrators only." }
            @if let Some(e) = error {
                div class="error-summary" role="alert" { p { (e.public_message()) } }
            }
            form method="post" action="/experts/apply" {
                input type="hidden" name="csrf" value=(csrf);
                (field("display_name", "Your name, as readers will see it", "", &form.display_name, "text", 80))
                (field("profession", "Your profession", "For example: Sexual health nurse; Psychosexual therapist; GP", &form.profession, "text", 200))
                (field("licence_number", "Licence or registration number", "", &form.licence_number, "text", 80))
                (field("licence_body", "The body that issued it", "For example: the nursing and midwifery regulator of your country", &form.licence_body, "text", 160))
                (field("check_url", "A public page where we can check it", "The regulator's register entry, starting with https://", &form.check_url, "url", 500))
                div class="field" {
                    label for="statement" { "Why you want to answer here, and what you know best" }
                    textarea id="statement" name="statement" rows="5" required maxlength="2000" { (form.statement) }
                }
                (field("handle", "Login handle", "3–32 of a–z, 0–9, '.', '-' and '_'. Never shown to readers.", &form.handle, "text", 32))
                div class="field" {
                    label for="password" { "Password" }
                    p class="hint" id="password-hint" { "At least 10 characters. A few random words make a strong one." }
                    input id="password" name="password" type="password" autocomplete="new-password" required minlength="10"
                        aria-describedby="password-hint";
                }
                button type="submit" { "Send my application" }
            }
        },
    );
    let mut response = private(markup);
    *response.status_mut() = status;
    response
}

pub async fn apply(
    State(state): State<AppState>,
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
pub async fn application_status(state: &AppState, session: &Session) -> Result<Response, Error> {
    let application = state.store.application(session.account.id).await?;
    let markup = view::layout(
        &chrome(state, "Your application", Some(session)),
        html! {
            h1 { "Your application" }
            @match &application {
                None => { p { "This account is not verified, so it cannot answer or see private questions. Please contact the administrators of this site." } }
                Some(a) => {
                    @match a.status {
                        ApplicationStatus::Pending => {
                            p { "Thank you. An administrator will check your registration with "
                                (a.licence_body) " and decide. Until then you cannot answer or see private questions." }
                        }
                        ApplicationStatus::Verified => { p { "You are verified." } }
                        ApplicationStatus::Rejected => {
                            p { "Your application was not accepted: " (a.decision_note.as_deref().unwrap_or("no reason was given")) "." }
                        }
                        ApplicationStatus::Revoked => {
                            p { "Your verification was withdrawn: " (a.decision_note.as_deref().unwrap_or("no reason was given"))
                                ". Your answers stay, without the verified badge." }
                        }
                    }
                    (application_details(a))
                }
            }
            p { a href="/expert/account" { "Your account, export and deletion" } }
        },
    );
    Ok(private(markup))
}

fn application_details(a: &Application) -> Markup {
    html! {
        dl class="application" {
            dt { "Name" } dd { (a.display_name) }
            dt { "Profession" } dd { (a.profession) }
            dt { "Registration" } dd { (a.licence_number) ", " (a.licence_body) }
            dt { "Where to check it" } dd { a href=(a.check_url) rel="noopener noreferrer nofollow" { (a.check_url) } }
            dt { "Statement" } dd { (a.statement) }
            dt { "Applied" } dd { (a.created_at.date()) }
        }
    }
}

/// The admins' page: applications to decide, then everyone decided.
pub async fn admin_page(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
) -> Result<Response, PageError> {
    let session = require(session, Action::VerifyExperts, "/admin/experts")?;
    let all = state.store.applications(None, 500).await?;
    let csrf = csrf::token(&state, Binding::Session(&session.token));
    let (pending, decided): (Vec<&Application>, Vec<&Application>) = all
        .iter()
        .partition(|a| a.status == ApplicationStatus::Pending);
    let markup = view::layout(
        &chrome(&state, "Experts", Some(&session)),
        html! {
            h1 { "Expert applications" }
            p { "Check each registration on the issuing body's own register before verifying. "
                "Readers see the badge with the profession and the date; revoking takes it off every answer at once." }
            h2 { "Waiting for a decision" }
            @if pending.is_empty() { p class="empty" { "No application is waiting." } }
            @for a in &pending {
                article class="application" id={ "application-" (a.handle) } {
                    h3 { (a.display_name) " · " (a.profession) }
                    (application_details(a))
                    (decision_form(&a.handle, &csrf, &["verify", "reject"]))
                }
            }
            h2 { "Decided" }
            @if decided.is_empty() { p class="empty" { "Nothing decided yet." } }
            ul class="decided" {
                @for a in &decided {
                    li id={ "application-" (a.handle) } {
                        strong { (a.display_name) } " · " (a.profession) " · " (a.status.as_str())
                        @if let Some(at) = a.decided_at { " " (at.date()) }
                        @if let Some(note) = &a.decision_note { ": " (note) }
                        @match a.status {
                            ApplicationStatus::Verified => { (decision_form(&a.handle, &csrf, &["revoke"])) }
                            ApplicationStatus::Revoked => { (decision_form(&a.handle, &csrf, &["verify"])) }
                            _ => {}
                        }
                    }
                }
            }
            p class="hint" { "Accounts the operator made with " code { "confide account create" } " are verified from the start; "
                code { "confide expert revoke HANDLE --reason …" } " works for them too." }
        },
    );
    Ok(private(markup))
}

fn decision_form(handle: &str, csrf: &str, actions: &[&str]) -> Markup {
    let needs_reason = actions.iter().any(|a| *a != "verify");
    html! {
        form method="post" action={ "/admin/experts/" (handle) } class="decision" {
            input type="hidden" name="csrf" value=(csrf);
            @if needs_reason {
                label for={ "reason-" (handle) } { "Reason (needed to reject or revoke; the applicant sees it)" }
                input id={ "reason-" (handle) } name="reason" type="text" maxlength="300";
            }
            div class="buttons" {
                @for action in actions {
                    button type="submit" name="action" value=(action)
                        class=[(*action != "verify").then_some("secondary")] {
                        @match *action { "verify" => "Verify", "reject" => "Reject", _ => "Revoke" }
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
