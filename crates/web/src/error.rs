//! The web layer's one error type, and the one place it becomes a response:
//! JSON `{error: {code, message}}` for the API, a page in the site's look
//! for browsers. 5xx responses never carry internal detail; the log does.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use confide_core::ValidationError;
use confide_store::StoreError;
use serde::Serialize;
use thiserror::Error;
use utoipa::ToSchema;

use crate::i18n::{m, Lang, Tr};
use fluent_bundle::FluentValue;

#[derive(Debug, Error)]
pub enum Error {
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Also the answer to a wrong capability: never reveal that a question exists.
    #[error("not found")]
    NotFound,
    #[error("log in first")]
    Unauthorized,
    /// A page for accounts, asked for without one: the login page, then back.
    #[error("log in first")]
    LoginRequired { next: String },
    #[error("you may not do that")]
    Forbidden,
    #[error("the form has expired or did not come from this site; reload the page and try again")]
    Csrf,
    #[error("{0}")]
    Conflict(&'static str),
    #[error("too many requests from here; please wait {retry_after} seconds and try again")]
    TooManyRequests { retry_after: u64 },
    #[error(transparent)]
    Store(StoreError),
    #[error("{0}")]
    Internal(String),
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict(what) => Error::Conflict(what),
            other => Error::Store(other),
        }
    }
}

impl Error {
    pub fn status(&self) -> StatusCode {
        match self {
            Error::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Error::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Error::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Error::NotFound => StatusCode::NOT_FOUND,
            Error::Unauthorized | Error::LoginRequired { .. } => StatusCode::UNAUTHORIZED,
            Error::Forbidden | Error::Csrf => StatusCode::FORBIDDEN,
            Error::Conflict(_) => StatusCode::CONFLICT,
            Error::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Error::Store(_) | Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Stable, machine-readable codes: clients may rely on them.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(v) => v.code(),
            Error::BadRequest { code, .. } => code,
            Error::UnsupportedMediaType(_) => "unsupported_media_type",
            Error::NotFound => "not_found",
            Error::Unauthorized | Error::LoginRequired { .. } => "unauthorized",
            Error::Forbidden => "forbidden",
            Error::Csrf => "csrf",
            Error::Conflict(_) => "conflict",
            Error::TooManyRequests { .. } => "rate_limited",
            Error::Store(_) | Error::Internal(_) => "internal",
        }
    }

    /// What the client may read. Internal failures say nothing specific.
    pub fn public_message(&self) -> String {
        if self.status().is_server_error() {
            tracing::error!(error = %self, "request failed");
            "Something went wrong on our side. Your text was not lost if you still have this page open; please try again in a moment.".into()
        } else {
            self.to_string()
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `too_long`, `not_found`.
    pub code: String,
    /// A sentence for people.
    pub message: String,
}

fn add_retry_after(error: &Error, response: &mut Response) {
    if let Error::TooManyRequests { retry_after } = error {
        if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after.to_string()) {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, v);
        }
    }
}

/// An [`Error`] answered as JSON, for `/api/v1`.
#[derive(Debug)]
pub struct ApiError(pub Error);

impl<E: Into<Error>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.0.code().into(),
                message: self.0.public_message(),
            },
        };
        let mut response = (self.0.status(), axum::Json(body)).into_response();
        add_retry_after(&self.0, &mut response);
        response
    }
}

