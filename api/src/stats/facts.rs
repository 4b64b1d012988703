//! The facts of one issue that statistics aggregate (`issue_stats`), recomputed from the
//! issue, its status changes and its information requests whenever the workflow changes
//! it. Deadlines come from `workflow::deadlines`, the same arithmetic that sets them.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Europe::Warsaw;
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;
use uuid::Uuid;

use crate::issues::model::{Issue, IssueStatus, Moderation};
use crate::schema::{issue_events, issue_stats, issues};
use crate::workflow::calendar::Calendar;
use crate::workflow::deadlines::{self, CLOSE_INFEASIBLE_DAYS, START_WORKING_DAYS, VERIFY_WORKING_DAYS};
use crate::workflow::status::CloseReason;

type Pauses = Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>;

fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Warsaw).date_naive()
}

/// Working days from the day of `from` to the day of `to`, less the working days within
/// pauses (information requests) between them.
fn working_days(calendar: &Calendar, from: DateTime<Utc>, to: DateTime<Utc>, pauses: &Pauses) -> i32 {
    let total = calendar.working_days_between(local_day(from), local_day(to));
    let paused: u32 = pauses
        .iter()
        .map(|(start, end)| {
            let start = (*start).max(from);
            let end = end.unwrap_or(to).min(to);
            if end > start {
                calendar.working_days_between(local_day(start), local_day(end))
            } else {
                0
            }
        })
        .sum();
    i32::try_from(total.saturating_sub(paused)).unwrap_or(i32::MAX)
}

/// The status a `status_changed` entry records under `key` (`before` or `after`).
fn status_in(value: Option<&Value>) -> Option<IssueStatus> {
    value?.get("status")?.as_str()?.parse().ok()
}

/// The facts as stored.
#[derive(Debug, Clone, PartialEq, Insertable)]
#[diesel(table_name = issue_stats)]
pub struct Facts {
    pub issue_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub month: NaiveDate,
    pub unit_id: Uuid,
    pub category_id: Uuid,
    pub channel: String,
    pub status: String,
    pub counted: bool,
    pub public: bool,
    pub duplicate: bool,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub verified_at: Option<DateTime<Utc>>,
    pub verify_due_at: DateTime<Utc>,
    pub start_due_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub close_due_at: Option<DateTime<Utc>>,
    pub closed_after_acceptance_at: Option<DateTime<Utc>>,
    pub paused: bool,
    pub finished_at: Option<DateTime<Utc>>,
    pub days_to_accept: Option<i32>,
    pub days_to_finish: Option<i32>,
}

/// Status changes as (before, after, when), oldest first.
type Changes = Vec<(Option<IssueStatus>, Option<IssueStatus>, DateTime<Utc>)>;

/// The facts of `issue` given its status changes and pauses, at `now`.
pub fn compute(calendar: &Calendar, issue: &Issue, changes: &Changes, pauses: &Pauses, now: DateTime<Utc>) -> Facts {
    let created = issue.created_at;
    let duplicate = issue.merged_into.is_some() || issue.close_reason == Some(CloseReason::Duplicate);
    // Verified: the first change away from New (accepted, or closed as unfounded).
    let verified_at = changes
        .iter()
        .find(|(before, _, _)| *before == Some(IssueStatus::New))
        .map(|(_, _, at)| *at);
    let started_at = changes
        .iter()
        .find(|(_, after, _)| *after == Some(IssueStatus::InProgress))
        .map(|(_, _, at)| *at);
    let verify_due_at = deadlines::working_days_after(calendar, created, VERIFY_WORKING_DAYS)
        + deadlines::paused_between(created, verified_at.unwrap_or(now), pauses);
    let start_due_at = issue.accepted_at.map(|accepted| {
        deadlines::working_days_after(calendar, accepted, START_WORKING_DAYS)
            + deadlines::paused_between(accepted, started_at.or(issue.finished_at).unwrap_or(now), pauses)
    });
    let closed_after_acceptance_at = issue
        .finished_at
        .filter(|_| issue.status == IssueStatus::Closed && issue.accepted_at.is_some() && !duplicate);
    let close_due_at = issue
        .accepted_at
        .filter(|_| closed_after_acceptance_at.is_some())
        .map(|accepted| {
            deadlines::days_after(calendar, accepted, CLOSE_INFEASIBLE_DAYS)
                + deadlines::paused_between(accepted, issue.finished_at.unwrap_or(now), pauses)
        });
    let local = created.with_timezone(&Warsaw).date_naive();
    Facts {
        issue_id: issue.id,
        created_at: created,
        month: local.with_day(1).unwrap_or(local),
        unit_id: issue.unit_id,
        category_id: issue.category_id,
        channel: issue.channel.as_str().to_owned(),
        status: issue.status.as_str().to_owned(),
        counted: matches!(issue.moderation, Moderation::Pending | Moderation::Approved),
        public: issue.moderation == Moderation::Approved,
        duplicate,
        lat: issue.lat,
        lon: issue.lon,
        verified_at,
        verify_due_at,
        start_due_at,
        started_at,
        close_due_at,
        closed_after_acceptance_at,
        paused: pauses.iter().any(|(_, end)| end.is_none()),
        finished_at: issue.finished_at,
        days_to_accept: issue.accepted_at.map(|at| working_days(calendar, created, at, pauses)),
        days_to_finish: issue
            .finished_at
            .filter(|_| !duplicate)
            .map(|at| working_days(calendar, created, at, pauses)),
    }
}

