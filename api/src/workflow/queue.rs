//! The operators' queue (R10.1, R3.7, R4.3): issues of the caller's units (all units for the
//! contact centre, moderators and administrators), filtered and sorted by deadline.

use actix_web::{get, web};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::policy::{Principal, Role};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::Query;
use crate::issues::model::{Channel, DeadlineView, Issue, IssueStatus, Moderation};
use crate::issues::view::{CategoryRef, Location, Lookup, UnitRef};
use crate::schema::{categories, issues, units};

/// How the queue is ordered.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum QueueSort {
    /// The nearest deadline first; issues without one last.
    #[default]
    Deadline,
    Newest,
    Oldest,
}

/// Queue filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueFilter {
    /// Statuses, comma-separated; unfinished ones when absent.
    pub status: Option<String>,
    /// Category slugs, comma-separated.
    pub category: Option<String>,
    /// A unit's slug (within the caller's units).
    pub unit: Option<String>,
    /// Channels, comma-separated (`web,phone,…`).
    pub channel: Option<String>,
    /// Only issues past their deadline (`true`) or not (`false`).
    pub overdue: Option<bool>,
    /// Only issues waiting in the contact centre's queue to be forwarded (`true`).
    pub dispatch: Option<bool>,
    /// Filed on or after this day (city time).
    pub from: Option<NaiveDate>,
    /// Filed on or before this day.
    pub to: Option<NaiveDate>,
    pub sort: Option<QueueSort>,
    pub page: Option<i64>,
    /// 1–500, default 50.
    pub per_page: Option<i64>,
}

/// An issue in the queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueueItem {
    pub number: String,
    /// The reporter's title (staff see the original).
    pub title: String,
    pub status: IssueStatus,
    pub moderation: Moderation,
    pub category: CategoryRef,
    pub unit: UnitRef,
    pub channel: Channel,
    pub created_at: DateTime<Utc>,
    pub deadline: Option<DeadlineView>,
    pub location: Option<Location>,
    pub needs_pinpoint: bool,
    /// Waiting in the contact centre's queue to be forwarded to a unit.
    pub awaiting_dispatch: bool,
    pub support_count: i32,
}

/// A page of the queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

fn invalid(field: &str, message: &str) -> AppError {
    AppError::bad_request(
        "invalid_query",
        format!("The query parameter `{field}` is not valid: {message}"),
    )
    .with_errors(vec![FieldError::new(field, "invalid", message)])
}

fn list<T: std::str::FromStr>(field: &str, value: &str) -> AppResult<Vec<T>> {
    value
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<T>()
                .map_err(|_| invalid(field, &format!("unknown value `{part}`")))
        })
        .collect()
}

/// The units whose issues the caller works on: `None` for all units.
pub fn scope(principal: &Principal) -> AppResult<Option<Vec<Uuid>>> {
    let everywhere =
        principal.is_admin() || principal.has_role(Role::Moderator) || principal.has_role(Role::ContactCentre);
    if everywhere {
        return Ok(None);
    }
    let units: Vec<Uuid> = principal
        .grants
        .iter()
        .filter(|grant| grant.role == Role::Operator)
        .filter_map(|grant| grant.unit_id)
        .collect();
    if units.is_empty() {
        return Err(AppError::client(
            actix_web::http::StatusCode::FORBIDDEN,
            "forbidden",
            "Only operators and the contact centre have a queue.",
        ));
    }
    Ok(Some(units))
}

type Boxed<'a> = issues::BoxedQuery<'a, Pg>;

