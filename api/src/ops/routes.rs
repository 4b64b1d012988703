//! Liveness and readiness probes for load balancers and orchestrators.

use std::time::Duration;

use actix_web::{get, web};
use diesel_async::RunQueryDsl;
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::AppState;
use crate::error::{AppError, AppResult, Problem};

/// The outcome of a probe.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok` when the probe passed.
    pub status: String,
}

/// Liveness: the process is up and serving HTTP. Never touches the database.
#[utoipa::path(tag = "operations", operation_id = "healthz", responses((status = 200, description = "Alive", body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health { status: "ok".into() })
}

/// Readiness: the process can serve requests, i.e. the database answers.
#[utoipa::path(
    tag = "operations",
    operation_id = "readyz",
    responses(
        (status = 200, description = "Ready", body = Health),
        (status = 503, description = "The database does not answer", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> AppResult<web::Json<Health>> {
    let timeout = Duration::from_secs(state.config.database_timeout_secs);
    let check = async {
        let mut conn = state.pool.get().await?;
        diesel::sql_query("SELECT 1").execute(&mut conn).await?;
        Ok::<_, AppError>(())
    };
    match tokio::time::timeout(timeout, check).await {
        Ok(Ok(())) => Ok(web::Json(Health { status: "ok".into() })),
        Ok(Err(AppError::Internal(error))) => Err(AppError::Unavailable(error.to_string())),
        Ok(Err(error)) => Err(error),
        Err(_) => Err(AppError::Unavailable("timed out".into())),
    }
}

/// Registers this domain's routes.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(healthz).service(readyz);
}
