//! Password hashing (Argon2id) and the rules for new passwords.
//!
//! Parameters: 19 MiB of memory, 2 iterations, 1 lane — the OWASP-recommended minimum for
//! Argon2id, about 25 ms per hash on the 2-core server this was sized for. Hashes made with
//! other parameters are upgraded when their owner next logs in.

use anyhow::anyhow;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::FieldError;

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 256;
const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const LANES: u32 = 1;

fn hasher() -> anyhow::Result<Argon2<'static>> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None).map_err(|error| anyhow!("argon2 params: {error}"))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password (CPU-bound: runs on a blocking thread).
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let hash = hasher()?
            .hash_password(password.as_bytes())
            .map_err(|error| anyhow!("hashing: {error}"))?;
        Ok(hash.to_string())
    })
    .await?
}

/// The outcome of checking a password.
#[derive(Debug, PartialEq, Eq)]
pub enum Verified {
    No,
    Yes,
    /// Correct, but hashed with other parameters: store a new hash.
    YesRehash,
}

/// Checks a password against a stored hash (on a blocking thread). With no stored hash
/// (unknown account) a dummy hash is checked so the answer takes as long.
pub async fn verify(password: String, stored: Option<String>) -> anyhow::Result<Verified> {
    tokio::task::spawn_blocking(move || {
        let hasher = hasher()?;
        let Some(stored) = stored else {
            let dummy = hasher
                .hash_password(b"timing equaliser")
                .map_err(|error| anyhow!("hashing: {error}"))?;
            let _ = hasher.verify_password(password.as_bytes(), &dummy);
            return Ok(Verified::No);
        };
        let parsed = PasswordHash::new(&stored).map_err(|error| anyhow!("stored hash: {error}"))?;
        if hasher.verify_password(password.as_bytes(), &parsed).is_err() {
            return Ok(Verified::No);
        }
        let current = parsed.algorithm.as_str() == "argon2id"
            && Params::try_from(&parsed)
                .is_ok_and(|p| p.m_cost() == MEMORY_KIB && p.t_cost() == ITERATIONS && p.p_cost() == LANES);
        Ok(if current { Verified::Yes } else { Verified::YesRehash })
    })
    .await?
}

/// Checks a new password: length, and not a common or easily guessed one (zxcvbn, which
/// knows the most common passwords and names; the person's own names and email count too).
pub fn validate_new(field: &str, password: &str, personal: &[&str]) -> Result<(), FieldError> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(FieldError::new(
            field,
            "too_short",
            format!("The password must have at least {MIN_LENGTH} characters."),
        ));
    }
    if length > MAX_LENGTH {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("The password may have at most {MAX_LENGTH} characters."),
        ));
    }
    let estimate = zxcvbn::zxcvbn(password, personal);
    if u8::from(estimate.score()) < 3 {
        return Err(FieldError::new(
            field,
            "too_common",
            "This password is too common or too easy to guess.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread")]
    async fn hashes_verify_and_old_parameters_ask_for_a_rehash() {
        let hash = hash("correct horse battery staple".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert_eq!(
            verify("correct horse battery staple".into(), Some(hash.clone()))
                .await
                .unwrap(),
            Verified::Yes
        );
        assert_eq!(verify("wrong".into(), Some(hash)).await.unwrap(), Verified::No);
        assert_eq!(verify("anything".into(), None).await.unwrap(), Verified::No);

        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 1, 1, None).unwrap(),
        )
        .hash_password(b"correct horse battery staple")
        .unwrap()
        .to_string();
        assert_eq!(
            verify("correct horse battery staple".into(), Some(weak)).await.unwrap(),
            Verified::YesRehash
        );
    }

    #[test]
    fn common_and_short_passwords_are_refused() {
        assert_eq!(validate_new("password", "short", &[]).unwrap_err().code, "too_short");
        for common in ["password123", "qwertyuiop", "1234567890", "iloveyou123"] {
            assert_eq!(
                validate_new("password", common, &[]).unwrap_err().code,
                "too_common",
                "{common}"
            );
        }
        assert_eq!(
            validate_new("password", "kowalski2024", &["kowalski"])
                .unwrap_err()
                .code,
            "too_common"
        );
        assert!(validate_new("password", "Tramwaj-na-Piotrkowskiej-17", &[]).is_ok());
    }
}
