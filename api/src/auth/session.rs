//! Login sessions and their rotating refresh tokens (R5.4).
//!
//! A login opens a session and hands out a refresh token. Each refresh exchanges the token
//! for a new one; the old one is marked rotated. Presenting a rotated token again (after a
//! short grace period for lost responses) means it was copied: the whole session (the token
//! family) is revoked.

use actix_web::cookie::time::Duration as CookieDuration;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::error::AppError;
use crate::schema::{refresh_tokens, sessions};
use crate::secrets;

/// Seconds during which an exchanged refresh token still works once more.
pub const REUSE_GRACE_SECS: i64 = 30;

/// The refresh cookie: only ever sent to the auth endpoints.
pub const COOKIE_NAME: &str = "kontakt_refresh";
pub const COOKIE_PATH: &str = "/api/v1/auth";

/// Opens a session for the account and returns (session id, refresh token).
pub async fn open(
    conn: &mut AsyncPgConnection,
    account_id: Uuid,
    user_agent: Option<&str>,
    now: DateTime<Utc>,
    ttl: Duration,
) -> QueryResult<(Uuid, String)> {
    let session_id: Uuid = diesel::insert_into(sessions::table)
        .values((
            sessions::account_id.eq(account_id),
            sessions::created_at.eq(now),
            sessions::last_used_at.eq(now),
            sessions::expires_at.eq(now + ttl),
            sessions::user_agent.eq(user_agent.map(|agent| agent.chars().take(300).collect::<String>())),
        ))
        .returning(sessions::id)
        .get_result(conn)
        .await?;
    let token = new_refresh_token(conn, session_id, now).await?;
    Ok((session_id, token))
}

async fn new_refresh_token(conn: &mut AsyncPgConnection, session_id: Uuid, now: DateTime<Utc>) -> QueryResult<String> {
    let (token, hash) = secrets::new_token();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::session_id.eq(session_id),
            refresh_tokens::token_hash.eq(hash),
            refresh_tokens::created_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(token)
}

fn refresh_refused(code: &'static str, detail: &str) -> AppError {
    AppError::client(StatusCode::UNAUTHORIZED, code, detail)
}

/// A refresh token with the state of its session.
#[derive(Queryable)]
struct TokenState {
    token_id: Uuid,
    rotated_at: Option<DateTime<Utc>>,
    session_id: Uuid,
    revoked_at: Option<DateTime<Utc>>,
    expires_at: DateTime<Utc>,
}

/// Exchanges a refresh token for a new one. Returns (account id, session id, new token).
/// Run inside a transaction.
pub async fn rotate(
    conn: &mut AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(Uuid, Uuid, String), AppError> {
    let found: Option<TokenState> = refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(secrets::hash(token)))
        .select((
            refresh_tokens::id,
            refresh_tokens::rotated_at,
            sessions::id,
            sessions::revoked_at,
            sessions::expires_at,
        ))
        .for_update()
        .first(conn)
        .await
        .optional()?;
    let Some(TokenState {
        token_id,
        rotated_at,
        session_id,
        revoked_at,
        expires_at,
    }) = found
    else {
        return Err(refresh_refused(
            "invalid_refresh_token",
            "The session is not valid; log in again.",
        ));
    };
    if revoked_at.is_some() || expires_at <= now {
        return Err(refresh_refused("session_ended", "The session has ended; log in again."));
    }
    // A token exchanged moments ago is most likely a retry after a lost response (a closed
    // tab, a dropped connection): it gets a new token in the same session. Later, it was copied.
    if rotated_at.is_some_and(|rotated| now - rotated <= Duration::seconds(REUSE_GRACE_SECS)) {
        let account_id: Uuid = sessions::table
            .find(session_id)
            .select(sessions::account_id)
            .first(conn)
            .await?;
        let token = new_refresh_token(conn, session_id, now).await?;
        return Ok((account_id, session_id, token));
    }
    if rotated_at.is_some() {
        revoke(conn, session_id, "refresh token reused", now).await?;
        tracing::warn!(%session_id, "refresh token reuse: session revoked");
        return Err(refresh_refused(
            "refresh_token_reused",
            "This session was ended for your safety; log in again.",
        ));
    }
    diesel::update(refresh_tokens::table.find(token_id))
        .set(refresh_tokens::rotated_at.eq(now))
        .execute(conn)
        .await?;
    let account_id: Uuid = diesel::update(sessions::table.find(session_id))
        .set(sessions::last_used_at.eq(now))
        .returning(sessions::account_id)
        .get_result(conn)
        .await?;
    let token = new_refresh_token(conn, session_id, now).await?;
    Ok((account_id, session_id, token))
}

/// Ends one session.
pub async fn revoke(
    conn: &mut AsyncPgConnection,
    session_id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(sessions::table.find(session_id).filter(sessions::revoked_at.is_null()))
        .set((sessions::revoked_at.eq(now), sessions::revoked_reason.eq(reason)))
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends every session of an account except `keep`.
pub async fn revoke_all(
    conn: &mut AsyncPgConnection,
    account_id: Uuid,
    keep: Option<Uuid>,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(
        sessions::table
            .filter(sessions::account_id.eq(account_id))
            .filter(sessions::revoked_at.is_null())
            .filter(sessions::id.ne(keep.unwrap_or_else(Uuid::nil))),
    )
    .set((sessions::revoked_at.eq(now), sessions::revoked_reason.eq(reason)))
    .execute(conn)
    .await?;
    Ok(())
}

/// The cookie carrying a refresh token.
pub fn cookie(token: String, secure: bool, ttl: Duration) -> Cookie<'static> {
    Cookie::build(COOKIE_NAME, token)
        .path(COOKIE_PATH)
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::seconds(ttl.num_seconds()))
        .finish()
}

/// A cookie that removes the refresh cookie.
pub fn removal_cookie(secure: bool) -> Cookie<'static> {
    let mut cookie = cookie(String::new(), secure, Duration::zero());
    cookie.make_removal();
    cookie
}
