//! Statistics, dashboards and open figures (R10.3): per-issue facts kept by the workflow
//! (`facts`), aggregated in SQL (`figures`), served to staff with filters, CSV and a heat
//! map, and to the public per unit (`routes`). `docs/statistics.md` defines every figure.

pub mod demo;
pub mod facts;
pub mod figures;
pub mod routes;

/// The statistics routes.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(routes::get_public_statistics)
        .service(routes::get_statistics)
        .service(routes::export_statistics)
        .service(routes::get_heatmap);
}
