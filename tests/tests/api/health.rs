use kontakt_tests::{TestApp, assert_problem};

#[tokio::test]
async fn liveness_answers_ok() {
    let app = TestApp::spawn().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn readiness_checks_the_database() {
    let app = TestApp::spawn().await;
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn readiness_is_503_when_the_database_is_unreachable() {
    // Nothing listens on port 1: the database is "down" for this server.
    let app = TestApp::spawn_with(|config| {
        config.database_url = "postgres://postgres@127.0.0.1:1/kontakt".into();
        config.database_timeout_secs = 1;
    })
    .await;
    let started = std::time::Instant::now();
    let response = app.get("/readyz").await;
    assert!(started.elapsed().as_secs() < 5, "readiness must fail fast");
    assert!(response.headers().contains_key("retry-after"));
    let body = assert_problem(response, 503, "service_unavailable").await;
    // Nothing internal (addresses, driver messages) is revealed.
    assert!(!body.to_string().contains("127.0.0.1"), "{body}");
    // Liveness does not depend on the database.
    assert_eq!(app.get("/healthz").await.status(), 200);
    // Database-backed reads fail cleanly too.
    assert_problem(app.get("/api/v1/units").await, 503, "service_unavailable").await;
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = TestApp::spawn().await;
    let first = app.get("/healthz").await;
    let second = app.get("/api/v1/nothing-here").await;
    let id = |r: &reqwest::Response| r.headers().get("x-request-id").map(|v| v.to_str().unwrap().to_owned());
    let (a, b) = (
        id(&first).expect("request id"),
        id(&second).expect("request id on errors"),
    );
    assert_ne!(a, b);
    assert!(uuid::Uuid::parse_str(&a).is_ok());
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status() {
    let app = TestApp::spawn().await;
    app.get("/healthz").await;
    app.get("/api/v1/units").await;
    app.get("/api/v1/units/no-such-unit").await;
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(
        text.contains(r#"kontakt_http_requests_total{endpoint="/healthz",method="GET",status="200"} 1"#),
        "{text}"
    );
    assert!(
        text.contains(r#"endpoint="/api/v1/units/{slug}",method="GET",status="404""#),
        "{text}"
    );
    assert!(text.contains("kontakt_http_requests_duration_seconds_bucket"), "{text}");
}
