//! Extractors: our own wrappers around axum's, so malformed input comes back
//! in our error shape, and the ways a caller proves who they are.

use axum::extract::rejection::{FormRejection, JsonRejection};
use std::marker::PhantomData;

use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use axum::{Form, Json};
use confide_core::{Account, Capability, TokenHash};
use serde::de::DeserializeOwned;

use crate::auth::SESSION_COOKIE;
use crate::error::{ApiError, PageError};
use crate::{now, AppState, Error};

/// JSON body for the API; a malformed body is a 400 in our error shape.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(ApiError(Error::UnsupportedMediaType(
                    "send the body as JSON with Content-Type: application/json".into(),
                )))
            }
            Err(rejection) => Err(ApiError(Error::BadRequest {
                code: "bad_json",
                message: rejection.body_text(),
            })),
        }
    }
}

/// A form body for pages; a malformed one is a 400 page.
pub struct PageForm<T>(pub T);

impl<S, T> FromRequest<S> for PageForm<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = PageError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Form::<T>::from_request(req, state).await {
            Ok(Form(value)) => Ok(PageForm(value)),
            Err(rejection) => Err(PageError(Error::BadRequest {
                code: "bad_form",
                message: form_rejection_message(&rejection),
            })),
        }
    }
}

fn form_rejection_message(rejection: &FormRejection) -> String {
    match rejection {
        FormRejection::FailedToDeserializeForm(_)
        | FormRejection::FailedToDeserializeFormBody(_) => {
            "The form was incomplete or malformed. Go back, check the fields and send it again."
                .into()
        }
        other => other.body_text(),
    }
}

/// The bearer token of an API call, if it carries one. It may be an asker's
/// capability or an expert's session token; handlers decide which they accept.
/// Cookies are never read by the API, which is what makes it immune to CSRF.
pub struct Bearer(pub Option<Capability>);

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get(AUTHORIZATION) else {
            return Ok(Bearer(None));
        };
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .and_then(Capability::parse);
        match token {
            Some(t) => Ok(Bearer(Some(t))),
            None => Err(ApiError(Error::Unauthorized)),
        }
    }
}

/// A logged-in account, from the session cookie.
#[derive(Clone)]
pub struct Session {
    pub account: Account,
    pub token: TokenHash,
}

/// The browser's session, if it has a live one.
pub struct MaybeSession(pub Option<Session>);

impl FromRequestParts<AppState> for MaybeSession {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(token) = session_cookie(parts) else {
            return Ok(MaybeSession(None));
        };
        let hash = token.hash();
        let account = state.store.session_account(&hash, now()).await?;
        Ok(MaybeSession(account.map(|account| Session {
            account,
            token: hash,
        })))
    }
}

fn session_cookie(parts: &Parts) -> Option<Capability> {
    cookie(&parts.headers, SESSION_COOKIE).and_then(Capability::parse)
}

/// The value of the request's cookie called `name`.
pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}

/// The `{id}` of a route as a number. Anything else is simply "not found",
/// answered in the shape `R` of the caller (JSON or page).
pub struct Id<R>(pub i64, pub PhantomData<fn() -> R>);

pub type ApiId = Id<ApiError>;
pub type PageId = Id<PageError>;

impl<R> Id<R> {
    pub fn get(&self) -> i64 {
        self.0
    }
}

impl<S, R> FromRequestParts<S> for Id<R>
where
    S: Send + Sync,
    R: From<Error> + IntoResponse,
{
    type Rejection = R;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let not_found = || R::from(Error::NotFound);
        let Path(params) = Path::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_found())?;
        params
            .iter()
            .find(|(name, _)| name == "id")
            .and_then(|(_, value)| value.parse::<i64>().ok())
            .map(|id| Id(id, PhantomData))
            .ok_or_else(not_found)
    }
}

/// Query-string parameters; malformed ones are a 400 in the caller's shape.
pub struct Params<T, R>(pub T, pub PhantomData<fn() -> R>);

impl<S, T, R> FromRequestParts<S> for Params<T, R>
where
    S: Send + Sync,
    T: DeserializeOwned,
    R: From<Error> + IntoResponse,
{
    type Rejection = R;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Params(value, PhantomData)),
            Err(rejection) => Err(R::from(Error::BadRequest {
                code: "bad_query",
                message: rejection.body_text(),
            })),
        }
    }
}
