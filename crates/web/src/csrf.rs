//! CSRF tokens without server-side state: an HMAC of what the form acts for
//! (a session, a capability, or an anonymous visitor on a given day), keyed
//! with the instance secret, so any node can check a token another issued.
//! The request-origin check in `middleware` is the second line of defence.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use confide_core::TokenHash;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::{now, AppState, Error};

/// What a form acts on behalf of.
#[derive(Debug, Clone, Copy)]
pub enum Binding<'a> {
    Session(&'a TokenHash),
    Capability(&'a TokenHash),
    Anonymous,
}

fn sign(state: &AppState, message: &[u8]) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&state.secret[..]) else {
        // HMAC accepts keys of any length, so this cannot happen.
        return String::new();
    };
    mac.update(message);
    URL_SAFE_NO_PAD.encode(&mac.finalize().into_bytes()[..24])
}

fn message(binding: Binding<'_>, day: i64) -> Vec<u8> {
    match binding {
        Binding::Session(h) => [b"session:".as_slice(), h.as_bytes()].concat(),
        Binding::Capability(h) => [b"capability:".as_slice(), h.as_bytes()].concat(),
        Binding::Anonymous => format!("anonymous:{day}").into_bytes(),
    }
}

fn today() -> i64 {
    now().millis() / 86_400_000
}

pub fn token(state: &AppState, binding: Binding<'_>) -> String {
    sign(state, &message(binding, today()))
}

pub fn verify(state: &AppState, binding: Binding<'_>, presented: &str) -> Result<(), Error> {
    let today = today();
    // An anonymous form stays valid across midnight.
    let days: &[i64] = match binding {
        Binding::Anonymous => &[today, today - 1],
        _ => &[today],
    };
    let ok = days.iter().any(|&day| {
        let expected = sign(state, &message(binding, day));
        !expected.is_empty() && bool::from(expected.as_bytes().ct_eq(presented.as_bytes()))
    });
    if ok {
        Ok(())
    } else {
        Err(Error::Csrf)
    }
}
