//! Background work that every server process runs. Each job claims its work in the
//! database, so running several instances never does the same work twice.

use crate::app::AppState;

/// Runs every background job until the process stops.
pub async fn run(state: AppState) {
    tokio::join!(
        crate::notify::outbox::run(state.clone()),
        crate::notify::webhooks::run(state.clone()),
        crate::workflow::jobs::run(state.clone()),
        crate::knowledge::publication::run(state.clone()),
        crate::stats::facts::backfill_all(state),
    );
}
