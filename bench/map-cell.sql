-- The query the server issues for one grid cell of the public map (issues::public::map_cell)
-- when the cell is not in its cache: anonymous (90-day window), a 0.01° × 0.01° cell
-- (~700 m × 1.1 km in Łódź), points on the cell's east and north borders left to the
-- neighbours, finished issues for 30 days. A random cell of those the wrk map boxes touch.
--   pgbench -f bench/map-cell.sql
\set cx random(1940, 1948)
\set cy random(5174, 5178)
-- The connection pool checks the connection it hands out (diesel-async/deadpool).
SELECT 1;
SELECT issues.created_at, issues.id, issues.lat, issues.lon,
       issues.number, issues.status, categories.slug, coalesce(issues.public_title, issues.title)
FROM issues INNER JOIN categories ON issues.category_id = categories.id
WHERE issues.moderation = 'approved'
  AND issues.created_at >= now() - interval '90 days'
  AND location <@ box(point(:cx * 0.01, :cy * 0.01), point((:cx + 1) * 0.01, (:cy + 1) * 0.01))
  AND issues.lon < (:cx + 1) * 0.01 AND issues.lat < (:cy + 1) * 0.01
  AND (issues.finished_at IS NULL OR issues.finished_at > now() - interval '30 days')
ORDER BY issues.created_at DESC, issues.id DESC
LIMIT 5001;
