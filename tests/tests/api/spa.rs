//! The web UI is served at `/` with a fallback for client-side routes.

use kontakt_tests::{TestApp, assert_problem};

const INDEX: &str = "<!doctype html><html lang=\"pl\"><body><div id=\"root\"></div></body></html>";

/// A server whose web UI directory holds an index and one hashed asset.
async fn app_with_web_ui() -> (TestApp, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("kontakt-web-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), INDEX).unwrap();
    std::fs::write(dir.join("assets/index-3f2a1b.js"), "console.log('kontakt')").unwrap();
    let web_dir = dir.clone();
    let app = TestApp::spawn_with(move |config| config.web_dir = web_dir).await;
    (app, dir)
}

#[tokio::test]
async fn index_and_deep_links_serve_the_app() {
    let (app, dir) = app_with_web_ui().await;
    for path in ["/", "/procedures/123", "/report", "/issues/2026-000001"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert_eq!(response.text().await.unwrap(), INDEX);
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn hashed_assets_are_cached_for_long() {
    let (app, dir) = app_with_web_ui().await;
    let response = app.get("/assets/index-3f2a1b.js").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.text().await.unwrap(), "console.log('kontakt')");
    // A missing asset is a 404, not the app's HTML.
    assert_problem(app.get("/assets/missing-000.js").await, 404, "not_found").await;
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn api_paths_never_fall_back_to_the_app() {
    let (app, dir) = app_with_web_ui().await;
    for path in ["/api/v1/unknown", "/api/unknown", "/open311/v1/x"] {
        assert_problem(app.get(path).await, 404, "not_found").await;
    }
    // Writes to client routes are not pages.
    let response = app.client.post(app.url("/procedures/123")).send().await.unwrap();
    assert_problem(response, 404, "not_found").await;
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn without_a_built_ui_pages_are_a_clear_404() {
    let app = TestApp::spawn().await;
    let body = assert_problem(app.get("/procedures").await, 404, "not_found").await;
    assert!(body["detail"].as_str().unwrap().contains("not built"));
}
