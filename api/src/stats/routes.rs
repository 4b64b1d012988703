//! Statistics for staff (with filters, CSV and a heat map) and the public figures per unit.

use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, get, web};
use chrono::{Days, NaiveDate};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::figures::{self, Breakdowns, Figures, HeatCell, Scope, SupportLeader};
use crate::app::AppState;
use crate::auth::policy::{self, Principal};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::Query;
use crate::issues::model::Channel;
use crate::schema::{categories, units};
use crate::time::start_of_day;
use crate::validation::Validator;

/// The longest range of arrival dates asked at once.
const MAX_RANGE_DAYS: u64 = 3 * 366;

/// Which issues: those that arrived from `from` to `to` (days in the city's time zone,
/// both included; by default the last 365 days), optionally of one unit, category or channel.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// A unit's slug.
    pub unit: Option<String>,
    /// A category's slug.
    pub category: Option<String>,
    pub channel: Option<Channel>,
}

/// The public statistics' range.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicStatsFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The range the figures cover.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The figures of one group.
#[derive(Debug, Serialize, ToSchema)]
pub struct Row {
    /// The unit's or category's slug, the channel, or the month (`2026-11`).
    pub key: String,
    /// The unit's name, the category's Polish name, or the key.
    pub name: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// Open issues today, and those past their deadline.
#[derive(Debug, Serialize, ToSchema)]
pub struct Backlog {
    pub unit: String,
    pub name: String,
    pub open: i64,
    pub overdue: i64,
}

/// Issues that took a number of working days to finish.
#[derive(Debug, Serialize, ToSchema)]
pub struct DistributionBar {
    /// Working days; the last bar counts this many or more.
    pub days: i32,
    pub count: i64,
}

/// Statistics of the issues that arrived in a range (R10.3).
#[derive(Debug, Serialize, ToSchema)]
pub struct Statistics {
    pub range: Range,
    /// All issues of the filter.
    pub total: Figures,
    pub by_unit: Vec<Row>,
    pub by_category: Vec<Row>,
    pub by_channel: Vec<Row>,
    /// Every month of the range, the trend.
    pub by_month: Vec<Row>,
    /// Today, per unit, of the filter's unit, category and channel (any arrival date).
    pub backlog: Vec<Backlog>,
    /// Public issues of the range with the most "me too"s.
    pub support_leaders: Vec<SupportLeader>,
    /// Days to finish, 0 to 30 and more.
    pub finish_distribution: Vec<DistributionBar>,
}

/// A unit's public figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicRow {
    /// The unit's slug; none for the whole city.
    pub unit: Option<String>,
    pub name: String,
    pub filed: i64,
    pub finished: i64,
    pub verification: figures::Compliance,
    pub start: figures::Compliance,
    pub days_to_accept: figures::Durations,
    pub days_to_finish: figures::Durations,
}

/// How units answer: public issues only, counts and times, no personal data.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicStatistics {
    pub range: Range,
    pub city: PublicRow,
    pub units: Vec<PublicRow>,
}

/// Cells of the heat map.
#[derive(Debug, Serialize, ToSchema)]
pub struct Heatmap {
    /// The cells' size in degrees.
    pub cell_size: f64,
    pub cells: Vec<HeatCell>,
}

/// What a group's table is for in CSV.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Breakdown {
    Unit,
    Category,
    Channel,
    Month,
}

/// Which table goes to CSV.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Rows per unit, category, channel or month.
    #[param(inline)]
    pub breakdown: Breakdown,
}

/// Statistics are for the staff who handle issues.
fn require_stats_access(principal: &Principal) -> AppResult<()> {
    use policy::Role;
    let allowed = [Role::Admin, Role::Moderator, Role::ContactCentre, Role::Operator]
        .iter()
        .any(|role| principal.has_role(*role));
    if allowed {
        Ok(())
    } else {
        Err(AppError::client(
            actix_web::http::StatusCode::FORBIDDEN,
            "forbidden",
            "Statistics are for the staff who handle issues.",
        ))
    }
}

