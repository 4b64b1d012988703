//! The mail outbox (R9.1). Mail is inserted in the same transaction as the change that
//! causes it; the delivery job claims due rows with `FOR UPDATE SKIP LOCKED` (so several
//! server instances never send the same mail), sends them over SMTP, and marks them sent
//! or schedules a retry with exponential backoff. Undelivered mail survives restarts and
//! SMTP outages because it lives in the database.

use std::time::Duration;

use anyhow::Context;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use super::email::Email;
use crate::app::AppState;
use crate::schema::outbox_emails;

/// Deliveries are given up after this many failed attempts.
const MAX_ATTEMPTS: i32 = 25;
/// How long a claimed mail is reserved for the instance that claimed it.
const CLAIM_SECS: i64 = 120;
/// Mails claimed per round.
const BATCH: i64 = 20;

/// Queues a mail. Call inside the transaction of the change that causes it.
pub async fn enqueue(conn: &mut AsyncPgConnection, email: &Email, now: DateTime<Utc>) -> QueryResult<i64> {
    enqueue_about(conn, email, None, now).await
}

/// Queues a mail about an issue; it is deleted when the issue's personal data is anonymised.
pub async fn enqueue_about(
    conn: &mut AsyncPgConnection,
    email: &Email,
    issue_id: Option<uuid::Uuid>,
    now: DateTime<Utc>,
) -> QueryResult<i64> {
    diesel::insert_into(outbox_emails::table)
        .values((
            outbox_emails::issue_id.eq(issue_id),
            outbox_emails::reply_to.eq(&email.reply_to),
            outbox_emails::recipient.eq(&email.to),
            outbox_emails::subject.eq(&email.subject),
            outbox_emails::body_text.eq(&email.body),
            outbox_emails::created_at.eq(now),
            outbox_emails::send_after.eq(now),
        ))
        .returning(outbox_emails::id)
        .get_result(conn)
        .await
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = outbox_emails)]
struct Due {
    id: i64,
    recipient: String,
    subject: String,
    body_text: String,
    reply_to: Option<String>,
    attempts: i32,
}

/// Claims due mail for this instance: rows locked by another instance are skipped, and a
/// claim expires so that mail claimed by a crashed instance is picked up again.
async fn claim(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<Vec<Due>> {
    conn.transaction(async |conn| {
        let ids: Vec<i64> = outbox_emails::table
            .select(outbox_emails::id)
            .filter(outbox_emails::sent_at.is_null())
            .filter(outbox_emails::failed_at.is_null())
            .filter(outbox_emails::send_after.le(now))
            .filter(
                outbox_emails::claimed_until
                    .is_null()
                    .or(outbox_emails::claimed_until.lt(now)),
            )
            .order(outbox_emails::id)
            .limit(BATCH)
            .for_update()
            .skip_locked()
            .load(conn)
            .await?;
        diesel::update(outbox_emails::table.filter(outbox_emails::id.eq_any(&ids)))
            .set(outbox_emails::claimed_until.eq(now + chrono::Duration::seconds(CLAIM_SECS)))
            .returning(Due::as_returning())
            .get_results(conn)
            .await
    })
    .await
}

/// Mail retries wait at most an hour.
const MAX_DELAY_MS: u64 = 3_600_000;

/// The delay before retry number `attempts` (1-based): base · 2^(attempts-1), at most `max_ms`.
pub fn backoff(base_ms: u64, attempts: i32, max_ms: u64) -> chrono::Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(20);
    let ms = base_ms.saturating_mul(1u64 << exponent).min(max_ms);
    chrono::Duration::milliseconds(i64::try_from(ms).unwrap_or(i64::MAX))
}

/// Sends the outbox's mail over SMTP.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    pub fn new(state: &AppState) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(state.config.smtp_url.expose_secret())
            .context("KONTAKT_SMTP_URL is not a valid SMTP URL")?
            .timeout(Some(Duration::from_secs(10)))
            .build();
        let from = state
            .config
            .mail_from
            .parse()
            .context("KONTAKT_MAIL_FROM is not a valid mailbox")?;
        Ok(Self { transport, from })
    }

    fn message(&self, mail: &Due) -> Result<Message, String> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|error| format!("invalid recipient: {error}"))?;
        let mut builder = Message::builder().from(self.from.clone()).to(to);
        if let Some(reply_to) = &mail.reply_to {
            let reply_to: Mailbox = reply_to
                .parse()
                .map_err(|error| format!("invalid reply-to address: {error}"))?;
            builder = builder.reply_to(reply_to);
        }
        builder
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body_text.clone())
            .map_err(|error| format!("invalid message: {error}"))
    }

    /// One delivery round: claims due mail and tries each once. Returns how many were sent.
    pub async fn deliver_due(&self, state: &AppState) -> anyhow::Result<usize> {
        let mut conn = state.pool.get().await?;
        let now = state.clock.now();
        let batch = claim(&mut conn, now).await?;
        let mut sent = 0;
        for mail in batch {
            let outcome = match self.message(&mail) {
                Ok(message) => self
                    .transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|error| (error.is_permanent(), error.to_string())),
                Err(reason) => Err((true, reason)),
            };
            let now = state.clock.now();
            let update = diesel::update(outbox_emails::table.find(mail.id));
            match outcome {
                Ok(()) => {
                    update
                        .set((
                            outbox_emails::sent_at.eq(now),
                            outbox_emails::claimed_until.eq(None::<DateTime<Utc>>),
                        ))
                        .execute(&mut conn)
                        .await?;
                    sent += 1;
                }
                Err((permanent, error)) => {
                    let attempts = mail.attempts + 1;
                    let give_up = permanent || attempts >= MAX_ATTEMPTS;
                    tracing::warn!(mail = mail.id, attempts, give_up, %error, "mail delivery failed");
                    update
                        .set((
                            outbox_emails::attempts.eq(attempts),
                            outbox_emails::last_error.eq(error),
                            outbox_emails::send_after
                                .eq(now + backoff(state.config.mail_retry_base_ms, attempts, MAX_DELAY_MS)),
                            outbox_emails::claimed_until.eq(None::<DateTime<Utc>>),
                            outbox_emails::failed_at.eq(give_up.then_some(now)),
                        ))
                        .execute(&mut conn)
                        .await?;
                }
            }
        }
        Ok(sent)
    }
}

/// Delivers mail until the process stops.
pub async fn run(state: AppState) {
    let mailer = match Mailer::new(&state) {
        Ok(mailer) => mailer,
        Err(error) => {
            tracing::error!(error = ?error, "mail delivery disabled");
            return;
        }
    };
    let interval = Duration::from_millis(state.config.mail_poll_interval_ms);
    loop {
        match mailer.deliver_due(&state).await {
            // A full batch may mean more is waiting: go again at once.
            Ok(sent) if sent as i64 >= BATCH => continue,
            Ok(_) => {}
            Err(error) => tracing::warn!(error = ?error, "mail delivery round failed"),
        }
        tokio::time::sleep(interval).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(2000, 1, MAX_DELAY_MS).num_milliseconds(), 2000);
        assert_eq!(backoff(2000, 2, MAX_DELAY_MS).num_milliseconds(), 4000);
        assert_eq!(backoff(2000, 5, MAX_DELAY_MS).num_milliseconds(), 32000);
        assert_eq!(backoff(2000, 30, MAX_DELAY_MS).num_milliseconds(), 3_600_000);
        assert_eq!(backoff(2000, 0, MAX_DELAY_MS).num_milliseconds(), 2000);
    }
}
