use kontakt_tests::TestApp;

#[tokio::test]
async fn demo_units_are_listed_in_polish_order() {
    let app = TestApp::spawn().await;
    let empty: serde_json::Value = app.get("/api/v1/units").await.json().await.unwrap();
    assert_eq!(empty["items"].as_array().unwrap().len(), 0);

    app.seed_demo().await;
    app.seed_demo().await; // idempotent
    let body: serde_json::Value = app.get("/api/v1/units").await.json().await.unwrap();
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), kontakt::demo::units().unwrap().len());
    let names: Vec<&str> = items
        .iter()
        .filter(|u| u["kind"] == "municipal_body")
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    // Polish collation: "Łódzki" sorts between "Centrum" and "Miejski", not after "Zarząd".
    let pos = |prefix: &str| names.iter().position(|n| n.starts_with(prefix)).unwrap();
    assert!(
        pos("Centrum") < pos("Łódzki") && pos("Łódzki") < pos("Miejski"),
        "{names:?}"
    );
    assert!(pos("Zarząd Dróg") < pos("Zarząd Zieleni"));
}

#[tokio::test]
async fn one_unit_by_slug() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let response = app.get("/api/v1/units/zarzad-drog-i-transportu").await;
    assert_eq!(response.status(), 200);
    let unit: serde_json::Value = response.json().await.unwrap();
    assert_eq!(unit["name"], "Zarząd Dróg i Transportu");
    assert_eq!(unit["short_name"], "ZDiT");
    assert_eq!(unit["kind"], "municipal_body");
    assert!(unit["email"].as_str().unwrap().ends_with(".example"));
}

#[tokio::test]
async fn city_describes_the_managed_area() {
    let app = TestApp::spawn().await;
    let city: serde_json::Value = app.get("/api/v1/city").await.json().await.unwrap();
    assert_eq!(city["name"], "Łódź");
    assert_eq!(city["boundary"]["type"], "Polygon");
    let bbox: Vec<f64> = serde_json::from_value(city["bbox"].clone()).unwrap();
    let center: Vec<f64> = serde_json::from_value(city["center"].clone()).unwrap();
    assert!(bbox[1] < center[0] && center[0] < bbox[3] && bbox[0] < center[1] && center[1] < bbox[2]);
    assert!(city["map"]["tile_url"].as_str().unwrap().contains("{z}"));
}

#[tokio::test]
async fn typed_addresses_find_streets_ignoring_case_and_diacritics() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let places: serde_json::Value = app.get("/api/v1/places?q=lagiewnicka%2012").await.json().await.unwrap();
    assert_eq!(places["items"][0]["label"], "Łagiewnicka 12");
    assert_eq!(places["items"][0]["source"], "street_register");
    let none: serde_json::Value = app.get("/api/v1/places?q=Marszałkowska").await.json().await.unwrap();
    assert_eq!(none["items"].as_array().unwrap().len(), 0);
    kontakt_tests::assert_problem(app.get("/api/v1/places").await, 400, "invalid_query").await;
}