fn range(v: &mut Validator, from: Option<NaiveDate>, to: Option<NaiveDate>, today: NaiveDate) -> Range {
    let to = to.unwrap_or(today);
    let from = from.unwrap_or_else(|| to.checked_sub_days(Days::new(364)).unwrap_or(to));
    if from > to {
        v.add(FieldError::new("from", "after_to", "The range starts after it ends."));
    } else if (to - from).num_days() > i64::try_from(MAX_RANGE_DAYS).unwrap_or(i64::MAX) {
        v.add(FieldError::new(
            "to",
            "too_long",
            "Ask for at most three years at once.",
        ));
    }
    Range { from, to }
}

async fn scope(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    filter: &StatsFilter,
    public_only: bool,
) -> AppResult<(Range, Scope)> {
    let now = state.clock.now();
    let mut v = Validator::new();
    let range = range(&mut v, filter.from, filter.to, crate::time::local_today(now));
    let unit_id = match filter.unit.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => {
            let id: Option<Uuid> = units::table
                .filter(units::slug.eq(slug))
                .select(units::id)
                .first(conn)
                .await
                .optional()?;
            if id.is_none() {
                v.add(FieldError::new("unit", "unknown", "There is no such unit."));
            }
            id
        }
        None => None,
    };
    let category_id = match filter.category.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => {
            let id: Option<Uuid> = categories::table
                .filter(categories::slug.eq(slug))
                .select(categories::id)
                .first(conn)
                .await
                .optional()?;
            if id.is_none() {
                v.add(FieldError::new("category", "unknown", "There is no such category."));
            }
            id
        }
        None => None,
    };
    v.finish()?;
    let scope = Scope {
        start: start_of_day(range.from),
        end: start_of_day(range.to.checked_add_days(Days::new(1)).unwrap_or(range.to)),
        unit_id,
        category_id,
        channel: filter.channel.map(|c| c.as_str().to_owned()),
        public_only,
        now,
    };
    Ok((range, scope))
}

/// Names of units and categories by id, and the slugs.
struct Names {
    units: std::collections::HashMap<Uuid, (String, String)>,
    categories: std::collections::HashMap<Uuid, (String, String)>,
}

impl Names {
    async fn load(conn: &mut AsyncPgConnection) -> QueryResult<Self> {
        let units = units::table
            .select((units::id, units::slug, units::name))
            .load::<(Uuid, String, String)>(conn)
            .await?
            .into_iter()
            .map(|(id, slug, name)| (id, (slug, name)))
            .collect();
        let categories = categories::table
            .select((categories::id, categories::slug, categories::name_pl))
            .load::<(Uuid, String, String)>(conn)
            .await?
            .into_iter()
            .map(|(id, slug, name)| (id, (slug, name)))
            .collect();
        Ok(Self { units, categories })
    }
}

