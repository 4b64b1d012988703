//! Administration and authorization: roles, blocking, invitations, access log, unit scope.

use kontakt::auth::policy::Role;
use kontakt_tests::users::{PASSWORD, TERMS};
use kontakt_tests::{TestApp, assert_problem};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn residents_cannot_call_staff_endpoints() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let resident = app.resident("resident@example.org").await;
    let id = resident.id;
    let calls: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, "/api/v1/accounts".into(), None),
        (Method::GET, format!("/api/v1/accounts/{id}"), None),
        (
            Method::POST,
            format!("/api/v1/accounts/{id}/roles"),
            Some(json!({ "role": "admin" })),
        ),
        (
            Method::POST,
            format!("/api/v1/accounts/{id}/block"),
            Some(json!({ "reason": "x" })),
        ),
        (
            Method::POST,
            "/api/v1/accounts/invitations".into(),
            Some(json!({ "email": "x@example.org", "first_name": "X", "last_name": "Y", "role": "moderator" })),
        ),
        (
            Method::POST,
            "/api/v1/announcements".into(),
            Some(json!({ "subject": "x", "body": "y" })),
        ),
        (Method::GET, "/api/v1/personal-data-access".into(), None),
        (Method::GET, "/api/v1/terms".into(), None),
        (
            Method::POST,
            "/api/v1/terms".into(),
            Some(json!({ "version": "2.0", "published_at": "2026-01-01T00:00:00Z", "body_pl": "a", "body_en": "b" })),
        ),
        (
            Method::PATCH,
            "/api/v1/units/zarzad-drog-i-transportu".into(),
            Some(json!({ "phone": "+48 42 000 00 00" })),
        ),
        (Method::GET, "/api/v1/units/zarzad-drog-i-transportu/staff".into(), None),
    ];
    for (method, path, body) in calls {
        let response = app.call(method.clone(), &path, &resident.token, body.as_ref()).await;
        assert_problem(response, 403, "forbidden").await;
        // And anonymous callers must log in first.
        let mut request = app.client.request(method, app.url(&path));
        if let Some(body) = &body {
            request = request.json(body);
        }
        assert_problem(request.send().await.unwrap(), 401, "unauthenticated").await;
    }
}

#[tokio::test]
async fn operators_act_only_on_their_own_units() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let operator = app
        .staff("op@example.org", &[(Role::Operator, Some("zarzad-drog-i-transportu"))])
        .await;
    let own = app
        .call(
            Method::PATCH,
            "/api/v1/units/zarzad-drog-i-transportu",
            &operator.token,
            Some(&json!({ "phone": "+48 42 111 22 33", "website": "" })),
        )
        .await;
    assert_eq!(own.status(), 200);
    let unit: Value = own.json().await.unwrap();
    assert_eq!(unit["phone"], "+48 42 111 22 33");
    assert_eq!(unit["website"], Value::Null);
    let other = app
        .call(
            Method::PATCH,
            "/api/v1/units/zarzad-zieleni-miejskiej",
            &operator.token,
            Some(&json!({ "phone": "+48 42 111 22 33" })),
        )
        .await;
    assert_problem(other, 403, "forbidden").await;
    let staff: Value = app
        .get_as("/api/v1/units/zarzad-drog-i-transportu/staff", &operator.token)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        staff["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["first_name"] == "Staff" && m["role"] == "operator")
    );
    assert!(
        staff.to_string().find("op@example.org").is_none(),
        "staff lists carry no emails"
    );
    assert_problem(
        app.get_as("/api/v1/units/zarzad-zieleni-miejskiej/staff", &operator.token)
            .await,
        403,
        "forbidden",
    )
    .await;
    // Bad input is named.
    let bad = app
        .call(
            Method::PATCH,
            "/api/v1/units/zarzad-drog-i-transportu",
            &operator.token,
            Some(&json!({ "email": "nope", "website": "ftp://x" })),
        )
        .await;
    let problem = assert_problem(bad, 422, "validation_failed").await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["email", "website"]);
}

#[tokio::test]
async fn administrators_grant_and_revoke_scoped_roles() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let user = app.resident("future.operator@example.org").await;
    let units: Value = app.get("/api/v1/units").await.json().await.unwrap();
    let zdit = units["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["short_name"] == "ZDiT")
        .unwrap()["id"]
        .clone();

    let path = format!("/api/v1/accounts/{}/roles", user.id);
    let missing = app
        .call(Method::POST, &path, &admin.token, Some(&json!({ "role": "operator" })))
        .await;
    assert_eq!(
        assert_problem(missing, 422, "validation_failed").await["errors"][0]["field"],
        "unit_id"
    );
    let extra = app
        .call(
            Method::POST,
            &path,
            &admin.token,
            Some(&json!({ "role": "moderator", "unit_id": zdit })),
        )
        .await;
    assert_eq!(
        assert_problem(extra, 422, "validation_failed").await["errors"][0]["code"],
        "not_allowed"
    );
    let unknown = app
        .call(Method::POST, &path, &admin.token, Some(&json!({ "role": "superuser" })))
        .await;
    assert_problem(unknown, 422, "validation_failed").await;

    let granted = app
        .call(
            Method::POST,
            &path,
            &admin.token,
            Some(&json!({ "role": "operator", "unit_id": zdit })),
        )
        .await;
    assert_eq!(granted.status(), 200);
    let account: Value = granted.json().await.unwrap();
    assert_eq!(account["roles"][0]["role"], "operator");
    // The role applies at once, with the same token.
    assert_eq!(
        app.get_as("/api/v1/units/zarzad-drog-i-transportu/staff", &user.token)
            .await
            .status(),
        200
    );
    let grant_id = account["roles"][0]["id"].as_str().unwrap();
    let revoked = app
        .call(
            Method::DELETE,
            &format!("/api/v1/accounts/{}/roles/{grant_id}", user.id),
            &admin.token,
            None,
        )
        .await;
    assert_eq!(revoked.status(), 204);
    assert_problem(
        app.get_as("/api/v1/units/zarzad-drog-i-transportu/staff", &user.token)
            .await,
        403,
        "forbidden",
    )
    .await;

    // Search finds people by name or email and logs the read.
    let page: Value = app
        .get_as("/api/v1/accounts?q=FUTURE&per_page=5", &admin.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["email"], "future.operator@example.org");
    let bad = app.get_as("/api/v1/accounts?page=first", &admin.token).await;
    assert_eq!(
        assert_problem(bad, 400, "invalid_query").await["errors"][0]["field"],
        "page"
    );
}

