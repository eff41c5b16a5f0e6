//! The asker's side: asking, and everything the private link allows.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use confide_core::question::{QuestionDraft, ReplyDraft};
use confide_core::{
    AnswerId, Capability, PublishPolicy, QuestionBody, QuestionId, QuestionTitle, ReplyBody,
    Thread, Timestamp, Topic, ValidationError,
};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

use super::{base_url, chrome, private, similar_block};
use crate::csrf::{self, Binding};
use crate::error::PageError;
use crate::extract::{MaybeSession, PageForm, Params};
use crate::i18n::{m, Tr, Ui};
use crate::limits::{Client, Limit};
use crate::view::{self, AskerControls, ThreadControls};
use crate::{new_token, now, AppState, Error};
use confide_core::redaction::{redact_with, PiiKind};
use confide_core::triage::{Category, Triage};
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
    /// What triage read in the text as written, carried by the redaction
    /// preview: the text sent from there is the redacted one, and a name
    /// taken out may have taken its cue along. Category ids, comma-separated.
    /// Someone who edits it can only raise their own question's urgency,
    /// which writing those words would do as well.
    #[serde(default)]
    triage: String,
    /// The country whose help the asker chose (a help block's buttons
    /// send `action=country:<code>`); never stored.
    #[serde(default)]
    country: String,
}

/// Help to show on the ask page: what triage found, for which country.
struct Help<'a> {
    triage: &'a Triage,
    country: &'a str,
}

impl Help<'_> {
    /// The help block, its countries sending the ask form back.
    fn block(&self, resources: &crate::resources::Resources, tr: Tr) -> Markup {
        crate::help::block(
            &crate::help::Help::for_triage(self.triage, resources, self.country, tr),
            self.country,
            tr,
            crate::help::Picker::Resend("ask-form"),
        )
    }
}

pub async fn form(
    State(state): State<AppState>,
    ui: Ui,
    MaybeSession(session): MaybeSession,
) -> Response {
    ask_page(
        &state,
        &ui,
        session.as_ref(),
        &AskForm::default(),
        &[],
        None,
        None,
    )
}

fn ask_page(
    state: &AppState,
    ui: &Ui,
    session: Option<&crate::extract::Session>,
    form: &AskForm,
    errors: &[ValidationError],
    similar: Option<&[SearchResult]>,
    help: Option<Help>,
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
    let tr = ui.tr;
    let title = tr.text(m::ASK_TITLE);
    // What others will read, said before anything is sent: when the site
    // publishes (see `PublishPolicy`), and that it is the text alone.
    let becomes_public = match state.config.publish {
        PublishPolicy::OnAnswer => m::ASK_REASSURE_PUBLIC_ON_ANSWER,
        PublishPolicy::Immediately => m::ASK_REASSURE_PUBLIC_IMMEDIATELY,
    };
    let mut chrome = chrome(state, ui, &title, session);
    chrome.scripts = &["/static/ask.js", "/static/help.js"];
    let markup = view::layout(
        &chrome,
        html! {
            h1 { (title) }
            div class="reassure" {
                p { (tr.text(m::ASK_REASSURE_NO_ACCOUNT)) }
                p { (tr.text(m::ASK_REASSURE_PRIVATE_LINK)) }
                p class="becomes-public" { (tr.text(becomes_public)) }
            }
            @if !errors.is_empty() {
                div class="error-summary" role="alert" aria-labelledby="error-summary-heading" {
                    h2 id="error-summary-heading" { (tr.text(m::ASK_ERRORS_HEADING)) }
                    ul { @for e in errors { li { (sentence(e, tr)) } } }
                }
            }
            // Help for what the text speaks of, as soon as it does: filled
            // as the asker types (with JavaScript), or by the check button.
            (crate::help::live("title body", help.as_ref().map_or("", |h| h.country), tr, html! {
                @if let Some(help) = &help {
                    (help.block(&state.resources, tr))
                }
            }))
            form method="post" action="/ask" class="ask" id="ask-form" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="triage" value=(form.triage);
                @if let Some(help) = &help { input type="hidden" name="country" value=(help.country); }
                div class={ "field" @if error_for("title").is_some() { " invalid" } } {
                    label for="title" { (tr.text(m::ASK_FIELD_TITLE)) }
                    p class="hint" id="title-hint" { (tr.text(m::ASK_FIELD_TITLE_HINT)) }
                    input id="title" name="title" type="text" maxlength="200" required
                        value=(form.title) aria-describedby="title-hint"
                        aria-invalid=[error_for("title").map(|_| "true")];
                }
                div class={ "field" @if error_for("body").is_some() { " invalid" } } {
                    label for="body" { (tr.text(m::ASK_FIELD_BODY)) }
                    p class="hint" id="body-hint" { (tr.text(m::ASK_FIELD_BODY_HINT)) }
                    textarea id="body" name="body" rows="10" required maxlength="20000"
                        aria-describedby="body-hint"
                        aria-invalid=[error_for("body").map(|_| "true")] { (form.body) }
                }
                div class={ "field" @if error_for("topic").is_some() { " invalid" } } {
                    label for="topic" { (tr.text(m::ASK_FIELD_TOPIC)) }
                    select id="topic" name="topic" {
                        @for t in Topic::ALL {
                            option value=(t.slug()) selected[form.topic == t.slug()] { (view::topic_name(t, tr)) }
                        }
                    }
                }
                div class="buttons" {
                    button type="submit" name="action" value="check" class="secondary" {
                        (tr.text(m::ASK_CHECK_SIMILAR))
                    }
                    button type="submit" name="action" value="send" { (tr.text(m::ASK_SEND)) }
                }
            }
            // Filled as the asker types (with JavaScript), or by the check
            // button (without). The script takes its words from here, so
            // it speaks the page's language.
            div id="similar-live"
                data-same=(tr.text(m::SIMILAR_SAME))
                data-found=(tr.text(m::SIMILAR_HEADING))
                data-nothing=(tr.text(m::SIMILAR_NOTHING_YET)) {
                @if let Some(results) = similar { (similar_block(results, tr)) }
            }
        },
    );
    let mut response = private(markup);
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

