//! Registration, email verification, login (with the second factor), refresh, logout,
//! password reset, TOTP enrolment and staff invitations.

use actix_web::cookie::Cookie;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, post, web};
use chrono::Duration;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use minijinja::context;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::jwt::TokenUse;
use super::password::{self, Verified};
use super::policy::Principal;
use super::principal::client_ip;
use super::{session, throttle, totp};
use crate::accounts::model::{self, Account, Language, NewAccount, TokenPurpose};
use crate::accounts::terms;
use crate::app::AppState;
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::Json;
use crate::notify::{link, queue_email};
use crate::schema::{accounts, recovery_codes};
use crate::secrets;
use crate::validation::Validator;

/// Lifetime of the token between the password and the second-factor step.
const SECOND_FACTOR_TTL_SECS: i64 = 300;
/// Recovery codes issued when TOTP is enabled.
const RECOVERY_CODES: usize = 10;

/// A new resident account.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RegisterRequest {
    pub first_name: String,
    pub last_name: String,
    /// The login; compared case-insensitively.
    pub email: String,
    pub phone: Option<String>,
    /// At least 10 characters and not a common password.
    pub password: String,
    /// The version of the terms of service the person accepted (must be the one in force).
    pub accepted_terms_version: String,
    #[serde(default)]
    pub language: Language,
}

/// The answer to requests that send a mail; the same whether or not an account exists.
#[derive(Debug, Serialize, ToSchema)]
pub struct Accepted {
    pub status: String,
}

fn accepted(status: &str) -> HttpResponse {
    HttpResponse::Accepted().json(Accepted { status: status.into() })
}

/// A single-use token from an email link.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    pub token: String,
}

/// An email address for which a mail is requested.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EmailRequest {
    pub email: String,
}

/// Email and password.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// How a login step ended.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LoginStatus {
    /// Logged in: `access_token` is set and the refresh cookie was sent.
    Authenticated,
    /// Send a TOTP or recovery code with `second_factor_token` to `/auth/login/second-factor`.
    SecondFactorRequired,
    /// Staff must enrol a second factor first: `/auth/login/second-factor/enrol`.
    SecondFactorEnrolmentRequired,
}

/// The outcome of a login step.
#[derive(Debug, Serialize, ToSchema)]
pub struct LoginResponse {
    pub status: LoginStatus,
    /// Bearer token for API calls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// Seconds until `access_token` expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
    /// Token for the second-factor step (valid 5 minutes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second_factor_token: Option<String>,
    /// One-time recovery codes, shown once when TOTP is enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_codes: Option<Vec<String>>,
}

impl LoginResponse {
    fn pending(status: LoginStatus, token: String) -> Self {
        Self {
            status,
            access_token: None,
            expires_in: None,
            second_factor_token: Some(token),
            recovery_codes: None,
        }
    }
}

/// The second login step.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SecondFactorRequest {
    /// `second_factor_token` from the login response.
    pub second_factor_token: String,
    /// The current 6-digit code from the authenticator app.
    pub code: Option<String>,
    /// Or one of the recovery codes.
    pub recovery_code: Option<String>,
}

/// A TOTP secret to load into an authenticator app.
#[derive(Debug, Serialize, ToSchema)]
pub struct TotpSetup {
    /// Base32 secret, for typing in.
    pub secret: String,
    /// `otpauth://` URL, for a QR code.
    pub otpauth_url: String,
}

/// A TOTP code.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TotpCode {
    pub code: String,
}

/// Recovery codes, shown once.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecoveryCodes {
    pub recovery_codes: Vec<String>,
}

/// A password confirmation.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PasswordConfirmation {
    pub password: String,
}

/// A new password set through an emailed link.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewPasswordRequest {
    pub token: String,
    pub password: String,
}

/// Accepting a staff invitation.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InvitationAcceptance {
    pub token: String,
    pub password: String,
    pub accepted_terms_version: String,
}

type Conn = AsyncPgConnection;

fn ttl(state: &AppState) -> Duration {
    Duration::days(state.config.session_ttl_days)
}

fn throttle_window(state: &AppState) -> Duration {
    Duration::seconds(state.config.throttle_window_secs)
}

