//! Information requests (R3.5): an operator asks the reporter for what is missing; the
//! reporter answers through the tracking link, their account, or by replying to the mail
//! (each request's mail has its own reply-to address, `local+secret@domain`, whose mail the
//! deployment's mail server hands to `POST /api/v1/inbound/email`). Deadlines stand still
//! while waiting; unanswered requests close the issue after 7 days (see `jobs`).

use actix_web::http::StatusCode;
use actix_web::http::header::AUTHORIZATION;
use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::{DateTime, Utc};
use data_encoding::HEXLOWER;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use minijinja::context;
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{deadlines, notices, refresh_deadline};
use crate::app::AppState;
use crate::auth::policy::Principal;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::Json;
use crate::issues::model::{self, Issue, NewEvent};
use crate::issues::moderation::{StaffIssue, find_for_staff, staff_view};
use crate::schema::{information_requests, issues};
use crate::secrets;
use crate::text_enum;
use crate::validation::Validator;

/// Days the reporter has to answer.
pub const ANSWER_DAYS: u64 = 7;

text_enum! {
    /// How the reporter answered.
    pub enum AnswerChannel {
        Tracking => "tracking",
        Account => "account",
        Email => "email",
    }
}

/// An information request as staff see it.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = information_requests)]
pub struct InformationRequest {
    pub id: Uuid,
    #[serde(skip)]
    pub issue_id: Uuid,
    /// What the operator asked.
    pub message: String,
    pub asked_at: DateTime<Utc>,
    /// Without an answer by then, the issue is closed without consideration.
    pub due_at: DateTime<Utc>,
    /// The reporter's answer (removed when the issue is anonymised).
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub answered_via: Option<AnswerChannel>,
    /// Set when the request ended without an answer.
    pub expired_at: Option<DateTime<Utc>>,
}

/// An issue's information requests, oldest first.
pub async fn for_issue(conn: &mut AsyncPgConnection, issue: Uuid) -> QueryResult<Vec<InformationRequest>> {
    information_requests::table
        .filter(information_requests::issue_id.eq(issue))
        .order(information_requests::asked_at)
        .select(InformationRequest::as_select())
        .load(conn)
        .await
}

/// The request still waiting for an answer, if any.
pub async fn open_request(conn: &mut AsyncPgConnection, issue: Uuid) -> QueryResult<Option<InformationRequest>> {
    information_requests::table
        .filter(information_requests::issue_id.eq(issue))
        .filter(information_requests::answered_at.is_null())
        .filter(information_requests::expired_at.is_null())
        .select(InformationRequest::as_select())
        .first(conn)
        .await
        .optional()
}

/// The reply-to address for a request: `local+secret@domain` of the configured address.
fn reply_address(state: &AppState, secret: &str) -> Option<String> {
    let address = state.config.reply_address.as_deref()?;
    let (local, domain) = address.rsplit_once('@')?;
    Some(format!("{local}+{secret}@{domain}"))
}

/// What to ask the reporter.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewInformationRequest {
    pub message: String,
}

/// Asks the reporter for information (R3.5); the issue's deadline stands still until they
/// answer, and without an answer in 7 days the issue is closed without consideration.
#[utoipa::path(
    tag = "workflow",
    operation_id = "ask_for_information",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number")),
    request_body = NewInformationRequest,
    responses(
        (status = 201, description = "Asked; the issue as staff see it", body = StaffIssue),
        (status = 403, description = "Not staff of this issue's unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Finished, or a request is already waiting", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or too long", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/issues/{number}/information-requests")]
