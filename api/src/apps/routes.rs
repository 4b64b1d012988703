//! Administration of apps and their keys (administrators only).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, patch, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::keys;
use super::model::{self, ApiKey, App, Scope};
use crate::app::AppState;
use crate::auth::policy::{self, Principal};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::Json;
use crate::schema::{api_keys, apps};
use crate::validation::Validator;

/// An API key as listed: never the key itself.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeyView {
    pub id: Uuid,
    /// The key's public prefix (`kk_<prefix>_…`), to tell keys apart.
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A registered app.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppView {
    pub id: Uuid,
    pub name: String,
    pub contact_email: String,
    pub scopes: Vec<Scope>,
    pub rate_limit_per_minute: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
    /// Its keys, newest first.
    pub keys: Vec<KeyView>,
}

/// A new key: `key` is shown this once and cannot be read again.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedKey {
    pub key: String,
    #[serde(flatten)]
    pub info: KeyView,
}

/// A new app.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppInput {
    pub name: String,
    /// Whom the city contacts about the app.
    pub contact_email: String,
    pub scopes: Vec<Scope>,
    /// Requests per minute per key (1–100000).
    pub rate_limit_per_minute: i32,
}

/// Changes to an app; absent fields stay as they are.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppChange {
    pub name: Option<String>,
    pub contact_email: Option<String>,
    pub scopes: Option<Vec<Scope>>,
    pub rate_limit_per_minute: Option<i32>,
    /// Disabling an app refuses all its keys at once; enabling restores them.
    pub disabled: Option<bool>,
}

fn key_view(key: &ApiKey) -> KeyView {
    KeyView {
        id: key.id,
        prefix: key.prefix.clone(),
        created_at: key.created_at,
        revoked_at: key.revoked_at,
        last_used_at: key.last_used_at,
    }
}

async fn views(conn: &mut AsyncPgConnection, list: Vec<App>) -> AppResult<Vec<AppView>> {
    let ids: Vec<Uuid> = list.iter().map(|app| app.id).collect();
    let keys = model::keys(conn, &ids).await?;
    Ok(list
        .into_iter()
        .map(|app| AppView {
            scopes: app.scopes(),
            keys: keys.iter().filter(|k| k.app_id == app.id).map(key_view).collect(),
            id: app.id,
            name: app.name,
            contact_email: app.contact_email,
            rate_limit_per_minute: app.rate_limit_per_minute,
            created_at: app.created_at,
            updated_at: app.updated_at,
            disabled_at: app.disabled_at,
        })
        .collect())
}

async fn view(conn: &mut AsyncPgConnection, app: App) -> AppResult<AppView> {
    views(conn, vec![app])
        .await?
        .pop()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("an app without its view")))
}

async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> AppResult<App> {
    model::find(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such app."))
}

fn check_rate(v: &mut Validator, rate: i32) {
    if !(1..=100_000).contains(&rate) {
        v.add(FieldError::new(
            "rate_limit_per_minute",
            "out_of_range",
            "Between 1 and 100000 requests a minute.",
        ));
    }
}

fn scope_texts(scopes: &[Scope]) -> Vec<String> {
    let mut texts: Vec<String> = scopes.iter().map(|s| s.as_str().to_owned()).collect();
    texts.sort();
    texts.dedup();
    texts
}

/// Registered apps with their keys.
#[utoipa::path(
    tag = "apps",
    operation_id = "list_apps",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Apps by name", body = Vec<AppView>),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/apps")]
pub async fn list_apps(state: web::Data<AppState>, principal: Principal) -> AppResult<web::Json<Vec<AppView>>> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let list = model::all(&mut conn).await?;
    Ok(web::Json(views(&mut conn, list).await?))
}

/// Registers an app.
#[utoipa::path(
    tag = "apps",
    operation_id = "create_app",
    security(("bearer" = [])),
    request_body = AppInput,
    responses(
        (status = 201, description = "Registered (no keys yet)", body = AppView),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/apps")]
pub async fn create_app(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<AppInput>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let mut v = Validator::new();
    let name = v.text("name", &body.name, 1, 120);
    let contact_email = v.email("contact_email", &body.contact_email);
    check_rate(&mut v, body.rate_limit_per_minute);
    v.finish()?;
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let app: App = diesel::insert_into(apps::table)
        .values((
            apps::name.eq(name),
            apps::contact_email.eq(contact_email),
            apps::scopes.eq(scope_texts(&body.scopes)),
            apps::rate_limit_per_minute.eq(body.rate_limit_per_minute),
            apps::created_at.eq(now),
            apps::updated_at.eq(now),
        ))
        .returning(App::as_returning())
        .get_result(&mut conn)
        .await?;
    Ok(HttpResponse::Created().json(view(&mut conn, app).await?))
}

/// One app with its keys.
#[utoipa::path(
    tag = "apps",
    operation_id = "get_app",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The app")),
    responses(
        (status = 200, description = "The app", body = AppView),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such app", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/apps/{id}")]
pub async fn get_app(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<AppView>> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let app = find(&mut conn, *id).await?;
    Ok(web::Json(view(&mut conn, app).await?))
}