/// Opens a session and answers with an access token and the refresh cookie.
async fn sign_in(
    state: &AppState,
    conn: &mut Conn,
    account_id: Uuid,
    req: &HttpRequest,
    recovery: Option<Vec<String>>,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let agent = req.headers().get("user-agent").and_then(|value| value.to_str().ok());
    let (session_id, refresh_token) = session::open(conn, account_id, agent, now, ttl(state)).await?;
    respond_with_tokens(state, account_id, session_id, refresh_token, recovery)
}

fn respond_with_tokens(
    state: &AppState,
    account_id: Uuid,
    session_id: Uuid,
    refresh_token: String,
    recovery: Option<Vec<String>>,
) -> AppResult<HttpResponse> {
    let access = state.keys.issue(
        account_id,
        session_id,
        TokenUse::Access,
        state.clock.now(),
        state.config.access_token_ttl_secs,
    )?;
    Ok(HttpResponse::Ok()
        .cookie(session::cookie(refresh_token, state.config.cookie_secure, ttl(state)))
        .json(LoginResponse {
            status: LoginStatus::Authenticated,
            access_token: Some(access),
            expires_in: Some(state.config.access_token_ttl_secs),
            second_factor_token: None,
            recovery_codes: recovery,
        }))
}

async fn queue_verification(state: &AppState, conn: &mut Conn, account: &Account) -> AppResult<()> {
    let token = model::create_email_token(
        conn,
        account.id,
        TokenPurpose::VerifyEmail,
        &account.email,
        state.clock.now(),
    )
    .await?;
    let context = context! {
        first_name => &account.first_name,
        link => link(state, &format!("/verify-email?token={token}")),
        valid_hours => TokenPurpose::VerifyEmail.lifetime().num_hours(),
    };
    queue_email(conn, state, "verify_email", account.language, &account.email, context).await
}

