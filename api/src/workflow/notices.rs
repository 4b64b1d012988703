//! Who hears about what (R9), all through the outbox: reporters (email given with consent, or
//! their account) and followers on registration, status changes, public responses and
//! information requests; unit staff on new issues in their queue (at once or in a daily
//! digest, as each chooses) and about deadlines; a unit's own address when an issue is
//! forwarded to it.

use actix_web::{get, put, web};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use minijinja::context;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::accounts::model::Language;
use crate::app::AppState;
use crate::auth::policy::{Principal, Role};
use crate::error::{AppError, AppResult, Problem};
use crate::extract::Json;
use crate::issues::model::Issue;
use crate::notify::{link, outbox};
use crate::schema::{accounts, issue_followers, role_grants, units};
use crate::text_enum;

text_enum! {
    /// How a staff member hears of new issues in their queue.
    pub enum NewIssueMail {
        Off => "off",
        /// One mail per issue as it arrives.
        Immediate => "immediate",
        /// One mail a day listing the new issues.
        Digest => "digest",
    }
}

/// Renders a template and queues it as mail about `issue`.
pub async fn send(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    issue: Option<Uuid>,
    template: &str,
    (to, language): (&str, Language),
    context: minijinja::Value,
    reply_to: Option<String>,
) -> AppResult<()> {
    let mut email = state.templates.render(template, language, to, context)?;
    email.reply_to = reply_to;
    outbox::enqueue_about(conn, &email, issue, state.clock.now()).await?;
    Ok(())
}

/// The people following an issue: its reporter (contact email given with consent, or
/// account) and the reporters of duplicates merged into it.
pub async fn followers(conn: &mut AsyncPgConnection, issue: &Issue) -> QueryResult<Vec<(String, Language)>> {
    let mut people = Vec::new();
    if let Some(email) = &issue.contact_email {
        people.push((email.clone(), issue.reporter_language));
    }
    let mut account_ids: Vec<Uuid> = issue_followers::table
        .filter(issue_followers::issue_id.eq(issue.id))
        .filter(issue_followers::account_id.is_not_null())
        .select(issue_followers::account_id.assume_not_null())
        .load(conn)
        .await?;
    account_ids.extend(issue.reporter_id);
    let accounts: Vec<(String, Language)> = accounts::table
        .filter(accounts::id.eq_any(&account_ids))
        .filter(accounts::blocked_at.is_null())
        .select((accounts::email, accounts::language))
        .load(conn)
        .await?;
    people.extend(accounts);
    let emails: Vec<(String, Language)> = issue_followers::table
        .filter(issue_followers::issue_id.eq(issue.id))
        .filter(issue_followers::email.is_not_null())
        .select((issue_followers::email.assume_not_null(), issue_followers::language))
        .load(conn)
        .await?;
    people.extend(emails);
    people.sort_by_key(|(email, _)| email.to_lowercase());
    people.dedup_by(|a, b| a.0.eq_ignore_ascii_case(&b.0));
    Ok(people)
}

/// Mails every follower of `issue` with `template`; the context gets `number`, `title` and
/// `link` added.
pub async fn tell_followers(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    issue: &Issue,
    template: &str,
    extra: minijinja::Value,
    reply_to: Option<String>,
) -> AppResult<()> {
    let link = link(state, &format!("/issues/{}", issue.url_number()));
    for (email, language) in followers(conn, issue).await? {
        let context = context! { number => &issue.number, title => &issue.title, link => &link, ..extra.clone() };
        send(
            conn,
            state,
            Some(issue.id),
            template,
            (&email, language),
            context,
            reply_to.clone(),
        )
        .await?;
    }
    Ok(())
}

/// Staff who handle issues of `unit` (its operators), or of the central queue (the contact
/// centre, when `unit` is `None`), with their mail setting.
pub async fn queue_staff(
    conn: &mut AsyncPgConnection,
    unit: Option<Uuid>,
) -> QueryResult<Vec<(Uuid, String, Language, NewIssueMail)>> {
    let mut query = role_grants::table
        .inner_join(accounts::table.on(accounts::id.eq(role_grants::account_id)))
        .filter(accounts::blocked_at.is_null())
        .into_boxed();
    query = match unit {
        Some(unit) => query
            .filter(role_grants::role.eq(Role::Operator))
            .filter(role_grants::unit_id.eq(unit)),
        None => query.filter(role_grants::role.eq(Role::ContactCentre)),
    };
    let mut staff: Vec<(Uuid, String, Language, NewIssueMail)> = query
        .select((
            accounts::id,
            accounts::email,
            accounts::language,
            accounts::new_issue_mail,
        ))
        .load(conn)
        .await?;
    staff.sort_by_key(|(id, ..)| *id);
    staff.dedup_by_key(|(id, ..)| *id);
    Ok(staff)
}

