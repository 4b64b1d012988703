//! Filing issues, photos, moderation, public reads, privacy, duplicates and follow-up.

use std::collections::HashSet;

use chrono::Duration;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kontakt::auth::policy::Role;
use kontakt::schema::issues;
use kontakt_tests::images::{exif_fields, jpeg_with_exif, png};
use kontakt_tests::{TestApp, TestUser, assert_problem};
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

const CENTRE: (f64, f64) = (51.7592, 19.4576);

fn pothole(lat: f64, lon: f64) -> Value {
    json!({
        "category": "road-damage",
        "title": "Dziura na jezdni",
        "description": "Głęboka dziura przy przejściu dla pieszych, żółty znak leży obok.",
        "location": { "lat": lat, "lon": lon },
        "field_values": { "surface": "road", "size_cm": 40 },
    })
}

async fn app() -> TestApp {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    app
}

async fn file(app: &TestApp, body: &Value) -> Value {
    let response = app.post("/api/v1/issues", None, body).await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    response.json().await.unwrap()
}

async fn moderator(app: &TestApp) -> TestUser {
    app.staff(
        &format!("mod-{}@example.org", uuid::Uuid::new_v4().simple()),
        &[(Role::Moderator, None)],
    )
    .await
}

async fn moderate(app: &TestApp, moderator: &TestUser, number: &str, decision: &str) -> reqwest::Response {
    let path = format!("/api/v1/issues/{}/moderation", number.replace('/', "-"));
    app.call(
        Method::POST,
        &path,
        &moderator.token,
        Some(&json!({ "decision": decision, "reason": "powód" })),
    )
    .await
}

fn url(number: &Value) -> String {
    number.as_str().unwrap().replace('/', "-")
}

#[tokio::test]
async fn an_anonymous_visitor_files_an_issue_and_follows_it() {
    let app = app().await;
    let created = file(&app, &pothole(CENTRE.0, CENTRE.1)).await;
    let number = created["number"].as_str().unwrap();
    let year = app.clock.now().format("%Y").to_string();
    assert!(
        number.starts_with(&format!("{year}/")) && number.len() == 11,
        "{number}"
    );
    assert_eq!(created["status"], "new");
    assert_eq!(created["moderation"], "pending");
    let token = created["tracking_token"].as_str().unwrap();
    assert!(token.len() >= 40);
    assert!(
        created["tracking_url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/track/{token}"))
    );

    // Not public before moderation, but the reporter can follow it.
    assert_problem(
        app.get(&format!("/api/v1/issues/{}", url(&created["number"]))).await,
        404,
        "not_found",
    )
    .await;
    let tracked: Value = app
        .get(&format!("/api/v1/tracking/{token}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tracked["number"], number);
    assert_eq!(tracked["moderation"], "pending");
    assert_eq!(tracked["timeline"][0]["kind"], "created");
    assert_problem(app.get("/api/v1/tracking/not-the-right-secret").await, 404, "not_found").await;

    let moderator = moderator(&app).await;
    assert_eq!(moderate(&app, &moderator, number, "approved").await.status(), 200);
    let public: Value = app
        .get(&format!("/api/v1/issues/{}", url(&created["number"])))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(public["title"], "Dziura na jezdni");
    assert_eq!(public["category"]["slug"], "road-damage");
    assert_eq!(public["unit"]["slug"], "zarzad-drog-i-transportu");
    assert_eq!(public["field_values"], json!({ "surface": "road", "size_cm": 40 }));
    assert_eq!(public["timeline"][0]["kind"], "created");
}

#[tokio::test]
async fn every_invalid_issue_is_refused_naming_the_field() {
    let app = app().await;
    let long = "x".repeat(5001);
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({ "category": "no-such" }), "category", "unknown_category"),
        (json!({ "field_values": {} }), "field_values.surface", "required"),
        (
            json!({ "field_values": { "surface": "road", "size_cm": "big" } }),
            "field_values.size_cm",
            "invalid",
        ),
        (
            json!({ "field_values": { "surface": "sky" } }),
            "field_values.surface",
            "invalid",
        ),
        (
            json!({ "field_values": { "surface": "road", "colour": "red" } }),
            "field_values.colour",
            "unknown_field",
        ),
        (
            json!({ "location": { "lat": 52.2297, "lon": 21.0122 } }),
            "location",
            "outside_city",
        ),
        (
            json!({ "location": { "lat": 95.0, "lon": 19.0 } }),
            "location",
            "invalid",
        ),
        (json!({ "location": null }), "location", "required"),
        (
            json!({ "contact": { "email": "anna@example.org" } }),
            "contact.consent",
            "consent_required",
        ),
        (
            json!({ "contact": { "email": "not-an-email", "consent": true } }),
            "contact.email",
            "invalid_email",
        ),
        (json!({ "description": long }), "description", "too_long"),
        (json!({ "title": "" }), "title", "required"),
        (json!({ "title": 5 }), "title", "invalid"),
    ];
    for (change, field, code) in cases {
        let mut body = pothole(CENTRE.0, CENTRE.1);
        for (key, value) in change.as_object().unwrap() {
            body[key] = value.clone();
        }
        let problem = assert_problem(app.post("/api/v1/issues", None, &body).await, 422, "validation_failed").await;
        let found = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == field && e["code"] == code);
        assert!(found, "expected {field}/{code}: {problem}");
    }
    // A temporary category is refused outside its window.
    app.clock.advance(Duration::days(365));
    let mut winter = pothole(CENTRE.0, CENTRE.1);
    winter["category"] = json!("winter-maintenance");
    winter["field_values"] = json!({ "problem": "snow" });
    let problem = assert_problem(
        app.post("/api/v1/issues", None, &winter).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "category_not_offered");
    let categories: Value = app.get("/api/v1/categories").await.json().await.unwrap();
    assert!(categories["items"].as_array().is_some(), "{categories}");
    assert!(
        !categories["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["slug"] == "winter-maintenance")
    );
    // Nothing was stored.
    let mut conn = app.db.connect().await;
    let count: i64 = issues::table.count().get_result(&mut conn).await.unwrap();
    assert_eq!(count, 0);
}

