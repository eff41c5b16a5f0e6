//! Secret tokens: the asker's capability link and experts' session tokens.
//!
//! A token is 256 random bits, shown to its holder once, and stored only as
//! its SHA-256 hash: a copy of the database does not let anyone act as the
//! asker. Randomness comes from the caller, so this module stays pure.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The secret itself. Deliberately not `Debug`-printable in full, so it cannot
/// slip into a log line.
#[derive(Clone, PartialEq, Eq)]
pub struct Capability(String);

impl std::fmt::Debug for Capability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Capability(…)")
    }
}

/// Length of an encoded token: 32 bytes in unpadded URL-safe base64.
pub const TOKEN_LEN: usize = 43;

impl Capability {
    pub fn from_random(bytes: [u8; 32]) -> Self {
        Capability(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Accepts only the shape we hand out, so junk never reaches the database.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if s.len() != TOKEN_LEN {
            return None;
        }
        let bytes = URL_SAFE_NO_PAD.decode(s).ok()?;
        (bytes.len() == 32).then(|| Capability(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn hash(&self) -> TokenHash {
        TokenHash(Sha256::digest(self.0.as_bytes()).into())
    }
}

/// SHA-256 of a token: what the database holds.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenHash(pub [u8; 32]);

impl TokenHash {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        <[u8; 32]>::try_from(bytes).ok().map(TokenHash)
    }

    /// Comparison that takes the same time wherever the hashes differ.
    pub fn matches(&self, other: &TokenHash) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

impl std::fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TokenHash({:02x}{:02x}…)", self.0[0], self.0[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_round_trips_and_hashes_stably() {
        let cap = Capability::from_random([7u8; 32]);
        assert_eq!(cap.as_str().len(), TOKEN_LEN);
        let parsed = Capability::parse(cap.as_str()).unwrap();
        assert_eq!(parsed, cap);
        assert!(parsed.hash().matches(&cap.hash()));
        assert!(!Capability::from_random([8u8; 32])
            .hash()
            .matches(&cap.hash()));
    }

    #[test]
    fn malformed_tokens_are_refused() {
        assert!(Capability::parse("").is_none());
        assert!(Capability::parse("short").is_none());
        assert!(Capability::parse(&"!".repeat(TOKEN_LEN)).is_none());
        assert!(Capability::parse(&"a".repeat(TOKEN_LEN + 1)).is_none());
    }

    #[test]
    fn debug_output_hides_the_secret() {
        let cap = Capability::from_random([1u8; 32]);
        assert!(!format!("{cap:?}").contains(cap.as_str()));
    }
}
