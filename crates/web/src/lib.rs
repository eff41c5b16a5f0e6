//! Confide over HTTP: server-rendered pages that work without JavaScript,
//! and a JSON API under `/api/v1` described by an OpenAPI document.
//!
//! Handlers stay thin: they parse input into core types, call the store and
//! render. Errors become responses in one place ([`error`]).

mod access;
pub mod api;
pub mod auth;
pub mod cache;
mod csrf;
pub mod error;
mod extract;
mod help;
pub mod i18n;
pub mod limits;
mod middleware;
pub mod notify;
mod pages;
pub mod resources;
mod view;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use confide_core::{Capability, PublishPolicy, Timestamp};
use confide_search::Search;
use confide_store::Store;
use serde::Deserialize;
use tokio::net::TcpListener;

pub use error::Error;

/// What the web layer needs to know about this instance.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    /// When a question becomes public.
    pub publish: PublishPolicy,
    /// The address people use, e.g. `https://confide.example.org`, for links
    /// shown to askers. When unset, it is taken from the request's Host.
    pub public_url: Option<String>,
    /// Served behind TLS: mark cookies `Secure` and send HSTS.
    pub tls: bool,
    /// Where the quick-exit button leads: a neutral page.
    pub quick_exit_url: String,
    /// How long an expert stays logged in, in days.
    pub session_days: i64,
    /// Behind a reverse proxy: the header it puts the client's address in
    /// (e.g. `X-Forwarded-For`). Only set this when a proxy you run sets it.
    pub trusted_proxy_header: Option<String>,
    pub rate_limits: limits::LimitConfig,
    /// Unanswered questions are erased after this many days (0: never).
    pub retention_days: u32,
    /// Your own list of helplines and advice (see `data/resources.toml`);
    /// the built-in list when unset.
    pub resources_file: Option<std::path::PathBuf>,
    /// Email to experts about new questions in their topics; off when unset.
    pub smtp: Option<notify::SmtpConfig>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            publish: PublishPolicy::OnAnswer,
            public_url: None,
            tls: false,
            quick_exit_url: "https://www.bbc.com/weather".into(),
            session_days: 30,
            trusted_proxy_header: None,
            rate_limits: limits::LimitConfig::default(),
            retention_days: 90,
            resources_file: None,
            smtp: None,
        }
    }
}

/// Everything a handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub search: Arc<Search>,
    pub config: Arc<SiteConfig>,
    pub limits: Arc<limits::RateLimiter>,
    pub resources: Arc<resources::Resources>,
    /// Sends experts' digests, when the operator configured SMTP.
    pub mailer: Option<Arc<notify::Mailer>>,
    /// Rendered question pages for readers, following the change log.
    pub pages: Arc<cache::PageCache>,
    /// Time spent in the server per route, when a benchmark asks for it.
    pub timings: Option<Arc<ServerTimings>>,
    /// Signs CSRF tokens; shared through the database by every node.
    secret: Arc<[u8; 32]>,
}

impl AppState {
    pub async fn new(
        store: Arc<dyn Store>,
        search: Arc<Search>,
        config: SiteConfig,
    ) -> Result<Self, Error> {
        let secret = store.instance_secret().await?;
        let resources = match &config.resources_file {
            Some(path) => resources::Resources::from_file(path),
            None => resources::Resources::builtin(),
        }
        .map_err(Error::Internal)?;
        let mailer = match &config.smtp {
            Some(smtp) => Some(Arc::new(notify::Mailer::new(
                smtp,
                config.public_url.as_deref(),
            )?)),
            None => None,
        };
        let pages = Arc::new(cache::PageCache::new(store.last_change().await?));
        Ok(AppState {
            timings: None,
            pages,
            mailer,
            resources: Arc::new(resources),
            limits: Arc::new(limits::RateLimiter::with_store(
                config.rate_limits.clone(),
                store.clone(),
            )?),
            store,
            search,
            config: Arc::new(config),
            secret: Arc::new(secret),
        })
    }
}

/// Microseconds spent in the server for each request, by route template,
/// from the moment the request is read to the response: what a benchmark
/// reports as server time, without the load generator's share.
#[derive(Default)]
pub struct ServerTimings {
    by_route: std::sync::Mutex<std::collections::HashMap<String, Vec<u64>>>,
}

