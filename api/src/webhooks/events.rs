//! Turns events of an issue's history into queued deliveries for the subscriptions that
//! listen to them, in the transaction that records the event.

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use serde_json::Value;
use uuid::Uuid;

use super::model::{self, WebhookEvent};
use super::payload::{StatusChange, WebhookPayload};
use crate::issues::model::{Issue, IssueStatus, Moderation, NewEvent};
use crate::issues::view;

/// The webhook event a history event stands for, if any.
fn webhook_event(event: &NewEvent<'_>) -> Option<WebhookEvent> {
    let field = |value: &Option<Value>, name: &str| {
        value
            .as_ref()
            .and_then(|v| v.get(name))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    match event.kind {
        // An issue is "created" for subscribers when it first becomes public.
        "moderated" => {
            let published = field(&event.before, "moderation").as_deref() == Some(Moderation::Pending.as_str())
                && field(&event.after, "moderation").as_deref() == Some(Moderation::Approved.as_str());
            published.then_some(WebhookEvent::IssueCreated)
        }
        "status_changed" => Some(WebhookEvent::IssueStatusChanged),
        "response" if event.public => Some(WebhookEvent::IssueResponseAdded),
        "information_requested" => Some(WebhookEvent::IssueInformationRequested),
        _ => None,
    }
}

fn status_change(event: &NewEvent<'_>) -> Option<StatusChange> {
    let status =
        |value: &Option<Value>| -> Option<IssueStatus> { value.as_ref()?.get("status")?.as_str()?.parse().ok() };
    Some(StatusChange {
        from: status(&event.before)?,
        to: status(&event.after)?,
    })
}

/// Queues a delivery of `event` (recorded as `event_id`) to every matching subscription.
/// Events of issues that are not public reach nobody.
pub async fn fan_out(
    conn: &mut AsyncPgConnection,
    issue_id: Uuid,
    event: &NewEvent<'_>,
    event_id: i64,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let Some(kind) = webhook_event(event) else {
        return Ok(());
    };
    let subscriptions = model::listening(conn, kind).await?;
    if subscriptions.is_empty() {
        return Ok(());
    }
    let issue = crate::issues::model::find(conn, issue_id).await?;
    if issue.moderation != Moderation::Approved {
        return Ok(());
    }
    let subscriptions: Vec<_> = subscriptions
        .into_iter()
        .filter(|s| s.matches(issue.category_id, issue.unit_id))
        .collect();
    if subscriptions.is_empty() {
        return Ok(());
    }
    let Some(payload) = payload(conn, issue, kind, event, event_id, now).await? else {
        return Ok(());
    };
    let body = serde_json::to_value(&payload).map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    for subscription in &subscriptions {
        model::enqueue(conn, subscription, kind.as_str(), &body, Some(issue_id), None, now).await?;
    }
    Ok(())
}

async fn payload(
    conn: &mut AsyncPgConnection,
    issue: Issue,
    kind: WebhookEvent,
    event: &NewEvent<'_>,
    event_id: i64,
    now: DateTime<Utc>,
) -> QueryResult<Option<WebhookPayload>> {
    let Some(issue) = view::public_views(conn, vec![issue], now).await?.pop() else {
        return Ok(None);
    };
    let message = match kind {
        // The question to the reporter is theirs, not public.
        WebhookEvent::IssueInformationRequested | WebhookEvent::IssueCreated => None,
        WebhookEvent::IssueStatusChanged | WebhookEvent::IssueResponseAdded => event.message.map(str::to_owned),
    };
    Ok(Some(WebhookPayload {
        id: event_id,
        event: kind,
        occurred_at: now,
        issue,
        change: (kind == WebhookEvent::IssueStatusChanged)
            .then(|| status_change(event))
            .flatten(),
        message,
    }))
}
