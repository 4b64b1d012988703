//! The public map's cache of grid cells. The map is the hottest read and many people look at
//! the same parts of the city, so the city is cut into a fixed grid and each cell's points are
//! computed once and shared: a map request is answered by putting together the cells that
//! cover its box. A cell older than `FRESH` is still served while one background task
//! refreshes it (stale-while-revalidate), so after a cell's first use no viewer waits for the
//! database. Any moderation change in this process empties the cache at once; other
//! instances catch up within `FRESH`.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use actix_web::web::Bytes;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The finest grid, in degrees (~700 m × 1.1 km in Łódź).
pub const GRID_DEGREES: f64 = 0.01;
/// At most this many cells answer one request; wider boxes use a coarser grid (×2 per level).
const MAX_CELLS: i64 = 64;
/// A cell is refreshed (in the background) once it is older than this.
const FRESH: Duration = Duration::from_secs(10);
/// Cells nobody asked for in this long are dropped.
const IDLE: Duration = Duration::from_secs(300);
const CAPACITY: u64 = 50_000;

/// One grid cell: the bounds of cell `(x, y)` at `level` are
/// `[x, y, x + 1, y + 1] × GRID_DEGREES × 2^level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellId {
    pub level: u32,
    pub x: i64,
    pub y: i64,
}

impl CellId {
    fn size(level: u32) -> f64 {
        GRID_DEGREES * f64::from(1u32 << level)
    }

    /// `[min_lon, min_lat, max_lon, max_lat]`; a cell holds points with
    /// `min <= coordinate < max`, so neighbouring cells never share a point.
    pub fn bounds(&self) -> [f64; 4] {
        let size = Self::size(self.level);
        [
            self.x as f64 * size,
            self.y as f64 * size,
            (self.x + 1) as f64 * size,
            (self.y + 1) as f64 * size,
        ]
    }
}

/// The cells covering `[min_lon, min_lat, max_lon, max_lat]` on the finest grid that needs at
/// most `MAX_CELLS` of them.
pub fn cover(bbox: [f64; 4]) -> Vec<CellId> {
    let mut level = 0;
    loop {
        let size = CellId::size(level);
        let (x0, y0) = ((bbox[0] / size).floor() as i64, (bbox[1] / size).floor() as i64);
        // The box includes its edges, so a box ending on a grid line takes the next cell too.
        let (x1, y1) = ((bbox[2] / size).floor() as i64, (bbox[3] / size).floor() as i64);
        if (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_CELLS || level >= 20 {
            return (x0..=x1)
                .flat_map(|x| (y0..=y1).map(move |y| CellId { level, x, y }))
                .collect();
        }
        level += 1;
    }
}

/// A map point, serialized once, with what orders points newest first.
#[derive(Debug, Clone)]
pub struct CellPoint {
    pub created_at: DateTime<Utc>,
    pub id: Uuid,
    pub lon: f64,
    pub lat: f64,
    pub json: Bytes,
}

/// A computed cell: its points, newest first, and whether more matched than were kept.
#[derive(Debug)]
pub struct Cell {
    pub points: Vec<CellPoint>,
    pub truncated: bool,
    computed: Instant,
    refreshing: AtomicBool,
}

impl Cell {
    pub fn new(points: Vec<CellPoint>, truncated: bool) -> Self {
        Self {
            points,
            truncated,
            computed: Instant::now(),
            refreshing: AtomicBool::new(false),
        }
    }
}

/// The cache shared by the workers of one process.
#[derive(Clone)]
pub struct MapCache {
    cells: moka::future::Cache<String, Arc<Cell>>,
    generation: Arc<AtomicU64>,
}

impl Default for MapCache {
    fn default() -> Self {
        Self {
            cells: moka::future::Cache::builder()
                .max_capacity(CAPACITY)
                .time_to_idle(IDLE)
                .build(),
            generation: Arc::new(AtomicU64::new(0)),
        }
    }
}

impl MapCache {
    /// The cache key of a cell: the generation, what else the points depend on, and the cell.
    pub fn key(&self, variant: &str, cell: CellId) -> String {
        let generation = self.generation.load(Ordering::Acquire);
        format!("{generation}|{variant}|{}|{}|{}", cell.level, cell.x, cell.y)
    }

    /// The cell under `key`. A missing cell is computed once however many requests ask for it
    /// at the same time; a stale one is returned at once and refreshed by one background task.
    pub async fn cell<E, F, Fut>(&self, key: String, compute: F) -> Result<Arc<Cell>, Arc<E>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Cell, E>> + Send + 'static,
        E: Send + Sync + 'static,
    {
        if let Some(cell) = self.cells.get(&key).await {
            if cell.computed.elapsed() > FRESH && !cell.refreshing.swap(true, Ordering::AcqRel) {
                let (cells, stale, refresh) = (self.cells.clone(), cell.clone(), compute());
                tokio::spawn(async move {
                    match refresh.await {
                        Ok(fresh) => cells.insert(key, Arc::new(fresh)).await,
                        // Served stale a little longer; the next request tries again.
                        Err(_) => stale.refreshing.store(false, Ordering::Release),
                    }
                });
            }
            return Ok(cell);
        }
        let compute = compute();
        self.cells
            .try_get_with(key, async move { compute.await.map(Arc::new) })
            .await
    }

    /// Forgets every cell (a public issue appeared, changed or disappeared).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.cells.invalidate_all();
    }
}

