//! Statutory deadlines (R3.2–R3.5, R3.7), as pure arithmetic over the working-day calendar.
//!
//! How a deadline falls, in the city's time zone (Europe/Warsaw), following the Code of
//! Administrative Procedure (KPA art. 57):
//! - The day of the event that starts a deadline is never counted, so the hour of arrival
//!   does not matter: an issue filed on Friday at 23:59 and one filed on Saturday morning
//!   have the same deadline, and so does one filed on a holiday.
//! - "N working days" ends at the end (24:00) of the N-th working day after that day.
//! - "N days" and "N months" end at the end of the day N days (or N months; the last day of
//!   a shorter month) after it; when that day is not a working day, at the end of the next
//!   working day.
//! - While the reporter is asked for information, deadlines stand still: every such pause
//!   after a deadline's start is added to it, to the second, once it ends; during the pause
//!   the deadline is shown as paused and is never overdue.

use chrono::{DateTime, Days, Duration, Months, NaiveDate, Utc};
use chrono_tz::Europe::Warsaw;
use serde::Serialize;
use utoipa::ToSchema;

use super::calendar::Calendar;
use crate::issues::model::IssueStatus;
use crate::org::categories::CategoryKind;
use crate::text_enum;
use crate::time::start_of_day;

text_enum! {
    /// What a deadline is for.
    pub enum DeadlineKind {
        /// Verify a new issue: accept it or transfer it (3 working days from arrival, R3.2).
        Verify => "verify",
        /// Start the work on an accepted issue (14 working days from acceptance, R3.3).
        StartWork => "start_work",
        /// Finish an idea (3 months) or a traffic-organisation proposal (6 months) from arrival (R3.4).
        Finish => "finish",
    }
}

/// Closing an accepted issue as not feasible is due within this many days of acceptance (R3.3).
pub const CLOSE_INFEASIBLE_DAYS: u64 = 30;
/// Verification is due within this many working days of arrival (R3.2).
pub const VERIFY_WORKING_DAYS: u32 = 3;
/// Work must start within this many working days of acceptance (R3.3).
pub const START_WORKING_DAYS: u32 = 14;

/// The facts a deadline depends on.
#[derive(Debug, Clone)]
pub struct DeadlineInput<'a> {
    pub status: IssueStatus,
    pub kind: CategoryKind,
    pub created_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    /// Information requests: when asked, and when answered or given up (`None`: still waiting).
    pub pauses: &'a [(DateTime<Utc>, Option<DateTime<Utc>>)],
}

/// The deadline an issue has now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// When it ends (paused time included; while paused, as if the pause ended now).
    pub due_at: DateTime<Utc>,
    /// The reporter is being asked for information; the deadline stands still.
    pub paused: bool,
}

impl Deadline {
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        !self.paused && now > self.due_at
    }
}

fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Warsaw).date_naive()
}

/// The end (next midnight) of `day`.
fn end_of(day: NaiveDate) -> DateTime<Utc> {
    start_of_day(day + Days::new(1))
}

/// The end of the `n`-th working day after the day of `start`.
pub fn working_days_after(calendar: &Calendar, start: DateTime<Utc>, n: u32) -> DateTime<Utc> {
    end_of(calendar.add_working_days(local_day(start), n))
}

/// The end of the day `n` days after the day of `start`, moved to the next working day.
pub fn days_after(calendar: &Calendar, start: DateTime<Utc>, n: u64) -> DateTime<Utc> {
    end_of(calendar.this_or_next_working_day(local_day(start) + Days::new(n)))
}

/// The end of the day `n` months after the day of `start`, moved to the next working day.
pub fn months_after(calendar: &Calendar, start: DateTime<Utc>, n: u32) -> DateTime<Utc> {
    let day = local_day(start);
    let target = day.checked_add_months(Months::new(n)).unwrap_or(day);
    end_of(calendar.this_or_next_working_day(target))
}

/// The time paused between `start` and `end` (a pause still running lasts until `end`).
pub fn paused_between(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    pauses: &[(DateTime<Utc>, Option<DateTime<Utc>>)],
) -> Duration {
    pauses.iter().fold(Duration::zero(), |total, (from, to)| {
        let overlap = (to.unwrap_or(end).min(end) - (*from).max(start)).max(Duration::zero());
        total + overlap
    })
}

