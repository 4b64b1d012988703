-- Generates :count approved issues spread over the demo city (Łódź), over two years, in the
-- demo categories, for the benchmarks. Run after `kontakt seed-demo`:
--   psql "$URL" -v count=1000000 -f bench/generate.sql
-- Points fall in an ellipse inside the city boundary; the densest area is the centre.
\set ON_ERROR_STOP on
-- Closed issues need a close reason where the schema has one (migration 0005, the workflow).
SELECT CASE WHEN close_reason THEN ', close_reason' ELSE '' END AS close_column,
       CASE WHEN close_reason THEN ', CASE WHEN g % 5 = 4 THEN ''not_feasible'' END' ELSE '' END AS close_value
FROM (SELECT EXISTS (SELECT FROM information_schema.columns
                     WHERE table_name = 'issues' AND column_name = 'close_reason') AS close_reason) AS schema \gset
BEGIN;
CREATE TEMP TABLE bench_categories AS
    SELECT row_number() OVER (ORDER BY position) AS n, id, unit_id FROM categories WHERE kind = 'problem' AND valid_until IS NULL;
INSERT INTO issues (number, category_id, unit_id, title, description, lat, lon, field_values, status, moderation,
                    channel, support_count, created_at, updated_at, finished_at :close_column)
SELECT
    format('%s/%s', 2024 + (g % 2), lpad(g::text, 7, '0')),
    c.id, c.unit_id,
    'Zgłoszenie testowe ' || g,
    'Opis zgłoszenia testowego numer ' || g || ' — dziura, latarnia, śmieci, zieleń.',
    51.7592 + r * 0.060 * sin(a),
    19.4560 + r * 0.110 * cos(a),
    '{}'::jsonb,
    (ARRAY['new', 'accepted', 'in_progress', 'done', 'closed'])[1 + (g % 5)],
    'approved',
    (ARRAY['web', 'mobile', 'phone'])[1 + (g % 3)],
    g % 7,
    created,
    created,
    CASE WHEN g % 5 IN (3, 4) THEN created + interval '10 days' END
    :close_value
FROM (
    SELECT g, sqrt(random()) AS r, random() * 2 * pi() AS a,
           now() - random() * interval '730 days' AS created
    FROM generate_series(1, :count) AS g
) AS points
JOIN bench_categories c ON c.n = 1 + (points.g % (SELECT count(*) FROM bench_categories));
COMMIT;
ANALYZE issues;
