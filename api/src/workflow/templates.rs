//! Response templates (R10.4) per category (or for all) and status, with placeholders
//! `{{ number }}`, `{{ title }}`, `{{ unit }}`, `{{ category }}` and `{{ deadline }}`. The
//! `received` template is the automatic first response every issue gets on arrival.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Warsaw;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use minijinja::{Environment, UndefinedBehavior, context};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::policy::{self, Principal};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::{Json, Query};
use crate::issues::model::{DeadlineView, Issue};
use crate::issues::moderation::find_for_staff;
use crate::schema::{categories, response_templates, units};
use crate::text_enum;
use crate::validation::Validator;

text_enum! {
    /// When a template is used: `received` on arrival, else with the move to that status.
    pub enum TemplateStatus {
        Received => "received",
        Accepted => "accepted",
        InProgress => "in_progress",
        Done => "done",
        Closed => "closed",
    }
}

/// The first response when no `received` template is set up.
const DEFAULT_FIRST_RESPONSE: &str = "Dziękujemy za zgłoszenie {{ number }}. Zajmie się nim {{ unit }}. \
Zgłoszenie zostanie zweryfikowane do {{ deadline }}.";

/// A response template.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = response_templates)]
pub struct ResponseTemplate {
    pub id: Uuid,
    /// `None`: for every category.
    pub category_id: Option<Uuid>,
    pub status: TemplateStatus,
    pub name: String,
    /// The text, with placeholders.
    pub body: String,
}

/// What placeholders are filled with.
fn placeholders(issue: &Issue, unit: &str, category: &str, deadline: Option<&DeadlineView>) -> minijinja::Value {
    let deadline = deadline.map(|d| format_day(d.due_at)).unwrap_or_default();
    context! { number => &issue.number, title => issue.shown_title(), unit => unit, category => category, deadline => deadline }
}

/// The last day of a deadline that ends at `due` (the next midnight), as `dd.mm.yyyy`.
pub fn format_day(due: DateTime<Utc>) -> String {
    (due - chrono::Duration::seconds(1))
        .with_timezone(&Warsaw)
        .format("%d.%m.%Y")
        .to_string()
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env
}

/// Fills a template's placeholders.
pub fn render(body: &str, values: minijinja::Value) -> Result<String, minijinja::Error> {
    environment().render_str(body, values)
}

/// Checks that a template uses only known placeholders and valid syntax.
fn check(body: &str) -> Result<(), String> {
    let sample =
        context! { number => "2026/000001", title => "…", unit => "…", category => "…", deadline => "01.01.2026" };
    render(body, sample).map(|_| ()).map_err(|error| error.to_string())
}

/// The templates for `status` that fit `category`: its own first, then the general ones.
async fn applicable(
    conn: &mut AsyncPgConnection,
    category: Uuid,
    status: TemplateStatus,
) -> QueryResult<Vec<ResponseTemplate>> {
    response_templates::table
        .filter(response_templates::status.eq(status))
        .filter(
            response_templates::category_id
                .eq(category)
                .or(response_templates::category_id.is_null()),
        )
        .order((response_templates::category_id.is_null(), response_templates::name))
        .select(ResponseTemplate::as_select())
        .load(conn)
        .await
}

async fn names(conn: &mut AsyncPgConnection, issue: &Issue) -> QueryResult<(String, String)> {
    let unit: String = units::table.find(issue.unit_id).select(units::name).first(conn).await?;
    let category: String = categories::table
        .find(issue.category_id)
        .select(categories::name_pl)
        .first(conn)
        .await?;
    Ok((unit, category))
}

/// The automatic first response for a new issue: the `received` template of its category
/// (or the general one, or a built-in text) stating the unit and the deadline.
pub async fn first_response(
    conn: &mut AsyncPgConnection,
    issue: &Issue,
    deadline: Option<&DeadlineView>,
) -> AppResult<String> {
    let (unit, category) = names(conn, issue).await?;
    let body = applicable(conn, issue.category_id, TemplateStatus::Received)
        .await?
        .into_iter()
        .next()
        .map_or_else(|| DEFAULT_FIRST_RESPONSE.to_owned(), |template| template.body);
    let values = placeholders(issue, &unit, &category, deadline);
    // A template that no longer renders (it was checked when saved) falls back to the default.
    Ok(render(&body, values.clone())
        .or_else(|_| render(DEFAULT_FIRST_RESPONSE, values))
        .map_err(anyhow::Error::from)?)
}

/// Which templates to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateQuery {
    /// Only templates for this status.
    pub status: Option<TemplateStatus>,
}

/// A template filled in for one issue.
#[derive(Debug, Serialize, ToSchema)]
pub struct FilledTemplate {
    pub id: Uuid,
    pub name: String,
    pub status: TemplateStatus,
    /// The text with the issue's number, unit, category and deadline filled in.
    pub text: String,
}

