//! API keys: `kk_<prefix>_<secret>`. The prefix finds the key's row and identifies it in
//! lists; the database holds only the SHA-256 of the whole key (a 256-bit random secret
//! needs no slow hash). Every request checks the key in the database, so revoking a key or
//! disabling its app takes effect at once, and counts against the key's per-minute limit
//! in the shared throttle table, so every server instance enforces the same limit.

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use super::model::{self, Scope};
use crate::app::AppState;
use crate::auth::throttle;
use crate::error::AppError;
use crate::schema::api_keys;
use crate::secrets;

/// The header that carries a key on the native API.
pub const HEADER: &str = "X-Api-Key";
const MARK: &str = "kk";
const PREFIX_LEN: usize = 8;
const PREFIX_ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// A new key: the text to hand over once, its public prefix and the hash to store.
pub struct NewKey {
    pub key: String,
    pub prefix: String,
    pub hash: Vec<u8>,
}

pub fn generate() -> NewKey {
    let prefix: String = secrets::random_bytes::<PREFIX_LEN>()
        .iter()
        .map(|b| char::from(PREFIX_ALPHABET[usize::from(*b) % PREFIX_ALPHABET.len()]))
        .collect();
    let secret = URL_SAFE_NO_PAD.encode(secrets::random_bytes::<32>());
    let key = format!("{MARK}_{prefix}_{secret}");
    let hash = secrets::hash(&key);
    NewKey { key, prefix, hash }
}

/// The prefix of a well-formed key.
fn prefix_of(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(MARK)?.strip_prefix('_')?;
    let (prefix, secret) = rest.split_once('_')?;
    (prefix.len() == PREFIX_LEN && secret.len() == 43).then_some(prefix)
}

/// An app authenticated by one of its keys.
#[derive(Debug, Clone)]
pub struct ApiClient {
    pub app_id: Uuid,
    pub app_name: String,
    pub key_id: Uuid,
    pub scopes: Vec<Scope>,
}

impl ApiClient {
    pub fn require(&self, scope: Scope) -> Result<(), AppError> {
        if self.scopes.contains(&scope) {
            Ok(())
        } else {
            Err(AppError::client(
                StatusCode::FORBIDDEN,
                "scope_missing",
                format!("This app's keys may not do this (scope `{}`).", scope.as_str()),
            ))
        }
    }
}

fn invalid() -> AppError {
    AppError::client(
        StatusCode::UNAUTHORIZED,
        "invalid_api_key",
        "The API key is not valid, or it was revoked.",
    )
}

/// Checks a key, its app and its rate limit, and records its use.
pub async fn authenticate(conn: &mut AsyncPgConnection, key: &str, now: DateTime<Utc>) -> Result<ApiClient, AppError> {
    let prefix = prefix_of(key.trim()).ok_or_else(invalid)?;
    let (stored, app) = model::by_prefix(conn, prefix).await?.ok_or_else(invalid)?;
    if stored.secret_hash != secrets::hash(key.trim()) || stored.revoked_at.is_some() {
        return Err(invalid());
    }
    if app.disabled_at.is_some() {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "app_disabled",
            "This app is disabled; ask the city's administrators.",
        ));
    }
    let bucket = format!("api-key:{}", stored.id);
    let window = Duration::minutes(1);
    if let Some(retry_after) =
        throttle::retry_after(conn, &bucket, i64::from(app.rate_limit_per_minute), window, now).await?
    {
        return Err(AppError::Client {
            status: StatusCode::TOO_MANY_REQUESTS,
            code: "rate_limited",
            detail: format!(
                "This key may make {} requests a minute. Try again in {retry_after} seconds.",
                app.rate_limit_per_minute
            ),
            errors: Vec::new(),
            retry_after_secs: u64::try_from(retry_after).ok(),
        });
    }
    throttle::hit(conn, &bucket, now).await?;
    // At most one write a minute for the "last used" column.
    diesel::update(
        api_keys::table.find(stored.id).filter(
            api_keys::last_used_at
                .is_null()
                .or(api_keys::last_used_at.lt(now - window)),
        ),
    )
    .set(api_keys::last_used_at.eq(now))
    .execute(conn)
    .await?;
    Ok(ApiClient {
        scopes: app.scopes(),
        app_id: app.id,
        app_name: app.name,
        key_id: stored.id,
    })
}

/// The calling app when the request carries `X-Api-Key`; a key that is present but not
/// valid is refused rather than ignored.
#[derive(Debug, Clone)]
pub struct MaybeApiClient(pub Option<ApiClient>);

impl FromRequest for MaybeApiClient {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let key = req
            .headers()
            .get(HEADER)
            .map(|value| value.to_str().map(str::to_owned).map_err(|_| invalid()));
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let Some(key) = key else {
                return Ok(Self(None));
            };
            let key = key?;
            let state = state.ok_or_else(|| AppError::Internal(anyhow::anyhow!("application state missing")))?;
            let mut conn = state.pool.get().await?;
            let client = authenticate(&mut conn, &key, state.clock.now()).await?;
            Ok(Self(Some(client)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_have_their_prefix_and_hash() {
        let first = generate();
        let second = generate();
        assert_ne!(first.key, second.key);
        assert_eq!(prefix_of(&first.key), Some(first.prefix.as_str()));
        assert_eq!(secrets::hash(&first.key), first.hash);
        assert!(first.key.starts_with("kk_"));
    }

    #[test]
    fn malformed_keys_have_no_prefix() {
        let key = generate().key;
        assert_eq!(prefix_of(&key[1..]), None);
        assert_eq!(prefix_of(&key[..key.len() - 1]), None);
        assert_eq!(prefix_of("kk_abc_def"), None);
        assert_eq!(prefix_of(""), None);
    }
}
