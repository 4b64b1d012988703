//! Open311 GeoReport v2 at `/open311/v2`, with mySociety's
//! `servicerequestupdates` extension, mapped onto the domains:
//! - services are the categories offered now, their extra fields the attributes;
//! - service requests are the public issues, through the same public view as the REST
//!   API, so what the public may not see never appears here (R2.1, R2.2);
//! - updates are the public history entries of those issues;
//! - apps file requests with their `api_key`, through the same intake, moderation, routing
//!   and deadlines as every other issue, and post their users' updates to the staff.
//!
//! Every resource is served as `.json` and `.xml`; errors are GeoReport's error documents.
//! `docs/integrators.md` describes the mappings for integrators.

pub mod discovery;
pub mod filing;
pub mod format;
pub mod params;
pub mod requests;
pub mod services;
pub mod statuses;
pub mod update_filing;
pub mod updates;

use actix_web::web;
use utoipa_actix_web::scope;

/// Registers the Open311 routes; any other path below `/open311/v2` is an Open311 404.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(
        scope::scope("/open311/v2")
            .service(discovery::discovery)
            .service(services::list_services)
            .service(services::get_service_definition)
            .service(requests::list_requests)
            .service(filing::create_request)
            .service(requests::get_request)
            .service(requests::get_token)
            .service(updates::list_updates)
            .service(update_filing::create_update)
            .default_service(web::to(format::no_such_resource)),
    );
}