/// Why a request was refused, in the reader's language, for pages. The
/// API keeps its English sentences and stable codes; people get this.
pub fn page_message(error: &Error, tr: Tr) -> String {
    let text = |msg| tr.text(msg).into_owned();
    match error {
        Error::Invalid(v) => invalid_message(v, tr),
        Error::BadRequest { code, message } => match *code {
            "bad_form" => text(m::INVALID_BAD_FORM),
            "bad_cursor" => text(m::INVALID_BAD_CURSOR),
            "bad_login" => text(m::INVALID_BAD_LOGIN),
            "bad_reason" => text(m::INVALID_BAD_REASON),
            "not_confirmed" => text(m::INVALID_NOT_CONFIRMED),
            "unknown_language" => text(m::INVALID_UNKNOWN_LANGUAGE),
            // The parser's own words name its internals: say it plainly.
            "bad_query" | "bad_json" => text(m::INVALID_BAD_QUERY),
            _ => message.clone(),
        },
        Error::NotFound => text(m::INVALID_NOT_FOUND),
        Error::Unauthorized | Error::LoginRequired { .. } => text(m::INVALID_LOG_IN),
        Error::Forbidden => text(m::INVALID_FORBIDDEN),
        Error::Csrf => text(m::INVALID_CSRF),
        Error::Conflict(detail) => detail_message(detail, tr),
        Error::TooManyRequests { retry_after } => tr
            .text_with(
                m::INVALID_RATE_LIMITED,
                &[("seconds", (*retry_after as i64).into())],
            )
            .into_owned(),
        Error::UnsupportedMediaType(_) => error.to_string(),
        Error::Store(_) | Error::Internal(_) => {
            tracing::error!(error = %error, "request failed");
            text(m::ERROR_SERVER_MESSAGE)
        }
    }
}

fn invalid_message(v: &ValidationError, tr: Tr) -> String {
    let field = |f: &str| tr.text_or(&format!("field-{}", f.replace(' ', "-")), f);
    let n = |x: usize| FluentValue::from(x as i64);
    let with = |msg, args: &[(&'static str, FluentValue<'_>)]| tr.text_with(msg, args).into_owned();
    match v {
        ValidationError::Empty { field: f } => {
            with(m::INVALID_EMPTY, &[("field", field(f).into())])
        }
        ValidationError::TooLong { field: f, len, max } => with(
            m::INVALID_TOO_LONG,
            &[
                ("field", field(f).into()),
                ("len", n(*len)),
                ("max", n(*max)),
            ],
        ),
        ValidationError::TooShort { field: f, len, min } => with(
            m::INVALID_TOO_SHORT,
            &[
                ("field", field(f).into()),
                ("len", n(*len)),
                ("min", n(*min)),
            ],
        ),
        ValidationError::ControlCharacters { field: f } => {
            with(m::INVALID_CONTROL_CHARACTERS, &[("field", field(f).into())])
        }
        ValidationError::UnknownTopic(_) => tr.text(m::INVALID_UNKNOWN_TOPIC).into_owned(),
        ValidationError::UnknownRole(_) => tr.text(m::INVALID_UNKNOWN_ROLE).into_owned(),
        ValidationError::BadHandle => tr.text(m::INVALID_BAD_HANDLE).into_owned(),
        ValidationError::BadEmail => tr.text(m::INVALID_BAD_EMAIL).into_owned(),
        ValidationError::BadCitation(d)
        | ValidationError::BadReview(d)
        | ValidationError::BadApplication(d)
        | ValidationError::BadFlag(d) => detail_message(d, tr),
    }
}

/// The fixed reasons the domain and the store give, by their English
/// wording (which is also what the API says); a reason not listed here is
/// shown as it is.
fn detail_message(detail: &str, tr: Tr) -> String {
    let msg = match detail {
        "you cannot reject or revoke yourself" => m::INVALID_SELF_DECISION,
        "that account is disabled" => m::INVALID_ACCOUNT_DISABLED,
        "already verified" => m::INVALID_ALREADY_VERIFIED,
        "not verified, so nothing to revoke" => m::INVALID_NOT_VERIFIED,
        "only an application waiting for a decision can be rejected; revoke a verified expert instead" => {
            m::INVALID_REJECT_WAITING_ONLY
        }
        "already hidden" => m::INVALID_ALREADY_HIDDEN,
        "not hidden" => m::INVALID_NOT_HIDDEN,
        "that review is not open" => m::INVALID_REVIEW_NOT_OPEN,
        "at most 30 references on one answer" => m::INVALID_TOO_MANY_REFERENCES,
        "a DOI looks like 10.1002/sm2.74" => m::INVALID_BAD_DOI,
        "a PMID is a number of up to 9 digits" => m::INVALID_BAD_PMID,
        "a web address starts with https://" => m::INVALID_BAD_URL,
        "the year is out of range" => m::INVALID_CITATION_YEAR,
        "experts review other experts' answers, not their own" => m::INVALID_OWN_ANSWER,
        "a dispute quotes the exact passage it disputes" => m::INVALID_QUOTE_NEEDED,
        "the quoted passage is not in the answer; copy it exactly" => m::INVALID_QUOTE_NOT_FOUND,
        "verdict must be endorse or dispute" => m::INVALID_BAD_VERDICT,
        "the check page must be an http(s) address where the registration can be seen" => {
            m::INVALID_CHECK_URL
        }
        "a decision is verify, reject or revoke" => m::INVALID_BAD_DECISION,
        "the reason is harmful, spam, identifying or other" => m::INVALID_BAD_FLAG_REASON,
        "the target is a question, an answer or a reply" => m::INVALID_BAD_FLAG_TARGET,
        "the action is hide, restore or dismiss" => m::INVALID_BAD_MODERATION,
        other => return other.to_owned(),
    };
    tr.text(msg).into_owned()
}

