//! The JSON API under `/api/v1`. The OpenAPI document at
//! `/api/v1/openapi.json` is generated from these handlers and types.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use confide_core::evidence::{Citation, ReviewDraft, Verdict};
use confide_core::question::{AnswerDraft, QuestionDraft, ReplyAuthor, ReplyDraft};
use confide_core::redaction::redact;
use confide_core::{
    Account, Action, AnswerBody, AnswerId, Capability, QuestionBody, QuestionId, QuestionSummary,
    QuestionTitle, ReplyBody, Thread, Topic, Viewer,
};
use confide_store::Cursor;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::auth::{start_session, verify_login};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiId, ApiJson, Bearer, Id, Params};
use crate::limits::{Client, Limit};
use crate::pages::base_url;
use crate::{new_token, now, AppState, Error};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/questions", post(create_question).get(list_questions))
        .route("/questions/{id}", get(get_question).delete(erase_question))
        .route("/questions/{id}/replies", post(create_reply))
        .route("/questions/{id}/helpful", post(mark_helpful))
        .route("/questions/{id}/answers", post(create_answer))
        .route("/answers/{id}", put(edit_answer))
        .route("/answers/{id}/reviews", post(create_review))
        .route("/sessions", post(create_session).delete(end_session))
        .route("/search", get(search))
        .route("/flags", post(create_flag))
        .route("/triage", post(triage_draft))
        .fallback(|| async { ApiError(Error::NotFound) })
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Confide API",
        description = "Ask anonymously; verified experts answer. Askers authenticate with the capability \
                       returned when they ask (`Authorization: Bearer <capability>`); experts with a \
                       session token from `POST /api/v1/sessions`.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        create_question, list_questions, get_question, erase_question, create_reply,
        mark_helpful, create_answer, edit_answer, create_review, create_session, end_session, search,
        create_flag, triage_draft
    ),
    components(schemas(
        NewQuestion, CreatedQuestion, RemovedView, TriageView, QuestionView, AnswerView, ReplyView, AuthorView,
        QuestionList, QuestionSummaryView, NewReply, Created, Helpful, NewAnswer, Login,
        SessionToken, RevisionsView, CitationView, ReviewView, NewReview, SearchResults, SearchResultView, NewFlag, TriageDraft, TriageHelp, HelpContact, FlagTarget, ErrorBody, crate::error::ErrorDetail
    )),
    modifiers(&BearerAuth, &CommonResponses)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

/// Answers every operation can give, documented once: a body that is not
/// JSON (415) or not the right JSON (400), and a missing or unknown token
/// where one is accepted (401).
struct CommonResponses;

impl utoipa::Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{RefOr, ResponseBuilder};
        let error = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        utoipa::openapi::ContentBuilder::new()
                            .schema(Some(utoipa::openapi::Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build(),
            )
        };
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                item.get.as_mut(),
                item.post.as_mut(),
                item.put.as_mut(),
                item.delete.as_mut(),
            ]
            .into_iter()
            .flatten()
            {
                let responses = &mut operation.responses.responses;
                if operation.request_body.is_some() {
                    responses
                        .entry("400".into())
                        .or_insert_with(|| error("The body is not valid JSON for this operation"));
                    responses.entry("415".into()).or_insert_with(|| {
                        error("The body is not JSON (Content-Type: application/json)")
                    });
                }
                if operation.security.is_some() {
                    responses
                        .entry("401".into())
                        .or_insert_with(|| error("No token, or one this instance does not know"));
                }
            }
        }
    }
}

async fn openapi() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}

// ---- Types -------------------------------------------------------------

