-- The whole-box map query: what the server issued for an anonymous GET /api/v1/issues/map
-- before the grid cells (one query per request), kept as the yardstick for the cached map
-- and for the history in RESULTS.md. The box size comes from the command line:
--   pgbench -D dlon=0.025 -D dlat=0.016 -f bench/map.sql   (district, ~1.7 × 1.8 km)
--   pgbench -D dlon=0.004 -D dlat=0.002 -f bench/map.sql   (street)
-- Since the grid cells the server issues bench/map-cell.sql instead, once per cell it misses.
\set lon0 19.40 + random(0, 60) / 1000.0
\set lat0 51.74 + random(0, 30) / 1000.0
SELECT i.lat, i.lon, i.number, i.status, c.slug, coalesce(i.public_title, i.title)
FROM issues i JOIN categories c ON c.id = i.category_id
WHERE i.moderation = 'approved'
  AND i.created_at >= now() - interval '90 days'
  AND i.location <@ box(point(:lon0, :lat0), point(:lon0 + :dlon, :lat0 + :dlat))
  AND i.lat IS NOT NULL
  AND (i.finished_at IS NULL OR i.finished_at > now() - interval '30 days')
ORDER BY i.created_at DESC, i.id DESC
LIMIT 5001;
