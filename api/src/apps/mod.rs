//! Third-party apps and their API keys (R8.3): administrators register an app with the
//! scopes it may use and its rate limit, and issue keys that are shown once and stored
//! hashed. A key authenticates the app on the native API (`X-Api-Key`) and on Open311
//! (`api_key`); what it files is recorded with the app as its source.

pub mod keys;
pub mod model;
pub mod routes;

/// The administrators' routes for apps and keys.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::list_apps)
        .service(routes::create_app)
        .service(routes::get_app)
        .service(routes::update_app)
        .service(routes::issue_key)
        .service(routes::revoke_key)
        .service(routes::rotate_key);
}
