//! Access tokens: short-lived HS256 JWTs naming the account and the login session.
//!
//! Keys carry a `kid` so a deployment can rotate them: the current key signs, earlier keys
//! listed in `KONTAKT_JWT_PREVIOUS_KEYS` still verify until their tokens have expired.
//! Expiry is checked against the application clock, not inside the library, so that it
//! follows the same time as everything else.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::config::Config;
use crate::error::AppError;

/// What a token is good for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenUse {
    /// Calls to the API.
    Access,
    /// Only the second login step (TOTP code or enrolment).
    SecondFactor,
}

/// The claims of every token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The account.
    pub sub: Uuid,
    /// The login session (nil for second-factor tokens).
    pub sid: Uuid,
    pub iat: i64,
    pub exp: i64,
    #[serde(rename = "use")]
    pub token_use: TokenUse,
}

/// Signing and verification keys.
pub struct Keys {
    kid: String,
    encoding: EncodingKey,
    decoding: HashMap<String, DecodingKey>,
}

impl Keys {
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        let secret = match &config.jwt_secret {
            Some(secret) => secret.expose_secret().as_bytes().to_vec(),
            None => {
                tracing::warn!("KONTAKT_JWT_SECRET is not set: using a random key, valid until this process stops");
                crate::secrets::random_bytes::<32>().to_vec()
            }
        };
        anyhow::ensure!(secret.len() >= 32, "KONTAKT_JWT_SECRET must have at least 32 bytes");
        let mut decoding = HashMap::from([(config.jwt_key_id.clone(), DecodingKey::from_secret(&secret))]);
        if let Some(previous) = &config.jwt_previous_keys {
            for pair in previous
                .expose_secret()
                .split(',')
                .filter(|pair| !pair.trim().is_empty())
            {
                let (kid, key) = pair
                    .split_once(':')
                    .ok_or_else(|| anyhow::anyhow!("KONTAKT_JWT_PREVIOUS_KEYS entries are kid:secret"))?;
                decoding.insert(kid.trim().to_owned(), DecodingKey::from_secret(key.trim().as_bytes()));
            }
        }
        Ok(Self {
            kid: config.jwt_key_id.clone(),
            encoding: EncodingKey::from_secret(&secret),
            decoding,
        })
    }

    /// Signs a token for `sub`/`sid` valid for `ttl_secs` from `now`.
    pub fn issue(
        &self,
        sub: Uuid,
        sid: Uuid,
        token_use: TokenUse,
        now: DateTime<Utc>,
        ttl_secs: i64,
    ) -> anyhow::Result<String> {
        let claims = Claims {
            sub,
            sid,
            iat: now.timestamp(),
            exp: now.timestamp() + ttl_secs,
            token_use,
        };
        let header = Header {
            kid: Some(self.kid.clone()),
            ..Header::new(Algorithm::HS256)
        };
        Ok(jsonwebtoken::encode(&header, &claims, &self.encoding)?)
    }

    /// Verifies signature, algorithm, key id, expiry and use.
    pub fn verify(&self, token: &str, expected: TokenUse, now: DateTime<Utc>) -> Result<Claims, AppError> {
        let invalid = || {
            AppError::client(
                StatusCode::UNAUTHORIZED,
                "invalid_token",
                "The access token is not valid.",
            )
        };
        let header = jsonwebtoken::decode_header(token).map_err(|_| invalid())?;
        if header.alg != Algorithm::HS256 {
            return Err(invalid());
        }
        let key = header
            .kid
            .as_deref()
            .and_then(|kid| self.decoding.get(kid))
            .ok_or_else(invalid)?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_exp = false;
        validation.required_spec_claims.clear();
        let claims = jsonwebtoken::decode::<Claims>(token, key, &validation)
            .map_err(|_| invalid())?
            .claims;
        if claims.exp <= now.timestamp() {
            return Err(AppError::client(
                StatusCode::UNAUTHORIZED,
                "token_expired",
                "The access token has expired; refresh it.",
            ));
        }
        if claims.token_use != expected {
            return Err(invalid());
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use super::*;

    fn keys() -> Keys {
        let config = Config {
            jwt_secret: Some("k".repeat(40).into()),
            ..Config::default()
        };
        Keys::from_config(&config).unwrap()
    }

    #[test]
    fn issued_tokens_verify_until_they_expire() {
        let keys = keys();
        let now = Utc::now();
        let (sub, sid) = (Uuid::new_v4(), Uuid::new_v4());
        let token = keys.issue(sub, sid, TokenUse::Access, now, 600).unwrap();
        let claims = keys.verify(&token, TokenUse::Access, now).unwrap();
        assert_eq!((claims.sub, claims.sid), (sub, sid));
        let later = now + chrono::Duration::seconds(601);
        assert!(matches!(
            keys.verify(&token, TokenUse::Access, later),
            Err(AppError::Client {
                code: "token_expired",
                ..
            })
        ));
        assert!(keys.verify(&token, TokenUse::SecondFactor, now).is_err());
    }

    #[test]
    fn unsigned_tampered_and_foreign_tokens_are_refused() {
        let keys = keys();
        let now = Utc::now();
        let token = keys
            .issue(Uuid::new_v4(), Uuid::new_v4(), TokenUse::Access, now, 600)
            .unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        // alg: none with the signature removed.
        let none_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT","kid":"k1"}"#);
        assert!(
            keys.verify(&format!("{none_header}.{}.", parts[1]), TokenUse::Access, now)
                .is_err()
        );
        // Claims changed after signing.
        let mut claims: serde_json::Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        claims["sub"] = serde_json::json!(Uuid::new_v4());
        let forged = URL_SAFE_NO_PAD.encode(claims.to_string());
        assert!(
            keys.verify(&format!("{}.{forged}.{}", parts[0], parts[2]), TokenUse::Access, now)
                .is_err()
        );
        // Signed with another key.
        let other = Keys::from_config(&Config {
            jwt_secret: Some("o".repeat(40).into()),
            ..Config::default()
        })
        .unwrap();
        let foreign = other
            .issue(Uuid::new_v4(), Uuid::new_v4(), TokenUse::Access, now, 600)
            .unwrap();
        assert!(keys.verify(&foreign, TokenUse::Access, now).is_err());
    }

    #[test]
    fn previous_keys_still_verify_after_rotation() {
        let old = keys();
        let now = Utc::now();
        let token = old
            .issue(Uuid::new_v4(), Uuid::new_v4(), TokenUse::Access, now, 600)
            .unwrap();
        let rotated = Keys::from_config(&Config {
            jwt_secret: Some("n".repeat(40).into()),
            jwt_key_id: "k2".into(),
            jwt_previous_keys: Some(format!("k1:{}", "k".repeat(40)).into()),
            ..Config::default()
        })
        .unwrap();
        assert!(rotated.verify(&token, TokenUse::Access, now).is_ok());
        let fresh = rotated
            .issue(Uuid::new_v4(), Uuid::new_v4(), TokenUse::Access, now, 600)
            .unwrap();
        assert_eq!(jsonwebtoken::decode_header(&fresh).unwrap().kid.as_deref(), Some("k2"));
    }
}
