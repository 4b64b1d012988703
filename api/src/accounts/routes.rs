//! Self-service: one's own profile, password, data export and account deletion.

use actix_web::http::StatusCode;
use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use minijinja::context;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::model::{self, Account, Language, TokenPurpose};
use crate::app::AppState;
use crate::auth::password;
use crate::auth::policy::{Grant, Principal};
use crate::auth::routes::require_password;
use crate::auth::session;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::Json;
use crate::notify::{link, queue_email};
use crate::schema::{
    accounts, consents, message_reads, messages, outbox_emails, personal_data_access, sessions, terms_versions,
};
use crate::validation::Validator;

/// One's own account.
#[derive(Debug, Serialize, ToSchema)]
pub struct Profile {
    pub id: Uuid,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub language: Language,
    pub email_verified: bool,
    /// A new address waiting for verification.
    pub pending_email: Option<String>,
    pub totp_enabled: bool,
    /// Staff roles (empty for residents).
    pub roles: Vec<Grant>,
    pub created_at: DateTime<Utc>,
}

impl Profile {
    pub fn new(account: Account, roles: Vec<Grant>) -> Self {
        Self {
            id: account.id,
            email_verified: account.email_verified_at.is_some(),
            totp_enabled: account.totp_enabled_at.is_some(),
            email: account.email,
            first_name: account.first_name,
            last_name: account.last_name,
            phone: account.phone,
            language: account.language,
            pending_email: account.pending_email,
            roles,
            created_at: account.created_at,
        }
    }
}

/// Reads one's own profile and roles.
#[utoipa::path(
    tag = "accounts",
    operation_id = "get_me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The profile", body = Profile),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/accounts/me")]
pub async fn get_me(state: web::Data<AppState>, principal: Principal) -> AppResult<web::Json<Profile>> {
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, principal.account_id).await?;
    Ok(web::Json(Profile::new(account, principal.grants)))
}

/// Changes to one's profile; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileUpdate {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// An empty string removes the phone number.
    pub phone: Option<String>,
    pub language: Option<Language>,
    /// A new login address: takes effect once verified through the link mailed to it.
    pub email: Option<String>,
}

/// Updates one's profile. A new email address is only used after it is verified.
#[utoipa::path(
    tag = "accounts",
    operation_id = "update_me",
    security(("bearer" = [])),
    request_body = ProfileUpdate,
    responses(
        (status = 200, description = "The updated profile", body = Profile),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/accounts/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<ProfileUpdate>,
) -> AppResult<web::Json<Profile>> {
    let mut v = Validator::new();
    let first_name = body
        .first_name
        .as_deref()
        .map(|value| v.text("first_name", value, 1, 100));
    let last_name = body
        .last_name
        .as_deref()
        .map(|value| v.text("last_name", value, 1, 100));
    let phone = body.phone.as_deref().map(|value| v.phone("phone", Some(value)));
    let email = body.email.as_deref().map(|value| v.email("email", value));
    v.finish()?;
    let now = state.clock.now();
    let state = state.get_ref();
    let mut conn = state.pool.get().await?;
    let language = body.language;
    let account = conn
        .transaction::<_, AppError, _>(async move |conn| {
            let id = principal.account_id;
            let current = model::find(conn, id).await?;
            diesel::update(accounts::table.find(id))
                .set((
                    accounts::first_name.eq(first_name.unwrap_or(current.first_name.clone())),
                    accounts::last_name.eq(last_name.unwrap_or(current.last_name.clone())),
                    accounts::phone.eq(phone.unwrap_or(current.phone.clone())),
                    accounts::language.eq(language.unwrap_or(current.language)),
                    accounts::updated_at.eq(now),
                ))
                .execute(conn)
                .await?;
            if let Some(email) = email.filter(|email| *email != current.email) {
                if model::find_by_email(conn, &email).await?.is_some() {
                    return Err(AppError::validation(vec![crate::error::FieldError::new(
                        "email",
                        "email_taken",
                        "Another account uses this address.",
                    )]));
                }
                diesel::update(accounts::table.find(id))
                    .set(accounts::pending_email.eq(&email))
                    .execute(conn)
                    .await?;
                let token = model::create_email_token(conn, id, TokenPurpose::ChangeEmail, &email, now).await?;
                let context = context! {
                    first_name => &current.first_name,
                    new_email => &email,
                    link => link(state, &format!("/confirm-email?token={token}")),
                    valid_hours => TokenPurpose::ChangeEmail.lifetime().num_hours(),
                };
                queue_email(conn, state, "change_email", current.language, &email, context).await?;
            }
            Ok(model::find(conn, id).await?)
        })
        .await?;
    Ok(web::Json(Profile::new(account, principal.grants.clone())))
}

/// The token from the mail sent to a new address.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EmailChangeConfirmation {
    pub token: String,
}