#[tokio::test]
async fn a_blocked_user_is_locked_out_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let user = app.resident("troll@example.org").await;
    assert_eq!(app.get_as("/api/v1/accounts/me", &user.token).await.status(), 200);
    let block = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{}/block", user.id),
            &admin.token,
            Some(&json!({ "reason": "Obraźliwe treści" })),
        )
        .await;
    assert_eq!(block.status(), 204);
    assert_problem(
        app.get_as("/api/v1/accounts/me", &user.token).await,
        403,
        "account_blocked",
    )
    .await;
    assert_eq!(app.refresh(&user.refresh).await.status(), 401);
    assert_problem(app.login(&user.email, PASSWORD).await, 403, "account_blocked").await;
    let own = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{}/block", admin.id),
            &admin.token,
            Some(&json!({ "reason": "x" })),
        )
        .await;
    assert_problem(own, 409, "cannot_block_self").await;

    let listed: Value = app
        .get_as("/api/v1/accounts?blocked=true", &admin.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["items"][0]["blocked_reason"], "Obraźliwe treści");
    let unblock = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{}/unblock", user.id),
            &admin.token,
            None,
        )
        .await;
    assert_eq!(unblock.status(), 204);
    app.login_ok(&user.email, PASSWORD).await;
}

#[tokio::test]
async fn invited_staff_set_their_password_and_log_in_with_their_role() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    app.seed_terms().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let body = json!({ "email": "Nowy.Moderator@example.org", "first_name": "Nowy", "last_name": "Moderator", "role": "moderator" });
    let invited = app
        .call(Method::POST, "/api/v1/accounts/invitations", &admin.token, Some(&body))
        .await;
    assert_eq!(invited.status(), 201);
    let again = app
        .call(Method::POST, "/api/v1/accounts/invitations", &admin.token, Some(&body))
        .await;
    assert_problem(again, 409, "email_taken").await;
    // No password yet: no login.
    assert_problem(
        app.login("nowy.moderator@example.org", "anything-at-all").await,
        401,
        "invalid_credentials",
    )
    .await;

    let mail = app.mail.wait_for("nowy.moderator@example.org", 1).await;
    assert!(mail.body.contains("/invitation?token="));
    let accept = json!({ "token": mail.token(), "password": PASSWORD, "accepted_terms_version": TERMS });
    assert_eq!(
        app.post("/api/v1/auth/invitation/accept", None, &accept).await.status(),
        204
    );
    let (token, _) = app.login_ok("nowy.moderator@example.org", PASSWORD).await;
    let me: Value = app.get_as("/api/v1/accounts/me", &token).await.json().await.unwrap();
    assert_eq!(me["roles"], json!([{ "role": "moderator", "unit_id": null }]));
}

#[tokio::test]
async fn staff_reads_of_personal_data_are_logged_for_administrators() {
    let app = TestApp::spawn().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let user = app.resident("watched@example.org").await;
    let details: Value = app
        .get_as(&format!("/api/v1/accounts/{}", user.id), &admin.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(details["email"], "watched@example.org");
    let log: Value = app
        .get_as(
            &format!("/api/v1/personal-data-access?subject_id={}", user.id),
            &admin.token,
        )
        .await
        .json()
        .await
        .unwrap();
    let entries = log["items"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["staff_id"], admin.id.to_string());
    assert_eq!(entries[0]["context"], "account details");
    // The person sees the read in their own data export.
    let export: Value = app
        .get_as("/api/v1/accounts/me/export", &user.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(export["personal_data_reads"][0]["context"], "account details");
}

#[tokio::test]
async fn terms_are_versioned_and_new_versions_need_fresh_consent() {
    let app = TestApp::spawn().await;
    app.seed_terms().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let current: Value = app.get("/api/v1/terms/current").await.json().await.unwrap();
    assert_eq!(current["version"], "1.0");
    let published_at = (app.clock.now() - chrono::Duration::minutes(1)).to_rfc3339();
    let new =
        json!({ "version": "1.1", "published_at": published_at, "body_pl": "Nowy regulamin", "body_en": "New terms" });
    assert_eq!(
        app.call(Method::POST, "/api/v1/terms", &admin.token, Some(&new))
            .await
            .status(),
        201
    );
    assert_problem(
        app.call(Method::POST, "/api/v1/terms", &admin.token, Some(&new)).await,
        409,
        "version_exists",
    )
    .await;
    let bad = json!({ "version": "one", "published_at": published_at, "body_pl": "x", "body_en": "y" });
    assert_problem(
        app.call(Method::POST, "/api/v1/terms", &admin.token, Some(&bad)).await,
        422,
        "validation_failed",
    )
    .await;
    let current: Value = app.get("/api/v1/terms/current").await.json().await.unwrap();
    assert_eq!(current["version"], "1.1");
    // Registering with the old version is refused.
    let problem = assert_problem(
        app.register("late@example.org", PASSWORD).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "accepted_terms_version");
}
