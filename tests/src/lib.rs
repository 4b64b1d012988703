//! Test harness: starts the real Kontakt server in-process on a random port, against a
//! fresh PostgreSQL database cloned from a migrated template, and drops the database
//! when the test ends. Tests may run in parallel (and in separate processes).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

pub mod db;

use std::path::PathBuf;

use kontakt::app::Application;
use kontakt::config::{Config, LogFormat};

pub use db::TestDb;

/// A running server with its own database.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    pub port: u16,
    /// A client that does not follow redirects and keeps cookies.
    pub client: reqwest::Client,
    /// The database, dropped with the app.
    pub db: TestDb,
}

impl TestApp {
    /// Starts a server with the default test configuration.
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// Starts a server after `customize` adjusted the configuration.
    pub async fn spawn_with(customize: impl FnOnce(&mut Config)) -> Self {
        let db = TestDb::create().await;
        let mut config = Config {
            database_url: db.url().into(),
            bind: "127.0.0.1:0".into(),
            create_database: false,
            log_format: LogFormat::Json,
            web_dir: PathBuf::from("/nonexistent-web-ui"),
            database_timeout_secs: 2,
            database_pool_size: 4,
            ..Config::default()
        };
        customize(&mut config);
        kontakt::telemetry::init(LogFormat::Json);
        let application = Application::build(config).expect("building the application");
        let port = application.port();
        tokio::spawn(application.run());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap();
        Self {
            address: format!("http://127.0.0.1:{port}"),
            port,
            client,
            db,
        }
    }

    /// The absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// Loads the demo data into this app's database.
    pub async fn seed_demo(&self) {
        let config = Config {
            database_url: self.db.url().into(),
            ..Config::default()
        };
        kontakt::demo::seed(&config).await.unwrap();
    }
}

/// Asserts that a response is a problem+json document with `status` and `code`, and
/// returns it.
pub async fn assert_problem(response: reqwest::Response, status: u16, code: &str) -> serde_json::Value {
    assert_eq!(response.status().as_u16(), status, "status of {}", response.url());
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(
        content_type.as_deref(),
        Some("application/problem+json"),
        "content type of {}",
        response.url()
    );
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], status);
    assert_eq!(body["code"], code, "problem: {body}");
    assert_eq!(body["type"], format!("urn:kontakt:problem:{code}"));
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(body["detail"].as_str().is_some_and(|t| !t.is_empty()));
    body
}
