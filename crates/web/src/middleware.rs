//! Layers every response passes through: security headers and a request log
//! that never records what people wrote, their address, or their secrets.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::PageError;
use crate::{AppState, Error};

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    // Private by nature: searches (an intimate query in the address) and
    // every API answer, which may hold a private question.
    let path = request.uri().path();
    let no_store = path.starts_with("/api/") || path.starts_with("/search");
    let mut response = match check_same_origin(&request, state.config.public_url.as_deref()) {
        Err(e) => PageError(e).into_response(),
        Ok(()) => next.run(request).await,
    };
    if no_store && !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    if state.config.tls {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

/// A node applies its own writes to the search projection before it
/// answers, so whoever wrote sees their write in search at once.
pub async fn apply_own_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    let response = next.run(request).await;
    if writes && (response.status().is_success() || response.status().is_redirection()) {
        if let Err(e) = state.pages.catch_up(state.store.as_ref()).await {
            tracing::warn!(error = %e, "page cache could not catch up");
        }
        if let Err(e) = state.search.catch_up().await {
            tracing::warn!(error = %e, "search projection could not catch up");
        }
    }
    response
}

/// Refuses cross-site form posts: browsers say where a request comes from,
/// and no other site has any business posting to ours.
fn check_same_origin(request: &Request, public_url: Option<&str>) -> Result<(), Error> {
    if request.method() == Method::GET || request.method() == Method::HEAD {
        return Ok(());
    }
    let headers = request.headers();
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site")
    {
        return Err(Error::Csrf);
    }
    // Behind a proxy that rewrites Host, the configured public address
    // says which origin is ours.
    let ours = public_url
        .and_then(|u| u.split_once("://"))
        .map(|(_, rest)| rest.trim_end_matches('/').as_bytes().to_vec())
        .or_else(|| headers.get(header::HOST).map(|h| h.as_bytes().to_vec()));
    if let (Some(origin), Some(ours)) = (headers.get(header::ORIGIN), ours) {
        let origin_host = origin
            .to_str()
            .ok()
            .and_then(|o| o.split_once("://"))
            .map(|(_, rest)| rest);
        if origin_host.is_some_and(|o| o.as_bytes() != ours.as_slice()) {
            return Err(Error::Csrf);
        }
    }
    Ok(())
}

pub async fn log_request(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    // The route, not the address: question addresses carry their title.
    let path = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or("<unmatched>", |m| m.as_str())
        .to_owned();
    let response = next.run(request).await;
    let status = response.status();
    let micros = started.elapsed().as_micros() as u64;
    if let Some(timings) = &state.timings {
        timings.record(&path, micros);
    }
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        tracing::warn!(%method, path, status = status.as_u16(), micros, "request");
    } else {
        tracing::info!(%method, path, status = status.as_u16(), micros, "request");
    }
    response
}
