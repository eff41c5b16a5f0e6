//! What anonymous readers see: the answered questions and each thread.

use axum::extract::State;
use axum::response::Response;
use confide_core::{Action, QuestionId, Topic, Viewer};
use confide_store::Cursor;
use maud::html;
use serde::Deserialize;

use super::{chrome, page_bytes, private};
use crate::error::PageError;
use crate::extract::{MaybeSession, PageId, Params, Session};
use crate::i18n::{m, Ui};
use crate::view::{self, ExpertControls, ThreadControls};
use crate::{csrf, now, AppState, Error};

#[derive(Deserialize)]
pub struct HomeQuery {
    topic: Option<String>,
    after: Option<String>,
}

pub async fn home(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    Params(query, _): Params<HomeQuery, PageError>,
) -> Result<Response, PageError> {
    let tr = ui.tr;
    let topic = match query.topic.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => Some(Topic::parse(t)?),
        None => None,
    };
    let after = match query.after.as_deref().filter(|a| !a.is_empty()) {
        Some(a) => Some(Cursor::decode(a).ok_or(Error::BadRequest {
            code: "bad_cursor",
            message: "That page link is broken. Start again from the first page.".into(),
        })?),
        None => None,
    };
    // Readers without a session all see the same first pages: keep them.
    let keep = session.is_none() && after.is_none();
    if let Some(html) = keep
        .then(|| state.pages.get_list(topic, tr.lang()))
        .flatten()
    {
        return Ok(page_bytes(html));
    }
    let seen = state.pages.seq();
    let list = state.store.public_questions(topic, after, 20).await?;
    let now = now();
    let heading = topic.map_or_else(
        || tr.text(m::HOME_RECENTLY_ANSWERED),
        |t| view::topic_name(t, tr),
    );
    let title = tr.text(m::NAV_ANSWERS);
    // Kept for every reader: the switcher comes back to the list itself,
    // not to whatever address this reader typed.
    let ui = ui.at(topic.map_or_else(|| "/".to_owned(), |t| format!("/?topic={}", t.slug())));
    let markup = view::layout(
        &chrome(&state, &ui, &title, session.as_ref()),
        html! {
            section class="welcome" {
                h1 { (tr.text(m::HOME_HEADING)) }
                p { (tr.text(m::HOME_INTRO)) }
                p { a class="button" href="/ask" { (tr.text(m::NAV_ASK)) } }
            }
            nav class="topics" aria-label=(tr.text(m::HOME_TOPICS)) {
                a href="/" aria-current=[topic.is_none().then_some("page")] { (tr.text(m::HOME_ALL_TOPICS)) }
                @for t in Topic::ALL {
                    a href={ "/?topic=" (t.slug()) } aria-current=[(topic == Some(t)).then_some("page")] { (view::topic_name(t, tr)) }
                }
            }
            h2 { (heading) }
            @if let Some(t) = topic {
                p class="hint" { a href={ "/topics/" (t.slug()) ".xml" } { (tr.text(m::HOME_FOLLOW_TOPIC)) } }
            }
            (view::summaries(&list.questions, now, &tr.text(m::HOME_EMPTY), tr))
            @if let Some(next) = list.next {
                p class="pager" {
                    a href={ "/?" @if let Some(t) = topic { "topic=" (t.slug()) "&" } "after=" (next.encode()) } {
                        (tr.text(m::HOME_OLDER))
                    }
                }
            }
        },
    );
    let html = axum::body::Bytes::from(markup.into_string());
    let response = page_bytes(html.clone());
    if keep {
        state.pages.put_list(topic, tr.lang(), html, seen);
    }
    Ok(response)
}

/// `/q/{id}` and `/q/{id}/{slug}`: the slug is for people and search
/// engines; the id alone decides the page.
pub async fn question(
    state: State<AppState>,
    session: MaybeSession,
    ui: Ui,
    id: PageId,
) -> Result<Response, PageError> {
    question_page(state, session, ui, QuestionId(id.get()), None).await
}

