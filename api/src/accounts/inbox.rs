//! The inbox (R5.2): private messages from the city and announcements to all residents.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::model::{self, Account};
use crate::app::AppState;
use crate::auth::policy::Principal;
use crate::error::{AppError, AppResult, Problem};
use crate::schema::{message_reads, messages};

/// A message in the inbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct InboxMessage {
    pub id: Uuid,
    /// `message` (to this person) or `announcement` (to all residents).
    pub kind: MessageKind,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

/// Who a message was addressed to.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    Message,
    Announcement,
}

/// The inbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct Inbox {
    pub items: Vec<InboxMessage>,
    pub unread: usize,
}

/// The person's messages and the announcements made since they registered, newest first.
pub async fn load(conn: &mut AsyncPgConnection, account: &Account) -> QueryResult<Vec<InboxMessage>> {
    let rows: Vec<MessageRow> = messages::table
        .left_join(
            message_reads::table.on(message_reads::message_id
                .eq(messages::id)
                .and(message_reads::account_id.eq(account.id))),
        )
        .filter(
            messages::recipient_id.eq(account.id).or(messages::recipient_id
                .is_null()
                .and(messages::created_at.ge(account.created_at))),
        )
        .select((
            messages::id,
            messages::recipient_id,
            messages::subject,
            messages::body,
            messages::created_at,
            message_reads::read_at.nullable(),
        ))
        .order(messages::created_at.desc())
        .limit(500)
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| InboxMessage {
            id: row.id,
            kind: if row.recipient_id.is_some() {
                MessageKind::Message
            } else {
                MessageKind::Announcement
            },
            subject: row.subject,
            body: row.body,
            created_at: row.created_at,
            read: row.read_at.is_some(),
        })
        .collect())
}

#[derive(Queryable)]
struct MessageRow {
    id: Uuid,
    recipient_id: Option<Uuid>,
    subject: String,
    body: String,
    created_at: DateTime<Utc>,
    read_at: Option<DateTime<Utc>>,
}

/// Lists one's inbox.
#[utoipa::path(
    tag = "accounts",
    operation_id = "list_my_messages",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Messages and announcements, newest first", body = Inbox),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/accounts/me/messages")]
pub async fn list_my_messages(state: web::Data<AppState>, principal: Principal) -> AppResult<web::Json<Inbox>> {
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, principal.account_id).await?;
    let items = load(&mut conn, &account).await?;
    let unread = items.iter().filter(|message| !message.read).count();
    Ok(web::Json(Inbox { items, unread }))
}

/// Marks a message of one's inbox as read.
#[utoipa::path(
    tag = "accounts",
    operation_id = "mark_message_read",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The message")),
    responses(
        (status = 204, description = "Marked"),
        (status = 404, description = "Not in this inbox", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/accounts/me/messages/{id}/read")]
pub async fn mark_read(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    let mut conn = state.pool.get().await?;
    let account = model::find(&mut conn, principal.account_id).await?;
    let visible = load(&mut conn, &account).await?.iter().any(|message| message.id == *id);
    if !visible {
        return Err(AppError::client(
            StatusCode::NOT_FOUND,
            "not_found",
            "There is no such message in your inbox.",
        ));
    }
    diesel::insert_into(message_reads::table)
        .values((
            message_reads::message_id.eq(*id),
            message_reads::account_id.eq(account.id),
            message_reads::read_at.eq(state.clock.now()),
        ))
        .on_conflict_do_nothing()
        .execute(&mut conn)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
