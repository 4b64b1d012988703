CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change); this fixed-dictionary wrapper
-- is IMMUTABLE so that search vectors can be stored and indexed.
CREATE FUNCTION kontakt_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- What residents can report, and how (R1.3, R1.4, R4.2).
CREATE TABLE categories (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_pl text NOT NULL CHECK (length(name_pl) BETWEEN 1 AND 120),
    name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
    group_pl text NOT NULL,
    group_en text NOT NULL,
    description_pl text,
    description_en text,
    kind text NOT NULL DEFAULT 'problem' CHECK (kind IN ('problem', 'idea', 'traffic_proposal')),
    unit_id uuid NOT NULL REFERENCES units (id),
    delivery text NOT NULL DEFAULT 'automatic' CHECK (delivery IN ('automatic', 'via_operator')),
    location_required boolean NOT NULL DEFAULT true,
    valid_from timestamptz,
    valid_until timestamptz,
    active boolean NOT NULL DEFAULT true,
    -- The extra fields: [{key, type, required, order, label_pl, label_en, help_pl, help_en, options, min, max, max_length}].
    fields jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(fields) = 'array'),
    position integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_from < valid_until)
);

-- Per-year counters for the public numbers YYYY/NNNNNN (R1.2).
CREATE TABLE issue_counters (
    year integer PRIMARY KEY,
    last integer NOT NULL
);

-- Residents' reports.
CREATE TABLE issues (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number text NOT NULL UNIQUE CHECK (number ~ '^[0-9]{4}/[0-9]{6,}$'),
    category_id uuid NOT NULL REFERENCES categories (id),
    unit_id uuid NOT NULL REFERENCES units (id),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    -- What the public sees when a moderator redacted personal data (NULL: the original).
    public_title text,
    public_description text,
    redacted_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    redacted_at timestamptz,
    lat double precision CHECK (lat BETWEEN -90 AND 90),
    lon double precision CHECK (lon BETWEEN -180 AND 180),
    location point GENERATED ALWAYS AS (CASE WHEN lat IS NULL OR lon IS NULL THEN NULL ELSE point(lon, lat) END) STORED,
    address text,
    -- A typed address that could not be placed: an operator pins it on the map.
    needs_pinpoint boolean NOT NULL DEFAULT false,
    field_values jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(field_values) = 'object'),
    status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'in_progress', 'done', 'closed')),
    moderation text NOT NULL DEFAULT 'pending' CHECK (moderation IN ('pending', 'approved', 'rejected', 'hidden')),
    moderation_reason text,
    channel text NOT NULL CHECK (channel IN ('web', 'mobile', 'api', 'phone', 'email', 'epuap', 'letter', 'in_person')),
    -- The third-party app or staff member that filed it on someone's behalf.
    source text,
    filed_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    reporter_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
    contact_name text,
    contact_email text,
    contact_phone text,
    contact_consent_at timestamptz,
    contact_terms_version text,
    tracking_token_hash bytea UNIQUE,
    support_count integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    finished_at timestamptz,
    search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', kontakt_unaccent(coalesce(public_title, title) || ' ' || coalesce(public_description, description)))
    ) STORED,
    CHECK ((contact_email IS NULL AND contact_phone IS NULL) OR contact_consent_at IS NOT NULL)
);
-- The public map and list read approved issues by place, newest first.
CREATE INDEX issues_public_location ON issues USING gist (location) WHERE moderation = 'approved';
CREATE INDEX issues_public_created ON issues (created_at DESC, id DESC) WHERE moderation = 'approved';
CREATE INDEX issues_category_created ON issues (category_id, created_at DESC);
CREATE INDEX issues_unit_created ON issues (unit_id, created_at DESC);
CREATE INDEX issues_moderation_queue ON issues (created_at) WHERE moderation = 'pending';
CREATE INDEX issues_reporter ON issues (reporter_id, created_at DESC) WHERE reporter_id IS NOT NULL;
CREATE INDEX issues_search ON issues USING gin (search);

CREATE TABLE issue_photos (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    position integer NOT NULL,
    width integer NOT NULL,
    height integer NOT NULL,
    size_bytes integer NOT NULL,
    storage_key text NOT NULL,
    thumbnail_key text NOT NULL,
    hidden boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    UNIQUE (issue_id, position)
);

-- "Me too" (R1.6): once per account, or once per browser for anonymous visitors.
CREATE TABLE issue_supports (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
    browser_key_hash bytea,
    created_at timestamptz NOT NULL,
    CHECK ((account_id IS NULL) <> (browser_key_hash IS NULL))
);
CREATE UNIQUE INDEX issue_supports_account ON issue_supports (issue_id, account_id) WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX issue_supports_browser ON issue_supports (issue_id, browser_key_hash) WHERE browser_key_hash IS NOT NULL;

-- Everything that happens to an issue (R3.8); public events form the public timeline.
CREATE TABLE issue_events (
    id bigserial PRIMARY KEY,
    issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    kind text NOT NULL,
    public boolean NOT NULL,
    actor_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
    before jsonb,
    after jsonb,
    message text,
    created_at timestamptz NOT NULL
);
CREATE INDEX issue_events_issue ON issue_events (issue_id, id);

-- A retried POST with the same Idempotency-Key returns the first result (R1.10).
CREATE TABLE idempotency_keys (
    key text NOT NULL,
    -- Who sent it: an account id or a hash of the client address, so keys of different
    -- clients never collide.
    scope text NOT NULL,
    request_hash bytea NOT NULL,
    issue_id uuid NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    -- The first answer, returned again to a retry (it holds the tracking secret, so rows
    -- are deleted after a day).
    response jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);

-- The street register of the demo city, for typed addresses (R11.6).
CREATE TABLE streets (
    id serial PRIMARY KEY,
    name text COLLATE "pl-x-icu" NOT NULL UNIQUE,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    search text GENERATED ALWAYS AS (lower(kontakt_unaccent(name))) STORED
);
