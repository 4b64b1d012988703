-- The query the server issues for an anonymous GET /api/v1/issues/map with a district-sized
-- bounding box (0.025° × 0.016°, about 1.7 × 1.8 km), as a pgbench script.
\set lon0 19.40 + random(0, 60) / 1000.0
\set lat0 51.74 + random(0, 30) / 1000.0
SELECT i.lat, i.lon, i.number, i.status, c.slug, coalesce(i.public_title, i.title)
FROM issues i JOIN categories c ON c.id = i.category_id
WHERE i.moderation = 'approved'
  AND i.created_at >= now() - interval '90 days'
  AND i.location <@ box(point(:lon0, :lat0), point(:lon0 + 0.025, :lat0 + 0.016))
  AND i.lat IS NOT NULL
  AND (i.finished_at IS NULL OR i.finished_at > now() - interval '30 days')
ORDER BY i.created_at DESC, i.id DESC
LIMIT 5001;
