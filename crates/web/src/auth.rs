//! Passwords and sessions. Argon2id hashing is deliberately slow, so it runs
//! on the blocking pool, never on the async threads.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use confide_core::{Account, Capability, Password, Timestamp};

use crate::{now, AppState, Error};

pub async fn hash_password(password: Password) -> Result<String, Error> {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        getrandom::getrandom(&mut salt).map_err(|e| Error::Internal(e.to_string()))?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Internal(e.to_string()))?;
        Argon2::default()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| Error::Internal(format!("hashing failed: {e}")))
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
}

/// Verifies a login. Unknown handles cost the same time as wrong passwords,
/// so response times do not reveal which handles exist.
pub async fn verify_login(
    state: &AppState,
    handle: &str,
    password: &str,
) -> Result<Account, Error> {
    let found = state
        .store
        .account_for_login(&handle.trim().to_lowercase())
        .await?;
    let password = password.to_owned();
    let (account, hash) = match found {
        Some((account, hash)) => (Some(account), hash),
        None => (None, dummy_hash().to_owned()),
    };
    let ok = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?;
    match account {
        Some(account) if ok && !account.disabled => Ok(account),
        _ => Err(Error::BadRequest {
            code: "bad_login",
            message: "That handle and password do not match an active account.".into(),
        }),
    }
}

fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        SaltString::from_b64("Y29uZmlkZWR1bW15c2FsdA")
            .ok()
            .and_then(|salt| {
                Argon2::default()
                    .hash_password(b"no account has this password", &salt)
                    .map(|h| h.to_string())
                    .ok()
            })
            .unwrap_or_default()
    })
}

/// Starts a session: a fresh token for the client, its hash for the store.
pub async fn start_session(
    state: &AppState,
    account: &Account,
) -> Result<(Capability, Timestamp), Error> {
    let token = crate::new_token()?;
    let created = now();
    let expires = created.plus_hours(24 * state.config.session_days);
    state
        .store
        .create_session(&token.hash(), account.id, created, expires)
        .await?;
    Ok((token, expires))
}

pub const SESSION_COOKIE: &str = "confide_session";

pub fn session_cookie(state: &AppState, token: &Capability) -> String {
    let max_age = state.config.session_days * 86_400;
    let secure = if state.config.tls { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}",
        token.as_str()
    )
}

pub fn clear_session_cookie(state: &AppState) -> String {
    let secure = if state.config.tls { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}")
}
