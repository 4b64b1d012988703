//! The body of a delivery. It holds only what the public API shows of the issue, so that
//! no personal data leaves through a webhook (R2.2).

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::model::WebhookEvent;
use crate::issues::model::IssueStatus;
use crate::issues::view::PublicIssue;

/// A status change.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatusChange {
    pub from: IssueStatus,
    pub to: IssueStatus,
}

/// What a webhook receives: one event about one public issue. The `Kontakt-Delivery`
/// header identifies the delivery; `id` identifies the event and stays the same when a
/// delivery is repeated, so receivers can ignore events they have already handled.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookPayload {
    /// The event's id, unique and increasing.
    pub id: i64,
    #[serde(rename = "type")]
    pub event: WebhookEvent,
    pub occurred_at: DateTime<Utc>,
    /// The issue as `GET /api/v1/issues/{number}` shows it after the event.
    pub issue: PublicIssue,
    /// For `issue.status_changed`.
    pub change: Option<StatusChange>,
    /// The city's public message: the response (`issue.response_added`) or the
    /// justification of a status change.
    pub message: Option<String>,
}
