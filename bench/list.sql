-- What the server issues for an anonymous GET /api/v1/issues?category=road-damage
-- &status=new,accepted,in_progress&bbox=<district box>&page=1..5 (issues::public::list_issues,
-- as bench/list.lua asks): the count, the page, and view::public_views (categories, units,
-- the page's photos). One pgbench transaction = the database work of one request.
--   pgbench -f bench/list.sql
\set lon0 19.40 + random(0, 60) / 1000.0
\set lat0 51.74 + random(0, 30) / 1000.0
\set offset (random(1, 5) - 1) * 20
-- The connection pool checks the connection it hands out (diesel-async/deadpool).
SELECT 1;
SELECT count(*) FROM issues
WHERE issues.moderation = 'approved'
  AND issues.created_at >= now() - interval '90 days'
  AND location <@ box(point(:lon0, :lat0), point(:lon0 + 0.025, :lat0 + 0.016))
  AND issues.category_id = ANY(SELECT categories.id FROM categories WHERE categories.slug = ANY('{road-damage}'))
  AND issues.status = ANY('{new,accepted,in_progress}');
SELECT issues.id, issues.number, issues.category_id, issues.unit_id, issues.title, issues.description,
       issues.public_title, issues.public_description, issues.lat, issues.lon, issues.address,
       issues.needs_pinpoint, issues.field_values, issues.status, issues.moderation,
       issues.moderation_reason, issues.channel, issues.source, issues.reporter_id,
       issues.contact_name, issues.contact_email, issues.contact_phone, issues.contact_consent_at,
       issues.support_count, issues.created_at, issues.updated_at, issues.finished_at
FROM issues
WHERE issues.moderation = 'approved'
  AND issues.created_at >= now() - interval '90 days'
  AND location <@ box(point(:lon0, :lat0), point(:lon0 + 0.025, :lat0 + 0.016))
  AND issues.category_id = ANY(SELECT categories.id FROM categories WHERE categories.slug = ANY('{road-damage}'))
  AND issues.status = ANY('{new,accepted,in_progress}')
ORDER BY issues.created_at DESC, issues.id DESC
LIMIT 20 OFFSET :offset;
SELECT categories.id, categories.slug, categories.name_pl, categories.name_en, categories.group_pl,
       categories.group_en, categories.description_pl, categories.description_en, categories.kind,
       categories.unit_id, categories.delivery, categories.location_required, categories.valid_from,
       categories.valid_until, categories.active, categories.fields, categories.position
FROM categories ORDER BY categories.position, categories.name_pl;
SELECT units.id, units.slug, units.name FROM units;
-- The server passes the page's 20 ids; pgbench cannot carry a result set over, so 20 other
-- ids stand in (the generated issues have no photos either way: the same index probes).
SELECT issue_photos.id, issue_photos.issue_id, issue_photos.position, issue_photos.width,
       issue_photos.height, issue_photos.storage_key, issue_photos.thumbnail_key, issue_photos.hidden
FROM issue_photos
WHERE issue_photos.issue_id = ANY(ARRAY(SELECT gen_random_uuid() FROM generate_series(1, 20)))
ORDER BY issue_photos.issue_id, issue_photos.position;
