//! Whatever goes wrong, the answer is problem+json, never plain text and never a 500.

use kontakt_tests::{TestApp, assert_problem};

#[tokio::test]
async fn unknown_api_route_is_a_404_problem() {
    let app = TestApp::spawn().await;
    for path in [
        "/api/v1/nope",
        "/api/v2/units",
        "/api",
        "/open311/v3/services.json",
        "/metricsx/a.js",
    ] {
        assert_problem(app.get(path).await, 404, "not_found").await;
    }
}

#[tokio::test]
async fn wrong_method_is_a_405_problem_with_allow() {
    let app = TestApp::spawn().await;
    for (path, allow) in [
        ("/api/v1/units", "GET"),
        ("/api/v1/units/zarzad-drog-i-transportu", "GET, PATCH"),
        ("/healthz", "GET"),
    ] {
        let response = app.client.delete(app.url(path)).send().await.unwrap();
        assert_eq!(response.headers().get("allow").unwrap(), allow);
        assert_problem(response, 405, "method_not_allowed").await;
        let response = app
            .client
            .post(app.url(path))
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap();
        assert_problem(response, 405, "method_not_allowed").await;
    }
}

#[tokio::test]
async fn unknown_unit_is_a_404_problem() {
    let app = TestApp::spawn().await;
    let body = assert_problem(app.get("/api/v1/units/no-such-unit").await, 404, "not_found").await;
    assert!(body.get("errors").is_none());
}
