//! The knowledge base: the template's limits, fee accounts, related procedures, attachments
//! checked by content, who sees which fields on every read endpoint, the editorial workflow
//! (editor scope, submit, diff, return, publish now and on a date, versions) and the feeds.

use chrono::{DateTime, Duration, Utc};
use kontakt::auth::policy::Role;
use kontakt::knowledge::samples;
use kontakt_tests::{TestApp, TestUser, assert_problem};
use reqwest::Method;
use serde_json::{Value, json};

const WSO: &str = "wydzial-spraw-obywatelskich";
const ZZM: &str = "zarzad-zieleni-miejskiej";
/// A valid NRB (the checksum of the example account in the Polish banking standard).
const ACCOUNT: &str = "61109010140000071219812874";
/// Text that only staff may ever read.
const SECRET_OWNER: &str = "Tajna-Właścicielka Procedury";
const SECRET_NOTE: &str = "Wewnętrzna notatka dla Call Center";

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

/// A complete description, ready for review.
fn complete(name: &str) -> Value {
    json!({
        "fields": {
            "name": name,
            "short_description": "Wydajemy dowód osobisty każdemu obywatelowi.",
            "steps": [
                { "name": "Złóż wniosek", "comment": "w urzędzie lub przez ePUAP", "electronic": true },
                { "name": "Odbierz dokument", "electronic": false }
            ],
            "handling": "Wniosek składa się osobiście.",
            "legal_basis": "Ustawa z dnia 6 sierpnia 2010 r. o dowodach osobistych.",
            "appeal": "brak",
            "organisational_cell": "Oddział Dowodów Osobistych",
            "authors": ["Nowak Anna"],
            "fees": { "kind": "items", "items": [
                { "kind": "Opłata skarbowa za pełnomocnictwo", "amount_grosze": 1700, "account": ACCOUNT, "remarks": "" }
            ] },
            "topics": ["documents-and-residence"]
        },
        "internal": {
            "owner": SECRET_OWNER,
            "call_centre_description": SECRET_NOTE,
            "staff_phones": [{ "name": "Kowalski Jan", "phone": "42 638 44 44" }],
            "faq": [{ "question": "Czy trzeba się umawiać?", "answer": "Nie." }],
            "coordinators": [{ "cell": "Oddział Dowodów Osobistych", "name": "Wiśniewska Ewa" }],
            "edm": true
        }
    })
}

struct Desk {
    app: TestApp,
    editor: TestUser,
    publisher: TestUser,
}

async fn desk() -> Desk {
    // The tests move the clock by days; access tokens outlive those jumps.
    let app = TestApp::spawn_with(|config| config.access_token_ttl_secs = 60 * 24 * 3600).await;
    app.clock.set(at("2026-11-23T10:00:00+01:00"));
    app.seed_demo().await;
    let editor = app
        .staff("editor@example.org", &[(Role::ProcedureEditor, Some(WSO))])
        .await;
    let publisher = app.staff("publisher@example.org", &[(Role::KbPublisher, None)]).await;
    Desk { app, editor, publisher }
}

