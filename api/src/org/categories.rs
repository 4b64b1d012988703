//! Categories: what residents can report, the unit that handles it, how it is delivered,
//! and which extra fields it asks for (R1.3, R1.4, R4.2).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, patch, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::fields::{FieldDefinition, validate_schema};
use crate::app::AppState;
use crate::auth::policy::{self, Principal};
use crate::auth::principal::MaybePrincipal;
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::{Json, Query};
use crate::schema::{categories, units};
use crate::text_enum;
use crate::validation::Validator;

text_enum! {
    /// What a category collects; ideas and traffic proposals have longer deadlines (R1.4).
    pub enum CategoryKind {
        Problem => "problem",
        Idea => "idea",
        TrafficProposal => "traffic_proposal",
    }
}

text_enum! {
    /// How new issues reach the unit (R4.2).
    pub enum Delivery {
        /// Forwarded on arrival to the unit's queue and contact address.
        Automatic => "automatic",
        /// Reviewed and forwarded by the central contact centre.
        ViaOperator => "via_operator",
    }
}

/// A category.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = categories)]
pub struct Category {
    pub id: Uuid,
    pub slug: String,
    pub name_pl: String,
    pub name_en: String,
    /// The group it is listed under.
    pub group_pl: String,
    pub group_en: String,
    pub description_pl: Option<String>,
    pub description_en: Option<String>,
    pub kind: CategoryKind,
    /// The unit that handles its issues by default.
    pub unit_id: Uuid,
    pub delivery: Delivery,
    /// Whether an issue must have a place.
    pub location_required: bool,
    /// A temporary category is offered only between these times.
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_until: Option<DateTime<Utc>>,
    pub active: bool,
    #[diesel(deserialize_as = serde_json::Value)]
    #[schema(value_type = Vec<FieldDefinition>)]
    pub fields: FieldList,
    /// Order in lists (ascending).
    pub position: i32,
}

/// The extra fields, decoded from their JSON column.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct FieldList(pub Vec<FieldDefinition>);

impl TryFrom<serde_json::Value> for FieldList {
    type Error = serde_json::Error;
    fn try_from(value: serde_json::Value) -> Result<Self, Self::Error> {
        serde_json::from_value(value).map(Self)
    }
}

