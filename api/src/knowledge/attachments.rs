//! Attachments of procedures (R7.3): uploaded by the unit's editors, checked by content,
//! stored through the storage interface, downloaded with their original name and type.
//! The public gets only files that a published version of a public procedure refers to.

use actix_multipart::Multipart;
use actix_web::http::header::{
    CACHE_CONTROL, CONTENT_TYPE, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};
use actix_web::{HttpResponse, get, post, web};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use futures_util::StreamExt;
use uuid::Uuid;

use super::content::referenced_attachments;
use super::files::{self, MAX_BYTES};
use super::model::{self, Attachment};
use super::routes::today;
use super::views::{self, StaffAttachment};
use crate::app::AppState;
use crate::auth::policy::{self, Principal};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::schema::procedure_attachments;

/// The form of an upload: one `file` part.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct AttachmentUpload {
    /// A PDF document, or a DOC, DOCX or RTF form (at most 20 MB).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Reads the one `file` part of the form, with its name.
async fn read_file(mut form: Multipart) -> AppResult<(String, Vec<u8>)> {
    let malformed = |error: actix_multipart::MultipartError| {
        AppError::bad_request("malformed_multipart", format!("The form could not be read: {error}"))
    };
    while let Some(field) = form.next().await {
        let mut field = field.map_err(malformed)?;
        if field.name() != Some("file") {
            continue;
        }
        let name = field
            .content_disposition()
            .and_then(|d| d.get_filename().map(str::to_owned))
            .unwrap_or_default();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            if bytes.len() + chunk.len() > MAX_BYTES {
                return Err(AppError::validation(vec![FieldError::new(
                    "file",
                    "too_large",
                    format!("A file may have at most {} MB.", MAX_BYTES / 1024 / 1024),
                )]));
            }
            bytes.extend_from_slice(&chunk);
        }
        return Ok((name, bytes));
    }
    Err(AppError::validation(vec![FieldError::new(
        "file",
        "required",
        "The form needs a `file` part.",
    )]))
}

/// Adds a file to a procedure (its unit's editors). Documents must be PDF, fillable forms
/// DOC, DOCX or RTF; the type is read from the content. Accessibility problems are
/// reported, not refused: the editor decides, the publisher sees them.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "upload_procedure_attachment",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The procedure")),
    request_body(content = AttachmentUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = StaffAttachment),
        (status = 403, description = "Not an editor of this procedure's unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such procedure", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong type, unreadable or too large (`file`)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff/procedures/{id}/attachments")]
pub async fn upload_attachment(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    form: Multipart,
) -> AppResult<HttpResponse> {
    let mut conn = state.pool.get().await?;
    let procedure = model::find(&mut conn, *id)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such procedure."))?;
    policy::require_procedure_editor(&principal, procedure.unit_id)?;
    drop(conn);
    let (name, bytes) = read_file(form).await?;
    let inspected = files::inspect("file", &name, &bytes).map_err(|error| AppError::validation(vec![error]))?;
    let attachment_id = Uuid::new_v4();
    let key = format!(
        "procedures/{}/{attachment_id}.{}",
        procedure.id,
        inspected.kind.extension()
    );
    let size = i32::try_from(bytes.len()).unwrap_or(i32::MAX);
    state.storage.put(&key, bytes).await?;
    let mut conn = state.pool.get().await?;
    let attachment: Attachment = diesel::insert_into(procedure_attachments::table)
        .values((
            procedure_attachments::id.eq(attachment_id),
            procedure_attachments::procedure_id.eq(procedure.id),
            procedure_attachments::file_name.eq(&inspected.file_name),
            procedure_attachments::kind.eq(inspected.kind.as_str()),
            procedure_attachments::content_type.eq(inspected.kind.content_type()),
            procedure_attachments::size_bytes.eq(size),
            procedure_attachments::storage_key.eq(&key),
            procedure_attachments::accessibility_warnings.eq(inspected
                .warnings
                .iter()
                .map(|w| w.as_str().to_owned())
                .collect::<Vec<_>>()),
            procedure_attachments::uploaded_by.eq(principal.account_id),
            procedure_attachments::created_at.eq(state.clock.now()),
        ))
        .returning(Attachment::as_returning())
        .get_result(&mut conn)
        .await?;
    Ok(HttpResponse::Created().json(views::staff_attachment(&attachment)))
}

/// The stored file, named as uploaded.
async fn send(state: &AppState, attachment: &Attachment, cache: &'static str) -> AppResult<HttpResponse> {
    let bytes = state
        .storage
        .get(&attachment.storage_key)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("attachment {} missing from storage", attachment.id)))?;
    let ascii: String = attachment
        .file_name
        .chars()
        .map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' })
        .filter(|c| *c != '"' && *c != '\\')
        .collect();
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: attachment.file_name.clone().into_bytes(),
            }),
        ],
    };
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, attachment.content_type.clone()))
        .insert_header(disposition)
        .insert_header((CACHE_CONTROL, cache))
        .insert_header(("x-content-type-options", "nosniff"))
        .body(bytes))
}

async fn find_attachment(state: &AppState, procedure_id: Uuid, attachment_id: Uuid) -> AppResult<Attachment> {
    let mut conn = state.pool.get().await?;
    procedure_attachments::table
        .find(attachment_id)
        .filter(procedure_attachments::procedure_id.eq(procedure_id))
        .select(Attachment::as_select())
        .first(&mut conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found("There is no such file."))
}

/// Downloads a file of a public procedure that one of its published versions refers to.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "download_procedure_attachment",
    params(
        ("id" = Uuid, Path, description = "The procedure"),
        ("attachment_id" = Uuid, Path, description = "The file"),
    ),
    responses(
        (status = 200, description = "The file, with its original name in Content-Disposition", content((Vec<u8> = "application/pdf"), (Vec<u8> = "application/msword"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (Vec<u8> = "application/rtf"))),
        (status = 404, description = "No such public file", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/procedures/{id}/attachments/{attachment_id}")]
pub async fn download_attachment(state: web::Data<AppState>, path: web::Path<(Uuid, Uuid)>) -> AppResult<HttpResponse> {
    let (procedure_id, attachment_id) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let today = today(state.clock.now());
    let not_found = || AppError::not_found("There is no such file.");
    let procedure = model::find(&mut conn, procedure_id)
        .await?
        .filter(|p| p.is_public(today))
        .ok_or_else(not_found)?;
    let mut published = false;
    for version in model::published_versions(&mut conn, procedure.id).await? {
        published |= referenced_attachments(&version.content()?.fields).contains(&attachment_id);
    }
    if !published {
        return Err(not_found());
    }
    drop(conn);
    let attachment = find_attachment(&state, procedure_id, attachment_id).await?;
    send(&state, &attachment, "public, max-age=3600").await
}

/// Downloads any file of a procedure (knowledge-base staff), drafts' files included.
#[utoipa::path(
    tag = "knowledge",
    operation_id = "staff_download_procedure_attachment",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The procedure"),
        ("attachment_id" = Uuid, Path, description = "The file"),
    ),
    responses(
        (status = 200, description = "The file", content((Vec<u8> = "application/pdf"), (Vec<u8> = "application/msword"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (Vec<u8> = "application/rtf"))),
        (status = 403, description = "Not knowledge-base staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such file", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/staff/procedures/{id}/attachments/{attachment_id}")]
pub async fn staff_download_attachment(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    policy::require_knowledge_staff(&principal)?;
    let (procedure_id, attachment_id) = path.into_inner();
    let attachment = find_attachment(&state, procedure_id, attachment_id).await?;
    send(&state, &attachment, "private, no-store").await
}
