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

    pub async fn get(&self, key: &str) -> Option<Bytes> {
        self.responses.get(key).await
    }

    pub async fn put(&self, key: String, body: Bytes) {
        self.responses.insert(key, body).await;
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
        cache.put(key.clone(), Bytes::from_static(b"x")).await;
        assert_eq!(cache.get(&key).await.as_deref(), Some(&b"x"[..]));
        cache.invalidate();
        assert_ne!(cache.key(&["a"]), key);
        assert!(cache.get(&key).await.is_none());
    }
}
