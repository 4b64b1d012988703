//! Public reads of the knowledge base (R7.5, R7.6): browse and search, a procedure and its
//! older versions, attachments, topics, and the feeds for the city's BIP. Only published,
//! non-internal procedures inside their validity window exist here, for everybody —
//! staff read the internal representation through `/staff/procedures`.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Warsaw;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::feed::{self, FeedEntry, JsonFeed};
use super::model::{self, Procedure};
use super::search::{self, Audience, Filter};
use super::views::{self, PublicProcedure, UnitRef};
use crate::app::AppState;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::Query;
use crate::schema::{procedures, units};

/// The day in the city: validity windows are dates there.
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Warsaw).date_naive()
}

/// Browse and search filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProcedureQuery {
    /// Words to search for (Polish-aware: diacritics, inflection and typos are tolerated).
    pub q: Option<String>,
    /// Only procedures of this unit (slug).
    pub unit: Option<String>,
    /// Only procedures of this topic (slug).
    pub topic: Option<String>,
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Procedures per page (1–100, default 20).
    pub per_page: Option<i64>,
}

/// A procedure in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcedureSummary {
    pub id: Uuid,
    pub name: String,
    pub short_description: String,
    pub unit: UnitRef,
    pub topics: Vec<String>,
    /// When the current version was published.
    pub modified_at: Option<DateTime<Utc>>,
    /// Staff lists only: whether it is internal, and whether residents can see it today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publicly_visible: Option<bool>,
}

/// A page of procedures.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcedurePage {
    pub items: Vec<ProcedureSummary>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Runs a browse or search for the public or for staff and loads the summaries in the
/// found order.
pub async fn browse(
    conn: &mut AsyncPgConnection,
    query: &ProcedureQuery,
    today: NaiveDate,
    staff: bool,
) -> AppResult<ProcedurePage> {
    let per_page = query.per_page.unwrap_or(20).clamp(1, 100);
    let page = query.page.unwrap_or(1).max(1);
    let unit = match query.unit.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => Some(
            units::table
                .filter(units::slug.eq(slug))
                .select(units::id)
                .first::<Uuid>(conn)
                .await
                .optional()?
                .ok_or_else(|| AppError::bad_request("invalid_query", "The query parameter `unit` names no unit."))?,
        ),
        None => None,
    };
    let q = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    if q.is_some_and(|q| q.chars().count() > 200) {
        return Err(AppError::bad_request(
            "invalid_query",
            "The query parameter `q` may have at most 200 characters.",
        ));
    }
    let audience = if staff {
        Audience::Staff
    } else {
        Audience::Public { today }
    };
    let found = search::find(
        conn,
        &Filter {
            audience,
            unit,
            topic: query.topic.as_deref().filter(|s| !s.is_empty()),
            query: q,
            limit: per_page,
            offset: (page - 1) * per_page,
        },
    )
    .await?;
    let rows: Vec<(Procedure, UnitRef)> = procedures::table
        .inner_join(units::table)
        .filter(procedures::id.eq_any(&found.ids))
        .select((Procedure::as_select(), (units::id, units::slug, units::name)))
        .load(conn)
        .await?;
    let items = found
        .ids
        .iter()
        .filter_map(|id| rows.iter().find(|(p, _)| p.id == *id))
        .map(|(p, unit)| ProcedureSummary {
            id: p.id,
            name: p.name.clone(),
            short_description: p.short_description.clone(),
            unit: unit.clone(),
            topics: p.topics.clone(),
            modified_at: p.last_published_at,
            internal: staff.then_some(p.internal),
            publicly_visible: staff.then(|| p.is_public(today)),
        })
        .collect();
    Ok(ProcedurePage {
        items,
        total: found.total,
        page,
        per_page,
    })
}

/// Browses or searches the published procedures.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "list_procedures",
    params(ProcedureQuery),
    responses(
        (status = 200, description = "A page of procedures, best matches first when searching", body = ProcedurePage),
        (status = 400, description = "A filter is not valid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/procedures")]
pub async fn list_procedures(
    state: web::Data<AppState>,
    query: Query<ProcedureQuery>,
) -> AppResult<web::Json<ProcedurePage>> {
    let mut conn = state.pool.get().await?;
    let today = today(state.clock.now());
    Ok(web::Json(browse(&mut conn, &query, today, false).await?))
}

/// A procedure the public may see, or 404.
async fn find_public(conn: &mut AsyncPgConnection, id: Uuid, today: NaiveDate) -> AppResult<Procedure> {
    model::find(conn, id)
        .await?
        .filter(|p| p.is_public(today))
        .ok_or_else(|| AppError::not_found("There is no such procedure."))
}