#[derive(Deserialize, ToSchema)]
pub struct NewQuestion {
    /// One line, 1–200 characters.
    title: String,
    /// Markdown, 1–20,000 characters.
    body: String,
    /// A topic slug; `other` when omitted.
    #[schema(example = "emotions")]
    topic: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedQuestion {
    id: i64,
    /// The asker's secret. Shown once, stored only as a hash.
    capability: String,
    private_url: String,
    /// What was taken out before storing, so nothing identifies the asker.
    removed: Vec<RemovedView>,
    /// Danger or time-critical care recognised in the question.
    triage: TriageView,
}

#[derive(Serialize, ToSchema)]
pub struct TriageView {
    /// Category identifiers, most urgent first, e.g. `sexual_assault`.
    categories: Vec<String>,
    /// 0 (none) to 3 (needs a human now).
    urgency: u8,
}

/// A question being written, to see whether it calls for help.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TriageDraft {
    /// Up to 200 characters; may be empty.
    #[serde(default)]
    title: String,
    /// Up to 20,000 characters; may be empty.
    #[serde(default)]
    body: String,
    /// `us`, `uk`, `es` or `any`: whose helplines to list. Guessed from
    /// `Accept-Language` when omitted (a bare `es` is not taken for Spain).
    country: Option<String>,
    /// `en` or `es`: the language of the advice and helplines. The
    /// reader's (cookie, then `Accept-Language`) when omitted.
    lang: Option<String>,
}

