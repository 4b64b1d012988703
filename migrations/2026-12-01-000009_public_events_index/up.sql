-- Open311 `servicerequestupdates` reads the public history by date across all issues.
CREATE INDEX issue_events_public_created ON issue_events (created_at, id) WHERE public;
