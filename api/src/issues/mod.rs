//! Issues: intake, photos, the moderation gate, public reads, support and the reporter's
//! follow-up.

pub mod intake;
pub mod map_cache;
pub mod model;
pub mod moderation;
pub mod photos;
pub mod public;
pub mod support;
pub mod tracking;
pub mod view;

/// Registers this domain's routes; fixed paths before `/issues/{number}`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(intake::create_issue)
        .service(public::list_issues)
        .service(public::map_issues)
        .service(public::nearby_issues)
        .service(public::export_issues)
        .service(public::get_issue)
        .service(public::get_issue_photo)
        .service(public::get_issue_photo_thumbnail)
        .service(support::support_issue)
        .service(moderation::moderation_queue)
        .service(moderation::get_staff_issue)
        .service(moderation::get_staff_issue_photo)
        .service(moderation::moderate_issue)
        .service(moderation::redact_issue)
        .service(moderation::set_photo_visibility)
        .service(tracking::track_issue)
        .service(tracking::withdraw_contact_consent)
        .service(tracking::list_my_issues);
}
