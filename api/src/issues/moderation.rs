//! The moderation gate (R2.1, R2.2, R10.2): only approved issues are public; moderators
//! approve, reject with a reason, hide unlawful content, redact personal data from the
//! title and description (the original stays for staff), and hide single photos.

use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::model::{self, Channel, Issue, IssueStatus, Moderation, NewEvent, Photo};
use super::view::{self, PublicIssue};
use crate::app::AppState;
use crate::auth::policy::{self, Principal};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::{Json, Query};
use crate::schema::{accounts, apps, issue_events, issue_photos, issues};
use crate::validation::Validator;
use crate::workflow::requests::InformationRequest;

/// A photo as staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffPhoto {
    pub id: Uuid,
    pub url: String,
    pub thumbnail_url: String,
    pub hidden: bool,
}

/// An issue as staff see it: the public view plus moderation, the original texts and
/// hidden photos. Contact data is not included (it has its own, logged, endpoint).
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffIssue {
    #[serde(flatten)]
    pub public: PublicIssue,
    pub moderation: Moderation,
    pub moderation_reason: Option<String>,
    pub channel: Channel,
    /// The name of the app it was filed through (with an API key).
    pub source_app: Option<String>,
    pub needs_pinpoint: bool,
    /// The reporter's own words, before any redaction.
    pub original_title: String,
    pub original_description: String,
    pub redacted: bool,
    pub all_photos: Vec<StaffPhoto>,
    /// The reporter left contact data (with consent).
    pub has_contact: bool,
    /// The reporter has an account.
    pub registered_reporter: bool,
    /// The statuses it may move to now (R3.1).
    pub allowed_next: Vec<IssueStatus>,
    /// Waiting in the contact centre's queue to be forwarded to a unit.
    pub awaiting_dispatch: bool,
    /// For a merged duplicate: the number of the issue that stays.
    pub merged_into: Option<String>,
    /// Every change, public or internal, with who made it (R3.8).
    pub history: Vec<HistoryEntry>,
    pub information_requests: Vec<InformationRequest>,
}

/// An entry of an issue's full history (staff only).
#[derive(Debug, Serialize, ToSchema, Queryable)]
pub struct HistoryEntry {
    pub kind: String,
    /// Shown on the public timeline.
    pub public: bool,
    /// Who made the change (`None`: the reporter or the system).
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    pub message: Option<String>,
    pub created_at: DateTime<Utc>,
}

async fn history(conn: &mut AsyncPgConnection, issue: Uuid) -> QueryResult<Vec<HistoryEntry>> {
    issue_events::table
        .left_join(accounts::table.on(accounts::id.nullable().eq(issue_events::actor_id)))
        .filter(issue_events::issue_id.eq(issue))
        .order(issue_events::id)
        .select((
            issue_events::kind,
            issue_events::public,
            issue_events::actor_id,
            (accounts::first_name.concat(" ").concat(accounts::last_name)).nullable(),
            issue_events::before,
            issue_events::after,
            issue_events::message,
            issue_events::created_at,
        ))
        .load(conn)
        .await
}

