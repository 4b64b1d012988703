//! mySociety's `servicerequestupdates` extension of GeoReport v2: the public history of
//! public issues — status changes, the city's responses, transfers — with extended
//! statuses, so that clients such as FixMyStreet can follow what happens to requests.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::format::{ErrorResponses, Format, reply, whole_seconds};
use super::params::{JurisdictionQuery, Locale, LocaleQuery, Page, PageQuery, Window, read};
use super::statuses::UpdateStatus;
use crate::app::AppState;
use crate::issues::model::{IssueStatus, Moderation};
use crate::schema::{issue_events, issues};
use crate::workflow::status::CloseReason;

/// The public history entries that are updates.
const UPDATE_KINDS: [&str; 3] = ["status_changed", "response", "transferred"];

/// A change to a service request.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestUpdate {
    /// The history entry's id.
    pub update_id: String,
    pub service_request_id: String,
    /// The request's status after the update.
    pub status: UpdateStatus,
    pub updated_datetime: DateTime<Utc>,
    /// The city's message: a response, a justification, or where the issue was transferred.
    pub description: Option<String>,
    /// Always null: updates carry no media.
    pub media_url: Option<String>,
}

/// The range of GET Service Request Updates.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UpdatesQuery {
    /// Updates at or after this time (W3C, e.g. `2026-11-01T00:00:00Z`). By default 90 days
    /// before `end_date`.
    #[param(value_type = Option<DateTime<Utc>>)]
    pub start_date: Option<String>,
    /// Updates at or before this time. By default now, or 90 days after `start_date`; the
    /// range may not span more than 90 days.
    #[param(value_type = Option<DateTime<Utc>>)]
    pub end_date: Option<String>,
}

/// A status as recorded in a `status_changed` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change {
    status: IssueStatus,
    reason: Option<CloseReason>,
}

impl Change {
    /// Every issue starts New.
    const FILED: Self = Self {
        status: IssueStatus::New,
        reason: None,
    };

    fn recorded(after: Option<&Value>) -> Option<Self> {
        let text = |name: &str| after?.get(name)?.as_str();
        Some(Self {
            status: text("status")?.parse().ok()?,
            reason: text("close_reason").and_then(|reason| reason.parse().ok()),
        })
    }
}

/// The status after the entry `event_id`, from an issue's status changes in order.
fn status_at(changes: &[(i64, Change)], event_id: i64) -> Change {
    changes
        .iter()
        .take_while(|(id, _)| *id <= event_id)
        .last()
        .map_or(Change::FILED, |(_, change)| *change)
}

fn transfer_text(after: Option<&Value>, locale: Locale) -> String {
    match after.and_then(|after| after.get("unit_name")?.as_str()) {
        Some(unit) => locale
            .pick(
                "Zgłoszenie przekazano do: {unit}.",
                "The request was transferred to {unit}.",
            )
            .replace("{unit}", unit),
        None => locale
            .pick(
                "Zgłoszenie przekazano innej jednostce.",
                "The request was transferred to another unit.",
            )
            .to_owned(),
    }
}

/// A public history entry of a public issue.
#[derive(Debug, Queryable)]
struct Entry {
    id: i64,
    kind: String,
    after: Option<Value>,
    message: Option<String>,
    created_at: DateTime<Utc>,
    issue_id: Uuid,
    number: String,
}

impl Entry {
    /// The update, given the status changes of the entry's issue.
    fn update(self, changes: &[(i64, Change)], locale: Locale) -> RequestUpdate {
        let (status, description) = if self.kind == "transferred" {
            (
                UpdateStatus::InternalReferral,
                Some(transfer_text(self.after.as_ref(), locale)),
            )
        } else {
            let change = status_at(changes, self.id);
            (UpdateStatus::of(change.status, change.reason), self.message)
        };
        RequestUpdate {
            update_id: self.id.to_string(),
            service_request_id: self.number.replace('/', "-"),
            status,
            updated_datetime: whole_seconds(self.created_at),
            description,
            media_url: None,
        }
    }
}

/// The updates of public issues in `window`, oldest first.
async fn entries(conn: &mut AsyncPgConnection, window: Window, page: Page) -> QueryResult<Vec<Entry>> {
    issue_events::table
        .inner_join(issues::table)
        .filter(issue_events::public.eq(true))
        .filter(issue_events::kind.eq_any(UPDATE_KINDS))
        .filter(issues::moderation.eq(Moderation::Approved))
        .filter(issue_events::created_at.ge(window.start))
        .filter(issue_events::created_at.le(window.end))
        .select((
            issue_events::id,
            issue_events::kind,
            issue_events::after,
            issue_events::message,
            issue_events::created_at,
            issues::id,
            issues::number,
        ))
        .order((issue_events::created_at, issue_events::id))
        .limit(page.size)
        .offset(page.offset)
        .load(conn)
        .await
}

