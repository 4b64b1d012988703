-- What the server issues for POST /api/v1/issues with an anonymous JSON pothole report at a
-- random place in the centre (issues::intake::create_issue, as bench/create.lua sends it):
-- the category look-up and the number (its own statement), then one transaction that inserts
-- the issue, records the public 'created' event, computes the deadline, adds the automatic
-- first response, queues the mail to the unit and its operators and, for a request with an
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
-- The number is taken in its own statement, before the filing's transaction.
INSERT INTO issue_counters (year, last)
VALUES (extract(year FROM now() AT TIME ZONE 'Europe/Warsaw')::int, 1)
ON CONFLICT (year) DO UPDATE SET last = issue_counters.last + 1
RETURNING issue_counters.last \gset counter_
BEGIN;
INSERT INTO issues (number, category_id, unit_id, title, description, lat, lon, address,
                    needs_pinpoint, field_values, channel, filed_by, reporter_id, contact_name,
                    contact_email, contact_phone, contact_consent_at, contact_terms_version,
                    tracking_token_hash, reporter_language, awaiting_dispatch, created_at, updated_at)
VALUES (extract(year FROM now() AT TIME ZONE 'Europe/Warsaw')::int || '/' || lpad(:counter_last::text, 6, '0'), ':category_id', ':category_unit_id',
        'Dziura', 'Dziura w jezdni (benchmark).', :lat, :lon, NULL,
        false, '{"surface": "road"}', 'web', NULL, NULL, NULL,
        NULL, NULL, NULL, NULL,
        sha256(convert_to(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), 'UTF8')),
        'pl', false, now(), now())
RETURNING issues.id \gset issue_
INSERT INTO issue_events (issue_id, kind, public, actor_id, before, after, message, created_at)
VALUES (':issue_id', 'created', true, NULL, NULL, '{"status": "new", "channel": "web"}', NULL, now());
-- The verification deadline (workflow::refresh_deadline).
SELECT issues.status, categories.kind, issues.created_at, issues.accepted_at
FROM issues JOIN categories ON categories.id = issues.category_id WHERE issues.id = ':issue_id' LIMIT 1;
SELECT asked_at, answered_at, expired_at FROM information_requests WHERE issue_id = ':issue_id';
UPDATE issues SET deadline_kind = 'verify', deadline_at = now() + interval '3 days', deadline_paused = false
WHERE id = ':issue_id';
SELECT * FROM issues WHERE id = ':issue_id' LIMIT 1;
-- The automatic first response (workflow::templates::first_response).
SELECT name FROM units WHERE id = ':category_unit_id' LIMIT 1;
SELECT name_pl FROM categories WHERE id = ':category_id' LIMIT 1;
SELECT id, category_id, status, name, body FROM response_templates
WHERE status = 'received' AND (category_id = ':category_id' OR category_id IS NULL)
ORDER BY category_id IS NULL, name;
INSERT INTO issue_events (issue_id, kind, public, actor_id, before, after, message, created_at)
VALUES (':issue_id', 'response', true, NULL, NULL, NULL,
        'Dziękujemy za zgłoszenie. Zajmie się nim Zarząd Dróg i Transportu. Zgłoszenie zostanie zweryfikowane do 26.11.2026.', now());
-- The unit's queue is told (workflow::notices::announce_in_queue): its operators who want
-- mail at once, and the unit's own address (automatic delivery).
SELECT name, email FROM units WHERE id = ':category_unit_id' LIMIT 1;
SELECT accounts.id, accounts.email, accounts.language, accounts.new_issue_mail
FROM role_grants JOIN accounts ON accounts.id = role_grants.account_id
WHERE accounts.blocked_at IS NULL AND role_grants.role = 'operator' AND role_grants.unit_id = ':category_unit_id';
INSERT INTO outbox_emails (issue_id, reply_to, recipient, subject, body_text, created_at, send_after)
VALUES (':issue_id', NULL, 'operator.zdit@demo.kontakt.example', 'Nowe zgłoszenie', 'W kolejce jest nowe zgłoszenie.', now(), now()),
       (':issue_id', NULL, 'zdit@lodz.example', 'Zgłoszenie mieszkańca', 'Przekazujemy zgłoszenie.', now(), now());
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
