//! The query parameters of Open311 calls and the checks they share: GeoReport's rule that
//! an empty parameter is an absent one, repeated parameters as one comma-separated list,
//! `jurisdiction_id`, `locale`, date ranges of at most 90 days, and paging.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::IntoParams;

use super::format::Open311Error;
use crate::time::start_of_day;

/// The longest range of dates one call may ask for, and the default range (GeoReport v2).
pub const MAX_SPAN_DAYS: i64 = 90;
/// The most requests (or updates) one answer holds, and the default page size.
pub const MAX_PAGE_SIZE: i64 = 1000;

/// Reads a query string into `T`: empty parameters are left out, and a parameter given
/// more than once becomes one comma-separated value (`status=open&status=closed`).
pub fn read<T: DeserializeOwned>(query: &str) -> Result<T, Open311Error> {
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        values
            .entry(name.into_owned())
            .and_modify(|joined| {
                joined.push(',');
                joined.push_str(value);
            })
            .or_insert_with(|| value.to_owned());
    }
    let normalised = serde_urlencoded::to_string(&values)
        .map_err(|error| Open311Error::bad_request(format!("The query string is not valid: {error}")))?;
    serde_urlencoded::from_str(&normalised)
        .map_err(|error| Open311Error::bad_request(format!("The query string is not valid: {error}")))
}

/// The items of a comma-separated list, trimmed, without empty ones.
pub fn list(value: Option<&str>) -> Vec<&str> {
    value
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect()
}

/// Which city a call is for.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JurisdictionQuery {
    /// Optional: this endpoint serves one city. When given, it must be the host name of the
    /// city's public site (without `www.`); any other is answered 404.
    pub jurisdiction_id: Option<String>,
}

impl JurisdictionQuery {
    /// Checks `jurisdiction_id` against the host of `public_url`.
    pub fn check(&self, public_url: &str) -> Result<(), Open311Error> {
        let Some(given) = self.jurisdiction_id.as_deref() else {
            return Ok(());
        };
        let ours = jurisdiction_of(public_url);
        let given_host = given.trim().trim_start_matches("www.");
        if given_host.eq_ignore_ascii_case(&ours) {
            Ok(())
        } else {
            Err(Open311Error::not_found(format!(
                "jurisdiction_id `{given}` was not found; this endpoint serves `{ours}` only (the parameter may be left out)."
            )))
        }
    }
}

/// The jurisdiction id of a deployment: the host of its public URL, without `www.` (the
/// specification suggests "the jurisdiction's main website root url").
pub fn jurisdiction_of(public_url: &str) -> String {
    let rest = public_url.split_once("://").map_or(public_url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or(host)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    host.trim_start_matches("www.").to_ascii_lowercase()
}

/// The language of names and texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Pl,
    En,
}

impl Locale {
    /// The Polish or the English one.
    pub fn pick<T>(self, pl: T, en: T) -> T {
        match self {
            Self::Pl => pl,
            Self::En => en,
        }
    }
}

/// The language of the answer (an extension to GeoReport v2).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LocaleQuery {
    /// `pl` (default) or `en`: the language of service names, groups and descriptions,
    /// attribute texts, `service_notice` and generated update texts (regional forms such as
    /// `en-GB` are accepted). What people wrote (issues, the city's responses) is as written.
    pub locale: Option<String>,
}

impl LocaleQuery {
    /// The language asked for; Polish, the city's, by default.
    pub fn locale(&self) -> Result<Locale, Open311Error> {
        let Some(value) = self.locale.as_deref() else {
            return Ok(Locale::Pl);
        };
        let language = value.split(['-', '_']).next().unwrap_or_default();
        if language.eq_ignore_ascii_case("pl") {
            Ok(Locale::Pl)
        } else if language.eq_ignore_ascii_case("en") {
            Ok(Locale::En)
        } else {
            Err(Open311Error::bad_request(format!(
                "locale `{value}` is not supported; use `pl` or `en`."
            )))
        }
    }
}

