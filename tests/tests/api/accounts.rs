//! Self-service: profile, email change, password change, export, deletion, inbox.

use kontakt::auth::policy::Role;
use kontakt_tests::users::PASSWORD;
use kontakt_tests::{TestApp, assert_problem};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn a_new_email_address_is_used_only_after_verification() {
    let app = TestApp::spawn().await;
    let user = app.resident("old@example.org").await;
    let patched = app
        .call(
            Method::PATCH,
            "/api/v1/accounts/me",
            &user.token,
            Some(&json!({ "email": "New@example.org", "phone": "+48 600 100 200" })),
        )
        .await;
    assert_eq!(patched.status(), 200);
    let profile: Value = patched.json().await.unwrap();
    assert_eq!(profile["email"], "old@example.org");
    assert_eq!(profile["pending_email"], "new@example.org");
    assert_eq!(profile["phone"], "+48 600 100 200");
    // Not yet: the new address cannot log in; the old one still can.
    assert_problem(app.login("new@example.org", PASSWORD).await, 401, "invalid_credentials").await;
    app.login_ok("old@example.org", PASSWORD).await;

    let mail = app.mail.wait_for("new@example.org", 1).await;
    let confirmed = app
        .post(
            "/api/v1/auth/email-change/confirm",
            None,
            &json!({ "token": mail.token() }),
        )
        .await;
    assert_eq!(confirmed.status(), 204);
    app.login_ok("new@example.org", PASSWORD).await;
    assert_problem(app.login("old@example.org", PASSWORD).await, 401, "invalid_credentials").await;
}

#[tokio::test]
async fn profile_updates_are_validated() {
    let app = TestApp::spawn().await;
    let user = app.resident("profile@example.org").await;
    app.resident("other@example.org").await;
    let cases = [
        (json!({ "first_name": "" }), "first_name"),
        (json!({ "email": "nope" }), "email"),
        (json!({ "email": "other@example.org" }), "email"),
        (json!({ "language": "de" }), "language"),
        (json!({ "role": "admin" }), "role"),
    ];
    for (body, field) in cases {
        let problem = assert_problem(
            app.call(Method::PATCH, "/api/v1/accounts/me", &user.token, Some(&body))
                .await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let user = app.resident("pw@example.org").await;
    let (other_token, _) = app.login_ok(&user.email, PASSWORD).await;
    let wrong = app
        .call(
            Method::POST,
            "/api/v1/accounts/me/password",
            &user.token,
            Some(&json!({ "current_password": "nope", "new_password": "Inne-Dobre-Haslo-2026" })),
        )
        .await;
    assert_problem(wrong, 403, "wrong_password").await;
    let ok = app
        .call(
            Method::POST,
            "/api/v1/accounts/me/password",
            &user.token,
            Some(&json!({ "current_password": PASSWORD, "new_password": "Inne-Dobre-Haslo-2026" })),
        )
        .await;
    assert_eq!(ok.status(), 204);
    assert_eq!(
        app.get_as("/api/v1/accounts/me", &user.token).await.status(),
        200,
        "this session stays"
    );
    assert_problem(
        app.get_as("/api/v1/accounts/me", &other_token).await,
        401,
        "session_ended",
    )
    .await;
}

#[tokio::test]
async fn a_resident_downloads_everything_held_about_them() {
    let app = TestApp::spawn().await;
    let user = app.resident("export@example.org").await;
    let response = app.get_as("/api/v1/accounts/me/export", &user.token).await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let text = response.text().await.unwrap();
    let export: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(export["account"]["email"], "export@example.org");
    assert_eq!(export["consents"][0]["terms_version"], "1.0");
    assert!(!export["sessions"].as_array().unwrap().is_empty());
    assert!(!text.contains("argon2"), "no password hash in the export");
}

#[tokio::test]
async fn deleting_the_account_removes_the_person() {
    let app = TestApp::spawn().await;
    let user = app.resident("gone@example.org").await;
    let wrong = app
        .call(
            Method::DELETE,
            "/api/v1/accounts/me",
            &user.token,
            Some(&json!({ "password": "nope" })),
        )
        .await;
    assert_problem(wrong, 403, "wrong_password").await;
    let ok = app
        .call(
            Method::DELETE,
            "/api/v1/accounts/me",
            &user.token,
            Some(&json!({ "password": PASSWORD })),
        )
        .await;
    assert_eq!(ok.status(), 204);
    assert_problem(app.login(&user.email, PASSWORD).await, 401, "invalid_credentials").await;
    assert_problem(
        app.get_as("/api/v1/accounts/me", &user.token).await,
        401,
        "session_ended",
    )
    .await;
    // Nothing with the address is left in the database.
    use diesel_async::RunQueryDsl;
    let mut conn = app.db.connect().await;
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let left: Count = diesel::sql_query(
        "SELECT (SELECT count(*) FROM accounts WHERE email = 'gone@example.org') + \
                (SELECT count(*) FROM outbox_emails WHERE recipient = 'gone@example.org') + \
                (SELECT count(*) FROM email_tokens WHERE email = 'gone@example.org') AS n",
    )
    .get_result(&mut conn)
    .await
    .unwrap();
    assert_eq!(left.n, 0);
}

#[tokio::test]
async fn the_inbox_holds_messages_and_announcements() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let anna = app.resident("anna@example.org").await;
    let piotr = app.resident("piotr@example.org").await;

    let sent = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{}/messages", anna.id),
            &admin.token,
            Some(&json!({ "subject": "Twoje zgłoszenie", "body": "Dziękujemy." })),
        )
        .await;
    assert_eq!(sent.status(), 201);
    let message_id = sent.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let announced = app
        .call(
            Method::POST,
            "/api/v1/announcements",
            &admin.token,
            Some(&json!({ "subject": "Utrudnienia", "body": "Remont ulicy." })),
        )
        .await;
    assert_eq!(announced.status(), 201);

    let notice = app.mail.wait_for("anna@example.org", 2).await;
    assert!(notice.subject.contains("Twoje zgłoszenie"), "{notice:?}");
    let inbox: Value = app
        .get_as("/api/v1/accounts/me/messages", &anna.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["unread"], 2);
    let kinds: Vec<&str> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["announcement", "message"]);

    // Piotr sees the announcement, not Anna's message, and cannot touch it.
    let other: Value = app
        .get_as("/api/v1/accounts/me/messages", &piotr.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(other["items"].as_array().unwrap().len(), 1);
    let path = format!("/api/v1/accounts/me/messages/{message_id}/read");
    assert_problem(
        app.call(Method::POST, &path, &piotr.token, None).await,
        404,
        "not_found",
    )
    .await;

    assert_eq!(app.call(Method::POST, &path, &anna.token, None).await.status(), 204);
    let inbox: Value = app
        .get_as("/api/v1/accounts/me/messages", &anna.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["unread"], 1);

    // Residents cannot message people or announce.
    let forbidden = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{}/messages", piotr.id),
            &anna.token,
            Some(&json!({ "subject": "x", "body": "y" })),
        )
        .await;
    assert_problem(forbidden, 403, "forbidden").await;
}