/// The staff view of an issue.
pub async fn staff_view(conn: &mut AsyncPgConnection, issue: Issue, now: DateTime<Utc>) -> AppResult<StaffIssue> {
    let photos: Vec<Photo> = model::photos(conn, &[issue.id]).await?;
    let lookup = view::Lookup::load(conn, now).await?;
    let history = history(conn, issue.id).await?;
    let information_requests = crate::workflow::requests::for_issue(conn, issue.id).await?;
    let merged_into = match issue.merged_into {
        Some(id) => Some(issues::table.find(id).select(issues::number).first(conn).await?),
        None => None,
    };
    let source_app = match issue.app_id {
        Some(id) => apps::table.find(id).select(apps::name).first(conn).await.optional()?,
        None => None,
    };
    let url_number = issue.url_number();
    let all_photos = photos
        .iter()
        .map(|photo| {
            let url = format!("/api/v1/staff/issues/{url_number}/photos/{}", photo.id);
            StaffPhoto {
                id: photo.id,
                thumbnail_url: format!("{url}?thumbnail=true"),
                url,
                hidden: photo.hidden,
            }
        })
        .collect();
    let staff = StaffIssue {
        moderation: issue.moderation,
        moderation_reason: issue.moderation_reason.clone(),
        channel: issue.channel,
        source_app,
        needs_pinpoint: issue.needs_pinpoint,
        original_title: issue.title.clone(),
        original_description: issue.description.clone(),
        redacted: issue.public_title.is_some() || issue.public_description.is_some(),
        all_photos,
        has_contact: issue.contact_email.is_some() || issue.contact_phone.is_some() || issue.contact_name.is_some(),
        registered_reporter: issue.reporter_id.is_some(),
        allowed_next: crate::workflow::status::allowed_next(issue.status).to_vec(),
        awaiting_dispatch: issue.awaiting_dispatch,
        merged_into,
        history,
        information_requests,
        public: view::public_view(&lookup, issue, &photos)
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("issue without category or unit")))?,
    };
    Ok(staff)
}

/// Loads an issue a staff member may see: moderators, the contact centre and administrators
/// see all; operators only their units' issues (R4.3).
pub async fn find_for_staff(conn: &mut AsyncPgConnection, principal: &Principal, number: &str) -> AppResult<Issue> {
    let number =
        model::parse_number(number).ok_or_else(|| AppError::not_found("There is no issue with this number."))?;
    let issue = model::find_by_number(conn, &number)
        .await?
        .ok_or_else(|| AppError::not_found("There is no issue with this number."))?;
    policy::require_issue_access(principal, issue.unit_id)?;
    Ok(issue)
}

/// Paging of the moderation queue.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueuePage {
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// Issues waiting for moderation.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModerationQueue {
    pub items: Vec<StaffIssue>,
    pub total: i64,
}

/// The moderation queue: pending issues, oldest first (moderators).
#[utoipa::path(
    tag = "moderation",
    operation_id = "moderation_queue",
    security(("bearer" = [])),
    params(QueuePage),
    responses(
        (status = 200, description = "Pending issues", body = ModerationQueue),
        (status = 403, description = "Not a moderator", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/moderation")]
pub async fn moderation_queue(
    state: web::Data<AppState>,
    principal: Principal,
    page: Query<QueuePage>,
) -> AppResult<web::Json<ModerationQueue>> {
    policy::require_moderator(&principal)?;
    let per_page = page.per_page.unwrap_or(20).clamp(1, 100);
    let offset = (page.page.unwrap_or(1).max(1) - 1) * per_page;
    let mut conn = state.pool.get().await?;
    let pending = issues::table.filter(issues::moderation.eq(Moderation::Pending));
    let total: i64 = pending.count().get_result(&mut conn).await?;
    let rows: Vec<Issue> = pending
        .select(Issue::as_select())
        .order((issues::created_at, issues::id))
        .limit(per_page)
        .offset(offset)
        .load(&mut conn)
        .await?;
    let mut items = Vec::with_capacity(rows.len());
    for issue in rows {
        items.push(staff_view(&mut conn, issue, state.clock.now()).await?);
    }
    Ok(web::Json(ModerationQueue { items, total }))
}

/// Reads an issue with the staff's view (moderators, the contact centre, administrators, and
/// operators of its unit).
#[utoipa::path(
    tag = "moderation",
    operation_id = "get_staff_issue",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number")),
    responses(
        (status = 200, description = "The issue", body = StaffIssue),
        (status = 403, description = "Not staff of this issue's unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such issue", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/issues/{number}")]
pub async fn get_staff_issue(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
) -> AppResult<web::Json<StaffIssue>> {
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    Ok(web::Json(staff_view(&mut conn, issue, state.clock.now()).await?))
}

/// Which image of a staff photo.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PhotoVariant {
    /// The thumbnail instead of the photo.
    pub thumbnail: Option<bool>,
}

/// A photo of any issue, hidden or not (staff who may see the issue).
#[utoipa::path(
    tag = "moderation",
    operation_id = "get_staff_issue_photo",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number"), ("photo_id" = Uuid, Path, description = "The photo"), PhotoVariant),
    responses(
        (status = 200, description = "The photo", content_type = "image/jpeg", body = Vec<u8>),
        (status = 403, description = "Not staff of this issue's unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such photo", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/issues/{number}/photos/{photo_id}")]
pub async fn get_staff_issue_photo(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, Uuid)>,
    variant: Query<PhotoVariant>,
) -> AppResult<HttpResponse> {
    let (number, photo_id) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    let (key, thumb): (String, String) = issue_photos::table
        .filter(issue_photos::id.eq(photo_id))
        .filter(issue_photos::issue_id.eq(issue.id))
        .select((issue_photos::storage_key, issue_photos::thumbnail_key))
        .first(&mut conn)
        .await?;
    let key = if variant.thumbnail.unwrap_or(false) { thumb } else { key };
    let bytes = state
        .storage
        .get(&key)
        .await?
        .ok_or_else(|| AppError::not_found("No such photo."))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "image/jpeg"))
        .insert_header(("cache-control", "private, no-store"))
        .body(bytes))
}

/// A moderation decision.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ModerationDecision {
    /// `approved` (public), `rejected` (never public) or `hidden` (removed for unlawful content).
    pub decision: Moderation,
    /// Required for `rejected` and `hidden`.
    pub reason: Option<String>,
}

