// @generated automatically by Diesel CLI.

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
    }
}

diesel::joinable!(consents -> accounts (account_id));
diesel::joinable!(consents -> terms_versions (terms_version_id));
diesel::joinable!(email_tokens -> accounts (account_id));
diesel::joinable!(message_reads -> accounts (account_id));
diesel::joinable!(message_reads -> messages (message_id));
diesel::joinable!(recovery_codes -> accounts (account_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(role_grants -> units (unit_id));
diesel::joinable!(sessions -> accounts (account_id));

diesel::allow_tables_to_appear_in_same_query!(
    accounts,
    consents,
    email_tokens,
    message_reads,
    messages,
    outbox_emails,
    personal_data_access,
    recovery_codes,
    refresh_tokens,
    role_grants,
    sessions,
    terms_versions,
    throttle_hits,
    units,
);
