//! POST Service Request Update (mySociety's extension): an app passes on what its user says
//! about a request — a comment, "it is fixed", "it is back" — with the app's own
//! `update_id`. Residents do not change statuses; the update is recorded in the issue's
//! history for the unit's staff (not public: it is unmoderated), with the status the app
//! reported mapped onto ours. A repeated `update_id` of the same app is answered with the
//! update recorded the first time, so an app may safely retry.

use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::DateTime;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::filing::{Form, read_form};
use super::format::{ErrorResponses, Format, Open311Error, reply};
use super::statuses::UpdateStatus;
use crate::app::AppState;
use crate::apps::model::Scope;
use crate::error::AppError;
use crate::issues::model::{self, Moderation, NewEvent};
use crate::schema::app_updates;

/// The longest update text taken.
const DESCRIPTION_CHARS: usize = 5000;

/// The answer to a posted update.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostedUpdate {
    /// Kontakt's id of the recorded update.
    pub update_id: String,
}

fn required<'a>(form: &'a Form, name: &str, what: &str) -> Result<&'a str, Open311Error> {
    form.get(name)
        .ok_or_else(|| Open311Error::bad_request(format!("{name} is required: {what}.")))
}

/// POST Service Request Update (`application/x-www-form-urlencoded`): `api_key` (scope
/// `updates.create`), `update_id` (the app's id, unique per app), `service_request_id`,
/// `status` (an extended status: `OPEN`, `FIXED`, `CLOSED`, …), `description`, optionally
/// `updated_datetime` and `jurisdiction_id`. The request must be public or filed by the
/// same app. Names and emails of the app's user are not taken.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_create_request_update",
    params(("format" = inline(Format), Path, description = "`json` or `xml`")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded",
        description = "mySociety's update fields, with `api_key`"),
    responses(
        (status = 200, description = "Recorded (`<service_request_updates><request_update><update_id>…` in XML)", content(
            (Vec<PostedUpdate> = "application/json"), (String = "text/xml"))),
        ErrorResponses,
    ),
)]
#[post("/servicerequestupdates.{format}")]
pub async fn create_update(
    state: web::Data<AppState>,
    format: web::Path<String>,
    req: HttpRequest,
    body: web::Bytes,
) -> HttpResponse {
    reply(&format, "service_request_updates", async {
        let (form, app) = read_form(&state, &req, &body, Scope::UpdatesCreate).await?;
        let update_id = required(&form, "update_id", "the app's id of this update")?;
        if update_id.chars().count() > 100 {
            return Err(Open311Error::bad_request("update_id is longer than 100 characters."));
        }
        let request_id = required(&form, "service_request_id", "the request the update is about")?;
        let status_text = required(&form, "status", "an extended status such as OPEN, FIXED or CLOSED")?;
        let reported = UpdateStatus::parse(status_text)
            .ok_or_else(|| Open311Error::bad_request(format!("status `{status_text}` is not an extended status.")))?
            .ours()
            .ok_or_else(|| Open311Error::bad_request("status INTERNAL_REFERRAL is set only by the city."))?;
        let description = required(&form, "description", "what the update says")?;
        if description.chars().count() > DESCRIPTION_CHARS {
            return Err(Open311Error::bad_request(format!(
                "description is longer than {DESCRIPTION_CHARS} characters."
            )));
        }
        let updated_at = form
            .get("updated_datetime")
            .map(|text| {
                DateTime::parse_from_rfc3339(text).map_err(|_| {
                    Open311Error::bad_request(format!(
                        "updated_datetime `{text}` is not a valid date-time; use the W3C format with a time zone."
                    ))
                })
            })
            .transpose()?;

        let mut conn = state.pool.get().await?;
        let not_found = || Open311Error::not_found(format!("service_request_id `{request_id}` was not found."));
        let number = model::parse_number(request_id).ok_or_else(not_found)?;
        let issue = model::find_by_number(&mut conn, &number).await?.ok_or_else(not_found)?;
        if issue.moderation != Moderation::Approved && issue.app_id != Some(app.app_id) {
            return Err(not_found());
        }
        let now = state.clock.now();
        let event_id = conn
            .transaction::<_, AppError, _>(async |conn| {
                let earlier: Option<(uuid::Uuid, i64)> = app_updates::table
                    .find((app.app_id, update_id))
                    .select((app_updates::issue_id, app_updates::event_id))
                    .for_update()
                    .first(conn)
                    .await
                    .optional()?;
                if let Some((issue_id, event_id)) = earlier {
                    return if issue_id == issue.id {
                        Ok(event_id)
                    } else {
                        Err(AppError::client(
                            actix_web::http::StatusCode::BAD_REQUEST,
                            "update_id_taken",
                            format!("update_id `{update_id}` was already used for another request."),
                        ))
                    };
                }
                let (status, close_reason) = reported;
                let event = NewEvent {
                    kind: "app_update",
                    public: false,
                    actor_id: None,
                    before: None,
                    after: Some(json!({
                        "app_id": app.app_id,
                        "app_name": app.app_name,
                        "update_id": update_id,
                        "reported_status": status,
                        "reported_close_reason": close_reason,
                        "open311_status": status_text.to_ascii_uppercase(),
                        "updated_datetime": updated_at,
                    })),
                    message: Some(description),
                };
                let event_id = model::record_event(conn, issue.id, event, now).await?;
                let inserted = diesel::insert_into(app_updates::table)
                    .values((
                        app_updates::app_id.eq(app.app_id),
                        app_updates::update_id.eq(update_id),
                        app_updates::issue_id.eq(issue.id),
                        app_updates::event_id.eq(event_id),
                        app_updates::created_at.eq(now),
                    ))
                    .on_conflict_do_nothing()
                    .execute(conn)
                    .await?;
                if inserted == 0 {
                    // The same update posted twice at once: this copy is undone.
                    return Err(AppError::client(
                        actix_web::http::StatusCode::BAD_REQUEST,
                        "update_id_taken",
                        format!("update_id `{update_id}` is being recorded; post it again to get its id."),
                    ));
                }
                Ok(event_id)
            })
            .await?;
        Ok(vec![PostedUpdate {
            update_id: event_id.to_string(),
        }])
    })
    .await
}
