//! The editorial workflow (R7.4): a unit's editor writes a new procedure or an update of a
//! published one as a draft and submits it; the publisher reads a field-by-field diff
//! against the published version, comments, returns it, or publishes it now or on a date
//! (the job in `publication.rs` publishes scheduled ones). Each procedure has at most one
//! open draft; every published version is kept.

use actix_web::{HttpResponse, get, post, put, web};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::content::{self, Context, ProcedureContent};
use super::diff::{self, FieldChange};
use super::model::{self, Procedure, Version, VersionState};
use super::routes::today;
use super::views::{self, StaffAttachment, UnitRef};
use crate::app::AppState;
use crate::auth::policy::{self, Principal};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::{Json, Query};
use crate::schema::{accounts, procedure_review_comments, procedure_topics, procedure_versions, procedures, units};

/// A new procedure: its unit and the first draft.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewProcedure {
    pub unit_id: Uuid,
    pub content: ProcedureContent,
    #[serde(default)]
    pub change_note: String,
}

/// The text of a draft.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DraftUpdate {
    pub content: ProcedureContent,
    /// What changes, for the change register.
    #[serde(default)]
    pub change_note: String,
}

/// A comment on a draft, or the reason it is returned.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CommentRequest {
    pub body: String,
}

/// When to publish: now when absent or past.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct PublishRequest {
    pub at: Option<DateTime<Utc>>,
}

/// A comment in a review.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewComment {
    pub id: Uuid,
    pub author: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A draft with everything its editor and the publisher need.
#[derive(Debug, Serialize, ToSchema)]
pub struct Draft {
    pub id: Uuid,
    pub procedure_id: Uuid,
    pub unit: UnitRef,
    pub state: VersionState,
    /// The published version it changes (`None`: a new procedure).
    pub base_version: Option<i32>,
    pub content: ProcedureContent,
    pub change_note: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub publish_at: Option<DateTime<Utc>>,
    pub comments: Vec<ReviewComment>,
    /// The procedure's files, with accessibility warnings.
    pub attachments: Vec<StaffAttachment>,
}

/// A draft in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct DraftSummary {
    pub id: Uuid,
    pub procedure_id: Uuid,
    pub name: String,
    pub unit: UnitRef,
    pub state: VersionState,
    /// The number it was published as; none before publication.
    pub version: Option<i32>,
    pub base_version: Option<i32>,
    pub change_note: String,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub publish_at: Option<DateTime<Utc>>,
}

/// Which drafts to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DraftQuery {
    /// Only drafts in this state.
    pub state: Option<VersionState>,
}

/// The diff a publisher reviews.
#[derive(Debug, Serialize, ToSchema)]
pub struct DraftDiff {
    pub base_version: Option<i32>,
    pub changes: Vec<FieldChange>,
}

fn conflict(code: &'static str, detail: &str) -> AppError {
    AppError::client(actix_web::http::StatusCode::CONFLICT, code, detail.to_owned())
}

async fn person_name(conn: &mut AsyncPgConnection, id: Uuid) -> AppResult<String> {
    let (first, last): (String, String) = accounts::table
        .find(id)
        .select((accounts::first_name, accounts::last_name))
        .first(conn)
        .await?;
    Ok(format!("{first} {last}"))
}

/// Normalises and checks a description against what exists; 422 with every wrong field.
async fn checked(
    conn: &mut AsyncPgConnection,
    procedure_id: Option<Uuid>,
    mut content: ProcedureContent,
    complete: bool,
) -> AppResult<ProcedureContent> {
    let attachments = match procedure_id {
        Some(id) => model::attachments(conn, id).await?.into_iter().map(|a| a.id).collect(),
        None => Vec::new(),
    };
    let topics: Vec<String> = procedure_topics::table
        .select(procedure_topics::slug)
        .load(conn)
        .await?;
    let procedures = model::existing(conn, &content.fields.related).await?;
    let context = Context {
        procedure_id,
        attachments: &attachments,
        topics: &topics,
        procedures: &procedures,
    };
    let errors: Vec<FieldError> = content::check(&mut content, &context, complete)
        .into_iter()
        .map(|mut e| {
            e.field = format!("content.{}", e.field);
            e
        })
        .collect();
    if errors.is_empty() {
        Ok(content)
    } else {
        Err(AppError::validation(errors))
    }
}

