-- Knowledge base of procedures (R7): procedures, their versions (drafts, reviews, published
-- versions kept for the change register), review comments, attachments and search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Topics / life events residents browse by.
CREATE TABLE procedure_topics (
    slug text PRIMARY KEY,
    name_pl text NOT NULL,
    name_en text NOT NULL,
    position integer NOT NULL
);

INSERT INTO procedure_topics (slug, name_pl, name_en, position) VALUES
    ('documents-and-residence', 'Dokumenty i meldunek', 'Documents and residence', 1),
    ('family-and-children', 'Rodzina i dzieci', 'Family and children', 2),
    ('social-support', 'Pomoc społeczna i świadczenia', 'Social support and benefits', 3),
    ('work', 'Praca', 'Work', 4),
    ('housing', 'Mieszkanie', 'Housing', 5),
    ('property-and-building', 'Nieruchomości i budownictwo', 'Property and building', 6),
    ('transport-and-roads', 'Transport i drogi', 'Transport and roads', 7),
    ('environment-and-greenery', 'Środowisko i zieleń', 'Environment and greenery', 8),
    ('waste', 'Odpady', 'Waste', 9),
    ('animals', 'Zwierzęta', 'Animals', 10),
    ('contact-with-the-city', 'Kontakt z urzędem', 'Contact with the city', 11);

-- A procedure. The columns after unit_id mirror its current published version, so that
-- lists, visibility checks, feeds and search need no JSON.
CREATE TABLE procedures (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    unit_id uuid NOT NULL REFERENCES units (id),
    created_at timestamptz NOT NULL,
    -- NULL until the first publication.
    current_version integer,
    name text NOT NULL,
    short_description text NOT NULL DEFAULT '',
    internal boolean NOT NULL DEFAULT false,
    valid_from date,
    valid_until date,
    topics text[] NOT NULL DEFAULT '{}',
    first_published_at timestamptz,
    last_published_at timestamptz,
    -- Stemmed, unaccented text of the published version, weighted by section (search.rs).
    search_document tsvector
);
CREATE INDEX procedures_unit ON procedures (unit_id);
CREATE INDEX procedures_topics ON procedures USING gin (topics);
CREATE INDEX procedures_search ON procedures USING gin (search_document);
CREATE INDEX procedures_last_published ON procedures (last_published_at) WHERE current_version IS NOT NULL;

-- Every version of a procedure: an open draft (draft, in review, returned, scheduled) or a
-- published one (published, later superseded). Published versions are never changed.
CREATE TABLE procedure_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    procedure_id uuid NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    state text NOT NULL CHECK (state IN ('draft', 'in_review', 'returned', 'scheduled', 'published', 'superseded')),
    -- The version number, given on publication (1, 2, …).
    version integer,
    -- The published version a draft changes (NULL for a new procedure).
    base_version integer,
    content jsonb NOT NULL,
    change_note text NOT NULL DEFAULT '',
    -- "Data wytworzenia informacji": given, or the day the draft was submitted.
    information_produced_on date,
    created_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    submitted_at timestamptz,
    publish_at timestamptz,
    published_at timestamptz,
    published_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    -- Kept as text: the change register names the publisher even after the account is gone.
    published_by_name text,
    UNIQUE (procedure_id, version),
    CHECK ((state IN ('published', 'superseded')) = (version IS NOT NULL))
);
-- At most one open draft per procedure.
CREATE UNIQUE INDEX procedure_versions_one_open ON procedure_versions (procedure_id)
    WHERE state IN ('draft', 'in_review', 'returned', 'scheduled');
CREATE INDEX procedure_versions_review ON procedure_versions (state, updated_at)
    WHERE state IN ('in_review', 'scheduled');
CREATE INDEX procedure_versions_due ON procedure_versions (publish_at) WHERE state = 'scheduled';

-- The publisher's and editor's comments on a draft.
CREATE TABLE procedure_review_comments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    version_id uuid NOT NULL REFERENCES procedure_versions (id) ON DELETE CASCADE,
    author_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
    author_name text NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX procedure_review_comments_version ON procedure_review_comments (version_id, created_at);

-- Files of a procedure (R7.3). Versions refer to them by id from their documents.
CREATE TABLE procedure_attachments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    procedure_id uuid NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    file_name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('pdf', 'doc', 'docx', 'rtf')),
    content_type text NOT NULL,
    size_bytes integer NOT NULL,
    storage_key text NOT NULL,
    -- Digital accessibility problems found in the file (seed 001 §9.4).
    accessibility_warnings text[] NOT NULL DEFAULT '{}',
    uploaded_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX procedure_attachments_procedure ON procedure_attachments (procedure_id);

-- The stemmed words of every indexed procedure: a query word that is not among them is
-- corrected to the nearest ones by trigram similarity (typos).
CREATE TABLE procedure_search_terms (
    term text PRIMARY KEY
);
CREATE INDEX procedure_search_terms_trgm ON procedure_search_terms USING gin (term gin_trgm_ops);
