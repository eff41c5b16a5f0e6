//! Server-rendered pages. Every flow works without JavaScript.

mod ask;
mod expert;
mod experts;
mod feeds;
mod moderation;
mod public;
pub(crate) mod search;

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use maud::Markup;

use crate::csrf::{self, Binding};
use crate::error::PageError;
use crate::extract::{Params, Session};
use crate::i18n::{local_path, Lang, Ui, LANG_COOKIE};
use crate::view::Chrome;
use crate::{AppState, Error};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(public::home))
        .route("/q/{id}", get(public::question))
        .route("/q/{id}/{slug}", get(public::question))
        .route("/ask", get(ask::form).post(ask::submit))
        .route("/search", get(search::search_page))
        .route("/static/ask.js", get(ask_script))
        .route("/static/exit.js", get(exit_script))
        .route("/static/help.js", get(help_script))
        .route("/private/{capability}", get(ask::private_page))
        .route("/private/{capability}/replies", post(ask::reply))
        .route("/private/{capability}/helpful", post(ask::helpful))
        .route(
            "/private/{capability}/delete",
            get(ask::confirm_erase).post(ask::erase),
        )
        .route("/private/{capability}/export.json", get(ask::export))
        .route("/expert/account", get(expert::account_page))
        .route("/private/{capability}/feed.xml", get(feeds::private_feed))
        .route("/topics/{slug}", get(feeds::topic_feed))
        .route("/answers/{id}/reviews", post(expert::review))
        .route("/answers/{id}/helped", post(expert::helped))
        .route("/reviews/{id}/withdraw", post(expert::withdraw_review))
        .route("/reviews/{id}/close", post(expert::close_review))
        .route("/answers/{id}/revisions", get(expert::revisions))
        .route(
            "/answers/{id}/revisions/{number}",
            get(expert::revision_diff),
        )
        .route("/answers/{id}/confirm", post(expert::confirm_reviewed))
        .route("/expert/reviews", get(expert::reviews_due))
        .route("/expert/account/export.json", get(expert::export_account))
        .route("/expert/account/delete", post(expert::forget_account))
        .route(
            "/expert/account/notifications",
            post(expert::save_notifications),
        )
        .route("/login", get(expert::login_form).post(expert::login))
        .route("/logout", post(expert::logout))
        .route("/expert", get(expert::queue))
        .route("/q/{id}/answers", post(expert::answer))
        .route("/q/{id}/replies", post(expert::reply))
        .route(
            "/answers/{id}/edit",
            get(expert::edit_form).post(expert::edit),
        )
        .route("/flags", post(moderation::flag))
        .route("/moderation", get(moderation::queue))
        .route("/moderation/{kind}/{id}", post(moderation::decide))
        .route(
            "/moderation/question/{id}/edit",
            get(moderation::edit_question_form).post(moderation::edit_question),
        )
        .route(
            "/moderation/reply/{id}/edit",
            get(moderation::edit_reply_form).post(moderation::edit_reply),
        )
        .route("/q/{id}/revisions", get(moderation::question_revisions))
        .route(
            "/q/{id}/revisions/{number}",
            get(moderation::question_revision_diff),
        )
        .route(
            "/experts/apply",
            get(experts::apply_form).post(experts::apply),
        )
        .route("/admin/experts", get(experts::admin_page))
        .route("/admin/experts/{handle}", post(experts::decide))
        .route("/language", get(switch_language).post(switch_language_form))
        .route("/static/site.css", get(stylesheet))
        .route("/robots.txt", get(robots))
        .route("/health", get(health))
}

pub(crate) use search::similar_block;

pub(crate) fn chrome<'a>(
    state: &'a AppState,
    ui: &'a Ui,
    title: &'a str,
    session: Option<&'a Session>,
) -> Chrome<'a> {
    Chrome {
        title,
        ui,
        account: session.map(|s| &s.account),
        logout_csrf: session.map(|s| csrf::token(state, Binding::Session(&s.token))),
        quick_exit_url: &state.config.quick_exit_url,
        scripts: &[],
    }
}

/// A page nobody else should keep a copy of: private links, expert pages.
pub(crate) fn private(markup: Markup) -> Response {
    let mut response = Html(markup.into_string()).into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

pub(crate) fn page(markup: Markup) -> Response {
    Html(markup.into_string()).into_response()
}

/// A page already rendered (kept in the page cache): the bytes are shared.
pub(crate) fn page_bytes(html: axum::body::Bytes) -> Response {
    Html(html).into_response()
}

/// The address people reach this instance at, for links shown to askers.
pub(crate) fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.config.public_url {
        return url.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    let scheme = if state.config.tls { "https" } else { "http" };
    format!("{scheme}://{host}")
}

#[derive(serde::Deserialize)]
struct LanguageChoice {
    to: String,
    back: Option<String>,
}

/// The language switcher's form (on every page).
async fn switch_language_form(
    axum::extract::State(state): axum::extract::State<AppState>,
    crate::extract::PageForm(choice): crate::extract::PageForm<LanguageChoice>,
) -> Result<Response, PageError> {
    remember_language(&state, &choice)
}

/// The same as a plain address, `/language?to=es`, for links from elsewhere.
async fn switch_language(
    axum::extract::State(state): axum::extract::State<AppState>,
    Params(choice, _): Params<LanguageChoice, PageError>,
) -> Result<Response, PageError> {
    remember_language(&state, &choice)
}

/// Keeps the choice in a cookie that holds the language code and nothing
/// else, and goes back to the page the reader came from.
fn remember_language(state: &AppState, choice: &LanguageChoice) -> Result<Response, PageError> {
    let lang = Lang::parse(&choice.to).ok_or(Error::BadRequest {
        code: "unknown_language",
        message: "We speak English (en) and Spanish (es).".into(),
    })?;
    let back = choice.back.as_deref().and_then(local_path).unwrap_or("/");
    let secure = if state.config.tls { "; Secure" } else { "" };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        lang.code()
    );
    Ok((
        [(axum::http::header::SET_COOKIE, cookie)],
        axum::response::Redirect::to(back),
    )
        .into_response())
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/site.css"),
    )
}

async fn exit_script() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/exit.js"),
    )
}

async fn ask_script() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/ask.js"),
    )
}

async fn help_script() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/help.js"),
    )
}

async fn robots() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        "User-agent: *\nDisallow: /private/\nDisallow: /expert\nDisallow: /api/\n",
    )
}

async fn health(axum::extract::State(state): axum::extract::State<AppState>) -> impl IntoResponse {
    axum::Json(serde_json::json!({
        "status": "ok",
        "semantic_search": if state.search.semantic_enabled() { "on" } else { "off" },
        "indexed_questions": state.search.len(),
        "triage": if state.search.triage().by_meaning() { "rules+meaning" } else { "rules" },
    }))
}
