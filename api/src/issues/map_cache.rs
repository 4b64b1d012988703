//! A short-lived cache of public map responses. Many people look at the same parts of the
//! city, and the map is the hottest read: boxes are widened outward to a fixed grid so that
//! nearby viewers share responses, which live for a few seconds. Any moderation change in
//! this process empties the cache at once; other instances catch up within the lifetime.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use actix_web::web::Bytes;

/// Map boxes are widened to multiples of this many degrees (~700 m × 1.1 km in Łódź).
pub const GRID_DEGREES: f64 = 0.01;
const LIFETIME: Duration = Duration::from_secs(10);
const CAPACITY: u64 = 20_000;

/// The cache shared by the workers of one process.
#[derive(Clone)]
pub struct MapCache {
    responses: moka::future::Cache<String, Bytes>,
    generation: Arc<AtomicU64>,
}

impl Default for MapCache {
    fn default() -> Self {
        Self {
            responses: moka::future::Cache::builder()
                .max_capacity(CAPACITY)
                .time_to_live(LIFETIME)
                .build(),
            generation: Arc::new(AtomicU64::new(0)),
        }
    }
}

impl MapCache {
    /// The cache key: the generation and everything the response depends on.
    pub fn key(&self, parts: &[&str]) -> String {
        format!("{}|{}", self.generation.load(Ordering::Acquire), parts.join("|"))
    }

    /// The cached response, or the one `compute` makes; concurrent requests for a missing key
    /// wait for a single computation instead of each querying the database.
    pub async fn get_or_compute<E, F>(&self, key: String, compute: F) -> Result<Bytes, Arc<E>>
    where
        F: Future<Output = Result<Bytes, E>>,
        E: Send + Sync + 'static,
    {
        self.responses.try_get_with(key, compute).await
    }

    /// Forgets every cached response (a public issue appeared, changed or disappeared).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.responses.invalidate_all();
    }
}

/// Widens `[min_lon, min_lat, max_lon, max_lat]` outward to the grid.
pub fn snap(bbox: [f64; 4]) -> [f64; 4] {
    let down = |v: f64| (v / GRID_DEGREES).floor() * GRID_DEGREES;
    let up = |v: f64| (v / GRID_DEGREES).ceil() * GRID_DEGREES;
    let round = |v: f64| (v * 1e6).round() / 1e6;
    [
        round(down(bbox[0])),
        round(down(bbox[1])),
        round(up(bbox[2])),
        round(up(bbox[3])),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_widen_outward_to_the_grid() {
        assert_eq!(snap([19.4512, 51.7507, 19.4763, 51.7661]), [19.45, 51.75, 19.48, 51.77]);
        assert_eq!(snap([19.45, 51.75, 19.46, 51.76]), [19.45, 51.75, 19.46, 51.76]);
    }

    #[tokio::test]
    async fn invalidation_changes_the_key_and_empties_the_cache() {
        let cache = MapCache::default();
        let key = cache.key(&["a"]);
        let first = cache
            .get_or_compute(key.clone(), async { Ok::<_, ()>(Bytes::from_static(b"x")) })
            .await
            .unwrap();
        let cached = cache
            .get_or_compute(key.clone(), async { Ok::<_, ()>(Bytes::from_static(b"y")) })
            .await
            .unwrap();
        assert_eq!((first.as_ref(), cached.as_ref()), (&b"x"[..], &b"x"[..]));
        cache.invalidate();
        let fresh_key = cache.key(&["a"]);
        assert_ne!(fresh_key, key);
        let fresh = cache
            .get_or_compute(fresh_key, async { Ok::<_, ()>(Bytes::from_static(b"z")) })
            .await
            .unwrap();
        assert_eq!(fresh.as_ref(), b"z");
    }
}
