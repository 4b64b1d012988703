//! The `Principal` extractor: a valid access token whose account is not blocked and whose
//! session is still open. Checked against the database on every request, so blocking an
//! account or logging out takes effect at once (R5.5).

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use futures_util::future::LocalBoxFuture;

use super::jwt::TokenUse;
use super::policy::Principal;
use crate::accounts::model;
use crate::app::AppState;
use crate::error::AppError;
use crate::schema::{accounts, sessions};

fn unauthenticated() -> AppError {
    AppError::client(
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
        "Log in to do this (Authorization: Bearer <access token>).",
    )
}

fn bearer(req: &HttpRequest) -> Result<Option<String>, AppError> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| unauthenticated())?;
    match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => {
            Ok(Some(token.trim().to_owned()))
        }
        _ => Err(unauthenticated()),
    }
}

/// What decides whether a session may still act.
#[derive(Queryable)]
struct SessionState {
    blocked_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
    expires_at: DateTime<Utc>,
}

/// Resolves a bearer token to a principal.
pub async fn authenticate(state: &AppState, token: &str) -> Result<Principal, AppError> {
    let now = state.clock.now();
    let claims = state.keys.verify(token, TokenUse::Access, now)?;
    let mut conn = state.pool.get().await?;
    let row: Option<SessionState> = sessions::table
        .inner_join(accounts::table)
        .filter(sessions::id.eq(claims.sid))
        .filter(accounts::id.eq(claims.sub))
        .select((accounts::blocked_at, sessions::revoked_at, sessions::expires_at))
        .first(&mut conn)
        .await
        .optional()?;
    let Some(SessionState {
        blocked_at,
        revoked_at,
        expires_at,
    }) = row
    else {
        return Err(AppError::client(
            StatusCode::UNAUTHORIZED,
            "session_ended",
            "The session has ended; log in again.",
        ));
    };
    if blocked_at.is_some() {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "account_blocked",
            "This account is blocked.",
        ));
    }
    if revoked_at.is_some() || expires_at <= now {
        return Err(AppError::client(
            StatusCode::UNAUTHORIZED,
            "session_ended",
            "The session has ended; log in again.",
        ));
    }
    let grants = model::grants(&mut conn, claims.sub).await?;
    Ok(Principal {
        account_id: claims.sub,
        session_id: claims.sid,
        grants,
    })
}

fn state_of(req: &HttpRequest) -> Result<web::Data<AppState>, AppError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("application state missing")))
}

impl FromRequest for Principal {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let state = state_of(req);
        Box::pin(async move {
            let token = token?.ok_or_else(unauthenticated)?;
            authenticate(state?.get_ref(), &token).await
        })
    }
}

/// The caller when logged in, `None` for anonymous requests. A token that is present but
/// invalid is still refused, so clients learn that their session ended.
#[derive(Debug, Clone)]
pub struct MaybePrincipal(pub Option<Principal>);

impl FromRequest for MaybePrincipal {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let state = state_of(req);
        Box::pin(async move {
            match token? {
                Some(token) => Ok(Self(Some(authenticate(state?.get_ref(), &token).await?))),
                None => Ok(Self(None)),
            }
        })
    }
}

/// The client's address for throttling: the peer, or the first `X-Forwarded-For` entry
/// when the deployment says a trusted proxy sets it.
pub fn client_ip(req: &HttpRequest, trust_proxy_headers: bool) -> String {
    if trust_proxy_headers
        && let Some(forwarded) = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok())
        && let Some(first) = forwarded.split(',').next()
    {
        return first.trim().to_owned();
    }
    req.peer_addr()
        .map_or_else(|| "unknown".to_owned(), |addr| addr.ip().to_string())
}