/// What to fix, in words for the asker; the fields of this form get
/// sentences of their own, anything else the site's usual wording.
fn sentence(e: &ValidationError, tr: Tr) -> String {
    let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    let text = match e {
        ValidationError::Empty { field: "title" } => tr.text(m::ASK_ERROR_TITLE_EMPTY),
        ValidationError::Empty { field: "body" } => tr.text(m::ASK_ERROR_BODY_EMPTY),
        ValidationError::TooLong {
            field: "title",
            max,
            ..
        } => tr.text_with(m::ASK_ERROR_TITLE_TOO_LONG, &[("max", n(*max).into())]),
        ValidationError::TooLong {
            field: "body",
            len,
            max,
        } => tr.text_with(
            m::ASK_ERROR_BODY_TOO_LONG,
            &[("len", n(*len).into()), ("max", n(*max).into())],
        ),
        ValidationError::ControlCharacters { field: "title" } => {
            tr.text(m::ASK_ERROR_TITLE_CONTROL_CHARACTERS)
        }
        ValidationError::ControlCharacters { field: "body" } => {
            tr.text(m::ASK_ERROR_BODY_CONTROL_CHARACTERS)
        }
        ValidationError::UnknownTopic(topic) => tr.text_with(
            m::ASK_ERROR_UNKNOWN_TOPIC,
            &[("topic", topic.as_str().into())],
        ),
        other => return crate::error::page_message(&Error::Invalid(other.clone()), tr),
    };
    text.into_owned()
}

