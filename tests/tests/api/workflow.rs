//! The operator workflow: statuses, deadlines, information requests, routing, transfer,
//! category change, merge, responses, notifications over SMTP, unit scoping, background jobs
//! (exactly once with two instances) and anonymisation. Time is moved with the app's clock.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kontakt::auth::policy::Role;
use kontakt::schema::{issue_events, issues, outbox_emails};
use kontakt_tests::users::PASSWORD;
use kontakt_tests::{TestApp, TestUser, assert_problem};
use reqwest::Method;
use serde_json::{Value, json};

const ZDIT: &str = "zarzad-drog-i-transportu";
const ZZM: &str = "zarzad-zieleni-miejskiej";
const REPORTER: &str = "reporter@example.org";

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

fn pothole(email: Option<&str>) -> Value {
    let mut body = json!({
        "category": "road-damage",
        "title": "Dziura na jezdni",
        "description": "Głęboka dziura przy przejściu dla pieszych.",
        "location": { "lat": 51.7592, "lon": 19.4576 },
        "field_values": { "surface": "road", "size_cm": 40 },
    });
    if let Some(email) = email {
        body["contact"] = json!({ "email": email, "consent": true });
    }
    body
}

/// A demo-seeded app whose clock reads Monday 23 November 2026, 10:00 in Łódź.
async fn app() -> TestApp {
    let app = TestApp::spawn_with(|config| config.reply_address = Some("odpowiedz@kontakt.example".into())).await;
    app.clock.set(at("2026-11-23T10:00:00+01:00"));
    app.seed_demo().await;
    app
}

async fn file(app: &TestApp, body: &Value) -> Value {
    let response = app.post("/api/v1/issues", None, body).await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    response.json().await.unwrap()
}

fn url(number: &Value) -> String {
    number.as_str().unwrap().replace('/', "-")
}

async fn operator(app: &TestApp, unit: &str) -> TestUser {
    app.staff(&format!("op-{unit}@example.org"), &[(Role::Operator, Some(unit))])
        .await
}

/// Logs in again (after the clock moved past the access token's life).
async fn fresh(app: &TestApp, user: &TestUser) -> String {
    app.login_ok(&user.email, PASSWORD).await.0
}

async fn act(app: &TestApp, token: &str, number: &Value, action: &str, body: Value) -> reqwest::Response {
    let path = format!("/api/v1/staff/issues/{}/{action}", url(number));
    app.call(Method::POST, &path, token, Some(&body)).await
}

async fn staff_view(app: &TestApp, token: &str, number: &Value) -> Value {
    let response = app
        .get_as(&format!("/api/v1/staff/issues/{}", url(number)), token)
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn approve(app: &TestApp, number: &Value) {
    let email = format!("moderator-{}@example.org", uuid::Uuid::new_v4().simple());
    let moderator = app.staff(&email, &[(Role::Moderator, None)]).await;
    let path = format!("/api/v1/issues/{}/moderation", url(number));
    let response = app
        .call(
            Method::POST,
            &path,
            &moderator.token,
            Some(&json!({ "decision": "approved" })),
        )
        .await;
    assert_eq!(response.status(), 200);
}

fn kinds(history: &Value) -> Vec<String> {
    history
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["kind"].as_str().unwrap().to_owned())
        .collect()
}

