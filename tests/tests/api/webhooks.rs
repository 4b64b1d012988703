//! Webhook subscriptions against a real HTTP receiver started by the test: signed
//! deliveries of public issues' events with the subscription's filters, no personal data,
//! the delivery log and redelivery, a receiver that is down for a while and a server that
//! restarts mid-retry (each event delivered once), SSRF targets refused, and who may
//! manage which subscription.

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use actix_web::{HttpRequest, HttpResponse, web};
use hmac::{Hmac, Mac};
use kontakt::auth::policy::Role;
use kontakt_tests::{TestApp, TestUser, assert_problem};
use reqwest::Method;
use serde_json::{Value, json};
use sha2::Sha256;

const ZDIT: &str = "zarzad-drog-i-transportu";
const ZZM: &str = "zarzad-zieleni-miejskiej";
const REPORTER: &str = "reporter.private@example.org";

/// One request the receiver took.
#[derive(Debug, Clone)]
struct Received {
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// A webhook receiver on a real port: records what it takes.
#[derive(Clone, Default)]
struct Receiver {
    received: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    fn start_on(listener: TcpListener) -> Self {
        let receiver = Self::default();
        let shared = receiver.received.clone();
        let server = actix_web::HttpServer::new(move || {
            let shared = shared.clone();
            actix_web::App::new().route(
                "/hook",
                web::post().to(move |request: HttpRequest, body: web::Bytes| {
                    let shared = shared.clone();
                    async move {
                        let headers = request
                            .headers()
                            .iter()
                            .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap().to_owned()))
                            .collect();
                        shared.lock().unwrap().push(Received {
                            headers,
                            body: body.to_vec(),
                        });
                        HttpResponse::NoContent().finish()
                    }
                }),
            )
        })
        .workers(1)
        .listen(listener)
        .unwrap();
        tokio::spawn(server.run());
        receiver
    }

    fn all(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until `n` requests arrived, and a moment longer to see that no more come.
    async fn wait_for(&self, n: usize) -> Vec<Received> {
        eventually(&format!("{n} deliveries"), async || self.all().len() >= n).await;
        tokio::time::sleep(StdDuration::from_millis(400)).await;
        self.all()
    }
}

fn local_listener() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://127.0.0.1:{}/hook", listener.local_addr().unwrap().port());
    (listener, url)
}

