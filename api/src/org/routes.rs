//! Public reads of the city's units.

use actix_web::{get, patch, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::model::{self, Unit};
use crate::app::AppState;
use crate::auth::policy::{self, Principal, Role};
use crate::error::{AppResult, Problem};
use crate::extract::Json;
use crate::schema::{accounts, role_grants, units};
use crate::validation::Validator;

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

/// Changes to a unit's contact data; absent fields stay, empty strings clear.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitContactUpdate {
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    /// Where the unit takes its issues as JSON POSTs (not public; `""` removes it).
    pub webhook_url: Option<String>,
}

/// Updates a unit's public contact data and its webhook (administrators and the unit's own operators).
#[utoipa::path(
    tag = "units",
    operation_id = "update_unit_contact",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The unit's slug")),
    request_body = UnitContactUpdate,
    responses(
        (status = 200, description = "The updated unit", body = Unit),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not this unit's operator or an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/units/{slug}")]
pub async fn update_unit_contact(
    state: web::Data<AppState>,
    principal: Principal,
    slug: web::Path<String>,
    body: Json<UnitContactUpdate>,
) -> AppResult<web::Json<Unit>> {
    let mut conn = state.pool.get().await?;
    let unit = model::find_by_slug(&mut conn, &slug).await?;
    policy::require_unit_management(&principal, unit.id)?;
    let mut v = Validator::new();
    let optional = |value: &Option<String>, current: Option<String>| match value.as_deref().map(str::trim) {
        None => current,
        Some("") => None,
        Some(value) => Some(value.to_owned()),
    };
    let address = optional(&body.address, unit.address.clone());
    let email = optional(&body.email, unit.email.clone()).map(|email| v.email("email", &email));
    let phone = optional(&body.phone, unit.phone.clone()).and_then(|phone| v.phone("phone", Some(&phone)));
    let website = optional(&body.website, unit.website.clone());
    let current_webhook: Option<String> = units::table
        .find(unit.id)
        .select(units::webhook_url)
        .first(&mut conn)
        .await?;
    let webhook = optional(&body.webhook_url, current_webhook);
    if let Some(webhook) = &webhook {
        use crate::webhooks::ssrf::{Refusal, check_url};
        match check_url(webhook, state.config.webhook_allow_private_targets) {
            Ok(_) if webhook.len() <= 2000 => {}
            Err(Refusal::Private) => v.add(crate::error::FieldError::new(
                "webhook_url",
                "private_address",
                "Webhooks may not call private or loopback addresses.",
            )),
            _ => v.add(crate::error::FieldError::new(
                "webhook_url",
                "invalid_url",
                "A webhook URL starts with https://.",
            )),
        }
    }
    if let Some(address) = &address {
        v.text("address", address, 1, 300);
    }
    if let Some(website) = &website
        && !(website.starts_with("https://") || website.starts_with("http://"))
    {
        v.add(crate::error::FieldError::new(
            "website",
            "invalid_url",
            "A website starts with https://.",
        ));
    }
    v.finish()?;
    let updated = diesel::update(units::table.find(unit.id))
        .set((
            units::address.eq(address),
            units::email.eq(email),
            units::phone.eq(phone),
            units::website.eq(website),
            units::webhook_url.eq(webhook),
            units::updated_at.eq(state.clock.now()),
        ))
        .returning(Unit::as_returning())
        .get_result(&mut conn)
        .await?;
    Ok(web::Json(updated))
}

/// A staff member of a unit.
#[derive(Debug, Serialize, ToSchema, Queryable)]
pub struct StaffMember {
    pub account_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub granted_at: DateTime<Utc>,
}

/// The staff of a unit.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffList {
    pub items: Vec<StaffMember>,
}

/// Lists a unit's operators and procedure editors (administrators and the unit's operators).
#[utoipa::path(
    tag = "units",
    operation_id = "list_unit_staff",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The unit's slug")),
    responses(
        (status = 200, description = "The unit's staff", body = StaffList),
        (status = 403, description = "Not this unit's operator or an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/units/{slug}/staff")]
pub async fn list_unit_staff(
    state: web::Data<AppState>,
    principal: Principal,
    slug: web::Path<String>,
) -> AppResult<web::Json<StaffList>> {
    let mut conn = state.pool.get().await?;
    let unit = model::find_by_slug(&mut conn, &slug).await?;
    policy::require_unit_management(&principal, unit.id)?;
    let items = role_grants::table
        .inner_join(accounts::table.on(accounts::id.eq(role_grants::account_id)))
        .filter(role_grants::unit_id.eq(unit.id))
        .select((
            accounts::id,
            accounts::first_name,
            accounts::last_name,
            role_grants::role,
            role_grants::granted_at,
        ))
        .order((accounts::last_name, accounts::first_name))
        .load(&mut conn)
        .await?;
    Ok(web::Json(StaffList { items }))
}

/// Registers this domain's routes.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_units)
        .service(get_unit)
        .service(update_unit_contact)
        .service(list_unit_staff)
        .service(super::categories::list_categories)
        .service(super::categories::create_category)
        .service(super::categories::update_category);
}
