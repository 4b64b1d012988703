//! The city's organisation: units (and, later, categories and routing rules).

pub mod model;
pub mod routes;
