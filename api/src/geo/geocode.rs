//! Turning typed addresses into places (R1.1, R11.6): the city's street register (shipped
//! for the demo city), and optionally a Nominatim-compatible geocoder when a deployment
//! configures `KONTAKT_GEOCODER_URL`. Places outside the managed area are dropped.

use std::time::Duration;

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::AppState;
use crate::schema::streets;

/// A place found for a typed address.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Place {
    /// How to show it: the street (and the house number typed, if any).
    pub label: String,
    pub lat: f64,
    pub lon: f64,
    /// `street_register` or `geocoder`.
    pub source: String,
}

/// Splits "Piotrkowska 104" into ("piotrkowska", Some("104")).
fn split_number(query: &str) -> (String, Option<String>) {
    let query = query
        .trim()
        .trim_start_matches("ul.")
        .trim_start_matches("ulica")
        .trim();
    match query.rsplit_once(' ') {
        Some((street, number)) if number.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            (street.trim().to_owned(), Some(number.to_owned()))
        }
        _ => (query.to_owned(), None),
    }
}

/// Streets of the register matching the query (diacritics and case ignored).
pub async fn search_register(conn: &mut AsyncPgConnection, query: &str, limit: i64) -> QueryResult<Vec<Place>> {
    let (street, number) = split_number(query);
    if street.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let pattern: String = street
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '\\' | '%' | '_'))
        .collect();
    let needle = format!("%{pattern}%");
    let rows: Vec<(String, f64, f64)> = streets::table
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("search LIKE kontakt_unaccent(")
                .bind::<diesel::sql_types::Text, _>(needle)
                .sql(")"),
        )
        .select((streets::name, streets::lat, streets::lon))
        .order(streets::name)
        .limit(limit)
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(name, lat, lon)| Place {
            label: number
                .as_ref()
                .map_or_else(|| name.clone(), |number| format!("{name} {number}")),
            lat,
            lon,
            source: "street_register".into(),
        })
        .collect())
}

#[derive(Deserialize)]
struct NominatimPlace {
    display_name: String,
    lat: String,
    lon: String,
}

/// Asks the configured geocoder; failures and timeouts give no results rather than errors.
async fn search_geocoder(state: &AppState, query: &str) -> Vec<Place> {
    let Some(base) = state.config.geocoder_url.as_deref() else {
        return Vec::new();
    };
    let [min_lon, min_lat, max_lon, max_lat] = state.city.bbox;
    let params = [
        ("q", format!("{query}, {}", state.config.city_name)),
        ("format", "jsonv2".into()),
        ("limit", "5".into()),
        ("viewbox", format!("{min_lon},{max_lat},{max_lon},{min_lat}")),
        ("bounded", "1".into()),
    ];
    let Ok(url) = reqwest::Url::parse_with_params(&format!("{}/search", base.trim_end_matches('/')), &params) else {
        tracing::warn!("KONTAKT_GEOCODER_URL is not a valid URL");
        return Vec::new();
    };
    let request = state.http.get(url).timeout(Duration::from_secs(3));
    let places: Vec<NominatimPlace> = match request.send().await {
        Ok(response) if response.status().is_success() => response.json().await.unwrap_or_default(),
        Ok(response) => {
            tracing::warn!(status = %response.status(), "geocoder refused a query");
            Vec::new()
        }
        Err(error) => {
            tracing::warn!(%error, "geocoder unreachable");
            Vec::new()
        }
    };
    places
        .into_iter()
        .filter_map(|place| {
            Some(Place {
                label: place.display_name,
                lat: place.lat.parse().ok()?,
                lon: place.lon.parse().ok()?,
                source: "geocoder".into(),
            })
        })
        .collect()
}

/// Places for a typed address inside the managed area: the register first, then the geocoder.
pub async fn resolve(state: &AppState, conn: &mut AsyncPgConnection, query: &str) -> QueryResult<Vec<Place>> {
    let mut places = search_register(conn, query, 8).await?;
    if places.is_empty() {
        places = search_geocoder(state, query).await;
    }
    places.retain(|place| state.city.contains(place.lat, place.lon));
    Ok(places)
}

/// Loads the demo city's street register (idempotent).
pub async fn seed_streets(conn: &mut AsyncPgConnection) -> anyhow::Result<usize> {
    let streets: Vec<(String, f64, f64)> = serde_json::from_str(include_str!("../../data/demo/streets.json"))?;
    for (name, lat, lon) in &streets {
        diesel::insert_into(streets::table)
            .values((streets::name.eq(name), streets::lat.eq(lat), streets::lon.eq(lon)))
            .on_conflict(streets::name)
            .do_update()
            .set((streets::lat.eq(lat), streets::lon.eq(lon)))
            .execute(conn)
            .await?;
    }
    Ok(streets.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn house_numbers_are_split_off() {
        assert_eq!(
            split_number("ul. Piotrkowska 104"),
            ("Piotrkowska".into(), Some("104".into()))
        );
        assert_eq!(
            split_number("Rewolucji 1905 r. 12a"),
            ("Rewolucji 1905 r.".into(), Some("12a".into()))
        );
        assert_eq!(split_number("Zielona"), ("Zielona".into(), None));
    }
}
