//! Rows of the knowledge base and the queries on them.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::content::ProcedureContent;
use crate::error::{AppError, AppResult};
use crate::schema::{
    procedure_attachments, procedure_review_comments, procedure_topics, procedure_versions, procedures,
};
use crate::text_enum;

text_enum! {
    /// Where a version of a procedure stands.
    pub enum VersionState {
        /// Being written by the unit's editor.
        Draft => "draft",
        /// Submitted; the publisher reviews it.
        InReview => "in_review",
        /// Sent back by the publisher with comments; the editor may change it and submit again.
        Returned => "returned",
        /// Approved for publication on a date.
        Scheduled => "scheduled",
        /// The version the public sees.
        Published => "published",
        /// A published version replaced by a newer one; kept for the change register.
        Superseded => "superseded",
    }
}

impl VersionState {
    /// An open draft: not (yet) published.
    pub const OPEN: &'static [Self] = &[Self::Draft, Self::InReview, Self::Returned, Self::Scheduled];

    /// The editor may still change the text.
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }
}

/// A procedure, with the columns that mirror its current published version.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = procedures)]
pub struct Procedure {
    pub id: Uuid,
    pub unit_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub current_version: Option<i32>,
    pub name: String,
    pub short_description: String,
    pub internal: bool,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub topics: Vec<String>,
    pub first_published_at: Option<DateTime<Utc>>,
    pub last_published_at: Option<DateTime<Utc>>,
}

impl Procedure {
    /// Whether the public may see it on `today` (R7.1, R7.2): published, not internal,
    /// inside its validity window.
    pub fn is_public(&self, today: NaiveDate) -> bool {
        self.current_version.is_some()
            && !self.internal
            && self.valid_from.is_none_or(|from| from <= today)
            && self.valid_until.is_none_or(|until| until >= today)
    }
}

/// A version of a procedure: an open draft or a published one.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = procedure_versions)]
pub struct Version {
    pub id: Uuid,
    pub procedure_id: Uuid,
    pub state: VersionState,
    pub version: Option<i32>,
    pub base_version: Option<i32>,
    pub content: serde_json::Value,
    pub change_note: String,
    pub information_produced_on: Option<NaiveDate>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub publish_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub published_by: Option<Uuid>,
    pub published_by_name: Option<String>,
}

impl Version {
    /// The description it holds (written by this server, so it always parses).
    pub fn content(&self) -> AppResult<ProcedureContent> {
        serde_json::from_value(self.content.clone())
            .map_err(|error| AppError::Internal(anyhow::anyhow!("stored procedure content: {error}")))
    }
}

/// A file of a procedure.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = procedure_attachments)]
pub struct Attachment {
    pub id: Uuid,
    pub procedure_id: Uuid,
    pub file_name: String,
    pub kind: String,
    pub content_type: String,
    pub size_bytes: i32,
    pub storage_key: String,
    pub accessibility_warnings: Vec<String>,
    pub uploaded_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// A comment on a draft.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = procedure_review_comments)]
pub struct Comment {
    pub id: Uuid,
    pub version_id: Uuid,
    pub author_id: Option<Uuid>,
    pub author_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A topic residents browse by.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = procedure_topics)]