/// A published procedure: its current version, with BIP metadata and the change register.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "get_procedure",
    params(("id" = Uuid, Path, description = "The procedure")),
    responses(
        (status = 200, description = "The procedure", body = PublicProcedure),
        (status = 404, description = "No such public procedure", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/procedures/{id}")]
pub async fn get_procedure(state: web::Data<AppState>, id: web::Path<Uuid>) -> AppResult<web::Json<PublicProcedure>> {
    let mut conn = state.pool.get().await?;
    let today = today(state.clock.now());
    let procedure = find_public(&mut conn, *id, today).await?;
    let version = model::published_version(&mut conn, procedure.id, procedure.current_version.unwrap_or(0))
        .await?
        .ok_or_else(|| AppError::not_found("There is no such procedure."))?;
    Ok(web::Json(
        views::public_procedure(&mut conn, &procedure, &version, today).await?,
    ))
}

/// An earlier published version of a public procedure (every version is kept).
#[utoipa::path(
    tag = "knowledge",
    operation_id = "get_procedure_version",
    params(
        ("id" = Uuid, Path, description = "The procedure"),
        ("version" = i32, Path, description = "The version number, from 1"),
    ),
    responses(
        (status = 200, description = "That version", body = PublicProcedure),
        (status = 404, description = "No such public procedure or version", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/procedures/{id}/versions/{version}")]
pub async fn get_procedure_version(
    state: web::Data<AppState>,
    path: web::Path<(Uuid, i32)>,
) -> AppResult<web::Json<PublicProcedure>> {
    let (id, number) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let today = today(state.clock.now());
    let procedure = find_public(&mut conn, id, today).await?;
    let version = model::published_version(&mut conn, procedure.id, number)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such version."))?;
    Ok(web::Json(
        views::public_procedure(&mut conn, &procedure, &version, today).await?,
    ))
}

/// A topic with how many public procedures it has.
#[derive(Debug, Serialize, ToSchema)]
pub struct TopicView {
    pub slug: String,
    pub name_pl: String,
    pub name_en: String,
    pub procedures: i64,
}

/// The topics (life events) to browse by.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "list_procedure_topics",
    responses((status = 200, description = "Topics in display order", body = Vec<TopicView>)),
)]
#[get("/procedure-topics")]
pub async fn list_topics(state: web::Data<AppState>) -> AppResult<web::Json<Vec<TopicView>>> {
    let mut conn = state.pool.get().await?;
    let today = today(state.clock.now());
    let visible: Vec<Procedure> = procedures::table
        .filter(procedures::current_version.is_not_null())
        .filter(procedures::internal.eq(false))
        .select(Procedure::as_select())
        .load(&mut conn)
        .await?;
    let visible: Vec<&Procedure> = visible.iter().filter(|p| p.is_public(today)).collect();
    let topics = model::topics(&mut conn)
        .await?
        .into_iter()
        .map(|t| TopicView {
            procedures: visible.iter().filter(|p| p.topics.contains(&t.slug)).count() as i64,
            slug: t.slug,
            name_pl: t.name_pl,
            name_en: t.name_en,
        })
        .collect();
    Ok(web::Json(topics))
}

/// Which changes a feed lists.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedQuery {
    /// Only procedures published or changed at or after this time (RFC 3339).
    pub since: Option<DateTime<Utc>>,
}

const FEED_TITLE: &str = "Baza Wiedzy — opisy procedur";
const FEED_LIMIT: i64 = 1000;

async fn feed_entries(state: &AppState, req: &HttpRequest, since: Option<DateTime<Utc>>) -> AppResult<Vec<FeedEntry>> {
    let mut conn = state.pool.get().await?;
    let today = today(state.clock.now());
    let mut query = procedures::table
        .inner_join(units::table)
        .filter(procedures::current_version.is_not_null())
        .filter(procedures::internal.eq(false))
        .order(procedures::last_published_at.desc())
        .limit(FEED_LIMIT)
        .select((Procedure::as_select(), units::name))
        .into_boxed();
    if let Some(since) = since {
        query = query.filter(procedures::last_published_at.ge(since));
    }
    let rows: Vec<(Procedure, String)> = query.load(&mut conn).await?;
    let base = site_url(state, req);
    Ok(rows
        .into_iter()
        .filter(|(p, _)| p.is_public(today))
        .map(|(p, unit)| FeedEntry {
            url: format!("{base}/procedures/{}", p.id),
            id: p.id,
            name: p.name,
            summary: p.short_description,
            unit,
            version: p.current_version.unwrap_or(0),
            published: p.first_published_at.unwrap_or_default(),
            updated: p.last_published_at.unwrap_or_default(),
            topics: p.topics,
        })
        .collect())
}

/// The public address of this deployment, for links in feeds.
fn site_url(state: &AppState, req: &HttpRequest) -> String {
    let configured = state.config.public_url.trim_end_matches('/');
    if configured.is_empty() {
        let info = req.connection_info();
        format!("{}://{}", info.scheme(), info.host())
    } else {
        configured.to_owned()
    }
}

/// Published procedures as a JSON Feed 1.1 (for the city's BIP and other sites).
#[utoipa::path(
    tag = "knowledge",
    operation_id = "procedures_json_feed",
    params(FeedQuery),
    responses(
        (status = 200, description = "JSON Feed 1.1, newest change first", body = JsonFeed, content_type = "application/feed+json"),
        (status = 400, description = "`since` is not a date-time", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/procedures/feed.json")]
pub async fn json_feed(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: Query<FeedQuery>,
) -> AppResult<HttpResponse> {
    let entries = feed_entries(&state, &req, query.since).await?;
    let base = site_url(&state, &req);
    let body = feed::json_feed(
        FEED_TITLE,
        &format!("{base}{}", req.uri()),
        &base,
        &state.config.city_name,
        &entries,
    );
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/feed+json"))
        .insert_header((CACHE_CONTROL, "public, max-age=300"))
        .json(body))
}

/// Published procedures as an Atom feed (RFC 4287).
#[utoipa::path(
    tag = "knowledge",
    operation_id = "procedures_atom_feed",
    params(FeedQuery),
    responses(
        (status = 200, description = "Atom 1.0, newest change first", body = String, content_type = "application/atom+xml"),
        (status = 400, description = "`since` is not a date-time", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/procedures/feed.atom")]
pub async fn atom_feed(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: Query<FeedQuery>,
) -> AppResult<HttpResponse> {
    let entries = feed_entries(&state, &req, query.since).await?;
    let base = site_url(&state, &req);
    let body = feed::atom(
        FEED_TITLE,
        &format!("{base}{}", req.uri()),
        &base,
        &state.config.city_name,
        state.clock.now(),
        &entries,
    );
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/atom+xml; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=300"))
        .body(body))
}