/// The response templates that fit an issue, filled in (staff who may act on the issue).
#[utoipa::path(
    tag = "workflow",
    operation_id = "issue_response_templates",
    security(("bearer" = [])),
    params(("number" = String, Path, description = "The issue number"), TemplateQuery),
    responses(
        (status = 200, description = "Templates, the category's own first", body = Vec<FilledTemplate>),
        (status = 403, description = "Not staff of this issue's unit", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/issues/{number}/response-templates")]
pub async fn list_templates(
    state: web::Data<AppState>,
    principal: Principal,
    number: web::Path<String>,
    query: Query<TemplateQuery>,
) -> AppResult<web::Json<Vec<FilledTemplate>>> {
    let mut conn = state.pool.get().await?;
    let issue = find_for_staff(&mut conn, &principal, &number).await?;
    let (unit, category) = names(&mut conn, &issue).await?;
    let deadline = issue.deadline(state.clock.now());
    let statuses = match query.status {
        Some(status) => vec![status],
        None => vec![
            TemplateStatus::Accepted,
            TemplateStatus::InProgress,
            TemplateStatus::Done,
            TemplateStatus::Closed,
        ],
    };
    let mut filled = Vec::new();
    for status in statuses {
        for template in applicable(&mut conn, issue.category_id, status).await? {
            let values = placeholders(&issue, &unit, &category, deadline.as_ref());
            if let Ok(text) = render(&template.body, values) {
                filled.push(FilledTemplate {
                    id: template.id,
                    name: template.name,
                    status: template.status,
                    text,
                });
            }
        }
    }
    Ok(web::Json(filled))
}

/// A template as an administrator writes it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TemplateInput {
    /// A category slug; absent for every category.
    pub category: Option<String>,
    pub status: TemplateStatus,
    pub name: String,
    pub body: String,
}

async fn checked(conn: &mut AsyncPgConnection, input: &TemplateInput) -> AppResult<Option<Uuid>> {
    let mut v = Validator::new();
    v.text("name", &input.name, 1, 120);
    v.text("body", &input.body, 1, 5000);
    if let Err(error) = check(&input.body) {
        v.add(FieldError::new(
            "body",
            "invalid",
            format!("The template does not render: {error}"),
        ));
    }
    let category = match &input.category {
        Some(slug) => {
            let id: Option<Uuid> = categories::table
                .filter(categories::slug.eq(slug))
                .select(categories::id)
                .first(conn)
                .await
                .optional()?;
            if id.is_none() {
                v.add(FieldError::new("category", "unknown", "There is no such category."));
            }
            id
        }
        None => None,
    };
    v.finish()?;
    Ok(category)
}

/// Adds a response template (administrators).
#[utoipa::path(
    tag = "workflow",
    operation_id = "create_response_template",
    security(("bearer" = [])),
    request_body = TemplateInput,
    responses(
        (status = 201, description = "Created", body = ResponseTemplate),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid template", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/response-templates")]
pub async fn create_template(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<TemplateInput>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let category = checked(&mut conn, &body).await?;
    let now = state.clock.now();
    let template: ResponseTemplate = diesel::insert_into(response_templates::table)
        .values((
            response_templates::category_id.eq(category),
            response_templates::status.eq(body.status),
            response_templates::name.eq(body.name.trim()),
            response_templates::body.eq(&body.body),
            response_templates::created_at.eq(now),
            response_templates::updated_at.eq(now),
        ))
        .returning(ResponseTemplate::as_returning())
        .get_result(&mut conn)
        .await?;
    Ok(HttpResponse::Created().json(template))
}

/// Replaces a response template (administrators).
#[utoipa::path(
    tag = "workflow",
    operation_id = "update_response_template",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The template")),
    request_body = TemplateInput,
    responses(
        (status = 200, description = "Saved", body = ResponseTemplate),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such template", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid template", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/response-templates/{id}")]
pub async fn update_template(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<TemplateInput>,
) -> AppResult<web::Json<ResponseTemplate>> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let category = checked(&mut conn, &body).await?;
    let template: ResponseTemplate = diesel::update(response_templates::table.find(*id))
        .set((
            response_templates::category_id.eq(category),
            response_templates::status.eq(body.status),
            response_templates::name.eq(body.name.trim()),
            response_templates::body.eq(&body.body),
            response_templates::updated_at.eq(state.clock.now()),
        ))
        .returning(ResponseTemplate::as_returning())
        .get_result(&mut conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found("There is no such template."))?;
    Ok(web::Json(template))
}

/// Deletes a response template (administrators).
#[utoipa::path(
    tag = "workflow",
    operation_id = "delete_response_template",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The template")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such template", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/response-templates/{id}")]
pub async fn delete_template(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    policy::require_admin(&principal)?;
    let mut conn = state.pool.get().await?;
    let deleted = diesel::delete(response_templates::table.find(*id))
        .execute(&mut conn)
        .await?;
    if deleted == 0 {
        return Err(AppError::not_found("There is no such template."));
    }
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_placeholders_and_unknown_ones_are_refused() {
        let text = render(
            "Zgłoszenie {{ number }} przekazano do {{ unit }}.",
            context! { number => "2026/000007", unit => "ZDiT" },
        )
        .unwrap();
        assert_eq!(text, "Zgłoszenie 2026/000007 przekazano do ZDiT.");
        assert!(check("Termin: {{ deadline }}").is_ok());
        assert!(check("Termin: {{ termin }}").is_err());
        assert!(check("{% if %}").is_err());
    }

    #[test]
    fn a_deadline_is_shown_as_its_last_day() {
        let due = DateTime::parse_from_rfc3339("2026-11-27T00:00:00+01:00")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(format_day(due), "26.11.2026");
    }
}