async fn unit_id(app: &TestApp, slug: &str) -> String {
    let units: Value = app.get("/api/v1/units").await.json().await.unwrap();
    let units = units.as_array().or_else(|| units["items"].as_array()).unwrap().clone();
    units.iter().find(|u| u["slug"] == slug).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

impl Desk {
    async fn create(&self, content: &Value) -> reqwest::Response {
        let body =
            json!({ "unit_id": unit_id(&self.app, WSO).await, "content": content, "change_note": "Pierwsza wersja" });
        self.app
            .post("/api/v1/staff/procedures", Some(&self.editor.token), &body)
            .await
    }

    async fn draft(&self, content: &Value) -> Value {
        let response = self.create(content).await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        response.json().await.unwrap()
    }

    async fn act(&self, user: &TestUser, draft: &Value, action: &str, body: Option<&Value>) -> reqwest::Response {
        let path = format!(
            "/api/v1/staff/procedure-drafts/{}/{action}",
            draft["id"].as_str().unwrap()
        );
        self.app.call(Method::POST, &path, &user.token, body).await
    }

    async fn ok(&self, user: &TestUser, draft: &Value, action: &str, body: Option<&Value>) -> Value {
        let response = self.act(user, draft, action, body).await;
        assert_eq!(response.status(), 200, "{action}: {}", response.text().await.unwrap());
        response.json().await.unwrap()
    }

    /// Creates, submits and publishes a procedure; returns its id.
    async fn published(&self, content: &Value) -> String {
        let draft = self.draft(content).await;
        self.ok(&self.editor, &draft, "submit", None).await;
        self.ok(&self.publisher, &draft, "publish", None).await;
        draft["procedure_id"].as_str().unwrap().to_owned()
    }

    async fn update(&self, draft: &Value, content: &Value) -> reqwest::Response {
        let path = format!("/api/v1/staff/procedure-drafts/{}", draft["id"].as_str().unwrap());
        let body = json!({ "content": content, "change_note": "Zmiana" });
        self.app.call(Method::PUT, &path, &self.editor.token, Some(&body)).await
    }

    async fn upload(&self, procedure: &str, name: &str, bytes: Vec<u8>) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
        let form = reqwest::multipart::Form::new().part("file", part);
        self.app
            .client
            .post(
                self.app
                    .url(&format!("/api/v1/staff/procedures/{procedure}/attachments")),
            )
            .bearer_auth(&self.editor.token)
            .multipart(form)
            .send()
            .await
            .unwrap()
    }
}

