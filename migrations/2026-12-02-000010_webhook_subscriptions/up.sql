-- Webhook subscriptions (R8.4): an app or a unit receives chosen events about public
-- issues, optionally only for some categories and units, signed with its own secret.
CREATE TABLE webhook_subscriptions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    app_id uuid REFERENCES apps (id) ON DELETE CASCADE,
    unit_id uuid REFERENCES units (id) ON DELETE CASCADE,
    url text NOT NULL CHECK (url ~ '^https?://'),
    -- The HMAC key; it must be readable to sign, and is shown to the owner only once.
    secret text NOT NULL,
    events text[] NOT NULL CHECK (cardinality(events) > 0),
    category_ids uuid[] NOT NULL DEFAULT '{}',
    unit_ids uuid[] NOT NULL DEFAULT '{}',
    created_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    disabled_at timestamptz,
    CHECK ((app_id IS NULL) <> (unit_id IS NULL))
);
-- Every recorded event looks up the active subscriptions to it.
CREATE INDEX webhook_subscriptions_events ON webhook_subscriptions USING gin (events) WHERE disabled_at IS NULL;
CREATE INDEX webhook_subscriptions_app ON webhook_subscriptions (app_id) WHERE app_id IS NOT NULL;
CREATE INDEX webhook_subscriptions_unit ON webhook_subscriptions (unit_id) WHERE unit_id IS NOT NULL;

-- Deliveries of subscriptions share the outbox of the units' webhooks; they carry the
-- subscription, the event, a delivery id the receiver can deduplicate on, and the outcome
-- of the last attempt for the delivery log.
ALTER TABLE outbox_webhooks
    ADD COLUMN subscription_id uuid REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    ADD COLUMN delivery_id uuid NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN event text,
    ADD COLUMN last_attempt_at timestamptz,
    ADD COLUMN response_status integer,
    ADD COLUMN redelivery_of uuid;
CREATE UNIQUE INDEX outbox_webhooks_delivery ON outbox_webhooks (delivery_id);
CREATE INDEX outbox_webhooks_subscription ON outbox_webhooks (subscription_id, id DESC) WHERE subscription_id IS NOT NULL;
