//! The connection pool, embedded migrations, and helpers for text-backed enums.

use std::time::Duration;

use anyhow::Context;
use diesel::Connection;
use diesel::{ExpressionMethods, OptionalExtension, QueryDsl};
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_async::pooled_connection::deadpool::Pool as DeadPool;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::config::Config;

/// The migrations in `migrations/`, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations");

/// A pool of async PostgreSQL connections.
pub type Pool = DeadPool<AsyncPgConnection>;
/// A connection checked out of the pool.
pub type Conn = diesel_async::pooled_connection::deadpool::Object<AsyncPgConnection>;
/// Why a connection could not be had.
pub type PoolError = diesel_async::pooled_connection::deadpool::PoolError;

/// Builds the pool. Connections are made lazily, so a server starts (and reports
/// not-ready) while the database is down.
pub fn pool(config: &Config) -> anyhow::Result<Pool> {
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(config.database_url());
    let timeout = Some(Duration::from_secs(config.database_timeout_secs));
    DeadPool::builder(manager)
        .max_size(config.database_pool_size)
        .runtime(deadpool::Runtime::Tokio1)
        .wait_timeout(timeout)
        .create_timeout(timeout)
        .recycle_timeout(timeout)
        .build()
        .context("building the database pool")
}

/// Applies pending migrations (on a blocking thread: diesel's migration runner is sync).
pub async fn migrate(database_url: &str) -> anyhow::Result<()> {
    let url = database_url.to_owned();
    let applied = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<String>> {
        let mut conn = <AsyncConnectionWrapper<AsyncPgConnection> as Connection>::establish(&url)
            .with_context(|| format!("connecting to the database at {}", redact(&url)))?;
        let versions = conn
            .run_pending_migrations(MIGRATIONS)
            .map_err(|error| anyhow::anyhow!("running migrations: {error}"))?;
        Ok(versions.iter().map(ToString::to_string).collect())
    })
    .await??;
    for version in applied {
        tracing::info!(%version, "migration applied");
    }
    Ok(())
}

diesel::table! {
    pg_database (datname) {
        datname -> Text,
    }
}

/// Creates the database named in `database_url` when it does not exist yet
/// (a development convenience; production databases are provisioned beforehand).
pub async fn create_database_if_missing(database_url: &str) -> anyhow::Result<()> {
    let (server_url, name) = split_database_name(database_url)?;
    let mut conn = AsyncPgConnection::establish(&format!("{server_url}/postgres"))
        .await
        .with_context(|| format!("connecting to PostgreSQL at {}", redact(&server_url)))?;
    let exists = pg_database::table
        .select(pg_database::datname)
        .filter(pg_database::datname.eq(&name))
        .first::<String>(&mut conn)
        .await
        .optional()?
        .is_some();
    if !exists {
        diesel::sql_query(format!("CREATE DATABASE {}", quote_identifier(&name)))
            .execute(&mut conn)
            .await
            .with_context(|| format!("creating database {name}"))?;
        tracing::info!(database = %name, "database created");
    }
    Ok(())
}

/// Splits `postgres://host/db?opts` into (`postgres://host`, `db`).
pub fn split_database_name(database_url: &str) -> anyhow::Result<(String, String)> {
    let without_query = database_url.split('?').next().unwrap_or(database_url);
    let (server, name) = without_query
        .rsplit_once('/')
        .filter(|(server, name)| server.contains("://") && !server.ends_with('/') && !name.is_empty())
        .context("the database URL must end with /<database name>")?;
    Ok((server.to_owned(), name.to_owned()))
}

/// Quotes an SQL identifier.
pub fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The URL with any password replaced, for messages.
pub fn redact(database_url: &str) -> String {
    match (database_url.find("://"), database_url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &database_url[scheme_end + 3..at];
            let user = credentials.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &database_url[..scheme_end + 3], &database_url[at..])
        }
        _ => database_url.to_owned(),
    }
}

/// Declares a Rust enum stored as `text` (with a CHECK constraint in SQL), so that
/// the database and the API share one spelling for every value.
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:tt),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
                 diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $text)] $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stored and serialised spelling.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(value: &str) -> Result<Self, String> {
                match value { $($text => Ok(Self::$variant),)+ other => Err(format!("unknown {}: {other}", stringify!($name))) }
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(bytes)?;
                text.parse().map_err(Into::into)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    text_enum! {
        /// A sample enum.
        pub enum Sample { First => "first_value", Second => "second" }
    }

    #[test]
    fn text_enums_are_spelled_alike_in_json_schema_and_text() {
        let schema = serde_json::to_value(<Sample as utoipa::PartialSchema>::schema()).unwrap();
        let spelled: Vec<&str> = Sample::ALL.iter().map(|value| value.as_str()).collect();
        assert_eq!(schema["enum"], serde_json::json!(spelled));
        assert_eq!(serde_json::to_value(Sample::First).unwrap(), "first_value");
        assert_eq!("second".parse::<Sample>(), Ok(Sample::Second));
        assert!("Second".parse::<Sample>().is_err());
    }

    #[test]
    fn splits_and_redacts_database_urls() {
        let (server, name) = split_database_name("postgres://u:secret@db:5432/kontakt?sslmode=disable").unwrap();
        assert_eq!(server, "postgres://u:secret@db:5432");
        assert_eq!(name, "kontakt");
        assert!(split_database_name("postgres://db:5432").is_err());
        assert_eq!(redact("postgres://u:secret@db/k"), "postgres://u:***@db/k");
        assert_eq!(quote_identifier("a\"b"), "\"a\"\"b\"");
    }
}
