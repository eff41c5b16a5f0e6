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

/// An [`Error`] answered as an HTML page, for browsers.
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
        let markup = crate::view::error_page(status, &self.0);
        let mut response = (status, axum::response::Html(markup.into_string())).into_response();
        add_retry_after(&self.0, &mut response);
        response
    }
}
