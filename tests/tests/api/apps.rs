//! Third-party apps and API keys: registration by administrators only, keys shown once and
//! stored hashed, issues filed with a key recorded with their app, scopes, and rate limits,
//! revocation, rotation and disabling taking effect at once.

use kontakt::auth::policy::Role;
use kontakt_tests::{TestApp, TestUser, assert_problem};
use reqwest::Method;
use serde_json::{Value, json};

fn pothole() -> Value {
    json!({
        "category": "road-damage",
        "title": "Dziura na jezdni",
        "description": "Głęboka dziura przy przejściu dla pieszych.",
        "location": { "lat": 51.7592, "lon": 19.4576 },
        "field_values": { "surface": "road", "size_cm": 40 },
    })
}

struct Desk {
    app: TestApp,
    admin: TestUser,
}

async fn desk() -> Desk {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    Desk { app, admin }
}

impl Desk {
    async fn register(&self, scopes: &[&str], rate: i32) -> Value {
        let body = json!({
            "name": "Łódź w kieszeni",
            "contact_email": "Dev@Example.org",
            "scopes": scopes,
            "rate_limit_per_minute": rate,
        });
        let response = self.app.post("/api/v1/apps", Some(&self.admin.token), &body).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        response.json().await.unwrap()
    }

    async fn issue_key(&self, app: &Value) -> Value {
        let path = format!("/api/v1/apps/{}/keys", app["id"].as_str().unwrap());
        let response = self.app.post(&path, Some(&self.admin.token), &json!({})).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        response.json().await.unwrap()
    }