/// Creates a resident account and mails a verification link. The answer is the same when
/// the address is taken (its owner gets a mail instead), so it reveals no accounts.
#[utoipa::path(
    tag = "auth",
    operation_id = "register",
    request_body = RegisterRequest,
    responses(
        (status = 202, description = "Verification mail sent", body = Accepted),
        (status = 422, description = "Invalid fields (incl. a weak password or outdated terms)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<RegisterRequest>,
) -> AppResult<HttpResponse> {
    let mut v = Validator::new();
    let first_name = v.text("first_name", &body.first_name, 1, 100);
    let last_name = v.text("last_name", &body.last_name, 1, 100);
    let email = v.email("email", &body.email);
    let phone = v.phone("phone", body.phone.as_deref());
    let local_part = email.split('@').next().unwrap_or_default();
    if let Err(error) = password::validate_new("password", &body.password, &[&first_name, &last_name, local_part]) {
        v.add(error);
    }
    v.finish()?;
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let terms = terms::require_current(&mut conn, "accepted_terms_version", &body.accepted_terms_version, now).await?;
    let ip = client_ip(&req, state.config.trust_proxy_headers);
    throttle::check(
        &mut conn,
        &format!("email-ip:{ip}"),
        state.config.email_requests_per_ip,
        throttle_window(&state),
        now,
    )
    .await?;
    throttle::hit(&mut conn, &format!("email-ip:{ip}"), now).await?;
    let password_hash = password::hash(body.password.clone()).await?;
    let state = state.get_ref();
    conn.transaction::<_, AppError, _>(async move |conn| {
        if let Some(existing) = model::find_by_email(conn, &email).await? {
            let context =
                context! { login_link => link(state, "/login"), reset_link => link(state, "/forgot-password") };
            return queue_email(conn, state, "email_taken", existing.language, &existing.email, context).await;
        }
        let account = model::insert(
            conn,
            &NewAccount {
                email: &email,
                first_name: &first_name,
                last_name: &last_name,
                phone: phone.as_deref(),
                language: body.language,
                password_hash: Some(&password_hash),
                email_verified_at: None,
                created_at: now,
                updated_at: now,
            },
        )
        .await?;
        model::record_consent(conn, account.id, terms.id, now).await?;
        queue_verification(state, conn, &account).await
    })
    .await?;
    Ok(accepted("verification_sent"))
}

/// Confirms an email address with the token from the verification mail.
#[utoipa::path(
    tag = "auth",
    operation_id = "verify_email",
    request_body = TokenRequest,
    responses(
        (status = 204, description = "Verified"),
        (status = 400, description = "Invalid, expired or used token", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/verify-email")]
pub async fn verify_email(state: web::Data<AppState>, body: Json<TokenRequest>) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        let used = model::consume_email_token(conn, &body.token, TokenPurpose::VerifyEmail, now).await?;
        diesel::update(
            accounts::table
                .find(used.account_id)
                .filter(accounts::email.eq(&used.email)),
        )
        .set((accounts::email_verified_at.eq(now), accounts::updated_at.eq(now)))
        .execute(conn)
        .await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Throttles requests that send mail, per address and per client.
async fn throttle_mail_request(state: &AppState, conn: &mut Conn, req: &HttpRequest, email: &str) -> AppResult<()> {
    let now = state.clock.now();
    let window = throttle_window(state);
    let ip = client_ip(req, state.config.trust_proxy_headers);
    let (by_ip, by_address) = (format!("email-ip:{ip}"), format!("email-address:{email}"));
    throttle::check(conn, &by_ip, state.config.email_requests_per_ip, window, now).await?;
    throttle::check(conn, &by_address, state.config.email_requests_per_address, window, now).await?;
    throttle::hit(conn, &by_ip, now).await?;
    throttle::hit(conn, &by_address, now).await
}

/// Sends the verification mail again (same answer whether or not the account exists).
#[utoipa::path(
    tag = "auth",
    operation_id = "resend_verification",
    request_body = EmailRequest,
    responses(
        (status = 202, description = "Sent if the account exists and is unverified", body = Accepted),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/verify-email/resend")]
pub async fn resend_verification(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<EmailRequest>,
) -> AppResult<HttpResponse> {
    let email = model::normalise_email(&body.email);
    let mut conn = state.pool.get().await?;
    throttle_mail_request(&state, &mut conn, &req, &email).await?;
    if let Some(account) = model::find_by_email(&mut conn, &email).await?
        && account.email_verified_at.is_none()
        && account.blocked_at.is_none()
    {
        queue_verification(&state, &mut conn, &account).await?;
    }
    Ok(accepted("verification_sent"))
}

fn invalid_credentials() -> AppError {
    AppError::client(
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
        "The email or password is wrong.",
    )
}

/// Logs in with email and password. Staff with a second factor continue at
/// `/auth/login/second-factor`. Failed attempts are throttled per account and per client.
#[utoipa::path(
    tag = "auth",
    operation_id = "login",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in, or a second factor is needed; the refresh token is set as an HttpOnly cookie", body = LoginResponse),
        (status = 401, description = "Wrong email or password", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Email not verified (`email_not_verified`) or account blocked (`account_blocked`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/login")]
pub async fn login(state: web::Data<AppState>, req: HttpRequest, body: Json<LoginRequest>) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let email = model::normalise_email(&body.email);
    let window = throttle_window(&state);
    let by_ip = format!("login-ip:{}", client_ip(&req, state.config.trust_proxy_headers));
    let by_account = format!("login-account:{email}");
    let mut conn = state.pool.get().await?;
    throttle::check(&mut conn, &by_ip, state.config.login_attempts_per_ip, window, now).await?;
    throttle::check(
        &mut conn,
        &by_account,
        state.config.login_failures_per_account,
        window,
        now,
    )
    .await?;
    throttle::hit(&mut conn, &by_ip, now).await?;

    let account = model::find_by_email(&mut conn, &email).await?;
    let stored = account.as_ref().and_then(|account| account.password_hash.clone());
    let verified = password::verify(body.password.clone(), stored).await?;
    let Some(account) = account.filter(|_| verified != Verified::No) else {
        throttle::hit(&mut conn, &by_account, now).await?;
        return Err(invalid_credentials());
    };
    if account.blocked_at.is_some() {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "account_blocked",
            "This account is blocked.",
        ));
    }
    if account.email_verified_at.is_none() {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "email_not_verified",
            "Confirm your email address first; we sent you a link.",
        ));
    }
    if verified == Verified::YesRehash {
        let rehashed = password::hash(body.password.clone()).await?;
        diesel::update(accounts::table.find(account.id))
            .set(accounts::password_hash.eq(rehashed))
            .execute(&mut conn)
            .await?;
    }
    throttle::clear(&mut conn, &by_account).await?;

    let is_staff = !model::grants(&mut conn, account.id).await?.is_empty();
    let pending = if account.totp_enabled_at.is_some() {
        Some(LoginStatus::SecondFactorRequired)
    } else if is_staff && state.config.require_staff_totp {
        Some(LoginStatus::SecondFactorEnrolmentRequired)
    } else {
        None
    };
    match pending {
        Some(status) => {
            let token = state.keys.issue(
                account.id,
                Uuid::nil(),
                TokenUse::SecondFactor,
                now,
                SECOND_FACTOR_TTL_SECS,
            )?;
            Ok(HttpResponse::Ok().json(LoginResponse::pending(status, token)))
        }
        None => sign_in(&state, &mut conn, account.id, &req, None).await,
    }
}

/// Starts second-factor enrolment during login, for staff who must have one: returns a
/// new TOTP secret to confirm at `/auth/login/second-factor`.
#[utoipa::path(
    tag = "auth",
    operation_id = "enrol_second_factor_at_login",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "A new secret", body = TotpSetup),
        (status = 401, description = "Invalid second-factor token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A second factor is already enabled", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/login/second-factor/enrol")]
pub async fn enrol_at_login(state: web::Data<AppState>, body: Json<TokenRequest>) -> AppResult<web::Json<TotpSetup>> {
    let claims = state
        .keys
        .verify(&body.token, TokenUse::SecondFactor, state.clock.now())?;
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, claims.sub).await?;
    start_totp(&mut conn, &account).await.map(web::Json)
}

