//! The figures, aggregated in PostgreSQL from `issue_stats` in a few passes: one grouped by
//! unit, category, channel, month and status for counts and deadline compliance; one with
//! grouping sets for the distributions of working days (from which medians and 90th
//! percentiles are read exactly, the days being whole numbers); one for today's backlog;
//! and the support leaders from the issues' own index.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Double, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::issues::model::IssueStatus;

/// What the figures are about.
#[derive(Debug, Clone)]
pub struct Scope {
    /// Issues that arrived in `[start, end)`.
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub unit_id: Option<Uuid>,
    pub category_id: Option<Uuid>,
    pub channel: Option<String>,
    /// Only approved issues (the public statistics).
    pub public_only: bool,
    /// When overdue is judged.
    pub now: DateTime<Utc>,
}

/// How many issues met a deadline and how many missed it; `share` is met / (met + missed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, ToSchema)]
pub struct Compliance {
    pub met: i64,
    pub missed: i64,
    pub share: Option<f64>,
}

impl Compliance {
    fn add(&mut self, met: i64, missed: i64) {
        self.met += met;
        self.missed += missed;
        let judged = self.met + self.missed;
        self.share = (judged > 0).then(|| self.met as f64 / judged as f64);
    }
}

/// A distribution of whole working days: how many issues took each number of days.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Histogram(BTreeMap<i32, i64>);

impl Histogram {
    fn add(&mut self, days: i32, count: i64) {
        *self.0.entry(days).or_default() += count;
    }

    fn count(&self) -> i64 {
        self.0.values().sum()
    }

    /// The smallest number of days within which at least `fraction` of the issues were
    /// handled (the nearest-rank percentile).
    pub fn percentile(&self, fraction: f64) -> Option<i32> {
        let total = self.count();
        if total == 0 {
            return None;
        }
        let rank = ((fraction * total as f64).ceil() as i64).max(1);
        let mut seen = 0;
        self.0.iter().find_map(|(days, count)| {
            seen += count;
            (seen >= rank).then_some(*days)
        })
    }

    fn summary(&self) -> Durations {
        Durations {
            count: self.count(),
            median: self.percentile(0.5),
            p90: self.percentile(0.9),
        }
    }
}

/// Times in working days (without the days paused for the reporter's answer).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, ToSchema)]
pub struct Durations {
    /// Issues measured.
    pub count: i64,
    pub median: Option<i32>,
    /// 90 % of the issues took at most this many working days.
    pub p90: Option<i32>,
}

/// Issues by their current status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, ToSchema)]
pub struct StatusCounts {
    pub new: i64,
    pub accepted: i64,
    pub in_progress: i64,
    pub done: i64,
    pub closed: i64,
}

impl StatusCounts {
    fn add(&mut self, status: IssueStatus, count: i64) {
        let slot = match status {
            IssueStatus::New => &mut self.new,
            IssueStatus::Accepted => &mut self.accepted,
            IssueStatus::InProgress => &mut self.in_progress,
            IssueStatus::Done => &mut self.done,
            IssueStatus::Closed => &mut self.closed,
        };
        *slot += count;
    }
}

/// The figures of one group of issues (a unit, a category, a channel, a month, or all).
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct Figures {
    /// Issues that arrived.
    pub filed: i64,
    pub statuses: StatusCounts,
    /// Verified (accepted, or closed while new) within 3 working days of arrival (R3.2).
    pub verification: Compliance,
    /// Moved to In progress within 14 working days of acceptance (R3.3).
    pub start: Compliance,
    /// Closed as impossible within 30 days of acceptance (R3.3).
    pub closure: Compliance,
    /// From arrival to acceptance.
    pub days_to_accept: Durations,
    /// From arrival to Done or Closed.
    pub days_to_finish: Durations,
}

/// Figures per group: unit, category, channel (keys: ids, channel names, months).
#[derive(Debug, Default)]
pub struct Breakdowns {
    pub total: Figures,
    pub units: HashMap<Uuid, Figures>,
    pub categories: HashMap<Uuid, Figures>,
    pub channels: HashMap<String, Figures>,
    pub months: BTreeMap<NaiveDate, Figures>,
    /// The distribution of days to finish, of all issues.
    pub finish_histogram: Histogram,
}

