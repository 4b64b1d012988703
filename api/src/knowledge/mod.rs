//! The knowledge base of procedures (R7): descriptions after the template of seed 001,
//! their editorial workflow (drafts, review, publication now or on a date, every version
//! kept), attachments, Polish-aware search, and feeds for the city's BIP.

pub mod attachments;
pub mod content;
pub mod demo;
pub mod diff;
pub mod editorial;
pub mod feed;
pub mod files;
pub mod model;
pub mod publication;
pub mod routes;
pub mod samples;
pub mod search;
pub mod staff;
pub mod views;

/// The knowledge base's routes. Literal paths (`feed.json`) come before `{id}`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::json_feed)
        .service(routes::atom_feed)
        .service(routes::list_procedures)
        .service(routes::get_procedure)
        .service(routes::get_procedure_version)
        .service(routes::list_topics)
        .service(attachments::download_attachment)
        .service(staff::staff_list_procedures)
        .service(staff::staff_get_procedure)
        .service(staff::staff_get_procedure_version)
        .service(attachments::staff_download_attachment)
        .service(attachments::upload_attachment)
        .service(editorial::create_procedure)
        .service(editorial::start_draft)
        .service(editorial::list_drafts)
        .service(editorial::get_draft)
        .service(editorial::update_draft)
        .service(editorial::submit_draft)
        .service(editorial::draft_diff)
        .service(editorial::comment_draft)
        .service(editorial::return_draft)
        .service(editorial::publish_draft);
}