fn console_link(state: &AppState, issue: &Issue) -> String {
    link(state, &format!("/console/issues/{}", issue.url_number()))
}

/// A new issue is in a queue (on arrival, dispatch or transfer): staff who want it at once
/// are mailed, and for a unit's queue the unit's own address and webhook get the issue (R4.2).
pub async fn announce_in_queue(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    issue: &Issue,
    transferred: bool,
) -> AppResult<()> {
    let unit = (!issue.awaiting_dispatch).then_some(issue.unit_id);
    let (unit_slug, unit_name, unit_email, webhook): (String, String, Option<String>, Option<String>) = units::table
        .find(issue.unit_id)
        .select((units::slug, units::name, units::email, units::webhook_url))
        .first(conn)
        .await?;
    let console = console_link(state, issue);
    for (_, email, language, setting) in queue_staff(conn, unit).await? {
        if setting == NewIssueMail::Immediate {
            let context = context! {
                number => &issue.number, title => &issue.title, unit => &unit_name,
                transferred => transferred, link => &console,
            };
            send(
                conn,
                state,
                Some(issue.id),
                "staff_new_issue",
                (&email, language),
                context,
                None,
            )
            .await?;
        }
    }
    if let (Some(_), Some(address)) = (unit, unit_email) {
        let location = issue.lat.zip(issue.lon).map(|(lat, lon)| format!("{lat:.6}, {lon:.6}"));
        let context = context! {
            number => &issue.number, title => issue.shown_title(), description => issue.shown_description(),
            address => &issue.address, location => location, unit => &unit_name, link => &console,
        };
        send(
            conn,
            state,
            Some(issue.id),
            "unit_forward",
            (&address, Language::Pl),
            context,
            None,
        )
        .await?;
    }
    if let (Some(_), Some(url)) = (unit, webhook) {
        let payload = serde_json::json!({
            "event": if transferred { "issue.transferred" } else { "issue.received" },
            "number": &issue.number,
            "unit": unit_slug,
            "title": issue.shown_title(),
            "description": issue.shown_description(),
            "location": issue.lat.zip(issue.lon).map(|(lat, lon)| serde_json::json!({ "lat": lat, "lon": lon })),
            "address": &issue.address,
            "status": issue.status,
            "created_at": issue.created_at,
            "console_url": &console,
        });
        crate::notify::webhooks::enqueue(conn, &url, &payload, Some(issue.id), state.clock.now()).await?;
    }
    Ok(())
}

/// A staff member's notification settings.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NotificationSettings {
    /// How new issues in one's queue are announced.
    pub new_issue_mail: NewIssueMail,
}

fn require_staff(principal: &Principal) -> AppResult<()> {
    if principal.is_staff() {
        Ok(())
    } else {
        Err(AppError::client(
            actix_web::http::StatusCode::FORBIDDEN,
            "forbidden",
            "Only city staff have queue notifications.",
        ))
    }
}

/// How one hears of new issues in one's queue (staff).
#[utoipa::path(
    tag = "workflow",
    operation_id = "get_notification_settings",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings", body = NotificationSettings),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/accounts/me/notification-settings")]
pub async fn get_notification_settings(
    state: web::Data<AppState>,
    principal: Principal,
) -> AppResult<web::Json<NotificationSettings>> {
    require_staff(&principal)?;
    let mut conn = state.pool.get().await?;
    let new_issue_mail = accounts::table
        .find(principal.account_id)
        .select(accounts::new_issue_mail)
        .first(&mut conn)
        .await?;
    Ok(web::Json(NotificationSettings { new_issue_mail }))
}

/// Chooses how one hears of new issues: at once, in a daily digest, or not at all (staff).
#[utoipa::path(
    tag = "workflow",
    operation_id = "update_notification_settings",
    security(("bearer" = [])),
    request_body = NotificationSettings,
    responses(
        (status = 200, description = "Saved", body = NotificationSettings),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[put("/accounts/me/notification-settings")]
pub async fn update_notification_settings(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<NotificationSettings>,
) -> AppResult<web::Json<NotificationSettings>> {
    require_staff(&principal)?;
    let mut conn = state.pool.get().await?;
    diesel::update(accounts::table.find(principal.account_id))
        .set(accounts::new_issue_mail.eq(body.new_issue_mail))
        .execute(&mut conn)
        .await?;
    Ok(web::Json(NotificationSettings {
        new_issue_mail: body.new_issue_mail,
    }))
}
