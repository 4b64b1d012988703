//! Webhook subscriptions (R8.4): an app or a unit subscribes to events about public issues
//! and receives each as a signed JSON POST. Events are queued in the persistent outbox in
//! the transaction of the change (`events`), delivered and retried for about 32 hours by
//! `notify::webhooks`, and listed in a delivery log with manual redelivery
//! (`routes`). Payloads carry the public view of the issue only (`payload`); targets on
//! private networks are refused unless the deployment allows them (`ssrf`).

pub mod events;
pub mod model;
pub mod payload;
pub mod routes;
pub mod ssrf;

/// The routes for subscriptions and their delivery logs.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::list_subscriptions)
        .service(routes::create_subscription)
        .service(routes::get_subscription)
        .service(routes::update_subscription)
        .service(routes::delete_subscription)
        .service(routes::rotate_secret)
        .service(routes::list_deliveries)
        .service(routes::redeliver);
}
