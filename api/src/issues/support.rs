//! "Me too" (R1.6): a resident adds support to an existing issue instead of filing a
//! duplicate — once per account, or once per browser for anonymous visitors (a random key
//! the browser keeps), rate-limited per client address.

use actix_web::{HttpRequest, post, web};
use chrono::Duration;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::public::find_public;
use crate::app::AppState;
use crate::auth::principal::{MaybePrincipal, client_ip};
use crate::auth::throttle;
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::Json;
use crate::schema::{issue_supports, issues};
use crate::secrets;

/// Support from an anonymous visitor.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct SupportRequest {
    /// For visitors who are not logged in: a random key (16–128 characters) the browser
    /// keeps, so that one browser supports an issue once.
    pub browser_key: Option<String>,
}

/// The issue's support after the request.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupportCount {
    pub support_count: i32,
    /// `false` when this account or browser had already supported it.
    pub added: bool,
}

/// Adds "me too" support to a public issue.
#[utoipa::path(
    tag = "issues",
    operation_id = "support_issue",
    params(("number" = String, Path, description = "The issue number")),
    request_body = SupportRequest,
    responses(
        (status = 200, description = "The support count", body = SupportCount),
        (status = 404, description = "No public issue", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Neither logged in nor a browser key", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many supports from this client", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/issues/{number}/support")]
pub async fn support_issue(
    state: web::Data<AppState>,
    caller: MaybePrincipal,
    req: HttpRequest,
    number: web::Path<String>,
    body: Json<SupportRequest>,
) -> AppResult<web::Json<SupportCount>> {
    let account = caller.0.map(|principal| principal.account_id);
    let browser = match (account, body.browser_key.as_deref().map(str::trim)) {
        (Some(_), _) => None,
        (None, Some(key)) if (16..=128).contains(&key.len()) => Some(secrets::hash(key)),
        (None, _) => {
            return Err(AppError::validation(vec![FieldError::new(
                "browser_key",
                "required",
                "Log in, or send a browser key of 16–128 characters.",
            )]));
        }
    };
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let issue = find_public(&mut conn, &number).await?;
    let bucket = format!("support-ip:{}", client_ip(&req, state.config.trust_proxy_headers));
    throttle::check(
        &mut conn,
        &bucket,
        state.config.supports_per_ip,
        Duration::hours(1),
        now,
    )
    .await?;
    let outcome = conn
        .transaction::<_, AppError, _>(async |conn| {
            let added = diesel::insert_into(issue_supports::table)
                .values((
                    issue_supports::issue_id.eq(issue.id),
                    issue_supports::account_id.eq(account),
                    issue_supports::browser_key_hash.eq(&browser),
                    issue_supports::created_at.eq(now),
                ))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?
                == 1;
            let support_count: i32 = if added {
                diesel::update(issues::table.find(issue.id))
                    .set(issues::support_count.eq(issues::support_count + 1))
                    .returning(issues::support_count)
                    .get_result(conn)
                    .await?
            } else {
                issues::table
                    .find(issue.id)
                    .select(issues::support_count)
                    .first(conn)
                    .await?
            };
            Ok(SupportCount { support_count, added })
        })
        .await?;
    if outcome.added {
        throttle::hit(&mut conn, &bucket, now).await?;
    }
    Ok(web::Json(outcome))
}
