//! Registration, verification, login, sessions, throttling, reset and the second factor.

use chrono::Duration;
use kontakt::auth::policy::Role;
use kontakt_tests::users::{PASSWORD, TERMS, refresh_cookie};
use kontakt_tests::{TestApp, assert_problem};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn a_resident_registers_verifies_and_logs_in() {
    let app = TestApp::spawn().await;
    app.seed_terms().await;
    let response = app.register("Anna.Nowak@Example.org", PASSWORD).await;
    assert_eq!(response.status(), 202);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "verification_sent");

    // Not verified yet.
    assert_problem(
        app.login("anna.nowak@example.org", PASSWORD).await,
        403,
        "email_not_verified",
    )
    .await;

    let mail = app.mail.wait_for("anna.nowak@example.org", 1).await;
    assert!(mail.subject.contains("Potwierdź"), "{mail:?}");
    assert!(
        mail.body
            .contains(&format!("{}/verify-email?token=", app.config.public_url))
    );
    let token = mail.token();
    let verified = app
        .post("/api/v1/auth/verify-email", None, &json!({ "token": token }))
        .await;
    assert_eq!(verified.status(), 204);
    // Single use.
    assert_problem(
        app.post("/api/v1/auth/verify-email", None, &json!({ "token": token }))
            .await,
        400,
        "invalid_token",
    )
    .await;

    // The login is case-insensitive.
    let response = app.login("ANNA.NOWAK@example.ORG", PASSWORD).await;
    assert_eq!(response.status(), 200);
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth"] {
        assert!(cookie.contains(attribute), "{attribute} missing in {cookie}");
    }
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "authenticated");
    assert_eq!(body["expires_in"], 600);
    let me: Value = app
        .get_as("/api/v1/accounts/me", body["access_token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "anna.nowak@example.org");
    assert_eq!(me["email_verified"], true);
    assert_eq!(me["roles"], json!([]));
    assert!(me.get("password_hash").is_none());
}

#[tokio::test]
async fn registration_refuses_bad_fields_by_name() {
    let app = TestApp::spawn().await;
    app.seed_terms().await;
    let cases = [
        (
            json!({"first_name": "A", "last_name": "B", "email": "a@example.org", "password": "password123", "accepted_terms_version": TERMS}),
            "password",
            "too_common",
        ),
        (
            json!({"first_name": "A", "last_name": "B", "email": "a@example.org", "password": "Ab1!", "accepted_terms_version": TERMS}),
            "password",
            "too_short",
        ),
        (
            json!({"first_name": "A", "last_name": "B", "email": "not-an-email", "password": PASSWORD, "accepted_terms_version": TERMS}),
            "email",
            "invalid_email",
        ),
        (
            json!({"first_name": " ", "last_name": "B", "email": "a@example.org", "password": PASSWORD, "accepted_terms_version": TERMS}),
            "first_name",
            "required",
        ),
        (
            json!({"first_name": "A", "last_name": "B", "email": "a@example.org", "password": PASSWORD, "accepted_terms_version": TERMS, "phone": "call me"}),
            "phone",
            "invalid_phone",
        ),
        (
            json!({"first_name": "A", "last_name": "B", "email": "a@example.org", "password": PASSWORD, "accepted_terms_version": "0.9"}),
            "accepted_terms_version",
            "outdated_terms",
        ),
        (
            json!({"first_name": "A", "email": "a@example.org", "password": PASSWORD, "accepted_terms_version": TERMS}),
            "last_name",
            "required",
        ),
        (
            json!({"first_name": "A", "last_name": 7, "email": "a@example.org", "password": PASSWORD, "accepted_terms_version": TERMS}),
            "last_name",
            "invalid",
        ),
    ];
    for (body, field, code) in cases {
        let problem = assert_problem(
            app.post("/api/v1/auth/register", None, &body).await,
            422,
            "validation_failed",
        )
        .await;
        let error = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["field"] == field)
            .unwrap_or_else(|| panic!("{problem}"));
        assert_eq!(error["code"], code, "{problem}");
    }
    // Nothing was created.
    assert!(app.mail.all().is_empty());
}