async fn start_totp(conn: &mut Conn, account: &Account) -> AppResult<TotpSetup> {
    if account.totp_enabled_at.is_some() {
        return Err(AppError::client(
            StatusCode::CONFLICT,
            "totp_already_enabled",
            "A second factor is already enabled.",
        ));
    }
    let secret = totp::new_secret();
    let otpauth_url =
        totp::otpauth_url(&secret, &account.email).ok_or_else(|| anyhow::anyhow!("building the otpauth URL"))?;
    diesel::update(accounts::table.find(account.id))
        .set(accounts::totp_secret.eq(&secret))
        .execute(conn)
        .await?;
    Ok(TotpSetup { secret, otpauth_url })
}

fn wrong_code() -> AppError {
    AppError::validation(vec![FieldError::new(
        "code",
        "invalid_code",
        "The code is wrong or expired.",
    )])
}

/// Checks a TOTP code for the account, recording its step so it cannot be replayed.
async fn check_totp(state: &AppState, conn: &mut Conn, account: &Account, code: &str) -> AppResult<()> {
    let secret = account
        .totp_secret
        .as_deref()
        .ok_or_else(|| AppError::client(StatusCode::CONFLICT, "totp_not_started", "Start TOTP enrolment first."))?;
    let step = totp::verify(secret, code, state.clock.now(), account.totp_last_step).ok_or_else(wrong_code)?;
    diesel::update(accounts::table.find(account.id))
        .set(accounts::totp_last_step.eq(step))
        .execute(conn)
        .await?;
    Ok(())
}

/// Enables TOTP after a correct code and returns fresh recovery codes.
async fn enable_totp(state: &AppState, conn: &mut Conn, account: &Account, code: &str) -> AppResult<Vec<String>> {
    check_totp(state, conn, account, code).await?;
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| recovery_code()).collect();
    diesel::delete(recovery_codes::table.filter(recovery_codes::account_id.eq(account.id)))
        .execute(conn)
        .await?;
    let rows: Vec<_> = codes
        .iter()
        .map(|code| {
            (
                recovery_codes::account_id.eq(account.id),
                recovery_codes::code_hash.eq(secrets::hash(code)),
            )
        })
        .collect();
    diesel::insert_into(recovery_codes::table)
        .values(rows)
        .execute(conn)
        .await?;
    diesel::update(accounts::table.find(account.id))
        .set(accounts::totp_enabled_at.eq(state.clock.now()))
        .execute(conn)
        .await?;
    Ok(codes)
}

