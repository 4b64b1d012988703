//! Subscriptions and their deliveries as stored.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;
use uuid::Uuid;

use crate::schema::{outbox_webhooks, webhook_subscriptions};

crate::text_enum! {
    /// What a subscription may be told about.
    pub enum WebhookEvent {
        /// An issue became public (approved by a moderator).
        IssueCreated => "issue.created",
        /// A public issue changed its status.
        IssueStatusChanged => "issue.status_changed",
        /// The city answered publicly on a public issue.
        IssueResponseAdded => "issue.response_added",
        /// The city asked the reporter for information; the deadline is paused.
        IssueInformationRequested => "issue.information_requested",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_subscriptions)]
pub struct Subscription {
    pub id: Uuid,
    pub app_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub url: String,
    pub secret: String,
    pub events: Vec<String>,
    pub category_ids: Vec<Uuid>,
    pub unit_ids: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
}

impl Subscription {
    /// The events as values; unknown spellings (from a newer version) are ignored.
    pub fn events(&self) -> Vec<WebhookEvent> {
        self.events.iter().filter_map(|e| e.parse().ok()).collect()
    }

    /// Whether an issue of this category and unit passes the subscription's filters. A
    /// unit's subscription hears only of its own unit's issues.
    pub fn matches(&self, category_id: Uuid, unit_id: Uuid) -> bool {
        let own_unit = self.unit_id.is_none_or(|own| own == unit_id);
        let category = self.category_ids.is_empty() || self.category_ids.contains(&category_id);
        let unit = self.unit_ids.is_empty() || self.unit_ids.contains(&unit_id);
        own_unit && category && unit
    }
}

/// One delivery of a subscription, as the delivery log shows it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox_webhooks)]
pub struct Delivery {
    pub id: i64,
    pub delivery_id: Uuid,
    pub subscription_id: Option<Uuid>,
    pub event: Option<String>,
    pub payload: Value,
    pub issue_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub send_after: DateTime<Utc>,
    pub attempts: i32,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub response_status: Option<i32>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub failed_at: Option<DateTime<Utc>>,
    pub redelivery_of: Option<Uuid>,
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Subscription>> {
    webhook_subscriptions::table
        .find(id)
        .select(Subscription::as_select())
        .first(conn)
        .await
        .optional()
}

/// The active subscriptions to an event.
pub async fn listening(conn: &mut AsyncPgConnection, event: WebhookEvent) -> QueryResult<Vec<Subscription>> {
    webhook_subscriptions::table
        .filter(webhook_subscriptions::disabled_at.is_null())
        .filter(webhook_subscriptions::events.contains(vec![event.as_str()]))
        .select(Subscription::as_select())
        .load(conn)
        .await
}

/// The latest deliveries of a subscription, newest first.
pub async fn deliveries(conn: &mut AsyncPgConnection, subscription_id: Uuid, limit: i64) -> QueryResult<Vec<Delivery>> {
    outbox_webhooks::table
        .filter(outbox_webhooks::subscription_id.eq(subscription_id))
        .order(outbox_webhooks::id.desc())
        .limit(limit)
        .select(Delivery::as_select())
        .load(conn)
        .await
}

/// Queues a delivery of a subscription. Call inside the transaction of the change.
pub async fn enqueue(
    conn: &mut AsyncPgConnection,
    subscription: &Subscription,
    event: &str,
    payload: &Value,
    issue_id: Option<Uuid>,
    redelivery_of: Option<Uuid>,
    now: DateTime<Utc>,
) -> QueryResult<Delivery> {
    diesel::insert_into(outbox_webhooks::table)
        .values((
            outbox_webhooks::subscription_id.eq(subscription.id),
            outbox_webhooks::url.eq(&subscription.url),
            outbox_webhooks::event.eq(event),
            outbox_webhooks::payload.eq(payload),
            outbox_webhooks::issue_id.eq(issue_id),
            outbox_webhooks::redelivery_of.eq(redelivery_of),
            outbox_webhooks::created_at.eq(now),
            outbox_webhooks::send_after.eq(now),
        ))
        .returning(Delivery::as_returning())
        .get_result(conn)
        .await
}
