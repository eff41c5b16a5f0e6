//! Finding answers: the search page, and the similar questions shown while
//! asking.

use axum::extract::State;
use axum::response::Response;
use confide_core::Topic;
use confide_search::{Filter, SearchResult};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

use super::{chrome, page};
use crate::error::PageError;
use crate::extract::{MaybeSession, Params};
use crate::i18n::{m, Tr, Ui};
use crate::view;
use crate::{AppState, Error};

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    topic: Option<String>,
    /// "1" to show answered questions only.
    answered: Option<String>,
    /// Whose helplines to show, when the query calls for help; never stored.
    country: Option<String>,
}

pub async fn search_page(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    client: crate::limits::Client,
    ui: Ui,
    headers: axum::http::HeaderMap,
    Params(query, _): Params<SearchQuery, PageError>,
) -> Result<Response, PageError> {
    let tr = ui.tr;
    state
        .limits
        .check(crate::limits::Limit::Search, &client)
        .await?;
    let topic = match query.topic.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => Some(Topic::parse(t)?),
        None => None,
    };
    let answered_only = query.answered.as_deref() == Some("1");
    let filter = Filter {
        topic: topic.map(|t| t.slug().to_owned()),
        answered_only,
    };
    let results = state
        .search
        .search(&query.q, &filter, 20)
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    let semantic = state.search.semantic_enabled();
    // Someone may describe what just happened to them in the search box:
    // the help comes before the results.
    let country = match query.country.as_deref() {
        Some(c) if crate::resources::COUNTRIES.contains(&c) => c.to_owned(),
        _ => crate::resources::guess_country(&headers),
    };
    let help = if query.q.trim().is_empty() {
        crate::help::Help::default()
    } else {
        let found = state.search.triage().triage(&query.q).await;
        crate::help::Help::for_triage(&found, &state.resources, &country, tr)
    };
    let picker = format!("/search?q={}", query_component(&query.q));
    let page_title = tr.text(m::NAV_SEARCH);
    let mut chrome = chrome(&state, &ui, &page_title, session.as_ref());
    chrome.scripts = &["/static/help.js"];
    let markup = view::layout(
        &chrome,
        html! {
            h1 { (tr.text(m::SEARCH_HEADING)) }
            (crate::help::live("q", &country, tr,
                crate::help::block(&help, &country, tr, crate::help::Picker::Links(&picker))))
            form method="get" action="/search" class="search" role="search" {
                div class="field" {
                    label for="q" { (tr.text(m::SEARCH_QUERY_LABEL)) }
                    input id="q" name="q" type="search" value=(query.q) maxlength="500";
                }
                div class="filters" {
                    label for="topic" { (tr.text(m::SEARCH_TOPIC)) }
                    select id="topic" name="topic" {
                        option value="" { (tr.text(m::HOME_ALL_TOPICS)) }
                        @for t in Topic::ALL {
                            option value=(t.slug()) selected[topic == Some(t)] { (view::topic_name(t, tr)) }
                        }
                    }
                    label class="check" {
                        input type="checkbox" name="answered" value="1" checked[answered_only];
                        " " (tr.text(m::SEARCH_ANSWERED_ONLY))
                    }
                }
                button type="submit" { (tr.text(m::SEARCH_BUTTON)) }
            }
            @if !semantic {
                p class="notice" { (tr.text(m::SEARCH_SEMANTIC_OFF)) }
            }
            @if !query.q.trim().is_empty() {
                h2 { (tr.count(m::SEARCH_RESULTS, results.len() as i64)) }
                (result_list(&results, &tr.text(m::SEARCH_NOTHING), tr))
            }
        },
    );
    Ok(page(markup))
}

/// `text` fit to stand in an address's query.
fn query_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

pub fn result_list(results: &[SearchResult], empty: &str, tr: Tr) -> Markup {
    html! {
        @if results.is_empty() {
            p class="empty" { (empty) }
        } @else {
            ol class="questions results" {
                @for r in results {
                    li {
                        h3 { a href=(confide_core::question::question_path(r.id, &r.title)) { (r.title) } }
                        @if !r.snippet.is_empty() {
                            // Escaped by the search crate; only <mark> is added.
                            p class="excerpt" { (PreEscaped(&r.snippet)) }
                        }
                        p class="meta" {
                            @if let Ok(t) = Topic::parse(&r.topic) { (view::topic_label(t, tr)) " · " }
                            @if r.answered { (tr.text(m::SEARCH_ANSWERED)) } @else { (tr.text(m::SEARCH_NOT_ANSWERED)) }
                        }
                    }
                }
            }
        }
    }
}

/// The block on the ask page: answered questions like the one being written.
pub fn similar_block(results: &[SearchResult], tr: Tr) -> Markup {
    let same = results.first().filter(|r| r.looks_like_the_same_question());
    html! {
        section class="similar" aria-labelledby="similar-heading" aria-live="polite" {
            @if let Some(r) = same {
                div class="notice same" {
                    p { strong { (tr.text(m::SIMILAR_SAME)) } }
                    p { a href=(confide_core::question::question_path(r.id, &r.title)) { (r.title) } }
                }
            }
            h2 id="similar-heading" { (tr.text(m::SIMILAR_HEADING)) }
            (result_list(results, &tr.text(m::SIMILAR_NOTHING), tr))
        }
    }
}