fn json(content: &ProcedureContent) -> AppResult<serde_json::Value> {
    serde_json::to_value(content).map_err(|e| AppError::Internal(e.into()))
}

/// Loads a draft (open or not) with its procedure, for a caller allowed to read it.
async fn find_draft(conn: &mut AsyncPgConnection, principal: &Principal, id: Uuid) -> AppResult<(Version, Procedure)> {
    let version = model::find_version(conn, id)
        .await?
        .filter(|v| VersionState::OPEN.contains(&v.state))
        .ok_or_else(|| AppError::not_found("There is no such draft."))?;
    let procedure = model::find(conn, version.procedure_id)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such draft."))?;
    policy::require_draft_access(principal, procedure.unit_id)?;
    Ok((version, procedure))
}

async fn draft_view(conn: &mut AsyncPgConnection, version: Version, procedure: &Procedure) -> AppResult<Draft> {
    let comments = model::comments(conn, version.id)
        .await?
        .into_iter()
        .map(|c| ReviewComment {
            id: c.id,
            author: c.author_name,
            body: c.body,
            created_at: c.created_at,
        })
        .collect();
    let attachments = model::attachments(conn, procedure.id)
        .await?
        .iter()
        .map(views::staff_attachment)
        .collect();
    Ok(Draft {
        id: version.id,
        procedure_id: procedure.id,
        unit: views::unit(conn, procedure.unit_id).await?,
        content: version.content()?,
        state: version.state,
        base_version: version.base_version,
        change_note: version.change_note,
        created_at: version.created_at,
        updated_at: version.updated_at,
        submitted_at: version.submitted_at,
        publish_at: version.publish_at,
        comments,
        attachments,
    })
}