#[derive(Debug, QueryableByName)]
struct CubeRow {
    #[diesel(sql_type = SqlUuid)]
    unit_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    category_id: Uuid,
    #[diesel(sql_type = Text)]
    channel: String,
    #[diesel(sql_type = Date)]
    month: NaiveDate,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = Nullable<Integer>)]
    days_to_accept: Option<i32>,
    #[diesel(sql_type = Nullable<Integer>)]
    days_to_finish: Option<i32>,
    #[diesel(sql_type = BigInt)]
    filed: i64,
    /// Of `filed`, those not merged into another issue (whose days are measured).
    #[diesel(sql_type = BigInt)]
    measured: i64,
    #[diesel(sql_type = BigInt)]
    verify_met: i64,
    #[diesel(sql_type = BigInt)]
    verify_missed: i64,
    #[diesel(sql_type = BigInt)]
    start_met: i64,
    #[diesel(sql_type = BigInt)]
    start_missed: i64,
    #[diesel(sql_type = BigInt)]
    close_met: i64,
    #[diesel(sql_type = BigInt)]
    close_missed: i64,
}

/// The filters every query shares: $1 start, $2 end, $3 unit, $4 category, $5 channel,
/// $6 public only.
const SCOPE: &str = "counted AND created_at >= $1 AND created_at < $2
    AND ($3::uuid IS NULL OR unit_id = $3) AND ($4::uuid IS NULL OR category_id = $4)
    AND ($5::text IS NULL OR channel = $5) AND (NOT $6 OR public)";

/// Deadline compliance at $7 (now), per row of `issue_stats`.
const COMPLIANCE: &str = "
    count(*) FILTER (WHERE NOT duplicate AND verified_at <= verify_due_at) AS verify_met,
    count(*) FILTER (WHERE NOT duplicate AND (verified_at > verify_due_at
        OR (verified_at IS NULL AND finished_at IS NULL AND NOT paused AND verify_due_at < $7))) AS verify_missed,
    count(*) FILTER (WHERE NOT duplicate AND started_at <= start_due_at) AS start_met,
    count(*) FILTER (WHERE NOT duplicate AND (started_at > start_due_at
        OR (started_at IS NULL AND status = 'accepted' AND NOT paused AND start_due_at < $7))) AS start_missed,
    count(*) FILTER (WHERE closed_after_acceptance_at <= close_due_at) AS close_met,
    count(*) FILTER (WHERE closed_after_acceptance_at > close_due_at) AS close_missed";

macro_rules! bind_scope {
    ($query:expr, $scope:expr) => {
        $query
            .bind::<Timestamptz, _>($scope.start)
            .bind::<Timestamptz, _>($scope.end)
            .bind::<Nullable<SqlUuid>, _>($scope.unit_id)
            .bind::<Nullable<SqlUuid>, _>($scope.category_id)
            .bind::<Nullable<Text>, _>($scope.channel.clone())
            .bind::<Bool, _>($scope.public_only)
    };
}

/// Counts, compliance and time distributions of the issues in `scope`: one parallel pass
/// grouped finely enough (down to the days taken) that every breakdown is a sum of its rows.
pub async fn breakdowns(conn: &mut AsyncPgConnection, scope: &Scope) -> QueryResult<Breakdowns> {
    let sql = format!(
        "SELECT unit_id, category_id, channel, month, status, days_to_accept, days_to_finish,
                count(*) AS filed, count(*) FILTER (WHERE NOT duplicate) AS measured, {COMPLIANCE}
         FROM issue_stats WHERE {SCOPE}
         GROUP BY unit_id, category_id, channel, month, status, days_to_accept, days_to_finish"
    );
    let rows: Vec<CubeRow> = conn
        .transaction(async |conn| {
            // Tens of thousands of groups: enough memory to hash them rather than sort a
            // million rows on disk, and no JIT compilation, which costs more than it saves here.
            diesel::sql_query("SET LOCAL work_mem = '64MB'").execute(conn).await?;
            diesel::sql_query("SET LOCAL jit = off").execute(conn).await?;
            bind_scope!(diesel::sql_query(sql), scope)
                .bind::<Timestamptz, _>(scope.now)
                .load(conn)
                .await
        })
        .await?;
    Ok(assemble(rows))
}

