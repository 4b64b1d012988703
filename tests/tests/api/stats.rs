//! Statistics against a data set built through the API on known dates, whose figures are
//! worked out by hand below: a transfer (the late verification counts for the unit that
//! holds the issue), a pause for the reporter's answer (it moves the start deadline), a
//! merged duplicate (left out of compliance and times), a rejected issue (not counted) and
//! a pending one (staff figures only).
//!
//! Calendar of November 2026 (Warsaw): Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Mon 9, Tue 10,
//! Wed 11 (Independence Day, a holiday), Thu 12 … Working days after a day never count it.

use chrono::{DateTime, Utc};
use kontakt::auth::policy::Role;
use kontakt_tests::{TestApp, TestUser, assert_problem};
use reqwest::Method;
use serde_json::{Value, json};

const ZDIT: &str = "zarzad-drog-i-transportu";
const ZZM: &str = "zarzad-zieleni-miejskiej";

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

fn pothole(lat: f64) -> Value {
    json!({
        "category": "road-damage",
        "title": "Dziura na jezdni",
        "description": "Głęboka dziura przy przejściu dla pieszych.",
        "location": { "lat": lat, "lon": 19.4576 },
        "field_values": { "surface": "road", "size_cm": 40 },
        "contact": { "email": "reporter@example.org", "consent": true },
    })
}

fn branch() -> Value {
    json!({
        "category": "greenery",
        "title": "Złamana gałąź",
        "description": "Gałąź leży na ścieżce w parku.",
        "location": { "lat": 51.7700, "lon": 19.4700 },
        "field_values": { "problem": "fallen_branch" },
    })
}

struct City {
    app: TestApp,
    admin: TestUser,
    zdit: TestUser,
    zzm: TestUser,
}

impl City {
    /// Files at `when`; returns the number with a dash and the tracking token.
    async fn file(&self, when: &str, body: Value) -> (String, String) {
        self.app.clock.set(at(when));
        let response = self.app.post("/api/v1/issues", None, &body).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        let created: Value = response.json().await.unwrap();
        let number = created["number"].as_str().unwrap().replace('/', "-");
        (
            number,
            created["tracking_token"].as_str().unwrap_or_default().to_owned(),
        )
    }

    /// Logs in again: the clock jumps past access tokens' life.
    async fn token(&self, user: &TestUser) -> String {
        self.app.login_ok(&user.email, kontakt_tests::users::PASSWORD).await.0
    }

    async fn act(&self, when: &str, user: &TestUser, number: &str, action: &str, body: Value) {
        self.app.clock.set(at(when));
        let token = self.token(user).await;
        let path = format!("/api/v1/staff/issues/{number}/{action}");
        let response = self.app.call(Method::POST, &path, &token, Some(&body)).await;
        assert!(
            response.status().is_success(),
            "{action} {number}: {}",
            response.text().await.unwrap()
        );
    }

    async fn moderate(&self, number: &str, decision: &str) {
        let token = self.token(&self.admin).await;
        let body = if decision == "approved" {
            json!({ "decision": decision })
        } else {
            json!({ "decision": decision, "reason": "Wulgaryzmy." })
        };
        let path = format!("/api/v1/issues/{number}/moderation");
        let response = self.app.call(Method::POST, &path, &token, Some(&body)).await;
        assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
    }

    async fn stats(&self, query: &str) -> Value {
        let token = self.token(&self.admin).await;
        let response = self.app.get_as(&format!("/api/v1/stats?{query}"), &token).await;
        assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
        response.json().await.unwrap()
    }
}

fn row<'a>(rows: &'a Value, key: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|row| row["key"] == key)
        .unwrap_or_else(|| panic!("no row {key} in {rows}"))
}

fn compliance(met: i64, missed: i64) -> Value {
    let share = if met + missed == 0 {
        Value::Null
    } else {
        json!(met as f64 / (met + missed) as f64)
    };
    json!({ "met": met, "missed": missed, "share": share })
}

