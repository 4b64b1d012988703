//! The city's time zone: days and dates as residents and the law count them.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Warsaw;

/// Midnight of `day` in Europe/Warsaw, as UTC. (Midnight always exists there: DST changes
/// happen at 02:00/03:00.)
pub fn start_of_day(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    Warsaw
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |local| local.with_timezone(&Utc))
}

/// The day it is at `now` in the city's time zone.
pub fn local_today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Warsaw).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_start_at_warsaw_midnight() {
        let winter = start_of_day(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
        assert_eq!(winter.to_rfc3339(), "2026-01-14T23:00:00+00:00");
        let summer = start_of_day(NaiveDate::from_ymd_opt(2026, 7, 15).unwrap());
        assert_eq!(summer.to_rfc3339(), "2026-07-14T22:00:00+00:00");
    }
}
