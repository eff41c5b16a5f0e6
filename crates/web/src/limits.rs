//! Rate limits without keeping anyone's address. A client is known only by
//! a keyed hash of its address under a secret that lives in memory and is
//! replaced every day, so neither the database nor yesterday's memory can
//! link a question to an address.
//!
//! With several nodes, the limits on logging in and applying can be
//! shared through the database (`shared = true`): then the daily key is
//! derived from a secret the operator gives every node in the environment,
//! never stored in the database. Askers' and readers' limits always stay
//! in each node's memory (see [`Limit::shared`]).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

use crate::{AppState, Error};

/// What is limited, each with its own allowance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    Ask,
    Reply,
    Login,
    Vote,
    /// Each search runs the model: cheap, but not free.
    Search,
    /// A reader's "this helped me" on one answer: once a day.
    Helped,
    /// Reports to moderators: enough for a careful reader, not for a flood.
    Flag,
    /// Applications to be an expert: a handful a day.
    Apply,
}

impl Limit {
    /// Whether this limit may be shared through the database. Only the
    /// actions of people with accounts (or applying for one): a bucket's
    /// row and its time would sit beside what an asker or reader did (a
    /// question, a reply, a vote, a report), and someone holding both the
    /// database and the nodes' secret could link their network to it.
    /// Search protects the node's own processor, so it stays per node too.
    fn shared(self) -> bool {
        matches!(self, Limit::Login | Limit::Apply)
    }
}

/// Allowances: a burst, then one more every `refill` seconds.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitConfig {
    pub enabled: bool,
    pub ask_burst: u32,
    pub ask_refill_seconds: u64,
    pub reply_burst: u32,
    pub reply_refill_seconds: u64,
    pub login_burst: u32,
    pub login_refill_seconds: u64,
    pub vote_burst: u32,
    pub vote_refill_seconds: u64,
    /// Share buckets between nodes through the database (needs
    /// `CONFIDE_RATE_LIMIT_SECRET`, the same on every node).
    pub shared: bool,
}

impl Default for LimitConfig {
    fn default() -> Self {
        LimitConfig {
            enabled: true,
            ask_burst: 10,
            ask_refill_seconds: 360,
            reply_burst: 30,
            reply_refill_seconds: 60,
            login_burst: 10,
            login_refill_seconds: 30,
            vote_burst: 30,
            vote_refill_seconds: 60,
            shared: false,
        }
    }
}

impl LimitConfig {
    fn allowance(&self, limit: Limit) -> (f64, Duration) {
        let (burst, refill) = match limit {
            Limit::Ask => (self.ask_burst, self.ask_refill_seconds),
            Limit::Reply => (self.reply_burst, self.reply_refill_seconds),
            Limit::Login => (self.login_burst, self.login_refill_seconds),
            Limit::Vote => (self.vote_burst, self.vote_refill_seconds),
            Limit::Search => (60, 1),
            Limit::Helped => (1, 86_400),
            Limit::Flag => (10, 360),
            Limit::Apply => (3, 28_800),
        };
        (f64::from(burst.max(1)), Duration::from_secs(refill.max(1)))
    }
}

struct Bucket {
    tokens: f64,
    updated: Instant,
}

struct Buckets {
    secret: [u8; 32],
    day: u64,
    map: HashMap<[u8; 16], Bucket>,
}

pub struct RateLimiter {
    config: LimitConfig,
    inner: Mutex<Buckets>,
    shared: Option<Shared>,
}

/// Buckets in the database, keyed under a secret that is not in it.
struct Shared {
    store: std::sync::Arc<dyn confide_store::Store>,
    secret: Vec<u8>,
}

/// The environment variable that holds the shared secret.
pub const SHARED_SECRET_VAR: &str = "CONFIDE_RATE_LIMIT_SECRET";

/// Past this many clients, full buckets are forgotten: memory stays bounded.
const MAX_TRACKED: usize = 200_000;

fn today() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0)
}

fn fresh_secret() -> [u8; 32] {
    let mut s = [0u8; 32];
    // Without randomness the limiter still works; the hashes are just less private.
    let _ = getrandom::getrandom(&mut s);
    s
}

