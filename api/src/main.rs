//! The `kontakt` command: serve (default), migrate, openapi, seed-demo.

use clap::{Parser, Subcommand};
use kontakt::config::Config;
use kontakt::{app, db, demo, openapi, telemetry};

#[derive(Parser)]
#[command(name = "kontakt", version, about = "Kontakt: a city's resident-contact platform")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve HTTP (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
    /// Load the demo city's data (idempotent).
    SeedDemo,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::Openapi) = cli.command {
        // The document needs no configuration or database.
        let json = openapi::document_json()?;
        std::io::Write::write_all(&mut std::io::stdout(), json.as_bytes())?;
        return Ok(());
    }
    let config = Config::load()?;
    telemetry::init(config.log_format);
    prepare_database(&config).await?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let application = app::Application::build(config)?;
            tracing::info!(port = application.port(), "serving");
            application.run().await?;
        }
        Command::SeedDemo => {
            demo::seed(&config).await?;
            demo::seed_history(&config).await?;
            eprint!("{}", demo::accounts_table());
        }
        Command::Migrate | Command::Openapi => {}
    }
    Ok(())
}

async fn prepare_database(config: &Config) -> anyhow::Result<()> {
    if config.create_database {
        db::create_database_if_missing(config.database_url()).await?;
    }
    db::migrate(config.database_url()).await
}
