//! Brute-force protection: sliding-window counters in PostgreSQL, so every server instance
//! sees the same counts (R5.4).

use actix_web::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use diesel::dsl::min;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::error::AppError;
use crate::schema::throttle_hits;

/// Records one event in `bucket`.
pub async fn hit(conn: &mut AsyncPgConnection, bucket: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    diesel::insert_into(throttle_hits::table)
        .values((throttle_hits::bucket.eq(bucket), throttle_hits::hit_at.eq(now)))
        .execute(conn)
        .await?;
    Ok(())
}

/// Refuses with 429 and `Retry-After` when `bucket` already holds `limit` events in the window.
pub async fn check(
    conn: &mut AsyncPgConnection,
    bucket: &str,
    limit: i64,
    window: Duration,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    match retry_after(conn, bucket, limit, window, now).await? {
        None => Ok(()),
        Some(retry_after) => Err(AppError::Client {
            status: StatusCode::TOO_MANY_REQUESTS,
            code: "too_many_attempts",
            detail: format!("Too many attempts. Try again in {retry_after} seconds."),
            errors: Vec::new(),
            retry_after_secs: u64::try_from(retry_after).ok(),
        }),
    }
}

/// The seconds until `bucket` falls below `limit` events in the window; none when it is
/// below already. Events older than the window are dropped on the way.
pub async fn retry_after(
    conn: &mut AsyncPgConnection,
    bucket: &str,
    limit: i64,
    window: Duration,
    now: DateTime<Utc>,
) -> Result<Option<i64>, AppError> {
    let since = now - window;
    diesel::delete(
        throttle_hits::table
            .filter(throttle_hits::bucket.eq(bucket))
            .filter(throttle_hits::hit_at.le(since)),
    )
    .execute(conn)
    .await?;
    let (count, oldest): (i64, Option<DateTime<Utc>>) = throttle_hits::table
        .filter(throttle_hits::bucket.eq(bucket))
        .select((diesel::dsl::count_star(), min(throttle_hits::hit_at)))
        .first(conn)
        .await?;
    if count < limit {
        return Ok(None);
    }
    Ok(Some(
        oldest
            .map_or(window, |oldest| oldest + window - now)
            .num_seconds()
            .max(1),
    ))
}

/// Clears a bucket (after a successful login, the account's failures are forgotten).
pub async fn clear(conn: &mut AsyncPgConnection, bucket: &str) -> Result<(), AppError> {
    diesel::delete(throttle_hits::table.filter(throttle_hits::bucket.eq(bucket)))
        .execute(conn)
        .await?;
    Ok(())
}
