//! What the API returns about procedures: a public representation without the internal
//! fields (R7.2) and a staff one with them, plus the BIP metadata and change register (R7.4).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::content::{InternalFields, ProcedureContent, ProcedureFields, referenced_attachments};
use super::files::{AccessibilityWarning, FileKind};
use super::model::{self, Attachment, Procedure, Version, VersionState};
use crate::error::AppResult;
use crate::schema::units;

/// The unit that handles a procedure.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable)]
pub struct UnitRef {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
}

/// A related procedure the reader may open.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RelatedProcedure {
    pub id: Uuid,
    pub name: String,
}

/// A file to download.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicAttachment {
    pub id: Uuid,
    /// The original file name.
    pub file_name: String,
    pub kind: FileKind,
    pub content_type: String,
    pub size_bytes: i32,
    /// Where to download it.
    pub url: String,
}

/// A file as staff see it, with what makes it inaccessible (seed 001 §9.4).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StaffAttachment {
    #[serde(flatten)]
    pub file: PublicAttachment,
    pub accessibility_warnings: Vec<AccessibilityWarning>,
    pub created_at: DateTime<Utc>,
}

/// BIP metadata of a published version.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BipMetadata {
    /// Who produced the information or answers for its content.
    pub produced_by: Vec<String>,
    /// When the information was produced.
    pub information_produced_on: Option<NaiveDate>,
    /// Who published this version.
    pub published_by: Option<String>,
    /// When the procedure was first published.
    pub first_published_at: Option<DateTime<Utc>>,
    /// When this version was published (last modification).
    pub modified_at: Option<DateTime<Utc>>,
    pub version: i32,
}

/// One entry of the change register.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChangeEntry {
    pub version: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub published_by: Option<String>,
    pub change_note: String,
}

/// A published procedure as the public sees it: no internal fields.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicProcedure {
    pub id: Uuid,
    pub unit: UnitRef,
    pub fields: ProcedureFields,
    /// The related procedures the public can open.
    pub related: Vec<RelatedProcedure>,
    pub attachments: Vec<PublicAttachment>,
    pub metadata: BipMetadata,
    /// Every published version, newest first.
    pub change_register: Vec<ChangeEntry>,
    /// Whether this is the current version (older versions stay readable).
    pub current: bool,
}

/// An open draft, briefly.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DraftRef {
    pub id: Uuid,
    pub state: VersionState,
    pub publish_at: Option<DateTime<Utc>>,
}

/// A procedure as staff see it (R7.2): with the internal fields and its state.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StaffProcedure {
    pub id: Uuid,
    pub unit: UnitRef,
    pub fields: ProcedureFields,
    pub internal: InternalFields,
    pub related: Vec<RelatedProcedure>,
    pub attachments: Vec<StaffAttachment>,
    /// `None` before the first publication (the fields are then the draft's).
    pub metadata: Option<BipMetadata>,
    pub change_register: Vec<ChangeEntry>,
    /// Whether residents can see it today.
    pub publicly_visible: bool,
    pub current: bool,
    pub open_draft: Option<DraftRef>,
}

/// The path of an attachment's download for the public or for staff.
pub fn attachment_url(procedure_id: Uuid, attachment_id: Uuid, staff: bool) -> String {
    let prefix = if staff { "/api/v1/staff" } else { "/api/v1" };
    format!("{prefix}/procedures/{procedure_id}/attachments/{attachment_id}")
}

fn public_attachment(attachment: &Attachment, staff: bool) -> PublicAttachment {
    PublicAttachment {
        id: attachment.id,
        file_name: attachment.file_name.clone(),
        kind: FileKind::parse(&attachment.kind).unwrap_or(FileKind::Pdf),
        content_type: attachment.content_type.clone(),
        size_bytes: attachment.size_bytes,
        url: attachment_url(attachment.procedure_id, attachment.id, staff),
    }
}

