//! The workflow's background jobs (R12.3): closing issues whose information requests went
//! unanswered, deadline reminders and overdue notices, anonymisation, and daily digests.
//! Every server process runs them; each unit of work is claimed in the database (a
//! conditional update, or a row in `job_runs` for a daily run) in the same transaction as
//! its effects, so with several instances each happens exactly once.
//!
//! Finished issues leave the public map by themselves: the map's query leaves out issues
//! finished longer ago than the configured time (R2.5).

use std::time::Duration;

use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Europe::Warsaw;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use minijinja::context;
use uuid::Uuid;

use super::notices::{self, NewIssueMail};
use super::status::CloseReason;
use super::templates::format_day;
use crate::app::AppState;
use crate::auth::policy::Role;
use crate::error::AppError;
use crate::issues::model::{Issue, IssueStatus};
use crate::notify::link;
use crate::schema::{information_requests, issues, job_runs, role_grants};
use crate::time::start_of_day;

/// The public justification of an automatic closure (R3.5).
const UNANSWERED: &str = "Zgłoszenie zamknięto bez rozpatrzenia, ponieważ w ciągu 7 dni nie otrzymaliśmy \
informacji, o które prosiliśmy.";
const BATCH: i64 = 100;

/// Runs the jobs every `jobs_interval_ms` until the process stops.
pub async fn run(state: AppState) {
    let instance = Uuid::new_v4().to_string();
    let interval = Duration::from_millis(state.config.jobs_interval_ms.max(10));
    loop {
        if let Err(error) = tick(&state, &instance).await {
            tracing::warn!(%error, "a workflow job failed; it runs again next round");
        }
        tokio::time::sleep(interval).await;
    }
}

/// One round of every job.
pub async fn tick(state: &AppState, instance: &str) -> Result<(), AppError> {
    close_unanswered(state).await?;
    deadline_notices(state).await?;
    super::anonymise::run(state).await?;
    digests(state, instance).await?;
    Ok(())
}

/// Closes "without consideration" the issues whose information request was not answered in time.
async fn close_unanswered(state: &AppState) -> Result<(), AppError> {
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let due: Vec<(Uuid, Uuid)> = information_requests::table
        .filter(information_requests::answered_at.is_null())
        .filter(information_requests::expired_at.is_null())
        .filter(information_requests::due_at.le(now))
        .select((information_requests::id, information_requests::issue_id))
        .limit(BATCH)
        .load(&mut conn)
        .await?;
    for (request, issue_id) in due {
        conn.transaction::<_, AppError, _>(async |conn| {
            let claimed = diesel::update(
                information_requests::table
                    .find(request)
                    .filter(information_requests::answered_at.is_null())
                    .filter(information_requests::expired_at.is_null()),
            )
            .set(information_requests::expired_at.eq(now))
            .execute(conn)
            .await?;
            if claimed == 0 {
                return Ok(());
            }
            let issue: Issue = issues::table
                .find(issue_id)
                .for_update()
                .select(Issue::as_select())
                .first(conn)
                .await?;
            if !issue.status.is_finished() {
                let reason = Some(CloseReason::WithoutConsideration);
                super::actions::apply_status(conn, state, &issue, IssueStatus::Closed, Some(UNANSWERED), reason, None)
                    .await?;
            }
            Ok(())
        })
        .await?;
    }
    Ok(())
}

/// Who is told about an issue's deadline: its queue's staff, unless they turned mail off.
async fn deadline_recipients(
    conn: &mut AsyncPgConnection,
    issue: &Issue,
) -> diesel::QueryResult<Vec<(String, crate::accounts::model::Language)>> {
    let unit = (!issue.awaiting_dispatch).then_some(issue.unit_id);
    Ok(notices::queue_staff(conn, unit)
        .await?
        .into_iter()
        .filter(|(.., setting)| *setting != NewIssueMail::Off)
        .map(|(_, email, language, _)| (email, language))
        .collect())
}

/// Reminds the queue's staff one working day before a deadline's last day, and tells them
/// when it was missed; each once per deadline.
async fn deadline_notices(state: &AppState) -> Result<(), AppError> {
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    // Reminders: deadlines ending within the next days, checked against the calendar below.
    let soon: Vec<Issue> = issues::table
        .filter(issues::deadline_paused.eq(false))
        .filter(issues::deadline_at.gt(now))
        .filter(issues::deadline_at.le(now + chrono::Duration::days(10)))
        .filter(issues::reminded_for.is_distinct_from(issues::deadline_at))
        .select(Issue::as_select())
        .limit(BATCH)
        .load(&mut conn)
        .await?;
    for issue in soon {
        let Some(due) = issue.deadline_at else { continue };
        if now < reminder_time(state, due) {
            continue;
        }
        notice(&mut conn, state, &issue, due, "staff_deadline_reminder").await?;
    }
    let missed: Vec<Issue> = issues::table
        .filter(issues::deadline_paused.eq(false))
        .filter(issues::deadline_at.lt(now))
        .filter(issues::overdue_noticed_for.is_distinct_from(issues::deadline_at))
        .select(Issue::as_select())
        .limit(BATCH)
        .load(&mut conn)
        .await?;
    for issue in missed {
        let Some(due) = issue.deadline_at else { continue };
        notice(&mut conn, state, &issue, due, "staff_deadline_missed").await?;
    }
    Ok(())
}

