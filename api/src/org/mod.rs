//! The city's organisation: units, and the categories residents report in.

pub mod categories;
pub mod fields;
pub mod model;
pub mod routes;
