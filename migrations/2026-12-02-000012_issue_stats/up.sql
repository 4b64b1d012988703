-- Statistics (R10.3): one narrow row of facts per issue, recomputed by the workflow
-- whenever the issue changes (stats::facts), so that the figures of a year of a million
-- issues are aggregated from ~150-byte rows rather than from the issues table. Deadline
-- compliance is judged against the statutory deadlines as the workflow computes them
-- (pauses for information requests included); merged duplicates are left out of
-- compliance and times.
CREATE TABLE issue_stats (
    issue_id uuid PRIMARY KEY REFERENCES issues (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    -- The month of arrival in the city's time zone (its first day).
    month date NOT NULL,
    unit_id uuid NOT NULL REFERENCES units (id),
    category_id uuid NOT NULL REFERENCES categories (id),
    channel text NOT NULL,
    status text NOT NULL,
    -- Pending or approved (rejected and hidden issues are not counted).
    counted boolean NOT NULL,
    -- Approved: part of the public statistics.
    public boolean NOT NULL,
    duplicate boolean NOT NULL,
    lat double precision,
    lon double precision,
    -- Verification (accepted, or closed while new) against 3 working days from arrival.
    verified_at timestamptz,
    verify_due_at timestamptz NOT NULL,
    -- Moving to In progress against 14 working days from acceptance.
    start_due_at timestamptz,
    started_at timestamptz,
    -- Closing an accepted issue that cannot be done, against 30 days from acceptance.
    close_due_at timestamptz,
    closed_after_acceptance_at timestamptz,
    -- Waiting for the reporter's answer: deadlines stand still.
    paused boolean NOT NULL,
    finished_at timestamptz,
    -- Working days from arrival, without the days paused.
    days_to_accept integer,
    days_to_finish integer
);
CREATE INDEX issue_stats_created ON issue_stats (created_at);
CREATE INDEX issue_stats_open ON issue_stats (unit_id) WHERE finished_at IS NULL;

-- The support leaders: public issues by their number of "me too"s.
CREATE INDEX issues_support_leaders ON issues (support_count DESC, created_at DESC)
    WHERE moderation = 'approved' AND support_count > 0;