fn rows_by_id(
    groups: std::collections::HashMap<Uuid, Figures>,
    names: &std::collections::HashMap<Uuid, (String, String)>,
) -> Vec<Row> {
    let mut rows: Vec<Row> = groups
        .into_iter()
        .filter_map(|(id, figures)| {
            let (slug, name) = names.get(&id)?;
            Some(Row {
                key: slug.clone(),
                name: name.clone(),
                figures,
            })
        })
        .collect();
    rows.sort_by(|a, b| b.figures.filed.cmp(&a.figures.filed).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// Every month of the range, with the empty ones.
fn month_rows(breakdowns: &mut Breakdowns, range: &Range) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut month = range.from.with_day0(0).unwrap_or(range.from);
    while month <= range.to {
        let key = month.format("%Y-%m").to_string();
        rows.push(Row {
            name: key.clone(),
            key,
            figures: breakdowns.months.remove(&month).unwrap_or_default(),
        });
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(range.to.succ_opt().unwrap_or(range.to));
    }
    rows
}

use chrono::Datelike;

/// The figures, today's backlog and the leaders, asked at once on three connections.
async fn statistics(state: &AppState, range: Range, scope: &Scope) -> AppResult<Statistics> {
    let (mut a, mut b, mut c) = tokio::try_join!(state.pool.get(), state.pool.get(), state.pool.get())?;
    let (mut breakdowns, backlog, support_leaders) = tokio::try_join!(
        figures::breakdowns(&mut a, scope),
        figures::backlog(&mut b, scope),
        figures::support_leaders(&mut c, scope),
    )?;
    let names = Names::load(&mut a).await?;
    let finish_distribution = breakdowns
        .finish_distribution(31)
        .into_iter()
        .map(|(days, count)| DistributionBar { days, count })
        .collect();
    let by_month = month_rows(&mut breakdowns, &range);
    let mut by_channel: Vec<Row> = std::mem::take(&mut breakdowns.channels)
        .into_iter()
        .map(|(key, figures)| Row {
            name: key.clone(),
            key,
            figures,
        })
        .collect();
    by_channel.sort_by(|a, b| b.figures.filed.cmp(&a.figures.filed).then_with(|| a.key.cmp(&b.key)));
    let mut backlog: Vec<Backlog> = backlog
        .into_iter()
        .filter_map(|row| {
            let (slug, name) = names.units.get(&row.unit_id)?;
            Some(Backlog {
                unit: slug.clone(),
                name: name.clone(),
                open: row.open,
                overdue: row.overdue,
            })
        })
        .collect();
    backlog.sort_by(|a, b| b.overdue.cmp(&a.overdue).then_with(|| b.open.cmp(&a.open)));
    Ok(Statistics {
        range,
        by_unit: rows_by_id(std::mem::take(&mut breakdowns.units), &names.units),
        by_category: rows_by_id(std::mem::take(&mut breakdowns.categories), &names.categories),
        by_channel,
        by_month,
        backlog,
        support_leaders,
        finish_distribution,
        total: breakdowns.total,
    })
}

/// Statistics of the issues that arrived in a range: counts by status, unit, category,
/// channel and month, deadline compliance, times in working days, today's backlog and
/// the support leaders. Staff who handle issues.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_statistics",
    security(("bearer" = [])),
    params(StatsFilter),
    responses(
        (status = 200, description = "The figures", body = Statistics),
        (status = 403, description = "Not staff who handle issues", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter is wrong", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/stats")]
pub async fn get_statistics(
    state: web::Data<AppState>,
    principal: Principal,
    filter: Query<StatsFilter>,
) -> AppResult<web::Json<Statistics>> {
    require_stats_access(&principal)?;
    let (range, scope) = scope(&mut *state.pool.get().await?, &state, &filter, false).await?;
    Ok(web::Json(statistics(&state, range, &scope).await?))
}

fn share(compliance: &figures::Compliance) -> String {
    compliance.share.map(|s| format!("{s:.4}")).unwrap_or_default()
}

fn days(value: Option<i32>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}

/// The figures of one breakdown as CSV (UTF-8, a header row, shares as fractions).
#[utoipa::path(
    tag = "statistics",
    operation_id = "export_statistics",
    security(("bearer" = [])),
    params(ExportQuery, StatsFilter),
    responses(
        (status = 200, description = "CSV (text/csv)", body = String, content_type = "text/csv"),
        (status = 403, description = "Not staff who handle issues", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter is wrong", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/stats/export")]
pub async fn export_statistics(
    state: web::Data<AppState>,
    principal: Principal,
    query: Query<ExportQuery>,
    filter: Query<StatsFilter>,
) -> AppResult<HttpResponse> {
    require_stats_access(&principal)?;
    let (range, scope) = scope(&mut *state.pool.get().await?, &state, &filter, false).await?;
    let stats = statistics(&state, range, &scope).await?;
    let (name, rows) = match query.breakdown {
        Breakdown::Unit => ("units", stats.by_unit),
        Breakdown::Category => ("categories", stats.by_category),
        Breakdown::Channel => ("channels", stats.by_channel),
        Breakdown::Month => ("months", stats.by_month),
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "key",
        "name",
        "filed",
        "new",
        "accepted",
        "in_progress",
        "done",
        "closed",
        "verified_in_time",
        "verified_late",
        "verification_share",
        "started_in_time",
        "started_late",
        "start_share",
        "closed_in_time",
        "closed_late",
        "closure_share",
        "days_to_accept_median",
        "days_to_accept_p90",
        "days_to_finish_median",
        "days_to_finish_p90",
    ];
    let failed = |e: csv::Error| AppError::Internal(e.into());
    writer.write_record(header).map_err(failed)?;
    for row in rows {
        let f = &row.figures;
        writer
            .write_record([
                row.key.clone(),
                row.name.clone(),
                f.filed.to_string(),
                f.statuses.new.to_string(),
                f.statuses.accepted.to_string(),
                f.statuses.in_progress.to_string(),
                f.statuses.done.to_string(),
                f.statuses.closed.to_string(),
                f.verification.met.to_string(),
                f.verification.missed.to_string(),
                share(&f.verification),
                f.start.met.to_string(),
                f.start.missed.to_string(),
                share(&f.start),
                f.closure.met.to_string(),
                f.closure.missed.to_string(),
                share(&f.closure),
                days(f.days_to_accept.median),
                days(f.days_to_accept.p90),
                days(f.days_to_finish.median),
                days(f.days_to_finish.p90),
            ])
            .map_err(failed)?;
    }
    let body = writer
        .into_inner()
        .map_err(|e| AppError::Internal(anyhow::anyhow!(e.to_string())))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"kontakt-stats-{name}-{}-{}.csv\"",
                stats.range.from, stats.range.to
            ),
        ))
        .body(body))
}