pub async fn ask_for_information(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    body: Json<NewInformationRequest>,
) -> AppResult<HttpResponse> {
    let mut v = Validator::new();
    let message = v.text("message", body.message.trim(), 1, 5000);
    v.finish()?;
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    if issue.status.is_finished() {
        return Err(AppError::client(
            StatusCode::CONFLICT,
            "finished",
            "A finished issue needs no more information.",
        ));
    }
    let now = state.clock.now();
    let secret = HEXLOWER.encode(&secrets::random_bytes::<20>());
    let due_at = deadlines::days_after(&state.calendar, now, ANSWER_DAYS);
    conn.transaction::<_, AppError, _>(async |conn| {
        let inserted = diesel::insert_into(information_requests::table)
            .values((
                information_requests::issue_id.eq(issue.id),
                information_requests::message.eq(&message),
                information_requests::asked_by.eq(principal.account_id),
                information_requests::asked_at.eq(now),
                information_requests::due_at.eq(due_at),
                information_requests::reply_token_hash.eq(secrets::hash(&secret)),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        if inserted == 0 {
            return Err(AppError::client(
                StatusCode::CONFLICT,
                "already_waiting",
                "The reporter has not answered the previous request yet.",
            ));
        }
        let event = NewEvent {
            kind: "information_requested",
            public: false,
            actor_id: Some(principal.account_id),
            before: None,
            after: Some(json!({ "due_at": due_at })),
            message: Some(&message),
        };
        // The paused deadline first, so that webhook payloads show it.
        refresh_deadline(conn, &state.calendar, issue.id, now).await?;
        model::record_event(conn, issue.id, event, now).await?;
        let reply_to = reply_address(&state, &secret);
        let context = context! {
            message => &message, due => super::templates::format_day(due_at), can_reply => reply_to.is_some(),
        };
        notices::tell_followers(conn, &state, &issue, "information_request", context, reply_to).await?;
        Ok(())
    })
    .await?;
    let issue = model::find_by_number(&mut conn, &issue.number)
        .await?
        .ok_or_else(|| AppError::not_found("No such issue."))?;
    Ok(HttpResponse::Created().json(staff_view(&mut conn, issue, now).await?))
}

/// Records the reporter's answer to the waiting request: the deadline runs again, with the
/// time waited added.
async fn record_answer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    issue: &Issue,
    answer: &str,
    via: AnswerChannel,
    actor: Option<Uuid>,
) -> AppResult<()> {
    let now = state.clock.now();
    conn.transaction::<_, AppError, _>(async |conn| {
        let answered: Option<Uuid> = diesel::update(
            information_requests::table
                .filter(information_requests::issue_id.eq(issue.id))
                .filter(information_requests::answered_at.is_null())
                .filter(information_requests::expired_at.is_null()),
        )
        .set((
            information_requests::answer.eq(answer),
            information_requests::answered_at.eq(now),
            information_requests::answered_via.eq(via),
        ))
        .returning(information_requests::id)
        .get_result(conn)
        .await
        .optional()?;
        if answered.is_none() {
            return Err(AppError::client(
                StatusCode::CONFLICT,
                "no_open_request",
                "Nothing is being asked about this issue now.",
            ));
        }
        let event = NewEvent {
            kind: "information_answered",
            public: false,
            actor_id: actor,
            before: None,
            after: Some(json!({ "via": via })),
            message: None,
        };
        model::record_event(conn, issue.id, event, now).await?;
        diesel::update(issues::table.find(issue.id))
            .set(issues::updated_at.eq(now))
            .execute(conn)
            .await?;
        refresh_deadline(conn, &state.calendar, issue.id, now).await?;
        Ok(())
    })
    .await
}

/// The reporter's answer.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Answer {
    pub answer: String,
}

fn checked_answer(body: &Answer) -> AppResult<String> {
    let mut v = Validator::new();
    let answer = v.text("answer", body.answer.trim(), 1, 10_000);
    v.finish()?;
    Ok(answer)
}

