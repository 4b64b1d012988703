//! A year of demo history for the statistics (`kontakt seed-demo`): issues filed over the
//! last twelve months and handled as units really do — some verify within a day, some late;
//! a few information requests, closures and merged duplicates — with their history, so that
//! the dashboards have something true to show. Deterministic: the same data every time.

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Warsaw;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use uuid::Uuid;

use crate::issues::model::{self, Channel, IssueStatus, Moderation, NewEvent};
use crate::schema::{categories, information_requests, issues};
use crate::workflow::calendar::Calendar;
use crate::workflow::status::CloseReason;

/// Issues of the history.
const ISSUES: usize = 480;
/// The history's issues say so, and seeding twice adds nothing.
const DESCRIPTION: &str = "Zgłoszenie z danych pokazowych statystyk.";

/// A moment during office hours on `day` (Warsaw), `minutes` after 8:00.
fn at(day: NaiveDate, minutes: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default() + Duration::minutes(i64::from(minutes % 540));
    Warsaw
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .map_or_else(|| day.and_time(time).and_utc(), |local| local.with_timezone(&Utc))
}

fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Warsaw).date_naive()
}

/// One issue's life, decided before it is written.
struct Life {
    created: DateTime<Utc>,
    steps: Vec<(IssueStatus, IssueStatus, DateTime<Utc>, Option<CloseReason>)>,
    pause: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// Seeds the history unless it is there. Returns how many issues it added.
pub async fn seed(conn: &mut AsyncPgConnection, calendar: &Calendar, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let existing: i64 = issues::table
        .filter(issues::description.eq(DESCRIPTION))
        .count()
        .get_result(conn)
        .await?;
    if existing > 0 {
        return Ok(0);
    }
    let problem_categories: Vec<(Uuid, Uuid, String)> = categories::table
        .filter(categories::kind.eq(crate::org::categories::CategoryKind::Problem))
        .filter(categories::valid_until.is_null())
        .order(categories::position)
        .select((categories::id, categories::unit_id, categories::name_pl))
        .load(conn)
        .await?;
    anyhow::ensure!(!problem_categories.is_empty(), "seed the categories first");
    let mut rng = StdRng::seed_from_u64(2026);
    let today = local_day(now);
    let mut survivors: Vec<(Uuid, Uuid, String)> = Vec::new();
    for n in 0..ISSUES {
        let (category_id, unit_id, category_name) = problem_categories[n % problem_categories.len()].clone();
        // Units differ in diligence: the hash of the unit sets how slow it tends to be.
        let slowness = (unit_id.as_u128() % 4) as u32;
        let age = rng.random_range(1..=365u64);
        let day = today.checked_sub_days(Days::new(age)).unwrap_or(today);
        let filed_at = at(day, rng.random_range(0..540));
        let life = life(&mut rng, calendar, filed_at, slowness, now);
        let channel = match rng.random_range(0..100) {
            0..45 => Channel::Web,
            45..70 => Channel::Mobile,
            70..85 => Channel::Phone,
            85..93 => Channel::Email,
            93..97 => Channel::Epuap,
            _ => Channel::Letter,
        };
        let angle = rng.random_range(0.0..std::f64::consts::TAU);
        let radius = rng.random_range(0.15f64..1.0).sqrt();
        let (lat, lon) = (
            51.7592 + radius * 0.045 * angle.sin(),
            19.4560 + radius * 0.085 * angle.cos(),
        );
        let support = if rng.random_range(0..10) == 0 {
            rng.random_range(3..40)
        } else {
            rng.random_range(0..3)
        };
        // A few issues repeat an earlier one of the same category and are merged into it.
        let survivor = survivors
            .iter()
            .rev()
            .find(|(_, category, _)| *category == category_id)
            .filter(|_| rng.random_range(0..30) == 0)
            .map(|(id, _, _)| *id);
        let id = write(
            conn,
            calendar,
            &life,
            Row {
                category_id,
                unit_id,
                title: format!("{category_name} — zgłoszenie z historii {}", n + 1),
                channel,
                lat,
                lon,
                support,
                merged_into: survivor,
            },
            now,
        )
        .await?;
        if let Some(id) = id {
            survivors.push(id);
        }
    }
    Ok(ISSUES)
}

/// How an issue filed at `created` went, for a unit of this `slowness` (0–3).
fn life(rng: &mut StdRng, calendar: &Calendar, created: DateTime<Utc>, slowness: u32, now: DateTime<Utc>) -> Life {
    // Some working days after `from`, at a random hour.
    let later = |rng: &mut StdRng, from: DateTime<Utc>, max_days: u32, min_days: u32| {
        let days = rng.random_range(min_days..=max_days);
        let day = calendar.add_working_days(local_day(from), days);
        at(day, rng.random_range(0..540))
    };
    let mut steps = Vec::new();
    let mut pause = None;
    let verified = later(rng, created, 1 + slowness * 2, 0);
    if verified > now {
        return Life { created, steps, pause };
    }
    if rng.random_range(0..20) == 0 {
        steps.push((
            IssueStatus::New,
            IssueStatus::Closed,
            verified,
            Some(CloseReason::Unfounded),
        ));
        return Life { created, steps, pause };
    }
    steps.push((IssueStatus::New, IssueStatus::Accepted, verified, None));
    // Sometimes the unit needs the reporter's details before it starts.
    let mut start_from = verified;
    if rng.random_range(0..12) == 0 {
        let asked = verified + Duration::hours(2);
        let answered = asked + Duration::days(rng.random_range(1..6));
        if answered < now {
            pause = Some((asked, answered));
            start_from = answered;
        }
    }
    let started = later(rng, start_from, 6 + slowness * 5, 1);
    if started > now {
        return Life { created, steps, pause };
    }
    if rng.random_range(0..15) == 0 {
        let closed = started + Duration::days(i64::from(rng.random_range(0..=20 + slowness * 8)));
        if closed < now {
            steps.push((
                IssueStatus::Accepted,
                IssueStatus::Closed,
                closed,
                Some(CloseReason::NotFeasible),
            ));
        }
        return Life { created, steps, pause };
    }
    steps.push((IssueStatus::Accepted, IssueStatus::InProgress, started, None));
    let done = later(rng, started, 4 + slowness * 6, 1);
    if done < now {
        steps.push((IssueStatus::InProgress, IssueStatus::Done, done, None));
    }
    Life { created, steps, pause }
}

struct Row {
    category_id: Uuid,
    unit_id: Uuid,
    title: String,
    channel: Channel,
    lat: f64,
    lon: f64,
    support: i32,
    /// The earlier issue this one duplicates.
    merged_into: Option<Uuid>,
}

/// Writes the issue and its history; returns it as a possible survivor of later merges.
async fn write(
    conn: &mut AsyncPgConnection,
    calendar: &Calendar,
    life: &Life,
    row: Row,
    now: DateTime<Utc>,
) -> anyhow::Result<Option<(Uuid, Uuid, String)>> {
    let created = life.created;
    let steps = if row.merged_into.is_some() {
        vec![(
            IssueStatus::New,
            IssueStatus::Closed,
            created + Duration::hours(3),
            Some(CloseReason::Duplicate),
        )]
    } else {
        life.steps.clone()
    };
    let (status, reason, finished) = steps
        .last()
        .map_or((IssueStatus::New, None, None), |(_, to, at, reason)| {
            (*to, *reason, to.is_finished().then_some(*at))
        });
    let accepted = steps
        .iter()
        .find(|(_, to, _, _)| *to == IssueStatus::Accepted)
        .map(|(_, _, at, _)| *at);
    let moderation = if local_day(created) + Days::new(2) > local_day(now) {
        Moderation::Pending
    } else {
        Moderation::Approved
    };
    conn.transaction::<_, anyhow::Error, _>(async |conn| {
        let number = model::allocate_number(conn, created).await?;
        let id: Uuid = diesel::insert_into(issues::table)
            .values((
                issues::number.eq(&number),
                issues::category_id.eq(row.category_id),
                issues::unit_id.eq(row.unit_id),
                issues::title.eq(&row.title),
                issues::description.eq(DESCRIPTION),
                issues::lat.eq(row.lat),
                issues::lon.eq(row.lon),
                issues::field_values.eq(json!({})),
                issues::channel.eq(row.channel),
                issues::status.eq(status),
                issues::moderation.eq(moderation),
                issues::close_reason.eq(reason),
                issues::accepted_at.eq(accepted),
                issues::finished_at.eq(finished),
                issues::merged_into.eq(row.merged_into),
                issues::support_count.eq(row.support),
                issues::created_at.eq(created),
                issues::updated_at.eq(steps.last().map_or(created, |(_, _, at, _)| *at)),
            ))
            .returning(issues::id)
            .get_result(conn)
            .await?;
        let filed = NewEvent {
            kind: "created",
            public: true,
            actor_id: None,
            before: None,
            after: Some(json!({ "status": IssueStatus::New, "channel": row.channel })),
            message: None,
        };
        model::record_event(conn, id, filed, created).await?;
        for (from, to, at, reason) in &steps {
            let event = NewEvent {
                kind: "status_changed",
                public: true,
                actor_id: None,
                before: Some(json!({ "status": from })),
                after: Some(json!({ "status": to, "close_reason": reason })),
                message: to.is_finished().then_some("Sprawa załatwiona (dane pokazowe)."),
            };
            model::record_event(conn, id, event, *at).await?;
        }
        if let Some((asked, answered)) = life.pause {
            diesel::insert_into(information_requests::table)
                .values((
                    information_requests::issue_id.eq(id),
                    information_requests::message.eq("Prosimy o dokładniejszy opis miejsca."),
                    information_requests::asked_at.eq(asked),
                    information_requests::due_at.eq(asked + Duration::days(7)),
                    information_requests::reply_token_hash.eq(crate::secrets::new_token().1),
                    information_requests::answer.eq("Przy wejściu do parku."),
                    information_requests::answered_at.eq(answered),
                    information_requests::answered_via.eq("email"),
                ))
                .execute(conn)
                .await?;
        }
        crate::workflow::refresh_deadline(conn, calendar, id, now).await?;
        Ok((row.merged_into.is_none() && moderation == Moderation::Approved).then_some((id, row.category_id, number)))
    })
    .await
}
