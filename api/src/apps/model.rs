//! Apps and keys as stored.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::schema::{api_keys, apps};

crate::text_enum! {
    /// What an app may do with its keys.
    pub enum Scope {
        /// File issues (REST `POST /api/v1/issues`, Open311 `POST requests`).
        IssuesCreate => "issues.create",
        /// Add updates to issues (Open311 `POST servicerequestupdates`).
        UpdatesCreate => "updates.create",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = apps)]
pub struct App {
    pub id: Uuid,
    pub name: String,
    pub contact_email: String,
    pub scopes: Vec<String>,
    pub rate_limit_per_minute: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
}

impl App {
    /// The scopes as values; unknown spellings (from a newer version) are ignored.
    pub fn scopes(&self) -> Vec<Scope> {
        self.scopes.iter().filter_map(|s| s.parse().ok()).collect()
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_keys)]
pub struct ApiKey {
    pub id: Uuid,
    pub app_id: Uuid,
    pub prefix: String,
    pub secret_hash: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<App>> {
    apps::table
        .find(id)
        .select(App::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn all(conn: &mut AsyncPgConnection) -> QueryResult<Vec<App>> {
    apps::table
        .order((apps::name, apps::created_at))
        .select(App::as_select())
        .load(conn)
        .await
}

/// An app's keys, newest first.
pub async fn keys(conn: &mut AsyncPgConnection, app_ids: &[Uuid]) -> QueryResult<Vec<ApiKey>> {
    api_keys::table
        .filter(api_keys::app_id.eq_any(app_ids))
        .order(api_keys::created_at.desc())
        .select(ApiKey::as_select())
        .load(conn)
        .await
}

/// The key with this public prefix and the app it belongs to.
pub async fn by_prefix(conn: &mut AsyncPgConnection, prefix: &str) -> QueryResult<Option<(ApiKey, App)>> {
    api_keys::table
        .inner_join(apps::table)
        .filter(api_keys::prefix.eq(prefix))
        .select((ApiKey::as_select(), App::as_select()))
        .first(conn)
        .await
        .optional()
}