impl RateLimiter {
    /// Limits in this node's memory.
    pub fn new(config: LimitConfig) -> Self {
        RateLimiter {
            config,
            inner: Mutex::new(Buckets {
                secret: fresh_secret(),
                day: today(),
                map: HashMap::new(),
            }),
            shared: None,
        }
    }

    /// Limits as configured: shared through `store` when `shared` is on.
    pub fn with_store(
        config: LimitConfig,
        store: std::sync::Arc<dyn confide_store::Store>,
    ) -> Result<Self, Error> {
        let shared = config.enabled && config.shared;
        let mut limiter = RateLimiter::new(config);
        if shared {
            let secret = std::env::var(SHARED_SECRET_VAR).unwrap_or_default();
            if secret.chars().count() < 16 {
                return Err(Error::Internal(format!(
                    "[site.rate_limits] shared = true needs {SHARED_SECRET_VAR}: a secret of at least \
                     16 characters, the same on every node (it is never stored)"
                )));
            }
            limiter.shared = Some(Shared {
                store,
                secret: secret.into_bytes(),
            });
        }
        Ok(limiter)
    }

    /// Takes one token for `limit` from this client's bucket, or says how
    /// long to wait.
    pub async fn check(&self, limit: Limit, client: &Client) -> Result<(), Error> {
        self.check_scoped(limit, client, 0).await
    }

    /// Like [`RateLimiter::check`], with one bucket per `scope` (e.g. per answer).
    pub async fn check_scoped(
        &self,
        limit: Limit,
        client: &Client,
        scope: i64,
    ) -> Result<(), Error> {
        if !self.config.enabled {
            return Ok(());
        }
        match &self.shared {
            Some(shared) if limit.shared() => self.check_shared(shared, limit, client, scope).await,
            _ => self.check_local(limit, client, scope),
        }
    }

    async fn check_shared(
        &self,
        shared: &Shared,
        limit: Limit,
        client: &Client,
        scope: i64,
    ) -> Result<(), Error> {
        let (burst, refill) = self.config.allowance(limit);
        let daily = daily_key(&shared.secret, today());
        let key = key(&daily, limit, client, scope);
        let wait = shared
            .store
            .take_token(&key, burst, refill.as_secs_f64() * 1000.0, crate::now())
            .await?;
        match wait {
            None => Ok(()),
            Some(retry_after) => Err(Error::TooManyRequests { retry_after }),
        }
    }

    fn check_local(&self, limit: Limit, client: &Client, scope: i64) -> Result<(), Error> {
        if !self.config.enabled {
            return Ok(());
        }
        let (burst, refill) = self.config.allowance(limit);
        let Ok(mut inner) = self.inner.lock() else {
            return Ok(());
        };
        let day = today();
        if inner.day != day {
            // A new day, a new secret: yesterday's keys mean nothing now.
            inner.secret = fresh_secret();
            inner.day = day;
            inner.map.clear();
        }
        let key = key(&inner.secret, limit, client, scope);
        let now = Instant::now();
        if inner.map.len() >= MAX_TRACKED {
            // Forget clients idle for an hour: their buckets would be full again.
            inner
                .map
                .retain(|_, b| now.duration_since(b.updated) < Duration::from_secs(3600));
        }
        let bucket = inner.map.entry(key).or_insert(Bucket {
            tokens: burst,
            updated: now,
        });
        let earned = now.duration_since(bucket.updated).as_secs_f64() / refill.as_secs_f64();
        bucket.tokens = (bucket.tokens + earned).min(burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - bucket.tokens) * refill.as_secs_f64()).ceil() as u64;
            Err(Error::TooManyRequests {
                retry_after: wait.max(1),
            })
        }
    }
}

/// An address as proxies write it: `1.2.3.4`, `1.2.3.4:5678`,
/// `[2001:db8::1]:443`, `for="…"`.
fn parse_forwarded(entry: &str) -> Option<IpAddr> {
    let v = entry.trim().trim_start_matches("for=").trim_matches('"');
    if let Ok(ip) = v.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(sock) = v.parse::<SocketAddr>() {
        return Some(sock.ip());
    }
    v.trim_start_matches('[').split(']').next()?.parse().ok()
}