/// Answers an information request through the tracking link.
#[utoipa::path(
    tag = "issues",
    operation_id = "answer_by_tracking",
    params(("token" = String, Path, description = "The tracking secret")),
    request_body = Answer,
    responses(
        (status = 204, description = "Answered"),
        (status = 404, description = "Unknown tracking secret", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing is being asked", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or too long", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/tracking/{token}/answer")]
pub async fn answer_by_tracking(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: Json<Answer>,
) -> AppResult<HttpResponse> {
    let answer = checked_answer(&body)?;
    let mut conn = state.pool.get().await?;
    let issue = crate::issues::tracking::find_by_token(&mut conn, &token).await?;
    record_answer(&mut conn, &state, &issue, &answer, AnswerChannel::Tracking, None).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Answers an information request about one's own issue.
#[utoipa::path(
    tag = "issues",
    operation_id = "answer_by_account",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number")),
    request_body = Answer,
    responses(
        (status = 204, description = "Answered"),
        (status = 404, description = "Not one's own issue", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing is being asked", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or too long", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/accounts/me/issues/{number}/answer")]
pub async fn answer_by_account(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    body: Json<Answer>,
) -> AppResult<HttpResponse> {
    let answer = checked_answer(&body)?;
    let mut conn = state.pool.get().await?;
    let not_yours = || AppError::not_found("You have no issue with this number.");
    let number = model::parse_number(&number).ok_or_else(not_yours)?;
    let issue = model::find_by_number(&mut conn, &number)
        .await?
        .filter(|issue| issue.reporter_id == Some(principal.account_id))
        .ok_or_else(not_yours)?;
    record_answer(
        &mut conn,
        &state,
        &issue,
        &answer,
        AnswerChannel::Account,
        Some(principal.account_id),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The reply's own words: the quoted original and everything after a reply header go.
fn reply_text(body: &str) -> String {
    let mut lines = Vec::new();
    for line in body.lines() {
        let trimmed = line.trim();
        let quote_header = trimmed.starts_with("-----Original Message")
            || trimmed.starts_with("-----Wiadomość oryginalna")
            || ((trimmed.starts_with("On ") || trimmed.starts_with("W dniu ")) && trimmed.ends_with(':'));
        if trimmed.starts_with('>') || quote_header {
            break;
        }
        lines.push(line);
    }
    lines.join("\n").trim().chars().take(10_000).collect()
}

/// The request secret in an address `local+secret@domain`.
fn secret_in(address: &str) -> Option<&str> {
    let (local, _) = address.rsplit_once('@')?;
    let (_, secret) = local.split_once('+')?;
    (secret.len() == 40 && secret.chars().all(|c| c.is_ascii_hexdigit())).then_some(secret)
}

/// Receives a reply to an information request (R3.5). The deployment's mail server hands
/// each message sent to the reply address to this hook, as `message/rfc822`, with
/// `Authorization: Bearer <KONTAKT_INBOUND_MAIL_SECRET>`.
#[utoipa::path(
    tag = "workflow",
    operation_id = "inbound_email",
    request_body(content = String, content_type = "message/rfc822", description = "The whole message"),
    responses(
        (status = 202, description = "Recorded as the answer"),
        (status = 401, description = "Wrong or missing secret, or inbound mail is off", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No request has this reply address", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The request was already answered or ended", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a message, or nothing but quotes", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/inbound/email")]
pub async fn inbound_email(
    state: web::Data<AppState>,
    request: HttpRequest,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let unauthorised = || {
        AppError::client(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Inbound mail needs the hook's secret.",
        )
    };
    let expected = state.config.inbound_mail_secret.as_ref().ok_or_else(unauthorised)?;
    let given = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .ok_or_else(unauthorised)?;
    // Hashes of equal length compare without leaking where they differ first.
    if secrets::hash(given) != secrets::hash(expected.expose_secret()) {
        return Err(unauthorised());
    }
    let invalid = |detail: &str| AppError::validation(vec![crate::error::FieldError::new("body", "invalid", detail)]);
    let message = mail_parser::MessageParser::default()
        .parse(&body)
        .ok_or_else(|| invalid("This is not an email message."))?;
    // The reply address is among the recipients, or in the header the mail server adds.
    let mut addresses: Vec<String> = [message.to(), message.cc()]
        .into_iter()
        .flatten()
        .flat_map(|address| address.iter())
        .filter_map(|addr| addr.address().map(str::to_owned))
        .collect();
    for header in ["Delivered-To", "X-Original-To"] {
        if let Some(raw) = message.header_raw(header) {
            addresses.extend(raw.split([',', '<', '>', ' ']).map(|part| part.trim().to_owned()));
        }
    }
    let secret = addresses
        .iter()
        .find_map(|address| secret_in(address))
        .map(str::to_owned)
        .ok_or_else(|| AppError::not_found("No information request has this reply address."))?;
    let text = reply_text(&message.body_text(0).unwrap_or_default());
    if text.is_empty() {
        return Err(invalid("The reply has no text of its own."));
    }
    let mut conn = state.pool.get().await?;
    let issue: Issue = information_requests::table
        .inner_join(issues::table)
        .filter(information_requests::reply_token_hash.eq(secrets::hash(&secret)))
        .select(Issue::as_select())
        .first(&mut conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found("No information request has this reply address."))?;
    record_answer(&mut conn, &state, &issue, &text, AnswerChannel::Email, None).await?;
    Ok(HttpResponse::Accepted().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_lose_their_quotes() {
        let body = "Dziura jest przy numerze 12.\n\nW dniu 23.11.2026 Kontakt napisał:\n> Prosimy o podanie numeru";
        assert_eq!(reply_text(body), "Dziura jest przy numerze 12.");
        assert_eq!(reply_text("> only quotes"), "");
    }

    #[test]
    fn the_secret_comes_from_the_plus_part() {
        let secret = "0123456789abcdef0123456789abcdef01234567";
        assert_eq!(secret_in(&format!("odpowiedz+{secret}@kontakt.example")), Some(secret));
        assert_eq!(secret_in("odpowiedz@kontakt.example"), None);
        assert_eq!(secret_in("odpowiedz+short@kontakt.example"), None);
    }
}