/// The time paused since `start`; `paused` when a pause is still running.
fn paused_since(
    start: DateTime<Utc>,
    pauses: &[(DateTime<Utc>, Option<DateTime<Utc>>)],
    now: DateTime<Utc>,
) -> (Duration, bool) {
    pauses
        .iter()
        .fold((Duration::zero(), false), |(total, open), (from, to)| {
            let end = to.unwrap_or(now);
            let overlap = (end - (*from).max(start)).max(Duration::zero());
            (total + overlap, open || to.is_none())
        })
}

/// The deadline of an issue now: the earliest one that applies to its state, or none when
/// it is finished (or in progress, for problems).
pub fn current(calendar: &Calendar, input: &DeadlineInput<'_>, now: DateTime<Utc>) -> Option<Deadline> {
    let mut candidates: Vec<(DeadlineKind, DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    match input.status {
        IssueStatus::New => candidates.push((
            DeadlineKind::Verify,
            input.created_at,
            working_days_after(calendar, input.created_at, VERIFY_WORKING_DAYS),
        )),
        IssueStatus::Accepted => {
            if let Some(accepted) = input.accepted_at {
                candidates.push((
                    DeadlineKind::StartWork,
                    accepted,
                    working_days_after(calendar, accepted, START_WORKING_DAYS),
                ));
            }
        }
        IssueStatus::InProgress | IssueStatus::Done | IssueStatus::Closed => {}
    }
    let finish_months = match input.kind {
        CategoryKind::Idea => Some(3),
        CategoryKind::TrafficProposal => Some(6),
        CategoryKind::Problem => None,
    };
    if let Some(months) = finish_months.filter(|_| !input.status.is_finished()) {
        candidates.push((
            DeadlineKind::Finish,
            input.created_at,
            months_after(calendar, input.created_at, months),
        ));
    }
    candidates
        .into_iter()
        .map(|(kind, start, due)| {
            let (pause, paused) = paused_since(start, input.pauses, now);
            Deadline {
                kind,
                due_at: due + pause,
                paused,
            }
        })
        .min_by_key(|deadline| deadline.due_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    fn input(status: IssueStatus, created: &str) -> DeadlineInput<'static> {
        DeadlineInput {
            status,
            kind: CategoryKind::Problem,
            created_at: at(created),
            accepted_at: None,
            pauses: &[],
        }
    }

    fn due(input: &DeadlineInput<'_>) -> Deadline {
        current(&Calendar::default(), input, at("2020-01-01T00:00:00Z")).unwrap()
    }

    #[test]
    fn verification_ends_at_the_end_of_the_third_working_day() {
        // Monday 2026-11-23 10:00 → Tue, Wed, Thu → Thursday 24:00 Warsaw (23:00 UTC).
        let deadline = due(&input(IssueStatus::New, "2026-11-23T10:00:00+01:00"));
        assert_eq!(deadline.kind, DeadlineKind::Verify);
        assert_eq!(deadline.due_at, at("2026-11-27T00:00:00+01:00"));
    }

    #[test]
    fn friday_evening_and_the_weekend_give_the_same_deadline() {
        let friday_evening = due(&input(IssueStatus::New, "2026-11-20T23:59:00+01:00"));
        let saturday = due(&input(IssueStatus::New, "2026-11-21T09:00:00+01:00"));
        let sunday = due(&input(IssueStatus::New, "2026-11-22T18:00:00+01:00"));
        // Mon 23, Tue 24, Wed 25 → end of Wednesday.
        assert_eq!(friday_evening.due_at, at("2026-11-26T00:00:00+01:00"));
        assert_eq!(saturday.due_at, friday_evening.due_at);
        assert_eq!(sunday.due_at, friday_evening.due_at);
        // Friday 23:30 UTC is already Saturday in Warsaw.
        let late_utc = due(&input(IssueStatus::New, "2026-11-20T23:30:00Z"));
        assert_eq!(late_utc.due_at, friday_evening.due_at);
    }

    #[test]
    fn starting_on_a_holiday_counts_from_the_next_working_day() {
        // 11 November 2026 (Wednesday, a holiday) → Thu 12, Fri 13, Mon 16.
        let deadline = due(&input(IssueStatus::New, "2026-11-11T08:00:00+01:00"));
        assert_eq!(deadline.due_at, at("2026-11-17T00:00:00+01:00"));
    }

    #[test]
    fn deadlines_cross_christmas_and_easter() {
        // Monday 22 Dec 2025 → Tue 23, (24, 25, 26 holidays, weekend), Mon 29, Tue 30.
        let christmas = due(&input(IssueStatus::New, "2025-12-22T12:00:00+01:00"));
        assert_eq!(christmas.due_at, at("2025-12-31T00:00:00+01:00"));
        // Thursday 2 April 2026 → Fri 3, (Easter weekend and Monday), Tue 7, Wed 8; summer time.
        let easter = due(&input(IssueStatus::New, "2026-04-02T12:00:00+02:00"));
        assert_eq!(easter.due_at, at("2026-04-09T00:00:00+02:00"));
    }

    #[test]
    fn accepted_issues_must_start_within_fourteen_working_days() {
        let accepted = DeadlineInput {
            accepted_at: Some(at("2026-04-01T09:00:00+02:00")),
            ..input(IssueStatus::Accepted, "2026-03-30T09:00:00+02:00")
        };
        let deadline = due(&accepted);
        assert_eq!(deadline.kind, DeadlineKind::StartWork);
        // From Wed 1 April: 2, 3, 7, 8, 9, 10, 13, 14, 15, 16, 17, 20, 21, 22 (Easter skipped).
        assert_eq!(deadline.due_at, at("2026-04-23T00:00:00+02:00"));
        // In progress, a problem has no deadline left.
        assert_eq!(
            current(
                &Calendar::default(),
                &DeadlineInput {
                    status: IssueStatus::InProgress,
                    ..accepted
                },
                at("2026-04-02T00:00:00Z")
            ),
            None
        );
    }

    #[test]
    fn ideas_and_proposals_have_month_deadlines_that_end_on_working_days() {
        // Idea filed 31 Aug 2026 → 30 Nov 2026 (a Monday; November has no 31st).
        let idea = DeadlineInput {
            kind: CategoryKind::Idea,
            ..input(IssueStatus::InProgress, "2026-08-31T12:00:00+02:00")
        };
        let deadline = due(&idea);
        assert_eq!(deadline.kind, DeadlineKind::Finish);
        assert_eq!(deadline.due_at, at("2026-12-01T00:00:00+01:00"));
        // Proposal filed 4 April 2026 → 4 October 2026 is a Sunday → Monday 5 October.
        let proposal = DeadlineInput {
            kind: CategoryKind::TrafficProposal,
            ..input(IssueStatus::Accepted, "2026-04-04T12:00:00+02:00")
        };
        assert_eq!(due(&proposal).due_at, at("2026-10-06T00:00:00+02:00"));
        // While new, the earlier verification deadline is the current one.
        let new_idea = DeadlineInput {
            status: IssueStatus::New,
            ..idea
        };
        assert_eq!(due(&new_idea).kind, DeadlineKind::Verify);
    }

    #[test]
    fn thirty_days_end_on_the_next_working_day() {
        // 30 days after Friday 2 Oct 2026 is Sunday 1 November (a holiday, too) → Monday 2 November.
        let end = days_after(
            &Calendar::default(),
            at("2026-10-02T10:00:00+02:00"),
            CLOSE_INFEASIBLE_DAYS,
        );
        assert_eq!(end, at("2026-11-03T00:00:00+01:00"));
    }

    #[test]
    fn pauses_stand_the_deadline_still_and_add_their_length() {
        let pauses = [(at("2026-11-24T10:00:00+01:00"), None)];
        let waiting = DeadlineInput {
            pauses: &pauses,
            ..input(IssueStatus::New, "2026-11-23T10:00:00+01:00")
        };
        // Long after the plain deadline, still waiting: paused, not overdue.
        let now = at("2026-11-30T10:00:00+01:00");
        let paused = current(&Calendar::default(), &waiting, now).unwrap();
        assert!(paused.paused);
        assert!(!paused.is_overdue(now));
        // Answered after 2 days and 3 hours: the deadline moves by exactly that.
        let answered = [(at("2026-11-24T10:00:00+01:00"), Some(at("2026-11-26T13:00:00+01:00")))];
        let resumed = DeadlineInput {
            pauses: &answered,
            ..waiting
        };
        let deadline = current(&Calendar::default(), &resumed, now).unwrap();
        assert!(!deadline.paused);
        assert_eq!(deadline.due_at, at("2026-11-27T00:00:00+01:00") + Duration::hours(51));
        assert!(deadline.is_overdue(now));
        // A pause before a deadline's start does not move it.
        let accepted = DeadlineInput {
            status: IssueStatus::Accepted,
            accepted_at: Some(at("2026-11-27T09:00:00+01:00")),
            ..resumed
        };
        assert_eq!(
            current(&Calendar::default(), &accepted, now).unwrap().due_at,
            working_days_after(&Calendar::default(), at("2026-11-27T09:00:00+01:00"), 14)
        );
    }
}