/// A recovery code: 10 characters of an unambiguous alphabet, grouped for reading.
fn recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let bytes = secrets::random_bytes::<10>();
    let chars: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// Completes a login with a TOTP code or a recovery code (also confirms enrolment started at login).
#[utoipa::path(
    tag = "auth",
    operation_id = "login_second_factor",
    request_body = SecondFactorRequest,
    responses(
        (status = 200, description = "Logged in; recovery codes are included when this step enabled TOTP", body = LoginResponse),
        (status = 401, description = "Invalid or expired second-factor token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong code", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/login/second-factor")]
pub async fn login_second_factor(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<SecondFactorRequest>,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let claims = state
        .keys
        .verify(&body.second_factor_token, TokenUse::SecondFactor, now)?;
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, claims.sub).await?;
    if account.blocked_at.is_some() {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "account_blocked",
            "This account is blocked.",
        ));
    }
    let bucket = format!("login-account:{}", account.email);
    throttle::check(
        &mut conn,
        &bucket,
        state.config.login_failures_per_account,
        throttle_window(&state),
        now,
    )
    .await?;
    let outcome = match (&body.code, &body.recovery_code, account.totp_enabled_at) {
        (Some(code), _, Some(_)) => check_totp(&state, &mut conn, &account, code).await.map(|()| None),
        (Some(code), _, None) => enable_totp(&state, &mut conn, &account, code).await.map(Some),
        (None, Some(recovery), Some(_)) => use_recovery_code(&mut conn, account.id, recovery, now)
            .await
            .map(|()| None),
        _ => Err(AppError::validation(vec![FieldError::new(
            "code",
            "required",
            "Enter the code from your authenticator app.",
        )])),
    };
    match outcome {
        Ok(recovery) => {
            throttle::clear(&mut conn, &bucket).await?;
            sign_in(&state, &mut conn, account.id, &req, recovery).await
        }
        Err(error) => {
            throttle::hit(&mut conn, &bucket, now).await?;
            Err(error)
        }
    }
}

async fn use_recovery_code(
    conn: &mut Conn,
    account_id: Uuid,
    code: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<()> {
    let used = diesel::update(recovery_codes::table)
        .filter(recovery_codes::account_id.eq(account_id))
        .filter(recovery_codes::code_hash.eq(secrets::hash(code.trim())))
        .filter(recovery_codes::used_at.is_null())
        .set(recovery_codes::used_at.eq(now))
        .execute(conn)
        .await?;
    if used == 1 {
        Ok(())
    } else {
        Err(AppError::validation(vec![FieldError::new(
            "recovery_code",
            "invalid_code",
            "The recovery code is wrong or used.",
        )]))
    }
}

fn refresh_cookie(req: &HttpRequest) -> Option<String> {
    req.cookie(session::COOKIE_NAME)
        .map(|cookie: Cookie<'_>| cookie.value().to_owned())
        .filter(|value| !value.is_empty())
}

/// How a refresh went; a refusal that revoked a session must still be committed.
enum Refresh {
    Rotated(Uuid, Uuid, String),
    Refused(AppError),
}

/// Exchanges the refresh cookie for a new access token and a new refresh cookie. A refresh
/// token used twice ends its whole session.
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh",
    responses(
        (status = 200, description = "New access token; the refresh cookie is rotated", body = LoginResponse),
        (status = 401, description = "No, invalid, reused or ended session", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Account blocked", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/refresh")]
pub async fn refresh(state: web::Data<AppState>, req: HttpRequest) -> AppResult<HttpResponse> {
    let token = refresh_cookie(&req).ok_or_else(|| {
        AppError::client(
            StatusCode::UNAUTHORIZED,
            "invalid_refresh_token",
            "There is no session; log in.",
        )
    })?;
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let outcome = conn
        .transaction::<_, AppError, _>(async move |conn| {
            Ok(match session::rotate(conn, &token, now).await {
                Ok((account_id, session_id, token)) => Refresh::Rotated(account_id, session_id, token),
                Err(error @ AppError::Client { .. }) => Refresh::Refused(error),
                Err(other) => return Err(other),
            })
        })
        .await?;
    let (account_id, session_id, token) = match outcome {
        Refresh::Rotated(account_id, session_id, token) => (account_id, session_id, token),
        Refresh::Refused(error) => return Err(error),
    };
    if model::find(&mut conn, account_id).await?.blocked_at.is_some() {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "account_blocked",
            "This account is blocked.",
        ));
    }
    respond_with_tokens(&state, account_id, session_id, token, None)
}

