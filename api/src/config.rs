//! Typed configuration: safe defaults, overridden by an optional TOML file
//! (`KONTAKT_CONFIG_FILE`) and then by `KONTAKT_*` environment variables.

use std::path::PathBuf;

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// The whole configuration of one server process.
///
/// Secrets are `SecretString`, whose `Debug` prints `[REDACTED]`, so logging the
/// configuration never leaks them.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    /// PostgreSQL connection URL (may contain a password).
    pub database_url: SecretString,
    /// Maximum number of pooled database connections per process.
    pub database_pool_size: usize,
    /// Seconds to wait for a database connection before failing the request with 503.
    pub database_timeout_secs: u64,
    /// Create the database named in `database_url` when it does not exist (development).
    pub create_database: bool,
    /// Address and port the HTTP server listens on.
    pub bind: String,
    /// The public base URL, used in links sent to people.
    pub public_url: String,
    /// Directory with the built web UI (`web-ui/dist`), served at `/`.
    pub web_dir: PathBuf,
    /// Log format: `json` (structured, default) or `pretty` (for a terminal).
    pub log_format: LogFormat,
    /// Largest accepted JSON request body, in bytes.
    pub json_limit_bytes: usize,
    /// The city's name as shown to people.
    pub city_name: String,
    /// GeoJSON file with the managed area's boundary; the shipped demo city when unset.
    pub boundary_file: Option<PathBuf>,
    /// XYZ tile URL template for the map.
    pub tile_url: String,
    /// Attribution shown with the map tiles.
    pub tile_attribution: String,

    /// HMAC key signing access tokens (HS256). When unset, a random key is made at start,
    /// which logs everyone out on restart and does not work across instances.
    pub jwt_secret: Option<SecretString>,
    /// Key id (`kid`) of `jwt_secret`, so keys can be rotated.
    pub jwt_key_id: String,
    /// Earlier keys still accepted for verification during a rotation: `kid:secret,kid:secret`.
    pub jwt_previous_keys: Option<SecretString>,
    /// Lifetime of an access token, in seconds.
    pub access_token_ttl_secs: i64,
    /// Lifetime of a login session (its refresh tokens), in days.
    pub session_ttl_days: i64,
    /// Send the refresh cookie with `Secure` (browsers accept it on http://localhost too).
    pub cookie_secure: bool,
    /// Staff roles must log in with a second factor (TOTP).
    pub require_staff_totp: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy_headers: bool,
    /// Failed logins allowed per account, and attempts per IP address, in `throttle_window_secs`.
    pub login_failures_per_account: i64,
    pub login_attempts_per_ip: i64,
    /// Emails (verification, reset) that may be requested per address and per IP in the window.
    pub email_requests_per_address: i64,
    pub email_requests_per_ip: i64,
    pub throttle_window_secs: i64,

    /// SMTP server for outgoing mail: `smtp://host:port` (plain, for a local relay or mail
    /// catcher), `smtp://host:port?tls=required` (STARTTLS) or `smtps://user:pass@host`.
    pub smtp_url: SecretString,
    /// Sender of outgoing mail.
    pub mail_from: String,
    /// First retry delay after a failed delivery, in milliseconds (doubles each attempt, at most an hour).
    pub mail_retry_base_ms: u64,
    /// How often the outbox is polled for due mail, in milliseconds.
    pub mail_poll_interval_ms: u64,

    /// Directory for uploaded photos (the local storage backend).
    pub storage_dir: PathBuf,
    /// A Nominatim-compatible geocoder for typed addresses the street register lacks.
    pub geocoder_url: Option<String>,
    /// Anonymous visitors see public issues of this many recent days; logged-in residents all (R2.6).
    pub public_window_days: i64,
    /// Finished issues leave the map this many days after they finished (R2.5).
    pub finished_visible_days: i64,
    /// Radius of the "is this your problem?" search, in metres (R1.6).
    pub nearby_radius_m: f64,
    /// "Me too" supports accepted per client address per hour.
    pub supports_per_ip: i64,

    /// Days off beyond the statutory holidays, for deadlines: `2026-11-10,2026-12-31` (R3.6).
    pub extra_days_off: String,
    /// How often the background jobs (deadlines, information requests, anonymisation, digests) run, in milliseconds.
    pub jobs_interval_ms: u64,
    /// The address replies to information requests go to; each request's mail gets its own
    /// `local+secret@domain` form of it, which the mail server hands to `POST /api/v1/inbound/email`.
    pub reply_address: Option<String>,
    /// The bearer secret the inbound mail hook must present; inbound mail is off when unset.
    pub inbound_mail_secret: Option<SecretString>,
    /// The hour (Europe/Warsaw) at which daily digests of new issues are sent.
    pub digest_hour: u32,
    /// Signs webhook deliveries (`Kontakt-Signature: sha256=<HMAC>`); unsigned when unset.
    pub webhook_secret: Option<SecretString>,
    /// First retry delay of a failed webhook delivery, in milliseconds; it doubles each
    /// attempt up to two hours, and 25 attempts span about 32 hours.
    pub webhook_retry_base_ms: u64,
    /// Let webhooks call private and loopback addresses (receivers on the city's own
    /// network); off by default, so that a webhook URL cannot reach inside (SSRF).
    pub webhook_allow_private_targets: bool,
    /// Origins of browser apps allowed to call the API across origins (CORS), e.g.
    /// `KONTAKT_CORS_ALLOWED_ORIGINS='["https://app.example"]'`; none by default.
    pub cors_allowed_origins: Vec<String>,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Json,
    Pretty,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: SecretString::from("postgres://postgres@127.0.0.1:5432/kontakt"),
            database_pool_size: 16,
            database_timeout_secs: 3,
            create_database: true,
            bind: "127.0.0.1:8080".into(),
            public_url: "http://127.0.0.1:8080".into(),
            web_dir: PathBuf::from("web-ui/dist"),
            log_format: LogFormat::Json,
            json_limit_bytes: 1024 * 1024,
            city_name: "Łódź".into(),
            boundary_file: None,
            tile_url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            tile_attribution: "© OpenStreetMap contributors".into(),
            jwt_secret: None,
            jwt_key_id: "k1".into(),
            jwt_previous_keys: None,
            access_token_ttl_secs: 600,
            session_ttl_days: 30,
            cookie_secure: true,
            require_staff_totp: false,
            trust_proxy_headers: false,
            login_failures_per_account: 5,
            login_attempts_per_ip: 50,
            email_requests_per_address: 3,
            email_requests_per_ip: 20,
            throttle_window_secs: 900,
            smtp_url: SecretString::from("smtp://127.0.0.1:1025"),
            mail_from: "Kontakt <no-reply@kontakt.example>".into(),
            mail_retry_base_ms: 2000,
            mail_poll_interval_ms: 1000,
            storage_dir: PathBuf::from("var/storage"),
            geocoder_url: None,
            public_window_days: 90,
            finished_visible_days: 30,
            nearby_radius_m: 100.0,
            supports_per_ip: 60,
            extra_days_off: String::new(),
            jobs_interval_ms: 30_000,
            reply_address: None,
            inbound_mail_secret: None,
            digest_hour: 7,
            webhook_secret: None,
            webhook_retry_base_ms: 15_000,
            webhook_allow_private_targets: false,
            cors_allowed_origins: Vec::new(),
        }
    }
}

impl Config {
    /// Loads the configuration from the optional file and the environment.
    pub fn load() -> anyhow::Result<Self> {
        let mut figment = Figment::new();
        if let Ok(file) = std::env::var("KONTAKT_CONFIG_FILE") {
            figment = figment.merge(Toml::file_exact(file));
        }
        let config = figment
            .merge(Env::prefixed("KONTAKT_").ignore(&["config_file"]))
            .extract()?;
        Ok(config)
    }

    /// The database URL; call sites that need the secret say so by calling this.
    pub fn database_url(&self) -> &str {
        self.database_url.expose_secret()
    }
}
