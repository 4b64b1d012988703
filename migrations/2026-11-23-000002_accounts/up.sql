-- Versioned terms of service (R5.7); the current version is the latest one published.
CREATE TABLE terms_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    version text NOT NULL UNIQUE CHECK (version ~ '^[0-9]+(\.[0-9]+)*$'),
    published_at timestamptz NOT NULL,
    body_pl text NOT NULL,
    body_en text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX terms_versions_published_at ON terms_versions (published_at DESC);

-- People with an account: residents and staff.
CREATE TABLE accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    phone text CHECK (length(phone) <= 32),
    language text NOT NULL DEFAULT 'pl' CHECK (language IN ('pl', 'en')),
    -- NULL for invited staff until they accept the invitation.
    password_hash text,
    email_verified_at timestamptz,
    -- An email change waits here until the new address is verified.
    pending_email text CHECK (pending_email = lower(pending_email)),
    totp_secret text,
    totp_enabled_at timestamptz,
    -- The last accepted TOTP time step, so a code is accepted once (RFC 6238 §5.2).
    totp_last_step bigint,
    blocked_at timestamptz,
    blocked_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
CREATE INDEX accounts_name_search ON accounts (lower(last_name), lower(first_name));

-- Roles granted to accounts; operators and procedure editors are scoped to a unit.
-- Every account is a resident; that role is implicit and never stored.
CREATE TABLE role_grants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('operator', 'moderator', 'contact_centre', 'procedure_editor', 'kb_publisher', 'admin')),
    unit_id uuid REFERENCES units (id) ON DELETE CASCADE,
    granted_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((role IN ('operator', 'procedure_editor')) = (unit_id IS NOT NULL))
);
CREATE UNIQUE INDEX role_grants_unique ON role_grants (account_id, role, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'));

-- Accepted terms versions (the record of consent).
CREATE TABLE consents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    terms_version_id uuid NOT NULL REFERENCES terms_versions (id),
    accepted_at timestamptz NOT NULL
);
CREATE INDEX consents_account ON consents (account_id);

-- Single-use secrets sent by email: verification, password reset, invitation, email change.
CREATE TABLE email_tokens (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'invitation', 'change_email')),
    token_hash bytea NOT NULL UNIQUE,
    email text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
);
CREATE INDEX email_tokens_account ON email_tokens (account_id);

-- A login session: the family of rotating refresh tokens issued from one login.
CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_reason text,
    user_agent text
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE refresh_tokens (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    -- Set when the token was exchanged; presenting it again is reuse.
    rotated_at timestamptz
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE recovery_codes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash bytea NOT NULL,
    used_at timestamptz
);
CREATE INDEX recovery_codes_account ON recovery_codes (account_id);

-- Sliding-window counters for brute-force protection, shared by all server instances.
CREATE TABLE throttle_hits (
    id bigserial PRIMARY KEY,
    bucket text NOT NULL,
    hit_at timestamptz NOT NULL
);
CREATE INDEX throttle_hits_bucket ON throttle_hits (bucket, hit_at);

-- Mail waiting to be sent (R9.1): written in the same transaction as the change that
-- causes it, delivered by the outbox job, retried with backoff.
CREATE TABLE outbox_emails (
    id bigserial PRIMARY KEY,
    recipient text NOT NULL,
    subject text NOT NULL,
    body_text text NOT NULL,
    created_at timestamptz NOT NULL,
    send_after timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    claimed_until timestamptz,
    sent_at timestamptz,
    -- Set when delivery is given up (an address the server refuses for good).
    failed_at timestamptz
);
CREATE INDEX outbox_emails_due ON outbox_emails (send_after) WHERE sent_at IS NULL AND failed_at IS NULL;

-- Messages from the city: private (recipient set) or announcements to all residents.
CREATE TABLE messages (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
    sender_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
    subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at timestamptz NOT NULL
);
CREATE INDEX messages_recipient ON messages (recipient_id, created_at DESC);

CREATE TABLE message_reads (
    message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    read_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, account_id)
);

-- Every staff read of a person's contact data (R6.3).
CREATE TABLE personal_data_access (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    staff_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
    subject_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
    context text NOT NULL,
    accessed_at timestamptz NOT NULL
);
CREATE INDEX personal_data_access_time ON personal_data_access (accessed_at DESC);