/// Days to accept and to finish, per group, before their medians are read.
#[derive(Debug, Default)]
struct Days {
    accept: Histogram,
    finish: Histogram,
}

fn assemble(rows: Vec<CubeRow>) -> Breakdowns {
    let mut out = Breakdowns::default();
    let mut total_days = Days::default();
    let mut unit_days: HashMap<Uuid, Days> = HashMap::new();
    let mut category_days: HashMap<Uuid, Days> = HashMap::new();
    let mut channel_days: HashMap<String, Days> = HashMap::new();
    let mut month_days: BTreeMap<NaiveDate, Days> = BTreeMap::new();
    for row in rows {
        let Ok(status) = row.status.parse::<IssueStatus>() else {
            continue;
        };
        let groups = [
            &mut out.total,
            out.units.entry(row.unit_id).or_default(),
            out.categories.entry(row.category_id).or_default(),
            out.channels.entry(row.channel.clone()).or_default(),
            out.months.entry(row.month).or_default(),
        ];
        for figures in groups {
            figures.filed += row.filed;
            figures.statuses.add(status, row.filed);
            figures.verification.add(row.verify_met, row.verify_missed);
            figures.start.add(row.start_met, row.start_missed);
            figures.closure.add(row.close_met, row.close_missed);
        }
        let days = [
            &mut total_days,
            unit_days.entry(row.unit_id).or_default(),
            category_days.entry(row.category_id).or_default(),
            channel_days.entry(row.channel).or_default(),
            month_days.entry(row.month).or_default(),
        ];
        for group in days {
            if let Some(accept) = row.days_to_accept {
                group.accept.add(accept, row.measured);
            }
            if let Some(finish) = row.days_to_finish {
                group.finish.add(finish, row.measured);
            }
        }
    }
    let summarise = |figures: &mut Figures, days: &Days| {
        figures.days_to_accept = days.accept.summary();
        figures.days_to_finish = days.finish.summary();
    };
    summarise(&mut out.total, &total_days);
    for (id, days) in &unit_days {
        out.units.get_mut(id).into_iter().for_each(|f| summarise(f, days));
    }
    for (id, days) in &category_days {
        out.categories.get_mut(id).into_iter().for_each(|f| summarise(f, days));
    }
    for (key, days) in &channel_days {
        out.channels.get_mut(key).into_iter().for_each(|f| summarise(f, days));
    }
    for (month, days) in &month_days {
        out.months.get_mut(month).into_iter().for_each(|f| summarise(f, days));
    }
    out.finish_histogram = total_days.finish;
    out
}

impl Breakdowns {
    /// The distribution of days to finish in `buckets` bars, the last one for "that many or more".
    pub fn finish_distribution(&self, buckets: i32) -> Vec<(i32, i64)> {
        let mut bars: Vec<(i32, i64)> = (0..buckets).map(|days| (days, 0)).collect();
        for (days, count) in &self.finish_histogram.0 {
            let index = usize::try_from((*days).clamp(0, buckets - 1)).unwrap_or(0);
            if let Some(bar) = bars.get_mut(index) {
                bar.1 += count;
            }
        }
        bars
    }
}

/// Open issues and those past their deadline now, per unit.
#[derive(Debug, QueryableByName)]
pub struct BacklogRow {
    #[diesel(sql_type = SqlUuid)]
    pub unit_id: Uuid,
    #[diesel(sql_type = BigInt)]
    pub open: i64,
    #[diesel(sql_type = BigInt)]
    pub overdue: i64,
}