/// Puts cells together into a GeoJSON FeatureCollection of the points inside `bbox`, at most
/// `limit` of them: all when they fit, else the newest `limit`, marked truncated.
pub fn assemble(cells: &[Arc<Cell>], bbox: [f64; 4], limit: usize) -> Bytes {
    let [min_lon, min_lat, max_lon, max_lat] = bbox;
    let mut truncated = cells.iter().any(|cell| cell.truncated);
    let mut points: Vec<&CellPoint> = cells
        .iter()
        .flat_map(|cell| &cell.points)
        .filter(|p| (min_lon..=max_lon).contains(&p.lon) && (min_lat..=max_lat).contains(&p.lat))
        .collect();
    if points.len() > limit {
        points.sort_unstable_by_key(|point| std::cmp::Reverse((point.created_at, point.id)));
        points.truncate(limit);
        truncated = true;
    }
    let size = points.iter().map(|point| point.json.len() + 1).sum::<usize>() + 80;
    let mut body = Vec::with_capacity(size);
    body.extend_from_slice(br#"{"type":"FeatureCollection","features":["#);
    for (index, point) in points.iter().enumerate() {
        if index > 0 {
            body.push(b',');
        }
        body.extend_from_slice(&point.json);
    }
    body.extend_from_slice(format!(r#"],"truncated":{truncated}}}"#).as_bytes());
    Bytes::from(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_district_box_is_covered_by_the_finest_cells_around_it() {
        let cells = cover([19.4512, 51.7507, 19.4763, 51.7661]);
        assert_eq!(cells.len(), 3 * 2);
        assert!(cells.iter().all(|cell| cell.level == 0));
        assert!((cells[0].bounds()[0] - 19.45).abs() < 1e-9);
        // A box is inclusive: ending on grid lines takes the cells beyond them too.
        assert_eq!(cover([19.451, 51.751, 19.459, 51.759]).len(), 1);
        assert_eq!(cover([19.451, 51.751, 19.46, 51.76]).len(), 4);
    }

    #[test]
    fn wide_boxes_use_a_coarser_grid() {
        let city = cover([19.32, 51.68, 19.64, 51.86]);
        assert!(city.len() as i64 <= MAX_CELLS);
        assert!(city.iter().all(|cell| cell.level == 2));
        let world = cover([-180.0, -90.0, 180.0, 90.0]);
        assert!(world.len() as i64 <= MAX_CELLS);
    }

    #[test]
    fn neighbouring_cells_share_their_border() {
        let left = CellId {
            level: 0,
            x: 1945,
            y: 5175,
        }
        .bounds();
        let right = CellId {
            level: 0,
            x: 1946,
            y: 5175,
        }
        .bounds();
        assert_eq!(left[2], right[0]);
    }

    fn point(seconds: i64, json: &'static str) -> CellPoint {
        CellPoint {
            created_at: DateTime::from_timestamp(seconds, 0).unwrap(),
            id: Uuid::nil(),
            lon: 19.45,
            lat: 51.75,
            json: Bytes::from_static(json.as_bytes()),
        }
    }

    #[test]
    fn assembling_keeps_the_newest_points_when_over_the_limit() {
        let a = Arc::new(Cell::new(vec![point(3, "3"), point(1, "1")], false));
        let b = Arc::new(Cell::new(vec![point(2, "2")], false));
        let city = [19.0, 51.0, 20.0, 52.0];
        let all: serde_json::Value = serde_json::from_slice(&assemble(&[a.clone(), b.clone()], city, 5)).unwrap();
        assert_eq!(all["features"].as_array().unwrap().len(), 3);
        assert_eq!(all["truncated"], false);
        // Points of a cell outside the asked box are left out.
        let elsewhere: serde_json::Value =
            serde_json::from_slice(&assemble(std::slice::from_ref(&a), [19.46, 51.76, 19.47, 51.77], 5)).unwrap();
        assert_eq!(elsewhere["features"], serde_json::json!([]));
        let newest: serde_json::Value = serde_json::from_slice(&assemble(&[a, b], city, 2)).unwrap();
        assert_eq!(newest["features"], serde_json::json!([3, 2]));
        assert_eq!(newest["truncated"], true);
    }

    #[tokio::test]
    async fn cells_are_shared_until_invalidated() {
        let cache = MapCache::default();
        let id = CellId { level: 0, x: 0, y: 0 };
        let make = |value: &'static str| move || async move { Ok::<_, ()>(Cell::new(vec![point(1, value)], false)) };
        let first = cache.cell(cache.key("v", id), make("1")).await.unwrap();
        let cached = cache.cell(cache.key("v", id), make("2")).await.unwrap();
        assert_eq!(
            (&first.points[0].json[..], &cached.points[0].json[..]),
            (&b"1"[..], &b"1"[..])
        );
        cache.invalidate();
        let fresh = cache.cell(cache.key("v", id), make("3")).await.unwrap();
        assert_eq!(&fresh.points[0].json[..], b"3");
    }
}
