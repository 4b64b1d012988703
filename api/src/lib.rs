//! Kontakt: a city's resident-contact platform. The server library; `main.rs` is a thin
//! command-line shell around it and the black-box tests start it through [`app::Application`].

pub mod app;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod extract;
pub mod geo;
pub mod openapi;
pub mod ops;
pub mod org;
pub mod schema;
pub mod telemetry;
pub mod web;