impl Category {
    /// Whether residents may file issues in it at `now`.
    pub fn is_offered(&self, now: DateTime<Utc>) -> bool {
        self.active
            && self.valid_from.is_none_or(|from| from <= now)
            && self.valid_until.is_none_or(|until| now < until)
    }
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Category> {
    categories::table
        .find(id)
        .select(Category::as_select())
        .first(conn)
        .await
}

pub async fn find_by_slug(conn: &mut AsyncPgConnection, slug: &str) -> QueryResult<Option<Category>> {
    categories::table
        .filter(categories::slug.eq(slug))
        .select(Category::as_select())
        .first(conn)
        .await
        .optional()
}

/// Every category, in list order.
pub async fn all(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Category>> {
    categories::table
        .select(Category::as_select())
        .order((categories::position, categories::name_pl))
        .load(conn)
        .await
}

/// The categories.
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryList {
    pub items: Vec<Category>,
}

/// Filters of the category list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CategoryFilter {
    /// Administrators: include inactive and out-of-window categories.
    pub all: Option<bool>,
}

/// Lists the categories residents can report in now (with `all=true`, administrators see every one).
#[utoipa::path(
    tag = "categories",
    operation_id = "list_categories",
    params(CategoryFilter),
    responses(
        (status = 200, description = "Categories in list order", body = CategoryList),
        (status = 403, description = "`all` without administrator rights", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/categories")]
pub async fn list_categories(
    state: web::Data<AppState>,
    caller: MaybePrincipal,
    filter: Query<CategoryFilter>,
) -> AppResult<web::Json<CategoryList>> {
    let everything = filter.all.unwrap_or(false);
    if everything {
        let principal = caller.0.as_ref().ok_or_else(|| {
            AppError::client(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "Log in to list every category.",
            )
        })?;
        policy::require_admin(principal)?;
    }
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    let items = all(&mut conn)
        .await?
        .into_iter()
        .filter(|category| everything || category.is_offered(now))
        .collect();
    Ok(web::Json(CategoryList { items }))
}

/// A category to create or replace.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryInput {
    pub slug: String,
    pub name_pl: String,
    pub name_en: String,
    pub group_pl: String,
    pub group_en: String,
    pub description_pl: Option<String>,
    pub description_en: Option<String>,
    #[serde(default = "default_kind")]
    pub kind: CategoryKind,
    pub unit_id: Uuid,
    #[serde(default = "default_delivery")]
    pub delivery: Delivery,
    #[serde(default = "default_true")]
    pub location_required: bool,
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_until: Option<DateTime<Utc>>,
    #[serde(default = "default_true")]
    pub active: bool,
    #[serde(default)]
    pub fields: Vec<FieldDefinition>,
    #[serde(default)]
    pub position: i32,
}

fn default_kind() -> CategoryKind {
    CategoryKind::Problem
}
fn default_delivery() -> Delivery {
    Delivery::Automatic
}
fn default_true() -> bool {
    true
}

async fn validate_input(conn: &mut AsyncPgConnection, input: &CategoryInput) -> AppResult<()> {
    let mut v = Validator::new();
    let slug = v.text("slug", &input.slug, 1, 80);
    let well_formed = slug
        .split('-')
        .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    if !slug.is_empty() && !well_formed {
        v.add(FieldError::new("slug", "invalid", "Use a–z, 0–9 and single dashes."));
    }
    v.text("name_pl", &input.name_pl, 1, 120);
    v.text("name_en", &input.name_en, 1, 120);
    v.text("group_pl", &input.group_pl, 1, 120);
    v.text("group_en", &input.group_en, 1, 120);
    if let (Some(from), Some(until)) = (input.valid_from, input.valid_until)
        && from >= until
    {
        v.add(FieldError::new(
            "valid_until",
            "invalid",
            "The end must be after the start.",
        ));
    }
    for error in validate_schema(&input.fields) {
        v.add(error);
    }
    let unit_exists: i64 = units::table
        .filter(units::id.eq(input.unit_id))
        .count()
        .get_result(conn)
        .await?;
    if unit_exists == 0 {
        v.add(FieldError::new("unit_id", "unknown_unit", "There is no such unit."));
    }
    v.finish()
}

/// Inserts or replaces a category by slug (also used by demo data).
pub async fn upsert(conn: &mut AsyncPgConnection, input: &CategoryInput, now: DateTime<Utc>) -> QueryResult<Category> {
    let fields = serde_json::to_value(&input.fields).unwrap_or_default();
    let values = (
        categories::slug.eq(input.slug.trim()),
        categories::name_pl.eq(input.name_pl.trim()),
        categories::name_en.eq(input.name_en.trim()),
        categories::group_pl.eq(input.group_pl.trim()),
        categories::group_en.eq(input.group_en.trim()),
        categories::description_pl.eq(&input.description_pl),
        categories::description_en.eq(&input.description_en),
        categories::kind.eq(input.kind),
        categories::unit_id.eq(input.unit_id),
        categories::delivery.eq(input.delivery),
        categories::location_required.eq(input.location_required),
        categories::valid_from.eq(input.valid_from),
        categories::valid_until.eq(input.valid_until),
        categories::active.eq(input.active),
        categories::fields.eq(fields),
        categories::position.eq(input.position),
        categories::updated_at.eq(now),
    );
    diesel::insert_into(categories::table)
        .values(values.clone())
        .on_conflict(categories::slug)
        .do_update()
        .set(values)
        .returning(Category::as_returning())
        .get_result(conn)
        .await
}

/// Creates a category (administrators).
#[utoipa::path(
    tag = "categories",
    operation_id = "create_category",
    security(("bearer" = [])),
    request_body = CategoryInput,
    responses(
        (status = 201, description = "Created", body = Category),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The slug is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/categories")]
pub async fn create_category(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CategoryInput>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    validate_input(&mut conn, &body).await?;
    if find_by_slug(&mut conn, body.slug.trim()).await?.is_some() {
        return Err(AppError::client(
            StatusCode::CONFLICT,
            "slug_taken",
            "A category with this slug exists.",
        ));
    }
    let category = upsert(&mut conn, &body, state.clock.now()).await?;
    Ok(HttpResponse::Created().json(category))
}

/// Replaces a category (administrators). Stored issues keep their values whatever the new schema.
#[utoipa::path(
    tag = "categories",
    operation_id = "update_category",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The category's slug")),
    request_body = CategoryInput,
    responses(
        (status = 200, description = "Updated", body = Category),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such category", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (the slug cannot change)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/categories/{slug}")]
pub async fn update_category(
    state: web::Data<AppState>,
    principal: Principal,
    slug: web::Path<String>,
    body: Json<CategoryInput>,
) -> AppResult<web::Json<Category>> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    find_by_slug(&mut conn, &slug)
        .await?
        .ok_or_else(|| AppError::not_found("No such category."))?;
    if body.slug.trim() != slug.as_str() {
        return Err(AppError::validation(vec![FieldError::new(
            "slug",
            "immutable",
            "The slug of a category cannot change.",
        )]));
    }
    validate_input(&mut conn, &body).await?;
    Ok(web::Json(upsert(&mut conn, &body, state.clock.now()).await?))
}
