//! Geography: the city's managed area.

pub mod boundary;
pub mod geocode;
pub mod routes;