fn multipart(body: &Value, photos: Vec<(Vec<u8>, &str)>) -> Form {
    let mut form = Form::new().part(
        "issue",
        Part::text(body.to_string()).mime_str("application/json").unwrap(),
    );
    for (bytes, name) in photos {
        form = form.part("photos", Part::bytes(bytes).file_name(name.to_owned()));
    }
    form
}

#[tokio::test]
async fn photos_are_stored_without_metadata_upright_and_with_thumbnails() {
    let app = app().await;
    let original = jpeg_with_exif(40, 20, 6);
    let fields = exif_fields(&original);
    assert!(
        fields.iter().any(|(tag, _)| tag == "GPSLatitude"),
        "the test image has GPS: {fields:?}"
    );
    assert!(fields.iter().any(|(_, value)| value.contains("KontaktCam")));

    let form = multipart(
        &pothole(CENTRE.0, CENTRE.1),
        vec![(original, "IMG_0001.JPG"), (png(30, 30), "screen.png")],
    );
    let response = app
        .client
        .post(app.url("/api/v1/issues"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.unwrap();
    let moderator = moderator(&app).await;
    moderate(&app, &moderator, created["number"].as_str().unwrap(), "approved").await;
    let public: Value = app
        .get(&format!("/api/v1/issues/{}", url(&created["number"])))
        .await
        .json()
        .await
        .unwrap();
    let photos = public["photos"].as_array().unwrap();
    assert_eq!(photos.len(), 2);
    // Turned upright: the 40×20 image with orientation 6 is 20×40.
    assert_eq!(
        (photos[0]["width"].as_i64(), photos[0]["height"].as_i64()),
        (Some(20), Some(40))
    );
    for photo in photos {
        for key in ["url", "thumbnail_url"] {
            let response = app.get(photo[key].as_str().unwrap()).await;
            assert_eq!(response.status(), 200);
            assert_eq!(response.headers()["content-type"], "image/jpeg");
            let bytes = response.bytes().await.unwrap();
            assert!(
                exif_fields(&bytes).is_empty(),
                "EXIF left in {key}: {:?}",
                exif_fields(&bytes)
            );
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("KontaktCam") && !text.contains("Kowalski") && !text.contains("SN-123456"));
            assert!(image::load_from_memory(&bytes).is_ok());
        }
    }
}

#[tokio::test]
async fn bad_photos_are_refused_naming_the_photo() {
    let app = app().await;
    let body = pothole(CENTRE.0, CENTRE.1);
    let send = |form: Form| app.client.post(app.url("/api/v1/issues")).multipart(form).send();
    let six = (0..6).map(|_| (png(10, 10), "a.png")).collect();
    let problem = assert_problem(send(multipart(&body, six)).await.unwrap(), 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["code"], "too_many");
    let disguised = multipart(
        &body,
        vec![(png(10, 10), "ok.png"), (b"%PDF-1.7 a document".to_vec(), "photo.jpg")],
    );
    let problem = assert_problem(send(disguised).await.unwrap(), 422, "validation_failed").await;
    assert_eq!(
        (
            problem["errors"][0]["field"].as_str(),
            problem["errors"][0]["code"].as_str()
        ),
        (Some("photos[1]"), Some("unsupported_type"))
    );
    let mut corrupt = png(50, 50);
    corrupt.truncate(70);
    let problem = assert_problem(
        send(multipart(&body, vec![(corrupt, "broken.png")])).await.unwrap(),
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "corrupt");
    let huge = vec![0xFFu8; 11 * 1024 * 1024];
    let problem = assert_problem(
        send(multipart(&body, vec![(huge, "huge.jpg")])).await.unwrap(),
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "too_large");
    let no_issue = Form::new().part("photos", Part::bytes(png(10, 10)));
    let problem = assert_problem(send(no_issue).await.unwrap(), 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "issue");
    let plain = app
        .client
        .post(app.url("/api/v1/issues"))
        .header("content-type", "text/plain")
        .body("hi")
        .send()
        .await
        .unwrap();
    assert_problem(plain, 415, "unsupported_media_type").await;
}

#[tokio::test]
async fn a_retried_post_with_the_same_idempotency_key_returns_the_first_result() {
    let app = app().await;
    let body = pothole(CENTRE.0, CENTRE.1);
    let send = |key: &str, body: &Value| {
        app.client
            .post(app.url("/api/v1/issues"))
            .header("idempotency-key", key)
            .json(body)
            .send()
    };
    let first = send("key-1", &body).await.unwrap();
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let retry = send("key-1", &body).await.unwrap();
    assert_eq!(retry.status(), 201);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    let retry: Value = retry.json().await.unwrap();
    assert_eq!(first, retry, "same number and tracking secret");
    let mut other = body.clone();
    other["title"] = json!("Inny tytuł");
    assert_problem(send("key-1", &other).await.unwrap(), 422, "idempotency_key_reused").await;
    // Parallel retries of one request still create one issue.
    let parallel: Vec<_> = (0..10).map(|_| send("key-2", &body)).collect();
    let results = futures_util::future::join_all(parallel).await;
    let numbers: HashSet<String> = futures_util::future::join_all(results.into_iter().map(|r| async {
        r.unwrap().json::<Value>().await.unwrap()["number"]
            .as_str()
            .unwrap()
            .to_owned()
    }))
    .await
    .into_iter()
    .collect();
    assert_eq!(numbers.len(), 1);
    let mut conn = app.db.connect().await;
    assert_eq!(issues::table.count().get_result::<i64>(&mut conn).await.unwrap(), 2);
}

#[tokio::test]
async fn concurrent_filings_get_unique_numbers() {
    let app = app().await;
    let requests: Vec<_> = (0..200)
        .map(|i| {
            let body = pothole(CENTRE.0 + f64::from(i) * 0.00001, CENTRE.1);
            let client = app.client.clone();
            let url = app.url("/api/v1/issues");
            // A client behaving as documented: a 503 (the database pool was busy for too
            // long on a loaded machine) is retried with the same Idempotency-Key; anything
            // else must be a 201.
            tokio::spawn(async move {
                let key = format!("concurrent-{i}");
                loop {
                    let response = client
                        .post(&url)
                        .header("Idempotency-Key", &key)
                        .json(&body)
                        .send()
                        .await
                        .unwrap();
                    if response.status() == 503 {
                        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                        continue;
                    }
                    assert_eq!(response.status(), 201);
                    return response.json::<Value>().await.unwrap();
                }
            })
        })
        .collect();
    let mut numbers = HashSet::new();
    for request in requests {
        let created = request.await.unwrap();
        assert!(
            numbers.insert(created["number"].as_str().unwrap().to_owned()),
            "duplicate number"
        );
    }
    assert_eq!(numbers.len(), 200);
}

#[tokio::test]
async fn only_approved_issues_are_public_and_moderation_is_for_moderators() {
    let app = app().await;
    let pending = file(&app, &pothole(CENTRE.0, CENTRE.1)).await;
    let rejected = file(&app, &pothole(CENTRE.0 + 0.001, CENTRE.1)).await;
    let approved = file(&app, &pothole(CENTRE.0 + 0.002, CENTRE.1)).await;
    let moderator = moderator(&app).await;
    let resident = app.resident("resident@example.org").await;
    assert_problem(
        moderate(&app, &resident, approved["number"].as_str().unwrap(), "approved").await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        app.get_as("/api/v1/staff/moderation", &resident.token).await,
        403,
        "forbidden",
    )
    .await;

    let queue: Value = app
        .get_as("/api/v1/staff/moderation", &moderator.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(queue["total"], 3);
    assert_eq!(queue["items"][0]["number"], pending["number"], "oldest first");
    let no_reason = app
        .call(
            Method::POST,
            &format!("/api/v1/issues/{}/moderation", url(&rejected["number"])),
            &moderator.token,
            Some(&json!({ "decision": "rejected" })),
        )
        .await;
    assert_problem(no_reason, 422, "validation_failed").await;
    assert_eq!(
        moderate(&app, &moderator, rejected["number"].as_str().unwrap(), "rejected")
            .await
            .status(),
        200
    );
    assert_eq!(
        moderate(&app, &moderator, approved["number"].as_str().unwrap(), "approved")
            .await
            .status(),
        200
    );
    assert_problem(
        moderate(&app, &moderator, approved["number"].as_str().unwrap(), "approved").await,
        409,
        "no_change",
    )
    .await;

    let list: Value = app.get("/api/v1/issues").await.json().await.unwrap();
    let numbers: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, [approved["number"].as_str().unwrap()]);
    let map: Value = app.get("/api/v1/issues/map").await.json().await.unwrap();
    assert_eq!(map["features"].as_array().unwrap().len(), 1);
    assert_problem(
        app.get(&format!("/api/v1/issues/{}", url(&rejected["number"]))).await,
        404,
        "not_found",
    )
    .await;

    // Hiding takes an approved issue off the public views.
    assert_eq!(
        moderate(&app, &moderator, approved["number"].as_str().unwrap(), "hidden")
            .await
            .status(),
        200
    );
    assert_eq!(
        app.get("/api/v1/issues").await.json::<Value>().await.unwrap()["total"],
        0
    );
    // The shared map responses are dropped at once, too.
    let map: Value = app.get("/api/v1/issues/map").await.json().await.unwrap();
    assert_eq!(map["features"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn operators_see_only_their_units_issues() {
    let app = app().await;
    let created = file(&app, &pothole(CENTRE.0, CENTRE.1)).await;
    let path = format!("/api/v1/staff/issues/{}", url(&created["number"]));
    let zdit = app
        .staff(
            "zdit@example.org",
            &[(Role::Operator, Some("zarzad-drog-i-transportu"))],
        )
        .await;
    let zzm = app
        .staff("zzm@example.org", &[(Role::Operator, Some("zarzad-zieleni-miejskiej"))])
        .await;
    assert_eq!(app.get_as(&path, &zdit.token).await.status(), 200);
    assert_problem(app.get_as(&path, &zzm.token).await, 403, "forbidden").await;
}

#[tokio::test]
async fn moderators_redact_personal_data_and_hide_photos() {
    let app = app().await;
    let mut body = pothole(CENTRE.0, CENTRE.1);
    body["description"] = json!("Dziura przed domem Jana Kowalskiego, tel. 600 100 200.");
    let form = multipart(&body, vec![(png(20, 20), "a.png"), (png(20, 20), "b.png")]);
    let created: Value = app
        .client
        .post(app.url("/api/v1/issues"))
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let number = url(&created["number"]);
    let moderator = moderator(&app).await;
    moderate(&app, &moderator, created["number"].as_str().unwrap(), "approved").await;
    let redacted = app
        .call(
            Method::POST,
            &format!("/api/v1/issues/{number}/redaction"),
            &moderator.token,
            Some(&json!({ "description": "Dziura przed domem [dane usunięte]." })),
        )
        .await;
    assert_eq!(redacted.status(), 200);
    let staff: Value = redacted.json().await.unwrap();
    assert!(staff["original_description"].as_str().unwrap().contains("Kowalskiego"));
    assert_eq!(staff["redacted"], true);
    let photo_id = staff["all_photos"][1]["id"].as_str().unwrap().to_owned();
    let hide = app
        .call(
            Method::POST,
            &format!("/api/v1/issues/{number}/photos/{photo_id}/visibility"),
            &moderator.token,
            Some(&json!({ "hidden": true })),
        )
        .await;
    assert_eq!(hide.status(), 200);

    let public: Value = app.get(&format!("/api/v1/issues/{number}")).await.json().await.unwrap();
    assert_eq!(public["description"], "Dziura przed domem [dane usunięte].");
    assert_eq!(public["photos"].as_array().unwrap().len(), 1);
    assert_problem(
        app.get(&format!("/api/v1/issues/{number}/photos/{photo_id}")).await,
        404,
        "not_found",
    )
    .await;
    let text = app.get("/api/v1/issues?q=Kowalskiego").await.text().await.unwrap();
    assert!(
        !text.contains("Kowalski"),
        "the original text is not searchable publicly"
    );
    // Staff still have the hidden photo.
    assert_eq!(
        app.get_as(
            &format!("/api/v1/staff/issues/{number}/photos/{photo_id}"),
            &moderator.token
        )
        .await
        .status(),
        200
    );
}

#[tokio::test]
async fn no_public_endpoint_reveals_the_reporter() {
    let app = app().await;
    let resident = app.resident("reporter@example.org").await;
    let mut body = pothole(CENTRE.0, CENTRE.1);
    body["contact"] = json!({ "name": "Zofia Tajna", "email": "zofia.tajna@example.org", "phone": "+48 600 700 800", "consent": true });
    let anonymous = file(&app, &body).await;
    let own = app
        .post(
            "/api/v1/issues",
            Some(&resident.token),
            &pothole(CENTRE.0 + 0.0005, CENTRE.1),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert!(
        own["tracking_token"].is_null(),
        "registered reporters follow through their account"
    );
    let moderator = moderator(&app).await;
    for created in [&anonymous, &own] {
        moderate(&app, &moderator, created["number"].as_str().unwrap(), "approved").await;
    }
    let secrets = [
        "Zofia",
        "zofia.tajna",
        "600 700 800",
        "reporter@example.org",
        &resident.id.to_string(),
        anonymous["tracking_token"].as_str().unwrap(),
        "127.0.0.1",
        "contact",
        "reporter",
    ];
    let paths = [
        "/api/v1/issues".to_owned(),
        "/api/v1/issues/map".to_owned(),
        format!("/api/v1/issues/{}", url(&anonymous["number"])),
        format!("/api/v1/issues/{}", url(&own["number"])),
        format!(
            "/api/v1/issues/nearby?category=road-damage&lat={}&lon={}",
            CENTRE.0, CENTRE.1
        ),
        "/api/v1/issues/export?format=csv".to_owned(),
        "/api/v1/issues/export?format=geojson".to_owned(),
    ];
    for path in paths {
        let response = app.get(&path).await;
        assert_eq!(response.status(), 200, "{path}");
        let text = response.text().await.unwrap();
        for secret in secrets {
            assert!(!text.contains(secret), "{path} leaks {secret}: {text}");
        }
    }
    // The registered reporter sees their issue, with its state, in their account.
    let mine: Value = app
        .get_as("/api/v1/accounts/me/issues", &resident.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"][0]["number"], own["number"]);
    let mail = app.mail.wait_for("reporter@example.org", 2).await;
    assert!(mail.subject.contains(own["number"].as_str().unwrap()), "{mail:?}");
    // The anonymous reporter with consent got a confirmation with the number too.
    let mail = app.mail.wait_for("zofia.tajna@example.org", 1).await;
    assert!(mail.body.contains(anonymous["number"].as_str().unwrap()));
}

#[tokio::test]
async fn withdrawing_consent_removes_the_contact_data_at_once() {
    let app = app().await;
    let mut body = pothole(CENTRE.0, CENTRE.1);
    body["contact"] = json!({ "email": "withdraw@example.org", "consent": true });
    let created = file(&app, &body).await;
    let token = created["tracking_token"].as_str().unwrap();
    let tracked: Value = app
        .get(&format!("/api/v1/tracking/{token}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tracked["has_contact"], true);
    let withdrawn = app
        .client
        .delete(app.url(&format!("/api/v1/tracking/{token}/contact")))
        .send()
        .await
        .unwrap();
    assert_eq!(withdrawn.status(), 204);
    let mut conn = app.db.connect().await;
    let (email, consent): (Option<String>, Option<chrono::DateTime<chrono::Utc>>) = issues::table
        .select((issues::contact_email, issues::contact_consent_at))
        .first(&mut conn)
        .await
        .unwrap();
    assert_eq!((email, consent), (None, None));
    let tracked: Value = app
        .get(&format!("/api/v1/tracking/{token}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tracked["has_contact"], false);
}

#[tokio::test]
async fn nearby_lists_open_issues_of_the_category_nearest_first_within_the_radius() {
    let app = app().await;
    let moderator = moderator(&app).await;
    // About 30 m, 60 m and 150 m north of the centre, and one greenery issue at 10 m.
    let mut numbers = Vec::new();
    for metres in [60.0, 30.0, 150.0] {
        let created = file(&app, &pothole(CENTRE.0 + metres / 111_195.0, CENTRE.1)).await;
        moderate(&app, &moderator, created["number"].as_str().unwrap(), "approved").await;
        numbers.push(created["number"].as_str().unwrap().to_owned());
    }
    let mut tree = pothole(CENTRE.0 + 0.0001, CENTRE.1);
    tree["category"] = json!("greenery");
    tree["field_values"] = json!({ "problem": "sick_tree" });
    let tree = file(&app, &tree).await;
    moderate(&app, &moderator, tree["number"].as_str().unwrap(), "approved").await;

    let nearby: Value = app
        .get(&format!(
            "/api/v1/issues/nearby?category=road-damage&lat={}&lon={}",
            CENTRE.0, CENTRE.1
        ))
        .await
        .json()
        .await
        .unwrap();
    let found: Vec<(&str, f64)> = nearby["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["number"].as_str().unwrap(), i["distance_m"].as_f64().unwrap()))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, numbers[1]);
    assert_eq!(found[1].0, numbers[0]);
    assert!(
        (found[0].1 - 30.0).abs() < 1.0 && (found[1].1 - 60.0).abs() < 1.0,
        "{found:?}"
    );
    let wide: Value = app
        .get(&format!(
            "/api/v1/issues/nearby?category=road-damage&lat={}&lon={}&radius=200",
            CENTRE.0, CENTRE.1
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(wide["items"].as_array().unwrap().len(), 3);
    assert_problem(
        app.get(&format!(
            "/api/v1/issues/nearby?category=road-damage&lat={}&lon={}&radius=5000",
            CENTRE.0, CENTRE.1
        ))
        .await,
        400,
        "invalid_query",
    )
    .await;
    assert_problem(
        app.get("/api/v1/issues/nearby?category=road-damage&lat=north&lon=1")
            .await,
        400,
        "invalid_query",
    )
    .await;
}

#[tokio::test]
async fn support_counts_once_per_account_and_per_browser_and_is_rate_limited() {
    let app = TestApp::spawn_with(|config| config.supports_per_ip = 3).await;
    app.seed_demo().await;
    let created = file(&app, &pothole(CENTRE.0, CENTRE.1)).await;
    let moderator = moderator(&app).await;
    moderate(&app, &moderator, created["number"].as_str().unwrap(), "approved").await;
    let path = format!("/api/v1/issues/{}/support", url(&created["number"]));
    let resident = app.resident("metoo@example.org").await;
    let first: Value = app
        .post(&path, Some(&resident.token), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (first["support_count"].as_i64(), first["added"].as_bool()),
        (Some(1), Some(true))
    );
    let again: Value = app
        .post(&path, Some(&resident.token), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (again["support_count"].as_i64(), again["added"].as_bool()),
        (Some(1), Some(false))
    );
    let browser = json!({ "browser_key": "browser-key-0123456789abcdef" });
    let anonymous: Value = app.post(&path, None, &browser).await.json().await.unwrap();
    assert_eq!(anonymous["support_count"], 2);
    let repeat: Value = app.post(&path, None, &browser).await.json().await.unwrap();
    assert_eq!(
        (repeat["support_count"].as_i64(), repeat["added"].as_bool()),
        (Some(2), Some(false))
    );
    assert_problem(app.post(&path, None, &json!({})).await, 422, "validation_failed").await;
    app.post(&path, None, &json!({ "browser_key": "another-browser-0123456789" }))
        .await;
    assert_problem(
        app.post(&path, None, &json!({ "browser_key": "third-browser-0123456789" }))
            .await,
        429,
        "too_many_attempts",
    )
    .await;
    let public: Value = app
        .get(&format!("/api/v1/issues/{}", url(&created["number"])))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(public["support_count"], 3);
}

#[tokio::test]
async fn a_typed_address_is_placed_or_flagged_for_an_operator() {
    let app = app().await;
    let mut body = pothole(0.0, 0.0);
    body.as_object_mut().unwrap().remove("location");
    body["address"] = json!("ul. piotrkowska 104");
    let placed = file(&app, &body).await;
    assert_eq!(placed["needs_pinpoint"], false);
    let tracked: Value = app
        .get(&format!(
            "/api/v1/tracking/{}",
            placed["tracking_token"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tracked["address"], "Piotrkowska 104");
    assert!((tracked["location"]["lat"].as_f64().unwrap() - 51.7592).abs() < 0.001);

    body["address"] = json!("Nieistniejąca 7");
    let unplaced = file(&app, &body).await;
    assert_eq!(unplaced["needs_pinpoint"], true);
    let tracked: Value = app
        .get(&format!(
            "/api/v1/tracking/{}",
            unplaced["tracking_token"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tracked["address"], "Nieistniejąca 7");
    assert!(tracked["location"].is_null());
}

#[tokio::test]
async fn staff_register_issues_received_by_phone_and_residents_cannot_claim_staff_channels() {
    let app = app().await;
    let agent = app.staff("agent@example.org", &[(Role::ContactCentre, None)]).await;
    let mut body = pothole(CENTRE.0, CENTRE.1);
    body["channel"] = json!("phone");
    body["contact"] = json!({ "name": "Dzwoniący", "phone": "+48 600 000 111", "consent": true });
    let created: Value = app
        .post("/api/v1/issues", Some(&agent.token), &body)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        created["tracking_token"].is_string(),
        "the caller gets a tracking secret"
    );
    let staff: Value = app
        .get_as(
            &format!("/api/v1/staff/issues/{}", url(&created["number"])),
            &agent.token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(staff["channel"], "phone");
    assert_eq!(staff["has_contact"], true);
    let resident = app.resident("claims@example.org").await;
    assert_problem(
        app.post("/api/v1/issues", Some(&resident.token), &body).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(app.post("/api/v1/issues", None, &body).await, 403, "forbidden").await;
}

#[tokio::test]
async fn public_lists_filter_and_respect_the_anonymous_window_and_the_map_hides_old_finished_issues() {
    let app = app().await;
    let moderator = moderator(&app).await;
    let recent = file(&app, &pothole(CENTRE.0, CENTRE.1)).await;
    let mut light = pothole(CENTRE.0 + 0.01, CENTRE.1 + 0.01);
    light["category"] = json!("street-lighting");
    light["title"] = json!("Zgaszona latarnia");
    light["description"] = json!("Latarnia przy ŻÓŁTYM budynku nie świeci.");
    light["field_values"] = json!({ "problem": "off" });
    let light = file(&app, &light).await;
    let old = file(&app, &pothole(CENTRE.0 - 0.01, CENTRE.1)).await;
    for created in [&recent, &light, &old] {
        moderate(&app, &moderator, created["number"].as_str().unwrap(), "approved").await;
    }
    let mut conn = app.db.connect().await;
    let now = app.clock.now();
    diesel::update(issues::table.filter(issues::number.eq(old["number"].as_str().unwrap())))
        .set((
            issues::created_at.eq(now - Duration::days(120)),
            issues::status.eq("done"),
            issues::finished_at.eq(now - Duration::days(40)),
        ))
        .execute(&mut conn)
        .await
        .unwrap();

    let total = |value: Value| value["total"].as_i64().unwrap();
    assert_eq!(
        total(app.get("/api/v1/issues").await.json().await.unwrap()),
        2,
        "anonymous visitors see the recent window"
    );
    let resident = app.resident("sees-all@example.org").await;
    assert_eq!(
        total(
            app.get_as("/api/v1/issues", &resident.token)
                .await
                .json()
                .await
                .unwrap()
        ),
        3
    );
    let map: Value = app
        .get_as("/api/v1/issues/map", &resident.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        map["features"].as_array().unwrap().len(),
        2,
        "finished 40 days ago: off the map"
    );
    assert_eq!(
        app.get(&format!("/api/v1/issues/{}", url(&old["number"])))
            .await
            .status(),
        200,
        "still found by number"
    );

    assert_eq!(
        total(
            app.get("/api/v1/issues?category=street-lighting")
                .await
                .json()
                .await
                .unwrap()
        ),
        1
    );
    assert_eq!(
        total(app.get("/api/v1/issues?q=zolty").await.json().await.unwrap()),
        1,
        "diacritics ignored"
    );
    assert_eq!(
        total(app.get("/api/v1/issues?q=latarnia").await.json().await.unwrap()),
        1
    );
    assert_eq!(
        total(app.get("/api/v1/issues?status=done").await.json().await.unwrap()),
        0
    );
    let bbox = format!(
        "/api/v1/issues?bbox={},{},{},{}",
        CENTRE.1 - 0.001,
        CENTRE.0 - 0.001,
        CENTRE.1 + 0.001,
        CENTRE.0 + 0.001
    );
    assert_eq!(total(app.get(&bbox).await.json().await.unwrap()), 1);
    assert_eq!(
        total(
            app.get("/api/v1/issues?unit=zarzad-zieleni-miejskiej")
                .await
                .json()
                .await
                .unwrap()
        ),
        0
    );
    assert_problem(app.get("/api/v1/issues?bbox=1,2,3").await, 400, "invalid_query").await;
    assert_problem(app.get("/api/v1/issues?status=lost").await, 400, "invalid_query").await;
    assert_problem(app.get("/api/v1/issues?from=yesterday").await, 400, "invalid_query").await;
    let csv = app
        .get("/api/v1/issues/export?format=csv&category=street-lighting")
        .await;
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = csv.text().await.unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("Zgaszona latarnia"));
    assert_problem(app.get("/api/v1/issues/export?format=xml").await, 400, "invalid_query").await;
}

#[tokio::test]
async fn the_map_is_put_together_from_grid_cells_without_losing_or_repeating_points() {
    let app = app().await;
    let moderator = moderator(&app).await;
    // One issue exactly on the corner of four grid cells, one inside a cell, one far away.
    let corner = file(&app, &pothole(51.76, 19.46)).await;
    let inside = file(&app, &pothole(51.7655, 19.4575)).await;
    let far = file(&app, &pothole(51.80, 19.40)).await;
    for issue in [&corner, &inside, &far] {
        assert_eq!(
            moderate(&app, &moderator, issue["number"].as_str().unwrap(), "approved")
                .await
                .status(),
            200
        );
    }
    let numbers = |map: &Value| -> Vec<String> {
        let mut numbers: Vec<String> = map["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"]["number"].as_str().unwrap().to_owned())
            .collect();
        numbers.sort();
        numbers
    };
    let around = |bbox: &str| {
        let app = &app;
        let path = format!("/api/v1/issues/map?bbox={bbox}");
        async move {
            let response = app.get(&path).await;
            assert_eq!(response.status(), 200);
            assert_eq!(response.headers()["content-type"], "application/geo+json");
            response.json::<Value>().await.unwrap()
        }
    };
    let mut expected = vec![
        corner["number"].as_str().unwrap().to_owned(),
        inside["number"].as_str().unwrap().to_owned(),
    ];
    expected.sort();
    // A box around the corner: each point once, the far one not at all.
    let map = around("19.455,51.755,19.465,51.768").await;
    assert_eq!(numbers(&map), expected);
    assert_eq!(map["truncated"], false);
    // The same again (served from the shared cells) and the whole city (coarser cells).
    assert_eq!(numbers(&around("19.455,51.755,19.465,51.768").await), expected);
    assert_eq!(
        numbers(&app.get("/api/v1/issues/map").await.json::<Value>().await.unwrap()).len(),
        3
    );
    // A box touching the corner point from the south-west has it (edges count), and nothing else.
    assert_eq!(
        numbers(&around("19.45,51.75,19.46,51.76").await),
        [corner["number"].as_str().unwrap().to_owned()]
    );
    // A bad box is refused naming the parameter.
    let response = app.get("/api/v1/issues/map?bbox=19.5,51.7,19.4,51.8").await;
    let problem = assert_problem(response, 400, "invalid_query").await;
    assert_eq!(problem["errors"][0]["field"], "bbox");
}
