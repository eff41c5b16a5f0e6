//! The asker's side: asking, and everything the private link allows.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use confide_core::question::{QuestionDraft, ReplyDraft};
use confide_core::{
    AnswerId, Capability, QuestionBody, QuestionId, QuestionTitle, ReplyBody, Topic,
    ValidationError,
};
use maud::html;
use serde::Deserialize;

use super::{base_url, chrome, private, similar_block};
use crate::csrf::{self, Binding};
use crate::error::PageError;
use crate::extract::{MaybeSession, PageForm, Params};
use crate::limits::{Client, Limit};
use crate::view::{self, AskerControls, ThreadControls};
use crate::{new_token, now, AppState, Error};
use confide_core::redaction::{redact, PiiKind};
use confide_search::{Filter, SearchResult};

#[derive(Deserialize, Default)]
pub struct AskForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    topic: String,
    /// `check` to look for similar questions first; anything else sends.
    #[serde(default)]
    action: String,
}

pub async fn form(State(state): State<AppState>, MaybeSession(session): MaybeSession) -> Response {
    ask_page(&state, session.as_ref(), &AskForm::default(), &[], None)
}

fn ask_page(
    state: &AppState,
    session: Option<&crate::extract::Session>,
    form: &AskForm,
    errors: &[ValidationError],
    similar: Option<&[SearchResult]>,
) -> Response {
    let csrf = csrf::token(state, Binding::Anonymous);
    let error_for = |field: &str| {
        errors.iter().find(|e| match e {
            ValidationError::UnknownTopic(_) => field == "topic",
            ValidationError::Empty { field: f }
            | ValidationError::TooLong { field: f, .. }
            | ValidationError::TooShort { field: f, .. }
            | ValidationError::ControlCharacters { field: f } => *f == field,
            _ => false,
        })
    };
    let mut chrome = chrome(state, "Ask anonymously", session);
    chrome.script = Some("/static/ask.js");
    let markup = view::layout(
        &chrome,
        html! {
            h1 { "Ask anonymously" }
            div class="reassure" {
                p { "You don't need an account, a name or an email. We don't store your IP address." }
                p { "After you send your question you get a private link. It is the only way back to your question: keep it safe." }
            }
            @if !errors.is_empty() {
                div class="error-summary" role="alert" aria-labelledby="error-summary-heading" {
                    h2 id="error-summary-heading" { "Please check your question" }
                    ul { @for e in errors { li { (sentence(e)) } } }
                }
            }
            form method="post" action="/ask" class="ask" {
                input type="hidden" name="csrf" value=(csrf);
                div class={ "field" @if error_for("title").is_some() { " invalid" } } {
                    label for="title" { "Your question in one line" }
                    p class="hint" id="title-hint" { "For example: Is it normal to cry after sex?" }
                    input id="title" name="title" type="text" maxlength="200" required
                        value=(form.title) aria-describedby="title-hint"
                        aria-invalid=[error_for("title").map(|_| "true")];
                }
                div class={ "field" @if error_for("body").is_some() { " invalid" } } {
                    label for="body" { "Tell us more" }
                    p class="hint" id="body-hint" {
                        "What happened, what worries you, what you have tried. Leave out names and places."
                    }
                    textarea id="body" name="body" rows="10" required maxlength="20000"
                        aria-describedby="body-hint"
                        aria-invalid=[error_for("body").map(|_| "true")] { (form.body) }
                }
                div class={ "field" @if error_for("topic").is_some() { " invalid" } } {
                    label for="topic" { "Topic" }
                    select id="topic" name="topic" {
                        @for t in Topic::ALL {
                            option value=(t.slug()) selected[form.topic == t.slug()] { (t.label()) }
                        }
                    }
                }
                div class="buttons" {
                    button type="submit" name="action" value="check" class="secondary" {
                        "Check for similar questions"
                    }
                    button type="submit" name="action" value="send" { "Send my question" }
                }
            }
            // Filled as the asker types (with JavaScript), or by the check button (without).
            div id="similar-live" {
                @if let Some(results) = similar { (similar_block(results)) }
            }
        },
    );
    let mut response = private(markup);
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

fn sentence(e: &ValidationError) -> String {
    match e {
        ValidationError::Empty { field: "title" } => "Write your question in one line.".into(),
        ValidationError::Empty { field: "body" } => {
            "Tell us a little more in the box below the title.".into()
        }
        ValidationError::TooLong {
            field: "title",
            max,
            ..
        } => {
            format!(
                "Keep the one-line question under {max} characters; put the rest in the box below."
            )
        }
        other => {
            let s = other.to_string();
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str() + ".")
                .unwrap_or_default()
        }
    }
}

