//! Geography: the city's managed area.

pub mod boundary;
pub mod routes;
pub mod geocode;