async fn eventually<F: AsyncFn() -> bool>(what: &str, check: F) {
    for _ in 0..150 {
        if check().await {
            return;
        }
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
    panic!("timed out waiting for: {what}");
}

/// Verifies `Kontakt-Signature: t=…,v1=…` the way a receiver would, independently of the
/// server's code: HMAC-SHA256 over "<t>.<body>".
fn verify(secret: &str, received: &Received) -> bool {
    let header = &received.headers["kontakt-signature"];
    let mut parts = header.split(',');
    let t = parts.next().unwrap().strip_prefix("t=").unwrap();
    let v1 = parts.next().unwrap().strip_prefix("v1=").unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(t.as_bytes());
    mac.update(b".");
    mac.update(&received.body);
    mac.verify_slice(&hex::decode(v1).unwrap()).is_ok()
}

fn issue(category: &str, lat: f64) -> Value {
    let (title, fields) = if category == "road-damage" {
        ("Dziura na jezdni", json!({ "surface": "road", "size_cm": 40 }))
    } else {
        ("Złamana gałąź", json!({ "problem": "fallen_branch" }))
    };
    json!({
        "category": category,
        "title": title,
        "description": "Opis zgłoszenia od Jana Kowalskiego.",
        "location": { "lat": lat, "lon": 19.4576 },
        "field_values": fields,
        "contact": { "email": REPORTER, "name": "Jan Kowalski", "phone": "+48 600 100 200", "consent": true },
    })
}

struct Desk {
    app: TestApp,
    admin: TestUser,
}

impl Desk {
    async fn new(customize: impl FnOnce(&mut kontakt::config::Config)) -> Self {
        let app = TestApp::spawn_with(customize).await;
        app.seed_demo().await;
        let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
        Self { app, admin }
    }

    async fn register_app(&self) -> String {
        let body = json!({
            "name": "Łódź w kieszeni",
            "contact_email": "dev@example.org",
            "scopes": ["issues.create"],
            "rate_limit_per_minute": 60,
        });
        let response = self.app.post("/api/v1/apps", Some(&self.admin.token), &body).await;
        assert_eq!(response.status(), 201);
        let app: Value = response.json().await.unwrap();
        app["id"].as_str().unwrap().to_owned()
    }

    async fn subscribe(&self, token: &str, body: Value) -> Value {
        let response = self.app.post("/api/v1/webhooks", Some(token), &body).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        response.json().await.unwrap()
    }

    async fn file(&self, body: &Value) -> String {
        let response = self.app.post("/api/v1/issues", None, body).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        let created: Value = response.json().await.unwrap();
        created["number"].as_str().unwrap().replace('/', "-")
    }

    async fn moderate(&self, number: &str, decision: &str) {
        let path = format!("/api/v1/issues/{number}/moderation");
        let body = if decision == "approved" {
            json!({ "decision": decision })
        } else {
            json!({ "decision": decision, "reason": "Treść niezgodna z regulaminem." })
        };
        let response = self.app.call(Method::POST, &path, &self.admin.token, Some(&body)).await;
        assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
    }

    async fn act(&self, number: &str, action: &str, body: Value) {
        let path = format!("/api/v1/staff/issues/{number}/{action}");
        let response = self.app.call(Method::POST, &path, &self.admin.token, Some(&body)).await;
        assert!(response.status().is_success(), "{}", response.text().await.unwrap());
    }

    async fn deliveries(&self, subscription: &Value) -> Vec<Value> {
        let path = format!("/api/v1/webhooks/{}/deliveries", subscription["id"].as_str().unwrap());
        let response = self.app.get_as(&path, &self.admin.token).await;
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }
}

#[tokio::test]
async fn subscribers_get_signed_events_of_public_issues_they_filtered_for() {
    let desk = Desk::new(|_| {}).await;
    let app_id = desk.register_app().await;
    let (listener, url) = local_listener();
    let receiver = Receiver::start_on(listener);
    let subscription = desk
        .subscribe(
            &desk.admin.token,
            json!({
                "app_id": app_id,
                "url": url,
                "events": ["issue.created", "issue.status_changed", "issue.response_added"],
                "categories": ["road-damage"],
            }),
        )
        .await;
    let secret = subscription["secret"].as_str().unwrap().to_owned();
    assert!(secret.len() >= 40, "a strong secret: {secret}");
    assert_eq!(subscription["app"]["id"], app_id.as_str());
    assert_eq!(subscription["categories"], json!(["road-damage"]));
    // The secret is shown once.
    let path = format!("/api/v1/webhooks/{}", subscription["id"].as_str().unwrap());
    let read: Value = desk.app.get_as(&path, &desk.admin.token).await.json().await.unwrap();
    assert!(read.get("secret").is_none() && !read.to_string().contains(&secret));

    // Not public yet: nothing goes out. Another category, or a rejected issue: never.
    let pothole = desk.file(&issue("road-damage", 51.7592)).await;
    let branch = desk.file(&issue("greenery", 51.7600)).await;
    let rejected = desk.file(&issue("road-damage", 51.7610)).await;
    tokio::time::sleep(StdDuration::from_millis(600)).await;
    assert!(receiver.all().is_empty(), "pending issues are not announced");
    desk.moderate(&branch, "approved").await;
    desk.moderate(&rejected, "rejected").await;

    // Published: `issue.created`, signed, with the public view only.
    desk.moderate(&pothole, "approved").await;
    let got = receiver.wait_for(1).await;
    assert_eq!(got.len(), 1, "only the filtered category's published issue: {got:?}");
    let created = &got[0];
    assert!(
        verify(&secret, created),
        "the signature verifies with the subscription's secret"
    );
    assert!(!verify("whsec_another", created));
    assert_eq!(created.headers["kontakt-event"], "issue.created");
    assert_eq!(created.headers["content-type"], "application/json");
    let payload = created.json();
    assert_eq!(payload["type"], "issue.created");
    assert_eq!(payload["issue"]["number"], pothole.replace('-', "/"));
    assert_eq!(payload["issue"]["category"]["slug"], "road-damage");
    assert_eq!(payload["issue"]["unit"]["slug"], ZDIT);
    let text = String::from_utf8_lossy(&created.body);
    for personal in [REPORTER, "600 100 200", "\"contact"] {
        assert!(
            !text.contains(personal),
            "{personal} must not leave in a webhook: {text}"
        );
    }

    // Accepted, then a public response: two more events, in order, with the change.
    desk.act(&pothole, "status", json!({ "status": "accepted" })).await;
    let response = json!({ "message": "Ekipa naprawi jezdnię w tym tygodniu.", "public": true });
    desk.act(&pothole, "responses", response).await;
    let got = receiver.wait_for(3).await;
    assert_eq!(got.len(), 3, "{got:?}");
    let changed = got[1].json();
    assert_eq!(changed["type"], "issue.status_changed");
    assert_eq!(changed["change"], json!({ "from": "new", "to": "accepted" }));
    assert_eq!(changed["issue"]["status"], "accepted");
    assert_eq!(
        changed["issue"]["deadline"]["kind"], "start_work",
        "the deadline after the change"
    );
    let responded = got[2].json();
    assert_eq!(responded["type"], "issue.response_added");
    assert_eq!(responded["message"], "Ekipa naprawi jezdnię w tym tygodniu.");
    assert!(got.iter().all(|r| verify(&secret, r)));
    let ids: Vec<i64> = got.iter().map(|r| r.json()["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "event ids increase: {ids:?}");

    // The delivery log shows each, newest first; a redelivery repeats the event under a new
    // delivery id, signed anew.
    let log = desk.deliveries(&subscription).await;
    assert_eq!(log.len(), 3);
    assert_eq!(log[2]["event"], "issue.created");
    assert_eq!(log[2]["response_status"], 204);
    assert_eq!(log[2]["attempts"], 1);
    assert!(log[2]["delivered_at"].is_string() && log[2]["next_attempt_at"].is_null());
    assert_eq!(log[2]["id"], got[0].headers["kontakt-delivery"].as_str());
    let redeliver = format!(
        "/api/v1/webhooks/{}/deliveries/{}/redeliver",
        subscription["id"].as_str().unwrap(),
        log[2]["id"].as_str().unwrap()
    );
    let response = desk.app.post(&redeliver, Some(&desk.admin.token), &json!({})).await;
    assert_eq!(response.status(), 202);
    let got = receiver.wait_for(4).await;
    assert_eq!(got[3].json(), got[0].json(), "the same event");
    assert_ne!(got[3].headers["kontakt-delivery"], got[0].headers["kontakt-delivery"]);
    assert!(verify(&secret, &got[3]));
    let log = desk.deliveries(&subscription).await;
    assert_eq!(log[0]["redelivery_of"], log[3]["id"]);

    // A rotated secret signs what follows; a disabled subscription receives nothing.
    let rotate = format!("/api/v1/webhooks/{}/secret", subscription["id"].as_str().unwrap());
    let rotated: Value = desk
        .app
        .post(&rotate, Some(&desk.admin.token), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let new_secret = rotated["secret"].as_str().unwrap();
    desk.act(
        &pothole,
        "status",
        json!({ "status": "in_progress", "message": "Prace trwają." }),
    )
    .await;
    let got = receiver.wait_for(5).await;
    assert!(verify(new_secret, &got[4]) && !verify(&secret, &got[4]));
    let disable = desk
        .app
        .call(
            Method::PATCH,
            &path,
            &desk.admin.token,
            Some(&json!({ "disabled": true })),
        )
        .await;
    assert_eq!(disable.status(), 200);
    desk.act(
        &pothole,
        "responses",
        json!({ "message": "Naprawa trwa.", "public": true }),
    )
    .await;
    tokio::time::sleep(StdDuration::from_millis(600)).await;
    assert_eq!(receiver.all().len(), 5, "disabled: nothing sent");
}

#[tokio::test]
async fn a_receiver_down_for_a_while_and_a_restart_mid_retry_still_get_each_event_once() {
    let desk = Desk::new(|_| {}).await;
    // A port where nobody listens yet: connections are refused.
    let (listener, url) = local_listener();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let subscription = desk
        .subscribe(
            &desk.admin.token,
            json!({ "unit": ZDIT, "url": url, "events": ["issue.created", "issue.status_changed"] }),
        )
        .await;
    assert_eq!(subscription["unit"]["slug"], ZDIT);
    let pothole = desk.file(&issue("road-damage", 51.7592)).await;
    desk.moderate(&pothole, "approved").await;
    desk.act(&pothole, "status", json!({ "status": "accepted" })).await;

    // Attempts fail and are logged with the error and the next attempt.
    let failing = async || {
        let log = desk.deliveries(&subscription).await;
        log.len() == 2 && log.iter().all(|d| d["attempts"].as_i64().unwrap() >= 2)
    };
    eventually("failed attempts", failing).await;
    let log = desk.deliveries(&subscription).await;
    assert!(log[0]["last_error"].as_str().unwrap().contains("error"), "{log:?}");
    assert!(log[0]["next_attempt_at"].is_string() && log[0]["delivered_at"].is_null());

    // The server restarts while the deliveries wait for their next attempt; then the
    // receiver comes up.
    desk.app.stop().await;
    let (_address, _sibling) = desk.app.spawn_sibling();
    let receiver = Receiver::start_on(TcpListener::bind(("127.0.0.1", port)).unwrap());
    let got = receiver.wait_for(2).await;
    tokio::time::sleep(StdDuration::from_millis(800)).await;
    let got_later = receiver.all();
    assert_eq!(got_later.len(), 2, "each event once: {got:?}");
    let types: Vec<Value> = got_later.iter().map(|r| r.json()["type"].clone()).collect();
    assert_eq!(types, vec![json!("issue.created"), json!("issue.status_changed")]);
}

#[tokio::test]
async fn private_and_loopback_targets_are_refused() {
    let desk = Desk::new(|config| config.webhook_allow_private_targets = false).await;
    for url in [
        "http://127.0.0.1:8080/hook",
        "http://10.0.0.5/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://localhost:9000/hook",
        "http://[::ffff:192.168.0.1]/hook",
    ] {
        let body = json!({ "unit": ZDIT, "url": url, "events": ["issue.created"] });
        let response = desk.app.post("/api/v1/webhooks", Some(&desk.admin.token), &body).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["field"], "url", "{url}");
        assert_eq!(problem["errors"][0]["code"], "private_address", "{url}");
    }
    // The units' own webhooks too.
    let response = desk
        .app
        .call(
            Method::PATCH,
            &format!("/api/v1/units/{ZDIT}"),
            &desk.admin.token,
            Some(&json!({ "webhook_url": "http://127.0.0.1:9/hook" })),
        )
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["code"], "private_address");

    // A public address is accepted.
    let body = json!({ "unit": ZDIT, "url": "https://hooks.example.org/kontakt", "events": ["issue.created"] });
    desk.subscribe(&desk.admin.token, body).await;
}

#[tokio::test]
async fn a_url_saved_while_private_targets_were_allowed_is_not_called_after_they_are_not() {
    let desk = Desk::new(|_| {}).await;
    let (listener, url) = local_listener();
    let receiver = Receiver::start_on(listener);
    let subscription = desk
        .subscribe(
            &desk.admin.token,
            json!({ "unit": ZDIT, "url": url, "events": ["issue.created"] }),
        )
        .await;
    desk.app.stop().await;
    let (address, _sibling) = desk
        .app
        .spawn_sibling_with(|config| config.webhook_allow_private_targets = false);
    let filed: Value = desk
        .app
        .client
        .post(format!("{address}/api/v1/issues"))
        .json(&issue("road-damage", 51.7592))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pothole = filed["number"].as_str().unwrap().replace('/', "-");
    let path = format!("{address}/api/v1/issues/{pothole}/moderation");
    let response = desk
        .app
        .client
        .post(path)
        .bearer_auth(&desk.admin.token)
        .json(&json!({ "decision": "approved" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let given_up = async || {
        let path = format!(
            "{address}/api/v1/webhooks/{}/deliveries",
            subscription["id"].as_str().unwrap()
        );
        let log: Vec<Value> = desk
            .app
            .client
            .get(path)
            .bearer_auth(&desk.admin.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        log.first().is_some_and(|d| d["failed_at"].is_string())
    };
    eventually("the refused delivery", given_up).await;
    assert!(receiver.all().is_empty());
}

#[tokio::test]
async fn operators_manage_only_their_units_subscriptions_and_apps_are_for_administrators() {
    let desk = Desk::new(|_| {}).await;
    let app_id = desk.register_app().await;
    let operator = desk.app.staff("op@example.org", &[(Role::Operator, Some(ZDIT))]).await;
    let resident = desk.app.resident("resident@example.org").await;
    let url = "https://hooks.example.org/kontakt";

    let own = desk
        .subscribe(
            &operator.token,
            json!({ "unit": ZDIT, "url": url, "events": ["issue.created"] }),
        )
        .await;
    let other = desk
        .subscribe(
            &desk.admin.token,
            json!({ "unit": ZZM, "url": url, "events": ["issue.created"] }),
        )
        .await;
    let of_app = desk
        .subscribe(
            &desk.admin.token,
            json!({ "app_id": app_id, "url": url, "events": ["issue.created"] }),
        )
        .await;

    for body in [
        json!({ "unit": ZZM, "url": url, "events": ["issue.created"] }),
        json!({ "app_id": app_id, "url": url, "events": ["issue.created"] }),
    ] {
        let response = desk.app.post("/api/v1/webhooks", Some(&operator.token), &body).await;
        assert_problem(response, 403, "forbidden").await;
    }
    let listed: Vec<Value> = desk
        .app
        .get_as("/api/v1/webhooks", &operator.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], own["id"]);
    for id in [&other["id"], &of_app["id"]] {
        let path = format!("/api/v1/webhooks/{}", id.as_str().unwrap());
        assert_problem(desk.app.get_as(&path, &operator.token).await, 403, "forbidden").await;
        let deliveries = format!("{path}/deliveries");
        assert_problem(desk.app.get_as(&deliveries, &operator.token).await, 403, "forbidden").await;
        let response = desk.app.call(Method::DELETE, &path, &operator.token, None).await;
        assert_problem(response, 403, "forbidden").await;
    }
    assert_problem(
        desk.app.get_as("/api/v1/webhooks", &resident.token).await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(desk.app.get("/api/v1/webhooks").await.status(), 401);
    let listed: Vec<Value> = desk
        .app
        .get_as("/api/v1/webhooks", &desk.admin.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.len(), 3);

    // Bad input names the field.
    let bad = [
        (
            json!({ "unit": ZDIT, "url": "ftp://x", "events": ["issue.created"] }),
            "url",
        ),
        (json!({ "unit": ZDIT, "url": url, "events": [] }), "events"),
        (
            json!({ "unit": ZDIT, "url": url, "events": ["issue.created"], "categories": ["nope"] }),
            "categories[0]",
        ),
        (
            json!({ "unit": "no-such-unit", "url": url, "events": ["issue.created"] }),
            "unit",
        ),
        (json!({ "url": url, "events": ["issue.created"] }), "app_id"),
    ];
    for (body, field) in bad {
        let response = desk.app.post("/api/v1/webhooks", Some(&desk.admin.token), &body).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["field"], field, "{body}");
    }
    let unknown_event = json!({ "unit": ZDIT, "url": url, "events": ["issue.deleted"] });
    let response = desk
        .app
        .post("/api/v1/webhooks", Some(&desk.admin.token), &unknown_event)
        .await;
    assert_eq!(response.status(), 422);

    // The operator deletes their own.
    let path = format!("/api/v1/webhooks/{}", own["id"].as_str().unwrap());
    let response = desk.app.call(Method::DELETE, &path, &operator.token, None).await;
    assert_eq!(response.status(), 204);
    assert_eq!(desk.app.get_as(&path, &operator.token).await.status(), 404);
}