/// A draft answer to show again with its preview.
pub(crate) struct Draft {
    pub markdown: String,
    pub preview_html: String,
    pub references: String,
}

pub(crate) async fn question_page(
    State(state): State<AppState>,
    MaybeSession(session): MaybeSession,
    ui: Ui,
    id: QuestionId,
    draft: Option<Draft>,
) -> Result<Response, PageError> {
    let tr = ui.tr;
    let viewer = match &session {
        Some(s) => Viewer::Account(s.account.clone()),
        None => Viewer::Reader,
    };
    // Readers without a session all see the same page: serve it rendered.
    let cacheable = session.is_none() && draft.is_none();
    if cacheable {
        if let Some(html) = state.pages.get(id, tr.lang()) {
            return Ok(page_bytes(html));
        }
    }
    let seen = state.pages.seq();
    let thread = state.store.thread(id).await?.ok_or(Error::NotFound)?;
    if !viewer.may_see(&thread.question) {
        return Err(Error::NotFound.into());
    }
    let thread = thread.visible_to(&viewer);
    let here = thread.question.path();
    let now = now();
    let csrf_token = session
        .as_ref()
        .map(|s| csrf::token(&state, csrf::Binding::Session(&s.token)))
        .unwrap_or_default();
    let reader_csrf = csrf::token(&state, csrf::Binding::Anonymous);
    let controls = ThreadControls {
        reader_csrf: (session.is_none() && thread.question.is_public())
            .then_some(reader_csrf.as_str()),
        flag_csrf: (!viewer.moderates()).then_some(reader_csrf.as_str()),
        moderator_csrf: viewer.moderates().then_some(csrf_token.as_str()),
        here: &here,
        asker: None,
        expert: session.as_ref().map(|s: &Session| ExpertControls {
            account: &s.account,
            csrf: &csrf_token,
            may_answer: s.account.may(Action::Answer),
            may_reply: s.account.may(Action::ReplyInThread),
            draft: draft.as_ref().map(|d| d.markdown.as_str()),
            preview: draft.as_ref().map(|d| d.preview_html.as_str()),
            references: draft.as_ref().map(|d| d.references.as_str()),
            editing: false,
            may_forget_earlier: false,
        }),
    };
    let is_public = thread.question.is_public();
    // Related questions are a help, not a requirement: ranking them is the
    // dearest part of the page, so it happens in the background and the
    // page shows them from the next view on (and is only kept once it does).
    let related = state.search.ready_related(id, 5);
    if related.is_none() && is_public {
        state.search.prepare_related(id, 5);
    }
    let related_ready = related.is_some();
    let related = related.unwrap_or_default();
    let ui = ui.at(here.clone());
    let markup = view::layout(
        &chrome(&state, &ui, &thread.question.title, session.as_ref()),
        html! {
            @if !is_public {
                p class="notice" role="status" { (tr.text(m::QUESTION_NOT_PUBLIC)) }
            }
            @if session.is_some() && !thread.question.triage.is_empty() {
                p class="notice triage" {
                    strong { (tr.text(m::QUESTION_TRIAGE)) } " "
                    @for (i, c) in thread.question.triage.iter().enumerate() {
                        @if i > 0 { ", " }
                        (view::triage_name(*c, tr))
                    }
                    ". " (tr.text(m::QUESTION_TRIAGE_SHOWN))
                }
            }
            (view::thread(&thread, &controls, now, tr))
            @if !related.is_empty() {
                section class="related" aria-labelledby="related-heading" {
                    h2 id="related-heading" { (tr.text(m::QUESTION_RELATED)) }
                    (super::search::result_list(&related, "", tr))
                }
            }
        },
    );
    // Staff views of a private question must not be cached anywhere.
    Ok(if is_public && session.is_none() {
        let html = axum::body::Bytes::from(markup.into_string());
        let response = page_bytes(html.clone());
        if cacheable && related_ready {
            state.pages.put(id, tr.lang(), html, seen);
        }
        response
    } else {
        private(markup)
    })
}