/// Confirms a new email address with the token mailed to it; it becomes the login.
#[utoipa::path(
    tag = "accounts",
    operation_id = "confirm_email_change",
    request_body = EmailChangeConfirmation,
    responses(
        (status = 204, description = "The new address is now the login"),
        (status = 400, description = "Invalid, expired or used token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another account took the address meanwhile", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/email-change/confirm")]
pub async fn confirm_email_change(
    state: web::Data<AppState>,
    body: Json<EmailChangeConfirmation>,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        let used = model::consume_email_token(conn, &body.token, TokenPurpose::ChangeEmail, now).await?;
        if model::find_by_email(conn, &used.email).await?.is_some() {
            return Err(AppError::client(
                StatusCode::CONFLICT,
                "email_taken",
                "Another account uses this address.",
            ));
        }
        diesel::update(
            accounts::table
                .find(used.account_id)
                .filter(accounts::pending_email.eq(&used.email)),
        )
        .set((
            accounts::email.eq(&used.email),
            accounts::pending_email.eq(None::<String>),
            accounts::email_verified_at.eq(now),
            accounts::updated_at.eq(now),
        ))
        .execute(conn)
        .await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A password change.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Changes one's password; every other session is ended.
#[utoipa::path(
    tag = "accounts",
    operation_id = "change_password",
    security(("bearer" = [])),
    request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed"),
        (status = 403, description = "Wrong current password", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Weak new password", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/accounts/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<PasswordChange>,
) -> AppResult<HttpResponse> {
    let mut conn = state.pool.get().await?;
    let account = require_password(&mut conn, principal.account_id, &body.current_password).await?;
    let local = account.email.split('@').next().unwrap_or_default().to_owned();
    password::validate_new(
        "new_password",
        &body.new_password,
        &[&account.first_name, &account.last_name, &local],
    )
    .map_err(|error| AppError::validation(vec![error]))?;
    let hash = password::hash(body.new_password.clone()).await?;
    let now = state.clock.now();
    diesel::update(accounts::table.find(account.id))
        .set((accounts::password_hash.eq(hash), accounts::updated_at.eq(now)))
        .execute(&mut conn)
        .await?;
    session::revoke_all(
        &mut conn,
        account.id,
        Some(principal.session_id),
        "password changed",
        now,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Everything held about a person (R6.2).
#[derive(Debug, Serialize, ToSchema)]
pub struct DataExport {
    pub exported_at: DateTime<Utc>,
    pub account: Profile,
    pub consents: Vec<ConsentRecord>,
    pub sessions: Vec<SessionRecord>,
    pub messages: Vec<super::inbox::InboxMessage>,
    /// Reads of this person's contact data by city staff.
    pub personal_data_reads: Vec<AccessRecord>,
}

/// An accepted terms version.
#[derive(Debug, Serialize, ToSchema, Queryable)]
pub struct ConsentRecord {
    pub terms_version: String,
    pub accepted_at: DateTime<Utc>,
}

/// A login session.
#[derive(Debug, Serialize, ToSchema, Queryable)]
pub struct SessionRecord {
    pub created_at: DateTime<Utc>,
    pub last_used_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub user_agent: Option<String>,
}

/// A staff read of the person's contact data.
#[derive(Debug, Serialize, ToSchema, Queryable)]
pub struct AccessRecord {
    pub context: String,
    pub accessed_at: DateTime<Utc>,
}

/// Downloads everything held about oneself as JSON.
#[utoipa::path(
    tag = "accounts",
    operation_id = "export_my_data",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "All personal data, as an attachment", body = DataExport),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/accounts/me/export")]
pub async fn export_my_data(state: web::Data<AppState>, principal: Principal) -> AppResult<HttpResponse> {
    let id = principal.account_id;
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, id).await?;
    let consents = consents::table
        .inner_join(terms_versions::table)
        .filter(consents::account_id.eq(id))
        .select((terms_versions::version, consents::accepted_at))
        .order(consents::accepted_at)
        .load(&mut conn)
        .await?;
    let sessions = sessions::table
        .filter(sessions::account_id.eq(id))
        .select((
            sessions::created_at,
            sessions::last_used_at,
            sessions::revoked_at,
            sessions::user_agent,
        ))
        .order(sessions::created_at)
        .load(&mut conn)
        .await?;
    let messages = super::inbox::load(&mut conn, &account).await?;
    let personal_data_reads = personal_data_access::table
        .filter(personal_data_access::subject_account_id.eq(id))
        .select((personal_data_access::context, personal_data_access::accessed_at))
        .order(personal_data_access::accessed_at)
        .load(&mut conn)
        .await?;
    let export = DataExport {
        exported_at: state.clock.now(),
        account: Profile::new(account, principal.grants),
        consents,
        sessions,
        messages,
        personal_data_reads,
    };
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename("kontakt-my-data.json".into())],
    };
    Ok(HttpResponse::Ok().insert_header(disposition).json(export))
}

/// Deletes one's own account (R5.6) after confirming the password. The person's data is
/// removed; issues they filed stay, without any link to them.
#[utoipa::path(
    tag = "accounts",
    operation_id = "delete_me",
    security(("bearer" = [])),
    request_body = crate::auth::routes::PasswordConfirmation,
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Wrong password", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/accounts/me")]
pub async fn delete_me(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<crate::auth::routes::PasswordConfirmation>,
) -> AppResult<HttpResponse> {
    let mut conn = state.pool.get().await?;
    let account = require_password(&mut conn, principal.account_id, &body.password).await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        // Mail to the person is dropped too, sent or not: nothing of theirs is kept.
        diesel::delete(outbox_emails::table.filter(outbox_emails::recipient.eq(&account.email)))
            .execute(conn)
            .await?;
        diesel::delete(message_reads::table.filter(message_reads::account_id.eq(account.id)))
            .execute(conn)
            .await?;
        diesel::delete(messages::table.filter(messages::recipient_id.eq(account.id)))
            .execute(conn)
            .await?;
        diesel::delete(accounts::table.find(account.id)).execute(conn).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent()
        .cookie(session::removal_cookie(state.config.cookie_secure))
        .finish())
}

/// Registers this domain's routes.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_me)
        .service(update_me)
        .service(confirm_email_change)
        .service(change_password)
        .service(export_my_data)
        .service(delete_me)
        .service(super::inbox::list_my_messages)
        .service(super::inbox::mark_read)
        .service(super::terms::get_current_terms)
        .service(super::terms::list_terms)
        .service(super::terms::publish_terms);
    super::admin::configure(cfg);
}
