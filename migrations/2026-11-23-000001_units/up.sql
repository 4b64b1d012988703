-- Organisational units of the city: city-hall departments and municipal bodies.
CREATE TABLE units (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    -- Polish collation so that lists sort as Polish readers expect (Ł after L, not after Z).
    name text COLLATE "pl-x-icu" NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    short_name text CHECK (length(short_name) BETWEEN 1 AND 40),
    kind text NOT NULL CHECK (kind IN ('department', 'municipal_body')),
    address text,
    email text,
    phone text,
    website text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
