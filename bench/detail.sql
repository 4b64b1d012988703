-- What the server issues for GET /api/v1/issues/{number} (issues::public::get_issue, as
-- bench/detail.lua asks for a random generated issue): model::find_by_number,
-- model::public_timeline and view::public_views (categories, units, photos).
-- One pgbench transaction = the database work of one request. The number of issues comes
-- from the command line:
--   pgbench -D issues=1000000 -f bench/detail.sql
\set n random(1, :issues)
\set year 2024 + :n % 2
-- The connection pool checks the connection it hands out (diesel-async/deadpool).
SELECT 1;
SELECT issues.id, issues.number, issues.category_id, issues.unit_id, issues.title, issues.description,
       issues.public_title, issues.public_description, issues.lat, issues.lon, issues.address,
       issues.needs_pinpoint, issues.field_values, issues.status, issues.moderation,
       issues.moderation_reason, issues.channel, issues.source, issues.reporter_id,
       issues.contact_name, issues.contact_email, issues.contact_phone, issues.contact_consent_at,
       issues.support_count, issues.created_at, issues.updated_at, issues.finished_at
FROM issues WHERE issues.number = :year || '/' || lpad(:n::text, 7, '0')
LIMIT 1 \gset issue_
SELECT issue_events.kind, issue_events.after, issue_events.message, issue_events.created_at
FROM issue_events
WHERE issue_events.issue_id = ':issue_id' AND issue_events.public = true
ORDER BY issue_events.id;
SELECT categories.id, categories.slug, categories.name_pl, categories.name_en, categories.group_pl,
       categories.group_en, categories.description_pl, categories.description_en, categories.kind,
       categories.unit_id, categories.delivery, categories.location_required, categories.valid_from,
       categories.valid_until, categories.active, categories.fields, categories.position
FROM categories ORDER BY categories.position, categories.name_pl;
SELECT units.id, units.slug, units.name FROM units;
SELECT issue_photos.id, issue_photos.issue_id, issue_photos.position, issue_photos.width,
       issue_photos.height, issue_photos.storage_key, issue_photos.thumbnail_key, issue_photos.hidden
FROM issue_photos
WHERE issue_photos.issue_id = ANY(ARRAY[':issue_id'::uuid])
ORDER BY issue_photos.issue_id, issue_photos.position;
