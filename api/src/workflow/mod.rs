//! The operator workflow (R3, R4.2–R4.3, R9, R10): statuses, working-day deadlines,
//! information requests, routing and transfer, responses, notifications and the background
//! jobs that keep deadlines and personal data in order.

pub mod actions;
pub mod anonymise;
pub mod calendar;
pub mod deadlines;
pub mod jobs;
pub mod notices;
pub mod queue;
pub mod requests;
pub mod status;
pub mod templates;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use self::calendar::Calendar;
use self::deadlines::{Deadline, DeadlineInput};
use crate::issues::model::IssueStatus;
use crate::org::categories::CategoryKind;
use crate::schema::{categories, information_requests, issues};

/// The times an issue's deadlines stood still: each information request, from asking until
/// it was answered or given up (`None`: still waiting).
pub async fn pauses(
    conn: &mut AsyncPgConnection,
    issue_id: Uuid,
) -> QueryResult<Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>> {
    Ok(information_requests::table
        .filter(information_requests::issue_id.eq(issue_id))
        .select((
            information_requests::asked_at,
            information_requests::answered_at,
            information_requests::expired_at,
        ))
        .load::<(DateTime<Utc>, Option<DateTime<Utc>>, Option<DateTime<Utc>>)>(conn)
        .await?
        .into_iter()
        .map(|(asked, answered, expired)| (asked, answered.or(expired)))
        .collect())
}

/// Recomputes an issue's current deadline and stores it, so that queues can sort and filter
/// by it, and the issue's statistics facts. Call after every change of status or of an
/// information request.
pub async fn refresh_deadline(
    conn: &mut AsyncPgConnection,
    calendar: &Calendar,
    issue_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<Option<Deadline>> {
    let (status, kind, created_at, accepted_at): (IssueStatus, CategoryKind, DateTime<Utc>, Option<DateTime<Utc>>) =
        issues::table
            .find(issue_id)
            .inner_join(categories::table)
            .select((
                issues::status,
                categories::kind,
                issues::created_at,
                issues::accepted_at,
            ))
            .first(conn)
            .await?;
    let pauses = pauses(conn, issue_id).await?;
    let input = DeadlineInput {
        status,
        kind,
        created_at,
        accepted_at,
        pauses: &pauses,
    };
    let deadline = deadlines::current(calendar, &input, now);
    diesel::update(issues::table.find(issue_id))
        .set((
            issues::deadline_kind.eq(deadline.as_ref().map(|d| d.kind)),
            issues::deadline_at.eq(deadline.as_ref().map(|d| d.due_at)),
            issues::deadline_paused.eq(deadline.as_ref().is_some_and(|d| d.paused)),
        ))
        .execute(conn)
        .await?;
    crate::stats::facts::refresh(conn, calendar, issue_id, now).await?;
    Ok(deadline)
}

/// Every workflow route.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(queue::staff_queue)
        .service(actions::change_status)
        .service(actions::bulk_action)
        .service(actions::transfer_issue)
        .service(actions::change_category)
        .service(actions::merge_issue)
        .service(actions::add_response)
        .service(requests::ask_for_information)
        .service(requests::answer_by_tracking)
        .service(requests::answer_by_account)
        .service(requests::inbound_email)
        .service(templates::list_templates)
        .service(templates::create_template)
        .service(templates::update_template)
        .service(templates::delete_template)
        .service(notices::get_notification_settings)
        .service(notices::update_notification_settings);
}
