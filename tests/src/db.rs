//! One PostgreSQL database per test, cloned from a template that holds the migrated
//! schema. The template is made once per migration set, under an advisory lock so that
//! parallel test processes agree on it.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use diesel::{ExpressionMethods, QueryDsl, TextExpressionMethods};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use kontakt::db::{pg_database, quote_identifier};

/// Lock key that serialises template creation across processes.
const TEMPLATE_LOCK: i64 = 0x6b6f_6e74_616b_7401;

/// The PostgreSQL server the tests use (no database name).
pub fn server_url() -> String {
    std::env::var("KONTAKT_TEST_DATABASE_SERVER").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

/// A database that exists for one test.
pub struct TestDb {
    name: String,
}

impl TestDb {
    /// Creates a fresh, migrated database.
    pub async fn create() -> Self {
        let name = format!("kontakt_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = admin_connection().await;
        // A suite of another checkout (other migrations) on the same server may drop this
        // template as stale between building and copying it; build it again then.
        let mut attempts = 0;
        loop {
            let template = ensure_template().await;
            let created = diesel::sql_query(format!(
                "CREATE DATABASE {} TEMPLATE {}",
                quote_identifier(&name),
                quote_identifier(&template)
            ))
            .execute(&mut admin)
            .await;
            match created {
                Ok(_) => return Self { name },
                Err(error) if attempts < 5 && error.to_string().contains("does not exist") => attempts += 1,
                Err(error) => panic!("creating the test database: {error}"),
            }
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The connection URL of this database.
    pub fn url(&self) -> String {
        format!("{}/{}", server_url(), self.name)
    }

    /// A direct connection, for tests that inspect or change stored rows.
    pub async fn connect(&self) -> AsyncPgConnection {
        AsyncPgConnection::establish(&self.url())
            .await
            .expect("connecting to the test database")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let statement = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", quote_identifier(&self.name));
        // Drop cannot be async: use a short-lived runtime on its own thread.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut admin = AsyncPgConnection::establish(&format!("{}/postgres", server_url()))
                    .await
                    .ok()?;
                diesel::sql_query(statement).execute(&mut admin).await.ok()
            })
        })
        .join();
    }
}

async fn admin_connection() -> AsyncPgConnection {
    let url = format!("{}/postgres", server_url());
    AsyncPgConnection::establish(&url).await.unwrap_or_else(|error| {
        panic!("PostgreSQL is not reachable at {url} ({error}); start it or set KONTAKT_TEST_DATABASE_SERVER")
    })
}

/// Returns the name of the template for the current migrations, creating it if needed.
async fn ensure_template() -> String {
    let name = format!("kontakt_template_{:016x}", migrations_hash());
    let mut admin = admin_connection().await;
    diesel::sql_query(format!("SELECT pg_advisory_lock({TEMPLATE_LOCK})"))
        .execute(&mut admin)
        .await
        .unwrap();
    let exists: i64 = pg_database::table
        .filter(pg_database::datname.eq(&name))
        .count()
        .get_result(&mut admin)
        .await
        .unwrap();
    if exists == 0 {
        // Templates of older migration sets are of no further use.
        let stale: Vec<String> = pg_database::table
            .select(pg_database::datname)
            .filter(pg_database::datname.like("kontakt_template_%"))
            .load(&mut admin)
            .await
            .unwrap();
        for old in stale {
            let _ = diesel::sql_query(format!("DROP DATABASE {} WITH (FORCE)", quote_identifier(&old)))
                .execute(&mut admin)
                .await;
        }
        let building = format!("{name}_building");
        let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {}", quote_identifier(&building)))
            .execute(&mut admin)
            .await;
        diesel::sql_query(format!("CREATE DATABASE {}", quote_identifier(&building)))
            .execute(&mut admin)
            .await
            .unwrap();
        kontakt::db::migrate(&format!("{}/{building}", server_url()))
            .await
            .expect("migrating the template database");
        diesel::sql_query(format!(
            "ALTER DATABASE {} RENAME TO {}",
            quote_identifier(&building),
            quote_identifier(&name)
        ))
        .execute(&mut admin)
        .await
        .unwrap();
    }
    diesel::sql_query(format!("SELECT pg_advisory_unlock({TEMPLATE_LOCK})"))
        .execute(&mut admin)
        .await
        .unwrap();
    name
}

/// A hash of every migration file, so a changed migration gets a new template.
fn migrations_hash() -> u64 {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let mut files = Vec::new();
    collect_files(&dir, &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        file.strip_prefix(&dir).unwrap().hash(&mut hasher);
        std::fs::read(&file).unwrap().hash(&mut hasher);
    }
    hasher.finish()
}

fn collect_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}