/// Changes an app: name, contact, scopes, rate limit, or disables it. Takes effect on the
/// next request of any of its keys.
#[utoipa::path(
    tag = "apps",
    operation_id = "update_app",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The app")),
    request_body = AppChange,
    responses(
        (status = 200, description = "The app as changed", body = AppView),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such app", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/apps/{id}")]
pub async fn update_app(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<AppChange>,
) -> AppResult<web::Json<AppView>> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let app = find(&mut conn, *id).await?;
    let mut v = Validator::new();
    let name = body.name.as_deref().map(|name| v.text("name", name, 1, 120));
    let contact_email = body
        .contact_email
        .as_deref()
        .map(|email| v.email("contact_email", email));
    if let Some(rate) = body.rate_limit_per_minute {
        check_rate(&mut v, rate);
    }
    v.finish()?;
    let now = state.clock.now();
    let disabled_at = match body.disabled {
        Some(true) => app.disabled_at.or(Some(now)),
        Some(false) => None,
        None => app.disabled_at,
    };
    let app: App = diesel::update(apps::table.find(app.id))
        .set((
            apps::name.eq(name.unwrap_or(app.name)),
            apps::contact_email.eq(contact_email.unwrap_or(app.contact_email)),
            apps::scopes.eq(body.scopes.as_deref().map_or(app.scopes, scope_texts)),
            apps::rate_limit_per_minute.eq(body.rate_limit_per_minute.unwrap_or(app.rate_limit_per_minute)),
            apps::disabled_at.eq(disabled_at),
            apps::updated_at.eq(now),
        ))
        .returning(App::as_returning())
        .get_result(&mut conn)
        .await?;
    Ok(web::Json(view(&mut conn, app).await?))
}

async fn insert_key(
    conn: &mut AsyncPgConnection,
    app_id: Uuid,
    author: Uuid,
    now: DateTime<Utc>,
) -> AppResult<IssuedKey> {
    let new = keys::generate();
    let stored: ApiKey = diesel::insert_into(api_keys::table)
        .values((
            api_keys::app_id.eq(app_id),
            api_keys::prefix.eq(&new.prefix),
            api_keys::secret_hash.eq(&new.hash),
            api_keys::created_at.eq(now),
            api_keys::created_by.eq(author),
        ))
        .returning(ApiKey::as_returning())
        .get_result(conn)
        .await?;
    Ok(IssuedKey {
        key: new.key,
        info: key_view(&stored),
    })
}

/// Issues a new key for an app. The answer is the only time the key can be read.
#[utoipa::path(
    tag = "apps",
    operation_id = "issue_app_key",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The app")),
    responses(
        (status = 201, description = "The new key, shown once", body = IssuedKey),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such app", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/apps/{id}/keys")]
pub async fn issue_key(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let app = find(&mut conn, *id).await?;
    let issued = insert_key(&mut conn, app.id, principal.account_id, state.clock.now()).await?;
    Ok(HttpResponse::Created().json(issued))
}

async fn find_key(conn: &mut AsyncPgConnection, app_id: Uuid, key_id: Uuid) -> AppResult<ApiKey> {
    api_keys::table
        .find(key_id)
        .filter(api_keys::app_id.eq(app_id))
        .select(ApiKey::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found("This app has no such key."))
}

async fn revoke(conn: &mut AsyncPgConnection, key: &ApiKey, now: DateTime<Utc>) -> AppResult<ApiKey> {
    Ok(diesel::update(api_keys::table.find(key.id))
        .set(api_keys::revoked_at.eq(key.revoked_at.unwrap_or(now)))
        .returning(ApiKey::as_returning())
        .get_result(conn)
        .await?)
}

/// Revokes a key at once; revoking it again changes nothing.
#[utoipa::path(
    tag = "apps",
    operation_id = "revoke_app_key",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The app"), ("key_id" = Uuid, Path, description = "The key")),
    responses(
        (status = 200, description = "The revoked key", body = KeyView),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such key of this app", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/apps/{id}/keys/{key_id}/revoke")]
pub async fn revoke_key(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<web::Json<KeyView>> {
    policy::require_admin(&principal)?;
    let (app_id, key_id) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let key = find_key(&mut conn, app_id, key_id).await?;
    let revoked = revoke(&mut conn, &key, state.clock.now()).await?;
    Ok(web::Json(key_view(&revoked)))
}

/// Rotates a key: issues a new one and revokes the old one in one step.
#[utoipa::path(
    tag = "apps",
    operation_id = "rotate_app_key",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The app"), ("key_id" = Uuid, Path, description = "The key to replace")),
    responses(
        (status = 201, description = "The new key, shown once", body = IssuedKey),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such key of this app", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The key is already revoked", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/apps/{id}/keys/{key_id}/rotate")]
pub async fn rotate_key(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let (app_id, key_id) = path.into_inner();
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let key = find_key(&mut conn, app_id, key_id).await?;
    if key.revoked_at.is_some() {
        return Err(AppError::client(
            StatusCode::CONFLICT,
            "key_revoked",
            "This key is already revoked; issue a new one instead.",
        ));
    }
    let issued = conn
        .transaction::<_, AppError, _>(async |conn| {
            revoke(conn, &key, now).await?;
            insert_key(conn, app_id, principal.account_id, now).await
        })
        .await?;
    Ok(HttpResponse::Created().json(issued))
}
