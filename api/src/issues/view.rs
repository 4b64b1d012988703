//! What the public sees of an issue (R2.2, R2.4): never the reporter's identity or contact
//! data, internal notes, unapproved content, IPs or hidden photos.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

use super::model::{self, DeadlineView, Issue, IssueStatus, Photo};
use crate::org::categories::{Category, CategoryKind};
use crate::schema::units;
use crate::workflow::status::CloseReason;

/// The category of an issue, briefly.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CategoryRef {
    pub id: Uuid,
    pub slug: String,
    pub name_pl: String,
    pub name_en: String,
    pub kind: CategoryKind,
}

/// The handling unit, briefly.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable)]
pub struct UnitRef {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
}

/// A WGS84 position.
#[derive(Debug, Clone, Copy, Serialize, serde::Deserialize, ToSchema)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

/// A photo's public addresses.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PhotoView {
    pub id: Uuid,
    pub url: String,
    pub thumbnail_url: String,
    pub width: i32,
    pub height: i32,
}

/// An issue as the public sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicIssue {
    /// The public number, `YYYY/NNNNNN`.
    pub number: String,
    pub category: CategoryRef,
    pub unit: UnitRef,
    pub status: IssueStatus,
    pub title: String,
    pub description: String,
    pub location: Option<Location>,
    pub address: Option<String>,
    /// Values of the category's extra fields.
    #[schema(value_type = Object)]
    pub field_values: Value,
    pub photos: Vec<PhotoView>,
    /// How many people said "me too".
    pub support_count: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The current deadline and whether it is overdue (R3.7); none once finished.
    pub deadline: Option<DeadlineView>,
    /// Why it was closed.
    pub close_reason: Option<CloseReason>,
}

/// Categories and units by id, to describe a batch of issues with two small queries.
pub struct Lookup {
    categories: HashMap<Uuid, CategoryRef>,
    units: HashMap<Uuid, UnitRef>,
    /// The time the views describe (whether deadlines are overdue).
    now: DateTime<Utc>,
}

impl Lookup {
    pub async fn load(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<Self> {
        let categories = crate::org::categories::all(conn)
            .await?
            .into_iter()
            .map(|c: Category| {
                (
                    c.id,
                    CategoryRef {
                        id: c.id,
                        slug: c.slug,
                        name_pl: c.name_pl,
                        name_en: c.name_en,
                        kind: c.kind,
                    },
                )
            })
            .collect();
        let units = units::table
            .select((units::id, units::slug, units::name))
            .load::<UnitRef>(conn)
            .await?
            .into_iter()
            .map(|unit| (unit.id, unit))
            .collect();
        Ok(Self { categories, units, now })
    }

    pub fn category(&self, id: Uuid) -> Option<&CategoryRef> {
        self.categories.get(&id)
    }

    pub fn unit(&self, id: Uuid) -> Option<&UnitRef> {
        self.units.get(&id)
    }
}

fn photo_view(issue: &Issue, photo: &Photo) -> PhotoView {
    let base = format!("/api/v1/issues/{}/photos/{}", issue.url_number(), photo.id);
    PhotoView {
        id: photo.id,
        thumbnail_url: format!("{base}/thumbnail"),
        url: base,
        width: photo.width,
        height: photo.height,
    }
}

/// The public view of each issue, with its visible photos.
pub async fn public_views(
    conn: &mut AsyncPgConnection,
    issues: Vec<Issue>,
    now: DateTime<Utc>,
) -> QueryResult<Vec<PublicIssue>> {
    let lookup = Lookup::load(conn, now).await?;
    let ids: Vec<Uuid> = issues.iter().map(|issue| issue.id).collect();
    let mut photos: HashMap<Uuid, Vec<Photo>> = HashMap::new();
    for photo in model::photos(conn, &ids).await? {
        photos.entry(photo.issue_id).or_default().push(photo);
    }
    Ok(issues
        .into_iter()
        .filter_map(|issue| {
            let photos = photos.remove(&issue.id).unwrap_or_default();
            public_view(&lookup, issue, &photos)
        })
        .collect())
}

/// One public view (hidden photos left out).
pub fn public_view(lookup: &Lookup, issue: Issue, photos: &[Photo]) -> Option<PublicIssue> {
    Some(PublicIssue {
        category: lookup.category(issue.category_id)?.clone(),
        unit: lookup.unit(issue.unit_id)?.clone(),
        photos: photos
            .iter()
            .filter(|photo| !photo.hidden)
            .map(|photo| photo_view(&issue, photo))
            .collect(),
        deadline: issue.deadline(lookup.now),
        close_reason: issue.close_reason,
        title: issue.shown_title().to_owned(),
        description: issue.shown_description().to_owned(),
        location: issue.lat.zip(issue.lon).map(|(lat, lon)| Location { lat, lon }),
        number: issue.number,
        status: issue.status,
        address: issue.address,
        field_values: issue.field_values,
        support_count: issue.support_count,
        created_at: issue.created_at,
        updated_at: issue.updated_at,
        finished_at: issue.finished_at,
    })
}
