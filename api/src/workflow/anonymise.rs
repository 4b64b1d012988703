//! Anonymisation (R6.1): personal data in issues is kept for 6 months not counting the month
//! of registration, then removed: an issue registered on 15 January 2026 loses it on
//! 1 August 2026 (Europe/Warsaw). The contact name, email and phone, the reporter's answers
//! to information requests, the followers' addresses and the mail sent about the issue go;
//! the issue itself stays.

use chrono::{DateTime, Datelike, Months, Utc};
use chrono_tz::Europe::Warsaw;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use crate::app::AppState;
use crate::error::AppError;
use crate::issues::model::{self, NewEvent};
use crate::schema::{information_requests, issue_followers, issues, outbox_emails, outbox_webhooks};

/// Months kept after the month of registration.
const KEPT_MONTHS: u32 = 6;
const BATCH: i64 = 500;

/// Issues registered before this instant are due for anonymisation at `now`: the start of
/// the month six months before the current one (on 1 August 2026: 1 February 2026).
pub fn registered_before(now: DateTime<Utc>) -> DateTime<Utc> {
    let today = now.with_timezone(&Warsaw).date_naive();
    let first = today.with_day(1).unwrap_or(today);
    crate::time::start_of_day(first.checked_sub_months(Months::new(KEPT_MONTHS)).unwrap_or(first))
}

/// Anonymises every due issue; returns how many this process did. Each issue is claimed by
/// a conditional update, so two instances never both do one.
pub async fn run(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.now();
    let before = registered_before(now);
    let mut conn = state.pool.get().await?;
    let mut done = 0;
    loop {
        let batch = conn
            .transaction::<_, AppError, _>(async |conn| {
                let due: Vec<Uuid> = issues::table
                    .filter(issues::anonymised_at.is_null())
                    .filter(issues::created_at.lt(before))
                    .select(issues::id)
                    .limit(BATCH)
                    .for_update()
                    .skip_locked()
                    .load(conn)
                    .await?;
                let ids: Vec<Uuid> = diesel::update(
                    issues::table
                        .filter(issues::id.eq_any(&due))
                        .filter(issues::anonymised_at.is_null()),
                )
                .set((
                    issues::contact_name.eq(None::<String>),
                    issues::contact_email.eq(None::<String>),
                    issues::contact_phone.eq(None::<String>),
                    issues::contact_consent_at.eq(None::<DateTime<Utc>>),
                    issues::contact_terms_version.eq(None::<String>),
                    issues::anonymised_at.eq(now),
                ))
                .returning(issues::id)
                .get_results(conn)
                .await?;
                diesel::update(information_requests::table.filter(information_requests::issue_id.eq_any(&ids)))
                    .set(information_requests::answer.eq(None::<String>))
                    .execute(conn)
                    .await?;
                diesel::delete(
                    issue_followers::table
                        .filter(issue_followers::issue_id.eq_any(&ids))
                        .filter(issue_followers::email.is_not_null()),
                )
                .execute(conn)
                .await?;
                diesel::delete(outbox_emails::table.filter(outbox_emails::issue_id.eq_any(&ids)))
                    .execute(conn)
                    .await?;
                diesel::delete(outbox_webhooks::table.filter(outbox_webhooks::issue_id.eq_any(&ids)))
                    .execute(conn)
                    .await?;
                for id in &ids {
                    let event = NewEvent {
                        kind: "anonymised",
                        public: false,
                        actor_id: None,
                        before: None,
                        after: Some(json!({ "contact": null })),
                        message: None,
                    };
                    model::record_event(conn, *id, event, now).await?;
                }
                Ok(ids.len())
            })
            .await?;
        done += batch;
        if batch < BATCH as usize {
            return Ok(done);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn six_months_are_kept_after_the_month_of_registration() {
        let registered = at("2026-01-15T12:00:00+01:00");
        // On 31 July 2026 it is kept; from 1 August 2026 (Warsaw midnight) it is due.
        assert!(registered >= registered_before(at("2026-07-31T23:59:00+02:00")));
        assert!(registered < registered_before(at("2026-08-01T00:00:00+02:00")));
        // 31 January 23:30 Warsaw (22:30 UTC) still counts as January.
        let end_of_january = at("2026-01-31T23:30:00+01:00");
        assert!(end_of_january < registered_before(at("2026-08-01T00:00:00+02:00")));
        // 1 February 00:30 Warsaw is in February: due on 1 September.
        let february = at("2026-02-01T00:30:00+01:00");
        assert!(february >= registered_before(at("2026-08-31T12:00:00+02:00")));
        assert!(february < registered_before(at("2026-09-01T00:00:00+02:00")));
    }
}