/// An [`Error`] answered as an HTML page, for browsers. The page itself is
/// written by [`localise_pages`], which knows the reader's language.
#[derive(Debug)]
pub struct PageError(pub Error);

impl<E: Into<Error>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if let Error::LoginRequired { next } = &self.0 {
            return axum::response::Redirect::to(&format!("/login?next={next}")).into_response();
        }
        let status = self.0.status();
        let mut response = status.into_response();
        add_retry_after(&self.0, &mut response);
        response
            .extensions_mut()
            .insert(Unrendered(std::sync::Arc::new(self.0)));
        response
    }
}

/// An error page still to be written, travelling out to [`localise_pages`].
#[derive(Clone)]
struct Unrendered(std::sync::Arc<Error>);

/// Writes every error page in the language of the request it answers, and
/// tells caches that pages differ by language.
pub async fn localise_pages(
    axum::extract::State(state): axum::extract::State<crate::AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let lang = Lang::for_request(request.headers());
    let tr = Tr::new(lang);
    let mut response = next.run(request).await;
    // Pages and feeds are worded in the reader's language.
    let worded = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|t| {
            t.as_bytes().starts_with(b"text/html")
                || t.as_bytes().starts_with(b"application/atom+xml")
        });
    if worded || response.extensions().get::<Unrendered>().is_some() {
        let headers = response.headers_mut();
        headers.insert(
            axum::http::header::CONTENT_LANGUAGE,
            axum::http::HeaderValue::from_static(lang.code()),
        );
        headers.append(
            axum::http::header::VARY,
            axum::http::HeaderValue::from_static("accept-language, cookie"),
        );
    }
    if let Some(Unrendered(error)) = response.extensions_mut().remove::<Unrendered>() {
        let markup =
            crate::view::error_page(response.status(), &error, tr, &state.config.quick_exit_url);
        let (mut parts, _) = response.into_parts();
        parts.headers.insert(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("text/html; charset=utf-8"),
        );
        parts.headers.remove(axum::http::header::CONTENT_LENGTH);
        return Response::from_parts(parts, axum::body::Body::from(markup.into_string()));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixed reason the domain and the store give is worded in every
    /// language: a new or reworded one without a message fails here, not
    /// in front of a Spanish reader.
    #[test]
    fn every_fixed_reason_has_a_message() {
        // (The backup's refusal in sqlite.rs is the command line's, not a page's.)
        let sources = [
            include_str!("../../core/src/evidence.rs"),
            include_str!("../../core/src/expert.rs"),
            include_str!("../../core/src/moderation.rs"),
            include_str!("../../core/src/question.rs"),
            include_str!("../../store/src/sql/mod.rs"),
            include_str!("../../store/src/sql/experts.rs"),
            include_str!("../../store/src/sql/moderation.rs"),
            include_str!("pages/experts.rs"),
        ];
        let reason = regex::Regex::new(
            r#"(?:Bad(?:Citation|Review|Application|Flag)|Conflict)\(\s*"([^"]+)""#,
        )
        .unwrap();
        let spanish = Tr::new(Lang::Es);
        let mut found = 0;
        for source in sources {
            for c in reason.captures_iter(source) {
                found += 1;
                let english = &c[1];
                assert_ne!(
                    detail_message(english, spanish),
                    english,
                    "no message for {english:?}"
                );
            }
        }
        assert!(found >= 20, "the reasons were found ({found})");
    }
}