/// A range of times, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Window {
    /// The range asked for by `start_date` and `end_date`: the most recent 90 days when
    /// neither is given, 90 days from the one given when only one is, and never more than 90
    /// days.
    pub fn of(start_date: Option<&str>, end_date: Option<&str>, now: DateTime<Utc>) -> Result<Self, Open311Error> {
        let span = Duration::days(MAX_SPAN_DAYS);
        let start = start_date
            .map(|value| parse_date("start_date", value, Edge::Start))
            .transpose()?;
        let end = end_date
            .map(|value| parse_date("end_date", value, Edge::End))
            .transpose()?;
        let window = match (start, end) {
            (Some(start), Some(end)) => Self { start, end },
            (Some(start), None) => Self {
                start,
                end: start + span,
            },
            (None, Some(end)) => Self { start: end - span, end },
            (None, None) => Self {
                start: now - span,
                end: now,
            },
        };
        if window.end < window.start {
            return Err(Open311Error::bad_request("end_date is before start_date."));
        }
        if window.end - window.start > span {
            return Err(Open311Error::bad_request(format!(
                "start_date and end_date may not span more than {MAX_SPAN_DAYS} days."
            )));
        }
        Ok(window)
    }
}

/// Which end of a range a date stands for.
#[derive(Debug, Clone, Copy)]
enum Edge {
    Start,
    End,
}

/// A W3C date-time (`2010-01-01T00:00:00Z`, `2010-01-01T01:00+01:00`, fractions of seconds
/// allowed) or a day (`2010-01-01`, the whole day in the city's time zone). A `+` of an
/// offset that arrives as a space (clients that do not encode it) is read as `+`.
fn parse_date(name: &str, value: &str, edge: Edge) -> Result<DateTime<Utc>, Open311Error> {
    let value = match value.rsplit_once(' ') {
        Some((time, offset)) if offset.len() == 5 && offset.as_bytes()[2] == b':' => format!("{time}+{offset}"),
        _ => value.to_owned(),
    };
    let with_offset = |text: &str| {
        let text = match text.strip_suffix(['Z', 'z']) {
            Some(utc) => format!("{utc}+00:00"),
            None => text.to_owned(),
        };
        DateTime::parse_from_rfc3339(&text)
            .or_else(|_| DateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M%:z"))
            .ok()
    };
    // Years far from ours would only overflow the arithmetic of ranges.
    let plausible = |year: i32| (1970..=9999).contains(&year);
    if let Some(time) = with_offset(&value).filter(|time| plausible(time.year())) {
        return Ok(time.with_timezone(&Utc));
    }
    if let Some(day) = NaiveDate::parse_from_str(&value, "%Y-%m-%d")
        .ok()
        .filter(|day| plausible(day.year()))
    {
        return Ok(match edge {
            Edge::Start => start_of_day(day),
            Edge::End => start_of_day(day + Duration::days(1)) - Duration::microseconds(1),
        });
    }
    Err(Open311Error::bad_request(format!(
        "{name} `{value}` is not a valid date-time; use the W3C format with a time zone, e.g. 2010-01-01T00:00:00Z."
    )))
}

/// One page of a long answer (a widely implemented extension to GeoReport v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub size: i64,
    pub offset: i64,
}

/// Paging of lists.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Items per page, 1–1000 (default 1000, the specification's limit).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    pub page_size: Option<String>,
}

