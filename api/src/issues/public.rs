//! Public reads (R2.3–R2.7): list, map (GeoJSON), detail with timeline, photos, nearby
//! open issues, and open-data export. Only approved issues; nothing that identifies the
//! reporter.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use diesel::dsl::sql;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Double, Text};
use diesel_async::RunQueryDsl;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use std::sync::Arc;

use futures_util::{StreamExt, TryStreamExt};

use super::map_cache::{self, Cell, CellId, CellPoint};
use super::model::{self, Issue, IssueStatus, Moderation, TimelineEntry};
use super::view::{self, PublicIssue};
use crate::app::AppState;
use crate::auth::principal::MaybePrincipal;
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::Query;
use crate::schema::{categories, issue_photos, issues, units};

/// Filters shared by the list, the map and the export.
#[derive(Debug, Default, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IssueFilter {
    /// Bounding box `min_lon,min_lat,max_lon,max_lat` (WGS84).
    pub bbox: Option<String>,
    /// Category slugs, comma-separated.
    pub category: Option<String>,
    /// Unit slug.
    pub unit: Option<String>,
    /// Statuses, comma-separated (`new,accepted,in_progress,done,closed`).
    pub status: Option<String>,
    /// Filed on or after this day (YYYY-MM-DD, city time).
    pub from: Option<NaiveDate>,
    /// Filed on or before this day.
    pub to: Option<NaiveDate>,
    /// Words to find in titles and descriptions (case and Polish diacritics ignored).
    pub q: Option<String>,
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Issues per page (1–100, default 20).
    pub per_page: Option<i64>,
}

type BoxedIssues<'a> = issues::BoxedQuery<'a, Pg>;

fn invalid(field: &str, message: &str) -> AppError {
    AppError::bad_request(
        "invalid_query",
        format!("The query parameter `{field}` is not valid: {message}"),
    )
    .with_errors(vec![FieldError::new(field, "invalid", message)])
}

/// Parses `min_lon,min_lat,max_lon,max_lat`.
pub fn parse_bbox(value: &str) -> AppResult<[f64; 4]> {
    let parts: Vec<f64> = value
        .split(',')
        .map(|part| part.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| invalid("bbox", "expected four numbers"))?;
    let [min_lon, min_lat, max_lon, max_lat] =
        <[f64; 4]>::try_from(parts).map_err(|_| invalid("bbox", "expected four numbers"))?;
    let valid = (-180.0..=180.0).contains(&min_lon)
        && (-180.0..=180.0).contains(&max_lon)
        && (-90.0..=90.0).contains(&min_lat)
        && (-90.0..=90.0).contains(&max_lat);
    if !valid || min_lon >= max_lon || min_lat >= max_lat {
        return Err(invalid(
            "bbox",
            "expected min_lon,min_lat,max_lon,max_lat with min < max",
        ));
    }
    Ok([min_lon, min_lat, max_lon, max_lat])
}

fn statuses(value: &str) -> AppResult<Vec<IssueStatus>> {
    value
        .split(',')
        .map(|s| {
            s.trim()
                .parse::<IssueStatus>()
                .map_err(|_| invalid("status", "unknown status"))
        })
        .collect()
}

