//! Demo procedures (`data/demo/procedures.json`): published descriptions with generated
//! attachments, an internal procedure, a later published version, a scheduled update and
//! a draft in review — written through the same checks and publication as real ones.

use std::collections::HashMap;

use anyhow::{Context as _, bail};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use super::content::{self, Context, ProcedureContent};
use super::files;
use super::model::{self, Procedure, Version, VersionState};
use super::samples;
use crate::schema::{accounts, procedure_attachments, procedure_topics, procedure_versions, procedures, units};
use crate::storage::Storage;

const PROCEDURES: &str = include_str!("../../data/demo/procedures.json");
/// The demo publisher and editor (see `demo::DEMO_ACCOUNTS`).
const PUBLISHER: &str = "publisher@demo.kontakt.example";

#[derive(Debug, Deserialize)]
struct DemoProcedure {
    key: String,
    unit: String,
    attachments: Vec<DemoFile>,
    #[serde(default)]
    related: Vec<String>,
    content: Value,
    published_at: DateTime<Utc>,
    change_note: String,
    #[serde(default)]
    later: Vec<LaterVersion>,
}

#[derive(Debug, Deserialize)]
struct DemoFile {
    file: String,
    kind: String,
    title: String,
    #[serde(default)]
    lines: Vec<String>,
    #[serde(default)]
    untagged: bool,
}

#[derive(Debug, Deserialize)]
struct LaterVersion {
    state: VersionState,
    at: DateTime<Utc>,
    change_note: String,
    patch: Value,
}

fn generate(file: &DemoFile) -> anyhow::Result<Vec<u8>> {
    let lines: Vec<&str> = file.lines.iter().map(String::as_str).collect();
    Ok(match file.kind.as_str() {
        "pdf" => samples::pdf(&file.title, &lines, !file.untagged),
        "docx" => samples::docx(Some(&file.title), Some("pl-PL"), &lines),
        "rtf" => samples::rtf(&[&[file.title.as_str()], lines.as_slice()].concat()),
        other => bail!("unknown demo file kind {other}"),
    })
}

/// Replaces `"file": name` / `"sample_file": name` in documents with attachment ids.
fn link_files(value: &mut Value, files: &HashMap<String, Uuid>) -> anyhow::Result<()> {
    match value {
        Value::Object(map) => {
            for (from, to) in [("file", "file_id"), ("sample_file", "sample_file_id")] {
                if let Some(Value::String(name)) = map.remove(from) {
                    let id = files
                        .get(&name)
                        .with_context(|| format!("demo file {name} is not listed"))?;
                    map.insert(to.into(), Value::String(id.to_string()));
                }
            }
            map.values_mut().try_for_each(|v| link_files(v, files))
        }
        Value::Array(items) => items.iter_mut().try_for_each(|v| link_files(v, files)),
        _ => Ok(()),
    }
}

async fn insert_version(
    conn: &mut AsyncPgConnection,
    procedure_id: Uuid,
    state: VersionState,
    content: &ProcedureContent,
    change_note: &str,
    at: DateTime<Utc>,
    publisher: (Uuid, String),
) -> anyhow::Result<Version> {
    let base: Option<i32> = procedures::table
        .find(procedure_id)
        .select(procedures::current_version)
        .first(conn)
        .await?;
    let scheduled = state == VersionState::Scheduled;
    Ok(diesel::insert_into(procedure_versions::table)
        .values((
            procedure_versions::procedure_id.eq(procedure_id),
            procedure_versions::state.eq(if scheduled { state } else { VersionState::InReview }),
            procedure_versions::base_version.eq(base),
            procedure_versions::content.eq(serde_json::to_value(content)?),
            procedure_versions::change_note.eq(change_note),
            procedure_versions::information_produced_on
                .eq(content.fields.information_produced_on.or(Some(at.date_naive()))),
            procedure_versions::created_at.eq(at),
            procedure_versions::updated_at.eq(at),
            procedure_versions::submitted_at.eq(at),
            procedure_versions::publish_at.eq(scheduled.then_some(at)),
            procedure_versions::published_by.eq(scheduled.then_some(publisher.0)),
            procedure_versions::published_by_name.eq(scheduled.then_some(publisher.1)),
        ))
        .returning(Version::as_returning())
        .get_result(conn)
        .await?)
}

/// Checks a demo description as a submission would; the demo must pass every rule.
fn checked(mut content: ProcedureContent, key: &str, context: &Context<'_>) -> anyhow::Result<ProcedureContent> {
    let errors = content::check(&mut content, context, true);
    if !errors.is_empty() {
        bail!("demo procedure {key} is not valid: {errors:?}");
    }
    Ok(content)
}

