//! Public reads of the city's units.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::model::{self, Unit};
use crate::app::AppState;
use crate::error::{AppResult, Problem};

/// The list of units.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitList {
    pub items: Vec<Unit>,
}

/// Lists the city's units (departments and municipal bodies) with their contact data.
#[utoipa::path(
    tag = "units",
    operation_id = "list_units",
    responses(
        (status = 200, description = "All units", body = UnitList),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/units")]
pub async fn list_units(state: web::Data<AppState>) -> AppResult<web::Json<UnitList>> {
    let mut conn = state.pool.get().await?;
    let items = model::list(&mut conn).await?;
    Ok(web::Json(UnitList { items }))
}

/// Reads one unit by its slug.
#[utoipa::path(
    tag = "units",
    operation_id = "get_unit",
    params(("slug" = String, Path, description = "The unit's slug")),
    responses(
        (status = 200, description = "The unit", body = Unit),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/units/{slug}")]
pub async fn get_unit(state: web::Data<AppState>, slug: web::Path<String>) -> AppResult<web::Json<Unit>> {
    let mut conn = state.pool.get().await?;
    let unit = model::find_by_slug(&mut conn, &slug).await?;
    Ok(web::Json(unit))
}

/// Registers this domain's routes.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_units).service(get_unit);
}