impl ServerTimings {
    fn record(&self, route: &str, micros: u64) {
        if let Ok(mut map) = self.by_route.lock() {
            map.entry(route.to_owned()).or_default().push(micros);
        }
    }

    /// Everything recorded so far, emptied.
    pub fn take(&self) -> std::collections::HashMap<String, Vec<u64>> {
        self.by_route
            .lock()
            .map(|mut m| std::mem::take(&mut *m))
            .unwrap_or_default()
    }
}

/// The current time. The only clock the web layer reads.
pub fn now() -> Timestamp {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    Timestamp(ms)
}

/// A fresh 256-bit token from the operating system's generator.
pub fn new_token() -> Result<Capability, Error> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes)
        .map_err(|e| Error::Internal(format!("no randomness available: {e}")))?;
    Ok(Capability::from_random(bytes))
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::routes())
        .nest("/api/v1", api::routes())
        .fallback(|| async { error::PageError(Error::NotFound) })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::apply_own_writes,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::security_headers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::log_request,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error::localise_pages,
        ))
        .with_state(state)
}

/// A bound, not yet running server. Binding first lets callers (and tests)
/// learn the real port when they asked for port 0.
pub struct Application {
    listener: TcpListener,
    router: Router,
    search: Arc<Search>,
    store: Arc<dyn Store>,
    retention_days: u32,
    mailer: Option<Arc<notify::Mailer>>,
    pages: Arc<cache::PageCache>,
}

impl Application {
    pub async fn bind(listen: &str, state: AppState) -> std::io::Result<Self> {
        let listener = TcpListener::bind(listen).await?;
        Ok(Application {
            listener,
            search: state.search.clone(),
            store: state.store.clone(),
            retention_days: state.config.retention_days,
            mailer: state.mailer.clone(),
            pages: state.pages.clone(),
            router: router(state),
        })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests.
    /// Meanwhile the search projection follows the change log, so writes
    /// made through other nodes or the command line are found too.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let follower = tokio::spawn(follow_changes(self.search));
        // Its own task: a slow search catch-up (embedding, merging) must
        // never hold back dropping pages another node changed.
        let pages = tokio::spawn(follow_pages(self.pages, self.store.clone()));
        let notifier = self
            .mailer
            .map(|mailer| tokio::spawn(notify::run(self.store.clone(), mailer)));
        let retention = tokio::spawn(enforce_retention(self.store, self.retention_days));
        let app = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        let served = axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown)
            .await;
        follower.abort();
        pages.abort();
        retention.abort();
        if let Some(notifier) = notifier {
            notifier.abort();
        }
        served
    }
}

/// Erases questions nobody answered within the retention period, hourly.
/// Also forgets shared rate-limit buckets idle for a day (full again by then).
async fn enforce_retention(store: Arc<dyn Store>, days: u32) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        if let Err(e) = store.purge_rate_limits(now().minus_hours(24)).await {
            tracing::warn!(error = %e, "old rate-limit buckets could not be purged");
        }
        if days == 0 {
            continue;
        }
        match erase_expired(store.as_ref(), days, now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                erased = n,
                days,
                "retention: erased unanswered questions asked more than {days} days ago"
            ),
            Err(e) => tracing::warn!(error = %e, "retention could not run"),
        }
    }
}

/// Erases every question unanswered for more than `days` days before `now`.
pub async fn erase_expired(store: &dyn Store, days: u32, now: Timestamp) -> Result<usize, Error> {
    let cutoff = now.minus_hours(24 * i64::from(days));
    let mut erased = 0;
    loop {
        let batch = store.unanswered_before(cutoff, 100).await?;
        if batch.is_empty() {
            return Ok(erased);
        }
        for id in batch {
            if store.erase_if_unanswered(id, "retention", now).await? {
                erased += 1;
            }
        }
    }
}

/// How often the projection looks for changes made elsewhere.
const FOLLOW_INTERVAL: std::time::Duration = std::time::Duration::from_millis(250);

async fn follow_changes(search: Arc<Search>) {
    let mut tick = tokio::time::interval(FOLLOW_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = search.catch_up().await {
            tracing::warn!(error = %e, "search projection could not catch up");
        }
    }
}

async fn follow_pages(pages: Arc<cache::PageCache>, store: Arc<dyn Store>) {
    let mut tick = tokio::time::interval(FOLLOW_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = pages.catch_up(store.as_ref()).await {
            tracing::warn!(error = %e, "page cache could not catch up");
        }
    }
}