/// The approved issues the caller may see, filtered. Anonymous visitors see the recent window only (R2.6).
pub fn filtered<'a>(state: &AppState, filter: &'a IssueFilter, logged_in: bool) -> AppResult<BoxedIssues<'a>> {
    let now = state.clock.now();
    let mut query = issues::table
        .filter(issues::moderation.eq(Moderation::Approved))
        .into_boxed();
    if !logged_in {
        query = query.filter(issues::created_at.ge(now - Duration::days(state.config.public_window_days)));
    }
    if let Some(bbox) = filter.bbox.as_deref() {
        let [min_lon, min_lat, max_lon, max_lat] = parse_bbox(bbox)?;
        query = query.filter(
            sql::<Bool>("location <@ box(point(")
                .bind::<Double, _>(min_lon)
                .sql(", ")
                .bind::<Double, _>(min_lat)
                .sql("), point(")
                .bind::<Double, _>(max_lon)
                .sql(", ")
                .bind::<Double, _>(max_lat)
                .sql("))"),
        );
    }
    if let Some(slugs) = filter.category.as_deref() {
        let slugs: Vec<String> = slugs
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        query = query.filter(
            issues::category_id.eq_any(
                categories::table
                    .filter(categories::slug.eq_any(slugs))
                    .select(categories::id),
            ),
        );
    }
    if let Some(unit) = filter.unit.as_deref() {
        query = query.filter(
            issues::unit_id.eq_any(
                units::table
                    .filter(units::slug.eq(unit.trim().to_owned()))
                    .select(units::id),
            ),
        );
    }
    if let Some(status) = filter.status.as_deref() {
        query = query.filter(issues::status.eq_any(statuses(status)?));
    }
    if let Some(from) = filter.from {
        query = query.filter(issues::created_at.ge(crate::time::start_of_day(from)));
    }
    if let Some(to) = filter.to {
        query = query.filter(issues::created_at.lt(crate::time::start_of_day(to + Duration::days(1))));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        query = query.filter(
            sql::<Bool>("search @@ websearch_to_tsquery('simple', kontakt_unaccent(")
                .bind::<Text, _>(q.to_owned())
                .sql("))"),
        );
    }
    Ok(query)
}

/// A page of public issues.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuePage {
    pub items: Vec<PublicIssue>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Lists public issues, newest first.
#[utoipa::path(
    tag = "issues",
    operation_id = "list_issues",
    params(IssueFilter),
    responses(
        (status = 200, description = "A page of public issues", body = IssuePage),
        (status = 400, description = "A filter is not valid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/issues")]
pub async fn list_issues(
    state: web::Data<AppState>,
    caller: MaybePrincipal,
    filter: Query<IssueFilter>,
) -> AppResult<web::Json<IssuePage>> {
    let per_page = filter.per_page.unwrap_or(20).clamp(1, 100);
    let page = filter.page.unwrap_or(1).max(1);
    let logged_in = caller.0.is_some();
    let mut conn = state.pool.get().await?;
    let total: i64 = filtered(&state, &filter, logged_in)?
        .count()
        .get_result(&mut conn)
        .await?;
    let rows: Vec<Issue> = filtered(&state, &filter, logged_in)?
        .select(Issue::as_select())
        .order((issues::created_at.desc(), issues::id.desc()))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .load(&mut conn)
        .await?;
    let items = view::public_views(&mut conn, rows, state.clock.now()).await?;
    Ok(web::Json(IssuePage {
        items,
        total,
        page,
        per_page,
    }))
}

/// A point of the public map.
#[derive(Debug, Serialize, ToSchema)]
pub struct MapFeature {
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[schema(value_type = Object)]
    pub geometry: serde_json::Value,
    pub properties: MapProperties,
}

/// What the map shows of an issue.
#[derive(Debug, Serialize, ToSchema, Queryable)]
pub struct MapProperties {
    pub number: String,
    pub status: IssueStatus,
    /// The category's slug.
    pub category: String,
    pub title: String,
}

/// A GeoJSON FeatureCollection of map points.
#[derive(Debug, Serialize, ToSchema)]
pub struct MapCollection {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub features: Vec<MapFeature>,
    /// More issues matched than `limit`; zoom in or narrow the filters.
    pub truncated: bool,
}

/// Most points returned by one map request.
const MAP_LIMIT: i64 = 5000;