    async fn file_with(&self, key: &str) -> reqwest::Response {
        reqwest::Client::new()
            .post(self.app.url("/api/v1/issues"))
            .header("X-Api-Key", key)
            .json(&pothole())
            .send()
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn administrators_register_apps_and_keys_are_shown_once() {
    let desk = desk().await;
    let app = &desk.app;
    let registered = desk.register(&["issues.create"], 60).await;
    assert_eq!(registered["contact_email"], "dev@example.org");
    assert_eq!(registered["scopes"], json!(["issues.create"]));
    assert_eq!(registered["keys"], json!([]));

    let issued = desk.issue_key(&registered).await;
    let key = issued["key"].as_str().unwrap();
    let prefix = issued["prefix"].as_str().unwrap();
    assert!(key.starts_with(&format!("kk_{prefix}_")), "{key}");
    assert!(key.len() > 50);

    // The list shows the prefix, never the key or its hash.
    let listed = app
        .get_as("/api/v1/apps", &desk.admin.token)
        .await
        .text()
        .await
        .unwrap();
    assert!(listed.contains(prefix));
    assert!(!listed.contains(key));
    assert!(!listed.contains("hash"));
    let one: Value = app
        .get_as(
            &format!("/api/v1/apps/{}", registered["id"].as_str().unwrap()),
            &desk.admin.token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(one["keys"][0]["prefix"], prefix);
    assert_eq!(one["keys"][0]["revoked_at"], Value::Null);

    // Only administrators manage apps.
    let operator = app
        .staff("op@example.org", &[(Role::Operator, Some("zarzad-drog-i-transportu"))])
        .await;
    let resident = app.resident("jan@example.org").await;
    for token in [&operator.token, &resident.token] {
        assert_problem(app.get_as("/api/v1/apps", token).await, 403, "forbidden").await;
        assert_problem(
            app.post(
                "/api/v1/apps",
                Some(token),
                &json!({ "name": "x", "contact_email": "a@b.pl", "scopes": [], "rate_limit_per_minute": 1 }),
            )
            .await,
            403,
            "forbidden",
        )
        .await;
    }
    assert_problem(app.get("/api/v1/apps").await, 401, "unauthenticated").await;
    let path = format!("/api/v1/apps/{}/keys", registered["id"].as_str().unwrap());
    assert_problem(
        app.post(&path, Some(&operator.token), &json!({})).await,
        403,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn bad_app_registrations_name_the_field() {
    let desk = desk().await;
    let app = &desk.app;
    let bad = [
        (
            json!({ "name": "", "contact_email": "a@b.pl", "scopes": [], "rate_limit_per_minute": 10 }),
            "name",
        ),
        (
            json!({ "name": "A", "contact_email": "nie-mail", "scopes": [], "rate_limit_per_minute": 10 }),
            "contact_email",
        ),
        (
            json!({ "name": "A", "contact_email": "a@b.pl", "scopes": [], "rate_limit_per_minute": 0 }),
            "rate_limit_per_minute",
        ),
        (
            json!({ "name": "A", "contact_email": "a@b.pl", "scopes": ["everything"], "rate_limit_per_minute": 10 }),
            "scopes",
        ),
    ];
    for (body, field) in bad {
        let problem = assert_problem(
            app.post("/api/v1/apps", Some(&desk.admin.token), &body).await,
            422,
            "validation_failed",
        )
        .await;
        assert!(
            problem["errors"][0]["field"].as_str().unwrap().starts_with(field),
            "{problem}"
        );
    }
    let missing = format!("/api/v1/apps/{}/keys", uuid_like());
    assert_problem(
        app.post(&missing, Some(&desk.admin.token), &json!({})).await,
        404,
        "not_found",
    )
    .await;
}

fn uuid_like() -> &'static str {
    "00000000-0000-4000-8000-000000000000"
}

#[tokio::test]
async fn an_issue_filed_with_a_key_records_its_app() {
    let desk = desk().await;
    let app = &desk.app;
    let registered = desk.register(&["issues.create"], 60).await;
    let key = desk.issue_key(&registered).await["key"].as_str().unwrap().to_owned();

    let response = desk.file_with(&key).await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    let created: Value = response.json().await.unwrap();
    let number = created["number"].as_str().unwrap().replace('/', "-");
    let moderator = app.staff("mod@example.org", &[(Role::Moderator, None)]).await;
    let staff: Value = app
        .get_as(&format!("/api/v1/staff/issues/{number}"), &moderator.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(staff["channel"], "api");
    assert_eq!(staff["source_app"], "Łódź w kieszeni");

    // A wrong, malformed or empty key is refused, not ignored.
    let mut wrong = key.clone();
    wrong.replace_range(key.len() - 4.., "AAAA");
    for bad in [wrong.as_str(), "kk_nothing", ""] {
        assert_problem(desk.file_with(bad).await, 401, "invalid_api_key").await;
    }
    // Without a key the api channel is not for the taking.
    let mut body = pothole();
    body["channel"] = json!("api");
    let problem = assert_problem(app.post("/api/v1/issues", None, &body).await, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "channel");
}

#[tokio::test]
async fn a_key_without_the_scope_cannot_file() {
    let desk = desk().await;
    let registered = desk.register(&["updates.create"], 60).await;
    let key = desk.issue_key(&registered).await["key"].as_str().unwrap().to_owned();
    assert_problem(desk.file_with(&key).await, 403, "scope_missing").await;

    // Granting the scope works on the next request.
    let path = format!("/api/v1/apps/{}", registered["id"].as_str().unwrap());
    let changed = desk
        .app
        .call(
            Method::PATCH,
            &path,
            &desk.admin.token,
            Some(&json!({ "scopes": ["issues.create", "updates.create"] })),
        )
        .await;
    assert_eq!(changed.status(), 200);
    assert_eq!(desk.file_with(&key).await.status(), 201);
}

#[tokio::test]
async fn revocation_rotation_and_disabling_take_effect_at_once() {
    let desk = desk().await;
    let app = &desk.app;
    let registered = desk.register(&["issues.create"], 60).await;
    let app_id = registered["id"].as_str().unwrap().to_owned();
    let first = desk.issue_key(&registered).await;
    let first_key = first["key"].as_str().unwrap().to_owned();
    assert_eq!(desk.file_with(&first_key).await.status(), 201);

    // Rotation: a new key works, the old one stops at once.
    let rotate = format!("/api/v1/apps/{app_id}/keys/{}/rotate", first["id"].as_str().unwrap());
    let rotated = app.post(&rotate, Some(&desk.admin.token), &json!({})).await;
    assert_eq!(rotated.status(), 201);
    let second: Value = rotated.json().await.unwrap();
    let second_key = second["key"].as_str().unwrap().to_owned();
    assert_ne!(second_key, first_key);
    assert_problem(desk.file_with(&first_key).await, 401, "invalid_api_key").await;
    assert_eq!(desk.file_with(&second_key).await.status(), 201);
    assert_problem(
        app.post(&rotate, Some(&desk.admin.token), &json!({})).await,
        409,
        "key_revoked",
    )
    .await;

    // Disabling the app refuses every key; enabling restores them.
    let path = format!("/api/v1/apps/{app_id}");
    let disabled = app
        .call(
            Method::PATCH,
            &path,
            &desk.admin.token,
            Some(&json!({ "disabled": true })),
        )
        .await;
    assert_eq!(disabled.status(), 200);
    assert_problem(desk.file_with(&second_key).await, 403, "app_disabled").await;
    app.call(
        Method::PATCH,
        &path,
        &desk.admin.token,
        Some(&json!({ "disabled": false })),
    )
    .await;
    assert_eq!(desk.file_with(&second_key).await.status(), 201);

    // Revocation.
    let revoke = format!("/api/v1/apps/{app_id}/keys/{}/revoke", second["id"].as_str().unwrap());
    let revoked: Value = app
        .post(&revoke, Some(&desk.admin.token), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert!(revoked["revoked_at"].is_string());
    assert_problem(desk.file_with(&second_key).await, 401, "invalid_api_key").await;

    // A key of another app is not this app's to revoke.
    let other = desk.register(&["issues.create"], 60).await;
    let other_key = desk.issue_key(&other).await;
    let cross = format!(
        "/api/v1/apps/{app_id}/keys/{}/revoke",
        other_key["id"].as_str().unwrap()
    );
    assert_problem(
        app.post(&cross, Some(&desk.admin.token), &json!({})).await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn each_key_is_held_to_its_rate_limit_with_retry_after() {
    let desk = desk().await;
    let app = &desk.app;
    let registered = desk.register(&["issues.create"], 3).await;
    let key = desk.issue_key(&registered).await["key"].as_str().unwrap().to_owned();
    let other = desk.issue_key(&registered).await["key"].as_str().unwrap().to_owned();
    for _ in 0..3 {
        assert_eq!(desk.file_with(&key).await.status(), 201);
    }
    let limited = desk.file_with(&key).await;
    let retry_after: i64 = limited.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_problem(limited, 429, "rate_limited").await;
    // The limit is per key: another key of the app still works.
    assert_eq!(desk.file_with(&other).await.status(), 201);

    // After the minute the key works again; a raised limit applies at once.
    app.clock.advance(chrono::Duration::seconds(61));
    assert_eq!(desk.file_with(&key).await.status(), 201);
    let path = format!("/api/v1/apps/{}", registered["id"].as_str().unwrap());
    app.call(
        Method::PATCH,
        &path,
        &desk.admin.token,
        Some(&json!({ "rate_limit_per_minute": 1 })),
    )
    .await;
    assert_problem(desk.file_with(&key).await, 429, "rate_limited").await;
}
