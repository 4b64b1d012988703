//! Test harness: starts the real Kontakt server in-process on a random port, against a
//! fresh PostgreSQL database cloned from a migrated template, and drops the database
//! when the test ends. Tests may run in parallel (and in separate processes).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

pub mod db;
pub mod images;
pub mod mail;
pub mod users;

use std::path::PathBuf;

use actix_web::dev::ServerHandle;
use kontakt::app::Application;
use kontakt::clock::Clock;
use kontakt::config::{Config, LogFormat};

pub use db::TestDb;
pub use mail::MailServer;
pub use users::TestUser;

/// A running server with its own database.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    pub port: u16,
    /// A client that does not follow redirects and keeps cookies.
    pub client: reqwest::Client,
    /// The database, dropped with the app.
    pub db: TestDb,
    /// The SMTP server the app delivers mail to.
    pub mail: MailServer,
    /// The app's clock; `advance` it to cross expiry times.
    pub clock: Clock,
    /// The configuration the server runs with.
    pub config: Config,
    handle: ServerHandle,
}

impl TestApp {
    /// Starts a server with the default test configuration.
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// Starts a server after `customize` adjusted the configuration.
    pub async fn spawn_with(customize: impl FnOnce(&mut Config)) -> Self {
        let db = TestDb::create().await;
        let mail = MailServer::start();
        let mut config = Config {
            smtp_url: mail.url().into(),
            mail_poll_interval_ms: 50,
            jobs_interval_ms: 100,
            mail_retry_base_ms: 100,
            webhook_retry_base_ms: 100,
            // The tests' webhook receivers listen on loopback; the SSRF test turns this off.
            webhook_allow_private_targets: true,
            jwt_secret: Some("test-signing-key-of-at-least-32-bytes!".into()),
            storage_dir: std::env::temp_dir().join(format!("kontakt-test-storage-{}", uuid::Uuid::new_v4().simple())),
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
        let clock = Clock::default();
        let (port, handle) = start(config.clone(), clock.clone());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self {
            address: format!("http://127.0.0.1:{port}"),
            port,
            client,
            db,
            mail,
            clock,
            config,
            handle,
        }
    }

    /// Starts a second server on the same database (a second instance behind a load
    /// balancer, or this one after a restart); returns its base URL and handle.
    pub fn spawn_sibling(&self) -> (String, ServerHandle) {
        self.spawn_sibling_with(|_| {})
    }

    /// Like `spawn_sibling`, after `customize` adjusted the configuration (a restart with
    /// changed settings).
    pub fn spawn_sibling_with(&self, customize: impl FnOnce(&mut Config)) -> (String, ServerHandle) {
        let mut config = Config {
            bind: "127.0.0.1:0".into(),
            ..self.config.clone()
        };
        customize(&mut config);
        let (port, handle) = start(config, self.clock.clone());
        (format!("http://127.0.0.1:{port}"), handle)
    }

    /// Stops this server (gracefully, as on a normal restart).
    pub async fn stop(&self) {
        self.handle.stop(true).await;
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
        kontakt::demo::seed(&self.config).await.unwrap();
    }
}

fn start(config: Config, clock: Clock) -> (u16, ServerHandle) {
    kontakt::telemetry::init(LogFormat::Json);
    let application = Application::build_with_clock(config, clock).expect("building the application");
    let port = application.port();
    let handle = application.handle();
    tokio::spawn(application.run());
    (port, handle)
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
