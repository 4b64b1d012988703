//! Notifications: email templates and the outbox that delivers them over SMTP.

pub mod email;
pub mod outbox;
pub mod webhooks;

use diesel_async::AsyncPgConnection;

use crate::accounts::model::Language;
use crate::app::AppState;
use crate::error::AppError;

/// Renders a template and queues it for delivery, in the caller's transaction.
pub async fn queue_email(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    template: &str,
    language: Language,
    to: &str,
    context: minijinja::Value,
) -> Result<(), AppError> {
    let email = state.templates.render(template, language, to, context)?;
    outbox::enqueue(conn, &email, state.clock.now()).await?;
    Ok(())
}

/// An absolute link into the web UI.
pub fn link(state: &AppState, path_and_query: &str) -> String {
    format!("{}{path_and_query}", state.config.public_url.trim_end_matches('/'))
}
