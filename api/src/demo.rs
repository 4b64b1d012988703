//! Demo data for a local deployment: the units of the demo city (Łódź, after seed 001,
//! Attachment 1, plus several city-hall departments). Contact data is illustrative and
//! uses the reserved `.example` domain so that no mail reaches a real office.

use anyhow::Context;
use diesel_async::{AsyncConnection, AsyncPgConnection};

use crate::config::Config;
use crate::org::model::{self, UnitUpsert};

const UNITS: &str = include_str!("../data/demo/units.json");

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
    tracing::info!(units = units.len(), "demo data loaded");
    Ok(())
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
