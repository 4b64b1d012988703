//! Kontakt: a city's resident-contact platform. The server library; `main.rs` is a thin
//! command-line shell around it and the black-box tests start it through [`app::Application`].

pub mod accounts;
pub mod app;
pub mod apps;
pub mod auth;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod extract;
pub mod geo;
pub mod issues;
pub mod jobs;
pub mod knowledge;
pub mod notify;
pub mod open311;
pub mod openapi;
pub mod ops;
pub mod org;
pub mod schema;
pub mod secrets;
pub mod stats;
pub mod storage;
pub mod telemetry;
pub mod time;
pub mod validation;
pub mod web;
pub mod webhooks;
pub mod workflow;