/// Loads the demo procedures unless the knowledge base has some already.
pub async fn seed(conn: &mut AsyncPgConnection, storage: &dyn Storage) -> anyhow::Result<usize> {
    let existing: i64 = procedures::table.count().get_result(conn).await?;
    if existing > 0 {
        return Ok(0);
    }
    let demo: Vec<DemoProcedure> = serde_json::from_str(PROCEDURES).context("parsing the demo procedures")?;
    let (publisher_id, first, last): (Uuid, String, String) = accounts::table
        .filter(accounts::email.eq(PUBLISHER))
        .select((accounts::id, accounts::first_name, accounts::last_name))
        .first(conn)
        .await
        .context("the demo publisher")?;
    let publisher = (publisher_id, format!("{first} {last}"));
    let topics: Vec<String> = procedure_topics::table
        .select(procedure_topics::slug)
        .load(conn)
        .await?;

    // First every procedure and its files, so that related procedures can be linked.
    let mut ids: HashMap<&str, Uuid> = HashMap::new();
    let mut file_ids: HashMap<&str, HashMap<String, Uuid>> = HashMap::new();
    for item in &demo {
        let unit: Uuid = units::table
            .filter(units::slug.eq(&item.unit))
            .select(units::id)
            .first(conn)
            .await
            .with_context(|| format!("demo unit {}", item.unit))?;
        let name = item.content["fields"]["name"].as_str().unwrap_or_default();
        let procedure: Procedure = diesel::insert_into(procedures::table)
            .values((
                procedures::unit_id.eq(unit),
                procedures::created_at.eq(item.published_at),
                procedures::name.eq(name),
            ))
            .returning(Procedure::as_returning())
            .get_result(conn)
            .await?;
        let mut files_of = HashMap::new();
        for file in &item.attachments {
            let bytes = generate(file)?;
            let inspected = files::inspect("file", &file.file, &bytes)
                .map_err(|e| anyhow::anyhow!("demo file {}: {}", file.file, e.message))?;
            let id = Uuid::new_v4();
            let key = format!("procedures/{}/{id}.{}", procedure.id, inspected.kind.extension());
            let size = i32::try_from(bytes.len())?;
            storage.put(&key, bytes).await?;
            diesel::insert_into(procedure_attachments::table)
                .values((
                    procedure_attachments::id.eq(id),
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
                    procedure_attachments::created_at.eq(item.published_at),
                ))
                .execute(conn)
                .await?;
            files_of.insert(file.file.clone(), id);
        }
        ids.insert(&item.key, procedure.id);
        file_ids.insert(&item.key, files_of);
    }

    let all: Vec<Uuid> = ids.values().copied().collect();
    for item in &demo {
        let id = ids[item.key.as_str()];
        let files = &file_ids[item.key.as_str()];
        let mut value = item.content.clone();
        link_files(&mut value, files)?;
        let related: Vec<String> = item
            .related
            .iter()
            .map(|key| {
                ids.get(key.as_str())
                    .map(Uuid::to_string)
                    .with_context(|| format!("related {key}"))
            })
            .collect::<anyhow::Result<_>>()?;
        value["fields"]["related"] = serde_json::to_value(related)?;
        let attachments: Vec<Uuid> = files.values().copied().collect();
        let context = Context {
            procedure_id: Some(id),
            attachments: &attachments,
            topics: &topics,
            procedures: &all,
        };
        let content = checked(serde_json::from_value(value.clone())?, &item.key, &context)?;
        let first = insert_version(
            conn,
            id,
            VersionState::Published,
            &content,
            &item.change_note,
            item.published_at,
            publisher.clone(),
        )
        .await?;
        model::publish(conn, &first, Some(publisher.clone()), item.published_at)
            .await
            .map_err(|e| anyhow::anyhow!("publishing demo {}: {e}", item.key))?;
        for later in &item.later {
            json_patch::merge(&mut value, &later.patch);
            let content = checked(serde_json::from_value(value.clone())?, &item.key, &context)?;
            let version = insert_version(
                conn,
                id,
                later.state,
                &content,
                &later.change_note,
                later.at,
                publisher.clone(),
            )
            .await?;
            if later.state == VersionState::Published {
                model::publish(conn, &version, Some(publisher.clone()), later.at)
                    .await
                    .map_err(|e| anyhow::anyhow!("publishing demo {}: {e}", item.key))?;
            }
        }
    }
    Ok(demo.len())
}