/// What triage found in a draft, and the help to show for it.
#[derive(Serialize, ToSchema)]
pub struct TriageHelp {
    /// Category identifiers, most urgent first; empty when nothing calls for help.
    categories: Vec<String>,
    /// 0 (none) to 3 (needs a human now).
    urgency: u8,
    /// What to do, as paragraphs: "in danger now?" first when someone may
    /// be, then each category's advice, then the windows of care counted
    /// down from when the text says it happened.
    advice: Vec<String>,
    /// Whom to call, the asker's country first.
    resources: Vec<HelpContact>,
    /// The country the resources are for.
    country: String,
    /// `rules` or `rules+meaning`: how the text was read.
    read_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct HelpContact {
    name: String,
    /// How to reach it, in words.
    how: String,
    tel: Option<String>,
    url: Option<String>,
    /// When the operator last checked it (YYYY-MM-DD).
    checked: String,
}

#[derive(Serialize, ToSchema)]
pub struct RemovedView {
    /// `title` or `body`.
    field: String,
    /// `email`, `phone`, `url`, `handle`, `address` or `name`.
    kind: String,
}

#[derive(Serialize, ToSchema)]
pub struct AuthorView {
    display_name: String,
    /// Their profession, as an admin verified it.
    credentials: String,
    /// Whether an admin's verification of this expert stands today.
    verified: bool,
    /// When they were verified (RFC 3339), while it stands.
    verified_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AnswerView {
    id: i64,
    author: AuthorView,
    body: String,
    body_html: String,
    /// The asker said this answer helped.
    helpful: bool,
    created_at: String,
    updated_at: String,
    citations: Vec<CitationView>,
    reviews: Vec<ReviewView>,
    /// How many readers said it helped them.
    helped_count: i64,
    revisions: RevisionsView,
    last_reviewed: String,
    /// A year after the last review.
    review_due: String,
    /// Why moderators hid it; only moderators ever receive hidden content.
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RevisionsView {
    /// How many versions (1: never edited).
    count: i64,
    /// When the latest version was written.
    latest: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReplyView {
    id: i64,
    /// The answer replied to, if any.
    answer_id: Option<i64>,
    /// `asker` or `expert`.
    author_kind: String,
    /// Set when an expert wrote it.
    author: Option<AuthorView>,
    body: String,
    body_html: String,
    created_at: String,
    /// Why moderators hid it; only moderators ever receive hidden content.
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionView {
    id: i64,
    title: String,
    body: String,
    body_html: String,
    topic: String,
    url: String,
    created_at: String,
    published_at: Option<String>,
    helpful_answer_id: Option<i64>,
    answers: Vec<AnswerView>,
    replies: Vec<ReplyView>,
    /// Why moderators hid it from the public (shown to its asker and moderators).
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionSummaryView {
    id: i64,
    title: String,
    excerpt: String,
    topic: String,
    url: String,
    answer_count: i64,
    created_at: String,
    published_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionList {
    questions: Vec<QuestionSummaryView>,
    /// Pass as `cursor` for the next page; absent on the last.
    next_cursor: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct NewReply {
    body: String,
    /// Reply to this answer of the question; omit to reply to the thread.
    answer_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    id: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct Helpful {
    answer_id: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct NewAnswer {
    /// Markdown, 1–30,000 characters; cite references as `[1]`, `[2]`…
    body: String,
    /// Numbered references. On edit, omit to keep the current ones.
    citations: Option<Vec<CitationView>>,
    /// On edit: why, kept in the revision history ("Edited" when omitted).
    reason: Option<String>,
}

/// A reference: a DOI, PMID or web address, and a title.
#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct CitationView {
    title: String,
    doi: Option<String>,
    pmid: Option<String>,
    url: Option<String>,
    year: Option<i32>,
    /// Where to check it (resolver link); ignored on input.
    #[serde(default, skip_deserializing)]
    link: Option<String>,
}

impl From<&Citation> for CitationView {
    fn from(c: &Citation) -> Self {
        CitationView {
            title: c.title.clone(),
            doi: c.doi.clone(),
            pmid: c.pmid.clone(),
            url: c.url.clone(),
            year: c.year,
            link: c.link(),
        }
    }
}

impl From<CitationView> for Citation {
    fn from(c: CitationView) -> Self {
        Citation {
            title: c.title,
            doi: c.doi,
            pmid: c.pmid,
            url: c.url,
            year: c.year,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReviewView {
    id: i64,
    /// `endorse` or `dispute`.
    verdict: String,
    reviewer: AuthorView,
    /// The exact passage disputed.
    quote: Option<String>,
    note: String,
    note_html: String,
    citation: Option<CitationView>,
    created_at: String,
    /// `open`, `addressed`, `withdrawn` or `closed`.
    status: String,
}

#[derive(Deserialize, ToSchema)]
pub struct NewReview {
    /// `endorse` or `dispute`.
    verdict: String,
    /// For a dispute: the exact passage, copied from the answer.
    quote: Option<String>,
    note: String,
    citation: Option<CitationView>,
}

#[derive(Deserialize, ToSchema)]
pub struct Login {
    handle: String,
    password: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionToken {
    /// Send as `Authorization: Bearer <token>`.
    token: String,
    expires_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct SearchResultView {
    id: i64,
    title: String,
    url: String,
    /// HTML: the text escaped, matches in `<mark>`.
    snippet: String,
    /// Fused relevance in [0, 1] (BM25 alone while semantic search is off).
    score: f32,
    answered: bool,
    topic: String,
    /// Close enough to be the same question, already answered.
    same_question: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SearchResults {
    results: Vec<SearchResultView>,
    /// Whether meaning, not only words, was matched.
    semantic: bool,
}

#[derive(Deserialize, IntoParams)]
pub struct SearchParams {
    /// What to look for, in plain words.
    q: String,
    /// 1–50, default 10.
    limit: Option<u32>,
    topic: Option<String>,
    /// `1` for answered questions only.
    answered: Option<String>,
}

#[derive(Deserialize, IntoParams)]
pub struct ListParams {
    /// `unanswered` for the experts' queue (oldest first, needs an expert token).
    state: Option<String>,
    /// Only questions on this topic.
    topic: Option<String>,
    /// 1–100, default 20.
    limit: Option<u32>,
    /// From `next_cursor` of the previous page.
    cursor: Option<String>,
}

impl From<&confide_core::Author> for AuthorView {
    fn from(a: &confide_core::Author) -> Self {
        // Login handles stay private: they are half of a login.
        AuthorView {
            display_name: a.display_name.clone(),
            credentials: a.credentials.clone(),
            verified: a.verified_at.is_some(),
            verified_at: a.verified_at.map(|t| t.rfc3339()),
        }
    }
}

impl From<&Thread> for QuestionView {
    fn from(t: &Thread) -> Self {
        let q = &t.question;
        QuestionView {
            id: q.id.0,
            title: q.title.clone(),
            body: q.body.clone(),
            body_html: q.body_html.clone(),
            topic: q.topic.slug().into(),
            url: q.path(),
            created_at: q.created_at.rfc3339(),
            published_at: q.published_at.map(|p| p.rfc3339()),
            helpful_answer_id: q.helpful_answer.map(|a| a.0),
            answers: t
                .answers
                .iter()
                .map(|a| AnswerView {
                    id: a.id.0,
                    author: (&a.author).into(),
                    body: a.body.clone(),
                    body_html: a.body_html.clone(),
                    helpful: q.helpful_answer == Some(a.id),
                    created_at: a.created_at.rfc3339(),
                    updated_at: a.updated_at.rfc3339(),
                    citations: a.citations.iter().map(Into::into).collect(),
                    helped_count: a.helped_count,
                    revisions: RevisionsView {
                        count: a.revisions,
                        latest: a.updated_at.rfc3339(),
                    },
                    last_reviewed: a.reviewed_at.rfc3339(),
                    review_due: a.review_due().rfc3339(),
                    hidden_reason: a.hidden.clone(),
                    reviews: a
                        .reviews
                        .iter()
                        .map(|r| ReviewView {
                            id: r.id.0,
                            verdict: r.verdict.as_str().into(),
                            reviewer: (&r.reviewer).into(),
                            quote: r.quote.clone(),
                            note: r.note.clone(),
                            note_html: r.note_html.clone(),
                            citation: r.citation.as_ref().map(Into::into),
                            created_at: r.created_at.rfc3339(),
                            status: r.status.as_str().into(),
                        })
                        .collect(),
                })
                .collect(),
            replies: t
                .replies
                .iter()
                .map(|r| {
                    let (author_kind, author) = match &r.author {
                        ReplyAuthor::Asker => ("asker", None),
                        ReplyAuthor::Expert(a) => ("expert", Some(a.into())),
                    };
                    ReplyView {
                        id: r.id.0,
                        answer_id: r.answer_id.map(|a| a.0),
                        author_kind: author_kind.into(),
                        author,
                        body: r.body.clone(),
                        body_html: r.body_html.clone(),
                        created_at: r.created_at.rfc3339(),
                        hidden_reason: r.hidden.clone(),
                    }
                })
                .collect(),
            hidden_reason: q.hidden.clone(),
        }
    }
}

impl From<&QuestionSummary> for QuestionSummaryView {
    fn from(q: &QuestionSummary) -> Self {
        QuestionSummaryView {
            id: q.id.0,
            title: q.title.clone(),
            excerpt: q.excerpt.clone(),
            topic: q.topic.slug().into(),
            url: q.path(),
            answer_count: q.answer_count,
            created_at: q.created_at.rfc3339(),
            published_at: q.published_at.map(|p| p.rfc3339()),
        }
    }
}

// ---- Who is calling ----------------------------------------------------

/// Whether the bearer holds this question's capability.
async fn is_asker_of(state: &AppState, token: &Capability, id: QuestionId) -> Result<bool, Error> {
    Ok(state.store.question_id_by_capability(&token.hash()).await? == Some(id))
}

async fn account_of(state: &AppState, token: &Capability) -> Result<Option<Account>, Error> {
    Ok(state.store.session_account(&token.hash(), now()).await?)
}

/// The expert behind a session token, allowed to do `action`.
async fn require_account(
    state: &AppState,
    bearer: &Bearer,
    action: Action,
) -> Result<Account, Error> {
    let token = bearer.0.as_ref().ok_or(Error::Unauthorized)?;
    let account = account_of(state, token).await?.ok_or(Error::Unauthorized)?;
    if account.may(action) {
        Ok(account)
    } else {
        Err(Error::Forbidden)
    }
}

/// Only the asker: any other caller learns nothing, not even that the question exists.
async fn require_asker(state: &AppState, bearer: &Bearer, id: QuestionId) -> Result<(), Error> {
    match &bearer.0 {
        Some(token) if is_asker_of(state, token, id).await? => Ok(()),
        _ => Err(Error::NotFound),
    }
}

// ---- Handlers ----------------------------------------------------------

/// Ask a question anonymously.
#[utoipa::path(post, path = "/api/v1/questions", tag = "questions",
    request_body = NewQuestion,
    responses((status = 429, body = ErrorBody, description = "Too many requests; see Retry-After"), 
        (status = 201, body = CreatedQuestion, description = "Asked. Keep the capability: it is shown once."),
        (status = 400, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_question(
    State(state): State<AppState>,
    headers: HeaderMap,
    client: Client,
    ApiJson(input): ApiJson<NewQuestion>,
) -> Result<Response, ApiError> {
    // Validate what was sent, then store it without identifying details.
    QuestionTitle::parse(&input.title)?;
    QuestionBody::parse(&input.body)?;
    let topic = match input.topic.as_deref() {
        Some(t) => Topic::parse(t)?,
        None => Topic::Other,
    };
    // Triage reads the text as written; only the redacted text is stored.
    let as_written = state
        .search
        .triage()
        .triage(&format!("{}\n{}", input.title, input.body))
        .await;
    let clean_title = redact(&input.title);
    let clean_body = redact(&input.body);
    let title = QuestionTitle::parse(&clean_title.text)?;
    let body = QuestionBody::parse(&clean_body.text)?;
    let removed: Vec<RemovedView> = [("title", &clean_title), ("body", &clean_body)]
        .into_iter()
        .flat_map(|(field, r)| {
            r.removed.iter().map(move |x| RemovedView {
                field: field.into(),
                kind: serde_json::to_value(x.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            })
        })
        .collect();
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
    let private_url = format!(
        "{}/private/{}",
        base_url(&state, &headers),
        capability.as_str()
    );
    let created = CreatedQuestion {
        id: id.0,
        capability: capability.as_str().to_owned(),
        private_url,
        removed,
        triage: TriageView {
            categories: draft
                .triage
                .categories
                .iter()
                .map(|c| c.id().to_owned())
                .collect(),
            urgency: draft.triage.urgency,
        },
    };
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// Public answered questions, newest first; or, for experts, the queue.
#[utoipa::path(get, path = "/api/v1/questions", tag = "questions", params(ListParams),
    responses((status = 200, body = QuestionList), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security((), ("bearer" = [])))]
async fn list_questions(
    State(state): State<AppState>,
    bearer: Bearer,
    Params(params, _): Params<ListParams, ApiError>,
) -> Result<Json<QuestionList>, ApiError> {
    let limit = params.limit.unwrap_or(20).clamp(1, 100);
    match params.state.as_deref() {
        Some("unanswered") => {
            require_account(&state, &bearer, Action::ViewQueue).await?;
            let queue = state.store.unanswered_questions(limit).await?;
            return Ok(Json(QuestionList {
                questions: queue.iter().map(Into::into).collect(),
                next_cursor: None,
            }));
        }
        None | Some("answered") | Some("public") => {}
        Some(_) => {
            return Err(ApiError(Error::BadRequest {
                code: "bad_state",
                message: "state must be `unanswered` or omitted".into(),
            }))
        }
    }
    let topic = params.topic.as_deref().map(Topic::parse).transpose()?;
    let after = match params.cursor.as_deref() {
        Some(c) => Some(Cursor::decode(c).ok_or(Error::BadRequest {
            code: "bad_cursor",
            message: "cursor is not one this API returned".into(),
        })?),
        None => None,
    };
    let page = state.store.public_questions(topic, after, limit).await?;
    Ok(Json(QuestionList {
        questions: page.questions.iter().map(Into::into).collect(),
        next_cursor: page.next.map(Cursor::encode),
    }))
}

/// A question with its answers and replies. Public once published; before
/// that only for its asker (capability) or an expert (session token).
#[utoipa::path(get, path = "/api/v1/questions/{id}", tag = "questions",
    params(("id" = i64, Path, description = "Question id")),
    responses((status = 200, body = QuestionView), (status = 404, body = ErrorBody)),
    security((), ("bearer" = [])))]
async fn get_question(
    State(state): State<AppState>,
    bearer: Bearer,
    Id(id, _): ApiId,
) -> Result<Json<QuestionView>, ApiError> {
    let id = QuestionId(id);
    let thread = state.store.thread(id).await?.ok_or(Error::NotFound)?;
    let viewer = match &bearer.0 {
        None => Viewer::Reader,
        Some(token) if is_asker_of(&state, token, id).await? => Viewer::Asker(id),
        Some(token) => match account_of(&state, token).await? {
            Some(account) => Viewer::Account(account),
            None => Viewer::Reader,
        },
    };
    if !viewer.may_see(&thread.question) {
        return Err(Error::NotFound.into());
    }
    Ok(Json((&thread.visible_to(&viewer)).into()))
}

/// Erase a question with its answers and replies (asker only).
#[utoipa::path(delete, path = "/api/v1/questions/{id}", tag = "asker",
    params(("id" = i64, Path, description = "Question id")),
    responses((status = 204, description = "Erased"), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
async fn erase_question(
    State(state): State<AppState>,
    bearer: Bearer,
    Id(id, _): ApiId,
) -> Result<StatusCode, ApiError> {
    let id = QuestionId(id);
    require_asker(&state, &bearer, id).await?;
    state.store.erase_question(id, "asker", now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Reply in a question's thread: the asker (capability) or an expert (session token).
#[utoipa::path(post, path = "/api/v1/questions/{id}/replies", tag = "questions",
    params(("id" = i64, Path, description = "Question id")),
    request_body = NewReply,
    responses((status = 429, body = ErrorBody, description = "Too many requests; see Retry-After"), (status = 201, body = Created), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
async fn create_reply(
    State(state): State<AppState>,
    bearer: Bearer,
    client: Client,
    Id(id, _): ApiId,
    ApiJson(input): ApiJson<NewReply>,
) -> Result<Response, ApiError> {
    state.limits.check(Limit::Reply, &client).await?;
    let id = QuestionId(id);
    let token = bearer.0.as_ref().ok_or(Error::Unauthorized)?;
    let author = if is_asker_of(&state, token, id).await? {
        None
    } else {
        let account = account_of(&state, token).await?.ok_or(Error::NotFound)?;
        if !account.may(Action::ReplyInThread) {
            return Err(Error::Forbidden.into());
        }
        let thread = state.store.thread(id).await?.ok_or(Error::NotFound)?;
        if !Viewer::Account(account.clone()).may_see(&thread.question) {
            return Err(Error::NotFound.into());
        }
        Some(account.id)
    };
    // The asker's words are cleaned of identifying details; experts' are theirs.
    let body = match author {
        None => ReplyBody::parse(&redact(&input.body).text)?,
        Some(_) => ReplyBody::parse(&input.body)?,
    };
    let draft = ReplyDraft::new(id, input.answer_id.map(AnswerId), author, body, now());
    let reply = state.store.create_reply(&draft).await?;
    Ok((StatusCode::CREATED, Json(Created { id: reply.0 })).into_response())
}

/// Say which answer helped (asker only).
#[utoipa::path(post, path = "/api/v1/questions/{id}/helpful", tag = "asker",
    params(("id" = i64, Path, description = "Question id")),
    request_body = Helpful,
    responses((status = 429, body = ErrorBody, description = "Too many requests; see Retry-After"), (status = 204, description = "Recorded"), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
async fn mark_helpful(
    State(state): State<AppState>,
    bearer: Bearer,
    client: Client,
    Id(id, _): ApiId,
    ApiJson(input): ApiJson<Helpful>,
) -> Result<StatusCode, ApiError> {
    state.limits.check(Limit::Vote, &client).await?;
    let id = QuestionId(id);
    require_asker(&state, &bearer, id).await?;
    state
        .store
        .mark_helpful(id, AnswerId(input.answer_id), now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Answer a question (experts).
#[utoipa::path(post, path = "/api/v1/questions/{id}/answers", tag = "experts",
    params(("id" = i64, Path, description = "Question id")),
    request_body = NewAnswer,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
async fn create_answer(
    State(state): State<AppState>,
    bearer: Bearer,
    Id(id, _): ApiId,
    ApiJson(input): ApiJson<NewAnswer>,
) -> Result<Response, ApiError> {
    let account = require_account(&state, &bearer, Action::Answer).await?;
    crate::access::visible_thread(&state, &Viewer::Account(account.clone()), QuestionId(id))
        .await?;
    let body = AnswerBody::parse(&input.body)?;
    let citations = input
        .citations
        .unwrap_or_default()
        .into_iter()
        .map(Into::into)
        .collect();
    let draft = AnswerDraft::new(
        QuestionId(id),
        account.id,
        body,
        state.config.publish,
        now(),
    )
    .with_citations(citations)?;
    let answer = state.store.create_answer(&draft).await?;
    Ok((StatusCode::CREATED, Json(Created { id: answer.0 })).into_response())
}

/// Edit your own answer (experts).
#[utoipa::path(put, path = "/api/v1/answers/{id}", tag = "experts",
    params(("id" = i64, Path, description = "Answer id")),
    request_body = NewAnswer,
    responses((status = 200, body = Created), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
async fn edit_answer(
    State(state): State<AppState>,
    bearer: Bearer,
    Id(id, _): ApiId,
    ApiJson(input): ApiJson<NewAnswer>,
) -> Result<Json<Created>, ApiError> {
    let account = require_account(&state, &bearer, Action::Answer).await?;
    let answer = state
        .store
        .answer(AnswerId(id))
        .await?
        .ok_or(Error::NotFound)?;
    if !answer.editable_by(&account) {
        return Err(Error::Forbidden.into());
    }
    let body = AnswerBody::parse(&input.body)?;
    let citations = match input.citations {
        Some(list) => list.into_iter().map(Into::into).collect(),
        None => answer.citations.clone(),
    };
    let draft = AnswerDraft::new(
        answer.question_id,
        account.id,
        body,
        state.config.publish,
        now(),
    )
    .with_citations(citations)?
    .with_reason(input.reason.as_deref().unwrap_or("Edited"))?;
    state.store.update_answer(answer.id, &draft).await?;
    Ok(Json(Created { id }))
}

/// Endorse another expert's answer, or dispute one claim in it (experts).
#[utoipa::path(post, path = "/api/v1/answers/{id}/reviews", tag = "experts",
    params(("id" = i64, Path, description = "Answer id")),
    request_body = NewReview,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
async fn create_review(
    State(state): State<AppState>,
    bearer: Bearer,
    Id(id, _): ApiId,
    ApiJson(input): ApiJson<NewReview>,
) -> Result<Response, ApiError> {
    let account = require_account(&state, &bearer, Action::Review).await?;
    let (answer, _) =
        crate::access::visible_answer(&state, &Viewer::Account(account.clone()), AnswerId(id))
            .await?;
    let draft = ReviewDraft::new(
        &answer,
        &account,
        Verdict::parse(&input.verdict)?,
        input.quote.as_deref(),
        &input.note,
        input.citation.map(Into::into),
        now(),
    )?;
    let review = state.store.create_review(&draft).await?;
    Ok((StatusCode::CREATED, Json(Created { id: review.0 })).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct FlagTarget {
    /// `question`, `answer` or `reply`.
    kind: String,
    id: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct NewFlag {
    target: FlagTarget,
    /// `harmful`, `spam`, `identifying` or `other`.
    reason: String,
    /// What a moderator should know; required for `other`, at most 500 characters.
    note: Option<String>,
}

/// Report a question, answer or reply to the moderators. Anonymous; rate-limited.
#[utoipa::path(post, path = "/api/v1/flags", tag = "questions",
    request_body = NewFlag,
    responses((status = 201, body = Created), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody),
              (status = 429, body = ErrorBody, description = "Too many requests; see Retry-After")))]
async fn create_flag(
    State(state): State<AppState>,
    client: Client,
    ApiJson(input): ApiJson<NewFlag>,
) -> Result<Response, ApiError> {
    use confide_core::moderation::{FlagDraft, FlagReason, Target};
    state.limits.check(Limit::Flag, &client).await?;
    let draft = FlagDraft::new(
        Target::parse(&input.target.kind, input.target.id)?,
        FlagReason::parse(&input.reason)?,
        input.note.as_deref().unwrap_or(""),
        now(),
    )?;
    let id = state.store.create_flag(&draft).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

/// Log in: exchange a handle and password for a session token.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "experts",
    request_body = Login,
    responses((status = 429, body = ErrorBody, description = "Too many requests; see Retry-After"), (status = 201, body = SessionToken), (status = 400, body = ErrorBody)))]
async fn create_session(
    State(state): State<AppState>,
    client: Client,
    ApiJson(input): ApiJson<Login>,
) -> Result<Response, ApiError> {
    state.limits.check(Limit::Login, &client).await?;
    let account = verify_login(&state, &input.handle, &input.password).await?;
    let (token, expires) = start_session(&state, &account).await?;
    let body = SessionToken {
        token: token.as_str().to_owned(),
        expires_at: expires.rfc3339(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Search answered questions by meaning and words.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchParams),
    responses((status = 200, body = SearchResults), (status = 400, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn search(
    State(state): State<AppState>,
    client: Client,
    Params(params, _): Params<SearchParams, ApiError>,
) -> Result<Json<SearchResults>, ApiError> {
    state.limits.check(Limit::Search, &client).await?;
    let topic = params
        .topic
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(Topic::parse)
        .transpose()?;
    let filter = confide_search::Filter {
        topic: topic.map(|t| t.slug().to_owned()),
        answered_only: params.answered.as_deref() == Some("1"),
    };
    let limit = params.limit.unwrap_or(10).clamp(1, 50) as usize;
    let results = state
        .search
        .search(&params.q, &filter, limit)
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Json(SearchResults {
        semantic: state.search.semantic_enabled(),
        results: results
            .iter()
            .map(|r| SearchResultView {
                id: r.id.0,
                title: r.title.clone(),
                url: confide_core::question::question_path(r.id, &r.title),
                snippet: r.snippet.clone(),
                score: r.score,
                answered: r.answered,
                topic: r.topic.clone(),
                same_question: r.looks_like_the_same_question(),
            })
            .collect(),
    }))
}

/// Triage a question while it is written: nothing is stored or logged.
#[utoipa::path(post, path = "/api/v1/triage", tag = "questions",
    request_body = TriageDraft,
    responses((status = 200, body = TriageHelp), (status = 400, body = ErrorBody),
              (status = 415, body = ErrorBody), (status = 422, body = ErrorBody),
              (status = 429, body = ErrorBody, description = "Too many requests; see Retry-After")))]
async fn triage_draft(
    State(state): State<AppState>,
    headers: HeaderMap,
    client: Client,
    ui: crate::i18n::Ui,
    ApiJson(input): ApiJson<TriageDraft>,
) -> Result<Json<TriageHelp>, ApiError> {
    state.limits.check(Limit::Search, &client).await?;
    bounded_draft("title", &input.title, confide_core::text::TITLE_MAX)?;
    bounded_draft("body", &input.body, confide_core::text::QUESTION_BODY_MAX)?;
    let country = match input.country.as_deref() {
        Some(c) if crate::resources::COUNTRIES.contains(&c) => c.to_owned(),
        Some(_) => {
            return Err(Error::BadRequest {
                code: "bad_country",
                message: "country must be `us`, `uk`, `es` or `any`".into(),
            }
            .into())
        }
        None => crate::resources::guess_country(&headers),
    };
    let lang = match input.lang.as_deref() {
        Some(l @ ("en" | "es")) => l,
        Some(_) => {
            return Err(Error::BadRequest {
                code: "bad_lang",
                message: "lang must be `en` or `es`".into(),
            }
            .into())
        }
        None => ui.tr.lang().code(),
    };
    let reader = state.search.triage();
    let found = reader
        .triage(&format!("{}\n{}", input.title, input.body))
        .await;
    let tr = crate::i18n::Tr::new(crate::i18n::Lang::parse(lang).unwrap_or_default());
    let help = crate::help::Help::for_triage(&found, &state.resources, &country, tr);
    Ok(Json(TriageHelp {
        categories: found.categories.iter().map(|c| c.id().to_owned()).collect(),
        urgency: found.urgency,
        advice: help.paragraphs(),
        resources: help
            .contacts
            .iter()
            .map(|c| HelpContact {
                name: c.name.clone(),
                how: c.how.clone(),
                tel: c.tel.clone(),
                url: c.url.clone(),
                checked: c.checked.clone(),
            })
            .collect(),
        country,
        read_by: if reader.by_meaning() {
            "rules+meaning"
        } else {
            "rules"
        }
        .to_owned(),
    }))
}

/// A draft may be empty while it is written, but no longer than a
/// question may be.
fn bounded_draft(field: &'static str, text: &str, max: usize) -> Result<(), Error> {
    let len = text.chars().count();
    if len > max {
        return Err(Error::Invalid(confide_core::ValidationError::TooLong {
            field,
            len,
            max,
        }));
    }
    Ok(())
}

/// Log out: end the session whose token is sent.
#[utoipa::path(delete, path = "/api/v1/sessions", tag = "experts",
    responses((status = 204, description = "Logged out"), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
async fn end_session(
    State(state): State<AppState>,
    bearer: Bearer,
) -> Result<StatusCode, ApiError> {
    let token = bearer.0.ok_or(Error::Unauthorized)?;
    state.store.delete_session(&token.hash()).await?;
    Ok(StatusCode::NO_CONTENT)
}
