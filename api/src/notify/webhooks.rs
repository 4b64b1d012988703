//! Webhook deliveries (R4.2): a unit that gives a webhook URL receives its issues as JSON
//! POSTs besides (or instead of) mail. Deliveries are queued in `outbox_webhooks` in the
//! transaction of the change, claimed with `FOR UPDATE SKIP LOCKED` (one instance per
//! delivery), retried with the mail's backoff, and signed when `KONTAKT_WEBHOOK_SECRET` is
//! set: `Kontakt-Signature: sha256=<hex HMAC-SHA256 of the body>`.

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
use crate::schema::outbox_webhooks;

const MAX_ATTEMPTS: i32 = 25;
const CLAIM_SECS: i64 = 120;
const BATCH: i64 = 20;

/// Queues a delivery. Call inside the transaction of the change that causes it.
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

/// The signature header's value for `body`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!());
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

async fn claim(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<Vec<(i64, String, Value, i32)>> {
    conn.transaction(async |conn| {
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
            .order(outbox_webhooks::id)
            .limit(BATCH)
            .for_update()
            .skip_locked()
            .load(conn)
            .await?;
        diesel::update(outbox_webhooks::table.filter(outbox_webhooks::id.eq_any(&ids)))
            .set(outbox_webhooks::claimed_until.eq(now + chrono::Duration::seconds(CLAIM_SECS)))
            .returning((
                outbox_webhooks::id,
                outbox_webhooks::url,
                outbox_webhooks::payload,
                outbox_webhooks::attempts,
            ))
            .get_results(conn)
            .await
    })
    .await
}

/// One delivery round: claims due deliveries and tries each once. Returns how many succeeded.
pub async fn deliver_due(state: &AppState) -> anyhow::Result<usize> {
    let mut conn = state.pool.get().await?;
    let batch = claim(&mut conn, state.clock.now()).await?;
    let mut delivered = 0;
    for (id, url, payload, attempts) in batch {
        let body = serde_json::to_vec(&payload)?;
        let mut request = state
            .http
            .post(&url)
            .timeout(Duration::from_secs(10))
            .header("content-type", "application/json");
        if let Some(secret) = &state.config.webhook_secret {
            request = request.header("Kontakt-Signature", signature(secret.expose_secret(), &body));
        }
        let outcome = match request.body(body).send().await {
            Ok(response) if response.status().is_success() => Ok(()),
            Ok(response) => Err(format!("the receiver answered {}", response.status())),
            Err(error) => Err(error.to_string()),
        };
        let now = state.clock.now();
        let update = diesel::update(outbox_webhooks::table.find(id));
        match outcome {
            Ok(()) => {
                update
                    .set((
                        outbox_webhooks::sent_at.eq(now),
                        outbox_webhooks::claimed_until.eq(None::<DateTime<Utc>>),
                    ))
                    .execute(&mut conn)
                    .await?;
                delivered += 1;
            }
            Err(error) => {
                let attempts = attempts + 1;
                let give_up = attempts >= MAX_ATTEMPTS;
                tracing::warn!(webhook = id, attempts, give_up, %error, "webhook delivery failed");
                update
                    .set((
                        outbox_webhooks::attempts.eq(attempts),
                        outbox_webhooks::last_error.eq(error),
                        outbox_webhooks::send_after.eq(now + backoff(state.config.mail_retry_base_ms, attempts)),
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
}
