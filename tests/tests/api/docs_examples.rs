//! The `curl` examples of the integrators' documentation work: each is run with bash and
//! curl against a real server with demo data, and answers the status its comment shows
//! (`# HTTP/1.1 404 …`, `# 201 …`), or a 2xx when the comment shows none.

use std::path::PathBuf;
use std::process::Command;

use kontakt::auth::policy::Role;
use kontakt_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

/// One example: the command (continuation lines joined) and the status it should answer.
#[derive(Debug)]
struct Example {
    command: String,
    expected: Option<u16>,
}

fn examples(markdown: &str) -> Vec<Example> {
    let mut found = Vec::new();
    let mut in_block = false;
    let mut lines = Vec::new();
    for line in markdown.lines() {
        if line.starts_with("```") {
            in_block = line.starts_with("```sh") && !in_block;
            if in_block {
                lines.clear();
            } else {
                found.extend(commands(&lines));
            }
            continue;
        }
        if in_block {
            lines.push(line.to_owned());
        }
    }
    found
}

fn commands(lines: &[String]) -> Vec<Example> {
    let mut found: Vec<Example> = Vec::new();
    let mut current = String::new();
    for line in lines {
        if let Some(comment) = line.strip_prefix('#') {
            let status = comment
                .trim()
                .trim_start_matches("HTTP/1.1 ")
                .split(' ')
                .next()
                .and_then(|word| word.parse::<u16>().ok());
            if let (Some(last), Some(status)) = (found.last_mut(), status)
                && last.expected.is_none()
            {
                last.expected = Some(status);
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        // A string literal may span lines ('{"a": 1,\n "b": 2}'); only a trailing
        // backslash continues a command outside one.
        current.push_str(line.trim_end());
        current.push('\n');
        let open_quotes = current.matches('\'').count() % 2 == 1;
        if !line.trim_end().ends_with('\\') && !open_quotes {
            found.push(Example {
                command: current.replace("\\\n", " ").trim().to_owned(),
                expected: None,
            });
            current.clear();
        }
    }
    found
}

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

#[tokio::test]
async fn the_integrators_curl_examples_answer_as_documented() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let body = json!({
        "name": "Przykład", "contact_email": "dev@example.org",
        "scopes": ["issues.create", "updates.create"], "rate_limit_per_minute": 1000,
    });
    let registered: Value = app
        .post("/api/v1/apps", Some(&admin.token), &body)
        .await
        .json()
        .await
        .unwrap();
    let app_id = registered["id"].as_str().unwrap().to_owned();
    let issued: Value = app
        .post(&format!("/api/v1/apps/{app_id}/keys"), Some(&admin.token), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    // A public request for the examples that read or update one.
    let filed: Value = app
        .post(
            "/api/v1/issues",
            None,
            &json!({
                "category": "road-damage", "title": "Dziura", "description": "Dziura na jezdni.",
                "location": { "lat": 51.7592, "lon": 19.4576 }, "field_values": { "surface": "road", "size_cm": 40 },
            }),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = filed["number"].as_str().unwrap().replace('/', "-");
    let tracking = filed["tracking_token"].as_str().unwrap().to_owned();
    // The photo the upload example sends, in the directory the examples run in.
    let workdir = std::env::temp_dir().join(format!("kontakt-docs-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&workdir).unwrap();
    std::fs::write(
        workdir.join("pothole.jpg"),
        kontakt_tests::images::jpeg_with_exif(640, 480, 1),
    )
    .unwrap();
    let moderation = format!("/api/v1/issues/{id}/moderation");
    let approved = app
        .call(
            Method::POST,
            &moderation,
            &admin.token,
            Some(&json!({ "decision": "approved" })),
        )
        .await;
    assert_eq!(approved.status(), 200);

    let mut run = 0;
    for file in ["integrators.md", "webhooks.md"] {
        let markdown = std::fs::read_to_string(docs().join(file)).unwrap();
        for example in examples(&markdown)
            .into_iter()
            .filter(|e| e.command.starts_with("curl"))
        {
            let script = format!(
                "command -v uuidgen >/dev/null || uuidgen() {{ cat /proc/sys/kernel/random/uuid; }}\n{} -sS -o /dev/null -w '%{{http_code}}'",
                example.command
            );
            let output = Command::new("bash")
                .arg("-c")
                .arg(&script)
                .env("BASE", &app.address)
                .env("KEY", issued["key"].as_str().unwrap())
                .env("TOKEN", &admin.token)
                .env("ID", &id)
                .env("TRACKING_TOKEN", &tracking)
                .current_dir(&workdir)
                .env("APP_ID", &app_id)
                .env("JURISDICTION", "127.0.0.1")
                .output()
                .unwrap();
            let status: u16 = String::from_utf8_lossy(&output.stdout).trim().parse().unwrap_or(0);
            match example.expected {
                Some(expected) => assert_eq!(status, expected, "{file}: {}", example.command),
                None => assert!(
                    (200..300).contains(&status),
                    "{file}: {} answered {status}",
                    example.command
                ),
            }
            run += 1;
        }
    }
    assert!(run >= 19, "the examples were found: {run}");
    std::fs::remove_dir_all(&workdir).ok();
}