pub async fn submit(
    State(state): State<AppState>,
    ui: Ui,
    MaybeSession(session): MaybeSession,
    headers: HeaderMap,
    client: Client,
    PageForm(form): PageForm<AskForm>,
) -> Result<Response, PageError> {
    csrf::verify(&state, Binding::Anonymous, &form.csrf)?;
    let country =
        chosen_country(&form).unwrap_or_else(|| crate::resources::guess_country(&headers));
    // A country picked in the help block shows this step again with that
    // country's help: nothing is sent.
    if form.action == "check" || form.action.starts_with("country:") {
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
        let found = state
            .search
            .triage()
            .triage(&text)
            .await
            .with_earlier(&carried_triage(&form.triage));
        return Ok(ask_page(
            &state,
            &ui,
            session.as_ref(),
            &form,
            &[],
            Some(&results),
            Some(Help {
                triage: &found,
                country: &country,
            }),
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
            return Ok(ask_page(
                &state,
                &ui,
                session.as_ref(),
                &form,
                &errors,
                None,
                None,
            ));
        }
    };
    // Triage reads the text as written, before redaction; only the
    // redacted text is stored.
    let as_written = state
        .search
        .triage()
        .triage(&format!("{}\n{}", title.as_str(), body.as_str()))
        .await
        .with_earlier(&carried_triage(&form.triage));
    // Anything that could identify the asker is taken out, and they see
    // what before anything is stored. The preview's form holds the cleaned
    // text, which passes through unchanged when they send it.
    let clean_title = redact_with(title.as_str(), |k| placeholder(k, ui.tr));
    let clean_body = redact_with(body.as_str(), |k| placeholder(k, ui.tr));
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
            country: country.clone(),
            triage: as_written
                .categories
                .iter()
                .map(|c| c.id())
                .collect::<Vec<_>>()
                .join(","),
        };
        return Ok(redaction_preview(
            &state,
            &ui,
            session.as_ref(),
            &cleaned,
            &removed,
            Help {
                triage: &as_written,
                country: &country,
            },
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
    )
    .with_triage(as_written);
    let id = state.store.create_question(&draft).await?;
    let link = format!(
        "{}/private/{}",
        base_url(&state, &headers),
        capability.as_str()
    );
    let tr = ui.tr;
    let title = tr.text(m::ASK_SENT_TITLE);
    // The number as it is written in links, not as a quantity ("1,234").
    let number = id.to_string();
    let markup = view::layout(
        &chrome(&state, &ui, &title, session.as_ref()),
        html! {
            h1 { (title) }
            (crate::help::block(&crate::help::Help::for_triage(&draft.triage, &state.resources, &country, tr),
                &country, tr, crate::help::Picker::Links(&format!("/private/{}", capability.as_str()))))
            @if draft.triage.categories.is_empty() {
                p { (tr.text_with(m::ASK_SENT_QUEUED, &[("id", number.as_str().into())])) }
            } @else {
                p { (tr.text_with(m::ASK_SENT_PRIORITISED, &[("id", number.as_str().into())])) }
            }
            div class="capability" {
                h2 { (tr.text(m::ASK_LINK_HEADING)) }
                p { (tr.text(m::ASK_LINK_ONLY_NOW)) }
                p class="link" { a href=(link) { (link) } }
                p { (tr.text(m::ASK_LINK_KEEP)) }
                p class="warning" { (tr.text(m::ASK_LINK_WARNING)) }
            }
        },
    );
    let mut response = private(markup);
    *response.status_mut() = StatusCode::CREATED;
    Ok(response)
}

/// The categories a preview carried; anything unknown is dropped.
fn carried_triage(ids: &str) -> Vec<Category> {
    ids.split(',')
        .filter_map(|id| Category::parse(id.trim()))
        .collect()
}

/// The country the asker picked, from a help block's button or carried
/// from the step before; only those we list help for.
fn chosen_country(form: &AskForm) -> Option<String> {
    let picked = form
        .action
        .strip_prefix("country:")
        .unwrap_or(&form.country);
    crate::resources::COUNTRIES
        .iter()
        .find(|&&code| code == picked)
        .map(|&code| code.to_owned())
}

/// What stands in the stored text where something identifying was: in
/// the asker's language, since they and the experts read it there.
fn placeholder(kind: PiiKind, tr: Tr) -> String {
    let msg = match kind {
        PiiKind::Email => m::ASK_REMOVED_EMAIL,
        PiiKind::Phone => m::ASK_REMOVED_PHONE,
        PiiKind::Url => m::ASK_REMOVED_URL,
        PiiKind::Handle => m::ASK_REMOVED_HANDLE,
        PiiKind::Address => m::ASK_REMOVED_ADDRESS,
        PiiKind::Name => m::ASK_REMOVED_NAME,
        PiiKind::Place => m::ASK_REMOVED_PLACE,
    };
    tr.text(msg).into_owned()
}

fn redaction_preview(
    state: &AppState,
    ui: &Ui,
    session: Option<&crate::extract::Session>,
    form: &AskForm,
    removed: &[PiiKind],
    help: Help,
) -> Response {
    let tr = ui.tr;
    let mut kinds: Vec<_> = removed.iter().map(|k| tr.text(pii_kind(*k))).collect();
    kinds.dedup();
    let title = tr.text(m::ASK_REDACTED_TITLE);
    let notice = tr.text_with(
        m::ASK_REDACTED_NOTICE,
        &[
            ("kinds", kinds.join(", ").into()),
            ("example", view::SLOT.into()),
        ],
    );
    let markup = view::layout(
        &chrome(state, ui, &title, session),
        html! {
            h1 { (tr.text(m::ASK_REDACTED_HEADING)) }
            div class="notice" role="status" {
                // The note is what the stored text holds, word for word.
                p { (view::slotted(&notice, html! { code { (placeholder(PiiKind::Name, tr)) } })) }
                p { (tr.text(m::ASK_REDACTED_READ)) }
            }
            (help.block(&state.resources, tr))
            form method="post" action="/ask" class="ask" id="ask-form" {
                input type="hidden" name="csrf" value=(form.csrf);
                input type="hidden" name="topic" value=(form.topic);
                input type="hidden" name="triage" value=(form.triage);
                input type="hidden" name="country" value=(help.country);
                div class="field" {
                    label for="title" { (tr.text(m::ASK_FIELD_TITLE)) }
                    input id="title" name="title" type="text" maxlength="200" required value=(form.title);
                }
                div class="field" {
                    label for="body" { (tr.text(m::ASK_FIELD_BODY)) }
                    textarea id="body" name="body" rows="10" required maxlength="20000" { (form.body) }
                }
                button type="submit" name="action" value="send" { (tr.text(m::ASK_SEND)) }
            }
        },
    );
    private(markup)
}

/// What was taken out, for the preview: "an email address", "a name".
fn pii_kind(kind: PiiKind) -> crate::i18n::Msg {
    match kind {
        PiiKind::Email => m::ASK_PII_EMAIL,
        PiiKind::Phone => m::ASK_PII_PHONE,
        PiiKind::Url => m::ASK_PII_URL,
        PiiKind::Handle => m::ASK_PII_HANDLE,
        PiiKind::Address => m::ASK_PII_ADDRESS,
        PiiKind::Name => m::ASK_PII_NAME,
        PiiKind::Place => m::ASK_PII_PLACE,
    }
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

fn lost_link_page(state: &AppState, ui: &Ui) -> Response {
    let tr = ui.tr;
    let title = tr.text(m::ASK_LOST_TITLE);
    let markup = view::layout(
        &chrome(state, ui, &title, None),
        html! {
            h1 { (tr.text(m::ASK_LOST_HEADING)) }
            p { (tr.text(m::ASK_LOST_WHY)) }
            p {
                (view::slotted(&tr.text_with(m::ASK_LOST_ADVICE, &[("link", view::SLOT.into())]),
                    html! { a href="/ask" { (tr.text(m::ASK_LOST_ASK_AGAIN)) } }))
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
    ui: Ui,
    Path(capability): Path<String>,
    headers: HeaderMap,
    Params(query, _): Params<CountryQuery, PageError>,
) -> Result<Response, PageError> {
    let Ok((capability, id)) = resolve(&state, &capability).await else {
        return Ok(lost_link_page(&state, &ui));
    };
    let Some(thread) = state.store.thread(id).await? else {
        return Ok(lost_link_page(&state, &ui));
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
    let country = query
        .country
        .filter(|c| crate::resources::COUNTRIES.contains(&c.as_str()))
        .unwrap_or_else(|| crate::resources::guess_country(&headers));
    let tr = ui.tr;
    let link = |msg| tr.text_with(msg, &[("link", view::SLOT.into())]);
    // Never the question's words in the title: tabs, history and the
    // window switcher show it to anyone glancing at the screen.
    let title = tr.text(m::ASK_PRIVATE_TITLE);
    // Where what the asker writes will be read, as the question stands.
    let reply_label = tr.text(if q.hidden.is_some() {
        m::ASK_PRIVATE_REPLY_HIDDEN
    } else if q.is_public() {
        m::ASK_PRIVATE_REPLY_PUBLIC
    } else {
        m::ASK_PRIVATE_REPLY_ON_ANSWER
    });
    let markup = view::layout(
        &chrome(&state, &ui, &title, None),
        html! {
            div class="notice private-notice" role="status" {
                p { strong { (tr.text(m::ASK_PRIVATE_YOURS)) } " " (tr.text(m::ASK_PRIVATE_KEEP)) }
                @if let Some(reason) = &q.hidden {
                    p { (tr.text_with(m::ASK_PRIVATE_HIDDEN_QUESTION, &[("reason", reason.as_str().into())])) }
                } @else if q.is_public() {
                    p { (view::slotted(&link(m::ASK_PRIVATE_PUBLIC),
                        html! { a href=(q.path()) { (tr.text(m::ASK_PRIVATE_SEE_PUBLIC)) } })) }
                } @else {
                    p { (tr.text(m::ASK_PRIVATE_NOT_PUBLIC)) }
                }
                @if !hidden_reasons.is_empty() {
                    p { (tr.text_with(m::ASK_PRIVATE_HIDDEN_CONTENT, &[
                        ("count", (hidden_reasons.len() as i64).into()),
                        ("reasons", hidden_reasons.join("; ").into()),
                    ])) }
                }
            }
            (crate::help::block(&crate::help::Help::for_categories(&q.triage, None, &state.resources, &country, tr),
                &country, tr, crate::help::Picker::Links(&base)))
            (private_thread(&thread, &controls, &reply_label, now(), tr))
            section class="danger-zone" {
                h2 { (tr.text(m::ASK_ERASE_HEADING)) }
                p { (tr.text(m::ASK_ERASE_EXPLAIN)) }
                p { a class="button secondary" href={ (base) "/delete" } { (tr.text(m::ASK_ERASE_BUTTON)) } }
                p { (view::slotted(&link(m::ASK_EXPORT),
                    html! { a href={ (base) "/export.json" } { (tr.text(m::ASK_EXPORT_LINK)) } })) }
            }
            section class="follow" {
                h2 { (tr.text(m::ASK_FOLLOW_HEADING)) }
                p { (view::slotted(&link(m::ASK_FOLLOW),
                    html! { a href={ (base) "/feed.xml" } { (tr.text(m::ASK_FOLLOW_FEED)) } })) }
            }
        },
    );
    Ok(private(markup))
}

/// The thread as its asker sees it. The heading says only whose question
/// this is, like the page's title; the question's own title follows it, at
/// the head of the question's text. Each reply box says where what is
/// written in it will be read (`reply_label`).
///
/// `view::thread` renders every thread, public or private; what differs
/// here is changed around it: the heading through the thread it is given,
/// so the question's words can never reach it, and the reply boxes' labels
/// in what it renders (a unit test below holds the two together).
fn private_thread(
    thread: &Thread,
    controls: &ThreadControls<'_>,
    reply_label: &str,
    now: Timestamp,
    tr: Tr,
) -> Markup {
    let mut shown = thread.clone();
    let q = &mut shown.question;
    q.body_html =
        html! { h2 class="own-title" { (q.title) } (PreEscaped(&q.body_html)) }.into_string();
    q.title = tr.text(m::ASK_PRIVATE_TITLE).into_owned();
    let mut out = view::thread(&shown, controls, now, tr).into_string();
    if controls.asker.is_some() {
        let boxes = std::iter::once(("reply-thread".to_owned(), m::REPLY_TO_EXPERTS)).chain(
            shown
                .answers
                .iter()
                .map(|a| (format!("reply-{}", a.id.0), m::REPLY_TO_ANSWER)),
        );
        for (id, generic) in boxes {
            let was = html! { label for=(id) { (tr.text(generic)) } }.into_string();
            // Reply boxes' labels are for screen readers (their summary is
            // what shows); this one is for every reader, so it shows too.
            let labelled = html! {
                label for=(id) { (reply_label) }
                p class="hint" aria-hidden="true" { (reply_label) }
            }
            .into_string();
            out = out.replacen(&was, &labelled, 1);
        }
    }
    PreEscaped(out)
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
    ui: Ui,
    PageForm(form): PageForm<ReplyForm>,
) -> Result<Response, PageError> {
    let (capability, id) = resolve(&state, &capability).await?;
    csrf::verify(&state, Binding::Capability(&capability.hash()), &form.csrf)?;
    state.limits.check(Limit::Reply, &client).await?;
    // An asker's reply is cleaned like their question (no preview: a reply
    // is short, and the placeholders show what was taken out).
    let body = ReplyBody::parse(&redact_with(&form.body, |k| placeholder(k, ui.tr)).text)?;
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
    ui: Ui,
    Path(capability): Path<String>,
) -> Result<Response, PageError> {
    let Ok((capability, _)) = resolve(&state, &capability).await else {
        return Ok(lost_link_page(&state, &ui));
    };
    let base = format!("/private/{}", capability.as_str());
    let csrf = csrf::token(&state, Binding::Capability(&capability.hash()));
    let tr = ui.tr;
    let title = tr.text(m::ASK_ERASE_HEADING);
    let markup = view::layout(
        &chrome(&state, &ui, &title, None),
        html! {
            h1 { (tr.text(m::ASK_ERASE_CONFIRM_HEADING)) }
            p { (tr.text(m::ASK_ERASE_CONFIRM_EXPLAIN)) }
            p { (tr.text(m::ASK_ERASE_CONFIRM_FINAL)) }
            form method="post" action={ (base) "/delete" } {
                input type="hidden" name="csrf" value=(csrf);
                button type="submit" class="danger" { (tr.text(m::ASK_ERASE_YES)) }
                " "
                a href=(base) { (tr.text(m::ASK_ERASE_NO)) }
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
    ui: Ui,
    Path(capability): Path<String>,
    PageForm(form): PageForm<CsrfForm>,
) -> Result<Response, PageError> {
    let (capability, id) = resolve(&state, &capability).await?;
    csrf::verify(&state, Binding::Capability(&capability.hash()), &form.csrf)?;
    state.store.erase_question(id, "asker", now()).await?;
    let tr = ui.tr;
    let title = tr.text(m::ASK_ERASED_TITLE);
    let markup = view::layout(
        &chrome(&state, &ui, &title, None),
        html! {
            h1 { (title) }
            p { (tr.text(m::ASK_ERASED_EXPLAIN)) }
            p { a href="/" { (tr.text(m::ASK_ERASED_BACK)) } }
        },
    );
    Ok(private(markup))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use confide_core::question::{Answer, Author, Question};
    use confide_core::AccountId;

    fn thread() -> Thread {
        let question = Question {
            id: QuestionId(7),
            title: "Zorblat after the party?".into(),
            body: "Quorp.".into(),
            body_html: "<p>Quorp.</p>".into(),
            topic: Topic::Other,
            created_at: Timestamp(1_700_000_000_000),
            published_at: None,
            helpful_answer: None,
            answer_count: 1,
            triage: Vec::new(),
            urgency: 0,
            hidden: None,
            revisions: 0,
        };
        let answer = Answer {
            id: AnswerId(3),
            question_id: QuestionId(7),
            author: Author {
                id: AccountId(1),
                handle: "dr".into(),
                display_name: "Dr Plim".into(),
                credentials: "Zand".into(),
                verified_at: None,
            },
            body: "Frandle.".into(),
            body_html: "<p>Frandle.</p>".into(),
            created_at: Timestamp(1_700_000_100_000),
            updated_at: Timestamp(1_700_000_100_000),
            citations: Vec::new(),
            reviews: Vec::new(),
            helped_count: 0,
            revisions: 1,
            reviewed_at: Timestamp(1_700_000_100_000),
            hidden: None,
        };
        Thread {
            question,
            answers: vec![answer],
            replies: Vec::new(),
        }
    }

    #[test]
    fn the_private_thread_keeps_the_question_out_of_its_heading_and_labels_reply_boxes() {
        for lang in Lang::ALL {
            let tr = Tr::new(lang);
            let controls = ThreadControls {
                asker: Some(AskerControls {
                    base: "/private/x",
                    csrf: "c",
                }),
                here: "/private/x",
                ..ThreadControls::default()
            };
            let label = "Where this goes";
            let page = private_thread(
                &thread(),
                &controls,
                label,
                Timestamp(1_700_000_200_000),
                tr,
            )
            .into_string();
            let h1 = page
                .split("<h1")
                .nth(1)
                .and_then(|h| h.split("</h1>").next());
            assert_eq!(
                h1.map(|h| h.contains("Zorblat")),
                Some(false),
                "{lang:?}: {page}"
            );
            assert_eq!(page.matches("<h1").count(), 1, "{lang:?}: one heading");
            assert!(
                page.contains(
                    r#"<h2 class="own-title">Zorblat after the party?</h2><p>Quorp.</p>"#
                ),
                "{lang:?}: the title under the heading: {page}"
            );
            // Both of the asker's boxes: the thread's and the answer's.
            for id in ["reply-thread", "reply-3"] {
                assert!(
                    page.contains(&format!(
                        r#"<label for="{id}">{label}</label><p class="hint" aria-hidden="true">{label}</p>"#
                    )),
                    "{lang:?}: {id} labelled: {page}"
                );
            }
        }
    }
}
