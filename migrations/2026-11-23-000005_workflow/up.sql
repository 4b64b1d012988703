-- The operator workflow (R3, R4.2–R4.3, R9, R10.4, R6.1).

ALTER TABLE issues
    ADD COLUMN close_reason text CHECK (close_reason IN ('not_feasible', 'unfounded', 'duplicate', 'outside_competence', 'without_consideration')),
    ADD COLUMN accepted_at timestamptz,
    -- A duplicate points to the issue it was merged into.
    ADD COLUMN merged_into uuid REFERENCES issues (id),
    -- Via-operator categories: waits in the contact centre's queue until forwarded to a unit.
    ADD COLUMN awaiting_dispatch boolean NOT NULL DEFAULT false,
    -- The current deadline (workflow::deadlines), kept here so that queues sort and filter by it.
    ADD COLUMN deadline_kind text CHECK (deadline_kind IN ('verify', 'start_work', 'finish')),
    ADD COLUMN deadline_at timestamptz,
    ADD COLUMN deadline_paused boolean NOT NULL DEFAULT false,
    -- The deadline a reminder, and an overdue notice, were last sent for (each is sent once per deadline).
    ADD COLUMN reminded_for timestamptz,
    ADD COLUMN overdue_noticed_for timestamptz,
    ADD COLUMN anonymised_at timestamptz,
    -- The language the reporter wrote in, for the mail they get about the issue.
    ADD COLUMN reporter_language text NOT NULL DEFAULT 'pl' CHECK (reporter_language IN ('pl', 'en'));

-- Issues closed before reasons were recorded get the most neutral one.
UPDATE issues SET close_reason = 'unfounded' WHERE status = 'closed' AND close_reason IS NULL;
ALTER TABLE issues ADD CHECK ((status = 'closed') = (close_reason IS NOT NULL));

CREATE INDEX issues_unit_deadline ON issues (unit_id, deadline_at);
CREATE INDEX issues_running_deadlines ON issues (deadline_at) WHERE deadline_at IS NOT NULL AND NOT deadline_paused;
CREATE INDEX issues_to_anonymise ON issues (created_at) WHERE anonymised_at IS NULL;
CREATE INDEX issues_dispatch_queue ON issues (created_at) WHERE awaiting_dispatch;

-- An operator asks the reporter for information (R3.5); deadlines stand still meanwhile.
CREATE TABLE information_requests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    message text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
    asked_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    asked_at timestamptz NOT NULL,
    -- Without an answer by then the issue is closed without consideration.
    due_at timestamptz NOT NULL,
    -- The secret in the reply-to address of the request's email.
    reply_token_hash bytea NOT NULL UNIQUE,
    -- Removed when the issue is anonymised (R6.1).
    answer text CHECK (length(answer) BETWEEN 1 AND 10000),
    answered_at timestamptz,
    answered_via text CHECK (answered_via IN ('tracking', 'account', 'email')),
    expired_at timestamptz,
    CHECK (answered_at IS NULL OR expired_at IS NULL)
);
CREATE UNIQUE INDEX information_requests_open ON information_requests (issue_id) WHERE answered_at IS NULL AND expired_at IS NULL;
CREATE INDEX information_requests_due ON information_requests (due_at) WHERE answered_at IS NULL AND expired_at IS NULL;
CREATE INDEX information_requests_issue ON information_requests (issue_id, asked_at);

-- Response templates (R10.4) per category (NULL: every category) and status; `received` is
-- the automatic first response on arrival.
CREATE TABLE response_templates (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    category_id uuid REFERENCES categories (id) ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN ('received', 'accepted', 'in_progress', 'done', 'closed')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX response_templates_lookup ON response_templates (status, category_id);

-- People told about an issue besides its reporter: the reporters of duplicates merged into it.
CREATE TABLE issue_followers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
    email text,
    language text NOT NULL DEFAULT 'pl' CHECK (language IN ('pl', 'en')),
    created_at timestamptz NOT NULL,
    CHECK ((account_id IS NULL) <> (email IS NULL))
);
CREATE UNIQUE INDEX issue_followers_account ON issue_followers (issue_id, account_id) WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX issue_followers_email ON issue_followers (issue_id, email) WHERE email IS NOT NULL;

-- Staff choose how they hear of new issues in their queue (R9.2).
ALTER TABLE accounts
    ADD COLUMN new_issue_mail text NOT NULL DEFAULT 'immediate' CHECK (new_issue_mail IN ('off', 'immediate', 'digest'));

-- Mail about an issue is anonymised with it (R6.1).
ALTER TABLE outbox_emails
    ADD COLUMN issue_id uuid REFERENCES issues (id) ON DELETE SET NULL,
    ADD COLUMN reply_to text;
CREATE INDEX outbox_emails_issue ON outbox_emails (issue_id) WHERE issue_id IS NOT NULL;

-- Units may also take their issues at a webhook (R4.2): signed JSON POSTs, delivered and
-- retried like mail.
ALTER TABLE units ADD COLUMN webhook_url text CHECK (webhook_url ~ '^https?://');
CREATE TABLE outbox_webhooks (
    id bigserial PRIMARY KEY,
    url text NOT NULL,
    payload jsonb NOT NULL,
    issue_id uuid REFERENCES issues (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    send_after timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    claimed_until timestamptz,
    sent_at timestamptz,
    failed_at timestamptz
);
CREATE INDEX outbox_webhooks_due ON outbox_webhooks (send_after) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_webhooks_issue ON outbox_webhooks (issue_id) WHERE issue_id IS NOT NULL;

-- Periodic jobs claim each run (a job and its slot, e.g. a day) once across all instances.
CREATE TABLE job_runs (
    job text NOT NULL,
    slot text NOT NULL,
    instance text NOT NULL,
    ran_at timestamptz NOT NULL,
    PRIMARY KEY (job, slot)
);
