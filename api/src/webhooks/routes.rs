//! Managing subscriptions and reading their delivery logs. Administrators manage every
//! subscription; a unit's operators manage their unit's (R4.3). An app's subscriptions are
//! set up by administrators, who register the app.

use std::collections::HashMap;

use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::model::{self, Delivery, Subscription, WebhookEvent};
use super::ssrf::{self, Refusal};
use crate::app::AppState;
use crate::auth::policy::{self, Principal, Role};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::{Json, Query};
use crate::issues::view::UnitRef;
use crate::schema::{apps, categories, units, webhook_subscriptions};
use crate::validation::Validator;

/// The app a subscription belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppRef {
    pub id: Uuid,
    pub name: String,
}

/// A subscription as its owner sees it; the secret is never shown again.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookSubscription {
    pub id: Uuid,
    /// The owning app, or
    pub app: Option<AppRef>,
    /// the owning unit.
    pub unit: Option<UnitRef>,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    /// Only issues of these categories (slugs); all when empty.
    pub categories: Vec<String>,
    /// Only issues of these units (slugs); all when empty. A unit's subscription hears of
    /// its own unit's issues only.
    pub units: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Deliveries wait while a subscription is disabled.
    pub disabled_at: Option<DateTime<Utc>>,
}

/// A new subscription with its signing secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedWebhookSubscription {
    #[serde(flatten)]
    pub subscription: WebhookSubscription,
    /// The HMAC-SHA256 key of the `Kontakt-Signature` header.
    pub secret: String,
}

/// A new signing secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookSecret {
    pub secret: String,
}

/// A new subscription: exactly one of `app_id` and `unit` owns it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewWebhookSubscription {
    pub app_id: Option<Uuid>,
    /// A unit's slug.
    pub unit: Option<String>,
    /// Where deliveries are POSTed: a public http(s) URL.
    pub url: String,
    pub events: Vec<WebhookEvent>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub units: Vec<String>,
}

/// Changes to a subscription; absent fields stay as they are.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookSubscriptionChange {
    pub url: Option<String>,
    pub events: Option<Vec<WebhookEvent>>,
    pub categories: Option<Vec<String>>,
    pub units: Option<Vec<String>>,
    /// Disabled subscriptions receive nothing; their pending deliveries wait.
    pub disabled: Option<bool>,
}

/// One delivery in the log.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookDelivery {
    /// The `Kontakt-Delivery` header's value.
    pub id: Uuid,
    pub event: WebhookEvent,
    pub created_at: DateTime<Utc>,
    pub attempts: i32,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The receiver's HTTP status at the last attempt, when it answered.
    pub response_status: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<DateTime<Utc>>,
    /// Given up (after all attempts, or the URL was refused).
    pub failed_at: Option<DateTime<Utc>>,
    /// When the next attempt is due, while it is pending.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// The delivery this one repeats.
    pub redelivery_of: Option<Uuid>,
    /// The body sent (see the `WebhookPayload` schema).
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
}

/// Which subscriptions to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubscriptionFilter {
    /// Only this app's.
    pub app_id: Option<Uuid>,
    /// Only this unit's (slug).
    pub unit: Option<String>,
}

/// The units a caller may manage subscriptions for; `None` means every one (administrators).
fn managed_units(principal: &Principal) -> Option<Vec<Uuid>> {
    if principal.is_admin() {
        return None;
    }
    Some(
        principal
            .grants
            .iter()
            .filter(|grant| grant.role == Role::Operator)
            .filter_map(|grant| grant.unit_id)
            .collect(),
    )
}

fn require_owner_access(principal: &Principal, subscription: &Subscription) -> AppResult<()> {
    match subscription.unit_id {
        Some(unit_id) => policy::require_unit_management(principal, unit_id),
        None => policy::require_admin(principal),
    }
}

async fn find(conn: &mut AsyncPgConnection, principal: &Principal, id: Uuid) -> AppResult<Subscription> {
    let subscription = model::find(conn, id)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such webhook subscription."))?;
    require_owner_access(principal, &subscription)?;
    Ok(subscription)
}

