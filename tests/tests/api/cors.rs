//! Cross-origin access: browser apps of the configured origins may call the API (and
//! Open311); other origins get no CORS grant; the server's own origin always works.

use kontakt_tests::TestApp;
use reqwest::Method;
use serde_json::json;

const APP_ORIGIN: &str = "https://app.example";

async fn app() -> TestApp {
    let app = TestApp::spawn_with(|config| config.cors_allowed_origins = vec![APP_ORIGIN.into()]).await;
    app.seed_demo().await;
    app
}

fn allowed_origin(response: &reqwest::Response) -> Option<&str> {
    response
        .headers()
        .get("access-control-allow-origin")
        .and_then(|value| value.to_str().ok())
}

#[tokio::test]
async fn a_configured_browser_app_may_call_the_api_across_origins() {
    let app = app().await;
    let preflight = app
        .client
        .request(Method::OPTIONS, app.url("/api/v1/issues"))
        .header("origin", APP_ORIGIN)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "x-api-key, content-type, idempotency-key",
        )
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success(), "{}", preflight.status());
    assert_eq!(allowed_origin(&preflight), Some(APP_ORIGIN));
    let headers = preflight.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(
        headers.contains("x-api-key") && headers.contains("idempotency-key"),
        "{headers}"
    );
    assert!(preflight.headers().get("access-control-allow-credentials").is_none());

    for path in ["/api/v1/categories", "/open311/v2/services.json"] {
        let response = app
            .client
            .get(app.url(path))
            .header("origin", APP_ORIGIN)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(allowed_origin(&response), Some(APP_ORIGIN), "{path}");
    }
}

#[tokio::test]
async fn other_origins_get_no_grant_and_the_own_origin_always_works() {
    let app = app().await;
    let foreign = app
        .client
        .get(app.url("/api/v1/categories"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(allowed_origin(&foreign), None);
    let preflight = app
        .client
        .request(Method::OPTIONS, app.url("/api/v1/issues"))
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(allowed_origin(&preflight), None);

    // The web UI's own POSTs carry its origin.
    let own = app.url("").trim_end_matches('/').to_owned();
    let body = json!({
        "category": "road-damage",
        "title": "Dziura",
        "description": "Dziura na jezdni.",
        "location": { "lat": 51.7592, "lon": 19.4576 },
        "field_values": { "surface": "road" },
    });
    let response = app
        .client
        .post(app.url("/api/v1/issues"))
        .header("origin", own)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
}
