//! Black-box tests of the HTTP API: one binary, a real server and database per test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod admin;
mod apps;
mod auth;
mod cors;
mod docs_examples;
mod errors;
mod health;
mod issues;
mod knowledge;
mod knowledge_search;
mod mail;
mod open311;
mod openapi;
mod spa;
mod stats;
mod units;
mod webhooks;
mod workflow;