pub async fn submit(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    headers: HeaderMap,
    client: Client,
    PageForm(form): PageForm<AskForm>,
) -> Result<Response, PageError> {
    csrf::verify(&state, Binding::Anonymous, &form.csrf)?;
    if form.action == "check" {
        let text = format!("{}\n{}", form.title, form.body);
        let filter = Filter {
            topic: None,
            answered_only: true,
        };
        let results = state
            .search
            .search(&text, &filter, 5)
            .await
            .map_err(|e| Error::Internal(e.to_string()))?;
        return Ok(ask_page(
            &state,
            session.as_ref(),
            &form,
            &[],
            Some(&results),
        ));
    }
    let title = QuestionTitle::parse(&form.title);
    let body = QuestionBody::parse(&form.body);
    let topic = Topic::parse(&form.topic);
    let (title, body, topic) = match (title, body, topic) {
        (Ok(t), Ok(b), Ok(p)) => (t, b, p),
        (t, b, p) => {
            let errors: Vec<ValidationError> =
                [t.err(), b.err(), p.err()].into_iter().flatten().collect();
            return Ok(ask_page(&state, session.as_ref(), &form, &errors, None));
        }
    };
    // Anything that could identify the asker is taken out, and they see
    // what before anything is stored. The preview's form holds the cleaned
    // text, which passes through unchanged when they send it.
    let clean_title = redact(title.as_str());
    let clean_body = redact(body.as_str());
    if clean_title.changed() || clean_body.changed() {
        let removed: Vec<PiiKind> = clean_title
            .removed
            .iter()
            .chain(&clean_body.removed)
            .map(|r| r.kind)
            .collect();
        let cleaned = AskForm {
            csrf: form.csrf.clone(),
            title: clean_title.text,
            body: clean_body.text,
            topic: form.topic.clone(),
            action: String::new(),
        };
        return Ok(redaction_preview(
            &state,
            session.as_ref(),
            &cleaned,
            &removed,
        ));
    }
    state.limits.check(Limit::Ask, &client).await?;
    let capability = new_token()?;
    let draft = QuestionDraft::new(
        title,
        body,
        topic,
        capability.hash(),
        state.config.publish,
        now(),
    );
    let id = state.store.create_question(&draft).await?;
    let (lang, country) = locale(&headers);
    let link = format!(
        "{}/private/{}",
        base_url(&state, &headers),
        capability.as_str()
    );
    let markup = view::layout(
        &chrome(&state, "Your question was sent", session.as_ref()),
        html! {
            h1 { "Your question was sent" }
            (view::help_block(&draft.triage.categories, &state.resources, &country, &lang,
                &format!("/private/{}", capability.as_str())))
            @if draft.triage.categories.is_empty() {
                p { "Question " (id) " is with our experts, who answer in the order questions arrive." }
            } @else {
                p { "Question " (id) " is with our experts. Questions like yours are answered first." }
            }
            div class="capability" {
                h2 { "Your private link" }
                p { "This link is the only way back to your question. We show it only now." }
                p class="link" { a href=(link) { (link) } }
                p {
                    "Bookmark it or copy it somewhere private. With it you can read the answers, "
                    "reply to the experts, say what helped, and erase your question."
                }
                p class="warning" {
                    "If you lose it, nobody can give it back: we don't know who you are, by design. "
                    "Anyone who has the link can act as you, so don't share it."
                }
            }
        },
    );
    let mut response = private(markup);
    *response.status_mut() = StatusCode::CREATED;
    Ok(response)
}

fn redaction_preview(
    state: &AppState,
    session: Option<&crate::extract::Session>,
    form: &AskForm,
    removed: &[PiiKind],
) -> Response {
    let mut kinds: Vec<&str> = removed.iter().map(|k| k.describe()).collect();
    kinds.dedup();
    let markup = view::layout(
        &chrome(state, "Check before sending", session),
        html! {
            h1 { "Before we send it: we took out what could identify you" }
            div class="notice" role="status" {
                p { "We removed " (kinds.join(", ")) ". Each is now a note in brackets, like "
                    code { "[name removed]" } "." }
                p { "Read it through below. You can change anything, then send it." }
            }
            form method="post" action="/ask" class="ask" {
                input type="hidden" name="csrf" value=(form.csrf);
                input type="hidden" name="topic" value=(form.topic);
                div class="field" {
                    label for="title" { "Your question in one line" }
                    input id="title" name="title" type="text" maxlength="200" required value=(form.title);
                }
                div class="field" {
                    label for="body" { "Tell us more" }
                    textarea id="body" name="body" rows="10" required maxlength="20000" { (form.body) }
                }
                button type="submit" name="action" value="send" { "Send my question" }
            }
        },
    );
    private(markup)
}

