// @generated automatically by Diesel CLI.

pub mod sql_types {
    #[derive(diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "point", schema = "pg_catalog"))]
    pub struct Point;

    #[derive(diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "tsvector", schema = "pg_catalog"))]
    pub struct Tsvector;
}

diesel::table! {
    accounts (id) {
        id -> Uuid,
        email -> Text,
        first_name -> Text,
        last_name -> Text,
        phone -> Nullable<Text>,
        language -> Text,
        password_hash -> Nullable<Text>,
        email_verified_at -> Nullable<Timestamptz>,
        pending_email -> Nullable<Text>,
        totp_secret -> Nullable<Text>,
        totp_enabled_at -> Nullable<Timestamptz>,
        totp_last_step -> Nullable<Int8>,
        blocked_at -> Nullable<Timestamptz>,
        blocked_reason -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        new_issue_mail -> Text,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Uuid,
        app_id -> Uuid,
        prefix -> Text,
        secret_hash -> Bytea,
        created_at -> Timestamptz,
        created_by -> Nullable<Uuid>,
        revoked_at -> Nullable<Timestamptz>,
        last_used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    app_updates (app_id, update_id) {
        app_id -> Uuid,
        update_id -> Text,
        issue_id -> Uuid,
        event_id -> Int8,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    apps (id) {
        id -> Uuid,
        name -> Text,
        contact_email -> Text,
        scopes -> Array<Text>,
        rate_limit_per_minute -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        disabled_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    categories (id) {
        id -> Uuid,
        slug -> Text,
        name_pl -> Text,
        name_en -> Text,
        group_pl -> Text,
        group_en -> Text,
        description_pl -> Nullable<Text>,
        description_en -> Nullable<Text>,
        kind -> Text,
        unit_id -> Uuid,
        delivery -> Text,
        location_required -> Bool,
        valid_from -> Nullable<Timestamptz>,
        valid_until -> Nullable<Timestamptz>,
        active -> Bool,
        fields -> Jsonb,
        position -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    consents (id) {
        id -> Uuid,
        account_id -> Uuid,
        terms_version_id -> Uuid,
        accepted_at -> Timestamptz,
    }
}

diesel::table! {
    email_tokens (id) {
        id -> Uuid,
        account_id -> Uuid,
        purpose -> Text,
        token_hash -> Bytea,
        email -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    idempotency_keys (scope, key) {
        key -> Text,
        scope -> Text,
        request_hash -> Bytea,
        issue_id -> Uuid,
        response -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    information_requests (id) {
        id -> Uuid,
        issue_id -> Uuid,
        message -> Text,
        asked_by -> Nullable<Uuid>,
        asked_at -> Timestamptz,
        due_at -> Timestamptz,
        reply_token_hash -> Bytea,
        answer -> Nullable<Text>,
        answered_at -> Nullable<Timestamptz>,
        answered_via -> Nullable<Text>,
        expired_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    issue_counters (year) {
        year -> Int4,
        last -> Int4,
    }
}

diesel::table! {
    issue_events (id) {
        id -> Int8,
        issue_id -> Uuid,
        kind -> Text,
        public -> Bool,
        actor_id -> Nullable<Uuid>,
        before -> Nullable<Jsonb>,
        after -> Nullable<Jsonb>,
        message -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    issue_followers (id) {
        id -> Uuid,
        issue_id -> Uuid,
        account_id -> Nullable<Uuid>,
        email -> Nullable<Text>,
        language -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    issue_photos (id) {
        id -> Uuid,
        issue_id -> Uuid,
        position -> Int4,
        width -> Int4,
        height -> Int4,
        size_bytes -> Int4,
        storage_key -> Text,
        thumbnail_key -> Text,
        hidden -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    issue_supports (id) {
        id -> Uuid,
        issue_id -> Uuid,
        account_id -> Nullable<Uuid>,
        browser_key_hash -> Nullable<Bytea>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    issue_stats (issue_id) {
        issue_id -> Uuid,
        created_at -> Timestamptz,
        month -> Date,
        unit_id -> Uuid,
        category_id -> Uuid,
        channel -> Text,
        status -> Text,
        counted -> Bool,
        public -> Bool,
        duplicate -> Bool,
        lat -> Nullable<Float8>,
        lon -> Nullable<Float8>,
        verified_at -> Nullable<Timestamptz>,
        verify_due_at -> Timestamptz,
        start_due_at -> Nullable<Timestamptz>,
        started_at -> Nullable<Timestamptz>,
        close_due_at -> Nullable<Timestamptz>,
        closed_after_acceptance_at -> Nullable<Timestamptz>,
        paused -> Bool,
        finished_at -> Nullable<Timestamptz>,
        days_to_accept -> Nullable<Int4>,
        days_to_finish -> Nullable<Int4>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Point;
    use super::sql_types::Tsvector;

    issues (id) {
        id -> Uuid,
        number -> Text,
        category_id -> Uuid,
        unit_id -> Uuid,
        title -> Text,
        description -> Text,
        public_title -> Nullable<Text>,
        public_description -> Nullable<Text>,
        redacted_by -> Nullable<Uuid>,
        redacted_at -> Nullable<Timestamptz>,
        lat -> Nullable<Float8>,
        lon -> Nullable<Float8>,
        location -> Nullable<Point>,
        address -> Nullable<Text>,
        needs_pinpoint -> Bool,
        field_values -> Jsonb,
        status -> Text,
        moderation -> Text,
        moderation_reason -> Nullable<Text>,
        channel -> Text,
        source -> Nullable<Text>,
        filed_by -> Nullable<Uuid>,
        reporter_id -> Nullable<Uuid>,
        contact_name -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        contact_phone -> Nullable<Text>,
        contact_consent_at -> Nullable<Timestamptz>,
        contact_terms_version -> Nullable<Text>,
        tracking_token_hash -> Nullable<Bytea>,
        support_count -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        finished_at -> Nullable<Timestamptz>,
        search -> Nullable<Tsvector>,
        close_reason -> Nullable<Text>,
        accepted_at -> Nullable<Timestamptz>,
        merged_into -> Nullable<Uuid>,
        awaiting_dispatch -> Bool,
        deadline_kind -> Nullable<Text>,
        deadline_at -> Nullable<Timestamptz>,
        deadline_paused -> Bool,
        reminded_for -> Nullable<Timestamptz>,
        overdue_noticed_for -> Nullable<Timestamptz>,
        anonymised_at -> Nullable<Timestamptz>,
        reporter_language -> Text,
        app_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    job_runs (job, slot) {
        job -> Text,
        slot -> Text,
        instance -> Text,
        ran_at -> Timestamptz,
    }
}

diesel::table! {
    message_reads (message_id, account_id) {
        message_id -> Uuid,
        account_id -> Uuid,
        read_at -> Timestamptz,
    }
}

diesel::table! {
    messages (id) {
        id -> Uuid,
        recipient_id -> Nullable<Uuid>,
        sender_id -> Nullable<Uuid>,
        subject -> Text,
        body -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    outbox_emails (id) {
        id -> Int8,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        created_at -> Timestamptz,
        send_after -> Timestamptz,
        attempts -> Int4,
        last_error -> Nullable<Text>,
        claimed_until -> Nullable<Timestamptz>,
        sent_at -> Nullable<Timestamptz>,
        failed_at -> Nullable<Timestamptz>,
        issue_id -> Nullable<Uuid>,
        reply_to -> Nullable<Text>,
    }
}

diesel::table! {
    outbox_webhooks (id) {
        id -> Int8,
        url -> Text,
        payload -> Jsonb,
        issue_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        send_after -> Timestamptz,
        attempts -> Int4,
        last_error -> Nullable<Text>,
        claimed_until -> Nullable<Timestamptz>,
        sent_at -> Nullable<Timestamptz>,
        failed_at -> Nullable<Timestamptz>,
        subscription_id -> Nullable<Uuid>,
        delivery_id -> Uuid,
        event -> Nullable<Text>,
        last_attempt_at -> Nullable<Timestamptz>,
        response_status -> Nullable<Int4>,
        redelivery_of -> Nullable<Uuid>,
    }
}

diesel::table! {
    personal_data_access (id) {
        id -> Uuid,
        staff_id -> Nullable<Uuid>,
        subject_account_id -> Nullable<Uuid>,
        context -> Text,
        accessed_at -> Timestamptz,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> Uuid,
        account_id -> Uuid,
        code_hash -> Bytea,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        session_id -> Uuid,
        token_hash -> Bytea,
        created_at -> Timestamptz,
        rotated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    response_templates (id) {
        id -> Uuid,
        category_id -> Nullable<Uuid>,
        status -> Text,
        name -> Text,
        body -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    role_grants (id) {
        id -> Uuid,
        account_id -> Uuid,
        role -> Text,
        unit_id -> Nullable<Uuid>,
        granted_by -> Nullable<Uuid>,
        granted_at -> Timestamptz,
    }
}

diesel::table! {
    sessions (id) {
        id -> Uuid,
        account_id -> Uuid,
        created_at -> Timestamptz,
        last_used_at -> Timestamptz,
        expires_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
        revoked_reason -> Nullable<Text>,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    streets (id) {
        id -> Int4,
        name -> Text,
        lat -> Float8,
        lon -> Float8,
        search -> Nullable<Text>,
    }
}

diesel::table! {
    terms_versions (id) {
        id -> Uuid,
        version -> Text,
        published_at -> Timestamptz,
        body_pl -> Text,
        body_en -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    throttle_hits (id) {
        id -> Int8,
        bucket -> Text,
        hit_at -> Timestamptz,
    }
}

diesel::table! {
    units (id) {
        id -> Uuid,
        slug -> Text,
        name -> Text,
        short_name -> Nullable<Text>,
        kind -> Text,
        address -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        website -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        webhook_url -> Nullable<Text>,
    }
}

diesel::table! {
    procedure_topics (slug) {
        slug -> Text,
        name_pl -> Text,
        name_en -> Text,
        position -> Int4,
    }
}

diesel::table! {
    procedures (id) {
        id -> Uuid,
        unit_id -> Uuid,
        created_at -> Timestamptz,
        current_version -> Nullable<Int4>,
        name -> Text,
        short_description -> Text,
        internal -> Bool,
        valid_from -> Nullable<Date>,
        valid_until -> Nullable<Date>,
        topics -> Array<Text>,
        first_published_at -> Nullable<Timestamptz>,
        last_published_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    procedure_versions (id) {
        id -> Uuid,
        procedure_id -> Uuid,
        state -> Text,
        version -> Nullable<Int4>,
        base_version -> Nullable<Int4>,
        content -> Jsonb,
        change_note -> Text,
        information_produced_on -> Nullable<Date>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        submitted_at -> Nullable<Timestamptz>,
        publish_at -> Nullable<Timestamptz>,
        published_at -> Nullable<Timestamptz>,
        published_by -> Nullable<Uuid>,
        published_by_name -> Nullable<Text>,
    }
}

diesel::table! {
    procedure_review_comments (id) {
        id -> Uuid,
        version_id -> Uuid,
        author_id -> Nullable<Uuid>,
        author_name -> Text,
        body -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    procedure_attachments (id) {
        id -> Uuid,
        procedure_id -> Uuid,
        file_name -> Text,
        kind -> Text,
        content_type -> Text,
        size_bytes -> Int4,
        storage_key -> Text,
        accessibility_warnings -> Array<Text>,
        uploaded_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    procedure_search_terms (term) {
        term -> Text,
    }
}

diesel::table! {
    webhook_subscriptions (id) {
        id -> Uuid,
        app_id -> Nullable<Uuid>,
        unit_id -> Nullable<Uuid>,
        url -> Text,
        secret -> Text,
        events -> Array<Text>,
        category_ids -> Array<Uuid>,
        unit_ids -> Array<Uuid>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        disabled_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(categories -> units (unit_id));
diesel::joinable!(procedures -> units (unit_id));
diesel::joinable!(procedure_versions -> procedures (procedure_id));
diesel::joinable!(procedure_attachments -> procedures (procedure_id));
diesel::joinable!(procedure_review_comments -> procedure_versions (version_id));
diesel::joinable!(consents -> accounts (account_id));
diesel::joinable!(consents -> terms_versions (terms_version_id));
diesel::joinable!(email_tokens -> accounts (account_id));
diesel::joinable!(idempotency_keys -> issues (issue_id));
diesel::joinable!(information_requests -> accounts (asked_by));
diesel::joinable!(information_requests -> issues (issue_id));
diesel::joinable!(issue_events -> accounts (actor_id));
diesel::joinable!(issue_events -> issues (issue_id));
diesel::joinable!(issue_followers -> accounts (account_id));
diesel::joinable!(issue_followers -> issues (issue_id));
diesel::joinable!(issue_photos -> issues (issue_id));
diesel::joinable!(issue_supports -> accounts (account_id));
diesel::joinable!(issue_supports -> issues (issue_id));
diesel::joinable!(api_keys -> apps (app_id));
diesel::joinable!(app_updates -> apps (app_id));
diesel::joinable!(app_updates -> issues (issue_id));
diesel::joinable!(issue_stats -> issues (issue_id));
diesel::joinable!(issue_stats -> units (unit_id));
diesel::joinable!(issue_stats -> categories (category_id));
diesel::joinable!(issues -> categories (category_id));
diesel::joinable!(issues -> apps (app_id));
diesel::joinable!(issues -> units (unit_id));
diesel::joinable!(message_reads -> accounts (account_id));
diesel::joinable!(message_reads -> messages (message_id));
diesel::joinable!(recovery_codes -> accounts (account_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(outbox_emails -> issues (issue_id));
diesel::joinable!(outbox_webhooks -> issues (issue_id));
diesel::joinable!(outbox_webhooks -> webhook_subscriptions (subscription_id));
diesel::joinable!(response_templates -> categories (category_id));
diesel::joinable!(role_grants -> units (unit_id));
diesel::joinable!(sessions -> accounts (account_id));
diesel::joinable!(webhook_subscriptions -> apps (app_id));
diesel::joinable!(webhook_subscriptions -> units (unit_id));

diesel::allow_tables_to_appear_in_same_query!(
    accounts,
    api_keys,
    app_updates,
    apps,
    categories,
    consents,
    email_tokens,
    idempotency_keys,
    information_requests,
    issue_counters,
    issue_events,
    issue_followers,
    issue_photos,
    issue_stats,
    issue_supports,
    issues,
    job_runs,
    message_reads,
    messages,
    outbox_emails,
    outbox_webhooks,
    personal_data_access,
    procedure_attachments,
    procedure_review_comments,
    procedure_search_terms,
    procedure_topics,
    procedure_versions,
    procedures,
    recovery_codes,
    refresh_tokens,
    response_templates,
    role_grants,
    sessions,
    streets,
    terms_versions,
    throttle_hits,
    units,
    webhook_subscriptions,
);