/// One person's IPv6 network is a /64: keying whole addresses would give
/// them endless buckets.
fn network(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

/// Today's key from the operator's secret: yesterday's keys mean nothing today.
fn daily_key(secret: &[u8], day: u64) -> [u8; 32] {
    let mut out = [0u8; 32];
    if let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) {
        mac.update(b"confide rate limits");
        mac.update(&day.to_le_bytes());
        out.copy_from_slice(&mac.finalize().into_bytes());
    }
    out
}

fn key(secret: &[u8; 32], limit: Limit, client: &Client, scope: i64) -> [u8; 16] {
    let mut out = [0u8; 16];
    if let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) {
        mac.update(&[limit as u8]);
        mac.update(&scope.to_le_bytes());
        mac.update(network(client.0).to_string().as_bytes());
        out.copy_from_slice(&mac.finalize().into_bytes()[..16]);
    }
    out
}

/// The client's address, used only in memory, only to derive a key.
pub struct Client(IpAddr);

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Behind a reverse proxy, the proxy appends the address it saw: the
        // right-most entry is the one a client cannot forge.
        let forwarded = state
            .config
            .trusted_proxy_header
            .as_deref()
            .and_then(|name| {
                // Only the last entry counts: anything left of it the client wrote.
                let last = parts
                    .headers
                    .get_all(name)
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .flat_map(|v| v.split(','))
                    .next_back()?;
                parse_forwarded(last)
            });
        let direct = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(Client(
            forwarded
                .or(direct)
                .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(last: u8) -> Client {
        Client(IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, last)))
    }

    #[test]
    fn a_burst_then_refusal_per_client_and_action() {
        let limiter = RateLimiter::new(LimitConfig {
            ask_burst: 2,
            ..LimitConfig::default()
        });
        assert!(limiter.check_local(Limit::Ask, &client(1), 0).is_ok());
        assert!(limiter.check_local(Limit::Ask, &client(1), 0).is_ok());
        match limiter.check_local(Limit::Ask, &client(1), 0) {
            Err(Error::TooManyRequests { retry_after }) => {
                assert!(retry_after > 0 && retry_after <= 360)
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert!(
            limiter.check_local(Limit::Ask, &client(2), 0).is_ok(),
            "another client has its own bucket"
        );
        assert!(
            limiter.check_local(Limit::Reply, &client(1), 0).is_ok(),
            "another action has its own bucket"
        );
    }

    #[test]
    fn proxies_addresses_are_read_with_ports_and_brackets() {
        assert_eq!(parse_forwarded(" 1.2.3.4:5678"), "1.2.3.4".parse().ok());
        assert_eq!(
            parse_forwarded("[2001:db8::1]:443"),
            "2001:db8::1".parse().ok()
        );
        assert_eq!(
            parse_forwarded("for=\"198.51.100.7\""),
            "198.51.100.7".parse().ok()
        );
        assert_eq!(parse_forwarded("unknown"), None);
        assert_eq!(
            network("2001:db8::1".parse().unwrap()),
            network("2001:db8::ffff".parse().unwrap())
        );
    }

    #[test]
    fn disabled_limits_never_refuse() {
        let limiter = RateLimiter::new(LimitConfig {
            enabled: false,
            ask_burst: 1,
            ..LimitConfig::default()
        });
        for _ in 0..10 {
            assert!(limiter.check_local(Limit::Ask, &client(1), 0).is_ok());
        }
    }

    #[test]
    fn keys_do_not_contain_the_address() {
        let secret = [7u8; 32];
        let k = key(&secret, Limit::Ask, &client(9), 0);
        assert!(!k.windows(4).any(|w| w == [192, 0, 2, 9]));
        assert_ne!(
            k,
            key(&[8u8; 32], Limit::Ask, &client(9), 0),
            "a new secret, new keys"
        );
    }
}