/// Recomputes and stores the facts of an issue. Call in the transaction of every change.
pub async fn refresh(
    conn: &mut AsyncPgConnection,
    calendar: &Calendar,
    issue_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let issue: Issue = issues::table
        .find(issue_id)
        .select(Issue::as_select())
        .first(conn)
        .await?;
    let changes: Changes = issue_events::table
        .filter(issue_events::issue_id.eq(issue_id))
        .filter(issue_events::kind.eq("status_changed"))
        .order(issue_events::id)
        .select((issue_events::before, issue_events::after, issue_events::created_at))
        .load::<(Option<Value>, Option<Value>, DateTime<Utc>)>(conn)
        .await?
        .into_iter()
        .map(|(before, after, at)| (status_in(before.as_ref()), status_in(after.as_ref()), at))
        .collect();
    let pauses: Pauses = crate::workflow::pauses(conn, issue_id).await?;
    let facts = compute(calendar, &issue, &changes, &pauses, now);
    diesel::insert_into(issue_stats::table)
        .values(&facts)
        .on_conflict(issue_stats::issue_id)
        .do_update()
        .set((
            issue_stats::unit_id.eq(excluded(issue_stats::unit_id)),
            issue_stats::category_id.eq(excluded(issue_stats::category_id)),
            issue_stats::status.eq(excluded(issue_stats::status)),
            issue_stats::counted.eq(excluded(issue_stats::counted)),
            issue_stats::public.eq(excluded(issue_stats::public)),
            issue_stats::duplicate.eq(excluded(issue_stats::duplicate)),
            issue_stats::lat.eq(excluded(issue_stats::lat)),
            issue_stats::lon.eq(excluded(issue_stats::lon)),
            issue_stats::verified_at.eq(excluded(issue_stats::verified_at)),
            issue_stats::verify_due_at.eq(excluded(issue_stats::verify_due_at)),
            issue_stats::start_due_at.eq(excluded(issue_stats::start_due_at)),
            issue_stats::started_at.eq(excluded(issue_stats::started_at)),
            issue_stats::close_due_at.eq(excluded(issue_stats::close_due_at)),
            issue_stats::closed_after_acceptance_at.eq(excluded(issue_stats::closed_after_acceptance_at)),
            issue_stats::paused.eq(excluded(issue_stats::paused)),
            issue_stats::finished_at.eq(excluded(issue_stats::finished_at)),
            issue_stats::days_to_accept.eq(excluded(issue_stats::days_to_accept)),
            issue_stats::days_to_finish.eq(excluded(issue_stats::days_to_finish)),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Computes the facts of issues that have none (issues from before statistics existed, or
/// loaded in bulk). Returns how many it did.
pub async fn backfill(conn: &mut AsyncPgConnection, calendar: &Calendar, now: DateTime<Utc>) -> QueryResult<usize> {
    let missing: Vec<Uuid> = issues::table
        .left_join(issue_stats::table)
        .filter(issue_stats::issue_id.nullable().is_null())
        .select(issues::id)
        .limit(1000)
        .load(conn)
        .await?;
    for id in &missing {
        refresh(conn, calendar, *id, now).await?;
    }
    Ok(missing.len())
}

/// Computes the facts of every issue that lacks them, in batches, once at start.
pub async fn backfill_all(state: crate::app::AppState) {
    loop {
        let done = async {
            let mut conn = state.pool.get().await?;
            anyhow::Ok(backfill(&mut conn, &state.calendar, state.clock.now()).await?)
        }
        .await;
        match done {
            Ok(0) => return,
            Ok(count) => tracing::info!(count, "statistics facts computed"),
            Err(error) => {
                tracing::warn!(error = ?error, "computing statistics facts failed");
                return;
            }
        }
    }
}
