DROP TABLE streets, idempotency_keys, issue_events, issue_supports, issue_photos, issues, issue_counters, categories;
DROP FUNCTION kontakt_unaccent(text);
