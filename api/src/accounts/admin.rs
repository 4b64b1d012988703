//! Account administration: search, roles, blocking, invitations, messages to people,
//! announcements, and the log of staff reads of personal data (R6.3).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use minijinja::context;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::model::{self, Language, NewAccount, TokenPurpose};
use crate::app::AppState;
use crate::auth::policy::{self, Principal, Role};
use crate::auth::session;
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::{Json, Query};
use crate::notify::{link, queue_email};
use crate::schema::{accounts, messages, personal_data_access, role_grants, units};
use crate::validation::Validator;

/// Records that a staff member read a person's contact data.
pub async fn log_personal_data_read(
    conn: &mut AsyncPgConnection,
    staff_id: Uuid,
    subject: Option<Uuid>,
    context: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(personal_data_access::table)
        .values((
            personal_data_access::staff_id.eq(staff_id),
            personal_data_access::subject_account_id.eq(subject),
            personal_data_access::context.eq(context),
            personal_data_access::accessed_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// A role grant as administrators see it.
#[derive(Debug, Serialize, ToSchema, Queryable)]
pub struct RoleGrant {
    pub id: Uuid,
    pub role: Role,
    pub unit_id: Option<Uuid>,
    pub granted_at: DateTime<Utc>,
}

/// An account as administrators see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountSummary {
    pub id: Uuid,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub email_verified: bool,
    pub blocked: bool,
    pub blocked_reason: Option<String>,
    pub totp_enabled: bool,
    pub roles: Vec<RoleGrant>,
    pub created_at: DateTime<Utc>,
}

/// A page of accounts.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountPage {
    pub items: Vec<AccountSummary>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Filters of the account list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountFilter {
    /// Matches email, first or last name (case-insensitive, substring).
    pub q: Option<String>,
    /// Only accounts holding this role.
    pub role: Option<Role>,
    /// Only blocked (`true`) or not blocked (`false`) accounts.
    pub blocked: Option<bool>,
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Accounts per page (1–100, default 25).
    pub per_page: Option<i64>,
}

async fn summaries(conn: &mut AsyncPgConnection, rows: Vec<model::Account>) -> QueryResult<Vec<AccountSummary>> {
    let ids: Vec<Uuid> = rows.iter().map(|account| account.id).collect();
    let grants: Vec<(Uuid, RoleGrant)> = role_grants::table
        .filter(role_grants::account_id.eq_any(&ids))
        .select((
            role_grants::account_id,
            (
                role_grants::id,
                role_grants::role,
                role_grants::unit_id,
                role_grants::granted_at,
            ),
        ))
        .order(role_grants::granted_at)
        .load(conn)
        .await?;
    let mut grants_by_account: std::collections::HashMap<Uuid, Vec<RoleGrant>> = std::collections::HashMap::new();
    for (account_id, grant) in grants {
        grants_by_account.entry(account_id).or_default().push(grant);
    }
    Ok(rows
        .into_iter()
        .map(|account| AccountSummary {
            roles: grants_by_account.remove(&account.id).unwrap_or_default(),
            id: account.id,
            email: account.email,
            first_name: account.first_name,
            last_name: account.last_name,
            phone: account.phone,
            email_verified: account.email_verified_at.is_some(),
            blocked: account.blocked_at.is_some(),
            blocked_reason: account.blocked_reason,
            totp_enabled: account.totp_enabled_at.is_some(),
            created_at: account.created_at,
        })
        .collect())
}

/// Lists and searches accounts (administrators). The read is logged.
#[utoipa::path(
    tag = "administration",
    operation_id = "list_accounts",
    security(("bearer" = [])),
    params(AccountFilter),
    responses(
        (status = 200, description = "A page of accounts", body = AccountPage),
        (status = 400, description = "Invalid filter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/accounts")]
pub async fn list_accounts(
    state: web::Data<AppState>,
    principal: Principal,
    filter: Query<AccountFilter>,
) -> AppResult<web::Json<AccountPage>> {
    policy::require_admin(&principal)?;
    let per_page = filter.per_page.unwrap_or(25).clamp(1, 100);
    let page = filter.page.unwrap_or(1).max(1);
    let mut conn = state.pool.get().await?;
    let query = || {
        let mut query = accounts::table.into_boxed();
        if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let pattern = format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
            query = query.filter(
                accounts::email
                    .ilike(pattern.clone())
                    .or(accounts::first_name.ilike(pattern.clone()))
                    .or(accounts::last_name.ilike(pattern)),
            );
        }
        if let Some(role) = filter.role {
            query = query.filter(
                accounts::id.eq_any(
                    role_grants::table
                        .filter(role_grants::role.eq(role))
                        .select(role_grants::account_id),
                ),
            );
        }
        if let Some(blocked) = filter.blocked {
            query = if blocked {
                query.filter(accounts::blocked_at.is_not_null())
            } else {
                query.filter(accounts::blocked_at.is_null())
            };
        }
        query
    };
    let total: i64 = query().count().get_result(&mut conn).await?;
    let rows = query()
        .select(model::Account::as_select())
        .order((accounts::last_name, accounts::first_name, accounts::id))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .load(&mut conn)
        .await?;
    let context = format!("account list (q={:?}, page {page})", filter.q.as_deref().unwrap_or(""));
    log_personal_data_read(&mut conn, principal.account_id, None, &context, state.clock.now()).await?;
    let items = summaries(&mut conn, rows).await?;
    Ok(web::Json(AccountPage {
        items,
        total,
        page,
        per_page,
    }))
}

/// Reads one account with its contact data (administrators). The read is logged.
#[utoipa::path(
    tag = "administration",
    operation_id = "get_account",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The account")),
    responses(
        (status = 200, description = "The account", body = AccountSummary),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/accounts/{id}")]
pub async fn get_account(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<AccountSummary>> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, *id).await?;
    log_personal_data_read(
        &mut conn,
        principal.account_id,
        Some(account.id),
        "account details",
        state.clock.now(),
    )
    .await?;
    let mut items = summaries(&mut conn, vec![account]).await?;
    items
        .pop()
        .map(web::Json)
        .ok_or_else(|| AppError::not_found("No such account."))
}

/// A role to grant.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RoleRequest {
    pub role: Role,
    /// Required for `operator` and `procedure_editor`, not allowed for other roles.
    pub unit_id: Option<Uuid>,
}

