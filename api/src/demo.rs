//! Demo data for a local deployment: the units of the demo city (Łódź, after seed 001,
//! Attachment 1, plus several city-hall departments), the terms of service, and one account
//! per role. Contact data is illustrative and uses the reserved `.example` domain so that
//! no mail reaches a real office or person.

use anyhow::Context;
use chrono::{TimeZone, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::accounts::model::{self as accounts, Language, NewAccount};
use crate::accounts::terms::{self, NewTerms};
use crate::auth::password;
use crate::auth::policy::Role;
use crate::config::Config;
use crate::org::model::{self, UnitUpsert};
use crate::schema::{accounts as accounts_table, role_grants};

const UNITS: &str = include_str!("../data/demo/units.json");

/// The password of every demo account (printed by `make run`; demo deployments only).
pub const DEMO_PASSWORD: &str = "Kontakt-demo-2026!";

/// A demo account: email, first name, last name, role and the slug of its unit.
pub type DemoAccount = (
    &'static str,
    &'static str,
    &'static str,
    Option<Role>,
    Option<&'static str>,
);

/// The demo accounts.
pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    (
        "admin@demo.kontakt.example",
        "Adam",
        "Administrator",
        Some(Role::Admin),
        None,
    ),
    (
        "operator.zdit@demo.kontakt.example",
        "Olga",
        "Drogowa",
        Some(Role::Operator),
        Some("zarzad-drog-i-transportu"),
    ),
    (
        "operator.zzm@demo.kontakt.example",
        "Zenon",
        "Zielony",
        Some(Role::Operator),
        Some("zarzad-zieleni-miejskiej"),
    ),
    (
        "moderator@demo.kontakt.example",
        "Maria",
        "Moderatorka",
        Some(Role::Moderator),
        None,
    ),
    (
        "contact.centre@demo.kontakt.example",
        "Celina",
        "Centrum",
        Some(Role::ContactCentre),
        None,
    ),
    (
        "editor.wso@demo.kontakt.example",
        "Edward",
        "Redaktor",
        Some(Role::ProcedureEditor),
        Some("wydzial-spraw-obywatelskich"),
    ),
    (
        "publisher@demo.kontakt.example",
        "Patrycja",
        "Publikująca",
        Some(Role::KbPublisher),
        None,
    ),
    ("resident@demo.kontakt.example", "Jan", "Mieszkaniec", None, None),
];

/// The demo units.
pub fn units() -> anyhow::Result<Vec<UnitUpsert>> {
    serde_json::from_str(UNITS).context("parsing the demo units")
}

/// Loads the demo data; running it again updates rather than duplicates.
pub async fn seed(config: &Config) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(config.database_url()).await?;
    let units = units()?;
    for unit in &units {
        model::upsert(&mut conn, unit)
            .await
            .with_context(|| format!("seeding unit {}", unit.slug))?;
    }
    terms::publish(
        &mut conn,
        &NewTerms {
            version: "1.0".into(),
            published_at: Utc
                .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
                .single()
                .context("terms date")?,
            body_pl: include_str!("../data/demo/terms.pl.md").into(),
            body_en: include_str!("../data/demo/terms.en.md").into(),
        },
    )
    .await?;
    seed_accounts(&mut conn).await?;
    seed_categories(&mut conn).await?;
    seed_response_templates(&mut conn).await?;
    crate::geo::geocode::seed_streets(&mut conn).await?;
    let storage = crate::storage::LocalStorage::new(config.storage_dir.clone());
    let procedures = crate::knowledge::demo::seed(&mut conn, &storage).await?;
    tracing::info!(
        units = units.len(),
        accounts = DEMO_ACCOUNTS.len(),
        procedures,
        "demo data loaded"
    );
    Ok(())
}

/// Creates the demo accounts, or resets their password and roles when they exist.
async fn seed_accounts(conn: &mut AsyncPgConnection) -> anyhow::Result<()> {
    let hash = password::hash(DEMO_PASSWORD.into()).await?;
    let now = Utc::now();
    for &(email, first_name, last_name, role, unit) in DEMO_ACCOUNTS {
        let account_id = match accounts::find_by_email(conn, email).await? {
            Some(existing) => {
                diesel::update(accounts_table::table.find(existing.id))
                    .set((
                        accounts_table::password_hash.eq(&hash),
                        accounts_table::blocked_at.eq(None::<chrono::DateTime<Utc>>),
                    ))
                    .execute(conn)
                    .await?;
                existing.id
            }
            None => {
                let new = NewAccount {
                    email,
                    first_name,
                    last_name,
                    phone: None,
                    language: Language::Pl,
                    password_hash: Some(&hash),
                    email_verified_at: Some(now),
                    created_at: now,
                    updated_at: now,
                };
                accounts::insert(conn, &new).await?.id
            }
        };
        if let Some(role) = role {
            let unit_id = match unit {
                Some(slug) => Some(
                    model::find_by_slug(conn, slug)
                        .await
                        .with_context(|| format!("demo unit {slug}"))?
                        .id,
                ),
                None => None,
            };
            diesel::insert_into(role_grants::table)
                .values((
                    role_grants::account_id.eq(account_id),
                    role_grants::role.eq(role),
                    role_grants::unit_id.eq(unit_id),
                ))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
        }
    }
    Ok(())
}

