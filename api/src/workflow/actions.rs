//! What operators do to an issue (R3.1, R3.2, R4.3, R10.2): change its status, transfer it to
//! another unit, change its category, merge a duplicate into it, and write public responses
//! or internal notes. Every change is an event in the issue's history (R3.8). Operators act
//! only on their units' issues; the contact centre and administrators on all.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use minijinja::context;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;
use uuid::Uuid;

use super::status::{self, CloseReason};
use super::{deadlines, notices, refresh_deadline};
use crate::app::AppState;
use crate::auth::policy::Principal;
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::Json;
use crate::issues::model::{self, Issue, IssueStatus, NewEvent};
use crate::issues::moderation::{StaffIssue, find_for_staff, staff_view};
use crate::org::categories;
use crate::org::fields::validate_values;
use crate::schema::{information_requests, issue_followers, issue_supports, issues, units};
use crate::validation::Validator;

fn conflict(code: &'static str, detail: impl Into<String>) -> AppError {
    AppError::client(StatusCode::CONFLICT, code, detail)
}

/// Locks and reloads an issue inside a transaction, so concurrent changes serialise.
async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Issue> {
    issues::table
        .find(id)
        .for_update()
        .select(Issue::as_select())
        .first(conn)
        .await
}

/// Moves an issue to `to` and records it; the caller has checked who may. `actor` is `None`
/// for the system (an unanswered information request). Returns the updated issue.
pub async fn apply_status(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    issue: &Issue,
    to: IssueStatus,
    message: Option<&str>,
    reason: Option<CloseReason>,
    actor: Option<Uuid>,
) -> AppResult<Issue> {
    let now = state.clock.now();
    if !status::can_move(issue.status, to) {
        let allowed: Vec<&str> = status::allowed_next(issue.status).iter().map(|s| s.as_str()).collect();
        let listed = if allowed.is_empty() {
            "none".to_owned()
        } else {
            allowed.join(", ")
        };
        return Err(conflict(
            "illegal_transition",
            format!(
                "An issue cannot move from {} to {}; allowed: {listed}.",
                issue.status.as_str(),
                to.as_str()
            ),
        )
        .with_errors(
            allowed
                .iter()
                .map(|status| FieldError::new("status", "allowed", *status))
                .collect(),
        ));
    }
    // Closing an accepted issue as not feasible is due within 30 days of its acceptance (R3.3).
    let late = (reason == Some(CloseReason::NotFeasible))
        .then_some(issue.accepted_at)
        .flatten()
        .map(|accepted| now > deadlines::days_after(&state.calendar, accepted, deadlines::CLOSE_INFEASIBLE_DAYS));
    let updated: Issue = diesel::update(issues::table.find(issue.id))
        .set((
            issues::status.eq(to),
            issues::close_reason.eq(reason),
            issues::accepted_at.eq(if to == IssueStatus::Accepted {
                Some(now)
            } else {
                issue.accepted_at
            }),
            issues::finished_at.eq(to.is_finished().then_some(now)),
            issues::updated_at.eq(now),
        ))
        .returning(Issue::as_returning())
        .get_result(conn)
        .await?;
    if to.is_finished() {
        // A finished issue waits for nobody's answer.
        diesel::update(
            information_requests::table
                .filter(information_requests::issue_id.eq(issue.id))
                .filter(information_requests::answered_at.is_null())
                .filter(information_requests::expired_at.is_null()),
        )
        .set(information_requests::expired_at.eq(now))
        .execute(conn)
        .await?;
    }
    let event = NewEvent {
        kind: "status_changed",
        public: true,
        actor_id: actor,
        before: Some(json!({ "status": issue.status })),
        after: Some(json!({ "status": to, "close_reason": reason, "late": late })),
        message,
    };
    // The deadline first, so that webhook payloads built with the event show the new one;
    // the statistics facts again after it, as they read the status changes.
    refresh_deadline(conn, &state.calendar, issue.id, now).await?;
    model::record_event(conn, issue.id, event, now).await?;
    crate::stats::facts::refresh(conn, &state.calendar, issue.id, now).await?;
    let context = context! { status => to.as_str(), message => message, close_reason => reason.map(|r| r.as_str()) };
    notices::tell_followers(conn, state, &updated, "issue_status_changed", context, None).await?;
    state.map_cache.invalidate();
    // Read again: the deadline columns changed after the update above.
    Ok(lock(conn, updated.id).await?)
}

/// A change of status.
#[derive(Debug, Deserialize, ToSchema)]
pub struct StatusChange {
    pub status: IssueStatus,
    /// The public justification; required for `in_progress`, `done` and `closed`.
    pub message: Option<String>,
    /// Required for `closed`.
    pub close_reason: Option<CloseReason>,
}