/// Approves, rejects or hides an issue (moderators).
#[utoipa::path(
    tag = "moderation",
    operation_id = "moderate_issue",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number")),
    request_body = ModerationDecision,
    responses(
        (status = 200, description = "The issue after the decision", body = StaffIssue),
        (status = 403, description = "Not a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such issue", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already in this state", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing reason or `pending`", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/issues/{number}/moderation")]
pub async fn moderate_issue(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    body: Json<ModerationDecision>,
) -> AppResult<web::Json<StaffIssue>> {
    policy::require_moderator(&principal)?;
    let mut v = Validator::new();
    let reason = body
        .reason
        .as_deref()
        .map(|reason| v.text("reason", reason, 1, 1000))
        .filter(|reason| !reason.is_empty());
    match body.decision {
        Moderation::Pending => v.add(FieldError::new(
            "decision",
            "invalid",
            "Decide approved, rejected or hidden.",
        )),
        Moderation::Rejected | Moderation::Hidden if reason.is_none() => {
            v.add(FieldError::new("reason", "required", "Give the reason."))
        }
        _ => {}
    }
    v.finish()?;
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    if issue.moderation == body.decision {
        return Err(AppError::client(
            StatusCode::CONFLICT,
            "no_change",
            "The issue is already in this state.",
        ));
    }
    let decision = body.decision;
    let updated = conn
        .transaction::<_, AppError, _>(async |conn| {
            let updated: Issue = diesel::update(issues::table.find(issue.id))
                .set((
                    issues::moderation.eq(decision),
                    issues::moderation_reason.eq(&reason),
                    issues::updated_at.eq(now),
                ))
                .returning(Issue::as_returning())
                .get_result(conn)
                .await?;
            let event = NewEvent {
                kind: "moderated",
                public: false,
                actor_id: Some(principal.account_id),
                before: Some(json!({ "moderation": issue.moderation })),
                after: Some(json!({ "moderation": decision, "reason": reason })),
                message: None,
            };
            model::record_event(conn, issue.id, event, now).await?;
            crate::stats::facts::refresh(conn, &state.calendar, issue.id, now).await?;
            Ok(updated)
        })
        .await?;
    state.map_cache.invalidate();
    Ok(web::Json(staff_view(&mut conn, updated, state.clock.now()).await?))
}

/// New public texts with personal data removed; absent fields stay as they are, `null`
/// restores the original.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Redaction {
    #[serde(default, with = "::serde_with::rust::double_option")]
    pub title: Option<Option<String>>,
    #[serde(default, with = "::serde_with::rust::double_option")]
    pub description: Option<Option<String>>,
}

/// Redacts personal data from what the public sees; the original stays for staff, and the
/// change is recorded with who and when (moderators).
#[utoipa::path(
    tag = "moderation",
    operation_id = "redact_issue",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number")),
    request_body = Redaction,
    responses(
        (status = 200, description = "The issue after redaction", body = StaffIssue),
        (status = 403, description = "Not a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid texts", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/issues/{number}/redaction")]
pub async fn redact_issue(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    body: Json<Redaction>,
) -> AppResult<web::Json<StaffIssue>> {
    policy::require_moderator(&principal)?;
    let mut v = Validator::new();
    let title = body
        .title
        .as_ref()
        .map(|title| title.as_deref().map(|text| v.text("title", text, 1, 200)));
    let description = body
        .description
        .as_ref()
        .map(|text| text.as_deref().map(|text| v.text("description", text, 1, 5000)));
    v.finish()?;
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    let new_title = title.unwrap_or(issue.public_title.clone());
    let new_description = description.unwrap_or(issue.public_description.clone());
    let updated = conn
        .transaction::<_, AppError, _>(async |conn| {
            let updated: Issue = diesel::update(issues::table.find(issue.id))
                .set((
                    issues::public_title.eq(&new_title),
                    issues::public_description.eq(&new_description),
                    issues::redacted_by.eq(principal.account_id),
                    issues::redacted_at.eq(now),
                    issues::updated_at.eq(now),
                ))
                .returning(Issue::as_returning())
                .get_result(conn)
                .await?;
            let event = NewEvent {
                kind: "redacted",
                public: false,
                actor_id: Some(principal.account_id),
                before: Some(json!({ "title": issue.shown_title(), "description": issue.shown_description() })),
                after: Some(json!({ "title": updated.shown_title(), "description": updated.shown_description() })),
                message: None,
            };
            model::record_event(conn, issue.id, event, now).await?;
            crate::stats::facts::refresh(conn, &state.calendar, issue.id, now).await?;
            Ok(updated)
        })
        .await?;
    state.map_cache.invalidate();
    Ok(web::Json(staff_view(&mut conn, updated, state.clock.now()).await?))
}

/// Whether a photo is shown publicly.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PhotoVisibility {
    pub hidden: bool,
}

/// Hides a photo from the public (or shows it again) (moderators).
#[utoipa::path(
    tag = "moderation",
    operation_id = "set_photo_visibility",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number"), ("photo_id" = Uuid, Path, description = "The photo")),
    request_body = PhotoVisibility,
    responses(
        (status = 200, description = "The issue", body = StaffIssue),
        (status = 403, description = "Not a moderator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such photo", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/issues/{number}/photos/{photo_id}/visibility")]
pub async fn set_photo_visibility(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, Uuid)>,
    body: Json<PhotoVisibility>,
) -> AppResult<web::Json<StaffIssue>> {
    policy::require_moderator(&principal)?;
    let (number, photo_id) = path.into_inner();
    let now: DateTime<Utc> = state.clock.now();
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    let hidden = body.hidden;
    conn.transaction::<_, AppError, _>(async |conn| {
        let changed = diesel::update(
            issue_photos::table
                .filter(issue_photos::id.eq(photo_id))
                .filter(issue_photos::issue_id.eq(issue.id)),
        )
        .set(issue_photos::hidden.eq(hidden))
        .execute(conn)
        .await?;
        if changed == 0 {
            return Err(AppError::not_found("No such photo."));
        }
        let event = NewEvent {
            kind: "photo_visibility",
            public: false,
            actor_id: Some(principal.account_id),
            before: None,
            after: Some(json!({ "photo": photo_id, "hidden": hidden })),
            message: None,
        };
        model::record_event(conn, issue.id, event, now).await?;
        Ok(())
    })
    .await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    Ok(web::Json(staff_view(&mut conn, issue, state.clock.now()).await?))
}
