//! Webhook deliveries: units' webhooks (R4.2: a unit that gives a webhook URL receives its
//! issues as JSON POSTs) and subscriptions (R8.4, see `crate::webhooks`). Deliveries are
//! queued in `outbox_webhooks` in the transaction of the change, claimed with
//! `FOR UPDATE SKIP LOCKED` (one instance per delivery, and a claim expires so that a
//! crashed instance's deliveries are picked up again), and retried with exponential
//! backoff for about 32 hours.
//!
//! Signatures: a unit's webhook is signed with `KONTAKT_WEBHOOK_SECRET` when it is set
//! (`Kontakt-Signature: sha256=<hex HMAC-SHA256 of the body>`); a subscription with its own
//! secret over the timestamp and the body (`Kontakt-Signature: t=<unix time>,v1=<hex
//! HMAC-SHA256 of "<t>.<body>">`), so that a captured delivery cannot be replayed later.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use hmac::{Hmac, Mac};
use secrecy::ExposeSecret;
use serde_json::Value;
use sha2::Sha256;
use uuid::Uuid;

use super::outbox::backoff;
use crate::app::AppState;
use crate::schema::{outbox_webhooks, webhook_subscriptions};
use crate::webhooks::ssrf;

const MAX_ATTEMPTS: i32 = 25;
/// Retries wait at most this long, so 25 attempts span about 32 hours.
const MAX_DELAY_MS: u64 = 2 * 3_600_000;
const CLAIM_SECS: i64 = 120;
const BATCH: i64 = 20;

/// Queues a delivery to a unit's webhook. Call inside the transaction of the change.
pub async fn enqueue(
    conn: &mut AsyncPgConnection,
    url: &str,
    payload: &Value,
    issue_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(outbox_webhooks::table)
        .values((
            outbox_webhooks::url.eq(url),
            outbox_webhooks::payload.eq(payload),
            outbox_webhooks::issue_id.eq(issue_id),
            outbox_webhooks::created_at.eq(now),
            outbox_webhooks::send_after.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

fn hmac_hex(secret: &str, parts: &[&[u8]]) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!());
    for part in parts {
        mac.update(part);
    }
    hex::encode(mac.finalize().into_bytes())
}

/// The signature header's value for a unit's webhook.
pub fn signature(secret: &str, body: &[u8]) -> String {
    format!("sha256={}", hmac_hex(secret, &[body]))
}

/// The signature header's value for a subscription's delivery sent at `timestamp`.
pub fn timestamped_signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let t = timestamp.to_string();
    format!("t={t},v1={}", hmac_hex(secret, &[t.as_bytes(), b".", body]))
}

/// A claimed delivery with where it goes and how it is signed.
struct Due {
    id: i64,
    delivery_id: Uuid,
    event: Option<String>,
    payload: Value,
    attempts: i32,
    url: String,
    /// The subscription's secret; `None` for a unit's webhook.
    secret: Option<String>,
}

type ClaimedRow = (
    i64,
    Uuid,
    Option<String>,
    Value,
    i32,
    String,
    Option<String>,
    Option<String>,
);

/// Claims due deliveries. A subscription's deliveries go to its current URL, and wait while
/// it is disabled.
async fn claim(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<Vec<Due>> {
    conn.transaction(async |conn| {
        let active = webhook_subscriptions::table
            .filter(webhook_subscriptions::disabled_at.is_null())
            .select(webhook_subscriptions::id.nullable());
        let ids: Vec<i64> = outbox_webhooks::table
            .select(outbox_webhooks::id)
            .filter(outbox_webhooks::sent_at.is_null())
            .filter(outbox_webhooks::failed_at.is_null())
            .filter(outbox_webhooks::send_after.le(now))
            .filter(
                outbox_webhooks::claimed_until
                    .is_null()
                    .or(outbox_webhooks::claimed_until.lt(now)),
            )
            .filter(
                outbox_webhooks::subscription_id
                    .is_null()
                    .or(outbox_webhooks::subscription_id.eq_any(active)),
            )
            .order(outbox_webhooks::id)
            .limit(BATCH)
            .for_update()
            .skip_locked()
            .load(conn)
            .await?;
        diesel::update(outbox_webhooks::table.filter(outbox_webhooks::id.eq_any(&ids)))
            .set(outbox_webhooks::claimed_until.eq(now + chrono::Duration::seconds(CLAIM_SECS)))
            .execute(conn)
            .await?;
        let rows: Vec<ClaimedRow> = outbox_webhooks::table
            .left_join(webhook_subscriptions::table)
            .filter(outbox_webhooks::id.eq_any(&ids))
            .order(outbox_webhooks::id)
            .select((
                outbox_webhooks::id,
                outbox_webhooks::delivery_id,
                outbox_webhooks::event,
                outbox_webhooks::payload,
                outbox_webhooks::attempts,
                outbox_webhooks::url,
                webhook_subscriptions::url.nullable(),
                webhook_subscriptions::secret.nullable(),
            ))
            .load(conn)
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, delivery_id, event, payload, attempts, url, subscription_url, secret)| Due {
                    id,
                    delivery_id,
                    event,
                    payload,
                    attempts,
                    url: subscription_url.unwrap_or(url),
                    secret,
                },
            )
            .collect())
    })
    .await
}

