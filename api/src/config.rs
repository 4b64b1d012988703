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
