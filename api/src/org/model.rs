//! Units as stored in the database.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::schema::units;
use crate::text_enum;

text_enum! {
    /// What kind of body a unit is.
    pub enum UnitKind {
        /// A department (wydział) of the city hall.
        Department => "department",
        /// A municipal body (miejska jednostka organizacyjna), e.g. the roads authority.
        MunicipalBody => "municipal_body",
    }
}

/// An organisational unit of the city, with its public contact data.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = units)]
pub struct Unit {
    pub id: Uuid,
    /// Stable identifier used in URLs and configuration (`zarzad-drog-i-transportu`).
    pub slug: String,
    pub name: String,
    /// Abbreviation used in lists (`ZDiT`).
    pub short_name: Option<String>,
    pub kind: UnitKind,
    /// Postal address of the unit's office.
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// A unit to create or update, keyed by its slug.
#[derive(Debug, Clone, Insertable, AsChangeset, Deserialize)]
#[diesel(table_name = units)]
pub struct UnitUpsert {
    pub slug: String,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: UnitKind,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// All units: municipal bodies and departments, each group by name.
pub async fn list(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Unit>> {
    units::table
        .select(Unit::as_select())
        .order((units::kind, units::name))
        .load(conn)
        .await
}

/// One unit by its slug.
pub async fn find_by_slug(conn: &mut AsyncPgConnection, slug: &str) -> QueryResult<Unit> {
    units::table
        .select(Unit::as_select())
        .filter(units::slug.eq(slug))
        .first(conn)
        .await
}

/// Inserts the unit, or updates the one with the same slug.
pub async fn upsert(conn: &mut AsyncPgConnection, unit: &UnitUpsert) -> QueryResult<Uuid> {
    diesel::insert_into(units::table)
        .values(unit)
        .on_conflict(units::slug)
        .do_update()
        .set((unit, units::updated_at.eq(diesel::dsl::now)))
        .returning(units::id)
        .get_result(conn)
        .await
}