fn filtered<'a>(filter: &'a QueueFilter, scope: Option<&'a [Uuid]>, now: DateTime<Utc>) -> AppResult<Boxed<'a>> {
    let mut query = issues::table.into_boxed();
    if let Some(units) = scope {
        // A unit's operators see its issues once they are in its queue (R4.2, R4.3).
        query = query
            .filter(issues::unit_id.eq_any(units))
            .filter(issues::awaiting_dispatch.eq(false));
    }
    query = match filter.status.as_deref() {
        Some(status) => query.filter(issues::status.eq_any(list::<IssueStatus>("status", status)?)),
        None => query.filter(issues::status.eq_any([IssueStatus::New, IssueStatus::Accepted, IssueStatus::InProgress])),
    };
    if let Some(slugs) = filter.category.as_deref() {
        let slugs: Vec<String> = slugs.split(',').map(|s| s.trim().to_owned()).collect();
        query = query.filter(
            issues::category_id.eq_any(
                categories::table
                    .filter(categories::slug.eq_any(slugs))
                    .select(categories::id),
            ),
        );
    }
    if let Some(unit) = filter.unit.as_deref() {
        query = query.filter(
            issues::unit_id.eq_any(
                units::table
                    .filter(units::slug.eq(unit.trim().to_owned()))
                    .select(units::id),
            ),
        );
    }
    if let Some(channels) = filter.channel.as_deref() {
        query = query.filter(issues::channel.eq_any(list::<Channel>("channel", channels)?));
    }
    match filter.overdue {
        Some(true) => {
            query = query
                .filter(issues::deadline_at.lt(now))
                .filter(issues::deadline_paused.eq(false));
        }
        Some(false) => {
            query = query.filter(
                issues::deadline_at
                    .is_null()
                    .or(issues::deadline_at.ge(now))
                    .or(issues::deadline_paused.eq(true)),
            );
        }
        None => {}
    }
    if let Some(dispatch) = filter.dispatch {
        query = query.filter(issues::awaiting_dispatch.eq(dispatch));
    }
    if let Some(from) = filter.from {
        query = query.filter(issues::created_at.ge(crate::time::start_of_day(from)));
    }
    if let Some(to) = filter.to {
        query = query.filter(issues::created_at.lt(crate::time::start_of_day(to + Duration::days(1))));
    }
    Ok(query)
}

/// The queue of the caller's units, sorted by deadline by default (operators, the contact
/// centre, moderators and administrators).
#[utoipa::path(
    tag = "workflow",
    operation_id = "staff_queue",
    security(("bearer" = [])),
    params(QueueFilter),
    responses(
        (status = 200, description = "A page of the queue", body = QueuePage),
        (status = 400, description = "A filter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No queue for this role", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/issues")]
pub async fn staff_queue(
    state: web::Data<AppState>,
    principal: Principal,
    filter: Query<QueueFilter>,
) -> AppResult<web::Json<QueuePage>> {
    let scope = scope(&principal)?;
    let per_page = filter.per_page.unwrap_or(50).clamp(1, 500);
    let page = filter.page.unwrap_or(1).max(1);
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let total: i64 = filtered(&filter, scope.as_deref(), now)?
        .count()
        .get_result(&mut conn)
        .await?;
    let query = filtered(&filter, scope.as_deref(), now)?.select(Issue::as_select());
    let query = match filter.sort.unwrap_or_default() {
        QueueSort::Deadline => query.order((
            issues::deadline_at.asc().nulls_last(),
            issues::created_at.asc(),
            issues::id,
        )),
        QueueSort::Newest => query.order((issues::created_at.desc(), issues::id)),
        QueueSort::Oldest => query.order((issues::created_at.asc(), issues::id)),
    };
    let rows: Vec<Issue> = query
        .limit(per_page)
        .offset((page - 1) * per_page)
        .load(&mut conn)
        .await?;
    let lookup = Lookup::load(&mut conn, now).await?;
    let items = rows
        .into_iter()
        .filter_map(|issue| {
            Some(QueueItem {
                category: lookup.category(issue.category_id)?.clone(),
                unit: lookup.unit(issue.unit_id)?.clone(),
                deadline: issue.deadline(now),
                location: issue.lat.zip(issue.lon).map(|(lat, lon)| Location { lat, lon }),
                number: issue.number,
                title: issue.title,
                status: issue.status,
                moderation: issue.moderation,
                channel: issue.channel,
                created_at: issue.created_at,
                needs_pinpoint: issue.needs_pinpoint,
                awaiting_dispatch: issue.awaiting_dispatch,
                support_count: issue.support_count,
            })
        })
        .collect();
    Ok(web::Json(QueuePage {
        items,
        total,
        page,
        per_page,
    }))
}
