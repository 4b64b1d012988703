//! Versioned terms of service (R5.7): published with a date; consents name the version.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::policy::{self, Principal};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::Json;
use crate::schema::terms_versions;
use crate::validation::Validator;

/// A version of the terms of service.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = terms_versions)]
pub struct TermsVersion {
    #[serde(skip)]
    pub id: Uuid,
    /// Version number, e.g. `6.4`.
    pub version: String,
    pub published_at: DateTime<Utc>,
    pub body_pl: String,
    pub body_en: String,
}

/// The version in force at `now`.
pub async fn current(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<Option<TermsVersion>> {
    terms_versions::table
        .filter(terms_versions::published_at.le(now))
        .order(terms_versions::published_at.desc())
        .select(TermsVersion::as_select())
        .first(conn)
        .await
        .optional()
}

/// Checks that `accepted` names the version in force and returns it.
pub async fn require_current(
    conn: &mut AsyncPgConnection,
    field: &str,
    accepted: &str,
    now: DateTime<Utc>,
) -> Result<TermsVersion, AppError> {
    match current(conn, now).await? {
        Some(terms) if terms.version == accepted => Ok(terms),
        Some(terms) => Err(AppError::validation(vec![FieldError::new(
            field,
            "outdated_terms",
            format!("Accept the terms in force, version {}.", terms.version),
        )])),
        None => Err(AppError::client(
            StatusCode::SERVICE_UNAVAILABLE,
            "no_terms",
            "No terms of service are published yet.",
        )),
    }
}

/// Inserts a version (used by the admin endpoint and demo data); an existing version is kept.
pub async fn publish(conn: &mut AsyncPgConnection, new: &NewTerms) -> QueryResult<usize> {
    diesel::insert_into(terms_versions::table)
        .values((
            terms_versions::version.eq(&new.version),
            terms_versions::published_at.eq(new.published_at),
            terms_versions::body_pl.eq(&new.body_pl),
            terms_versions::body_en.eq(&new.body_en),
        ))
        .on_conflict(terms_versions::version)
        .do_nothing()
        .execute(conn)
        .await
}

/// Reads the terms of service in force.
#[utoipa::path(
    tag = "accounts",
    operation_id = "get_current_terms",
    responses(
        (status = 200, description = "The terms in force", body = TermsVersion),
        (status = 404, description = "None published yet", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/terms/current")]
pub async fn get_current_terms(state: web::Data<AppState>) -> AppResult<web::Json<TermsVersion>> {
    let mut conn = state.pool.get().await?;
    let terms = current(&mut conn, state.clock.now())
        .await?
        .ok_or_else(|| AppError::not_found("No terms are published yet."))?;
    Ok(web::Json(terms))
}

/// Every version of the terms.
#[derive(Debug, Serialize, ToSchema)]
pub struct TermsList {
    pub items: Vec<TermsVersion>,
}

/// Lists every version of the terms, newest first (administrators).
#[utoipa::path(
    tag = "accounts",
    operation_id = "list_terms",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "All versions", body = TermsList),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/terms")]
pub async fn list_terms(state: web::Data<AppState>, principal: Principal) -> AppResult<web::Json<TermsList>> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let items = terms_versions::table
        .order(terms_versions::published_at.desc())
        .select(TermsVersion::as_select())
        .load(&mut conn)
        .await?;
    Ok(web::Json(TermsList { items }))
}

/// A new version of the terms.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewTerms {
    /// Version number, e.g. `6.5`; must not exist yet.
    pub version: String,
    /// When it comes into force (may be in the future).
    pub published_at: DateTime<Utc>,
    pub body_pl: String,
    pub body_en: String,
}

/// Publishes a new version of the terms (administrators). Residents accept it at their next consent.
#[utoipa::path(
    tag = "accounts",
    operation_id = "publish_terms",
    security(("bearer" = [])),
    request_body = NewTerms,
    responses(
        (status = 201, description = "Published"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The version exists", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/terms")]
pub async fn publish_terms(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<NewTerms>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let mut v = Validator::new();
    let version = v.text("version", &body.version, 1, 20);
    if !version.is_empty()
        && !version
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
    {
        v.add(FieldError::new(
            "version",
            "invalid",
            "A version is numbers separated by dots, e.g. 6.5.",
        ));
    }
    v.text("body_pl", &body.body_pl, 1, 200_000);
    v.text("body_en", &body.body_en, 1, 200_000);
    v.finish()?;
    let mut conn = state.pool.get().await?;
    let new = NewTerms { version, ..body.0 };
    if publish(&mut conn, &new).await? == 0 {
        return Err(AppError::client(
            StatusCode::CONFLICT,
            "version_exists",
            "This version of the terms exists already.",
        ));
    }
    Ok(HttpResponse::Created().finish())
}