fn check_status_change(body: &StatusChange) -> AppResult<Option<String>> {
    let mut v = Validator::new();
    let message = body
        .message
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(|m| v.text("message", m, 1, 5000));
    if status::needs_justification(body.status) && message.is_none() {
        v.add(FieldError::new("message", "required", "Give a public justification."));
    }
    match (body.status, body.close_reason) {
        (IssueStatus::Closed, None) => v.add(FieldError::new("close_reason", "required", "Say why it is closed.")),
        (IssueStatus::Closed, Some(_)) => {}
        (_, Some(_)) => v.add(FieldError::new(
            "close_reason",
            "invalid",
            "A reason is given only when closing.",
        )),
        (_, None) => {}
    }
    v.finish()?;
    Ok(message)
}

/// Moves an issue to another status (R3.1). Illegal moves get 409 naming the allowed ones.
#[utoipa::path(
    tag = "workflow",
    operation_id = "change_issue_status",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number")),
    request_body = StatusChange,
    responses(
        (status = 200, description = "The issue after the change", body = StaffIssue),
        (status = 403, description = "Not staff of this issue's unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such issue", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not allowed from the current status; `errors` lists the allowed ones", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing justification or reason", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/issues/{number}/status")]
pub async fn change_status(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    body: Json<StatusChange>,
) -> AppResult<web::Json<StaffIssue>> {
    let message = check_status_change(&body)?;
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    let updated = conn
        .transaction::<_, AppError, _>(async |conn| {
            let issue = lock(conn, issue.id).await?;
            apply_status(
                conn,
                &state,
                &issue,
                body.status,
                message.as_deref(),
                body.close_reason,
                Some(principal.account_id),
            )
            .await
        })
        .await?;
    Ok(web::Json(staff_view(&mut conn, updated, state.clock.now()).await?))
}

/// Moves a new issue to another unit (R3.2): it stays New and its deadline keeps running;
/// the receiving unit is notified. The contact centre forwards issues from its queue the
/// same way.
pub async fn apply_transfer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    issue: &Issue,
    unit_slug: &str,
    note: Option<&str>,
    actor: Uuid,
) -> AppResult<Issue> {
    let now = state.clock.now();
    let unit: Option<(Uuid, String)> = units::table
        .filter(units::slug.eq(unit_slug))
        .select((units::id, units::name))
        .first(conn)
        .await
        .optional()?;
    let (unit_id, unit_name) =
        unit.ok_or_else(|| AppError::validation(vec![FieldError::new("unit", "unknown", "There is no such unit.")]))?;
    if issue.status != IssueStatus::New {
        return Err(conflict(
            "not_new",
            "Only new issues are transferred; this one was already verified.",
        ));
    }
    if unit_id == issue.unit_id && !issue.awaiting_dispatch {
        return Err(conflict("same_unit", "The issue is already with this unit."));
    }
    let updated: Issue = diesel::update(issues::table.find(issue.id))
        .set((
            issues::unit_id.eq(unit_id),
            issues::awaiting_dispatch.eq(false),
            issues::updated_at.eq(now),
        ))
        .returning(Issue::as_returning())
        .get_result(conn)
        .await?;
    let from: String = units::table.find(issue.unit_id).select(units::slug).first(conn).await?;
    let event = NewEvent {
        kind: "transferred",
        public: true,
        actor_id: Some(actor),
        before: Some(json!({ "unit": from })),
        after: Some(json!({ "unit": unit_slug, "unit_name": unit_name })),
        message: None,
    };
    model::record_event(conn, issue.id, event, now).await?;
    crate::stats::facts::refresh(conn, &state.calendar, issue.id, now).await?;
    if let Some(note) = note {
        note_event(conn, issue.id, note, actor, now).await?;
    }
    notices::announce_in_queue(conn, state, &updated, true).await?;
    state.map_cache.invalidate();
    Ok(updated)
}

async fn note_event(
    conn: &mut AsyncPgConnection,
    issue: Uuid,
    note: &str,
    actor: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let event = NewEvent {
        kind: "note",
        public: false,
        actor_id: Some(actor),
        before: None,
        after: None,
        message: Some(note),
    };
    model::record_event(conn, issue, event, now).await?;
    Ok(())
}

/// Where to transfer an issue.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Transfer {
    /// The receiving unit's slug.
    pub unit: String,
    /// An internal note for the receiving unit.
    pub note: Option<String>,
}