/// Today's backlog per unit, whenever the issues arrived ($1 and $2 are ignored).
pub async fn backlog(conn: &mut AsyncPgConnection, scope: &Scope) -> QueryResult<Vec<BacklogRow>> {
    let sql = "SELECT unit_id, count(*) AS open,
                count(*) FILTER (WHERE NOT paused AND ((status = 'new' AND verify_due_at < $7)
                    OR (status = 'accepted' AND start_due_at < $7))) AS overdue
         FROM issue_stats
         WHERE counted AND finished_at IS NULL AND $1::timestamptz IS NOT NULL AND $2::timestamptz IS NOT NULL
           AND ($3::uuid IS NULL OR unit_id = $3) AND ($4::uuid IS NULL OR category_id = $4)
           AND ($5::text IS NULL OR channel = $5) AND (NOT $6 OR public)
         GROUP BY unit_id";
    bind_scope!(diesel::sql_query(sql), scope)
        .bind::<Timestamptz, _>(scope.now)
        .load(conn)
        .await
}

/// A public issue with many "me too"s.
#[derive(Debug, Clone, QueryableByName, Serialize, ToSchema)]
pub struct SupportLeader {
    #[diesel(sql_type = Text)]
    pub number: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = Text)]
    pub unit: String,
    #[diesel(sql_type = Text)]
    pub category: String,
    #[diesel(sql_type = Integer)]
    pub support_count: i32,
}

/// The ten public issues of the scope with the most support.
pub async fn support_leaders(conn: &mut AsyncPgConnection, scope: &Scope) -> QueryResult<Vec<SupportLeader>> {
    let sql = "SELECT i.number, COALESCE(i.public_title, i.title) AS title, i.status, u.slug AS unit,
                      c.slug AS category, i.support_count
         FROM issues i JOIN units u ON u.id = i.unit_id JOIN categories c ON c.id = i.category_id
         WHERE i.moderation = 'approved' AND i.support_count > 0
           AND i.created_at >= $1 AND i.created_at < $2
           AND ($3::uuid IS NULL OR i.unit_id = $3) AND ($4::uuid IS NULL OR i.category_id = $4)
           AND ($5::text IS NULL OR i.channel = $5) AND $6 IS NOT NULL
         ORDER BY i.support_count DESC, i.created_at DESC
         LIMIT 10";
    bind_scope!(diesel::sql_query(sql), scope).load(conn).await
}

/// A cell of the heat map: issues within a square of the map's cell size around a point.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HeatCell {
    /// The cell's centre.
    pub lat: f64,
    pub lon: f64,
    pub count: i64,
}

#[derive(Debug, QueryableByName)]
struct CellRow {
    #[diesel(sql_type = Integer)]
    y: i32,
    #[diesel(sql_type = Integer)]
    x: i32,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// Issues of the scope counted in cells of `size` degrees (whole-number cell indices make
/// the grouping cheap), the fullest 5000.
pub async fn heat(conn: &mut AsyncPgConnection, scope: &Scope, size: f64) -> QueryResult<Vec<HeatCell>> {
    let sql = format!(
        "SELECT floor(lat / $7)::int AS y, floor(lon / $7)::int AS x, count(*) AS count
         FROM issue_stats WHERE {SCOPE} AND lat IS NOT NULL
         GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 5000"
    );
    let cells: Vec<CellRow> = bind_scope!(diesel::sql_query(sql), scope)
        .bind::<Double, _>(size)
        .load(conn)
        .await?;
    // The cell's centre, rounded to a micro-degree.
    let centre = |index: i32| ((f64::from(index) + 0.5) * size * 1e6).round() / 1e6;
    Ok(cells
        .into_iter()
        .map(|cell| HeatCell {
            lat: centre(cell.y),
            lon: centre(cell.x),
            count: cell.count,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_the_nearest_rank() {
        let mut histogram = Histogram::default();
        for (days, count) in [(1, 3), (2, 1), (5, 4), (9, 2)] {
            histogram.add(days, count);
        }
        // Ten issues: 1 1 1 2 5 5 5 5 9 9.
        assert_eq!(histogram.percentile(0.5), Some(5));
        assert_eq!(histogram.percentile(0.3), Some(1));
        assert_eq!(histogram.percentile(0.4), Some(2));
        assert_eq!(histogram.percentile(0.9), Some(9));
        assert_eq!(Histogram::default().percentile(0.5), None);
    }

    #[test]
    fn shares_are_of_the_issues_judged() {
        let mut compliance = Compliance::default();
        assert_eq!(compliance.share, None);
        compliance.add(3, 1);
        assert_eq!(compliance.share, Some(0.75));
    }
}