#[tokio::test]
async fn figures_match_a_data_set_worked_out_by_hand() {
    let app = TestApp::spawn_with(|config| config.access_token_ttl_secs = 3600).await;
    app.seed_demo().await;
    let admin = app.staff("admin@example.org", &[(Role::Admin, None)]).await;
    let zdit = app.staff("op.zdit@example.org", &[(Role::Operator, Some(ZDIT))]).await;
    let zzm = app.staff("op.zzm@example.org", &[(Role::Operator, Some(ZZM))]).await;
    let city = City { app, admin, zdit, zzm };
    let ok = |message: &str| json!({ "status": "in_progress", "message": message });

    // A: verified next day, started, done on 10 Nov. Accept 1, finish 6 working days.
    let (a, _) = city.file("2026-11-02T09:00:00+01:00", pothole(51.750)).await;
    // B: transferred to ZZM, accepted there on 9 Nov: verification due 5 Nov, late, and
    // ZZM's. Accept 5 working days. Never started: due 30 Nov, missed by 10 Dec.
    let (b, _) = city.file("2026-11-02T10:00:00+01:00", pothole(51.751)).await;
    // G: accepted 3 Nov, closed as not feasible on 9 Dec, after the 30 days (due 3 Dec).
    let (g, _) = city.file("2026-11-02T11:00:00+01:00", pothole(51.752)).await;
    // C: accepted 4 Nov; the reporter is asked from 5 to 9 Nov (4 days paused), so work
    // started on 27 Nov meets the start deadline (25 Nov + 4 days). Done 1 Dec: 19 working
    // days less the 2 paused ones (6 and 9 Nov) = 17.
    let (c, c_token) = city.file("2026-11-03T09:00:00+01:00", pothole(51.753)).await;
    // D: a duplicate of A, merged: counted as filed and closed, nothing else.
    let (d, _) = city.file("2026-11-03T10:00:00+01:00", pothole(51.754)).await;
    // E: greenery, closed as unfounded the next day: verified in time, finished in 1 day.
    let (e, _) = city.file("2026-11-04T09:00:00+01:00", branch()).await;
    // F: never touched and left pending moderation: verification missed (due 9 Nov).
    let (f, _) = city.file("2026-11-04T10:00:00+01:00", pothole(51.755)).await;
    // H: rejected by the moderator: not counted anywhere.
    let (h, _) = city.file("2026-11-04T11:00:00+01:00", pothole(51.756)).await;
    for number in [&a, &b, &c, &d, &e, &g] {
        city.moderate(number, "approved").await;
    }
    city.moderate(&h, "rejected").await;

    let accept = json!({ "status": "accepted" });
    city.act("2026-11-03T10:00:00+01:00", &city.zdit, &a, "status", accept.clone())
        .await;
    city.act("2026-11-03T11:00:00+01:00", &city.zdit, &g, "status", accept.clone())
        .await;
    city.act("2026-11-04T09:00:00+01:00", &city.zdit, &c, "status", accept.clone())
        .await;
    city.act(
        "2026-11-04T10:00:00+01:00",
        &city.zdit,
        &b,
        "transfer",
        json!({ "unit": ZZM }),
    )
    .await;
    let merge = json!({ "into": a.replace('-', "/") });
    city.act("2026-11-04T11:00:00+01:00", &city.zdit, &d, "merge", merge)
        .await;
    city.act(
        "2026-11-05T09:00:00+01:00",
        &city.zdit,
        &a,
        "status",
        ok("Zlecono naprawę."),
    )
    .await;
    let question = json!({ "message": "Proszę podać numer domu." });
    city.act(
        "2026-11-05T09:00:00+01:00",
        &city.zdit,
        &c,
        "information-requests",
        question,
    )
    .await;
    let unfounded = json!({ "status": "closed", "close_reason": "unfounded", "message": "Gałąź uprzątnięto." });
    city.act("2026-11-05T10:00:00+01:00", &city.zzm, &e, "status", unfounded)
        .await;
    city.app.clock.set(at("2026-11-09T09:00:00+01:00"));
    let answered = city
        .app
        .post(
            &format!("/api/v1/tracking/{c_token}/answer"),
            None,
            &json!({ "answer": "Numer 12." }),
        )
        .await;
    assert!(answered.status().is_success(), "{}", answered.text().await.unwrap());
    city.act("2026-11-09T09:00:00+01:00", &city.zzm, &b, "status", accept.clone())
        .await;
    let done = |message: &str| json!({ "status": "done", "message": message });
    city.act(
        "2026-11-10T09:00:00+01:00",
        &city.zdit,
        &a,
        "status",
        done("Naprawione."),
    )
    .await;
    city.act(
        "2026-11-27T09:00:00+01:00",
        &city.zdit,
        &c,
        "status",
        ok("Zlecono naprawę."),
    )
    .await;
    city.act(
        "2026-12-01T09:00:00+01:00",
        &city.zdit,
        &c,
        "status",
        done("Naprawione."),
    )
    .await;
    let infeasible = json!({ "status": "closed", "close_reason": "not_feasible", "message": "Teren prywatny." });
    city.act("2026-12-09T09:00:00+01:00", &city.zdit, &g, "status", infeasible)
        .await;
    // A resident supports A.
    city.app.clock.set(at("2026-12-10T10:00:00+01:00"));
    let resident = city.app.resident("resident@example.org").await;
    let support = city
        .app
        .post(
            &format!("/api/v1/issues/{a}/support"),
            Some(&resident.token),
            &json!({}),
        )
        .await;
    assert!(support.status().is_success());

    let stats = city.stats("from=2026-11-01&to=2026-11-30").await;
    assert_eq!(stats["range"], json!({ "from": "2026-11-01", "to": "2026-11-30" }));
    let total = &stats["total"];
    assert_eq!(total["filed"], 7, "A B C D E F G; H rejected");
    assert_eq!(
        total["statuses"],
        json!({ "new": 1, "accepted": 1, "in_progress": 0, "done": 2, "closed": 3 })
    );
    // Verified in time: A C E G; late: B (9 Nov > 5 Nov), F (unverified past 9 Nov); D left out.
    assert_eq!(total["verification"], compliance(4, 2));
    // Started in time: A, C (thanks to the pause); missed: B. G closed without starting.
    assert_eq!(total["start"], compliance(2, 1));
    assert_eq!(total["closure"], compliance(0, 1));
    // Days to accept: A 1, G 1, C 1, B 5 → median 1, 90th percentile 5.
    assert_eq!(total["days_to_accept"], json!({ "count": 4, "median": 1, "p90": 5 }));
    // Days to finish: E 1, A 6, C 17, G 26 → median 6, 90th percentile 26.
    assert_eq!(total["days_to_finish"], json!({ "count": 4, "median": 6, "p90": 26 }));
    let distribution = stats["finish_distribution"].as_array().unwrap();
    assert_eq!(distribution.len(), 31);
    let bars: Vec<(i64, i64)> = distribution
        .iter()
        .map(|bar| (bar["days"].as_i64().unwrap(), bar["count"].as_i64().unwrap()))
        .filter(|(_, count)| *count > 0)
        .collect();
    assert_eq!(bars, vec![(1, 1), (6, 1), (17, 1), (26, 1)]);

    // Per unit: B counts for ZZM, which holds it.
    let zdit = row(&stats["by_unit"], ZDIT);
    assert_eq!(zdit["filed"], 5);
    assert_eq!(zdit["verification"], compliance(3, 1));
    assert_eq!(zdit["start"], compliance(2, 0));
    assert_eq!(zdit["closure"], compliance(0, 1));
    let zzm = row(&stats["by_unit"], ZZM);
    assert_eq!(zzm["filed"], 2);
    assert_eq!(zzm["verification"], compliance(1, 1));
    assert_eq!(zzm["start"], compliance(0, 1));
    assert_eq!(zzm["days_to_accept"], json!({ "count": 1, "median": 5, "p90": 5 }));
    assert_eq!(row(&stats["by_category"], "greenery")["filed"], 1);
    assert_eq!(row(&stats["by_category"], "road-damage")["filed"], 6);
    assert_eq!(row(&stats["by_channel"], "web")["filed"], 7);
    let months = stats["by_month"].as_array().unwrap();
    assert_eq!(months.len(), 1);
    assert_eq!(
        (months[0]["key"].as_str(), &months[0]["filed"]),
        (Some("2026-11"), &json!(7))
    );

    // Today's backlog: F new and overdue at ZDIT, B accepted and overdue at ZZM.
    let backlog = stats["backlog"].as_array().unwrap();
    let of = |unit: &str| backlog.iter().find(|b| b["unit"] == unit).cloned().unwrap();
    assert_eq!(
        (of(ZDIT)["open"].clone(), of(ZDIT)["overdue"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(
        (of(ZZM)["open"].clone(), of(ZZM)["overdue"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(stats["support_leaders"][0]["number"], a.replace('-', "/"));
    assert_eq!(stats["support_leaders"][0]["support_count"], 1);
    assert_eq!(stats["support_leaders"].as_array().unwrap().len(), 1);

    // Filters.
    let only_zzm = city.stats(&format!("from=2026-11-01&to=2026-11-30&unit={ZZM}")).await;
    assert_eq!(only_zzm["total"]["filed"], 2);
    assert_eq!(only_zzm["backlog"].as_array().unwrap().len(), 1);
    let greenery = city.stats("from=2026-11-01&to=2026-11-30&category=greenery").await;
    assert_eq!(greenery["total"]["filed"], 1);
    let phone = city.stats("from=2026-11-01&to=2026-11-30&channel=phone").await;
    assert_eq!(phone["total"]["filed"], 0);
    assert_eq!(phone["total"]["verification"]["share"], Value::Null);
    let first_days = city.stats("from=2026-11-01&to=2026-11-02").await;
    assert_eq!(first_days["total"]["filed"], 3, "A, B and G arrived on 2 Nov");

    // The public figures: approved issues only (F is pending, not public).
    assert_eq!(city.app.get(&format!("/api/v1/issues/{f}")).await.status(), 404);
    let public: Value = city
        .app
        .get("/api/v1/stats/public?from=2026-11-01&to=2026-11-30")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(public["city"]["filed"], 6);
    assert_eq!(public["city"]["finished"], 5);
    assert_eq!(public["city"]["verification"], compliance(4, 1));
    let units = public["units"].as_array().unwrap();
    let zdit_public = units.iter().find(|u| u["unit"] == ZDIT).unwrap();
    assert_eq!(zdit_public["filed"], 4);
    let text = public.to_string();
    for private in ["reporter@example.org", "Dziura", "op.zdit"] {
        assert!(!text.contains(private), "{private} in the public figures");
    }

    // CSV of the units, as the JSON says: at ZDIT days to finish are A 6, C 17, G 26.
    let token = city.token(&city.admin).await;
    let csv = city
        .app
        .get_as(
            &format!("/api/v1/stats/export?breakdown=unit&from=2026-11-01&to=2026-11-30&unit={ZDIT}"),
            &token,
        )
        .await;
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let csv = csv.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[0].starts_with(
        "key,name,filed,new,accepted,in_progress,done,closed,verified_in_time,verified_late,verification_share"
    ));
    assert!(
        lines[1].starts_with(
            "zarzad-drog-i-transportu,Zarząd Dróg i Transportu,5,1,0,0,2,2,3,1,0.7500,2,0,1.0000,0,1,0.0000,1,1,17,26"
        ),
        "{}",
        lines[1]
    );

    // The heat map counts the issues with a place.
    let heat: Value = city
        .app
        .get_as("/api/v1/stats/heatmap?from=2026-11-01&to=2026-11-30", &token)
        .await
        .json()
        .await
        .unwrap();
    let cells: i64 = heat["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_i64().unwrap())
        .sum();
    assert_eq!(cells, 7);
}

#[tokio::test]
async fn statistics_are_for_issue_staff_and_bad_filters_name_the_field() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let operator = app.staff("op@example.org", &[(Role::Operator, Some(ZDIT))]).await;
    let editor = app
        .staff("editor@example.org", &[(Role::ProcedureEditor, Some(ZDIT))])
        .await;
    let resident = app.resident("resident@example.org").await;
    assert_eq!(app.get_as("/api/v1/stats", &operator.token).await.status(), 200);
    assert_problem(app.get_as("/api/v1/stats", &editor.token).await, 403, "forbidden").await;
    assert_problem(app.get_as("/api/v1/stats", &resident.token).await, 403, "forbidden").await;
    assert_eq!(app.get("/api/v1/stats").await.status(), 401);
    assert_eq!(app.get("/api/v1/stats/export?breakdown=unit").await.status(), 401);
    assert_eq!(app.get("/api/v1/stats/heatmap").await.status(), 401);
    assert_eq!(app.get("/api/v1/stats/public").await.status(), 200);

    for (query, status, code, field) in [
        ("unit=nowhere", 422, "validation_failed", "unit"),
        ("category=nothing", 422, "validation_failed", "category"),
        ("from=2026-11-30&to=2026-11-01", 422, "validation_failed", "from"),
        ("from=2020-01-01&to=2026-11-01", 422, "validation_failed", "to"),
        ("from=yesterday", 400, "invalid_query", "from"),
        ("channel=pigeon", 400, "invalid_query", "channel"),
    ] {
        let response = app.get_as(&format!("/api/v1/stats?{query}"), &operator.token).await;
        let problem = assert_problem(response, status, code).await;
        assert_eq!(problem["errors"][0]["field"], field, "{query}: {problem}");
    }
    let response = app
        .get_as("/api/v1/stats/export?breakdown=galaxy", &operator.token)
        .await;
    assert!(response.status().is_client_error());
    let public = app.get("/api/v1/stats/public?from=2026-12-01&to=2026-01-01").await;
    assert_problem(public, 422, "validation_failed").await;
}