async fn validate_role(conn: &mut AsyncPgConnection, request: &RoleRequest) -> AppResult<()> {
    match (request.role.is_unit_scoped(), request.unit_id) {
        (true, None) => Err(AppError::validation(vec![FieldError::new(
            "unit_id",
            "required",
            "This role is scoped to a unit; name it.",
        )])),
        (false, Some(_)) => Err(AppError::validation(vec![FieldError::new(
            "unit_id",
            "not_allowed",
            "This role is not scoped to a unit.",
        )])),
        (true, Some(unit_id)) => {
            let exists: i64 = units::table
                .filter(units::id.eq(unit_id))
                .count()
                .get_result(conn)
                .await?;
            if exists == 0 {
                return Err(AppError::validation(vec![FieldError::new(
                    "unit_id",
                    "unknown_unit",
                    "There is no such unit.",
                )]));
            }
            Ok(())
        }
        (false, None) => Ok(()),
    }
}

async fn insert_grant(
    conn: &mut AsyncPgConnection,
    account_id: Uuid,
    request: &RoleRequest,
    by: Uuid,
    now: DateTime<Utc>,
) -> AppResult<()> {
    diesel::insert_into(role_grants::table)
        .values((
            role_grants::account_id.eq(account_id),
            role_grants::role.eq(request.role),
            role_grants::unit_id.eq(request.unit_id),
            role_grants::granted_by.eq(by),
            role_grants::granted_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(())
}

/// Grants a role to an account (administrators).
#[utoipa::path(
    tag = "administration",
    operation_id = "grant_role",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The account")),
    request_body = RoleRequest,
    responses(
        (status = 200, description = "The account with its roles", body = AccountSummary),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or unexpected unit", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/accounts/{id}/roles")]
pub async fn grant_role(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<RoleRequest>,
) -> AppResult<web::Json<AccountSummary>> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, *id).await?;
    validate_role(&mut conn, &body).await?;
    insert_grant(&mut conn, account.id, &body, principal.account_id, state.clock.now()).await?;
    let mut items = summaries(&mut conn, vec![account]).await?;
    items
        .pop()
        .map(web::Json)
        .ok_or_else(|| AppError::not_found("No such account."))
}

/// Revokes a role grant (administrators). Administrators cannot revoke their own admin role.
#[utoipa::path(
    tag = "administration",
    operation_id = "revoke_role",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The account"), ("grant_id" = Uuid, Path, description = "The grant")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such grant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Would remove one's own administration rights", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/accounts/{id}/roles/{grant_id}")]