/// What an attempt came to: the receiver's status (when it answered), and an error unless
/// it took the delivery; `permanent` errors are not retried.
struct Outcome {
    status: Option<u16>,
    error: Option<String>,
    permanent: bool,
}

async fn attempt(state: &AppState, due: &Due) -> anyhow::Result<Outcome> {
    if ssrf::check_url(&due.url, state.config.webhook_allow_private_targets).is_err() {
        return Ok(Outcome {
            status: None,
            error: Some("refused: the URL is not a public http(s) address".into()),
            permanent: true,
        });
    }
    let body = serde_json::to_vec(&due.payload)?;
    let mut request = state
        .webhook_http
        .post(&due.url)
        .header("content-type", "application/json")
        .header("Kontakt-Delivery", due.delivery_id.to_string());
    if let Some(event) = &due.event {
        request = request.header("Kontakt-Event", event);
    }
    match (&due.secret, &state.config.webhook_secret) {
        (Some(secret), _) => {
            let signed = timestamped_signature(secret, state.clock.now().timestamp(), &body);
            request = request.header("Kontakt-Signature", signed);
        }
        (None, Some(secret)) => request = request.header("Kontakt-Signature", signature(secret.expose_secret(), &body)),
        (None, None) => {}
    }
    Ok(match request.body(body).send().await {
        Ok(response) if response.status().is_success() => Outcome {
            status: Some(response.status().as_u16()),
            error: None,
            permanent: false,
        },
        Ok(response) => Outcome {
            status: Some(response.status().as_u16()),
            error: Some(format!("the receiver answered {}", response.status())),
            permanent: false,
        },
        Err(error) => Outcome {
            status: None,
            // The source says why (refused, timed out, resolved to a private address).
            error: Some(format!(
                "{error}: {}",
                std::error::Error::source(&error)
                    .map(ToString::to_string)
                    .unwrap_or_default()
            )),
            permanent: false,
        },
    })
}

/// One delivery round: claims due deliveries and tries each once. Returns how many succeeded.
pub async fn deliver_due(state: &AppState) -> anyhow::Result<usize> {
    let mut conn = state.pool.get().await?;
    let batch = claim(&mut conn, state.clock.now()).await?;
    let mut delivered = 0;
    for due in batch {
        let outcome = attempt(state, &due).await?;
        let now = state.clock.now();
        let status = outcome.status.map(i32::from);
        let update = diesel::update(outbox_webhooks::table.find(due.id));
        match outcome.error {
            None => {
                update
                    .set((
                        outbox_webhooks::sent_at.eq(now),
                        outbox_webhooks::attempts.eq(due.attempts + 1),
                        outbox_webhooks::last_attempt_at.eq(now),
                        outbox_webhooks::response_status.eq(status),
                        outbox_webhooks::last_error.eq(None::<String>),
                        outbox_webhooks::claimed_until.eq(None::<DateTime<Utc>>),
                    ))
                    .execute(&mut conn)
                    .await?;
                delivered += 1;
            }
            Some(error) => {
                let attempts = due.attempts + 1;
                let give_up = outcome.permanent || attempts >= MAX_ATTEMPTS;
                tracing::warn!(webhook = due.id, attempts, give_up, %error, "webhook delivery failed");
                update
                    .set((
                        outbox_webhooks::attempts.eq(attempts),
                        outbox_webhooks::last_attempt_at.eq(now),
                        outbox_webhooks::response_status.eq(status),
                        outbox_webhooks::last_error.eq(error),
                        outbox_webhooks::send_after
                            .eq(now + backoff(state.config.webhook_retry_base_ms, attempts, MAX_DELAY_MS)),
                        outbox_webhooks::claimed_until.eq(None::<DateTime<Utc>>),
                        outbox_webhooks::failed_at.eq(give_up.then_some(now)),
                    ))
                    .execute(&mut conn)
                    .await?;
            }
        }
    }
    Ok(delivered)
}

/// Delivers webhooks until the process stops.
pub async fn run(state: AppState) {
    let interval = Duration::from_millis(state.config.mail_poll_interval_ms);
    loop {
        match deliver_due(&state).await {
            Ok(delivered) if delivered as i64 >= BATCH => continue,
            Ok(_) => {}
            Err(error) => tracing::warn!(error = ?error, "webhook delivery round failed"),
        }
        tokio::time::sleep(interval).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_hmac_sha256_in_hex() {
        // RFC 4231 test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn timestamped_signatures_cover_the_timestamp() {
        // The same HMAC over "<t>.<body>", computed independently (RFC 4231 case 2 data).
        let expected = hmac_hex("Jefe", &[b"1700000000.what do ya want for nothing?"]);
        assert_eq!(
            timestamped_signature("Jefe", 1_700_000_000, b"what do ya want for nothing?"),
            format!("t=1700000000,v1={expected}")
        );
        assert_ne!(
            timestamped_signature("Jefe", 1_700_000_001, b"what do ya want for nothing?"),
            timestamped_signature("Jefe", 1_700_000_000, b"what do ya want for nothing?")
        );
    }

    #[test]
    fn retries_span_more_than_a_day() {
        let total: i64 = (1..MAX_ATTEMPTS)
            .map(|attempt| backoff(15_000, attempt, MAX_DELAY_MS).num_seconds())
            .sum();
        assert!(total > 24 * 3600, "retries span only {total} s");
    }
}
