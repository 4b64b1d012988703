-- The statistics facts (issue_stats) of the generated issues, as the workflow would have
-- kept them: verified 0–6 days after arrival, started 0–24 days after that, finished 10
-- days after arrival (bench/generate.sql). Run after generate.sql; the server computes facts
-- itself only for issues that have none, one by one, which a million would keep it busy with.
\set ON_ERROR_STOP on
INSERT INTO issue_stats (issue_id, created_at, month, unit_id, category_id, channel, status, counted, public,
                         duplicate, lat, lon, verified_at, verify_due_at, start_due_at, started_at, close_due_at,
                         closed_after_acceptance_at, paused, finished_at, days_to_accept, days_to_finish)
SELECT i.id, i.created_at, date_trunc('month', i.created_at AT TIME ZONE 'Europe/Warsaw')::date, i.unit_id,
       i.category_id, i.channel, i.status, true, true, false, i.lat, i.lon,
       CASE WHEN i.status <> 'new' THEN i.created_at + v.verify END,
       i.created_at + interval '5 days',
       CASE WHEN i.status <> 'new' THEN i.created_at + v.verify + interval '20 days' END,
       CASE WHEN i.status IN ('in_progress', 'done') THEN i.created_at + v.verify + v.start END,
       CASE WHEN i.status = 'closed' THEN i.created_at + v.verify + interval '30 days' END,
       CASE WHEN i.status = 'closed' THEN i.finished_at END,
       false, i.finished_at,
       CASE WHEN i.status <> 'new' THEN extract(day FROM v.verify)::int END,
       CASE WHEN i.finished_at IS NOT NULL THEN 6 + abs(hashtext(i.title)) % 10 END
FROM issues i,
     LATERAL (SELECT make_interval(days => abs(hashtext(i.id::text)) % 7) AS verify,
                     make_interval(days => abs(hashtext(i.number)) % 25) AS start) AS v
WHERE i.title LIKE 'Zgłoszenie testowe %'
ON CONFLICT (issue_id) DO NOTHING;
ANALYZE issue_stats;
