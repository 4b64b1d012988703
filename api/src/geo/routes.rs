//! Public facts about the deployment's city that the map needs.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::AppState;

/// The city, its managed area and the map settings.
#[derive(Debug, Serialize, ToSchema)]
pub struct City {
    pub name: String,
    /// The managed area as a GeoJSON Polygon or MultiPolygon (WGS84, `[lon, lat]`).
    #[schema(value_type = Object)]
    pub boundary: geojson::Geometry,
    /// `[min_lon, min_lat, max_lon, max_lat]` of the managed area.
    pub bbox: [f64; 4],
    /// `[lat, lon]` to centre the map on.
    pub center: [f64; 2],
    pub map: MapSettings,
}

/// Where map tiles come from.
#[derive(Debug, Serialize, ToSchema)]
pub struct MapSettings {
    /// XYZ tile URL template (`{z}/{x}/{y}`).
    pub tile_url: String,
    pub attribution: String,
}

/// Describes the city: its name, managed area and map tile source.
#[utoipa::path(
    tag = "city",
    operation_id = "get_city",
    responses((status = 200, description = "The city", body = City)),
)]
#[get("/city")]
pub async fn get_city(state: web::Data<AppState>) -> web::Json<City> {
    let area = &state.city;
    web::Json(City {
        name: state.config.city_name.clone(),
        boundary: area.geometry.clone(),
        bbox: area.bbox,
        center: area.center,
        map: MapSettings {
            tile_url: state.config.tile_url.clone(),
            attribution: state.config.tile_attribution.clone(),
        },
    })
}

/// A typed address to place.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlaceQuery {
    /// A street, optionally with a house number (`Piotrkowska 104`); at least 2 characters.
    pub q: String,
}

/// Places matching a typed address.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlaceList {
    pub items: Vec<super::geocode::Place>,
}

/// Finds places for a typed address inside the city (the street register, then the
/// configured geocoder) — the path for people who do not use the map (R11.6).
#[utoipa::path(
    tag = "city",
    operation_id = "find_places",
    params(PlaceQuery),
    responses(
        (status = 200, description = "Matching places, best first", body = PlaceList),
        (status = 400, description = "Missing query", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/places")]
pub async fn find_places(
    state: web::Data<AppState>,
    query: crate::extract::Query<PlaceQuery>,
) -> crate::error::AppResult<web::Json<PlaceList>> {
    let mut conn = state.pool.get().await?;
    let items = super::geocode::resolve(&state, &mut conn, &query.q).await?;
    Ok(web::Json(PlaceList { items }))
}

/// Registers this domain's routes.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_city).service(find_places);
}