/// The reader's language and a guess at their country, from what their
/// browser says (`Accept-Language`), for choosing help. Never stored.
fn locale(headers: &HeaderMap) -> (String, String) {
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let first = accept
        .split([',', ';'])
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    let lang = if first.starts_with("es") { "es" } else { "en" };
    let country = match first.as_str() {
        "en-us" => "us",
        "en-gb" => "uk",
        "es-es" | "es" => "es",
        _ => "any",
    };
    (lang.to_owned(), country.to_owned())
}

/// Resolves a private link to its question, or says plainly that it leads nowhere.
async fn resolve(
    state: &AppState,
    capability: &str,
) -> Result<(Capability, QuestionId), PageError> {
    let lost = || PageError(Error::NotFound);
    let capability = Capability::parse(capability).ok_or_else(lost)?;
    let id = state
        .store
        .question_id_by_capability(&capability.hash())
        .await?
        .ok_or_else(lost)?;
    Ok((capability, id))
}

fn lost_link_page(state: &AppState) -> Response {
    let markup = view::layout(
        &chrome(state, "Private link not found", None),
        html! {
            h1 { "This private link doesn't lead to a question" }
            p { "The link may be mistyped or cut short, or the question was erased." }
            p {
                "A lost link can't be recovered: we never knew who asked, so we can't check it was you. "
                "You are welcome to " a href="/ask" { "ask again" } "."
            }
        },
    );
    let mut response = private(markup);
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

#[derive(Deserialize)]
pub struct CountryQuery {
    country: Option<String>,
}

pub async fn private_page(
    State(state): State<AppState>,
    Path(capability): Path<String>,
    headers: HeaderMap,
    Params(query, _): Params<CountryQuery, PageError>,
) -> Result<Response, PageError> {
    let Ok((capability, id)) = resolve(&state, &capability).await else {
        return Ok(lost_link_page(&state));
    };
    let Some(thread) = state.store.thread(id).await? else {
        return Ok(lost_link_page(&state));
    };
    // The asker is told what moderators took out of their thread, and why.
    let hidden_reasons: Vec<String> = thread
        .answers
        .iter()
        .filter_map(|a| a.hidden.clone())
        .chain(thread.replies.iter().filter_map(|r| r.hidden.clone()))
        .collect();
    let thread = thread.visible_to(&confide_core::Viewer::Asker(id));
    let base = format!("/private/{}", capability.as_str());
    let csrf = csrf::token(&state, Binding::Capability(&capability.hash()));
    let flag_csrf = csrf::token(&state, Binding::Anonymous);
    let controls = ThreadControls {
        asker: Some(AskerControls {
            base: &base,
            csrf: &csrf,
        }),
        expert: None,
        reader_csrf: None,
        flag_csrf: Some(&flag_csrf),
        moderator_csrf: None,
        here: &base,
    };
    let q = &thread.question;
    let (lang, guessed) = locale(&headers);
    let country = query
        .country
        .filter(|c| {
            crate::resources::COUNTRIES
                .iter()
                .any(|(code, _)| code == c)
        })
        .unwrap_or(guessed);
    let markup = view::layout(
        &chrome(&state, &q.title, None),
        html! {
            div class="notice private-notice" role="status" {
                p { strong { "This is your private page." } " Keep this link: it is the only way back here." }
                @if let Some(reason) = &q.hidden {
                    p { "Moderators took your question off the public pages (" (reason) "). "
                        "You can still read and reply to answers here." }
                } @else if q.is_public() {
                    p { "Your question is public, without anything that identifies you: "
                        a href=(q.path()) { "see the public page" } "." }
                } @else {
                    p { "Only you and our experts can see your question until an expert answers it." }
                }
                @if !hidden_reasons.is_empty() {
                    p { "Moderators took " (view::plural(hidden_reasons.len() as i64, "answer or reply", "answers or replies"))
                        " out of this thread: " (hidden_reasons.join("; ")) "." }
                }
            }
            (view::help_block(&q.triage, &state.resources, &country, &lang, &base))
            (view::thread(&thread, &controls, now()))
            section class="danger-zone" {
                h2 { "Erase your question" }
                p { "This deletes your question, its answers and your replies for good." }
                p { a class="button secondary" href={ (base) "/delete" } { "Erase my question…" } }
                p { "Before you do, you can " a href={ (base) "/export.json" } { "download a copy (JSON)" } "." }
            }
            section class="follow" {
                h2 { "Follow your question" }
                p { "Add " a href={ (base) "/feed.xml" } { "your private feed" }
                    " to a feed reader to hear of answers without giving us an address. "
                    "Like this page, the feed's address is secret: keep it to yourself." }
            }
        },
    );
    Ok(private(markup))
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
    Path(capability): Path<String>,
    client: Client,
    PageForm(form): PageForm<ReplyForm>,
) -> Result<Response, PageError> {
    let (capability, id) = resolve(&state, &capability).await?;
    csrf::verify(&state, Binding::Capability(&capability.hash()), &form.csrf)?;
    state.limits.check(Limit::Reply, &client).await?;
    // An asker's reply is cleaned like their question (no preview: a reply
    // is short, and the placeholders show what was taken out).
    let body = ReplyBody::parse(&redact(&form.body).text)?;
    let answer = form.answer_id.map(AnswerId);
    let draft = ReplyDraft::new(id, answer, None, body, now());
    let reply = state.store.create_reply(&draft).await?;
    Ok(Redirect::to(&format!(
        "/private/{}#reply-{}",
        capability.as_str(),
        reply.0
    ))
    .into_response())
}

#[derive(Deserialize)]
pub struct HelpfulForm {
    #[serde(default)]
    csrf: String,
    answer_id: i64,
}

pub async fn helpful(
    State(state): State<AppState>,
    Path(capability): Path<String>,
    client: Client,
    PageForm(form): PageForm<HelpfulForm>,
) -> Result<Response, PageError> {
    let (capability, id) = resolve(&state, &capability).await?;
    csrf::verify(&state, Binding::Capability(&capability.hash()), &form.csrf)?;
    state.limits.check(Limit::Vote, &client).await?;
    state
        .store
        .mark_helpful(id, AnswerId(form.answer_id), now())
        .await?;
    Ok(Redirect::to(&format!(
        "/private/{}#answer-{}",
        capability.as_str(),
        form.answer_id
    ))
    .into_response())
}

/// The asker's copy of their question and its thread, as JSON.
pub async fn export(
    State(state): State<AppState>,
    Path(capability): Path<String>,
) -> Result<Response, PageError> {
    let (_, id) = resolve(&state, &capability).await?;
    let thread = state
        .store
        .thread(id)
        .await?
        .ok_or(Error::NotFound)?
        .visible_to(&confide_core::Viewer::Asker(id));
    let body = serde_json::json!({
        "format": "confide-question-export",
        "version": 1,
        "exported_at": now().rfc3339(),
        "question": crate::api::QuestionView::from(&thread),
    });
    Ok(download(body, "confide-question.json"))
}

/// A JSON file to save, never cached on the way.
pub(crate) fn download(body: serde_json::Value, filename: &'static str) -> Response {
    use axum::http::{header, HeaderValue};
    let mut response = axum::Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

pub async fn confirm_erase(
    State(state): State<AppState>,
    Path(capability): Path<String>,
) -> Result<Response, PageError> {
    let Ok((capability, _)) = resolve(&state, &capability).await else {
        return Ok(lost_link_page(&state));
    };
    let base = format!("/private/{}", capability.as_str());
    let csrf = csrf::token(&state, Binding::Capability(&capability.hash()));
    let markup = view::layout(
        &chrome(&state, "Erase your question", None),
        html! {
            h1 { "Erase your question?" }
            p { "Your question, its answers and your replies will be deleted from our database for good. "
                "Our records will only say that a question was erased by its asker." }
            p { "This can't be undone." }
            form method="post" action={ (base) "/delete" } {
                input type="hidden" name="csrf" value=(csrf);
                button type="submit" class="danger" { "Yes, erase it" }
                " "
                a href=(base) { "No, keep it" }
            }
        },
    );
    Ok(private(markup))
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn erase(
    State(state): State<AppState>,
    Path(capability): Path<String>,
    PageForm(form): PageForm<CsrfForm>,
) -> Result<Response, PageError> {
    let (capability, id) = resolve(&state, &capability).await?;
    csrf::verify(&state, Binding::Capability(&capability.hash()), &form.csrf)?;
    state.store.erase_question(id, "asker", now()).await?;
    let markup = view::layout(
        &chrome(&state, "Your question was erased", None),
        html! {
            h1 { "Your question was erased" }
            p { "It is gone from our database, with its answers and your replies. Your private link no longer works." }
            p { a href="/" { "Back to the answers" } }
        },
    );
    Ok(private(markup))
}