pub fn staff_attachment(attachment: &Attachment) -> StaffAttachment {
    StaffAttachment {
        file: public_attachment(attachment, true),
        accessibility_warnings: attachment
            .accessibility_warnings
            .iter()
            .filter_map(|w| AccessibilityWarning::parse(w))
            .collect(),
        created_at: attachment.created_at,
    }
}

pub async fn unit(conn: &mut AsyncPgConnection, id: Uuid) -> AppResult<UnitRef> {
    Ok(units::table
        .find(id)
        .select((units::id, units::slug, units::name))
        .first(conn)
        .await?)
}

fn metadata(version: &Version, fields: &ProcedureFields, procedure: &Procedure) -> BipMetadata {
    BipMetadata {
        produced_by: fields.authors.clone(),
        information_produced_on: version.information_produced_on,
        published_by: version.published_by_name.clone(),
        first_published_at: procedure.first_published_at,
        modified_at: version.published_at,
        version: version.version.unwrap_or(0),
    }
}

async fn register(conn: &mut AsyncPgConnection, procedure_id: Uuid) -> AppResult<Vec<ChangeEntry>> {
    Ok(model::published_versions(conn, procedure_id)
        .await?
        .into_iter()
        .map(|v| ChangeEntry {
            version: v.version.unwrap_or(0),
            published_at: v.published_at,
            published_by: v.published_by_name,
            change_note: v.change_note,
        })
        .collect())
}

/// The related procedures `visible` lets through, in the order given.
async fn related(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
    visible: impl Fn(&Procedure) -> bool,
) -> AppResult<Vec<RelatedProcedure>> {
    let found = model::find_many(conn, ids).await?;
    Ok(ids
        .iter()
        .filter_map(|id| found.iter().find(|p| p.id == *id))
        .filter(|p| visible(p))
        .map(|p| RelatedProcedure {
            id: p.id,
            name: p.name.clone(),
        })
        .collect())
}

/// A published version for the public: only the attachments it refers to.
pub async fn public_procedure(
    conn: &mut AsyncPgConnection,
    procedure: &Procedure,
    version: &Version,
    today: NaiveDate,
) -> AppResult<PublicProcedure> {
    let content = version.content()?;
    let referenced = referenced_attachments(&content.fields);
    let attachments = model::attachments(conn, procedure.id)
        .await?
        .iter()
        .filter(|a| referenced.contains(&a.id))
        .map(|a| public_attachment(a, false))
        .collect();
    Ok(PublicProcedure {
        id: procedure.id,
        unit: unit(conn, procedure.unit_id).await?,
        related: related(conn, &content.fields.related, |p| p.is_public(today)).await?,
        attachments,
        metadata: metadata(version, &content.fields, procedure),
        change_register: register(conn, procedure.id).await?,
        current: version.version == procedure.current_version,
        fields: content.fields,
    })
}

/// A version (published, or the open draft before the first publication) for staff.
pub async fn staff_procedure(
    conn: &mut AsyncPgConnection,
    procedure: &Procedure,
    version: &Version,
    today: NaiveDate,
) -> AppResult<StaffProcedure> {
    let ProcedureContent { fields, internal } = version.content()?;
    let open_draft = model::open_draft(conn, procedure.id).await?.map(|d| DraftRef {
        id: d.id,
        state: d.state,
        publish_at: d.publish_at,
    });
    let attachments = model::attachments(conn, procedure.id)
        .await?
        .iter()
        .map(staff_attachment)
        .collect();
    Ok(StaffProcedure {
        id: procedure.id,
        unit: unit(conn, procedure.unit_id).await?,
        related: related(conn, &fields.related, |_| true).await?,
        attachments,
        metadata: version.version.map(|_| metadata(version, &fields, procedure)),
        change_register: register(conn, procedure.id).await?,
        publicly_visible: procedure.is_public(today),
        current: version.version == procedure.current_version,
        open_draft,
        fields,
        internal,
    })
}
