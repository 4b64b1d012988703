//! Accounts, their email tokens and consents as stored in the database.

use actix_web::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::auth::policy::{Grant, Role};
use crate::error::AppError;
use crate::schema::{accounts, consents, email_tokens, role_grants};
use crate::secrets;
use crate::text_enum;

text_enum! {
    /// The language a person reads the service and its mail in.
    #[derive(Default)]
    pub enum Language {
        #[default]
        Pl => "pl",
        En => "en",
    }
}

text_enum! {
    /// What a single-use email token is for.
    pub enum TokenPurpose {
        VerifyEmail => "verify_email",
        ResetPassword => "reset_password",
        Invitation => "invitation",
        ChangeEmail => "change_email",
    }
}

impl TokenPurpose {
    /// How long a token of this purpose stays valid.
    pub fn lifetime(self) -> Duration {
        match self {
            Self::ResetPassword => Duration::hours(1),
            Self::VerifyEmail | Self::ChangeEmail => Duration::hours(48),
            Self::Invitation => Duration::days(7),
        }
    }
}

/// An account row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct Account {
    pub id: Uuid,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub language: Language,
    pub password_hash: Option<String>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub pending_email: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<DateTime<Utc>>,
    pub totp_last_step: Option<i64>,
    pub blocked_at: Option<DateTime<Utc>>,
    pub blocked_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A new account.
#[derive(Debug, Insertable)]
#[diesel(table_name = accounts)]
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub phone: Option<&'a str>,
    pub language: Language,
    pub password_hash: Option<&'a str>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Emails are compared case-insensitively: they are stored in lower case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Account> {
    accounts::table.find(id).select(Account::as_select()).first(conn).await
}

pub async fn find_by_email(conn: &mut AsyncPgConnection, email: &str) -> QueryResult<Option<Account>> {
    accounts::table
        .filter(accounts::email.eq(normalise_email(email)))
        .select(Account::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn insert(conn: &mut AsyncPgConnection, account: &NewAccount<'_>) -> QueryResult<Account> {
    diesel::insert_into(accounts::table)
        .values(account)
        .returning(Account::as_returning())
        .get_result(conn)
        .await
}

/// The account's roles.
pub async fn grants(conn: &mut AsyncPgConnection, account_id: Uuid) -> QueryResult<Vec<Grant>> {
    let rows: Vec<(Role, Option<Uuid>)> = role_grants::table
        .filter(role_grants::account_id.eq(account_id))
        .select((role_grants::role, role_grants::unit_id))
        .order((role_grants::role, role_grants::unit_id))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(role, unit_id)| Grant { role, unit_id })
        .collect())
}

/// Records acceptance of a terms version.
pub async fn record_consent(
    conn: &mut AsyncPgConnection,
    account_id: Uuid,
    terms_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(consents::table)
        .values((
            consents::account_id.eq(account_id),
            consents::terms_version_id.eq(terms_id),
            consents::accepted_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Creates a single-use token for `purpose`, sent to `email`; returns the secret.
pub async fn create_email_token(
    conn: &mut AsyncPgConnection,
    account_id: Uuid,
    purpose: TokenPurpose,
    email: &str,
    now: DateTime<Utc>,
) -> QueryResult<String> {
    let (token, hash) = secrets::new_token();
    diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::account_id.eq(account_id),
            email_tokens::purpose.eq(purpose),
            email_tokens::token_hash.eq(hash),
            email_tokens::email.eq(email),
            email_tokens::created_at.eq(now),
            email_tokens::expires_at.eq(now + purpose.lifetime()),
        ))
        .execute(conn)
        .await?;
    Ok(token)
}

/// A consumed email token: whose it was and the address it was sent to.
pub struct UsedToken {
    pub account_id: Uuid,
    pub email: String,
}

/// Uses a token once. Unknown, expired, used or wrong-purpose tokens are all the same 400.
pub async fn consume_email_token(
    conn: &mut AsyncPgConnection,
    token: &str,
    purpose: TokenPurpose,
    now: DateTime<Utc>,
) -> Result<UsedToken, AppError> {
    let used: Option<(Uuid, String)> = diesel::update(email_tokens::table)
        .filter(email_tokens::token_hash.eq(secrets::hash(token)))
        .filter(email_tokens::purpose.eq(purpose))
        .filter(email_tokens::used_at.is_null())
        .filter(email_tokens::expires_at.gt(now))
        .set(email_tokens::used_at.eq(now))
        .returning((email_tokens::account_id, email_tokens::email))
        .get_result(conn)
        .await
        .optional()?;
    let (account_id, email) = used.ok_or_else(|| {
        AppError::client(
            StatusCode::BAD_REQUEST,
            "invalid_token",
            "This link is invalid, expired or already used.",
        )
    })?;
    // Other outstanding tokens of the same purpose die with it.
    diesel::update(email_tokens::table)
        .filter(email_tokens::account_id.eq(account_id))
        .filter(email_tokens::purpose.eq(purpose))
        .filter(email_tokens::used_at.is_null())
        .set(email_tokens::used_at.eq(now))
        .execute(conn)
        .await?;
    Ok(UsedToken { account_id, email })
}
