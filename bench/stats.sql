-- The aggregation behind GET /api/v1/stats (api/src/stats/figures.rs) over all issues of
-- :from–:to, for EXPLAIN ANALYZE in bench/run.sh: one parallel pass grouped down to the days
-- taken, from which the server sums every breakdown and reads medians.
SELECT unit_id, category_id, channel, month, status, days_to_accept, days_to_finish,
    count(*) AS filed, count(*) FILTER (WHERE NOT duplicate) AS measured,
    count(*) FILTER (WHERE NOT duplicate AND verified_at <= verify_due_at) AS verify_met,
    count(*) FILTER (WHERE NOT duplicate AND (verified_at > verify_due_at
        OR (verified_at IS NULL AND finished_at IS NULL AND NOT paused AND verify_due_at < now()))) AS verify_missed,
    count(*) FILTER (WHERE NOT duplicate AND started_at <= start_due_at) AS start_met,
    count(*) FILTER (WHERE NOT duplicate AND (started_at > start_due_at
        OR (started_at IS NULL AND status = 'accepted' AND NOT paused AND start_due_at < now()))) AS start_missed,
    count(*) FILTER (WHERE closed_after_acceptance_at <= close_due_at) AS close_met,
    count(*) FILTER (WHERE closed_after_acceptance_at > close_due_at) AS close_missed
FROM issue_stats WHERE counted AND created_at >= :from AND created_at < :to
GROUP BY unit_id, category_id, channel, month, status, days_to_accept, days_to_finish;