/// Transfers a new issue to the competent unit (R3.2).
#[utoipa::path(
    tag = "workflow",
    operation_id = "transfer_issue",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number")),
    request_body = Transfer,
    responses(
        (status = 200, description = "The issue with its new unit", body = StaffIssue),
        (status = 403, description = "Not staff of this issue's unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not new any more, or already with this unit", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown unit", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/issues/{number}/transfer")]
pub async fn transfer_issue(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    body: Json<Transfer>,
) -> AppResult<web::Json<StaffIssue>> {
    let note = checked_note(body.note.as_deref())?;
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    let updated = conn
        .transaction::<_, AppError, _>(async |conn| {
            let issue = lock(conn, issue.id).await?;
            apply_transfer(
                conn,
                &state,
                &issue,
                body.unit.trim(),
                note.as_deref(),
                principal.account_id,
            )
            .await
        })
        .await?;
    Ok(web::Json(staff_view(&mut conn, updated, state.clock.now()).await?))
}

fn checked_note(note: Option<&str>) -> AppResult<Option<String>> {
    let mut v = Validator::new();
    let note = note
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| v.text("note", n, 1, 5000));
    v.finish()?;
    Ok(note)
}

/// Several issues at once.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BulkAction {
    /// Issue numbers (1–100).
    pub numbers: Vec<String>,
    pub action: BulkKind,
    /// The receiving unit, for `transfer`.
    pub unit: Option<String>,
}

/// What to do with each issue.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BulkKind {
    Accept,
    Transfer,
}

/// What happened to one issue of a bulk action.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkOutcome {
    pub number: String,
    pub ok: bool,
    /// The problem's code when it failed (`forbidden`, `illegal_transition`, …).
    pub code: Option<String>,
    pub detail: Option<String>,
}

/// Accepts or transfers several issues; each succeeds or fails on its own.
#[utoipa::path(
    tag = "workflow",
    operation_id = "bulk_issue_action",
    security(("bearer" = [])),
    request_body = BulkAction,
    responses(
        (status = 200, description = "The outcome per issue", body = Vec<BulkOutcome>),
        (status = 422, description = "No numbers, too many, or no unit for a transfer", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/issues/bulk")]
pub async fn bulk_action(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<BulkAction>,
) -> AppResult<web::Json<Vec<BulkOutcome>>> {
    let mut v = Validator::new();
    if body.numbers.is_empty() || body.numbers.len() > 100 {
        v.add(FieldError::new("numbers", "invalid", "Give 1 to 100 issue numbers."));
    }
    if body.action == BulkKind::Transfer && body.unit.is_none() {
        v.add(FieldError::new("unit", "required", "Say where to transfer the issues."));
    }
    v.finish()?;
    let mut conn = state.pool.get().await?;
    let mut outcomes = Vec::with_capacity(body.numbers.len());
    for number in &body.numbers {
        let result = async {
            let issue = find_for_staff(&mut conn, &principal, number).await?;
            conn.transaction::<_, AppError, _>(async |conn| {
                let issue = lock(conn, issue.id).await?;
                match (body.action, body.unit.as_deref()) {
                    (BulkKind::Transfer, Some(unit)) => {
                        apply_transfer(conn, &state, &issue, unit, None, principal.account_id).await
                    }
                    _ => {
                        let actor = Some(principal.account_id);
                        apply_status(conn, &state, &issue, IssueStatus::Accepted, None, None, actor).await
                    }
                }
            })
            .await
        }
        .await;
        outcomes.push(match result {
            Ok(_) => BulkOutcome {
                number: number.clone(),
                ok: true,
                code: None,
                detail: None,
            },
            Err(AppError::Client { code, detail, .. }) => BulkOutcome {
                number: number.clone(),
                ok: false,
                code: Some(code.to_owned()),
                detail: Some(detail),
            },
            Err(other) => return Err(other),
        });
    }
    Ok(web::Json(outcomes))
}

/// A new category for an issue.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CategoryChange {
    /// The new category's slug.
    pub category: String,
    /// Values for the new category's fields; when absent, the current values are checked
    /// against the new category.
    #[schema(value_type = Option<Object>)]
    pub field_values: Option<BTreeMap<String, Value>>,
}

/// Changes an issue's category; its extra fields are validated again (R10.2). The unit stays;
/// transfer the issue if another unit should handle it.
#[utoipa::path(
    tag = "workflow",
    operation_id = "change_issue_category",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number")),
    request_body = CategoryChange,
    responses(
        (status = 200, description = "The issue in its new category", body = StaffIssue),
        (status = 403, description = "Not staff of this issue's unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Finished, or already in this category", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown category or field values that do not fit it", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/issues/{number}/category")]
pub async fn change_category(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    body: Json<CategoryChange>,
) -> AppResult<web::Json<StaffIssue>> {
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    let category = categories::find_by_slug(&mut conn, body.category.trim())
        .await?
        .ok_or_else(|| {
            AppError::validation(vec![FieldError::new(
                "category",
                "unknown",
                "There is no such category.",
            )])
        })?;
    if category.id == issue.category_id {
        return Err(conflict("no_change", "The issue is already in this category."));
    }
    if issue.status.is_finished() {
        return Err(conflict("finished", "A finished issue keeps its category."));
    }
    let current: BTreeMap<String, Value> = serde_json::from_value(issue.field_values.clone()).unwrap_or_default();
    let values = body.field_values.clone().unwrap_or(current);
    let clean = validate_values(&category.fields.0, &values).map_err(AppError::validation)?;
    let now = state.clock.now();
    let updated = conn
        .transaction::<_, AppError, _>(async |conn| {
            let before: String = crate::schema::categories::table
                .find(issue.category_id)
                .select(crate::schema::categories::slug)
                .first(conn)
                .await?;
            let updated: Issue = diesel::update(issues::table.find(issue.id))
                .set((
                    issues::category_id.eq(category.id),
                    issues::field_values.eq(serde_json::to_value(&clean).map_err(anyhow::Error::from)?),
                    issues::updated_at.eq(now),
                ))
                .returning(Issue::as_returning())
                .get_result(conn)
                .await?;
            let event = NewEvent {
                kind: "category_changed",
                public: true,
                actor_id: Some(principal.account_id),
                before: Some(json!({ "category": before, "field_values": issue.field_values })),
                after: Some(json!({ "category": category.slug, "category_name": category.name_pl })),
                message: None,
            };
            model::record_event(conn, issue.id, event, now).await?;
            // Ideas and proposals have deadlines of their own.
            refresh_deadline(conn, &state.calendar, issue.id, now).await?;
            Ok(lock(conn, updated.id).await?)
        })
        .await?;
    state.map_cache.invalidate();
    Ok(web::Json(staff_view(&mut conn, updated, now).await?))
}

/// Which issue a duplicate joins.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Merge {
    /// The number of the issue that stays.
    pub into: String,
    /// The public justification on the duplicate (a default names the other issue).
    pub message: Option<String>,
}