/// When the reminder for a deadline ending at `due` goes out: at the start of the working day
/// before the deadline's last day.
pub fn reminder_time(state: &AppState, due: DateTime<Utc>) -> DateTime<Utc> {
    let last_day = (due - chrono::Duration::seconds(1)).with_timezone(&Warsaw).date_naive();
    start_of_day(state.calendar.previous_working_day(last_day))
}

/// Claims and sends one deadline notice (`template` is the reminder or the missed notice).
async fn notice(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    issue: &Issue,
    due: DateTime<Utc>,
    template: &'static str,
) -> Result<(), AppError> {
    let missed = template == "staff_deadline_missed";
    conn.transaction::<_, AppError, _>(async |conn| {
        let target = issues::table
            .find(issue.id)
            .filter(issues::deadline_at.eq(due))
            .filter(issues::deadline_paused.eq(false));
        let claimed = if missed {
            diesel::update(target.filter(issues::overdue_noticed_for.is_distinct_from(due)))
                .set(issues::overdue_noticed_for.eq(due))
                .execute(conn)
                .await?
        } else {
            diesel::update(target.filter(issues::reminded_for.is_distinct_from(due)))
                .set(issues::reminded_for.eq(due))
                .execute(conn)
                .await?
        };
        if claimed == 0 {
            return Ok(());
        }
        let console = link(state, &format!("/console/issues/{}", issue.url_number()));
        for (email, language) in deadline_recipients(conn, issue).await? {
            let context = context! {
                number => &issue.number, title => &issue.title, deadline => format_day(due),
                kind => issue.deadline_kind.map(|k| k.as_str()), link => &console,
            };
            notices::send(conn, state, Some(issue.id), template, (&email, language), context, None).await?;
        }
        Ok(())
    })
    .await
}

/// A staff member's address, language and grants.
type Person = (String, crate::accounts::model::Language, Vec<(Role, Option<Uuid>)>);

/// Once a day, after the digest hour: staff who chose a digest get the issues that came into
/// their queue in the last 24 hours.
async fn digests(state: &AppState, instance: &str) -> Result<(), AppError> {
    let now = state.clock.now();
    let local = now.with_timezone(&Warsaw);
    if local.hour() < state.config.digest_hour {
        return Ok(());
    }
    let slot = local.date_naive().to_string();
    let mut conn = state.pool.get().await?;
    conn.transaction::<_, AppError, _>(async |conn| {
        let claimed = diesel::insert_into(job_runs::table)
            .values((
                job_runs::job.eq("digest"),
                job_runs::slot.eq(&slot),
                job_runs::instance.eq(instance),
                job_runs::ran_at.eq(now),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        if claimed == 0 {
            return Ok(());
        }
        let staff: Vec<(Uuid, String, crate::accounts::model::Language, Role, Option<Uuid>)> = role_grants::table
            .inner_join(crate::schema::accounts::table.on(crate::schema::accounts::id.eq(role_grants::account_id)))
            .filter(crate::schema::accounts::new_issue_mail.eq(NewIssueMail::Digest))
            .filter(crate::schema::accounts::blocked_at.is_null())
            .filter(role_grants::role.eq_any([Role::Operator, Role::ContactCentre]))
            .select((
                crate::schema::accounts::id,
                crate::schema::accounts::email,
                crate::schema::accounts::language,
                role_grants::role,
                role_grants::unit_id,
            ))
            .load(conn)
            .await?;
        let mut by_person: std::collections::BTreeMap<Uuid, Person> = Default::default();
        for (id, email, language, role, unit) in staff {
            by_person
                .entry(id)
                .or_insert_with(|| (email, language, Vec::new()))
                .2
                .push((role, unit));
        }
        let since = now - chrono::Duration::hours(24);
        for (email, language, grants) in by_person.into_values() {
            let units: Vec<Uuid> = grants.iter().filter_map(|(_, unit)| *unit).collect();
            let central = grants.iter().any(|(role, _)| *role == Role::ContactCentre);
            let in_units = issues::unit_id.eq_any(units).and(issues::awaiting_dispatch.eq(false));
            let mut query = issues::table.filter(issues::created_at.ge(since)).into_boxed();
            // The contact centre's queue is the issues waiting to be forwarded.
            query = if central {
                query.filter(in_units.or(issues::awaiting_dispatch.eq(true)))
            } else {
                query.filter(in_units)
            };
            let new: Vec<(String, String)> = query
                .order(issues::created_at)
                .select((issues::number, issues::title))
                .limit(200)
                .load(conn)
                .await?;
            if new.is_empty() {
                continue;
            }
            let items: Vec<minijinja::Value> = new
                .iter()
                .map(|(number, title)| context! { number => number, title => title })
                .collect();
            let context = context! { items => items, link => link(state, "/console") };
            notices::send(conn, state, None, "staff_digest", (&email, language), context, None).await?;
        }
        Ok(())
    })
    .await
}
