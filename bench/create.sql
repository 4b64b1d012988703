-- What the server issues for POST /api/v1/issues with an anonymous JSON pothole report at a
-- random place in the centre (issues::intake::create_issue, as bench/create.lua sends it):
-- the category look-up, then one transaction that allocates the number in issue_counters,
-- inserts the issue, records the public 'created' event and, for a request with an
-- Idempotency-Key, the key's row (after the replay look-up before everything). No contact
-- data, so no terms look-up and no mail; no photos. One pgbench transaction = one request.
--   pgbench -D idempotency_key=0 -f bench/create.sql   (1: as with an Idempotency-Key header)
-- The issues it files are pending moderation, so they never reach the public map or list.
\set lat 51.75 + random(0, 20000) / 1000000.0
\set lon 19.44 + random(0, 30000) / 1000000.0
-- The connection pool checks the connection it hands out (diesel-async/deadpool).
SELECT 1;
\if :idempotency_key
SELECT idempotency_keys.request_hash, idempotency_keys.response FROM idempotency_keys
WHERE idempotency_keys.scope = 'anonymous' AND idempotency_keys.key = 'pgbench-' || :client_id || '-' || random()
LIMIT 1;
\endif
SELECT categories.id, categories.slug, categories.name_pl, categories.name_en, categories.group_pl,
       categories.group_en, categories.description_pl, categories.description_en, categories.kind,
       categories.unit_id, categories.delivery, categories.location_required, categories.valid_from,
       categories.valid_until, categories.active, categories.fields, categories.position
FROM categories WHERE categories.slug = 'road-damage' LIMIT 1 \gset category_
BEGIN;
INSERT INTO issue_counters (year, last)
VALUES (extract(year FROM now() AT TIME ZONE 'Europe/Warsaw')::int, 1)
ON CONFLICT (year) DO UPDATE SET last = issue_counters.last + 1
RETURNING issue_counters.last \gset counter_
INSERT INTO issues (number, category_id, unit_id, title, description, lat, lon, address,
                    needs_pinpoint, field_values, channel, filed_by, reporter_id, contact_name,
                    contact_email, contact_phone, contact_consent_at, contact_terms_version,
                    tracking_token_hash, created_at, updated_at)
VALUES (extract(year FROM now() AT TIME ZONE 'Europe/Warsaw')::int || '/' || lpad(:counter_last::text, 6, '0'), ':category_id', ':category_unit_id',
        'Dziura', 'Dziura w jezdni (benchmark).', :lat, :lon, NULL,
        false, '{"surface": "road"}', 'web', NULL, NULL, NULL,
        NULL, NULL, NULL, NULL,
        sha256(convert_to(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), 'UTF8')),
        now(), now())
RETURNING issues.id \gset issue_
INSERT INTO issue_events (issue_id, kind, public, actor_id, before, after, message, created_at)
VALUES (':issue_id', 'created', true, NULL, NULL, '{"status": "new", "channel": "web"}', NULL, now());
\if :idempotency_key
INSERT INTO idempotency_keys (key, scope, request_hash, issue_id, response, created_at)
VALUES (':issue_id', 'anonymous', sha256(convert_to(':issue_id', 'UTF8')), ':issue_id',
        jsonb_build_object('number', extract(year FROM now() AT TIME ZONE 'Europe/Warsaw')::int || '/' || lpad(:counter_last::text, 6, '0'),
                           'status', 'new', 'moderation', 'pending', 'needs_pinpoint', false,
                           'tracking_token', encode(uuid_send(gen_random_uuid()), 'base64'),
                           'tracking_url', 'http://localhost/track/…', 'url', 'http://localhost/issues/…'),
        now());
\endif
COMMIT;
