-- Updates posted by apps through Open311 (mySociety's POST servicerequestupdates): the
-- app's own update_id is unique per app, so a repeated post is recognised and answered
-- with the update recorded the first time.
CREATE TABLE app_updates (
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    update_id text NOT NULL,
    issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    event_id bigint NOT NULL REFERENCES issue_events (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (app_id, update_id)
);
CREATE INDEX app_updates_issue ON app_updates (issue_id);
