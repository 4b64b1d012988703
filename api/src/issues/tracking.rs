//! The reporter's follow-up (R1.2, R6.1): anonymous reporters through the secret tracking
//! link, registered residents through their account. Both see the status, the public
//! responses and whether the issue is still awaiting moderation; an anonymous reporter can
//! withdraw consent, which removes the contact data at once.

use actix_web::{HttpResponse, delete, get, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::model::{self, Issue, Moderation, NewEvent, TimelineEntry};
use super::view::{self, PublicIssue};
use crate::app::AppState;
use crate::auth::policy::Principal;
use crate::error::{AppError, AppResult, Problem};
use crate::schema::issues;
use crate::secrets;

/// An issue as its reporter sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReporterIssue {
    #[serde(flatten)]
    pub issue: PublicIssue,
    /// `pending` until a moderator approves it; `rejected` issues never become public.
    pub moderation: Moderation,
    /// Why it was rejected or hidden.
    pub moderation_reason: Option<String>,
    /// Whether contact data (given with consent) is still held.
    pub has_contact: bool,
    pub timeline: Vec<TimelineEntry>,
    /// What the city asks the reporter now, to be answered by `due_at` (R3.5).
    pub information_request: Option<OpenRequest>,
}

/// A question of the city waiting for the reporter's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpenRequest {
    pub message: String,
    pub asked_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
}

async fn reporter_view(conn: &mut AsyncPgConnection, issue: Issue, now: DateTime<Utc>) -> AppResult<ReporterIssue> {
    let timeline = model::public_timeline(conn, issue.id).await?;
    let information_request = crate::workflow::requests::open_request(conn, issue.id)
        .await?
        .map(|request| OpenRequest {
            message: request.message,
            asked_at: request.asked_at,
            due_at: request.due_at,
        });
    let (moderation, moderation_reason) = (issue.moderation, issue.moderation_reason.clone());
    let has_contact = issue.contact_email.is_some() || issue.contact_phone.is_some() || issue.contact_name.is_some();
    // The reporter sees their own words, not a redacted version.
    let own = Issue {
        public_title: None,
        public_description: None,
        ..issue
    };
    let issue = view::public_views(conn, vec![own], now)
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("No such issue."))?;
    Ok(ReporterIssue {
        issue,
        moderation,
        moderation_reason,
        has_contact,
        timeline,
        information_request,
    })
}

/// The issue a tracking secret opens.
pub async fn find_by_token(conn: &mut AsyncPgConnection, token: &str) -> AppResult<Issue> {
    issues::table
        .filter(issues::tracking_token_hash.eq(secrets::hash(token)))
        .select(Issue::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found("This tracking link is not valid."))
}

/// Follows an issue through its secret tracking link.
#[utoipa::path(
    tag = "issues",
    operation_id = "track_issue",
    params(("token" = String, Path, description = "The tracking secret given when the issue was filed")),
    responses(
        (status = 200, description = "The issue", body = ReporterIssue),
        (status = 404, description = "Unknown tracking secret", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/tracking/{token}")]
pub async fn track_issue(state: web::Data<AppState>, token: web::Path<String>) -> AppResult<web::Json<ReporterIssue>> {
    let mut conn = state.pool.get().await?;
    let issue = find_by_token(&mut conn, &token).await?;
    Ok(web::Json(reporter_view(&mut conn, issue, state.clock.now()).await?))
}

/// Withdraws consent: the contact data given with the issue is removed at once (R6.1).
#[utoipa::path(
    tag = "issues",
    operation_id = "withdraw_contact_consent",
    params(("token" = String, Path, description = "The tracking secret")),
    responses(
        (status = 204, description = "Contact data removed"),
        (status = 404, description = "Unknown tracking secret", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/tracking/{token}/contact")]
pub async fn withdraw_contact_consent(state: web::Data<AppState>, token: web::Path<String>) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let issue = find_by_token(&mut conn, &token).await?;
    conn.transaction::<_, AppError, _>(async |conn| {
        diesel::update(issues::table.find(issue.id))
            .set((
                issues::contact_name.eq(None::<String>),
                issues::contact_email.eq(None::<String>),
                issues::contact_phone.eq(None::<String>),
                issues::contact_consent_at.eq(None::<DateTime<Utc>>),
                issues::updated_at.eq(now),
            ))
            .execute(conn)
            .await?;
        let event = NewEvent {
            kind: "consent_withdrawn",
            public: false,
            actor_id: None,
            before: None,
            after: Some(json!({ "contact": null })),
            message: None,
        };
        model::record_event(conn, issue.id, event, now).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// One's own issues.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyIssues {
    pub items: Vec<ReporterIssue>,
}

/// Lists the issues one filed while logged in, newest first, in every state.
#[utoipa::path(
    tag = "issues",
    operation_id = "list_my_issues",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One's issues", body = MyIssues),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/accounts/me/issues")]
pub async fn list_my_issues(state: web::Data<AppState>, principal: Principal) -> AppResult<web::Json<MyIssues>> {
    let mut conn = state.pool.get().await?;
    let rows: Vec<Issue> = issues::table
        .filter(issues::reporter_id.eq(principal.account_id))
        .select(Issue::as_select())
        .order((issues::created_at.desc(), issues::id.desc()))
        .limit(500)
        .load(&mut conn)
        .await?;
    let mut items = Vec::with_capacity(rows.len());
    for issue in rows {
        items.push(reporter_view(&mut conn, issue, state.clock.now()).await?);
    }
    Ok(web::Json(MyIssues { items }))
}
