//! Scheduled publication (R7.4): drafts the publisher approved for a date are published by
//! the job runner once the date comes. Each draft is claimed with `FOR UPDATE SKIP LOCKED`
//! in the transaction that publishes it, so with several instances it happens once.

use std::time::Duration;

use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};

use super::model::{self, Version, VersionState};
use crate::app::AppState;
use crate::error::AppError;
use crate::schema::procedure_versions;

/// Publishes due drafts every `jobs_interval_ms` until the process stops.
pub async fn run(state: AppState) {
    let interval = Duration::from_millis(state.config.jobs_interval_ms.max(10));
    loop {
        if let Err(error) = publish_due(&state).await {
            tracing::warn!(%error, "scheduled publication failed; it runs again next round");
        }
        tokio::time::sleep(interval).await;
    }
}

/// Publishes every scheduled draft whose date has come; returns how many.
pub async fn publish_due(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let mut published = 0;
    loop {
        let done = conn
            .transaction::<_, AppError, _>(async |conn| {
                let due: Option<Version> = procedure_versions::table
                    .filter(procedure_versions::state.eq(VersionState::Scheduled))
                    .filter(procedure_versions::publish_at.le(now))
                    .order(procedure_versions::publish_at)
                    .for_update()
                    .skip_locked()
                    .select(Version::as_select())
                    .first(conn)
                    .await
                    .optional()?;
                let Some(draft) = due else { return Ok(false) };
                let publisher = draft.published_by.zip(draft.published_by_name.clone());
                model::publish(conn, &draft, publisher, now).await?;
                tracing::info!(procedure = %draft.procedure_id, "scheduled procedure version published");
                Ok(true)
            })
            .await?;
        if !done {
            return Ok(published);
        }
        published += 1;
    }
}