/// Ends the session of the refresh cookie or of the access token, and clears the cookie.
#[utoipa::path(
    tag = "auth",
    operation_id = "logout",
    responses((status = 204, description = "Logged out")),
)]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, req: HttpRequest) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    if let Some(token) = refresh_cookie(&req) {
        let session: Option<Uuid> = crate::schema::refresh_tokens::table
            .filter(crate::schema::refresh_tokens::token_hash.eq(secrets::hash(&token)))
            .select(crate::schema::refresh_tokens::session_id)
            .first(&mut conn)
            .await
            .optional()?;
        if let Some(session_id) = session {
            session::revoke(&mut conn, session_id, "logout", now).await?;
        }
    }
    let bearer = req
        .headers()
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    if let Some(claims) = bearer.and_then(|token| state.keys.verify(token, TokenUse::Access, now).ok()) {
        session::revoke(&mut conn, claims.sid, "logout", now).await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(session::removal_cookie(state.config.cookie_secure))
        .finish())
}

/// Mails a password-reset link (same answer whether or not the account exists).
#[utoipa::path(
    tag = "auth",
    operation_id = "request_password_reset",
    request_body = EmailRequest,
    responses(
        (status = 202, description = "Sent if the account exists", body = Accepted),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<EmailRequest>,
) -> AppResult<HttpResponse> {
    let email = model::normalise_email(&body.email);
    let mut conn = state.pool.get().await?;
    throttle_mail_request(&state, &mut conn, &req, &email).await?;
    if let Some(account) = model::find_by_email(&mut conn, &email)
        .await?
        .filter(|account| account.blocked_at.is_none())
    {
        let token = model::create_email_token(
            &mut conn,
            account.id,
            TokenPurpose::ResetPassword,
            &account.email,
            state.clock.now(),
        )
        .await?;
        let context = context! {
            first_name => &account.first_name,
            link => link(&state, &format!("/reset-password?token={token}")),
            valid_hours => TokenPurpose::ResetPassword.lifetime().num_hours(),
        };
        queue_email(
            &mut conn,
            &state,
            "reset_password",
            account.language,
            &account.email,
            context,
        )
        .await?;
    }
    Ok(accepted("reset_sent"))
}

