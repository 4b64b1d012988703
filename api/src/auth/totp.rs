//! Time-based one-time passwords (RFC 6238) for staff second factor (R5.8).

use chrono::{DateTime, Utc};
use data_encoding::BASE32_NOPAD;
use totp_rs::{Builder, Secret, Totp};

const ISSUER: &str = "Kontakt";

/// A new random secret, base32-encoded (as authenticator apps expect).
pub fn new_secret() -> String {
    BASE32_NOPAD.encode(&crate::secrets::random_bytes::<20>())
}

fn totp(secret: &str, account: &str) -> Option<Totp> {
    let bytes = BASE32_NOPAD.decode(secret.as_bytes()).ok()?;
    Builder::new()
        .with_secret(Secret::new(bytes.into_boxed_slice()))
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .ok()
}

/// The `otpauth://` URL that authenticator apps import (usually as a QR code).
pub fn otpauth_url(secret: &str, account: &str) -> Option<String> {
    totp(secret, account)?.to_url().ok()
}

/// Checks a code at `now` (one step of clock drift allowed either way). Returns the
/// matched time step, which must be later than `last_step` so a code is used only once.
pub fn verify(secret: &str, code: &str, now: DateTime<Utc>, last_step: Option<i64>) -> Option<i64> {
    let time = u64::try_from(now.timestamp()).ok()?;
    let step = totp(secret, "account")?.check(code.trim(), time)?;
    let step = i64::try_from(step).ok()?;
    (last_step.is_none_or(|last| step > last)).then_some(step)
}

/// The code for `now` (used by tests and demo tooling).
pub fn code_at(secret: &str, now: DateTime<Utc>) -> Option<String> {
    let time = u64::try_from(now.timestamp()).ok()?;
    Some(totp(secret, "account")?.generate(time).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_verify_once_and_only_near_their_time() {
        let secret = new_secret();
        let now = Utc::now();
        let code = code_at(&secret, now).unwrap();
        assert_eq!(code.len(), 6);
        let step = verify(&secret, &code, now, None).unwrap();
        assert!(verify(&secret, &code, now, Some(step)).is_none(), "replay refused");
        assert!(verify(&secret, &code, now + chrono::Duration::minutes(5), None).is_none());
        assert!(verify(&secret, "000000x", now, None).is_none());
        assert!(
            otpauth_url(&secret, "anna@example.org")
                .unwrap()
                .starts_with("otpauth://totp/Kontakt:anna%40example.org?")
        );
    }
}