/// The status changes of `issue_ids`, per issue in order.
async fn status_changes(
    conn: &mut AsyncPgConnection,
    issue_ids: &[Uuid],
) -> QueryResult<HashMap<Uuid, Vec<(i64, Change)>>> {
    let rows: Vec<(Uuid, i64, Option<Value>)> = issue_events::table
        .filter(issue_events::issue_id.eq_any(issue_ids))
        .filter(issue_events::kind.eq("status_changed"))
        .filter(issue_events::public.eq(true))
        .select((issue_events::issue_id, issue_events::id, issue_events::after))
        .order((issue_events::issue_id, issue_events::id))
        .load(conn)
        .await?;
    let mut changes: HashMap<Uuid, Vec<(i64, Change)>> = HashMap::new();
    for (issue_id, id, after) in rows {
        if let Some(change) = Change::recorded(after.as_ref()) {
            changes.entry(issue_id).or_default().push((id, change));
        }
    }
    Ok(changes)
}

/// GET Service Request Updates (mySociety's extension): the public updates of public
/// requests in a range of at most 90 days (the last 90 by default), oldest first.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_list_request_updates",
    params(("format" = inline(Format), Path, description = "`json` or `xml`"), UpdatesQuery, PageQuery, JurisdictionQuery, LocaleQuery),
    responses(
        (status = 200, description = "The updates (`<service_request_updates><request_update>…` in XML)", content(
            (Vec<RequestUpdate> = "application/json"), (String = "text/xml"))),
        ErrorResponses,
    ),
)]
#[get("/servicerequestupdates.{format}")]
pub async fn list_updates(state: web::Data<AppState>, format: web::Path<String>, req: HttpRequest) -> HttpResponse {
    reply(&format, "service_request_updates", async {
        let query = req.query_string();
        read::<JurisdictionQuery>(query)?.check(&state.config.public_url)?;
        let locale = read::<LocaleQuery>(query)?.locale()?;
        let page = read::<PageQuery>(query)?.page()?;
        let range: UpdatesQuery = read(query)?;
        let window = Window::of(
            range.start_date.as_deref(),
            range.end_date.as_deref(),
            state.clock.now(),
        )?;
        let mut conn = state.pool.get().await?;
        let entries = entries(&mut conn, window, page).await?;
        let mut issue_ids: Vec<Uuid> = entries.iter().map(|entry| entry.issue_id).collect();
        issue_ids.sort_unstable();
        issue_ids.dedup();
        let changes = status_changes(&mut conn, &issue_ids).await?;
        let updates: Vec<RequestUpdate> = entries
            .into_iter()
            .map(|entry| {
                let history = changes.get(&entry.issue_id).map(Vec::as_slice).unwrap_or_default();
                entry.update(history, locale)
            })
            .collect();
        Ok(updates)
    })
    .await
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn each_update_carries_the_status_reached_by_then() {
        let accepted = Change::recorded(Some(&json!({ "status": "accepted" }))).unwrap();
        let closed = Change::recorded(Some(
            &json!({ "status": "closed", "close_reason": "duplicate", "late": null }),
        ))
        .unwrap();
        assert_eq!(
            closed,
            Change {
                status: IssueStatus::Closed,
                reason: Some(CloseReason::Duplicate)
            }
        );
        let history = [(10, accepted), (20, closed)];
        assert_eq!(status_at(&history, 5), Change::FILED);
        assert_eq!(status_at(&history, 10), accepted);
        assert_eq!(status_at(&history, 15), accepted);
        assert_eq!(status_at(&history, 25), closed);
        assert_eq!(Change::recorded(None), None);
        assert_eq!(Change::recorded(Some(&json!({ "status": "sideways" }))), None);
    }

    #[test]
    fn transfers_name_the_new_unit() {
        let after = json!({ "unit": "zarzad-zieleni-miejskiej", "unit_name": "Zarząd Zieleni Miejskiej" });
        assert_eq!(
            transfer_text(Some(&after), Locale::Pl),
            "Zgłoszenie przekazano do: Zarząd Zieleni Miejskiej."
        );
        assert_eq!(
            transfer_text(None, Locale::En),
            "The request was transferred to another unit."
        );
    }
}