async fn views(conn: &mut AsyncPgConnection, list: Vec<Subscription>) -> AppResult<Vec<WebhookSubscription>> {
    let app_names: HashMap<Uuid, String> = apps::table
        .select((apps::id, apps::name))
        .load(conn)
        .await?
        .into_iter()
        .collect();
    let unit_refs: HashMap<Uuid, UnitRef> = units::table
        .select((units::id, units::slug, units::name))
        .load::<UnitRef>(conn)
        .await?
        .into_iter()
        .map(|unit| (unit.id, unit))
        .collect();
    let category_slugs: HashMap<Uuid, String> = categories::table
        .select((categories::id, categories::slug))
        .load(conn)
        .await?
        .into_iter()
        .collect();
    Ok(list
        .into_iter()
        .map(|s| WebhookSubscription {
            id: s.id,
            app: s
                .app_id
                .and_then(|id| app_names.get(&id).map(|name| AppRef { id, name: name.clone() })),
            unit: s.unit_id.and_then(|id| unit_refs.get(&id).cloned()),
            events: s.events(),
            categories: s
                .category_ids
                .iter()
                .filter_map(|id| category_slugs.get(id).cloned())
                .collect(),
            units: s
                .unit_ids
                .iter()
                .filter_map(|id| unit_refs.get(id).map(|u| u.slug.clone()))
                .collect(),
            url: s.url,
            created_at: s.created_at,
            updated_at: s.updated_at,
            disabled_at: s.disabled_at,
        })
        .collect())
}

async fn view(conn: &mut AsyncPgConnection, subscription: Subscription) -> AppResult<WebhookSubscription> {
    views(conn, vec![subscription])
        .await?
        .pop()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a subscription without its view")))
}

fn check_url(v: &mut Validator, state: &AppState, url: &str) -> String {
    match ssrf::check_url(url.trim(), state.config.webhook_allow_private_targets) {
        Ok(parsed) => return parsed.to_string(),
        Err(Refusal::Invalid) => v.add(FieldError::new("url", "invalid", "Give an absolute http or https URL.")),
        Err(Refusal::Private) => v.add(FieldError::new(
            "url",
            "private_address",
            "Webhooks may not call private or loopback addresses.",
        )),
    }
    String::new()
}

fn check_events(v: &mut Validator, events: &[WebhookEvent]) -> Vec<String> {
    if events.is_empty() {
        v.add(FieldError::new("events", "required", "Choose at least one event."));
    }
    let mut texts: Vec<String> = events.iter().map(|e| e.as_str().to_owned()).collect();
    texts.sort();
    texts.dedup();
    texts
}

/// Ids of the named slugs; unknown slugs are field errors.
fn ids_of(v: &mut Validator, field: &str, slugs: &[String], known: &HashMap<String, Uuid>) -> Vec<Uuid> {
    let mut ids = Vec::new();
    for (index, slug) in slugs.iter().enumerate() {
        match known.get(slug) {
            Some(id) if !ids.contains(id) => ids.push(*id),
            Some(_) => {}
            None => v.add(FieldError::new(
                format!("{field}[{index}]"),
                "unknown",
                "There is no such one.",
            )),
        }
    }
    ids
}

async fn slug_ids(conn: &mut AsyncPgConnection) -> AppResult<(HashMap<String, Uuid>, HashMap<String, Uuid>)> {
    let categories = categories::table
        .select((categories::slug, categories::id))
        .load(conn)
        .await?
        .into_iter()
        .collect();
    let units = units::table
        .select((units::slug, units::id))
        .load(conn)
        .await?
        .into_iter()
        .collect();
    Ok((categories, units))
}

fn forbidden_to_create() -> AppError {
    AppError::client(
        actix_web::http::StatusCode::FORBIDDEN,
        "forbidden",
        "You may subscribe only your own units; apps are subscribed by administrators.",
    )
}