/// Starts a new procedure as a draft of the editor's unit.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "create_procedure",
    security(("bearer" = [])),
    request_body = NewProcedure,
    responses(
        (status = 201, description = "The procedure's first draft", body = Draft),
        (status = 403, description = "Not an editor of that unit", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong (`content.fields.name` …)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/procedures")]
pub async fn create_procedure(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<NewProcedure>,
) -> AppResult<HttpResponse> {
    let NewProcedure {
        unit_id,
        content,
        change_note,
    } = body.0;
    policy::require_procedure_editor(&principal, unit_id)?;
    let mut conn = state.pool.get().await?;
    let known_unit: Option<Uuid> = units::table
        .find(unit_id)
        .select(units::id)
        .first(&mut conn)
        .await
        .optional()?;
    if known_unit.is_none() {
        return Err(AppError::validation(vec![FieldError::new(
            "unit_id",
            "unknown_unit",
            "There is no such unit.",
        )]));
    }
    let content = checked(&mut conn, None, content, false).await?;
    let now = state.clock.now();
    let value = json(&content)?;
    let (procedure, draft) = conn
        .transaction::<_, AppError, _>(async |conn| {
            let procedure: Procedure = diesel::insert_into(procedures::table)
                .values((
                    procedures::unit_id.eq(unit_id),
                    procedures::created_at.eq(now),
                    procedures::name.eq(&content.fields.name),
                    procedures::short_description.eq(&content.fields.short_description),
                    procedures::internal.eq(content.internal.internal),
                    procedures::topics.eq(&content.fields.topics),
                ))
                .returning(Procedure::as_returning())
                .get_result(conn)
                .await?;
            let draft = insert_draft(
                conn,
                &procedure,
                None,
                value,
                change_note.trim(),
                principal.account_id,
                now,
            )
            .await?;
            Ok((procedure, draft))
        })
        .await?;
    Ok(HttpResponse::Created().json(draft_view(&mut conn, draft, &procedure).await?))
}

async fn insert_draft(
    conn: &mut AsyncPgConnection,
    procedure: &Procedure,
    base_version: Option<i32>,
    content: serde_json::Value,
    change_note: &str,
    author: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<Version> {
    diesel::insert_into(procedure_versions::table)
        .values((
            procedure_versions::procedure_id.eq(procedure.id),
            procedure_versions::state.eq(VersionState::Draft),
            procedure_versions::base_version.eq(base_version),
            procedure_versions::content.eq(content),
            procedure_versions::change_note.eq(change_note),
            procedure_versions::created_by.eq(author),
            procedure_versions::created_at.eq(now),
            procedure_versions::updated_at.eq(now),
        ))
        .returning(Version::as_returning())
        .get_result(conn)
        .await
}

/// Starts an update of a published procedure: a draft holding a copy of the current
/// version (or the given text).
#[utoipa::path(
    tag = "knowledge",
    operation_id = "start_procedure_draft",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The procedure")),
    request_body(content = Option<DraftUpdate>, description = "The text; the current version's when absent"),
    responses(
        (status = 201, description = "The new draft", body = Draft),
        (status = 403, description = "Not an editor of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such procedure", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The procedure already has an open draft (`draft_exists`)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/procedures/{id}/drafts")]
pub async fn start_draft(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Option<Json<DraftUpdate>>,
) -> AppResult<HttpResponse> {
    let mut conn = state.pool.get().await?;
    let procedure = model::find(&mut conn, *id)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such procedure."))?;
    policy::require_procedure_editor(&principal, procedure.unit_id)?;
    if model::open_draft(&mut conn, procedure.id).await?.is_some() {
        return Err(conflict("draft_exists", "This procedure already has an open draft."));
    }
    let current = match procedure.current_version {
        Some(number) => model::published_version(&mut conn, procedure.id, number).await?,
        None => None,
    }
    .ok_or_else(|| conflict("draft_exists", "This procedure already has an open draft."))?;
    let (content, note) = match body {
        Some(body) => {
            let DraftUpdate { content, change_note } = body.0;
            (
                checked(&mut conn, Some(procedure.id), content, false).await?,
                change_note,
            )
        }
        None => {
            // The copy's information is produced by this change request, dated on submission.
            let mut content = current.content()?;
            content.fields.information_produced_on = None;
            (content, String::new())
        }
    };
    let now = state.clock.now();
    let inserted = insert_draft(
        &mut conn,
        &procedure,
        procedure.current_version,
        json(&content)?,
        note.trim(),
        principal.account_id,
        now,
    )
    .await;
    let draft = match inserted {
        // The unique index on open drafts: someone else started one meanwhile.
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
            return Err(conflict("draft_exists", "This procedure already has an open draft."));
        }
        other => other?,
    };
    Ok(HttpResponse::Created().json(draft_view(&mut conn, draft, &procedure).await?))
}

/// Open drafts: an editor's units', or every unit's for publishers.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "list_procedure_drafts",
    security(("bearer" = [])),
    params(DraftQuery),
    responses(
        (status = 200, description = "Open drafts, oldest change first", body = Vec<DraftSummary>),
        (status = 403, description = "Neither editor nor publisher", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/procedure-drafts")]
pub async fn list_drafts(
    state: web::Data<AppState>,
    principal: Principal,
    query: Query<DraftQuery>,
) -> AppResult<web::Json<Vec<DraftSummary>>> {
    let everywhere = policy::require_knowledge_publisher(&principal).is_ok();
    let own_units: Vec<Uuid> = principal
        .grants
        .iter()
        .filter(|g| g.role == policy::Role::ProcedureEditor)
        .filter_map(|g| g.unit_id)
        .collect();
    if !everywhere && own_units.is_empty() {
        return Err(AppError::client(
            actix_web::http::StatusCode::FORBIDDEN,
            "forbidden",
            "Only procedure editors and publishers may read drafts.",
        ));
    }
    let mut conn = state.pool.get().await?;
    let states: Vec<VersionState> = query.state.map_or_else(|| VersionState::OPEN.to_vec(), |s| vec![s]);
    let mut select = procedure_versions::table
        .inner_join(procedures::table.inner_join(units::table))
        .filter(procedure_versions::state.eq_any(states))
        .order(procedure_versions::updated_at)
        .select((Version::as_select(), (units::id, units::slug, units::name)))
        .into_boxed();
    if !everywhere {
        select = select.filter(procedures::unit_id.eq_any(own_units));
    }
    let rows: Vec<(Version, UnitRef)> = select.load(&mut conn).await?;
    let mut drafts = Vec::with_capacity(rows.len());
    for (version, unit) in rows {
        drafts.push(DraftSummary {
            name: version.content()?.fields.name,
            id: version.id,
            procedure_id: version.procedure_id,
            unit,
            state: version.state,
            version: version.version,
            base_version: version.base_version,
            change_note: version.change_note,
            updated_at: version.updated_at,
            submitted_at: version.submitted_at,
            publish_at: version.publish_at,
        });
    }
    Ok(web::Json(drafts))
}

/// A draft with its comments and files.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "get_procedure_draft",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The draft")),
    responses(
        (status = 200, description = "The draft", body = Draft),
        (status = 403, description = "Neither its unit's editor nor a publisher", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such open draft", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/procedure-drafts/{id}")]
pub async fn get_draft(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<Draft>> {
    let mut conn = state.pool.get().await?;
    let (version, procedure) = find_draft(&mut conn, &principal, *id).await?;
    Ok(web::Json(draft_view(&mut conn, version, &procedure).await?))
}

/// Changes a draft's text (its unit's editors, while it is a draft or returned).
#[utoipa::path(
    tag = "knowledge",
    operation_id = "update_procedure_draft",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The draft")),
    request_body = DraftUpdate,
    responses(
        (status = 200, description = "The saved draft", body = Draft),
        (status = 403, description = "Not an editor of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "In review or scheduled: no longer editable (`not_editable`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong (`content.fields.steps[0].name` …)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[put("/staff/procedure-drafts/{id}")]
pub async fn update_draft(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<DraftUpdate>,
) -> AppResult<web::Json<Draft>> {
    let mut conn = state.pool.get().await?;
    let (version, procedure) = find_draft(&mut conn, &principal, *id).await?;
    policy::require_procedure_editor(&principal, procedure.unit_id)?;
    if !version.state.is_editable() {
        return Err(conflict(
            "not_editable",
            "This draft is in review or scheduled and cannot be changed.",
        ));
    }
    let DraftUpdate { content, change_note } = body.0;
    let content = checked(&mut conn, Some(procedure.id), content, false).await?;
    let now = state.clock.now();
    let version: Version = diesel::update(procedure_versions::table.find(version.id))
        .set((
            procedure_versions::content.eq(json(&content)?),
            procedure_versions::change_note.eq(change_note.trim()),
            procedure_versions::updated_at.eq(now),
        ))
        .returning(Version::as_returning())
        .get_result(&mut conn)
        .await?;
    if procedure.current_version.is_none() {
        // Staff lists show an unpublished procedure under its draft's name.
        diesel::update(procedures::table.find(procedure.id))
            .set((
                procedures::name.eq(&content.fields.name),
                procedures::short_description.eq(&content.fields.short_description),
                procedures::internal.eq(content.internal.internal),
                procedures::topics.eq(&content.fields.topics),
            ))
            .execute(&mut conn)
            .await?;
    }
    Ok(web::Json(draft_view(&mut conn, version, &procedure).await?))
}

/// Sets a draft's state (and more), but only from one of `from`: concurrent actions on the
/// same draft cannot both succeed.
async fn move_draft(
    conn: &mut AsyncPgConnection,
    version: &Version,
    from: &[VersionState],
    to: VersionState,
    now: DateTime<Utc>,
    publish_at: Option<DateTime<Utc>>,
    produced_on: Option<NaiveDate>,
) -> AppResult<Version> {
    diesel::update(
        procedure_versions::table
            .find(version.id)
            .filter(procedure_versions::state.eq_any(from)),
    )
    .set((
        procedure_versions::state.eq(to),
        procedure_versions::updated_at.eq(now),
        procedure_versions::publish_at.eq(publish_at),
        procedure_versions::information_produced_on.eq(produced_on.or(version.information_produced_on)),
    ))
    .returning(Version::as_returning())
    .get_result(conn)
    .await
    .optional()?
    .ok_or_else(|| conflict("wrong_state", "The draft is not in a state that allows this."))
}

/// Submits a draft for review (its unit's editors). The description must be complete; the
/// date the information was produced defaults to today.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "submit_procedure_draft",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The draft")),
    responses(
        (status = 200, description = "In review", body = Draft),
        (status = 403, description = "Not an editor of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already in review or scheduled (`wrong_state`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Incomplete (`content.fields.steps` …)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/procedure-drafts/{id}/submit")]
pub async fn submit_draft(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<Draft>> {
    let mut conn = state.pool.get().await?;
    let (version, procedure) = find_draft(&mut conn, &principal, *id).await?;
    policy::require_procedure_editor(&principal, procedure.unit_id)?;
    let mut content = checked(&mut conn, Some(procedure.id), version.content()?, true).await?;
    let now = state.clock.now();
    let produced_on = *content.fields.information_produced_on.get_or_insert(today(now));
    let version = conn
        .transaction::<_, AppError, _>(async |conn| {
            let moved = move_draft(
                conn,
                &version,
                &[VersionState::Draft, VersionState::Returned],
                VersionState::InReview,
                now,
                None,
                Some(produced_on),
            )
            .await?;
            Ok(diesel::update(procedure_versions::table.find(moved.id))
                .set((
                    procedure_versions::content.eq(json(&content)?),
                    procedure_versions::submitted_at.eq(now),
                ))
                .returning(Version::as_returning())
                .get_result(conn)
                .await?)
        })
        .await?;
    Ok(web::Json(draft_view(&mut conn, version, &procedure).await?))
}

/// The field-by-field differences between a draft and the version it changes.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "procedure_draft_diff",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The draft")),
    responses(
        (status = 200, description = "The changes, in the template's order", body = DraftDiff),
        (status = 403, description = "Neither its unit's editor nor a publisher", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such open draft", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/procedure-drafts/{id}/diff")]
pub async fn draft_diff(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<DraftDiff>> {
    let mut conn = state.pool.get().await?;
    let (version, procedure) = find_draft(&mut conn, &principal, *id).await?;
    // Against the current published version: if another update was published meanwhile,
    // the publisher must see what this draft would undo too.
    let base = match procedure.current_version {
        Some(number) => model::published_version(&mut conn, procedure.id, number).await?,
        None => None,
    };
    let before = base.as_ref().map(Version::content).transpose()?;
    Ok(web::Json(DraftDiff {
        base_version: procedure.current_version,
        changes: diff::diff(before.as_ref(), &version.content()?),
    }))
}

async fn add_comment(
    conn: &mut AsyncPgConnection,
    principal: &Principal,
    version: &Version,
    body: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let author_name = person_name(conn, principal.account_id).await?;
    diesel::insert_into(procedure_review_comments::table)
        .values((
            procedure_review_comments::version_id.eq(version.id),
            procedure_review_comments::author_id.eq(principal.account_id),
            procedure_review_comments::author_name.eq(author_name),
            procedure_review_comments::body.eq(body),
            procedure_review_comments::created_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

fn comment_text(body: &CommentRequest) -> AppResult<String> {
    let text = body.body.trim();
    if text.is_empty() || text.chars().count() > 5000 {
        return Err(AppError::validation(vec![FieldError::new(
            "body",
            if text.is_empty() { "required" } else { "too_long" },
            "A comment needs 1 to 5000 characters.",
        )]));
    }
    Ok(text.to_owned())
}

/// Comments on a draft (its unit's editors and publishers).
#[utoipa::path(
    tag = "knowledge",
    operation_id = "comment_procedure_draft",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The draft")),
    request_body = CommentRequest,
    responses(
        (status = 200, description = "The draft with the comment", body = Draft),
        (status = 403, description = "Neither its unit's editor nor a publisher", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or too long (`body`)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/procedure-drafts/{id}/comments")]
pub async fn comment_draft(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<CommentRequest>,
) -> AppResult<web::Json<Draft>> {
    let text = comment_text(&body)?;
    let mut conn = state.pool.get().await?;
    let (version, procedure) = find_draft(&mut conn, &principal, *id).await?;
    add_comment(&mut conn, &principal, &version, &text, state.clock.now()).await?;
    Ok(web::Json(draft_view(&mut conn, version, &procedure).await?))
}

/// Returns a draft in review (or scheduled) to its editor with a comment (publishers).
#[utoipa::path(
    tag = "knowledge",
    operation_id = "return_procedure_draft",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The draft")),
    request_body = CommentRequest,
    responses(
        (status = 200, description = "Returned", body = Draft),
        (status = 403, description = "Not a publisher", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in review or scheduled (`wrong_state`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason given (`body`)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/procedure-drafts/{id}/return")]
pub async fn return_draft(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<CommentRequest>,
) -> AppResult<web::Json<Draft>> {
    policy::require_knowledge_publisher(&principal)?;
    let text = comment_text(&body)?;
    let mut conn = state.pool.get().await?;
    let (version, procedure) = find_draft(&mut conn, &principal, *id).await?;
    let now = state.clock.now();
    let version = conn
        .transaction::<_, AppError, _>(async |conn| {
            let from = [VersionState::InReview, VersionState::Scheduled];
            let moved = move_draft(conn, &version, &from, VersionState::Returned, now, None, None).await?;
            add_comment(conn, &principal, &moved, &text, now).await?;
            Ok(moved)
        })
        .await?;
    Ok(web::Json(draft_view(&mut conn, version, &procedure).await?))
}

/// Publishes a draft in review now, or schedules it for `at` (publishers).
#[utoipa::path(
    tag = "knowledge",
    operation_id = "publish_procedure_draft",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The draft")),
    request_body(content = Option<PublishRequest>, description = "When; now when absent"),
    responses(
        (status = 200, description = "Published (state `published`) or scheduled (state `scheduled`)", body = DraftSummary),
        (status = 403, description = "Not a publisher", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not in review (`wrong_state`)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/procedure-drafts/{id}/publish")]
pub async fn publish_draft(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Option<Json<PublishRequest>>,
) -> AppResult<web::Json<DraftSummary>> {
    policy::require_knowledge_publisher(&principal)?;
    let at = body.and_then(|b| b.0.at);
    let mut conn = state.pool.get().await?;
    let (version, procedure) = find_draft(&mut conn, &principal, *id).await?;
    let now = state.clock.now();
    let publisher = (
        principal.account_id,
        person_name(&mut conn, principal.account_id).await?,
    );
    let from = [VersionState::InReview];
    let version = conn
        .transaction::<_, AppError, _>(async |conn| match at.filter(|at| *at > now) {
            Some(at) => {
                let moved = move_draft(conn, &version, &from, VersionState::Scheduled, now, Some(at), None).await?;
                // The publisher who approved it is named when the job publishes it.
                Ok(diesel::update(procedure_versions::table.find(moved.id))
                    .set((
                        procedure_versions::published_by.eq(publisher.0),
                        procedure_versions::published_by_name.eq(&publisher.1),
                    ))
                    .returning(Version::as_returning())
                    .get_result(conn)
                    .await?)
            }
            None => {
                let moved = move_draft(conn, &version, &from, VersionState::InReview, now, None, None).await?;
                model::publish(conn, &moved, Some(publisher.clone()), now).await?;
                Ok(model::find_version(conn, moved.id).await?.unwrap_or(moved))
            }
        })
        .await?;
    Ok(web::Json(DraftSummary {
        name: version.content()?.fields.name,
        id: version.id,
        procedure_id: procedure.id,
        unit: views::unit(&mut conn, procedure.unit_id).await?,
        state: version.state,
        version: version.version,
        base_version: version.base_version,
        change_note: version.change_note,
        updated_at: version.updated_at,
        submitted_at: version.submitted_at,
        publish_at: version.publish_at,
    }))
}