/// The public map: approved issues as GeoJSON points (finished ones leave the map after the
/// configured time, R2.5). Clients cluster the points. The answer is put together from shared
/// grid cells (see `map_cache`) and clipped to the box.
#[utoipa::path(
    tag = "issues",
    operation_id = "map_issues",
    params(IssueFilter),
    responses(
        (status = 200, description = "GeoJSON FeatureCollection", body = MapCollection, content_type = "application/geo+json"),
        (status = 400, description = "A filter is not valid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/issues/map")]
pub async fn map_issues(
    state: web::Data<AppState>,
    caller: MaybePrincipal,
    filter: Query<IssueFilter>,
) -> AppResult<HttpResponse> {
    let logged_in = caller.0.is_some();
    let bbox = match filter.bbox.as_deref() {
        Some(bbox) => parse_bbox(bbox)?,
        None => state.city.bbox,
    };
    // Validate the other filters once, before any cell is computed.
    filtered(&state, &filter, logged_in)?;
    let filter = IssueFilter {
        bbox: None,
        page: None,
        per_page: None,
        ..filter.0
    };
    let variant = format!("{logged_in}|{filter:?}");
    let filter = Arc::new(filter);
    let cells = futures_util::stream::iter(map_cache::cover(bbox))
        .map(|cell| {
            let (owned, filter) = (state.clone(), filter.clone());
            let compute = move || async move { map_cell(&owned, &filter, logged_in, cell).await };
            state.map_cache.cell(state.map_cache.key(&variant, cell), compute)
        })
        .buffer_unordered(4)
        .try_collect::<Vec<_>>()
        .await
        .map_err(|error| {
            Arc::try_unwrap(error).unwrap_or_else(|shared| AppError::Internal(anyhow::anyhow!("{shared}")))
        })?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/geo+json"))
        .body(map_cache::assemble(&cells, bbox, MAP_LIMIT as usize)))
}

