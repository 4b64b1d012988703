DROP TABLE personal_data_access, message_reads, messages, outbox_emails, throttle_hits, recovery_codes,
    refresh_tokens, sessions, email_tokens, consents, role_grants, accounts, terms_versions;