#[tokio::test]
async fn registration_does_not_reveal_existing_accounts() {
    let app = TestApp::spawn().await;
    app.resident("taken@example.org").await;
    let first: Value = app.register("other@example.org", PASSWORD).await.json().await.unwrap();
    let response = app.register("Taken@example.org", PASSWORD).await;
    assert_eq!(response.status(), 202);
    let second: Value = response.json().await.unwrap();
    assert_eq!(first, second);
    // The owner learns of the attempt; no second account appears.
    let notice = app.mail.wait_for("taken@example.org", 2).await;
    assert!(notice.body.contains("/forgot-password"), "{notice:?}");
    assert!(!notice.body.contains("token="));
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_throttled() {
    let app = TestApp::spawn().await;
    let user = app.resident("throttle@example.org").await;
    let unknown = assert_problem(
        app.login("nobody@example.org", PASSWORD).await,
        401,
        "invalid_credentials",
    )
    .await;
    let wrong = assert_problem(
        app.login(&user.email, "Wrong-password-123").await,
        401,
        "invalid_credentials",
    )
    .await;
    assert_eq!(
        unknown["detail"], wrong["detail"],
        "unknown accounts look like wrong passwords"
    );
    for _ in 0..4 {
        assert_problem(
            app.login(&user.email, "Wrong-password-123").await,
            401,
            "invalid_credentials",
        )
        .await;
    }
    // Five failures: even the right password waits now.
    let response = app.login(&user.email, PASSWORD).await;
    let retry_after: i64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry_after > 0 && retry_after <= 900, "{retry_after}");
    assert_problem(response, 429, "too_many_attempts").await;
    app.clock.advance(Duration::minutes(16));
    assert_eq!(app.login(&user.email, PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn refresh_tokens_rotate_and_a_reused_one_ends_the_session() {
    let app = TestApp::spawn().await;
    let user = app.resident("rotate@example.org").await;
    let first = app.refresh(&user.refresh).await;
    assert_eq!(first.status(), 200);
    let second_refresh = refresh_cookie(&first).unwrap();
    assert_ne!(second_refresh, user.refresh);
    let body: Value = first.json().await.unwrap();
    let access = body["access_token"].as_str().unwrap().to_owned();
    assert_eq!(app.get_as("/api/v1/accounts/me", &access).await.status(), 200);

    // Within seconds, the first token again is a retry after a lost answer: it still works.
    let retry = app.refresh(&user.refresh).await;
    assert_eq!(retry.status(), 200);
    // Later, the first token again means someone copied it. The whole family dies.
    app.clock.advance(Duration::seconds(31));
    assert_problem(app.refresh(&user.refresh).await, 401, "refresh_token_reused").await;
    assert_problem(app.refresh(&second_refresh).await, 401, "session_ended").await;
    assert_problem(app.get_as("/api/v1/accounts/me", &access).await, 401, "session_ended").await;
    assert_problem(app.refresh("not-a-token").await, 401, "invalid_refresh_token").await;
    let no_cookie = app.client.post(app.url("/api/v1/auth/refresh")).send().await.unwrap();
    assert_problem(no_cookie, 401, "invalid_refresh_token").await;
}

#[tokio::test]
async fn access_tokens_expire_and_forged_ones_are_refused() {
    let app = TestApp::spawn().await;
    let user = app.resident("expire@example.org").await;
    let parts: Vec<&str> = user.token.split('.').collect();
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let none = format!(
        "{}.{}.",
        b64.encode(r#"{"alg":"none","typ":"JWT","kid":"k1"}"#),
        parts[1]
    );
    let mut claims: Value = serde_json::from_slice(&b64.decode(parts[1]).unwrap()).unwrap();
    claims["exp"] = json!(claims["exp"].as_i64().unwrap() + 86_400);
    let tampered = format!("{}.{}.{}", parts[0], b64.encode(claims.to_string()), parts[2]);
    for token in [none.as_str(), tampered.as_str(), "garbage"] {
        assert_problem(app.get_as("/api/v1/accounts/me", token).await, 401, "invalid_token").await;
    }
    let bad_scheme = app
        .client
        .get(app.url("/api/v1/accounts/me"))
        .header("authorization", "Basic YTpi")
        .send()
        .await
        .unwrap();
    assert_problem(bad_scheme, 401, "unauthenticated").await;
    assert_problem(app.get("/api/v1/accounts/me").await, 401, "unauthenticated").await;

    app.clock.advance(Duration::minutes(11));
    assert_problem(
        app.get_as("/api/v1/accounts/me", &user.token).await,
        401,
        "token_expired",
    )
    .await;
    // The session is still open: refreshing gives a working token.
    let refreshed: Value = app.refresh(&user.refresh).await.json().await.unwrap();
    assert_eq!(
        app.get_as("/api/v1/accounts/me", refreshed["access_token"].as_str().unwrap())
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = TestApp::spawn().await;
    let user = app.resident("logout@example.org").await;
    let response = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("cookie", format!("kontakt_refresh={}", user.refresh))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert!(response.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    assert_problem(app.refresh(&user.refresh).await, 401, "session_ended").await;
    assert_problem(
        app.get_as("/api/v1/accounts/me", &user.token).await,
        401,
        "session_ended",
    )
    .await;
}

#[tokio::test]
async fn password_reset_by_mail_is_enumeration_safe_single_use_and_expires() {
    let app = TestApp::spawn().await;
    let user = app.resident("reset@example.org").await;
    let unknown = app
        .post(
            "/api/v1/auth/password-reset",
            None,
            &json!({ "email": "ghost@example.org" }),
        )
        .await;
    let known = app
        .post(
            "/api/v1/auth/password-reset",
            None,
            &json!({ "email": "Reset@example.org" }),
        )
        .await;
    assert_eq!(
        (unknown.status(), known.status()),
        (reqwest::StatusCode::ACCEPTED, reqwest::StatusCode::ACCEPTED)
    );
    assert_eq!(unknown.text().await.unwrap(), known.text().await.unwrap());
    let mail = app.mail.wait_for("reset@example.org", 2).await;
    assert!(app.mail.to("ghost@example.org").is_empty());

    let new_password = "Nowe-Haslo-Do-Kontaktu-2026";
    let weak = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            &json!({ "token": mail.token(), "password": "qwerty12345" }),
        )
        .await;
    assert_problem(weak, 422, "validation_failed").await;
    let ok = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            &json!({ "token": mail.token(), "password": new_password }),
        )
        .await;
    assert_eq!(ok.status(), 204);
    let again = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            &json!({ "token": mail.token(), "password": new_password }),
        )
        .await;
    assert_problem(again, 400, "invalid_token").await;
    // Old sessions ended, old password gone, new one works.
    assert_problem(
        app.get_as("/api/v1/accounts/me", &user.token).await,
        401,
        "session_ended",
    )
    .await;
    assert_problem(app.login(&user.email, PASSWORD).await, 401, "invalid_credentials").await;
    app.login_ok(&user.email, new_password).await;

    // A link older than an hour no longer works.
    app.post(
        "/api/v1/auth/password-reset",
        None,
        &json!({ "email": "reset@example.org" }),
    )
    .await;
    let late = app.mail.wait_for("reset@example.org", 3).await;
    app.clock.advance(Duration::minutes(61));
    let expired = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            &json!({ "token": late.token(), "password": "Jeszcze-Inne-Haslo-2026" }),
        )
        .await;
    assert_problem(expired, 400, "invalid_token").await;
}

#[tokio::test]
async fn mail_requests_are_throttled_per_address() {
    let app = TestApp::spawn().await;
    app.resident("many@example.org").await;
    for _ in 0..3 {
        assert_eq!(
            app.post(
                "/api/v1/auth/password-reset",
                None,
                &json!({ "email": "many@example.org" })
            )
            .await
            .status(),
            202
        );
    }
    let response = app
        .post(
            "/api/v1/auth/password-reset",
            None,
            &json!({ "email": "many@example.org" }),
        )
        .await;
    assert!(response.headers().contains_key("retry-after"));
    assert_problem(response, 429, "too_many_attempts").await;
}

fn totp_code(secret: &str, app: &TestApp, offset_steps: i64) -> String {
    kontakt::auth::totp::code_at(secret, app.clock.now() + Duration::seconds(30 * offset_steps)).unwrap()
}

#[tokio::test]
async fn staff_log_in_with_a_totp_second_factor_or_a_recovery_code() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let operator = app
        .staff("op@example.org", &[(Role::Operator, Some("zarzad-drog-i-transportu"))])
        .await;
    let setup: Value = app
        .call(Method::POST, "/api/v1/auth/totp", &operator.token, None)
        .await
        .json()
        .await
        .unwrap();
    let secret = setup["secret"].as_str().unwrap().to_owned();
    assert!(setup["otpauth_url"].as_str().unwrap().starts_with("otpauth://totp/"));
    let wrong = app
        .call(
            Method::POST,
            "/api/v1/auth/totp/confirm",
            &operator.token,
            Some(&json!({ "code": "000000" })),
        )
        .await;
    assert_problem(wrong, 422, "validation_failed").await;
    let confirmed = app
        .call(
            Method::POST,
            "/api/v1/auth/totp/confirm",
            &operator.token,
            Some(&json!({ "code": totp_code(&secret, &app, 0) })),
        )
        .await;
    assert_eq!(confirmed.status(), 200);
    let codes: Value = confirmed.json().await.unwrap();
    let recovery = codes["recovery_codes"].as_array().unwrap();
    assert_eq!(recovery.len(), 10);

    // The password alone is no longer enough.
    let step: Value = app.login(&operator.email, PASSWORD).await.json().await.unwrap();
    assert_eq!(step["status"], "second_factor_required");
    assert!(step.get("access_token").is_none());
    let token = step["second_factor_token"].as_str().unwrap();
    let bad = app
        .post(
            "/api/v1/auth/login/second-factor",
            None,
            &json!({ "second_factor_token": token, "code": "123456" }),
        )
        .await;
    assert_problem(bad, 422, "validation_failed").await;
    // The code used at enrolment cannot be replayed; the next one works.
    let replay = app
        .post(
            "/api/v1/auth/login/second-factor",
            None,
            &json!({ "second_factor_token": token, "code": totp_code(&secret, &app, 0) }),
        )
        .await;
    assert_problem(replay, 422, "validation_failed").await;
    let ok = app
        .post(
            "/api/v1/auth/login/second-factor",
            None,
            &json!({ "second_factor_token": token, "code": totp_code(&secret, &app, 1) }),
        )
        .await;
    assert_eq!(ok.status(), 200);
    assert!(refresh_cookie(&ok).is_some());

    // A recovery code works once.
    let code = recovery[0].as_str().unwrap();
    let step: Value = app.login(&operator.email, PASSWORD).await.json().await.unwrap();
    let token = step["second_factor_token"].as_str().unwrap();
    let ok = app
        .post(
            "/api/v1/auth/login/second-factor",
            None,
            &json!({ "second_factor_token": token, "recovery_code": code }),
        )
        .await;
    assert_eq!(ok.status(), 200);
    let again = app
        .post(
            "/api/v1/auth/login/second-factor",
            None,
            &json!({ "second_factor_token": token, "recovery_code": code }),
        )
        .await;
    assert_problem(again, 422, "validation_failed").await;
    // An access token is not a second-factor token.
    let forged = app
        .post(
            "/api/v1/auth/login/second-factor",
            None,
            &json!({ "second_factor_token": operator.token, "code": "123456" }),
        )
        .await;
    assert_problem(forged, 401, "invalid_token").await;
}

#[tokio::test]
async fn a_deployment_can_require_staff_to_enrol_a_second_factor() {
    let app = TestApp::spawn_with(|config| config.require_staff_totp = true).await;
    app.seed_demo().await;
    // Residents are not affected.
    app.resident("resident@example.org").await;
    let hash_login = app
        .login("admin@demo.kontakt.example", kontakt::demo::DEMO_PASSWORD)
        .await;
    let step: Value = hash_login.json().await.unwrap();
    assert_eq!(step["status"], "second_factor_enrolment_required");
    let token = step["second_factor_token"].as_str().unwrap();
    let setup: Value = app
        .post(
            "/api/v1/auth/login/second-factor/enrol",
            None,
            &json!({ "token": token }),
        )
        .await
        .json()
        .await
        .unwrap();
    let code = kontakt::auth::totp::code_at(setup["secret"].as_str().unwrap(), app.clock.now()).unwrap();
    let done: Value = app
        .post(
            "/api/v1/auth/login/second-factor",
            None,
            &json!({ "second_factor_token": token, "code": code }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(done["status"], "authenticated");
    assert_eq!(done["recovery_codes"].as_array().unwrap().len(), 10);
    // And it cannot be switched off.
    let access = done["access_token"].as_str().unwrap();
    let off = app
        .call(
            Method::DELETE,
            "/api/v1/auth/totp",
            access,
            Some(&json!({ "password": kontakt::demo::DEMO_PASSWORD })),
        )
        .await;
    assert_problem(off, 403, "totp_required").await;
}

#[tokio::test]
async fn bad_request_bodies_are_problems_naming_the_field() {
    let app = TestApp::spawn().await;
    let url = app.url("/api/v1/auth/login");
    let malformed = app
        .client
        .post(&url)
        .header("content-type", "application/json")
        .body("{\"email\": ")
        .send()
        .await
        .unwrap();
    assert_problem(malformed, 400, "malformed_json").await;
    let wrong_type = app
        .client
        .post(&url)
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_problem(wrong_type, 415, "unsupported_media_type").await;
    let huge = app
        .client
        .post(&url)
        .header("content-type", "application/json")
        .body(format!("{{\"email\":\"{}\"}}", "x".repeat(2 * 1024 * 1024)))
        .send()
        .await
        .unwrap();
    assert_problem(huge, 413, "payload_too_large").await;
    let problem = assert_problem(
        app.post("/api/v1/auth/login", None, &json!({ "email": 5, "password": "x" }))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "email");
    let problem = assert_problem(
        app.post("/api/v1/auth/login", None, &json!({ "email": "a@example.org" }))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "password");
    assert_eq!(problem["errors"][0]["code"], "required");
    let bad_query = app
        .client
        .get(app.url("/api/v1/accounts?page=first"))
        .bearer_auth("x")
        .send()
        .await
        .unwrap();
    assert_eq!(bad_query.status(), 401, "authentication comes first");
}