fn fields_of(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_template_limits_hold_at_under_and_over_counting_polish_letters_once() {
    let desk = desk().await;
    // (path in content, limit, a Polish letter to fill it with)
    let cases: [(&str, usize); 4] = [
        ("/fields/name", 160),
        ("/fields/short_description", 650),
        ("/fields/steps/0/name", 40),
        ("/fields/steps/0/comment", 75),
    ];
    for (pointer, limit) in cases {
        for (length, accepted) in [(limit - 1, true), (limit, true), (limit + 1, false)] {
            let mut content = complete("Zgłoszenie");
            // "ąęśćżźółń" — nine Polish letters, each one character.
            let text: String = "ąęśćżźółń "
                .chars()
                .cycle()
                .take(length)
                .collect::<String>()
                .replace(' ', "x");
            *content.pointer_mut(pointer).unwrap() = json!(text);
            let response = desk.create(&content).await;
            if accepted {
                assert_eq!(
                    response.status(),
                    201,
                    "{pointer} at {length}: {}",
                    response.text().await.unwrap()
                );
            } else {
                let problem = assert_problem(response, 422, "validation_failed").await;
                let field = format!(
                    "content{}",
                    pointer.replace("/steps/0/", ".steps[0].").replace('/', ".")
                );
                assert_eq!(
                    fields_of(&problem),
                    [(field, "too_long".to_owned())],
                    "{pointer} at {length}"
                );
            }
        }
    }
    // A letter typed as a base letter and a combining accent still counts once.
    let mut content = complete("Zgłoszenie");
    content["fields"]["steps"][0]["name"] = json!("z\u{0301}".repeat(40));
    assert_eq!(desk.create(&content).await.status(), 201);
}

#[tokio::test]
async fn fees_need_a_polish_account_with_a_valid_checksum_or_an_explicit_none() {
    let desk = desk().await;
    let mut content = complete("Opłata");
    content["fields"]["fees"]["items"][0]["account"] = json!("PL61 1090 1014 0000 0712 1981 2874");
    let draft = desk.draft(&content).await;
    assert_eq!(
        draft["content"]["fields"]["fees"]["items"][0]["account"],
        "61 1090 1014 0000 0712 1981 2874"
    );

    for wrong in [
        "62109010140000071219812874",
        "6110901014000007121981287",
        "DE89370400440532013000",
        "abc",
    ] {
        content["fields"]["fees"]["items"][0]["account"] = json!(wrong);
        let problem = assert_problem(desk.create(&content).await, 422, "validation_failed").await;
        assert_eq!(
            fields_of(&problem),
            [(
                "content.fields.fees.items[0].account".to_owned(),
                "invalid_account".to_owned()
            )],
            "{wrong}"
        );
    }
    content["fields"]["fees"] = json!({ "kind": "items", "items": [] });
    let draft = desk.draft(&content).await;
    let problem = assert_problem(
        desk.act(&desk.editor, &draft, "submit", None).await,
        422,
        "validation_failed",
    )
    .await;
    assert!(fields_of(&problem).contains(&("content.fields.fees".into(), "required".into())));
    content["fields"]["fees"] = json!({ "kind": "none" });
    let draft = desk.draft(&content).await;
    desk.ok(&desk.editor, &draft, "submit", None).await;
}

#[tokio::test]
async fn related_procedures_must_exist_and_differ_and_coordinators_are_one_per_cell() {
    let desk = desk().await;
    let other = desk.published(&complete("Zameldowanie")).await;
    let mut content = complete("Dowód osobisty");
    content["fields"]["related"] = json!([other]);
    let draft = desk.draft(&content).await;
    let own = draft["procedure_id"].as_str().unwrap();

    content["fields"]["related"] = json!([own]);
    let problem = assert_problem(desk.update(&draft, &content).await, 422, "validation_failed").await;
    assert_eq!(
        fields_of(&problem),
        [("content.fields.related[0]".into(), "self_reference".into())]
    );
    content["fields"]["related"] = json!([other, uuid::Uuid::new_v4()]);
    let problem = assert_problem(desk.update(&draft, &content).await, 422, "validation_failed").await;
    assert_eq!(
        fields_of(&problem),
        [("content.fields.related[1]".into(), "unknown_procedure".into())]
    );

    content["fields"]["related"] = json!([other]);
    content["internal"]["coordinators"] = json!([
        { "cell": "Oddział A", "name": "Nowak Anna" },
        { "cell": "oddział a", "name": "Kowal Jan" }
    ]);
    let problem = assert_problem(desk.update(&draft, &content).await, 422, "validation_failed").await;
    assert_eq!(
        fields_of(&problem),
        [("content.internal.coordinators[1].cell".into(), "duplicate_cell".into())]
    );
    content["fields"]["topics"] = json!(["no-such-topic"]);
    content["internal"]["coordinators"] = json!([]);
    let problem = assert_problem(desk.update(&draft, &content).await, 422, "validation_failed").await;
    assert_eq!(
        fields_of(&problem),
        [("content.fields.topics[0]".into(), "unknown_topic".into())]
    );
}

#[tokio::test]
async fn attachments_are_checked_by_content_and_downloaded_with_their_name() {
    let desk = desk().await;
    let draft = desk.draft(&complete("Dowód osobisty")).await;
    let procedure = draft["procedure_id"].as_str().unwrap().to_owned();

    let tagged = desk
        .upload(
            &procedure,
            "klauzula informacyjna.pdf",
            samples::pdf("Klauzula", &["RODO"], true),
        )
        .await;
    assert_eq!(tagged.status(), 201);
    let tagged: Value = tagged.json().await.unwrap();
    assert_eq!(tagged["kind"], "pdf");
    assert_eq!(tagged["accessibility_warnings"], json!([]));

    let untagged: Value = desk
        .upload(&procedure, "wykaz.pdf", samples::pdf("Wykaz", &["a"], false))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(untagged["accessibility_warnings"], json!(["pdf_not_tagged"]));
    let untitled: Value = desk
        .upload(&procedure, "wniosek.docx", samples::docx(None, None, &["Wniosek"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(untitled["kind"], "docx");
    assert_eq!(
        untitled["accessibility_warnings"],
        json!(["docx_no_title", "docx_no_language"])
    );
    let form: Value = desk
        .upload(
            &procedure,
            "wniosek o dowód.docx",
            samples::docx(Some("Wniosek"), Some("pl-PL"), &["Wniosek"]),
        )
        .await
        .json()
        .await
        .unwrap();
    let rtf = desk.upload(&procedure, "wniosek.rtf", samples::rtf(&["Wniosek"])).await;
    assert_eq!(rtf.status(), 201);

    // The type comes from the content, whatever the name says.
    let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13].to_vec();
    let problem = assert_problem(
        desk.upload(&procedure, "wniosek.pdf", png).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(fields_of(&problem), [("file".into(), "unsupported_type".into())]);
    let text = b"%PDF-1.7 but then nothing".to_vec();
    assert_problem(
        desk.upload(&procedure, "zepsuty.pdf", text).await,
        422,
        "validation_failed",
    )
    .await;
    let other_unit = desk
        .app
        .staff("editor.zzm@example.org", &[(Role::ProcedureEditor, Some(ZZM))])
        .await;
    let part = reqwest::multipart::Part::bytes(samples::pdf("x", &[], true)).file_name("x.pdf");
    let response = desk
        .app
        .client
        .post(
            desk.app
                .url(&format!("/api/v1/staff/procedures/{procedure}/attachments")),
        )
        .bearer_auth(&other_unit.token)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    assert_problem(response, 403, "forbidden").await;

    // Staff download: original name (UTF-8) and the detected type.
    let staff_url = form["url"].as_str().unwrap();
    let download = desk.app.get_as(staff_url, &desk.editor.token).await;
    assert_eq!(download.status(), 200);
    assert_eq!(
        download.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let disposition = download.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(
        disposition.contains("filename*=UTF-8''wniosek%20o%20dow%C3%B3d.docx"),
        "{disposition}"
    );

    // The public gets a file only once a published version refers to it.
    let public_url = format!(
        "/api/v1/procedures/{procedure}/attachments/{}",
        form["id"].as_str().unwrap()
    );
    assert_eq!(desk.app.get(&public_url).await.status(), 404);
    let mut content = complete("Dowód osobisty");
    content["fields"]["documents"] = json!({
        "to_submit": [{ "name": "Wniosek", "file_id": form["id"], "sample_file_id": tagged["id"],
                        "e_forms": [{ "platform": "ePUAP", "url": "https://epuap.gov.pl/wniosek" }] }],
        "to_show": []
    });
    assert_eq!(desk.update(&draft, &content).await.status(), 200);
    content["fields"]["documents"]["to_submit"][0]["file_id"] = json!(uuid::Uuid::new_v4());
    let problem = assert_problem(desk.update(&draft, &content).await, 422, "validation_failed").await;
    assert_eq!(
        fields_of(&problem),
        [(
            "content.fields.documents.to_submit[0].file_id".into(),
            "unknown_attachment".into()
        )]
    );
    desk.ok(&desk.editor, &draft, "submit", None).await;
    desk.ok(&desk.publisher, &draft, "publish", None).await;
    let public = desk.app.get(&public_url).await;
    assert_eq!(public.status(), 200);
    assert_eq!(
        public.bytes().await.unwrap().len() as i64,
        form["size_bytes"].as_i64().unwrap()
    );
    let page: Value = desk
        .app
        .get(&format!("/api/v1/procedures/{procedure}"))
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = page["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file_name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "only the referenced files are listed: {names:?}");
    assert!(page["attachments"][0].get("accessibility_warnings").is_none());
    // Files no published version refers to stay private.
    let unreferenced = format!(
        "/api/v1/procedures/{procedure}/attachments/{}",
        untagged["id"].as_str().unwrap()
    );
    assert_eq!(desk.app.get(&unreferenced).await.status(), 404);
}

/// Every read endpoint, for every role: internal fields and internal or out-of-window
/// procedures reach only knowledge-base staff.
#[tokio::test]
async fn internal_fields_and_procedures_reach_only_knowledge_base_staff() {
    let desk = desk().await;
    let app = &desk.app;
    let public = desk.published(&complete("Wydanie dowodu osobistego")).await;
    let mut internal = complete("Procedura ogólna dla Call Center");
    internal["internal"]["internal"] = json!(true);
    let internal = desk.published(&internal).await;
    let mut expired = complete("Dawna procedura wygasła");
    expired["internal"]["valid_until"] = json!("2026-01-31");
    let expired = desk.published(&expired).await;
    let mut future = complete("Przyszła procedura");
    future["internal"]["valid_from"] = json!("2027-01-01");
    let future = desk.published(&future).await;

    let public_reads = [
        "/api/v1/procedures".to_owned(),
        "/api/v1/procedures?q=procedura".to_owned(),
        format!("/api/v1/procedures/{public}"),
        format!("/api/v1/procedures/{public}/versions/1"),
        "/api/v1/procedures/feed.json".to_owned(),
        "/api/v1/procedures/feed.atom".to_owned(),
        "/api/v1/procedure-topics".to_owned(),
    ];
    let resident = app.resident("mieszkanka@example.org").await;
    let operator = app.staff("op@example.org", &[(Role::Operator, Some(ZZM))]).await;
    let moderator = app.staff("mod@example.org", &[(Role::Moderator, None)]).await;
    let centre = app.staff("cc@example.org", &[(Role::ContactCentre, None)]).await;
    let admin = app.staff("adm@example.org", &[(Role::Admin, None)]).await;
    let everyone: Vec<Option<&TestUser>> = vec![
        None,
        Some(&resident),
        Some(&operator),
        Some(&moderator),
        Some(&centre),
        Some(&desk.editor),
        Some(&desk.publisher),
        Some(&admin),
    ];
    for caller in &everyone {
        for path in &public_reads {
            let response = match caller {
                Some(user) => app.get_as(path, &user.token).await,
                None => app.get(path).await,
            };
            assert_eq!(response.status(), 200, "{path}");
            let body = response.text().await.unwrap();
            for secret in [
                SECRET_OWNER,
                SECRET_NOTE,
                "Kowalski Jan",
                "Wiśniewska Ewa",
                "\"internal\"",
            ] {
                assert!(!body.contains(secret), "{path} shows {secret}");
            }
            for hidden in [&internal, &expired, &future] {
                assert!(!body.contains(hidden.as_str()), "{path} lists a non-public procedure");
            }
        }
        for hidden in [&internal, &expired, &future] {
            for path in [
                format!("/api/v1/procedures/{hidden}"),
                format!("/api/v1/procedures/{hidden}/versions/1"),
            ] {
                let response = match caller {
                    Some(user) => app.get_as(&path, &user.token).await,
                    None => app.get(&path).await,
                };
                assert_eq!(response.status(), 404, "{path}");
            }
        }
    }

    let staff_reads = [
        "/api/v1/staff/procedures".to_owned(),
        format!("/api/v1/staff/procedures/{internal}"),
        format!("/api/v1/staff/procedures/{public}/versions/1"),
    ];
    for path in &staff_reads {
        assert_problem(app.get(path).await, 401, "unauthenticated").await;
        for outsider in [&resident, &operator, &moderator] {
            assert_problem(app.get_as(path, &outsider.token).await, 403, "forbidden").await;
        }
        for insider in [&centre, &desk.editor, &desk.publisher, &admin] {
            let response = app.get_as(path, &insider.token).await;
            assert_eq!(response.status(), 200, "{path}");
        }
    }
    let staff_view: Value = app
        .get_as(&format!("/api/v1/staff/procedures/{public}"), &centre.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(staff_view["internal"]["owner"], SECRET_OWNER);
    assert_eq!(staff_view["internal"]["edm"], true);
    assert_eq!(staff_view["publicly_visible"], true);
    let list: Value = app
        .get_as("/api/v1/staff/procedures", &centre.token)
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&internal.as_str()) && ids.contains(&expired.as_str()));
    // Drafts are the editors' and publishers' business, not the contact centre's.
    assert_problem(
        app.get_as("/api/v1/staff/procedure-drafts", &centre.token).await,
        403,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn an_update_goes_through_review_and_every_published_version_is_kept() {
    let desk = desk().await;
    let app = &desk.app;
    let other_editor = app
        .staff("editor.zzm@example.org", &[(Role::ProcedureEditor, Some(ZZM))])
        .await;

    // Editors write only for their own unit.
    let body = json!({ "unit_id": unit_id(app, WSO).await, "content": complete("Obca") });
    assert_problem(
        app.post("/api/v1/staff/procedures", Some(&other_editor.token), &body)
            .await,
        403,
        "forbidden",
    )
    .await;

    let mut content = complete("Wydanie dowodu osobistego");
    content["fields"]["short_description"] = json!("");
    let draft = desk.draft(&content).await;
    let procedure = draft["procedure_id"].as_str().unwrap().to_owned();
    assert_eq!(draft["state"], "draft");
    // Not complete: submission names what is missing.
    let problem = assert_problem(
        desk.act(&desk.editor, &draft, "submit", None).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        fields_of(&problem),
        [("content.fields.short_description".into(), "required".into())]
    );
    assert_eq!(
        desk.update(&draft, &complete("Wydanie dowodu osobistego"))
            .await
            .status(),
        200
    );
    let submitted = desk.ok(&desk.editor, &draft, "submit", None).await;
    assert_eq!(submitted["state"], "in_review");
    assert_eq!(submitted["content"]["fields"]["information_produced_on"], "2026-11-23");
    // In review the text is frozen; other units' editors and residents stay out.
    assert_problem(desk.update(&draft, &complete("x")).await, 409, "not_editable").await;
    let path = format!("/api/v1/staff/procedure-drafts/{}", draft["id"].as_str().unwrap());
    assert_problem(app.get_as(&path, &other_editor.token).await, 403, "forbidden").await;
    assert_problem(desk.act(&desk.editor, &draft, "publish", None).await, 403, "forbidden").await;

    // The publisher returns it with a comment; the editor fixes it and submits again.
    let returned = desk
        .ok(
            &desk.publisher,
            &draft,
            "return",
            Some(&json!({ "body": "Proszę dodać termin." })),
        )
        .await;
    assert_eq!(returned["state"], "returned");
    assert_eq!(returned["comments"][0]["body"], "Proszę dodać termin.");
    let mut fixed = complete("Wydanie dowodu osobistego");
    fixed["fields"]["time_limit"] = json!("do 30 dni");
    assert_eq!(desk.update(&draft, &fixed).await.status(), 200);
    desk.ok(&desk.editor, &draft, "submit", None).await;
    let published = desk.ok(&desk.publisher, &draft, "publish", None).await;
    assert_eq!(published["state"], "published");
    assert_eq!(published["version"], 1);
    let page: Value = app
        .get(&format!("/api/v1/procedures/{procedure}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["metadata"]["version"], 1);
    assert_eq!(page["metadata"]["published_by"], "Staff Member");
    assert_eq!(page["metadata"]["produced_by"], json!(["Nowak Anna"]));

    // An update of the fee: the diff shows that fee, item by item, and nothing else.
    app.clock.advance(Duration::days(2));
    let start = format!("/api/v1/staff/procedures/{procedure}/drafts");
    let update = app.post(&start, Some(&desk.editor.token), &json!({})).await;
    assert_eq!(update.status(), 201, "{}", update.text().await.unwrap());
    let update: Value = update.json().await.unwrap();
    assert_eq!(update["base_version"], 1);
    assert_problem(
        app.post(&start, Some(&desk.editor.token), &json!({})).await,
        409,
        "draft_exists",
    )
    .await;
    let mut changed = fixed.clone();
    changed["fields"]["fees"]["items"][0]["amount_grosze"] = json!(2000);
    changed["fields"]["steps"]
        .as_array_mut()
        .unwrap()
        .insert(1, json!({ "name": "Zapłać opłatę", "electronic": true }));
    assert_eq!(desk.update(&update, &changed).await.status(), 200);
    desk.ok(&desk.editor, &update, "submit", None).await;
    let diff_path = format!("/api/v1/staff/procedure-drafts/{}/diff", update["id"].as_str().unwrap());
    let diff: Value = app
        .get_as(&diff_path, &desk.publisher.token)
        .await
        .json()
        .await
        .unwrap();
    let changes: Vec<(&str, &str)> = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["field"].as_str().unwrap(), c["kind"].as_str().unwrap()))
        .collect();
    assert!(changes.contains(&("fields.steps[1]", "added")), "{changes:?}");
    assert!(changes.contains(&("fields.fees.items[0]", "changed")), "{changes:?}");
    assert!(
        !changes.iter().any(|(f, _)| f.starts_with("fields.steps[2]")),
        "{changes:?}"
    );
    let fee = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "fields.fees.items[0]")
        .unwrap();
    assert_eq!(fee["before"]["amount_grosze"], 1700);
    assert_eq!(fee["after"]["amount_grosze"], 2000);

    // Scheduled for 1 December: until then the public sees version 1.
    let when = at("2026-12-01T00:00:00+01:00");
    let scheduled = desk
        .ok(&desk.publisher, &update, "publish", Some(&json!({ "at": when })))
        .await;
    assert_eq!(scheduled["state"], "scheduled");
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let page: Value = app
        .get(&format!("/api/v1/procedures/{procedure}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["fields"]["fees"]["items"][0]["amount_grosze"], 1700);
    app.clock.set(when + Duration::minutes(1));
    let mut page = Value::Null;
    for _ in 0..50 {
        page = app
            .get(&format!("/api/v1/procedures/{procedure}"))
            .await
            .json()
            .await
            .unwrap();
        if page["metadata"]["version"] == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(page["metadata"]["version"], 2, "the job publishes on the date");
    assert_eq!(page["fields"]["fees"]["items"][0]["amount_grosze"], 2000);
    let register: Vec<(i64, &str)> = page["change_register"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["version"].as_i64().unwrap(), e["change_note"].as_str().unwrap()))
        .collect();
    assert_eq!(register, [(2, "Zmiana"), (1, "Zmiana")]);
    assert_eq!(page["change_register"][0]["published_by"], "Staff Member");
    assert_eq!(
        page["change_register"][0]["published_at"].as_str().unwrap().get(..10),
        Some("2026-11-30")
    );
    // The first version stays readable.
    let old: Value = app
        .get(&format!("/api/v1/procedures/{procedure}/versions/1"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(old["fields"]["fees"]["items"][0]["amount_grosze"], 1700);
    assert_eq!(old["current"], false);
    assert_eq!(
        app.get(&format!("/api/v1/procedures/{procedure}/versions/3"))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn feeds_list_published_procedures_changed_since_a_date() {
    let desk = desk().await;
    let app = &desk.app;
    let first = desk.published(&complete("Wydanie dowodu osobistego & paszportu")).await;
    app.clock.advance(Duration::days(3));
    let since = app.clock.now();
    let second = desk.published(&complete("Zameldowanie na pobyt stały")).await;

    let feed: Value = app.get("/api/v1/procedures/feed.json").await.json().await.unwrap();
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    let items = feed["items"].as_array().unwrap();
    assert!(items.len() >= 22, "the demo procedures and ours");
    assert!(items[0]["url"].as_str().unwrap().ends_with(&second));
    let since_query = since.to_rfc3339().replace('+', "%2B");
    let recent: Value = app
        .get(&format!("/api/v1/procedures/feed.json?since={since_query}"))
        .await
        .json()
        .await
        .unwrap();
    let recent: Vec<&str> = recent["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["url"].as_str().unwrap())
        .collect();
    assert_eq!(recent.len(), 1);
    assert!(recent[0].ends_with(&second));
    assert_problem(
        app.get("/api/v1/procedures/feed.json?since=yesterday").await,
        400,
        "invalid_query",
    )
    .await;

    let atom = app
        .get(&format!("/api/v1/procedures/feed.atom?since={since_query}"))
        .await;
    assert_eq!(atom.headers()["content-type"], "application/atom+xml; charset=utf-8");
    let atom = atom.text().await.unwrap();
    let parsed: atom_syndication::Feed = atom.parse().unwrap();
    assert_eq!(parsed.entries().len(), 1);
    assert_eq!(parsed.entries()[0].title().as_str(), "Zameldowanie na pobyt stały");
    let all: atom_syndication::Feed = app
        .get("/api/v1/procedures/feed.atom")
        .await
        .text()
        .await
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        all.entries()
            .iter()
            .any(|e| e.title().as_str() == "Wydanie dowodu osobistego & paszportu")
    );
    assert!(
        all.entries()
            .iter()
            .any(|e| e.links().iter().any(|l| l.href().ends_with(&first)))
    );
}
