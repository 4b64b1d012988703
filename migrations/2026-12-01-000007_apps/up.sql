-- Third-party apps and their API keys (R8.3). A key is shown once; only its SHA-256 hash
-- and a short public prefix (to tell keys apart in lists and logs) are stored.
CREATE TABLE apps (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    contact_email text NOT NULL,
    scopes text[] NOT NULL DEFAULT '{}',
    rate_limit_per_minute integer NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 100000),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    disabled_at timestamptz
);

CREATE TABLE api_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    prefix text NOT NULL UNIQUE,
    secret_hash bytea NOT NULL,
    created_at timestamptz NOT NULL,
    created_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    revoked_at timestamptz,
    last_used_at timestamptz
);
CREATE INDEX api_keys_app ON api_keys (app_id, created_at);

-- The app an issue came through, when it was filed with an API key.
ALTER TABLE issues ADD COLUMN app_id uuid REFERENCES apps (id) ON DELETE SET NULL;
CREATE INDEX issues_app ON issues (app_id) WHERE app_id IS NOT NULL;