/// Sets a new password with the emailed token. Ends every session of the account.
#[utoipa::path(
    tag = "auth",
    operation_id = "reset_password",
    request_body = NewPasswordRequest,
    responses(
        (status = 204, description = "Password set"),
        (status = 400, description = "Invalid, expired or used token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Weak password", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/password-reset/confirm")]
pub async fn reset_password(state: web::Data<AppState>, body: Json<NewPasswordRequest>) -> AppResult<HttpResponse> {
    password::validate_new("password", &body.password, &[]).map_err(|error| AppError::validation(vec![error]))?;
    let hash = password::hash(body.password.clone()).await?;
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        let used = model::consume_email_token(conn, &body.token, TokenPurpose::ResetPassword, now).await?;
        diesel::update(accounts::table.find(used.account_id))
            .set((accounts::password_hash.eq(hash), accounts::updated_at.eq(now)))
            .execute(conn)
            .await?;
        // The link proved the address.
        diesel::update(
            accounts::table
                .find(used.account_id)
                .filter(accounts::email_verified_at.is_null()),
        )
        .set(accounts::email_verified_at.eq(now))
        .execute(conn)
        .await?;
        session::revoke_all(conn, used.account_id, None, "password reset", now).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Accepts a staff invitation: sets the password and accepts the terms.
#[utoipa::path(
    tag = "auth",
    operation_id = "accept_invitation",
    request_body = InvitationAcceptance,
    responses(
        (status = 204, description = "Account activated; log in"),
        (status = 400, description = "Invalid, expired or used token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Weak password or outdated terms", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/invitation/accept")]
pub async fn accept_invitation(
    state: web::Data<AppState>,
    body: Json<InvitationAcceptance>,
) -> AppResult<HttpResponse> {
    password::validate_new("password", &body.password, &[]).map_err(|error| AppError::validation(vec![error]))?;
    let hash = password::hash(body.password.clone()).await?;
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let terms = terms::require_current(&mut conn, "accepted_terms_version", &body.accepted_terms_version, now).await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        let used = model::consume_email_token(conn, &body.token, TokenPurpose::Invitation, now).await?;
        diesel::update(accounts::table.find(used.account_id))
            .set((
                accounts::password_hash.eq(hash),
                accounts::email_verified_at.eq(now),
                accounts::updated_at.eq(now),
            ))
            .execute(conn)
            .await?;
        model::record_consent(conn, used.account_id, terms.id, now).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Starts TOTP enrolment for the logged-in account: returns a secret to confirm.
#[utoipa::path(
    tag = "auth",
    operation_id = "start_totp",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A new secret", body = TotpSetup),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already enabled", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/totp")]
pub async fn start_totp_enrolment(state: web::Data<AppState>, principal: Principal) -> AppResult<web::Json<TotpSetup>> {
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, principal.account_id).await?;
    start_totp(&mut conn, &account).await.map(web::Json)
}

/// Confirms TOTP enrolment with a code; returns recovery codes (shown once).
#[utoipa::path(
    tag = "auth",
    operation_id = "confirm_totp",
    security(("bearer" = [])),
    request_body = TotpCode,
    responses(
        (status = 200, description = "Enabled", body = RecoveryCodes),
        (status = 409, description = "Enrolment not started or already enabled", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong code", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/totp/confirm")]
pub async fn confirm_totp(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<TotpCode>,
) -> AppResult<web::Json<RecoveryCodes>> {
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, principal.account_id).await?;
    if account.totp_enabled_at.is_some() {
        return Err(AppError::client(
            StatusCode::CONFLICT,
            "totp_already_enabled",
            "A second factor is already enabled.",
        ));
    }
    let recovery_codes = enable_totp(&state, &mut conn, &account, &body.code).await?;
    Ok(web::Json(RecoveryCodes { recovery_codes }))
}

/// Turns TOTP off (password required). Refused for staff where the deployment requires it.
#[utoipa::path(
    tag = "auth",
    operation_id = "disable_totp",
    security(("bearer" = [])),
    request_body = PasswordConfirmation,
    responses(
        (status = 204, description = "Disabled"),
        (status = 403, description = "Wrong password or required for staff", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/auth/totp")]
pub async fn disable_totp(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<PasswordConfirmation>,
) -> AppResult<HttpResponse> {
    if principal.is_staff() && state.config.require_staff_totp {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "totp_required",
            "Staff accounts must keep a second factor.",
        ));
    }
    let mut conn = state.pool.get().await?;
    require_password(&mut conn, principal.account_id, &body.password).await?;
    diesel::update(accounts::table.find(principal.account_id))
        .set((
            accounts::totp_secret.eq(None::<String>),
            accounts::totp_enabled_at.eq(None::<chrono::DateTime<chrono::Utc>>),
        ))
        .execute(&mut conn)
        .await?;
    diesel::delete(recovery_codes::table.filter(recovery_codes::account_id.eq(principal.account_id)))
        .execute(&mut conn)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Confirms the account's own password for a sensitive change.
pub async fn require_password(conn: &mut Conn, account_id: Uuid, password: &str) -> AppResult<Account> {
    let account = model::find(conn, account_id).await?;
    if password::verify(password.to_owned(), account.password_hash.clone()).await? == Verified::No {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "wrong_password",
            "The password is wrong.",
        ));
    }
    Ok(account)
}

/// Registers this domain's routes.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(register)
        .service(verify_email)
        .service(resend_verification)
        .service(login)
        .service(enrol_at_login)
        .service(login_second_factor)
        .service(refresh)
        .service(logout)
        .service(request_password_reset)
        .service(reset_password)
        .service(accept_invitation)
        .service(start_totp_enrolment)
        .service(confirm_totp)
        .service(disable_totp);
}