/// Merges a duplicate into another issue (R10.2): the duplicate is Closed as a duplicate
/// pointing to the one that stays, and its supporters and followers move over.
#[utoipa::path(
    tag = "workflow",
    operation_id = "merge_issue",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The number of the duplicate")),
    request_body = Merge,
    responses(
        (status = 200, description = "The duplicate, closed", body = StaffIssue),
        (status = 403, description = "Not staff of both issues' units", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such issue", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The same issue, or one of them is finished", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/issues/{number}/merge")]
pub async fn merge_issue(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    body: Json<Merge>,
) -> AppResult<web::Json<StaffIssue>> {
    let mut conn = state.pool.get().await?;
    let duplicate = find_for_staff(&mut conn, &principal, &number).await?;
    let survivor = find_for_staff(&mut conn, &principal, &body.into).await?;
    if duplicate.id == survivor.id {
        return Err(conflict("same_issue", "An issue cannot be merged into itself."));
    }
    if survivor.status.is_finished() {
        return Err(conflict("finished", "The issue to merge into is already finished."));
    }
    let default_message = format!(
        "Zgłoszenie połączono ze zgłoszeniem {}, które dotyczy tego samego problemu.",
        survivor.number
    );
    let message = checked_note(body.message.as_deref())?.unwrap_or(default_message);
    let now = state.clock.now();
    let updated = conn
        .transaction::<_, AppError, _>(async |conn| {
            let duplicate = lock(conn, duplicate.id).await?;
            let survivor = lock(conn, survivor.id).await?;
            let actor = Some(principal.account_id);
            let closed = apply_status(
                conn,
                &state,
                &duplicate,
                IssueStatus::Closed,
                Some(&message),
                Some(CloseReason::Duplicate),
                actor,
            )
            .await?;
            diesel::update(issues::table.find(duplicate.id))
                .set(issues::merged_into.eq(survivor.id))
                .execute(conn)
                .await?;
            move_supporters(conn, duplicate.id, survivor.id).await?;
            move_followers(conn, &duplicate, survivor.id, now).await?;
            let merged = NewEvent {
                kind: "merged",
                public: true,
                actor_id: actor,
                before: None,
                after: Some(json!({ "into": survivor.number })),
                message: None,
            };
            model::record_event(conn, duplicate.id, merged, now).await?;
            let joined = NewEvent {
                kind: "duplicate_merged",
                public: true,
                actor_id: actor,
                before: None,
                after: Some(json!({ "from": duplicate.number })),
                message: None,
            };
            model::record_event(conn, survivor.id, joined, now).await?;
            Ok(Issue {
                merged_into: Some(survivor.id),
                ..closed
            })
        })
        .await?;
    Ok(web::Json(staff_view(&mut conn, updated, now).await?))
}

/// Supports move to the issue that stays, except those of people who supported both.
async fn move_supporters(conn: &mut AsyncPgConnection, from: Uuid, to: Uuid) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE issue_supports s SET issue_id = $2 WHERE s.issue_id = $1 AND NOT EXISTS (
             SELECT 1 FROM issue_supports t WHERE t.issue_id = $2
             AND (t.account_id = s.account_id OR t.browser_key_hash = s.browser_key_hash))",
    )
    .bind::<diesel::sql_types::Uuid, _>(from)
    .bind::<diesel::sql_types::Uuid, _>(to)
    .execute(conn)
    .await?;
    diesel::delete(issue_supports::table.filter(issue_supports::issue_id.eq(from)))
        .execute(conn)
        .await?;
    for id in [from, to] {
        let count: i64 = issue_supports::table
            .filter(issue_supports::issue_id.eq(id))
            .count()
            .get_result(conn)
            .await?;
        diesel::update(issues::table.find(id))
            .set(issues::support_count.eq(i32::try_from(count).unwrap_or(i32::MAX)))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// The duplicate's reporter and followers follow the issue that stays.
async fn move_followers(
    conn: &mut AsyncPgConnection,
    duplicate: &Issue,
    to: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let mut accounts: Vec<Uuid> = issue_followers::table
        .filter(issue_followers::issue_id.eq(duplicate.id))
        .filter(issue_followers::account_id.is_not_null())
        .select(issue_followers::account_id.assume_not_null())
        .load(conn)
        .await?;
    accounts.extend(duplicate.reporter_id);
    let mut emails: Vec<(String, crate::accounts::model::Language)> = issue_followers::table
        .filter(issue_followers::issue_id.eq(duplicate.id))
        .filter(issue_followers::email.is_not_null())
        .select((issue_followers::email.assume_not_null(), issue_followers::language))
        .load(conn)
        .await?;
    emails.extend(
        duplicate
            .contact_email
            .clone()
            .map(|email| (email, duplicate.reporter_language)),
    );
    for account in accounts {
        diesel::insert_into(issue_followers::table)
            .values((
                issue_followers::issue_id.eq(to),
                issue_followers::account_id.eq(account),
                issue_followers::created_at.eq(now),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    for (email, language) in emails {
        diesel::insert_into(issue_followers::table)
            .values((
                issue_followers::issue_id.eq(to),
                issue_followers::email.eq(email),
                issue_followers::language.eq(language),
                issue_followers::created_at.eq(now),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// A message from the city about an issue.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewResponse {
    pub message: String,
    /// `true`: a public response, shown on the timeline and mailed to the reporter;
    /// `false`: an internal note for staff only.
    pub public: bool,
}

/// Adds a public response or an internal note (R10.2, R10.4).
#[utoipa::path(
    tag = "workflow",
    operation_id = "add_issue_response",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number")),
    request_body = NewResponse,
    responses(
        (status = 200, description = "The issue with the new entry", body = StaffIssue),
        (status = 403, description = "Not staff of this issue's unit", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or too long", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/issues/{number}/responses")]
pub async fn add_response(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    body: Json<NewResponse>,
) -> AppResult<web::Json<StaffIssue>> {
    let mut v = Validator::new();
    let message = v.text("message", body.message.trim(), 1, 5000);
    v.finish()?;
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    let now = state.clock.now();
    conn.transaction::<_, AppError, _>(async |conn| {
        if body.public {
            let event = NewEvent {
                kind: "response",
                public: true,
                actor_id: Some(principal.account_id),
                before: None,
                after: None,
                message: Some(&message),
            };
            model::record_event(conn, issue.id, event, now).await?;
            notices::tell_followers(
                conn,
                &state,
                &issue,
                "issue_response",
                context! { message => &message },
                None,
            )
            .await?;
        } else {
            note_event(conn, issue.id, &message, principal.account_id, now).await?;
        }
        Ok(())
    })
    .await?;
    Ok(web::Json(staff_view(&mut conn, issue, now).await?))
}
