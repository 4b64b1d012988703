//! Authentication and authorization: passwords, tokens, sessions, the second factor,
//! brute-force throttling, the `Principal` extractor and the policy that decides every
//! permission.

pub mod jwt;
pub mod password;
pub mod policy;
pub mod principal;
pub mod routes;
pub mod session;
pub mod throttle;
pub mod totp;
