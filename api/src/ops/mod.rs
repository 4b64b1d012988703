//! Operations: liveness and readiness probes (metrics come from middleware in `app`).

pub mod routes;
