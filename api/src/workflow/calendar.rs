//! The working-day calendar (R3.6): Saturdays, Sundays and Polish public holidays are not
//! working days. Holidays follow the statute on days off (ustawa o dniach wolnych od pracy):
//! fixed dates, the movable feasts counted from Easter, Epiphany from 2011 and Christmas Eve
//! from 2025. A deployment adds its own days off (one-off holidays such as 12 November 2018,
//! or days the city hall is closed).

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// The statutory public holidays of a year, in date order.
pub fn public_holidays(year: i32) -> Vec<NaiveDate> {
    let easter = easter(year);
    let mut days = vec![
        date(year, 1, 1),
        easter,
        easter + Duration::days(1),
        date(year, 5, 1),
        date(year, 5, 3),
        // Pentecost Sunday and Corpus Christi.
        easter + Duration::days(49),
        easter + Duration::days(60),
        date(year, 8, 15),
        date(year, 11, 1),
        date(year, 11, 11),
        date(year, 12, 25),
        date(year, 12, 26),
    ];
    if year >= 2011 {
        days.push(date(year, 1, 6));
    }
    if year >= 2025 {
        days.push(date(year, 12, 24));
    }
    days.sort_unstable();
    days
}

/// Which days are working days.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Days off beyond the statutory holidays, set by the deployment.
    extra_days_off: BTreeSet<NaiveDate>,
}

impl Calendar {
    pub fn new(extra_days_off: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            extra_days_off: extra_days_off.into_iter().collect(),
        }
    }

    /// The calendar with the deployment's days off, given as `YYYY-MM-DD,YYYY-MM-DD`.
    pub fn from_config(extra_days_off: &str) -> anyhow::Result<Self> {
        let days = extra_days_off
            .split(',')
            .map(str::trim)
            .filter(|day| !day.is_empty())
            .map(|day| {
                day.parse::<NaiveDate>()
                    .map_err(|error| anyhow::anyhow!("`{day}`: {error}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(Self::new(days))
    }

    pub fn is_holiday(&self, day: NaiveDate) -> bool {
        self.extra_days_off.contains(&day) || public_holidays(day.year()).contains(&day)
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(day)
    }

    /// The `n`-th working day after `day` (`day` itself is never counted, whatever it is).
    pub fn add_working_days(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut current = day;
        let mut left = n;
        while left > 0 {
            current = current.succ_opt().unwrap_or(current);
            if self.is_working_day(current) {
                left -= 1;
            }
        }
        current
    }

    /// The last working day before `day`.
    pub fn previous_working_day(&self, day: NaiveDate) -> NaiveDate {
        let mut current = day.pred_opt().unwrap_or(day);
        while !self.is_working_day(current) {
            current = current.pred_opt().unwrap_or(current);
        }
        current
    }

    /// `day`, or the first working day after it when it is not one.
    pub fn this_or_next_working_day(&self, day: NaiveDate) -> NaiveDate {
        let mut current = day;
        while !self.is_working_day(current) {
            current = current.succ_opt().unwrap_or(current);
        }
        current
    }

    /// The working days after `from` up to and including `to`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|day| *day <= to)
            .filter(|day| self.is_working_day(*day))
            .count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn easter_falls_on_known_dates() {
        for (year, day) in [
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter(year), d(day), "{year}");
        }
    }

    #[test]
    fn movable_feasts_follow_easter() {
        let holidays = public_holidays(2026);
        for day in ["2026-04-05", "2026-04-06", "2026-05-24", "2026-06-04"] {
            assert!(holidays.contains(&d(day)), "{day}");
        }
        // 2024: Corpus Christi on 30 May; 2025: on 19 June.
        assert!(public_holidays(2024).contains(&d("2024-05-30")));
        assert!(public_holidays(2025).contains(&d("2025-06-19")));
    }

    #[test]
    fn christmas_eve_is_a_holiday_from_2025() {
        assert!(!public_holidays(2024).contains(&d("2024-12-24")));
        assert!(public_holidays(2025).contains(&d("2025-12-24")));
        assert!(!Calendar::default().is_working_day(d("2025-12-24")));
        assert!(Calendar::default().is_working_day(d("2024-12-24")));
    }

    /// The holidays of 2000–2040 agree with an independent source, generated once by
    /// scripts/holidays-fixture.py. The one-off holiday of 12 November 2018 (a statute of its
    /// own) is what a deployment's extra days off are for.
    #[test]
    fn holidays_2000_to_2040_match_an_independent_source() {
        let expected: BTreeSet<NaiveDate> = include_str!("testdata/pl-holidays-2000-2040.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| d(&line[..10]))
            .collect();
        let calendar = Calendar::new([d("2018-11-12")]);
        let computed: BTreeSet<NaiveDate> = d("2000-01-01")
            .iter_days()
            .take_while(|day| *day <= d("2040-12-31"))
            .filter(|day| calendar.is_holiday(*day))
            .collect();
        assert_eq!(computed.len(), 539);
        assert_eq!(computed, expected);
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let calendar = Calendar::default();
        // Friday 2026-11-06 + 3: Mon 9, Tue 10, (11 Nov holiday), Thu 12.
        assert_eq!(calendar.add_working_days(d("2026-11-06"), 3), d("2026-11-12"));
        // Starting on a holiday: the day itself never counts.
        assert_eq!(calendar.add_working_days(d("2026-01-01"), 1), d("2026-01-02"));
        // Across Christmas 2025: 23 Dec (Tue) + 1 → 27 Dec is Saturday → Monday 29 Dec.
        assert_eq!(calendar.add_working_days(d("2025-12-23"), 1), d("2025-12-29"));
        // Across Easter 2026: Thursday 2 April + 2 → Fri 3, (Sat, Sun, Easter Monday), Tue 7.
        assert_eq!(calendar.add_working_days(d("2026-04-02"), 2), d("2026-04-07"));
        assert_eq!(calendar.working_days_between(d("2026-04-02"), d("2026-04-07")), 2);
        assert_eq!(calendar.this_or_next_working_day(d("2026-04-04")), d("2026-04-07"));
        assert_eq!(calendar.previous_working_day(d("2026-04-07")), d("2026-04-03"));
    }

    #[test]
    fn extra_days_off_are_not_working_days() {
        let calendar = Calendar::new([d("2026-11-10")]);
        assert_eq!(calendar.add_working_days(d("2026-11-06"), 3), d("2026-11-13"));
    }
}
