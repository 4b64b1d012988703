DROP TABLE job_runs;
DROP TABLE outbox_webhooks;
ALTER TABLE units DROP COLUMN webhook_url;
DROP INDEX outbox_emails_issue;
ALTER TABLE outbox_emails DROP COLUMN issue_id, DROP COLUMN reply_to;
ALTER TABLE accounts DROP COLUMN new_issue_mail;
DROP TABLE issue_followers;
DROP TABLE response_templates;
DROP TABLE information_requests;
ALTER TABLE issues
    DROP COLUMN close_reason, DROP COLUMN accepted_at, DROP COLUMN merged_into, DROP COLUMN awaiting_dispatch,
    DROP COLUMN deadline_kind, DROP COLUMN deadline_at, DROP COLUMN deadline_paused, DROP COLUMN reminded_for,
    DROP COLUMN overdue_noticed_for, DROP COLUMN anonymised_at, DROP COLUMN reporter_language;