/// The subscriptions the caller manages.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_webhook_subscriptions",
    security(("bearer" = [])),
    params(SubscriptionFilter),
    responses(
        (status = 200, description = "Subscriptions, newest first", body = Vec<WebhookSubscription>),
        (status = 403, description = "Neither an administrator nor a unit's operator", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/webhooks")]
pub async fn list_subscriptions(
    state: web::Data<AppState>,
    principal: Principal,
    filter: Query<SubscriptionFilter>,
) -> AppResult<web::Json<Vec<WebhookSubscription>>> {
    let managed = managed_units(&principal);
    if managed.as_ref().is_some_and(Vec::is_empty) {
        return Err(forbidden_to_create());
    }
    let mut conn = state.pool.get().await?;
    let mut query = webhook_subscriptions::table
        .order(webhook_subscriptions::created_at.desc())
        .select(Subscription::as_select())
        .into_boxed();
    if let Some(units) = managed {
        query = query.filter(webhook_subscriptions::unit_id.eq_any(units));
    }
    if let Some(app_id) = filter.app_id {
        query = query.filter(webhook_subscriptions::app_id.eq(app_id));
    }
    if let Some(slug) = filter.unit.as_deref().filter(|s| !s.is_empty()) {
        query = query.filter(
            webhook_subscriptions::unit_id.nullable().eq_any(
                units::table
                    .filter(units::slug.eq(slug.to_owned()))
                    .select(units::id.nullable()),
            ),
        );
    }
    let list = query.load(&mut conn).await?;
    Ok(web::Json(views(&mut conn, list).await?))
}

/// Subscribes an app or a unit to events. The answer holds the signing secret, the only
/// time it can be read.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "create_webhook_subscription",
    security(("bearer" = [])),
    request_body = NewWebhookSubscription,
    responses(
        (status = 201, description = "Subscribed", body = CreatedWebhookSubscription),
        (status = 403, description = "Not allowed for this owner", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong (also a private address)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/webhooks")]
pub async fn create_subscription(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<NewWebhookSubscription>,
) -> AppResult<HttpResponse> {
    let mut conn = state.pool.get().await?;
    let (category_ids, unit_ids) = slug_ids(&mut conn).await?;
    let mut v = Validator::new();
    let (app_id, unit_id) = match (body.app_id, body.unit.as_deref()) {
        (Some(app_id), None) => {
            policy::require_admin(&principal).map_err(|_| forbidden_to_create())?;
            let exists: i64 = apps::table.find(app_id).count().get_result(&mut conn).await?;
            if exists == 0 {
                v.add(FieldError::new("app_id", "unknown", "There is no such app."));
            }
            (Some(app_id), None)
        }
        (None, Some(slug)) => match unit_ids.get(slug) {
            Some(unit_id) => {
                policy::require_unit_management(&principal, *unit_id).map_err(|_| forbidden_to_create())?;
                (None, Some(*unit_id))
            }
            None => {
                v.add(FieldError::new("unit", "unknown", "There is no such unit."));
                (None, None)
            }
        },
        _ => {
            v.add(FieldError::new(
                "app_id",
                "owner",
                "Name exactly one owner: app_id or unit.",
            ));
            (None, None)
        }
    };
    let url = check_url(&mut v, &state, &body.url);
    let events = check_events(&mut v, &body.events);
    let categories = ids_of(&mut v, "categories", &body.categories, &category_ids);
    let units = ids_of(&mut v, "units", &body.units, &unit_ids);
    v.finish()?;
    let now = state.clock.now();
    let secret = new_secret();
    let subscription: Subscription = diesel::insert_into(webhook_subscriptions::table)
        .values((
            webhook_subscriptions::app_id.eq(app_id),
            webhook_subscriptions::unit_id.eq(unit_id),
            webhook_subscriptions::url.eq(url),
            webhook_subscriptions::secret.eq(&secret),
            webhook_subscriptions::events.eq(events),
            webhook_subscriptions::category_ids.eq(categories),
            webhook_subscriptions::unit_ids.eq(units),
            webhook_subscriptions::created_by.eq(principal.account_id),
            webhook_subscriptions::created_at.eq(now),
            webhook_subscriptions::updated_at.eq(now),
        ))
        .returning(Subscription::as_returning())
        .get_result(&mut conn)
        .await?;
    Ok(HttpResponse::Created().json(CreatedWebhookSubscription {
        subscription: view(&mut conn, subscription).await?,
        secret,
    }))
}

fn new_secret() -> String {
    format!("whsec_{}", crate::secrets::new_token().0)
}

/// One subscription.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "get_webhook_subscription",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The subscription")),
    responses(
        (status = 200, description = "The subscription", body = WebhookSubscription),
        (status = 403, description = "Another unit's, or an app's and not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/webhooks/{id}")]
pub async fn get_subscription(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<WebhookSubscription>> {
    let mut conn = state.pool.get().await?;
    let subscription = find(&mut conn, &principal, *id).await?;
    Ok(web::Json(view(&mut conn, subscription).await?))
}

/// Changes a subscription's URL, events or filters, or disables it.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "update_webhook_subscription",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The subscription")),
    request_body = WebhookSubscriptionChange,
    responses(
        (status = 200, description = "The subscription as changed", body = WebhookSubscription),
        (status = 403, description = "Another unit's, or an app's and not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/webhooks/{id}")]
pub async fn update_subscription(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<WebhookSubscriptionChange>,
) -> AppResult<web::Json<WebhookSubscription>> {
    let mut conn = state.pool.get().await?;
    let current = find(&mut conn, &principal, *id).await?;
    let (category_ids, unit_ids) = slug_ids(&mut conn).await?;
    let mut v = Validator::new();
    let url = body.url.as_deref().map(|url| check_url(&mut v, &state, url));
    let events = body.events.as_deref().map(|events| check_events(&mut v, events));
    let categories = body
        .categories
        .as_deref()
        .map(|slugs| ids_of(&mut v, "categories", slugs, &category_ids));
    let units = body
        .units
        .as_deref()
        .map(|slugs| ids_of(&mut v, "units", slugs, &unit_ids));
    v.finish()?;
    let now = state.clock.now();
    let disabled_at = match body.disabled {
        Some(true) => current.disabled_at.or(Some(now)),
        Some(false) => None,
        None => current.disabled_at,
    };
    let updated: Subscription = diesel::update(webhook_subscriptions::table.find(current.id))
        .set((
            webhook_subscriptions::url.eq(url.unwrap_or(current.url)),
            webhook_subscriptions::events.eq(events.unwrap_or(current.events)),
            webhook_subscriptions::category_ids.eq(categories.unwrap_or(current.category_ids)),
            webhook_subscriptions::unit_ids.eq(units.unwrap_or(current.unit_ids)),
            webhook_subscriptions::disabled_at.eq(disabled_at),
            webhook_subscriptions::updated_at.eq(now),
        ))
        .returning(Subscription::as_returning())
        .get_result(&mut conn)
        .await?;
    Ok(web::Json(view(&mut conn, updated).await?))
}

/// Ends a subscription; its pending deliveries and log go with it.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "delete_webhook_subscription",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The subscription")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Another unit's, or an app's and not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/webhooks/{id}")]
pub async fn delete_subscription(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    let mut conn = state.pool.get().await?;
    let subscription = find(&mut conn, &principal, *id).await?;
    diesel::delete(webhook_subscriptions::table.find(subscription.id))
        .execute(&mut conn)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Replaces the signing secret; deliveries from now on are signed with the new one.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "rotate_webhook_secret",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The subscription")),
    responses(
        (status = 200, description = "The new secret, shown once", body = WebhookSecret),
        (status = 403, description = "Another unit's, or an app's and not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/webhooks/{id}/secret")]
pub async fn rotate_secret(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<WebhookSecret>> {
    let mut conn = state.pool.get().await?;
    let subscription = find(&mut conn, &principal, *id).await?;
    let secret = new_secret();
    diesel::update(webhook_subscriptions::table.find(subscription.id))
        .set((
            webhook_subscriptions::secret.eq(&secret),
            webhook_subscriptions::updated_at.eq(state.clock.now()),
        ))
        .execute(&mut conn)
        .await?;
    Ok(web::Json(WebhookSecret { secret }))
}

fn delivery_view(delivery: Delivery) -> Option<WebhookDelivery> {
    let pending = delivery.sent_at.is_none() && delivery.failed_at.is_none();
    Some(WebhookDelivery {
        id: delivery.delivery_id,
        event: delivery.event.as_deref()?.parse().ok()?,
        created_at: delivery.created_at,
        attempts: delivery.attempts,
        last_attempt_at: delivery.last_attempt_at,
        response_status: delivery.response_status,
        last_error: delivery.last_error,
        delivered_at: delivery.sent_at,
        failed_at: delivery.failed_at,
        next_attempt_at: pending.then_some(delivery.send_after),
        redelivery_of: delivery.redelivery_of,
        payload: delivery.payload,
    })
}

/// The delivery log: the latest 100 deliveries, newest first.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_webhook_deliveries",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The subscription")),
    responses(
        (status = 200, description = "Deliveries, newest first", body = Vec<WebhookDelivery>),
        (status = 403, description = "Another unit's, or an app's and not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<Vec<WebhookDelivery>>> {
    let mut conn = state.pool.get().await?;
    let subscription = find(&mut conn, &principal, *id).await?;
    let list = model::deliveries(&mut conn, subscription.id, 100).await?;
    Ok(web::Json(list.into_iter().filter_map(delivery_view).collect()))
}

/// Sends a delivery again, as a new delivery with the same body (the event keeps its id).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "redeliver_webhook",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The subscription"),
        ("delivery_id" = Uuid, Path, description = "The delivery to repeat"),
    ),
    responses(
        (status = 202, description = "Queued", body = WebhookDelivery),
        (status = 403, description = "Another unit's, or an app's and not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery of this subscription", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/webhooks/{id}/deliveries/{delivery_id}/redeliver")]
pub async fn redeliver(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (id, delivery_id) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let subscription = find(&mut conn, &principal, id).await?;
    let original: Delivery = crate::schema::outbox_webhooks::table
        .filter(crate::schema::outbox_webhooks::delivery_id.eq(delivery_id))
        .filter(crate::schema::outbox_webhooks::subscription_id.eq(subscription.id))
        .select(Delivery::as_select())
        .first(&mut conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found("This subscription has no such delivery."))?;
    let event = original.event.clone().unwrap_or_default();
    let queued = model::enqueue(
        &mut conn,
        &subscription,
        &event,
        &original.payload,
        original.issue_id,
        Some(original.delivery_id),
        state.clock.now(),
    )
    .await?;
    let view =
        delivery_view(queued).ok_or_else(|| AppError::Internal(anyhow::anyhow!("a delivery without an event")))?;
    Ok(HttpResponse::Accepted().json(view))
}
