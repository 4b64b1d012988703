//! The managed area of the deployment: a GeoJSON (Multi)Polygon in WGS84.

use std::path::Path;

use anyhow::{Context, bail};
use geo::{BoundingRect, Centroid, Contains, MultiPolygon, Point};

/// The outline shipped for the demo city (Łódź).
const DEMO_BOUNDARY: &str = include_str!("../../data/lodz-boundary.geojson");

/// The city's managed area.
#[derive(Debug, Clone)]
pub struct CityArea {
    /// The boundary as GeoJSON geometry, for clients.
    pub geometry: geojson::Geometry,
    area: MultiPolygon<f64>,
    /// `[min_lon, min_lat, max_lon, max_lat]`.
    pub bbox: [f64; 4],
    /// A point inside the area (`[lat, lon]`), to centre maps on.
    pub center: [f64; 2],
}

impl CityArea {
    /// Loads the boundary from a file, or the demo city's when none is configured.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        match file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("reading the boundary file {}", path.display()))?;
                Self::parse(&text).with_context(|| format!("parsing the boundary file {}", path.display()))
            }
            None => Self::parse(DEMO_BOUNDARY),
        }
    }

    /// Parses a GeoJSON Polygon or MultiPolygon (bare, as a Feature, or the first
    /// feature of a FeatureCollection).
    pub fn parse(text: &str) -> anyhow::Result<Self> {
        let geometry = match text.parse::<geojson::GeoJson>()? {
            geojson::GeoJson::Geometry(geometry) => geometry,
            geojson::GeoJson::Feature(feature) => feature.geometry.context("the feature has no geometry")?,
            geojson::GeoJson::FeatureCollection(collection) => collection
                .features
                .into_iter()
                .find_map(|feature| feature.geometry)
                .context("the collection has no geometry")?,
        };
        let area: MultiPolygon<f64> = match geo::Geometry::<f64>::try_from(geometry.clone())? {
            geo::Geometry::Polygon(polygon) => polygon.into(),
            geo::Geometry::MultiPolygon(multi) => multi,
            _ => bail!("the boundary must be a Polygon or MultiPolygon"),
        };
        let rect = area.bounding_rect().context("the boundary is empty")?;
        let centroid = area.centroid().context("the boundary is empty")?;
        Ok(Self {
            geometry,
            bbox: [rect.min().x, rect.min().y, rect.max().x, rect.max().y],
            center: [centroid.y(), centroid.x()],
            area,
        })
    }

    /// Whether a WGS84 point lies inside the managed area.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        self.area.contains(&Point::new(lon, lat))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_boundary_contains_the_centre_and_not_the_neighbours() {
        let city = CityArea::load(None).unwrap();
        // Piotrkowska 104 (the city hall) is inside.
        assert!(city.contains(51.7655, 19.4575));
        // Pabianice (south-west) and Zgierz (north) are outside.
        assert!(!city.contains(51.6640, 19.3540));
        assert!(!city.contains(51.8560, 19.4060));
        assert!(city.contains(city.center[0], city.center[1]));
    }

    #[test]
    fn rejects_non_polygon_boundaries() {
        assert!(CityArea::parse(r#"{"type":"Point","coordinates":[19.4,51.7]}"#).is_err());
        assert!(CityArea::parse("not json").is_err());
    }
}
