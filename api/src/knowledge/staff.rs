//! Staff reads of the knowledge base (R7.2, R5.3): every procedure — internal, outside its
//! validity window, not yet published — with the internal fields. For the contact centre,
//! procedure editors, publishers and administrators.

use actix_web::{get, web};
use uuid::Uuid;

use super::model;
use super::routes::{ProcedurePage, ProcedureQuery, browse, today};
use super::views::{self, StaffProcedure};
use crate::app::AppState;
use crate::auth::policy::{self, Principal};
use crate::error::{AppError, AppResult, Problem};
use crate::extract::Query;

/// Browses or searches every procedure, internal ones included.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "staff_list_procedures",
    security(("bearer" = [])),
    params(ProcedureQuery),
    responses(
        (status = 200, description = "A page of procedures", body = ProcedurePage),
        (status = 400, description = "A filter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not knowledge-base staff", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/procedures")]
pub async fn staff_list_procedures(
    state: web::Data<AppState>,
    principal: Principal,
    query: Query<ProcedureQuery>,
) -> AppResult<web::Json<ProcedurePage>> {
    policy::require_knowledge_staff(&principal)?;
    let mut conn = state.pool.get().await?;
    let today = today(state.clock.now());
    Ok(web::Json(browse(&mut conn, &query, today, true).await?))
}

/// A procedure with its internal fields: the current version, or the draft before the
/// first publication.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "staff_get_procedure",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The procedure")),
    responses(
        (status = 200, description = "The procedure", body = StaffProcedure),
        (status = 403, description = "Not knowledge-base staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such procedure", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/procedures/{id}")]
pub async fn staff_get_procedure(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<StaffProcedure>> {
    policy::require_knowledge_staff(&principal)?;
    let mut conn = state.pool.get().await?;
    let procedure = model::find(&mut conn, *id)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such procedure."))?;
    let version = match procedure.current_version {
        Some(number) => model::published_version(&mut conn, procedure.id, number).await?,
        None => model::open_draft(&mut conn, procedure.id).await?,
    }
    .ok_or_else(|| AppError::not_found("There is no such procedure."))?;
    let today = today(state.clock.now());
    Ok(web::Json(
        views::staff_procedure(&mut conn, &procedure, &version, today).await?,
    ))
}

/// A published version with its internal fields.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "staff_get_procedure_version",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The procedure"),
        ("version" = i32, Path, description = "The version number, from 1"),
    ),
    responses(
        (status = 200, description = "That version", body = StaffProcedure),
        (status = 403, description = "Not knowledge-base staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such procedure or version", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/procedures/{id}/versions/{version}")]
pub async fn staff_get_procedure_version(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, i32)>,
) -> AppResult<web::Json<StaffProcedure>> {
    policy::require_knowledge_staff(&principal)?;
    let (id, number) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let procedure = model::find(&mut conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such procedure."))?;
    let version = model::published_version(&mut conn, id, number)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such version."))?;
    let today = today(state.clock.now());
    Ok(web::Json(
        views::staff_procedure(&mut conn, &procedure, &version, today).await?,
    ))
}
