-- The two aggregations behind GET /api/v1/stats (api/src/stats/figures.rs) over all
-- issues of :from–:to, for EXPLAIN ANALYZE in bench/run.sh.
SELECT unit_id, category_id, channel, month, status, count(*) AS filed,
    count(*) FILTER (WHERE NOT duplicate AND verified_at <= verify_due_at) AS verify_met,
    count(*) FILTER (WHERE NOT duplicate AND (verified_at > verify_due_at
        OR (verified_at IS NULL AND finished_at IS NULL AND NOT paused AND verify_due_at < now()))) AS verify_missed,
    count(*) FILTER (WHERE NOT duplicate AND started_at <= start_due_at) AS start_met,
    count(*) FILTER (WHERE NOT duplicate AND (started_at > start_due_at
        OR (started_at IS NULL AND status = 'accepted' AND NOT paused AND start_due_at < now()))) AS start_missed,
    count(*) FILTER (WHERE closed_after_acceptance_at <= close_due_at) AS close_met,
    count(*) FILTER (WHERE closed_after_acceptance_at > close_due_at) AS close_missed
FROM issue_stats WHERE counted AND created_at >= :from AND created_at < :to
GROUP BY unit_id, category_id, channel, month, status;
SELECT CASE WHEN GROUPING(unit_id) = 0 THEN 'unit' WHEN GROUPING(category_id) = 0 THEN 'category'
            WHEN GROUPING(channel) = 0 THEN 'channel' WHEN GROUPING(month) = 0 THEN 'month'
            ELSE 'total' END AS dimension,
       COALESCE(unit_id::text, category_id::text, channel, month::text, '') AS key,
       CASE WHEN GROUPING(days_to_accept) = 0 THEN 'accept' ELSE 'finish' END AS measure,
       COALESCE(days_to_accept, days_to_finish) AS days, count(*) AS count
FROM issue_stats WHERE counted AND created_at >= :from AND created_at < :to AND NOT duplicate
GROUP BY GROUPING SETS (
   (unit_id, days_to_accept), (category_id, days_to_accept), (channel, days_to_accept),
   (month, days_to_accept), (days_to_accept),
   (unit_id, days_to_finish), (category_id, days_to_finish), (channel, days_to_finish),
   (month, days_to_finish), (days_to_finish));
