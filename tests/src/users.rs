//! Accounts for tests: residents registered through the API, staff created directly.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kontakt::auth::policy::Role;
use kontakt::schema::{accounts, role_grants, terms_versions, units};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::TestApp;

/// A password that passes the rules.
pub const PASSWORD: &str = "Zielony-Tramwaj-na-Piotrkowskiej";
/// The terms version every test database publishes.
pub const TERMS: &str = "1.0";

/// A logged-in account.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: Uuid,
    pub email: String,
    pub password: String,
    /// The access token.
    pub token: String,
    /// The refresh token from the cookie.
    pub refresh: String,
}

/// The refresh token set by a response, if any.
pub fn refresh_cookie(response: &reqwest::Response) -> Option<String> {
    response.headers().get_all("set-cookie").iter().find_map(|value| {
        let value = value.to_str().ok()?;
        let rest = value.strip_prefix("kontakt_refresh=")?;
        Some(rest.split(';').next()?.to_owned())
    })
}

impl TestApp {
    /// Publishes terms version 1.0 (once per database).
    pub async fn seed_terms(&self) {
        let mut conn = self.db.connect().await;
        diesel::insert_into(terms_versions::table)
            .values((
                terms_versions::version.eq(TERMS),
                terms_versions::published_at.eq(chrono::Utc::now() - chrono::Duration::days(30)),
                terms_versions::body_pl.eq("Regulamin"),
                terms_versions::body_en.eq("Terms"),
            ))
            .on_conflict_do_nothing()
            .execute(&mut conn)
            .await
            .unwrap();
    }

    /// POSTs JSON, optionally with a bearer token.
    pub async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> reqwest::Response {
        let mut request = self.client.post(self.url(path)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap()
    }

    /// Sends `method` with a bearer token and an optional JSON body.
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<&Value>,
    ) -> reqwest::Response {
        let mut request = self.client.request(method, self.url(path)).bearer_auth(token);
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.unwrap()
    }

    /// GET with a bearer token.
    pub async fn get_as(&self, path: &str, token: &str) -> reqwest::Response {
        self.client.get(self.url(path)).bearer_auth(token).send().await.unwrap()
    }

    /// Registers a resident through the API (the terms must be seeded).
    pub async fn register(&self, email: &str, password: &str) -> reqwest::Response {
        let body = json!({
            "first_name": "Anna", "last_name": "Nowak", "email": email, "password": password,
            "accepted_terms_version": TERMS,
        });
        self.post("/api/v1/auth/register", None, &body).await
    }

    /// Logs in with email and password.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post(
            "/api/v1/auth/login",
            None,
            &json!({ "email": email, "password": password }),
        )
        .await
    }

    /// Logs in and returns the tokens; panics unless the login succeeds at once.
    pub async fn login_ok(&self, email: &str, password: &str) -> (String, String) {
        let response = self.login(email, password).await;
        assert_eq!(response.status(), 200, "login of {email}");
        let refresh = refresh_cookie(&response).expect("a refresh cookie");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["status"], "authenticated", "{body}");
        (body["access_token"].as_str().unwrap().to_owned(), refresh)
    }

    /// A resident registered, verified through the mailed link, and logged in.
    pub async fn resident(&self, email: &str) -> TestUser {
        self.seed_terms().await;
        assert_eq!(self.register(email, PASSWORD).await.status(), 202);
        let mail = self.mail.wait_for(email, 1).await;
        let verified = self
            .post("/api/v1/auth/verify-email", None, &json!({ "token": mail.token() }))
            .await;
        assert_eq!(verified.status(), 204);
        self.user(email).await
    }

    /// A verified account with `roles` (unit slugs for scoped roles), created directly.
    pub async fn staff(&self, email: &str, roles: &[(Role, Option<&str>)]) -> TestUser {
        let hash = kontakt::auth::password::hash(PASSWORD.into()).await.unwrap();
        let mut conn = self.db.connect().await;
        let now = chrono::Utc::now();
        let id: Uuid = diesel::insert_into(accounts::table)
            .values((
                accounts::email.eq(email),
                accounts::first_name.eq("Staff"),
                accounts::last_name.eq("Member"),
                accounts::password_hash.eq(hash),
                accounts::email_verified_at.eq(now),
            ))
            .returning(accounts::id)
            .get_result(&mut conn)
            .await
            .unwrap();
        for (role, unit) in roles {
            let unit_id: Option<Uuid> = match unit {
                Some(slug) => Some(
                    units::table
                        .filter(units::slug.eq(slug))
                        .select(units::id)
                        .first(&mut conn)
                        .await
                        .unwrap(),
                ),
                None => None,
            };
            diesel::insert_into(role_grants::table)
                .values((
                    role_grants::account_id.eq(id),
                    role_grants::role.eq(*role),
                    role_grants::unit_id.eq(unit_id),
                ))
                .execute(&mut conn)
                .await
                .unwrap();
        }
        self.user(email).await
    }

    async fn user(&self, email: &str) -> TestUser {
        let (token, refresh) = self.login_ok(email, PASSWORD).await;
        let me: Value = self.get_as("/api/v1/accounts/me", &token).await.json().await.unwrap();
        TestUser {
            id: me["id"].as_str().unwrap().parse().unwrap(),
            email: email.to_owned(),
            password: PASSWORD.to_owned(),
            token,
            refresh,
        }
    }

    /// POSTs to `/auth/refresh` with a refresh token in the cookie.
    pub async fn refresh(&self, refresh: &str) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/auth/refresh"))
            .header("cookie", format!("kontakt_refresh={refresh}"))
            .send()
            .await
            .unwrap()
    }
}