/// Waits until `check` holds (the background jobs run every 100 ms in tests).
async fn eventually<F: AsyncFn() -> bool>(what: &str, check: F) {
    for _ in 0..100 {
        if check().await {
            return;
        }
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
    panic!("timed out waiting for: {what}");
}

#[tokio::test]
async fn an_issue_goes_through_every_status_with_justifications_and_mail() {
    let app = app().await;
    let zdit = operator(&app, ZDIT).await;
    let created = file(&app, &pothole(Some(REPORTER))).await;
    let number = &created["number"];

    // On arrival: the verification deadline (3 working days, to the end of Thursday) and a
    // public first response naming the unit and that day.
    let issue = staff_view(&app, &zdit.token, number).await;
    assert_eq!(issue["deadline"]["kind"], "verify");
    assert_eq!(
        at(issue["deadline"]["due_at"].as_str().unwrap()),
        at("2026-11-27T00:00:00+01:00")
    );
    assert_eq!(issue["deadline"]["overdue"], false);
    assert_eq!(issue["allowed_next"], json!(["accepted", "closed"]));
    let first = &issue["history"][1];
    assert_eq!(
        (first["kind"].as_str(), first["public"].as_bool()),
        (Some("response"), Some(true))
    );
    let text = first["message"].as_str().unwrap();
    assert!(
        text.contains("Zarząd Dróg i Transportu") && text.contains("26.11.2026"),
        "{text}"
    );
    // The reporter's registration mail carries the number and the first response; the unit's
    // operator and the unit's own address hear of the new issue (automatic delivery).
    let registered = app.mail.wait_for(REPORTER, 1).await;
    assert!(registered.body.contains(number.as_str().unwrap()) && registered.body.contains("26.11.2026"));
    let announced = app.mail.wait_for(&zdit.email, 1).await;
    assert!(
        announced.subject.contains(number.as_str().unwrap()),
        "{}",
        announced.subject
    );
    let forwarded = app.mail.wait_for("zdit@lodz.example", 1).await;
    assert!(forwarded.body.contains("Głęboka dziura"));

    // Illegal moves are refused, naming the allowed ones.
    for to in ["done", "in_progress"] {
        let body = json!({ "status": to, "message": "uzasadnienie" });
        let problem = assert_problem(
            act(&app, &zdit.token, number, "status", body).await,
            409,
            "illegal_transition",
        )
        .await;
        let allowed: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["message"].as_str().unwrap())
            .collect();
        assert_eq!(allowed, ["accepted", "closed"]);
    }

    // Accepting needs no justification; the next deadline is 14 working days from it.
    let accepted = act(&app, &zdit.token, number, "status", json!({ "status": "accepted" })).await;
    assert_eq!(accepted.status(), 200);
    let accepted: Value = accepted.json().await.unwrap();
    assert_eq!(accepted["deadline"]["kind"], "start_work");
    assert_eq!(
        at(accepted["deadline"]["due_at"].as_str().unwrap()),
        at("2026-12-12T00:00:00+01:00")
    );

    // In progress, Done and Closed need a public justification; Closed a reason too.
    let problem = assert_problem(
        act(&app, &zdit.token, number, "status", json!({ "status": "in_progress" })).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "message");
    let problem = assert_problem(
        act(
            &app,
            &zdit.token,
            number,
            "status",
            json!({ "status": "closed", "message": "nie" }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "close_reason");
    let body = json!({ "status": "in_progress", "message": "Naprawę zlecono wykonawcy." });
    let started: Value = act(&app, &zdit.token, number, "status", body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(started["status"], "in_progress");
    assert_eq!(started["deadline"], Value::Null);
    let status_mail = app.mail.wait_for(REPORTER, 3).await;
    assert!(status_mail.body.contains("w realizacji") && status_mail.body.contains("Naprawę zlecono wykonawcy."));

    // A public response and an internal note.
    let response = act(
        &app,
        &zdit.token,
        number,
        "responses",
        json!({ "message": "Ekipa będzie jutro.", "public": true }),
    )
    .await;
    assert_eq!(response.status(), 200);
    let note = act(
        &app,
        &zdit.token,
        number,
        "responses",
        json!({ "message": "Wykonawca: firma X.", "public": false }),
    )
    .await;
    assert_eq!(note.status(), 200);
    assert!(
        app.mail
            .wait_for(REPORTER, 4)
            .await
            .body
            .contains("Ekipa będzie jutro.")
    );

    let body = json!({ "status": "done", "message": "Dziurę załatano." });
    let done: Value = act(&app, &zdit.token, number, "status", body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (done["status"].as_str(), done["allowed_next"].as_array().unwrap().len()),
        (Some("done"), 0)
    );
    assert!(done["finished_at"].is_string());
    let problem = assert_problem(
        act(
            &app,
            &zdit.token,
            number,
            "status",
            json!({ "status": "closed", "message": "x", "close_reason": "unfounded" }),
        )
        .await,
        409,
        "illegal_transition",
    )
    .await;
    assert!(problem["errors"].as_array().is_none_or(|errors| errors.is_empty()));

    // The staff history has every change with who made it; the public timeline only the
    // public ones, without the note.
    let history = &staff_view(&app, &zdit.token, number).await["history"];
    assert_eq!(
        kinds(history),
        [
            "created",
            "response",
            "status_changed",
            "status_changed",
            "response",
            "note",
            "status_changed"
        ]
    );
    assert_eq!(history[2]["actor_name"], history[6]["actor_name"]);
    assert!(history[2]["actor_name"].is_string());
    approve(&app, number).await;
    let public: Value = app
        .get(&format!("/api/v1/issues/{}", url(number)))
        .await
        .json()
        .await
        .unwrap();
    let timeline = &public["timeline"];
    assert_eq!(
        kinds(timeline),
        [
            "created",
            "response",
            "status_changed",
            "status_changed",
            "response",
            "status_changed"
        ]
    );
    assert!(!public.to_string().contains("firma X"));
    assert_eq!(timeline[5]["message"], "Dziurę załatano.");
}

#[tokio::test]
async fn operators_act_only_on_their_units_issues_and_transfers_move_them() {
    let app = app().await;
    let zdit = operator(&app, ZDIT).await;
    let zzm = operator(&app, ZZM).await;
    let created = file(&app, &pothole(None)).await;
    let number = &created["number"];

    // Another unit's operator can neither read nor act on it, nor see it in the queue.
    assert_problem(
        app.get_as(&format!("/api/v1/staff/issues/{}", url(number)), &zzm.token)
            .await,
        403,
        "forbidden",
    )
    .await;
    for (action, body) in [
        ("status", json!({ "status": "accepted" })),
        ("transfer", json!({ "unit": ZZM })),
        ("responses", json!({ "message": "x", "public": true })),
        ("information-requests", json!({ "message": "x" })),
        ("category", json!({ "category": "greenery" })),
    ] {
        assert_problem(act(&app, &zzm.token, number, action, body).await, 403, "forbidden").await;
    }
    let queue: Value = app
        .get_as("/api/v1/staff/issues", &zzm.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(queue["total"], 0);
    let queue: Value = app
        .get_as("/api/v1/staff/issues", &zdit.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(queue["items"][0]["number"], *number);

    // A transfer keeps the issue New with its running deadline and hands it over.
    let before = staff_view(&app, &zdit.token, number).await["deadline"].clone();
    let problem = assert_problem(
        act(&app, &zdit.token, number, "transfer", json!({ "unit": "nowhere" })).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "unit");
    let moved = act(
        &app,
        &zdit.token,
        number,
        "transfer",
        json!({ "unit": ZZM, "note": "To drzewo, nie jezdnia." }),
    )
    .await;
    assert_eq!(moved.status(), 200);
    let moved: Value = moved.json().await.unwrap();
    assert_eq!(
        (moved["status"].as_str(), moved["unit"]["slug"].as_str()),
        (Some("new"), Some(ZZM))
    );
    assert_eq!(moved["deadline"], before);
    let mail = app.mail.wait_for(&zzm.email, 1).await;
    assert!(mail.subject.starts_with("Przekazano zgłoszenie"), "{}", mail.subject);
    app.mail.wait_for("zzm@lodz.example", 1).await;
    assert_problem(
        app.get_as(&format!("/api/v1/staff/issues/{}", url(number)), &zdit.token)
            .await,
        403,
        "forbidden",
    )
    .await;
    let history = staff_view(&app, &zzm.token, number).await["history"].clone();
    assert!(kinds(&history).ends_with(&["transferred".to_owned(), "note".to_owned()]));

    // Only new issues are transferred.
    assert_eq!(
        act(&app, &zzm.token, number, "status", json!({ "status": "accepted" }))
            .await
            .status(),
        200
    );
    assert_problem(
        act(&app, &zzm.token, number, "transfer", json!({ "unit": ZDIT })).await,
        409,
        "not_new",
    )
    .await;
}

#[tokio::test]
async fn via_operator_issues_wait_for_the_contact_centre_and_bulk_actions_report_each_issue() {
    let app = app().await;
    let zdit = operator(&app, ZDIT).await;
    let centre = app.staff("centre@example.org", &[(Role::ContactCentre, None)]).await;
    let barrier = json!({
        "category": "accessibility-barriers",
        "title": "Wysoki krawężnik",
        "description": "Nie da się wjechać wózkiem na chodnik.",
        "location": { "lat": 51.7592, "lon": 19.4576 },
        "field_values": { "affects": ["wheelchair"] },
    });
    let waiting = file(&app, &barrier).await;
    let pothole_issue = file(&app, &pothole(None)).await;
    // The contact centre is told and sees it in its dispatch queue; the unit does not yet.
    app.mail.wait_for(&centre.email, 1).await;
    let central: Value = app
        .get_as("/api/v1/staff/issues?dispatch=true", &centre.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (central["total"].as_i64(), &central["items"][0]["number"]),
        (Some(1), &waiting["number"])
    );
    let unit: Value = app
        .get_as("/api/v1/staff/issues", &zdit.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (unit["total"].as_i64(), &unit["items"][0]["number"]),
        (Some(1), &pothole_issue["number"])
    );
    // Forwarding it to the unit (the category's own unit) puts it in the unit's queue.
    let forwarded = act(
        &app,
        &centre.token,
        &waiting["number"],
        "transfer",
        json!({ "unit": ZDIT }),
    )
    .await;
    assert_eq!(forwarded.status(), 200);
    let unit: Value = app
        .get_as("/api/v1/staff/issues", &zdit.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unit["total"], 2);

    // Bulk accept: each issue on its own; another unit's issue is refused, not the batch.
    let greenery = json!({
        "category": "greenery",
        "title": "Złamana gałąź",
        "description": "Gałąź wisi nad ścieżką.",
        "location": { "lat": 51.7592, "lon": 19.4576 },
        "field_values": { "problem": "fallen_branch" },
    });
    let other = file(&app, &greenery).await;
    let numbers = json!([waiting["number"], pothole_issue["number"], other["number"]]);
    let outcome = app
        .call(
            Method::POST,
            "/api/v1/staff/issues/bulk",
            &zdit.token,
            Some(&json!({ "numbers": numbers, "action": "accept" })),
        )
        .await;
    assert_eq!(outcome.status(), 200);
    let outcome: Value = outcome.json().await.unwrap();
    let results: Vec<(bool, Option<&str>)> = outcome
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["ok"].as_bool().unwrap(), o["code"].as_str()))
        .collect();
    assert_eq!(results, [(true, None), (true, None), (false, Some("forbidden"))]);
    let problem = assert_problem(
        app.call(
            Method::POST,
            "/api/v1/staff/issues/bulk",
            &zdit.token,
            Some(&json!({ "numbers": [], "action": "transfer" })),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["numbers", "unit"]);
}

#[tokio::test]
async fn category_changes_revalidate_fields_and_merges_move_supporters_and_followers() {
    let app = app().await;
    let zdit = operator(&app, ZDIT).await;
    let survivor = file(&app, &pothole(Some("first@example.org"))).await;
    let duplicate = file(&app, &pothole(Some("second@example.org"))).await;

    // Changing the category checks the values against the new category's fields.
    let problem = assert_problem(
        act(
            &app,
            &zdit.token,
            &survivor["number"],
            "category",
            json!({ "category": "street-lighting" }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"field_values.surface") && fields.contains(&"field_values.problem"),
        "{fields:?}"
    );
    let body = json!({ "category": "street-lighting", "field_values": { "problem": "off" } });
    let changed: Value = act(&app, &zdit.token, &survivor["number"], "category", body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(changed["category"]["slug"], "street-lighting");
    assert_eq!(changed["field_values"], json!({ "problem": "off" }));
    assert_eq!(
        changed["history"].as_array().unwrap().last().unwrap()["kind"],
        "category_changed"
    );

    // Supporters: one browser supported both, one only the duplicate.
    approve(&app, &survivor["number"]).await;
    approve(&app, &duplicate["number"]).await;
    for (number, key) in [
        (&survivor["number"], "browser-one-0123456789"),
        (&duplicate["number"], "browser-one-0123456789"),
        (&duplicate["number"], "browser-two-0123456789"),
    ] {
        let path = format!("/api/v1/issues/{}/support", url(number));
        assert_eq!(
            app.post(&path, None, &json!({ "browser_key": key })).await.status(),
            200
        );
    }

    let problem = assert_problem(
        act(
            &app,
            &zdit.token,
            &survivor["number"],
            "merge",
            json!({ "into": survivor["number"] }),
        )
        .await,
        409,
        "same_issue",
    )
    .await;
    assert_eq!(problem["status"], 409);
    let merged = act(
        &app,
        &zdit.token,
        &duplicate["number"],
        "merge",
        json!({ "into": survivor["number"] }),
    )
    .await;
    assert_eq!(merged.status(), 200);
    let merged: Value = merged.json().await.unwrap();
    assert_eq!(
        (
            merged["status"].as_str(),
            merged["close_reason"].as_str(),
            &merged["merged_into"]
        ),
        (Some("closed"), Some("duplicate"), &survivor["number"])
    );
    let public: Value = app
        .get(&format!("/api/v1/issues/{}", url(&survivor["number"])))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(public["support_count"], 2);
    assert_eq!(
        public["timeline"].as_array().unwrap().last().unwrap()["kind"],
        "duplicate_merged"
    );
    // The duplicate's reporter now hears about the issue that stays.
    // (Its mails so far: the registration, and the closure as a duplicate.)
    let closed = app.mail.wait_for("second@example.org", 2).await;
    assert!(closed.subject.contains("zamknięte"), "{}", closed.subject);
    let mails_before = 2;
    let body = json!({ "status": "accepted" });
    assert_eq!(
        act(&app, &zdit.token, &survivor["number"], "status", body)
            .await
            .status(),
        200
    );
    let mail = app.mail.wait_for("second@example.org", mails_before + 1).await;
    assert!(
        mail.subject.contains(survivor["number"].as_str().unwrap()),
        "{}",
        mail.subject
    );
}

#[tokio::test]
async fn information_requests_pause_deadlines_and_are_answered_by_link_email_or_account() {
    let app = TestApp::spawn_with(|config| {
        config.reply_address = Some("odpowiedz@kontakt.example".into());
        config.inbound_mail_secret = Some("inbound-hook-secret".into());
    })
    .await;
    app.clock.set(at("2026-11-23T10:00:00+01:00"));
    app.seed_demo().await;
    let zdit = operator(&app, ZDIT).await;
    let created = file(&app, &pothole(Some(REPORTER))).await;
    let number = &created["number"];
    let token = created["tracking_token"].as_str().unwrap();
    let original = at(staff_view(&app, &zdit.token, number).await["deadline"]["due_at"]
        .as_str()
        .unwrap());

    // Asking pauses the deadline and mails the reporter with a reply-to address of its own.
    let asked = act(
        &app,
        &zdit.token,
        number,
        "information-requests",
        json!({ "message": "Proszę podać numer domu." }),
    )
    .await;
    assert_eq!(asked.status(), 201);
    let asked: Value = asked.json().await.unwrap();
    assert_eq!(asked["deadline"]["paused"], true);
    assert_problem(
        act(
            &app,
            &zdit.token,
            number,
            "information-requests",
            json!({ "message": "Jeszcze?" }),
        )
        .await,
        409,
        "already_waiting",
    )
    .await;
    let mail = app.mail.wait_for(REPORTER, 2).await;
    assert!(mail.body.contains("Proszę podać numer domu."));
    let reply_to = mail.reply_to.clone().expect("a reply-to address");
    assert!(
        reply_to.starts_with("odpowiedz+") && reply_to.ends_with("@kontakt.example"),
        "{reply_to}"
    );
    let tracked: Value = app
        .get(&format!("/api/v1/tracking/{token}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tracked["information_request"]["message"], "Proszę podać numer domu.");

    // Two days later the reporter answers through the tracking link: the deadline moves by
    // exactly the time waited.
    app.clock.advance(Duration::days(2));
    let wrong = app
        .post("/api/v1/tracking/not-a-token/answer", None, &json!({ "answer": "12" }))
        .await;
    assert_problem(wrong, 404, "not_found").await;
    let empty = app
        .post(
            &format!("/api/v1/tracking/{token}/answer"),
            None,
            &json!({ "answer": "  " }),
        )
        .await;
    assert_problem(empty, 422, "validation_failed").await;
    let answered = app
        .post(
            &format!("/api/v1/tracking/{token}/answer"),
            None,
            &json!({ "answer": "Numer 12." }),
        )
        .await;
    assert_eq!(answered.status(), 204);
    let again = app
        .post(
            &format!("/api/v1/tracking/{token}/answer"),
            None,
            &json!({ "answer": "13" }),
        )
        .await;
    assert_problem(again, 409, "no_open_request").await;
    let zdit_token = fresh(&app, &zdit).await;
    let issue = staff_view(&app, &zdit_token, number).await;
    assert_eq!(issue["deadline"]["paused"], false);
    let moved = at(issue["deadline"]["due_at"].as_str().unwrap()) - original;
    assert!(
        moved >= Duration::days(2) && moved < Duration::days(2) + Duration::seconds(30),
        "{moved}"
    );
    assert_eq!(issue["information_requests"][0]["answer"], "Numer 12.");
    assert_eq!(issue["information_requests"][0]["answered_via"], "tracking");

    // A second request is answered by replying to its mail (the mail server's hook).
    let body = json!({ "message": "Czy dziura jest na jezdni czy chodniku?" });
    assert_eq!(
        act(&app, &zdit_token, number, "information-requests", body)
            .await
            .status(),
        201
    );
    let reply_to = app.mail.wait_for(REPORTER, 3).await.reply_to.unwrap();
    let raw = format!(
        "From: {REPORTER}\r\nTo: {reply_to}\r\nSubject: Re: Prosimy o informacje\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNa jezdni, przy krawężniku.\r\n\r\nW dniu 25.11.2026 Kontakt napisał:\r\n> Czy dziura jest na jezdni\r\n"
    );
    let hook = |secret: Option<&str>| {
        let mut request = app
            .client
            .post(app.url("/api/v1/inbound/email"))
            .header("content-type", "message/rfc822")
            .body(raw.clone());
        if let Some(secret) = secret {
            request = request.bearer_auth(secret);
        }
        request.send()
    };
    assert_problem(hook(None).await.unwrap(), 401, "unauthorized").await;
    assert_problem(hook(Some("wrong")).await.unwrap(), 401, "unauthorized").await;
    assert_eq!(hook(Some("inbound-hook-secret")).await.unwrap().status(), 202);
    let issue = staff_view(&app, &zdit_token, number).await;
    assert_eq!(
        issue["information_requests"][1]["answer"],
        "Na jezdni, przy krawężniku."
    );
    assert_eq!(issue["information_requests"][1]["answered_via"], "email");
    assert_problem(hook(Some("inbound-hook-secret")).await.unwrap(), 409, "no_open_request").await;
    // The questions and answers are between the city and the reporter: never public.
    approve(&app, number).await;
    let public = app
        .get(&format!("/api/v1/issues/{}", url(number)))
        .await
        .text()
        .await
        .unwrap();
    for private in [
        "Proszę podać numer domu",
        "Numer 12",
        "Na jezdni, przy krawężniku",
        REPORTER,
    ] {
        assert!(!public.contains(private), "the public view leaks {private}");
    }

    // A registered reporter answers in their account; nobody else can.
    let resident = app.resident("resident@example.org").await;
    let other = app.resident("other@example.org").await;
    let own = app.post("/api/v1/issues", Some(&resident.token), &pothole(None)).await;
    let own: Value = own.json().await.unwrap();
    assert_eq!(
        act(
            &app,
            &zdit_token,
            &own["number"],
            "information-requests",
            json!({ "message": "Zdjęcie?" })
        )
        .await
        .status(),
        201
    );
    let path = format!("/api/v1/accounts/me/issues/{}/answer", url(&own["number"]));
    assert_problem(
        app.post(&path, Some(&other.token), &json!({ "answer": "nie moje" }))
            .await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(
        app.post(&path, Some(&resident.token), &json!({ "answer": "Dosłane." }))
            .await
            .status(),
        204
    );
    let mine: Value = app
        .get_as("/api/v1/accounts/me/issues", &resident.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"][0]["information_request"], Value::Null);
}

#[tokio::test]
async fn unanswered_requests_close_the_issue_once_even_with_two_instances() {
    let app = app().await;
    let (_sibling, _handle) = app.spawn_sibling();
    let zdit = operator(&app, ZDIT).await;
    let created = file(&app, &pothole(Some(REPORTER))).await;
    let number = &created["number"];
    let body = json!({ "message": "Proszę o zdjęcie." });
    assert_eq!(
        act(&app, &zdit.token, number, "information-requests", body)
            .await
            .status(),
        201
    );

    // Seven days (to the end of the 7th day, a Monday) pass without an answer.
    app.clock.set(at("2026-12-01T00:05:00+01:00"));
    let mut conn = app.db.connect().await;
    let id: uuid::Uuid = issues::table
        .filter(issues::number.eq(number.as_str().unwrap()))
        .select(issues::id)
        .first(&mut conn)
        .await
        .unwrap();
    eventually("the issue to be closed", async || {
        let status: String = issues::table
            .find(id)
            .select(issues::status)
            .first(&mut app.db.connect().await)
            .await
            .unwrap();
        status == "closed"
    })
    .await;
    tokio::time::sleep(StdDuration::from_millis(500)).await;
    let closings: Vec<(Option<serde_json::Value>, Option<String>, bool)> = issue_events::table
        .filter(issue_events::issue_id.eq(id))
        .filter(issue_events::kind.eq("status_changed"))
        .select((issue_events::after, issue_events::message, issue_events::public))
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(closings.len(), 1, "{closings:?}");
    let (after, message, public) = &closings[0];
    assert_eq!(after.as_ref().unwrap()["close_reason"], "without_consideration");
    assert!(*public && message.as_deref().unwrap().contains("bez rozpatrzenia"));
    let closed_mails = app
        .mail
        .to(REPORTER)
        .into_iter()
        .filter(|mail| mail.subject.contains("zamknięte"))
        .count();
    assert_eq!(closed_mails, 1);
}

#[tokio::test]
async fn operators_are_reminded_before_a_deadline_and_told_when_it_is_missed_once() {
    let app = app().await;
    let (_sibling, _handle) = app.spawn_sibling();
    let zdit = operator(&app, ZDIT).await;
    let created = file(&app, &pothole(None)).await;
    let number = created["number"].as_str().unwrap();
    app.mail.wait_for(&zdit.email, 1).await;

    // The deadline ends with Thursday 26 November: the reminder goes out on Wednesday.
    app.clock.set(at("2026-11-24T12:00:00+01:00"));
    tokio::time::sleep(StdDuration::from_millis(500)).await;
    assert_eq!(app.mail.to(&zdit.email).len(), 1, "no reminder yet on Tuesday");
    app.clock.set(at("2026-11-25T08:00:00+01:00"));
    let reminder = app.mail.wait_for(&zdit.email, 2).await;
    assert!(
        reminder.subject.contains(number) && reminder.subject.contains("26.11.2026"),
        "{}",
        reminder.subject
    );

    app.clock.set(at("2026-11-27T09:00:00+01:00"));
    let missed = app.mail.wait_for(&zdit.email, 3).await;
    assert!(missed.subject.starts_with("Przekroczono termin"), "{}", missed.subject);
    tokio::time::sleep(StdDuration::from_millis(600)).await;
    assert_eq!(
        app.mail.to(&zdit.email).len(),
        3,
        "each notice once: {:?}",
        app.mail.to(&zdit.email)
    );

    // The queue shows it overdue and filters by it.
    let token = fresh(&app, &zdit).await;
    let overdue: Value = app
        .get_as("/api/v1/staff/issues?overdue=true", &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            overdue["total"].as_i64(),
            overdue["items"][0]["deadline"]["overdue"].as_bool()
        ),
        (Some(1), Some(true))
    );
    let on_time: Value = app
        .get_as("/api/v1/staff/issues?overdue=false", &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(on_time["total"], 0);
    let problem = assert_problem(
        app.get_as("/api/v1/staff/issues?status=lost", &token).await,
        400,
        "invalid_query",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "status");
}

#[tokio::test]
async fn the_queue_is_sorted_by_deadline_and_only_for_staff() {
    let app = app().await;
    let zdit = operator(&app, ZDIT).await;
    let older = file(&app, &pothole(None)).await;
    app.clock.set(at("2026-11-24T10:00:00+01:00"));
    let newer = file(&app, &pothole(None)).await;
    let token = fresh(&app, &zdit).await;
    // Accepting the older one gives it a later deadline (14 working days).
    assert_eq!(
        act(
            &app,
            &token,
            &older["number"],
            "status",
            json!({ "status": "accepted" })
        )
        .await
        .status(),
        200
    );
    let queue: Value = app
        .get_as("/api/v1/staff/issues?sort=deadline", &token)
        .await
        .json()
        .await
        .unwrap();
    let numbers: Vec<&Value> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["number"])
        .collect();
    assert_eq!(numbers, [&newer["number"], &older["number"]]);
    let resident = app.resident("someone@example.org").await;
    assert_problem(
        app.get_as("/api/v1/staff/issues", &resident.token).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(app.get("/api/v1/staff/issues").await, 401, "unauthenticated").await;
}

#[tokio::test]
async fn personal_data_is_anonymised_six_months_after_the_month_of_registration() {
    let app = TestApp::spawn().await;
    app.clock.set(at("2026-01-15T12:00:00+01:00"));
    app.seed_demo().await;
    let mut body = pothole(None);
    body["contact"] =
        json!({ "name": "Anna Nowak", "email": "anna@example.org", "phone": "+48 600 100 200", "consent": true });
    let created = file(&app, &body).await;
    let number = created["number"].as_str().unwrap().to_owned();
    app.mail.wait_for("anna@example.org", 1).await;
    let mut conn = app.db.connect().await;
    let id: uuid::Uuid = issues::table
        .filter(issues::number.eq(&number))
        .select(issues::id)
        .first(&mut conn)
        .await
        .unwrap();
    let contact = async || -> (Option<String>, Option<String>, Option<String>, i64) {
        let mut conn = app.db.connect().await;
        let (name, email, phone) = issues::table
            .find(id)
            .select((issues::contact_name, issues::contact_email, issues::contact_phone))
            .first(&mut conn)
            .await
            .unwrap();
        let mail: i64 = outbox_emails::table
            .filter(outbox_emails::issue_id.eq(id))
            .count()
            .get_result(&mut conn)
            .await
            .unwrap();
        (name, email, phone, mail)
    };
    // Still kept on the last day of July.
    app.clock.set(at("2026-07-31T23:50:00+02:00"));
    tokio::time::sleep(StdDuration::from_millis(500)).await;
    let kept = contact().await;
    assert_eq!(kept.1.as_deref(), Some("anna@example.org"));
    assert!(kept.3 >= 1);
    // Gone on 1 August (Warsaw), with the mail about it; the issue stays.
    app.clock.set(at("2026-08-01T00:10:00+02:00"));
    eventually("anonymisation", async || contact().await.1.is_none()).await;
    assert_eq!(contact().await, (None, None, None, 0));
    let events: Vec<String> = issue_events::table
        .filter(issue_events::issue_id.eq(id))
        .select(issue_events::kind)
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(events.iter().filter(|kind| *kind == "anonymised").count(), 1);
    let remaining: i64 = issues::table
        .filter(issues::id.eq(id))
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(remaining, 1);
}

#[tokio::test]
async fn administrators_manage_response_templates_that_operators_use_filled_in() {
    let app = app().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let zdit = operator(&app, ZDIT).await;
    let created = file(&app, &pothole(None)).await;
    let template = json!({ "category": "road-damage", "status": "accepted", "name": "Dziura przyjęta", "body": "Dziurę {{ number }} naprawi {{ unit }}." });
    assert_problem(
        app.post("/api/v1/response-templates", Some(&zdit.token), &template)
            .await,
        403,
        "forbidden",
    )
    .await;
    let mut bad = template.clone();
    bad["body"] = json!("Termin {{ termin }}");
    let problem = assert_problem(
        app.post("/api/v1/response-templates", Some(&admin.token), &bad).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "body");
    let saved = app
        .post("/api/v1/response-templates", Some(&admin.token), &template)
        .await;
    assert_eq!(saved.status(), 201);
    let path = format!(
        "/api/v1/staff/issues/{}/response-templates?status=accepted",
        url(&created["number"])
    );
    let filled: Value = app.get_as(&path, &zdit.token).await.json().await.unwrap();
    // The category's own template first, then the general ones.
    assert_eq!(filled[0]["name"], "Dziura przyjęta");
    assert_eq!(
        filled[0]["text"],
        format!(
            "Dziurę {} naprawi Zarząd Dróg i Transportu.",
            created["number"].as_str().unwrap()
        )
    );
    assert!(filled.as_array().unwrap().len() >= 2);
    let zzm = operator(&app, ZZM).await;
    assert_problem(app.get_as(&path, &zzm.token).await, 403, "forbidden").await;
}

#[tokio::test]
async fn staff_who_choose_a_digest_get_one_daily_mail_instead_of_one_per_issue() {
    let app = app().await;
    let (_sibling, _handle) = app.spawn_sibling();
    let zdit = operator(&app, ZDIT).await;
    let settings = app
        .call(
            Method::PUT,
            "/api/v1/accounts/me/notification-settings",
            &zdit.token,
            Some(&json!({ "new_issue_mail": "digest" })),
        )
        .await;
    assert_eq!(settings.status(), 200);
    let read: Value = app
        .get_as("/api/v1/accounts/me/notification-settings", &zdit.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["new_issue_mail"], "digest");
    file(&app, &pothole(None)).await;
    file(&app, &pothole(None)).await;
    tokio::time::sleep(StdDuration::from_millis(500)).await;
    // No mail per issue; today's digest ran at start, before these issues.
    assert_eq!(app.mail.to(&zdit.email).len(), 0);
    // The next morning's digest lists both issues, once.
    app.clock.set(at("2026-11-24T07:30:00+01:00"));
    let digest = app.mail.wait_for(&zdit.email, 1).await;
    assert!(digest.subject.contains(": 2"), "{}", digest.subject);
    tokio::time::sleep(StdDuration::from_millis(600)).await;
    assert_eq!(app.mail.to(&zdit.email).len(), 1);
    let resident = app.resident("r@example.org").await;
    let refused = app
        .call(
            Method::PUT,
            "/api/v1/accounts/me/notification-settings",
            &resident.token,
            Some(&json!({ "new_issue_mail": "off" })),
        )
        .await;
    assert_problem(refused, 403, "forbidden").await;
}

#[tokio::test]
async fn issues_close_from_each_open_status_and_late_infeasibility_is_recorded() {
    let app = app().await;
    let zdit = operator(&app, ZDIT).await;
    let (new, accepted, started) = (
        file(&app, &pothole(None)).await,
        file(&app, &pothole(None)).await,
        file(&app, &pothole(None)).await,
    );
    for issue in [&accepted, &started] {
        assert_eq!(
            act(
                &app,
                &zdit.token,
                &issue["number"],
                "status",
                json!({ "status": "accepted" })
            )
            .await
            .status(),
            200
        );
    }
    let body = json!({ "status": "in_progress", "message": "Zlecono." });
    assert_eq!(
        act(&app, &zdit.token, &started["number"], "status", body)
            .await
            .status(),
        200
    );
    let close =
        |reason: &str| json!({ "status": "closed", "message": "Uzasadnienie zamknięcia.", "close_reason": reason });
    let closed: Value = act(&app, &zdit.token, &new["number"], "status", close("outside_competence"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (closed["status"].as_str(), closed["close_reason"].as_str()),
        (Some("closed"), Some("outside_competence"))
    );
    let unknown = act(&app, &zdit.token, &accepted["number"], "status", close("bored")).await;
    let problem = assert_problem(unknown, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "close_reason");
    // Closed as not feasible within 30 days of acceptance: on time.
    let closed: Value = act(&app, &zdit.token, &accepted["number"], "status", close("not_feasible"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        closed["history"].as_array().unwrap().last().unwrap()["after"]["late"],
        false
    );
    // Later than that: recorded as late.
    app.clock.advance(Duration::days(40));
    let token = fresh(&app, &zdit).await;
    let closed: Value = act(&app, &token, &started["number"], "status", close("not_feasible"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        closed["history"].as_array().unwrap().last().unwrap()["after"]["late"],
        true
    );
}

#[tokio::test]
async fn units_with_a_webhook_receive_their_issues_signed_and_retried() {
    use std::sync::{Arc, Mutex};

    use actix_web::{HttpRequest, HttpResponse, web};

    /// Calls received, and the signature and body of each accepted delivery.
    type Received = (usize, Vec<(String, Vec<u8>)>);
    // A receiver that fails its first delivery, then records the signed bodies.
    let received: Arc<Mutex<Received>> = Arc::default();
    let shared = received.clone();
    let server = actix_web::HttpServer::new(move || {
        let shared = shared.clone();
        actix_web::App::new().route(
            "/hook",
            web::post().to(move |request: HttpRequest, body: web::Bytes| {
                let shared = shared.clone();
                async move {
                    let mut state = shared.lock().unwrap();
                    state.0 += 1;
                    if state.0 == 1 {
                        return HttpResponse::ServiceUnavailable().finish();
                    }
                    let signature = request
                        .headers()
                        .get("kontakt-signature")
                        .unwrap()
                        .to_str()
                        .unwrap()
                        .to_owned();
                    state.1.push((signature, body.to_vec()));
                    HttpResponse::NoContent().finish()
                }
            }),
        )
    })
    .workers(1)
    .bind(("127.0.0.1", 0))
    .unwrap();
    let hook = format!("http://127.0.0.1:{}/hook", server.addrs()[0].port());
    tokio::spawn(server.run());

    let app = TestApp::spawn_with(|config| config.webhook_secret = Some("webhook-signing-secret".into())).await;
    app.seed_demo().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let path = format!("/api/v1/units/{ZDIT}");
    let bad = app
        .call(
            Method::PATCH,
            &path,
            &admin.token,
            Some(&json!({ "webhook_url": "ftp://x" })),
        )
        .await;
    let problem = assert_problem(bad, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "webhook_url");
    let set = app
        .call(
            Method::PATCH,
            &path,
            &admin.token,
            Some(&json!({ "webhook_url": hook })),
        )
        .await;
    assert_eq!(set.status(), 200);
    // The webhook is not public.
    assert!(!app.get(&path).await.text().await.unwrap().contains("/hook"));

    let created = file(&app, &pothole(Some(REPORTER))).await;
    eventually("the webhook delivery", async || !received.lock().unwrap().1.is_empty()).await;
    let (attempts, deliveries) = received.lock().unwrap().clone();
    assert_eq!((attempts, deliveries.len()), (2, 1), "one failure, then one delivery");
    let (signature, body) = &deliveries[0];
    assert_eq!(
        *signature,
        kontakt::notify::webhooks::signature("webhook-signing-secret", body)
    );
    let payload: Value = serde_json::from_slice(body).unwrap();
    assert_eq!(
        (payload["event"].as_str(), &payload["number"]),
        (Some("issue.received"), &created["number"])
    );
    assert_eq!(payload["unit"], ZDIT);
    assert!(
        !String::from_utf8_lossy(body).contains(REPORTER),
        "no contact data leaves for the unit"
    );
}
