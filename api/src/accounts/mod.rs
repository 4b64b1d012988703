//! Accounts: registration data, profile, terms and consents, the inbox, data export,
//! deletion, administration and the personal-data access log.

pub mod admin;
pub mod inbox;
pub mod model;
pub mod routes;
pub mod terms;