/// The cell size of the heat map, in degrees (about 550 × 350 m in Łódź).
const CELL_SIZE: f64 = 0.005;

/// Issues of the filter counted in cells of the map, for a heat map.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_statistics_heatmap",
    security(("bearer" = [])),
    params(StatsFilter),
    responses(
        (status = 200, description = "Cells with issues, the fullest first (at most 5000)", body = Heatmap),
        (status = 403, description = "Not staff who handle issues", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter is wrong", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/stats/heatmap")]
pub async fn get_heatmap(
    state: web::Data<AppState>,
    principal: Principal,
    filter: Query<StatsFilter>,
) -> AppResult<web::Json<Heatmap>> {
    require_stats_access(&principal)?;
    let mut conn = state.pool.get().await?;
    let (_, scope) = scope(&mut conn, &state, &filter, false).await?;
    Ok(web::Json(Heatmap {
        cell_size: CELL_SIZE,
        cells: figures::heat(&mut conn, &scope, CELL_SIZE).await?,
    }))
}

fn public_row(unit: Option<String>, name: String, figures: &Figures) -> PublicRow {
    PublicRow {
        unit,
        name,
        filed: figures.filed,
        finished: figures.statuses.done + figures.statuses.closed,
        verification: figures.verification,
        start: figures.start,
        days_to_accept: figures.days_to_accept,
        days_to_finish: figures.days_to_finish,
    }
}

/// How the city and each unit answer: public issues of a range (the last 365 days by
/// default), their counts, deadline compliance and times. No personal data.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_public_statistics",
    params(PublicStatsFilter),
    responses(
        (status = 200, description = "The city's and the units' figures", body = PublicStatistics),
        (status = 422, description = "A date is wrong", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/stats/public")]
pub async fn get_public_statistics(
    state: web::Data<AppState>,
    filter: Query<PublicStatsFilter>,
) -> AppResult<web::Json<PublicStatistics>> {
    let mut conn = state.pool.get().await?;
    let filter = StatsFilter {
        from: filter.from,
        to: filter.to,
        ..StatsFilter::default()
    };
    let (range, scope) = scope(&mut conn, &state, &filter, true).await?;
    let breakdowns = figures::breakdowns(&mut conn, &scope).await?;
    let names = Names::load(&mut conn).await?;
    let mut units: Vec<PublicRow> = breakdowns
        .units
        .iter()
        .filter_map(|(id, figures)| {
            let (slug, name) = names.units.get(id)?;
            Some(public_row(Some(slug.clone()), name.clone(), figures))
        })
        .collect();
    units.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(web::Json(PublicStatistics {
        range,
        city: public_row(None, state.config.city_name.clone(), &breakdowns.total),
        units,
    }))
}