pub struct Topic {
    pub slug: String,
    pub name_pl: String,
    pub name_en: String,
    pub position: i32,
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Procedure>> {
    procedures::table
        .find(id)
        .select(Procedure::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn find_many(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Procedure>> {
    procedures::table
        .filter(procedures::id.eq_any(ids))
        .select(Procedure::as_select())
        .load(conn)
        .await
}

/// A published version (current or superseded).
pub async fn published_version(
    conn: &mut AsyncPgConnection,
    procedure_id: Uuid,
    version: i32,
) -> QueryResult<Option<Version>> {
    procedure_versions::table
        .filter(procedure_versions::procedure_id.eq(procedure_id))
        .filter(procedure_versions::version.eq(version))
        .select(Version::as_select())
        .first(conn)
        .await
        .optional()
}

/// Every published version, newest first: the change register.
pub async fn published_versions(conn: &mut AsyncPgConnection, procedure_id: Uuid) -> QueryResult<Vec<Version>> {
    procedure_versions::table
        .filter(procedure_versions::procedure_id.eq(procedure_id))
        .filter(procedure_versions::version.is_not_null())
        .order(procedure_versions::version.desc())
        .select(Version::as_select())
        .load(conn)
        .await
}

/// The open draft of a procedure, if any.
pub async fn open_draft(conn: &mut AsyncPgConnection, procedure_id: Uuid) -> QueryResult<Option<Version>> {
    procedure_versions::table
        .filter(procedure_versions::procedure_id.eq(procedure_id))
        .filter(procedure_versions::state.eq_any(VersionState::OPEN))
        .select(Version::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn find_version(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Version>> {
    procedure_versions::table
        .find(id)
        .select(Version::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn attachments(conn: &mut AsyncPgConnection, procedure_id: Uuid) -> QueryResult<Vec<Attachment>> {
    procedure_attachments::table
        .filter(procedure_attachments::procedure_id.eq(procedure_id))
        .order(procedure_attachments::created_at)
        .select(Attachment::as_select())
        .load(conn)
        .await
}

pub async fn comments(conn: &mut AsyncPgConnection, version_id: Uuid) -> QueryResult<Vec<Comment>> {
    procedure_review_comments::table
        .filter(procedure_review_comments::version_id.eq(version_id))
        .order(procedure_review_comments::created_at)
        .select(Comment::as_select())
        .load(conn)
        .await
}

pub async fn topics(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Topic>> {
    procedure_topics::table
        .order(procedure_topics::position)
        .select(Topic::as_select())
        .load(conn)
        .await
}

/// The ids among `ids` that are procedures.
pub async fn existing(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Uuid>> {
    procedures::table
        .filter(procedures::id.eq_any(ids))
        .select(procedures::id)
        .load(conn)
        .await
}

/// Makes `draft` the current published version: the previous one is superseded, the
/// procedure's mirror columns and search document follow.
pub async fn publish(
    conn: &mut AsyncPgConnection,
    draft: &Version,
    publisher: Option<(Uuid, String)>,
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let content = draft.content()?;
    let procedure: Procedure = procedures::table
        .find(draft.procedure_id)
        .for_update()
        .select(Procedure::as_select())
        .first(conn)
        .await?;
    let number = procedure.current_version.unwrap_or(0) + 1;
    diesel::update(
        procedure_versions::table
            .filter(procedure_versions::procedure_id.eq(procedure.id))
            .filter(procedure_versions::state.eq(VersionState::Published)),
    )
    .set(procedure_versions::state.eq(VersionState::Superseded))
    .execute(conn)
    .await?;
    let (publisher_id, publisher_name) = publisher.unzip();
    diesel::update(procedure_versions::table.find(draft.id))
        .set((
            procedure_versions::state.eq(VersionState::Published),
            procedure_versions::version.eq(number),
            procedure_versions::published_at.eq(now),
            procedure_versions::published_by.eq(publisher_id),
            procedure_versions::published_by_name.eq(publisher_name),
            procedure_versions::publish_at.eq(None::<DateTime<Utc>>),
            procedure_versions::updated_at.eq(now),
        ))
        .execute(conn)
        .await?;
    let fields = &content.fields;
    diesel::update(procedures::table.find(procedure.id))
        .set((
            procedures::current_version.eq(number),
            procedures::name.eq(&fields.name),
            procedures::short_description.eq(&fields.short_description),
            procedures::internal.eq(content.internal.internal),
            procedures::valid_from.eq(content.internal.valid_from),
            procedures::valid_until.eq(content.internal.valid_until),
            procedures::topics.eq(&fields.topics),
            procedures::first_published_at.eq(procedure.first_published_at.unwrap_or(now)),
            procedures::last_published_at.eq(now),
        ))
        .execute(conn)
        .await?;
    super::search::index(conn, procedure.id, Some(fields)).await?;
    Ok(number)
}
