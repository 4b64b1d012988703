//! Issues as stored: numbers, rows, events, and the queries the routes share.

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Europe::Warsaw;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::accounts::model::Language;
use crate::schema::{issue_counters, issue_events, issue_photos, issues};
use crate::text_enum;
use crate::workflow::deadlines::DeadlineKind;
use crate::workflow::status::CloseReason;

/// An issue's current deadline (R3.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct DeadlineView {
    /// What it is for.
    pub kind: DeadlineKind,
    pub due_at: DateTime<Utc>,
    /// The reporter is asked for information; the deadline stands still.
    pub paused: bool,
    pub overdue: bool,
}

text_enum! {
    /// Where an issue is in its handling (R3.1).
    pub enum IssueStatus {
        New => "new",
        Accepted => "accepted",
        InProgress => "in_progress",
        Done => "done",
        Closed => "closed",
    }
}

impl IssueStatus {
    /// Done or Closed: handling has ended.
    pub fn is_finished(self) -> bool {
        matches!(self, Self::Done | Self::Closed)
    }
}

text_enum! {
    /// Whether an issue may be shown publicly (R2.1).
    pub enum Moderation {
        Pending => "pending",
        Approved => "approved",
        Rejected => "rejected",
        /// Removed from public view for unlawful content.
        Hidden => "hidden",
    }
}

text_enum! {
    /// How an issue reached the city (R1.7).
    pub enum Channel {
        Web => "web",
        Mobile => "mobile",
        Api => "api",
        Phone => "phone",
        Email => "email",
        Epuap => "epuap",
        Letter => "letter",
        InPerson => "in_person",
    }
}

impl Channel {
    /// Channels through which staff register issues on a caller's behalf.
    pub fn is_staff_channel(self) -> bool {
        matches!(
            self,
            Self::Phone | Self::Email | Self::Epuap | Self::Letter | Self::InPerson
        )
    }
}

/// An issue row (without the generated location and search columns).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = issues)]
pub struct Issue {
    pub id: Uuid,
    pub number: String,
    pub category_id: Uuid,
    pub unit_id: Uuid,
    pub title: String,
    pub description: String,
    pub public_title: Option<String>,
    pub public_description: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<String>,
    pub needs_pinpoint: bool,
    pub field_values: Value,
    pub status: IssueStatus,
    pub moderation: Moderation,
    pub moderation_reason: Option<String>,
    pub channel: Channel,
    pub source: Option<String>,
    /// The app it was filed through, with an API key.
    pub app_id: Option<Uuid>,
    pub reporter_id: Option<Uuid>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_consent_at: Option<DateTime<Utc>>,
    pub support_count: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub close_reason: Option<CloseReason>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub merged_into: Option<Uuid>,
    pub awaiting_dispatch: bool,
    pub deadline_kind: Option<DeadlineKind>,
    pub deadline_at: Option<DateTime<Utc>>,
    pub deadline_paused: bool,
    pub reporter_language: Language,
}

impl Issue {
    /// The current deadline, as stored by the workflow.
    pub fn deadline(&self, now: DateTime<Utc>) -> Option<DeadlineView> {
        Some(DeadlineView {
            kind: self.deadline_kind?,
            due_at: self.deadline_at?,
            paused: self.deadline_paused,
            overdue: !self.deadline_paused && self.deadline_at? < now,
        })
    }

    /// Contact data left with the issue (with consent).
    pub fn has_contact(&self) -> bool {
        self.contact_email.is_some() || self.contact_phone.is_some() || self.contact_name.is_some()
    }

    /// The title the public sees (a moderator may have redacted it).
    pub fn shown_title(&self) -> &str {
        self.public_title.as_deref().unwrap_or(&self.title)
    }

    pub fn shown_description(&self) -> &str {
        self.public_description.as_deref().unwrap_or(&self.description)
    }

    /// The number with `-` instead of `/`, as used in URLs (`2026-000123`).
    pub fn url_number(&self) -> String {
        self.number.replace('/', "-")
    }
}

/// Parses a number from a URL (`2026-000123` or `2026/000123`).
pub fn parse_number(value: &str) -> Option<String> {
    let (year, seq) = value.split_once(['-', '/'])?;
    let valid = year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && seq.len() >= 6
        && seq.chars().all(|c| c.is_ascii_digit());
    valid.then(|| format!("{year}/{seq}"))
}