impl PageQuery {
    /// The page asked for; the first 1000 by default.
    pub fn page(&self) -> Result<Page, Open311Error> {
        let number = |name: &str, value: Option<&str>, default: i64, max: i64| match value {
            None => Ok(default),
            Some(text) => text
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| {
                    Open311Error::bad_request(format!("{name} `{text}` must be a whole number from 1 to {max}."))
                }),
        };
        let size = number("page_size", self.page_size.as_deref(), MAX_PAGE_SIZE, MAX_PAGE_SIZE)?;
        let page = number("page", self.page.as_deref(), 1, 1_000_000)?;
        Ok(Page {
            size,
            offset: (page - 1) * size,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Sample {
        status: Option<String>,
        start_date: Option<String>,
        page: Option<String>,
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn empty_parameters_are_absent_and_repeated_ones_a_list() {
        let sample: Sample =
            read("status=&status=open&status=closed&page=&start_date=2026-01-01T00:00:00%2B01:00&x=1").unwrap();
        assert_eq!(sample.status.as_deref(), Some("open,closed"));
        assert_eq!(sample.page, None);
        assert_eq!(sample.start_date.as_deref(), Some("2026-01-01T00:00:00+01:00"));
        assert_eq!(
            list(Some(" 2026-000001, ,2026-000002 ")),
            ["2026-000001", "2026-000002"]
        );
        assert!(list(None).is_empty());
    }

    #[test]
    fn dates_in_w3c_forms_and_days_in_city_time() {
        let start = |value: &str| parse_date("start_date", value, Edge::Start).map_err(|e| e.to_string());
        assert_eq!(start("2026-11-23T10:00:00Z"), Ok(at("2026-11-23T10:00:00Z")));
        assert_eq!(start("2026-11-23T10:00:00.5+01:00"), Ok(at("2026-11-23T09:00:00.5Z")));
        assert_eq!(start("2026-11-23T10:00 01:00"), Ok(at("2026-11-23T09:00:00Z")));
        assert_eq!(start("2026-11-23T10:00:00 01:00"), Ok(at("2026-11-23T09:00:00Z")));
        assert_eq!(start("2026-11-23"), Ok(at("2026-11-23T00:00:00+01:00")));
        let end = parse_date("end_date", "2026-11-23", Edge::End).unwrap();
        assert_eq!(end, at("2026-11-23T23:59:59.999999+01:00"));
        for bad in [
            "yesterday",
            "2026-11-23T10:00:00",
            "2026-13-01",
            "23.11.2026",
            "262142-12-31",
            "1000-01-01T00:00:00Z",
        ] {
            let error = start(bad).unwrap_err();
            assert!(error.contains("start_date") && error.contains("400"), "{error}");
        }
    }

    #[test]
    fn windows_default_to_and_never_exceed_ninety_days() {
        let now = at("2026-11-23T10:00:00Z");
        let window = |start, end| Window::of(start, end, now).map_err(|e| e.to_string());
        assert_eq!(
            window(None, None),
            Ok(Window {
                start: at("2026-08-25T10:00:00Z"),
                end: now
            })
        );
        assert_eq!(
            window(Some("2026-01-01T00:00:00Z"), None).map(|w| w.end),
            Ok(at("2026-04-01T00:00:00Z"))
        );
        assert_eq!(
            window(None, Some("2026-04-01T00:00:00Z")).map(|w| w.start),
            Ok(at("2026-01-01T00:00:00Z"))
        );
        assert!(window(Some("2026-01-01T00:00:00Z"), Some("2026-04-01T00:00:00Z")).is_ok());
        let too_long = window(Some("2026-01-01T00:00:00Z"), Some("2026-04-01T00:00:01Z")).unwrap_err();
        assert!(too_long.contains("90 days"), "{too_long}");
        let reversed = window(Some("2026-02-01T00:00:00Z"), Some("2026-01-01T00:00:00Z")).unwrap_err();
        assert!(reversed.contains("end_date"), "{reversed}");
    }

    #[test]
    fn jurisdiction_is_the_public_host() {
        assert_eq!(jurisdiction_of("https://www.kontakt.lodz.pl/"), "kontakt.lodz.pl");
        assert_eq!(jurisdiction_of("http://127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(jurisdiction_of("http://[::1]:8080/x"), "[::1]");
        let query = |id: &str| JurisdictionQuery {
            jurisdiction_id: Some(id.into()),
        };
        assert!(query("kontakt.lodz.pl").check("https://kontakt.lodz.pl").is_ok());
        assert!(query("www.Kontakt.Lodz.pl").check("https://kontakt.lodz.pl").is_ok());
        let other = query("sfgov.org")
            .check("https://kontakt.lodz.pl")
            .unwrap_err()
            .to_string();
        assert!(other.starts_with("404") && other.contains("sfgov.org"), "{other}");
        assert!(JurisdictionQuery::default().check("https://kontakt.lodz.pl").is_ok());
    }

    #[test]
    fn pages_and_locales_are_checked() {
        let page = |page: Option<&str>, size: Option<&str>| {
            PageQuery {
                page: page.map(Into::into),
                page_size: size.map(Into::into),
            }
            .page()
            .map_err(|e| e.to_string())
        };
        assert_eq!(page(None, None), Ok(Page { size: 1000, offset: 0 }));
        assert_eq!(page(Some("3"), Some("20")), Ok(Page { size: 20, offset: 40 }));
        assert!(page(None, Some("1001")).unwrap_err().contains("page_size"));
        assert!(page(Some("0"), None).unwrap_err().contains("page"));
        assert!(page(Some("x"), None).is_err());
        let locale = |value: &str| {
            LocaleQuery {
                locale: Some(value.into()),
            }
            .locale()
            .ok()
        };
        assert_eq!(locale("en-GB"), Some(Locale::En));
        assert_eq!(locale("pl"), Some(Locale::Pl));
        assert_eq!(locale("de"), None);
        assert_eq!(LocaleQuery::default().locale().ok(), Some(Locale::Pl));
    }
}