pub async fn revoke_role(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let (account_id, grant_id) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let role: Role = role_grants::table
        .filter(role_grants::id.eq(grant_id))
        .filter(role_grants::account_id.eq(account_id))
        .select(role_grants::role)
        .first(&mut conn)
        .await?;
    if role == Role::Admin && account_id == principal.account_id {
        return Err(AppError::client(
            StatusCode::CONFLICT,
            "own_admin_role",
            "You cannot remove your own administrator role.",
        ));
    }
    diesel::delete(role_grants::table.find(grant_id))
        .execute(&mut conn)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Why an account is blocked.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BlockRequest {
    pub reason: String,
}

/// Blocks an account (R5.5): its sessions end and its tokens stop working at once.
#[utoipa::path(
    tag = "administration",
    operation_id = "block_account",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The account")),
    request_body = BlockRequest,
    responses(
        (status = 204, description = "Blocked"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Cannot block oneself", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/accounts/{id}/block")]
pub async fn block_account(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<BlockRequest>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    if *id == principal.account_id {
        return Err(AppError::client(
            StatusCode::CONFLICT,
            "cannot_block_self",
            "You cannot block your own account.",
        ));
    }
    let mut v = Validator::new();
    let reason = v.text("reason", &body.reason, 1, 500);
    v.finish()?;
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let id = *id;
    conn.transaction::<_, AppError, _>(async move |conn| {
        let updated = diesel::update(accounts::table.find(id))
            .set((
                accounts::blocked_at.eq(now),
                accounts::blocked_reason.eq(reason),
                accounts::updated_at.eq(now),
            ))
            .execute(conn)
            .await?;
        if updated == 0 {
            return Err(AppError::not_found("No such account."));
        }
        session::revoke_all(conn, id, None, "account blocked", now).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Unblocks an account.
#[utoipa::path(
    tag = "administration",
    operation_id = "unblock_account",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The account")),
    responses(
        (status = 204, description = "Unblocked"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/accounts/{id}/unblock")]
pub async fn unblock_account(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let updated = diesel::update(accounts::table.find(*id))
        .set((
            accounts::blocked_at.eq(None::<DateTime<Utc>>),
            accounts::blocked_reason.eq(None::<String>),
        ))
        .execute(&mut conn)
        .await?;
    if updated == 0 {
        return Err(AppError::not_found("No such account."));
    }
    Ok(HttpResponse::NoContent().finish())
}

/// A staff member to invite.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Invitation {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    #[serde(default)]
    pub language: Language,
    pub role: Role,
    pub unit_id: Option<Uuid>,
}

/// The invited account.
#[derive(Debug, Serialize, ToSchema)]
pub struct Invited {
    pub id: Uuid,
}

/// Invites a staff member by email (administrators): the account is created with the role,
/// and the mailed link lets the person set a password.
#[utoipa::path(
    tag = "administration",
    operation_id = "invite_staff",
    security(("bearer" = [])),
    request_body = Invitation,
    responses(
        (status = 201, description = "Invited", body = Invited),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An account with this email exists (grant the role instead)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/accounts/invitations")]
pub async fn invite_staff(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<Invitation>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let mut v = Validator::new();
    let email = v.email("email", &body.email);
    let first_name = v.text("first_name", &body.first_name, 1, 100);
    let last_name = v.text("last_name", &body.last_name, 1, 100);
    v.finish()?;
    let now = state.clock.now();
    let state = state.get_ref();
    let mut conn = state.pool.get().await?;
    let role = RoleRequest {
        role: body.role,
        unit_id: body.unit_id,
    };
    validate_role(&mut conn, &role).await?;
    let id = conn
        .transaction::<_, AppError, _>(async move |conn| {
            if model::find_by_email(conn, &email).await?.is_some() {
                return Err(AppError::client(
                    StatusCode::CONFLICT,
                    "email_taken",
                    "An account with this email exists; grant it the role instead.",
                ));
            }
            let account = model::insert(
                conn,
                &NewAccount {
                    email: &email,
                    first_name: &first_name,
                    last_name: &last_name,
                    phone: None,
                    language: body.language,
                    password_hash: None,
                    email_verified_at: None,
                    created_at: now,
                    updated_at: now,
                },
            )
            .await?;
            insert_grant(conn, account.id, &role, principal.account_id, now).await?;
            let token = model::create_email_token(conn, account.id, TokenPurpose::Invitation, &email, now).await?;
            let context = context! {
                first_name => &first_name,
                roles => role.role.as_str(),
                link => link(state, &format!("/invitation?token={token}")),
                valid_hours => TokenPurpose::Invitation.lifetime().num_hours(),
            };
            queue_email(conn, state, "invitation", body.language, &email, context).await?;
            Ok(account.id)
        })
        .await?;
    Ok(HttpResponse::Created().json(Invited { id }))
}

/// A message from the city.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewMessage {
    pub subject: String,
    pub body: String,
}

/// The stored message.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageCreated {
    pub id: Uuid,
}

fn validate_message(body: &NewMessage) -> AppResult<(String, String)> {
    let mut v = Validator::new();
    let subject = v.text("subject", &body.subject, 1, 200);
    let text = v.text("body", &body.body, 1, 10_000);
    v.finish()?;
    Ok((subject, text))
}

/// Sends a private message to a person's inbox and notifies them by email (staff).
#[utoipa::path(
    tag = "administration",
    operation_id = "send_message",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The recipient")),
    request_body = NewMessage,
    responses(
        (status = 201, description = "Sent", body = MessageCreated),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/accounts/{id}/messages")]
pub async fn send_message(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<NewMessage>,
) -> AppResult<HttpResponse> {
    policy::require_can_message_people(&principal)?;
    let (subject, text) = validate_message(&body)?;
    let now = state.clock.now();
    let state = state.get_ref();
    let mut conn = state.pool.get().await?;
    let recipient = model::find(&mut conn, *id).await?;
    let message_id = conn
        .transaction::<_, AppError, _>(async move |conn| {
                let message_id: Uuid = diesel::insert_into(messages::table)
                    .values((
                        messages::recipient_id.eq(recipient.id),
                        messages::sender_id.eq(principal.account_id),
                        messages::subject.eq(&subject),
                        messages::body.eq(&text),
                        messages::created_at.eq(now),
                    ))
                    .returning(messages::id)
                    .get_result(conn)
                    .await?;
                let context = context! { first_name => &recipient.first_name, subject => &subject, link => link(state, "/account/inbox") };
                queue_email(conn, state, "new_message", recipient.language, &recipient.email, context).await?;
                Ok(message_id)
                    })
        .await?;
    Ok(HttpResponse::Created().json(MessageCreated { id: message_id }))
}

/// Publishes an announcement to every resident's inbox (administrators).
#[utoipa::path(
    tag = "administration",
    operation_id = "announce",
    security(("bearer" = [])),
    request_body = NewMessage,
    responses(
        (status = 201, description = "Published", body = MessageCreated),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/announcements")]
pub async fn announce(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<NewMessage>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let (subject, text) = validate_message(&body)?;
    let mut conn = state.pool.get().await?;
    let id: Uuid = diesel::insert_into(messages::table)
        .values((
            messages::sender_id.eq(principal.account_id),
            messages::subject.eq(subject),
            messages::body.eq(text),
            messages::created_at.eq(state.clock.now()),
        ))
        .returning(messages::id)
        .get_result(&mut conn)
        .await?;
    Ok(HttpResponse::Created().json(MessageCreated { id }))
}

/// One logged read of personal data.
#[derive(Debug, Serialize, ToSchema, Queryable)]
pub struct AccessLogEntry {
    pub id: Uuid,
    pub staff_id: Option<Uuid>,
    pub subject_account_id: Option<Uuid>,
    pub context: String,
    pub accessed_at: DateTime<Utc>,
}

/// A page of the access log.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccessLogPage {
    pub items: Vec<AccessLogEntry>,
    pub page: i64,
    pub per_page: i64,
}

/// Filters of the access log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccessLogFilter {
    /// Only reads by this staff member.
    pub staff_id: Option<Uuid>,
    /// Only reads of this person's data.
    pub subject_id: Option<Uuid>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// Lists staff reads of personal data, newest first (administrators).
#[utoipa::path(
    tag = "administration",
    operation_id = "list_personal_data_access",
    security(("bearer" = [])),
    params(AccessLogFilter),
    responses(
        (status = 200, description = "A page of the log", body = AccessLogPage),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/personal-data-access")]
pub async fn list_personal_data_access(
    state: web::Data<AppState>,
    principal: Principal,
    filter: Query<AccessLogFilter>,
) -> AppResult<web::Json<AccessLogPage>> {
    policy::require_admin(&principal)?;
    let per_page = filter.per_page.unwrap_or(50).clamp(1, 200);
    let page = filter.page.unwrap_or(1).max(1);
    let mut query = personal_data_access::table.into_boxed();
    if let Some(staff) = filter.staff_id {
        query = query.filter(personal_data_access::staff_id.eq(staff));
    }
    if let Some(subject) = filter.subject_id {
        query = query.filter(personal_data_access::subject_account_id.eq(subject));
    }
    let mut conn = state.pool.get().await?;
    let items = query
        .select((
            personal_data_access::id,
            personal_data_access::staff_id,
            personal_data_access::subject_account_id,
            personal_data_access::context,
            personal_data_access::accessed_at,
        ))
        .order((personal_data_access::accessed_at.desc(), personal_data_access::id))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .load(&mut conn)
        .await?;
    Ok(web::Json(AccessLogPage { items, page, per_page }))
}

/// Registers this domain's routes.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_accounts)
        .service(invite_staff)
        .service(get_account)
        .service(grant_role)
        .service(revoke_role)
        .service(block_account)
        .service(unblock_account)
        .service(send_message)
        .service(announce)
        .service(list_personal_data_access);
}