/// Gives the next number of the year (in the city's time zone). The counter row is locked
/// while the statement (or the caller's transaction) runs, so concurrent filings get
/// distinct numbers.
pub async fn allocate_number(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<String> {
    let year = now.with_timezone(&Warsaw).year();
    let next: i32 = diesel::insert_into(issue_counters::table)
        .values((issue_counters::year.eq(year), issue_counters::last.eq(1)))
        .on_conflict(issue_counters::year)
        .do_update()
        .set(issue_counters::last.eq(issue_counters::last + 1))
        .returning(issue_counters::last)
        .get_result(conn)
        .await?;
    Ok(format!("{year}/{next:06}"))
}

pub async fn find_by_number(conn: &mut AsyncPgConnection, number: &str) -> QueryResult<Option<Issue>> {
    issues::table
        .filter(issues::number.eq(number))
        .select(Issue::as_select())
        .first(conn)
        .await
        .optional()
}

/// A public photo.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = issue_photos)]
pub struct Photo {
    pub id: Uuid,
    #[serde(skip)]
    pub issue_id: Uuid,
    pub position: i32,
    pub width: i32,
    pub height: i32,
    #[serde(skip)]
    pub storage_key: String,
    #[serde(skip)]
    pub thumbnail_key: String,
    pub hidden: bool,
}

pub async fn photos(conn: &mut AsyncPgConnection, issue_ids: &[Uuid]) -> QueryResult<Vec<Photo>> {
    issue_photos::table
        .filter(issue_photos::issue_id.eq_any(issue_ids))
        .select(Photo::as_select())
        .order((issue_photos::issue_id, issue_photos::position))
        .load(conn)
        .await
}

/// An entry of an issue's history.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub kind: &'a str,
    pub public: bool,
    pub actor_id: Option<Uuid>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub message: Option<&'a str>,
}

/// Records an event in the issue's history (R3.8) and queues the webhook deliveries it
/// causes (R8.4), in the caller's transaction. Returns the event's id.
pub async fn record_event(
    conn: &mut AsyncPgConnection,
    issue_id: Uuid,
    event: NewEvent<'_>,
    now: DateTime<Utc>,
) -> QueryResult<i64> {
    let event_id: i64 = diesel::insert_into(issue_events::table)
        .values((
            issue_events::issue_id.eq(issue_id),
            issue_events::kind.eq(event.kind),
            issue_events::public.eq(event.public),
            issue_events::actor_id.eq(event.actor_id),
            issue_events::before.eq(&event.before),
            issue_events::after.eq(&event.after),
            issue_events::message.eq(event.message),
            issue_events::created_at.eq(now),
        ))
        .returning(issue_events::id)
        .get_result(conn)
        .await?;
    crate::webhooks::events::fan_out(conn, issue_id, &event, event_id, now).await?;
    Ok(event_id)
}

/// The issue with this id.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Issue> {
    issues::table.find(id).select(Issue::as_select()).first(conn).await
}

/// An entry of the public timeline.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable)]
pub struct TimelineEntry {
    /// What happened: `created`, `status_changed`, `response`, …
    pub kind: String,
    /// The state after the change, when the entry is a change.
    #[schema(value_type = Option<Object>)]
    pub after: Option<Value>,
    /// A public message of the city (a response or justification).
    pub message: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The public events of an issue, oldest first. Internal ones never leave the staff API.
pub async fn public_timeline(conn: &mut AsyncPgConnection, issue_id: Uuid) -> QueryResult<Vec<TimelineEntry>> {
    issue_events::table
        .filter(issue_events::issue_id.eq(issue_id))
        .filter(issue_events::public.eq(true))
        .select((
            issue_events::kind,
            issue_events::after,
            issue_events::message,
            issue_events::created_at,
        ))
        .order(issue_events::id)
        .load(conn)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_from_urls() {
        assert_eq!(parse_number("2026-004217").as_deref(), Some("2026/004217"));
        assert_eq!(parse_number("2026/004217").as_deref(), Some("2026/004217"));
        assert_eq!(parse_number("2026-1"), None);
        assert_eq!(parse_number("abcd-004217"), None);
        assert_eq!(parse_number("2026-00421x"), None);
    }
}