/// The map points of one grid cell, newest first.
async fn map_cell(state: &AppState, filter: &IssueFilter, logged_in: bool, cell: CellId) -> AppResult<Cell> {
    let [min_lon, min_lat, max_lon, max_lat] = cell.bounds();
    let filter = IssueFilter {
        bbox: Some(format!("{min_lon},{min_lat},{max_lon},{max_lat}")),
        ..filter.clone()
    };
    let cutoff = state.clock.now() - Duration::days(state.config.finished_visible_days);
    let mut conn = state.pool.get().await?;
    let rows: Vec<(DateTime<Utc>, Uuid, f64, f64, MapProperties)> = filtered(state, &filter, logged_in)?
        // The box above is inclusive; a point on a border belongs to one cell only.
        .filter(issues::lon.lt(max_lon).and(issues::lat.lt(max_lat)))
        .filter(issues::finished_at.is_null().or(issues::finished_at.gt(cutoff)))
        .inner_join(categories::table)
        .select((
            issues::created_at,
            issues::id,
            issues::lat.assume_not_null(),
            issues::lon.assume_not_null(),
            (
                issues::number,
                issues::status,
                categories::slug,
                sql::<Text>("coalesce(issues.public_title, issues.title)"),
            ),
        ))
        .order((issues::created_at.desc(), issues::id.desc()))
        .limit(MAP_LIMIT + 1)
        .load(&mut conn)
        .await?;
    let truncated = rows.len() as i64 > MAP_LIMIT;
    let points = rows
        .into_iter()
        .take(MAP_LIMIT as usize)
        .map(|(created_at, id, lat, lon, properties)| {
            let feature = MapFeature {
                kind: "Feature",
                geometry: serde_json::json!({ "type": "Point", "coordinates": [lon, lat] }),
                properties,
            };
            let json = serde_json::to_vec(&feature).map_err(anyhow::Error::from)?;
            Ok(CellPoint {
                created_at,
                id,
                lon,
                lat,
                json: web::Bytes::from(json),
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Cell::new(points, truncated))
}

/// An issue with its public timeline.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssueDetail {
    #[serde(flatten)]
    pub issue: PublicIssue,
    pub timeline: Vec<TimelineEntry>,
}

/// Finds an approved issue by its number from the URL.
pub async fn find_public(conn: &mut diesel_async::AsyncPgConnection, number: &str) -> AppResult<Issue> {
    let number =
        model::parse_number(number).ok_or_else(|| AppError::not_found("There is no issue with this number."))?;
    model::find_by_number(conn, &number)
        .await?
        .filter(|issue| issue.moderation == Moderation::Approved)
        .ok_or_else(|| AppError::not_found("There is no public issue with this number."))
}

/// Reads a public issue by number (`2026-000123`), with its public timeline. Finished issues
/// stay readable here after they leave the map.
#[utoipa::path(
    tag = "issues",
    operation_id = "get_issue",
    params(("number" = String, Path, description = "The issue number with a dash: 2026-000123")),
    responses(
        (status = 200, description = "The issue", body = IssueDetail),
        (status = 404, description = "No public issue with this number", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/issues/{number}")]
pub async fn get_issue(state: web::Data<AppState>, number: web::Path<String>) -> AppResult<web::Json<IssueDetail>> {
    let mut conn = state.pool.get().await?;
    let issue = find_public(&mut conn, &number).await?;
    let timeline = model::public_timeline(&mut conn, issue.id).await?;
    let issue = view::public_views(&mut conn, vec![issue], state.clock.now())
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("No such issue."))?;
    Ok(web::Json(IssueDetail { issue, timeline }))
}

async fn photo_bytes(state: &AppState, number: &str, photo_id: Uuid, thumbnail: bool) -> AppResult<HttpResponse> {
    let mut conn = state.pool.get().await?;
    let issue = find_public(&mut conn, number).await?;
    let keys: Option<(String, String)> = issue_photos::table
        .filter(issue_photos::id.eq(photo_id))
        .filter(issue_photos::issue_id.eq(issue.id))
        .filter(issue_photos::hidden.eq(false))
        .select((issue_photos::storage_key, issue_photos::thumbnail_key))
        .first(&mut conn)
        .await
        .optional()?;
    let (key, thumb) = keys.ok_or_else(|| AppError::not_found("No such photo."))?;
    let bytes = state
        .storage
        .get(if thumbnail { &thumb } else { &key })
        .await?
        .ok_or_else(|| AppError::not_found("No such photo."))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "image/jpeg"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(bytes))
}

/// A photo of a public issue (JPEG, without any metadata).
#[utoipa::path(
    tag = "issues",
    operation_id = "get_issue_photo",
    params(("number" = String, Path, description = "The issue number"), ("photo_id" = Uuid, Path, description = "The photo")),
    responses(
        (status = 200, description = "The photo", content_type = "image/jpeg", body = Vec<u8>),
        (status = 404, description = "No such photo", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/issues/{number}/photos/{photo_id}")]
pub async fn get_issue_photo(state: web::Data<AppState>, path: web::Path<(String, Uuid)>) -> AppResult<HttpResponse> {
    let (number, photo_id) = path.into_inner();
    photo_bytes(&state, &number, photo_id, false).await
}

/// The thumbnail of a photo of a public issue.
#[utoipa::path(
    tag = "issues",
    operation_id = "get_issue_photo_thumbnail",
    params(("number" = String, Path, description = "The issue number"), ("photo_id" = Uuid, Path, description = "The photo")),
    responses(
        (status = 200, description = "The thumbnail", content_type = "image/jpeg", body = Vec<u8>),
        (status = 404, description = "No such photo", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/issues/{number}/photos/{photo_id}/thumbnail")]
pub async fn get_issue_photo_thumbnail(
    state: web::Data<AppState>,
    path: web::Path<(String, Uuid)>,
) -> AppResult<HttpResponse> {
    let (number, photo_id) = path.into_inner();
    photo_bytes(&state, &number, photo_id, true).await
}

/// Where to look for similar issues.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NearbyQuery {
    /// The category's slug.
    pub category: String,
    pub lat: f64,
    pub lon: f64,
    /// Radius in metres (10–1000, default 100).
    pub radius: Option<f64>,
}

/// An open issue near a place.
#[derive(Debug, Serialize, ToSchema)]
pub struct NearbyIssue {
    #[serde(flatten)]
    pub issue: PublicIssue,
    /// Distance from the place, in metres.
    pub distance_m: f64,
}

/// Nearby open issues.
#[derive(Debug, Serialize, ToSchema)]
pub struct NearbyList {
    pub items: Vec<NearbyIssue>,
}

const EARTH_RADIUS_M: f64 = 6_371_000.0;

/// Great-circle distance in metres between two WGS84 points.
pub fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let (dphi, dlambda) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().asin()
}

/// Open, public issues of the same category near a place, nearest first — "is this your
/// problem?" before filing (R1.6).
#[utoipa::path(
    tag = "issues",
    operation_id = "nearby_issues",
    params(NearbyQuery),
    responses(
        (status = 200, description = "Nearest first", body = NearbyList),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/issues/nearby")]
pub async fn nearby_issues(state: web::Data<AppState>, query: Query<NearbyQuery>) -> AppResult<web::Json<NearbyList>> {
    let radius = query.radius.unwrap_or(state.config.nearby_radius_m);
    if !(10.0..=1000.0).contains(&radius) {
        return Err(invalid("radius", "expected 10 to 1000 metres"));
    }
    if !(-90.0..=90.0).contains(&query.lat) || !(-180.0..=180.0).contains(&query.lon) {
        return Err(invalid("lat", "expected WGS84 coordinates"));
    }
    // A box around the point narrows the search through the spatial index; the exact
    // distance then decides.
    let dlat = (radius / EARTH_RADIUS_M).to_degrees();
    let dlon = dlat / query.lat.to_radians().cos().max(0.01);
    let filter = IssueFilter {
        bbox: Some(format!(
            "{},{},{},{}",
            query.lon - dlon,
            query.lat - dlat,
            query.lon + dlon,
            query.lat + dlat
        )),
        category: Some(query.category.clone()),
        status: Some("new,accepted,in_progress".into()),
        ..IssueFilter::default()
    };
    let mut conn = state.pool.get().await?;
    let rows: Vec<Issue> = filtered(&state, &filter, true)?
        .select(Issue::as_select())
        .limit(200)
        .load(&mut conn)
        .await?;
    let mut items: Vec<NearbyIssue> = view::public_views(&mut conn, rows, state.clock.now())
        .await?
        .into_iter()
        .filter_map(|issue| {
            let location = issue.location?;
            let distance_m = distance_m(query.lat, query.lon, location.lat, location.lon);
            (distance_m <= radius).then_some(NearbyIssue {
                issue,
                distance_m: (distance_m * 10.0).round() / 10.0,
            })
        })
        .collect();
    items.sort_by(|a, b| a.distance_m.total_cmp(&b.distance_m));
    Ok(web::Json(NearbyList { items }))
}

/// The export format.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `csv` or `geojson`.
    pub format: String,
}

/// Most issues in one export.
const EXPORT_LIMIT: i64 = 50_000;

#[derive(Queryable)]
struct ExportRow {
    number: String,
    status: IssueStatus,
    category: String,
    unit: String,
    title: String,
    lat: Option<f64>,
    lon: Option<f64>,
    address: Option<String>,
    support_count: i32,
    created_at: DateTime<Utc>,
    finished_at: Option<DateTime<Utc>>,
}

/// Exports public issues as open data (CSV or GeoJSON), with the list's filters (R2.7).
#[utoipa::path(
    tag = "issues",
    operation_id = "export_issues",
    params(ExportQuery, IssueFilter),
    responses(
        (status = 200, description = "CSV (text/csv) or GeoJSON (application/geo+json)", body = String),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/issues/export")]
pub async fn export_issues(
    state: web::Data<AppState>,
    caller: MaybePrincipal,
    format: Query<ExportQuery>,
    filter: Query<IssueFilter>,
) -> AppResult<HttpResponse> {
    let mut conn = state.pool.get().await?;
    let rows: Vec<ExportRow> = filtered(&state, &filter, caller.0.is_some())?
        .inner_join(categories::table)
        .inner_join(units::table)
        .select((
            issues::number,
            issues::status,
            categories::slug,
            units::slug,
            sql::<Text>("coalesce(issues.public_title, issues.title)"),
            issues::lat,
            issues::lon,
            issues::address,
            issues::support_count,
            issues::created_at,
            issues::finished_at,
        ))
        .order((issues::created_at.desc(), issues::id.desc()))
        .limit(EXPORT_LIMIT)
        .load(&mut conn)
        .await?;
    match format.format.as_str() {
        "csv" => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer
                .write_record([
                    "number",
                    "status",
                    "category",
                    "unit",
                    "title",
                    "lat",
                    "lon",
                    "address",
                    "support_count",
                    "created_at",
                    "finished_at",
                ])
                .map_err(anyhow::Error::from)?;
            for row in &rows {
                writer
                    .write_record([
                        row.number.clone(),
                        row.status.as_str().to_owned(),
                        row.category.clone(),
                        row.unit.clone(),
                        row.title.clone(),
                        row.lat.map(|v| v.to_string()).unwrap_or_default(),
                        row.lon.map(|v| v.to_string()).unwrap_or_default(),
                        row.address.clone().unwrap_or_default(),
                        row.support_count.to_string(),
                        row.created_at.to_rfc3339(),
                        row.finished_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
                    ])
                    .map_err(anyhow::Error::from)?;
            }
            let body = writer
                .into_inner()
                .map_err(|error| anyhow::anyhow!("writing CSV: {error}"))?;
            Ok(HttpResponse::Ok()
                .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
                .insert_header((CONTENT_DISPOSITION, "attachment; filename=\"kontakt-issues.csv\""))
                .body(body))
        }
        "geojson" => {
            let features: Vec<serde_json::Value> = rows
                .iter()
                .map(|row| {
                    serde_json::json!({
                        "type": "Feature",
                        "geometry": row.lat.zip(row.lon).map(|(lat, lon)| serde_json::json!({ "type": "Point", "coordinates": [lon, lat] })),
                        "properties": {
                            "number": row.number, "status": row.status, "category": row.category, "unit": row.unit,
                            "title": row.title, "address": row.address, "support_count": row.support_count,
                            "created_at": row.created_at, "finished_at": row.finished_at,
                        }
                    })
                })
                .collect();
            Ok(HttpResponse::Ok()
                .insert_header((CONTENT_TYPE, "application/geo+json"))
                .insert_header((CONTENT_DISPOSITION, "attachment; filename=\"kontakt-issues.geojson\""))
                .json(serde_json::json!({ "type": "FeatureCollection", "features": features })))
        }
        _ => Err(invalid("format", "expected csv or geojson")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_great_circle_metres() {
        // Two points 0.001° of latitude apart are about 111 m apart.
        let d = distance_m(51.7592, 19.4576, 51.7602, 19.4576);
        assert!((d - 111.2).abs() < 0.5, "{d}");
        assert_eq!(distance_m(51.0, 19.0, 51.0, 19.0), 0.0);
    }

    #[test]
    fn bounding_boxes_are_checked() {
        assert!(parse_bbox("19.4,51.7,19.5,51.8").is_ok());
        assert!(parse_bbox("19.5,51.7,19.4,51.8").is_err());
        assert!(parse_bbox("19.4,51.7,19.5").is_err());
        assert!(parse_bbox("a,b,c,d").is_err());
        assert!(parse_bbox("19.4,95,19.5,96").is_err());
    }
}