/// A demo category as written in `data/demo/categories.json` (the unit by slug).
#[derive(serde::Deserialize)]
struct DemoCategory {
    unit: String,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// The demo categories.
pub fn categories_json() -> anyhow::Result<Vec<serde_json::Value>> {
    Ok(serde_json::from_str(include_str!("../data/demo/categories.json"))?)
}

async fn seed_categories(conn: &mut AsyncPgConnection) -> anyhow::Result<()> {
    for value in categories_json()? {
        let demo: DemoCategory = serde_json::from_value(value)?;
        let unit = model::find_by_slug(conn, &demo.unit)
            .await
            .with_context(|| format!("demo unit {}", demo.unit))?;
        let mut fields = demo.rest;
        fields.insert("unit_id".into(), serde_json::json!(unit.id));
        let input: crate::org::categories::CategoryInput =
            serde_json::from_value(serde_json::Value::Object(fields)).context("a demo category")?;
        crate::org::categories::upsert(conn, &input, Utc::now()).await?;
    }
    Ok(())
}

/// The general response templates (for every category); seeding again replaces them.
async fn seed_response_templates(conn: &mut AsyncPgConnection) -> anyhow::Result<()> {
    use crate::schema::response_templates as t;
    const TEMPLATES: &[(&str, &str, &str)] = &[
        (
            "received",
            "Potwierdzenie przyjęcia",
            "Dziękujemy za zgłoszenie {{ number }}. Zajmie się nim {{ unit }}. Zgłoszenie zostanie \
             zweryfikowane do {{ deadline }}.",
        ),
        (
            "accepted",
            "Przyjęte do realizacji",
            "Zgłoszenie {{ number }} zostało zweryfikowane i przyjęte przez {{ unit }}. Prace zaplanujemy \
             do {{ deadline }}.",
        ),
        (
            "in_progress",
            "Skierowane do realizacji",
            "Zgłoszenie {{ number }} zostało skierowane do realizacji. {{ unit }} poinformuje o jej zakończeniu.",
        ),
        (
            "in_progress",
            "Zlecone wykonawcy",
            "Naprawę w sprawie zgłoszenia {{ number }} zlecono wykonawcy prac utrzymaniowych.",
        ),
        (
            "done",
            "Zrealizowane",
            "Zgłoszenie {{ number }} zostało zrealizowane. Dziękujemy za pomoc w dbaniu o miasto.",
        ),
        (
            "closed",
            "Poza kompetencją miasta",
            "Sprawa ze zgłoszenia {{ number }} nie należy do zadań miasta; przekazaliśmy informację \
             właściwemu zarządcy terenu.",
        ),
    ];
    let now = Utc::now();
    diesel::delete(t::table.filter(t::category_id.is_null()))
        .execute(conn)
        .await?;
    for (status, name, body) in TEMPLATES {
        diesel::insert_into(t::table)
            .values((
                t::status.eq(status),
                t::name.eq(name),
                t::body.eq(body),
                t::created_at.eq(now),
                t::updated_at.eq(now),
            ))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// A table of the demo accounts for people to log in with.
/// Loads a year of handled issues for the statistics (the command `seed-demo`; tests build
/// their own data).
pub async fn seed_history(config: &Config) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(config.database_url()).await?;
    let calendar = crate::workflow::calendar::Calendar::from_config(&config.extra_days_off)?;
    let added = crate::stats::demo::seed(&mut conn, &calendar, Utc::now()).await?;
    tracing::info!(issues = added, "demo history seeded");
    Ok(())
}

pub fn accounts_table() -> String {
    let mut out = format!("Demo accounts (password for all: {DEMO_PASSWORD}):\n");
    for (email, _, _, role, unit) in DEMO_ACCOUNTS {
        let role = role.map_or("resident", Role::as_str);
        let unit = unit.map(|slug| format!(" ({slug})")).unwrap_or_default();
        out.push_str(&format!("  {email:<40} {role}{unit}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_units_include_every_body_of_the_order() {
        let units = units().unwrap();
        for name in [
            "Centrum Świadczeń Socjalnych",
            "Łódzki Ośrodek Geodezji",
            "Miejski Ośrodek Pomocy Społecznej",
            "Miejski Zespół Żłobków",
            "Powiatowy Urząd Pracy",
            "Schronisko dla Zwierząt",
            "Zarząd Dróg i Transportu",
            "Zarząd Gospodarowania Odpadami",
            "Zarząd Lokali Miejskich",
            "Zarząd Zieleni Miejskiej",
        ] {
            assert!(units.iter().any(|unit| unit.name.starts_with(name)), "missing {name}");
        }
        assert!(
            units
                .iter()
                .any(|unit| unit.kind == crate::org::model::UnitKind::Department)
        );
    }
}
