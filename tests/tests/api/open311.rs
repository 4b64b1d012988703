//! Open311 GeoReport v2 (read side) and mySociety's `servicerequestupdates`: every JSON
//! answer validates against the GeoReport JSON Schemas (`tests/open311-schemas/`), every XML
//! answer is well-formed with the specification's element names, and nothing the public may
//! not see (unmoderated or rejected issues, the reporter's identity) ever appears.

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use kontakt::auth::policy::Role;
use kontakt_tests::{TestApp, TestUser};
use quick_xml::events::Event;
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

const NOW: &str = "2026-11-23T10:00:00+01:00";
const CENTRE: (f64, f64) = (51.7592, 19.4576);

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

/// `at` as a query value (`+` encoded).
fn query_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

// ---- Schemas and formats ------------------------------------------------------------

/// Reads `$ref`erenced schemas from `tests/open311-schemas/`.
struct SchemaFiles;

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("open311-schemas")
}

fn schema_file(name: &str) -> Value {
    let text = std::fs::read_to_string(schema_dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

impl jsonschema::Retrieve for SchemaFiles {
    fn retrieve(&self, uri: &jsonschema::Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.as_str().rsplit('/').next().unwrap_or_default();
        Ok(schema_file(name))
    }
}

/// What is wrong with `body` by the schema file `schema` (formats checked too).
fn schema_errors(schema: &str, body: &Value) -> Vec<String> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .with_retriever(SchemaFiles)
        .build(&schema_file(schema))
        .unwrap();
    validator
        .iter_errors(body)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

fn assert_valid(schema: &str, body: &Value) {
    let errors = schema_errors(schema, body);
    assert!(errors.is_empty(), "{schema}: {errors:#?}\n{body:#}");
}

/// GETs an Open311 JSON resource; checks the content type, and the schema of error bodies.
async fn get_json(app: &TestApp, path: &str) -> (u16, Value) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    assert_eq!(
        response.headers()["content-type"],
        "application/json; charset=utf-8",
        "{path}"
    );
    let body: Value = response.json().await.unwrap();
    if status != 200 {
        assert_valid("errors.json", &body);
        assert_eq!(body[0]["code"], status, "{path}: {body}");
    }
    (status, body)
}

/// GETs a JSON resource that must exist, validated against `schema`.
async fn ok_json(app: &TestApp, path: &str, schema: &str) -> Value {
    let (status, body) = get_json(app, path).await;
    assert_eq!(status, 200, "{path}: {body}");
    assert_valid(schema, &body);
    body
}

/// The description of an error answer with `status`.
async fn error_json(app: &TestApp, path: &str, status: u16) -> String {
    let (got, body) = get_json(app, path).await;
    assert_eq!(got, status, "{path}: {body}");
    body[0]["description"].as_str().unwrap().to_owned()
}

/// An element of an XML document: its path from the root (`services/service/group`) and
/// its text.
#[derive(Debug, Clone, PartialEq)]
struct Element {
    path: String,
    text: String,
}

/// Parses an XML document (failing on anything not well-formed) into its elements.
fn elements(xml: &str) -> Vec<Element> {
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "{xml}");
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: Vec<String> = Vec::new();
    let mut found: Vec<Element> = Vec::new();
    let mut current: Option<usize> = None;
    loop {
        match reader.read_event().unwrap_or_else(|error| panic!("{error}: {xml}")) {
            Event::Start(start) => {
                open.push(start.name().as_ref().to_owned());
                found.push(Element {
                    path: open.join("/"),
                    text: String::new(),
                });
                current = Some(found.len() - 1);
            }
            Event::Empty(empty) => {
                let name = empty.name().as_ref().to_owned();
                found.push(Element {
                    path: format!("{}/{name}", open.join("/")),
                    text: String::new(),
                });
                current = None;
            }
            Event::Text(text) => {
                if let Some(index) = current {
                    found[index].text.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&reference)
                        .unwrap()
                        .to_owned(),
                };
                if let Some(index) = current {
                    found[index].text.push_str(&resolved);
                }
            }
            Event::End(_) => {
                open.pop();
                current = None;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed elements {open:?}");
    found
}

/// GETs an Open311 XML resource: its status and elements.
async fn get_xml(app: &TestApp, path: &str) -> (u16, Vec<Element>) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    assert_eq!(response.headers()["content-type"], "text/xml; charset=utf-8", "{path}");
    let text = response.text().await.unwrap();
    let found = elements(&text);
    if status != 200 {
        let paths: Vec<&str> = found.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "errors",
                "errors/error",
                "errors/error/code",
                "errors/error/description"
            ],
            "{text}"
        );
        assert_eq!(found[2].text, status.to_string());
    }
    (status, found)
}

/// The texts of the elements at `path`.
fn texts<'a>(found: &'a [Element], path: &str) -> Vec<&'a str> {
    found
        .iter()
        .filter(|e| e.path == path)
        .map(|e| e.text.as_str())
        .collect()
}

/// A time of the answers: W3C with whole seconds in UTC, within a minute of `NOW` (the
/// app's clock runs on from it).
fn assert_whole_seconds_near_now(value: &Value) {
    let text = value.as_str().unwrap();
    assert!(text.len() == 20 && text.ends_with('Z'), "{text}");
    let offset = at(text) - at(NOW);
    assert!(offset >= Duration::zero() && offset < Duration::minutes(1), "{text}");
}

fn ids(requests: &Value) -> Vec<String> {
    requests
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["service_request_id"].as_str().unwrap().to_owned())
        .collect()
}

// ---- Issues ------------------------------------------------------------------------

fn pothole() -> Value {
    json!({
        "category": "road-damage",
        "title": "Dziura na jezdni",
        "description": "Głęboka dziura przy przejściu dla pieszych.",
        "location": { "lat": CENTRE.0, "lon": CENTRE.1 },
        "address": "ul. Piotrkowska 104, 90-926 Łódź",
        "field_values": { "surface": "road", "size_cm": 40 },
    })
}

fn branch() -> Value {
    json!({
        "category": "greenery",
        "title": "Złamana gałąź",
        "description": "Gałąź leży na ścieżce w parku.",
        "location": { "lat": CENTRE.0 + 0.01, "lon": CENTRE.1 + 0.01 },
        "field_values": { "problem": "fallen_branch" },
    })
}

/// Files an issue; returns its number with a dash (the service_request_id).
async fn file(app: &TestApp, body: &Value) -> String {
    let response = app.post("/api/v1/issues", None, body).await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    let created: Value = response.json().await.unwrap();
    created["number"].as_str().unwrap().replace('/', "-")
}

async fn admin(app: &TestApp) -> TestUser {
    let email = format!("admin-{}@example.org", uuid::Uuid::new_v4().simple());
    app.staff(&email, &[(Role::Admin, None)]).await
}

async fn moderate(app: &TestApp, admin: &TestUser, id: &str, decision: &str) {
    let response = app
        .call(
            Method::POST,
            &format!("/api/v1/issues/{id}/moderation"),
            &admin.token,
            Some(&json!({ "decision": decision, "reason": "Treść niezgodna z prawem." })),
        )
        .await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
}

async fn act(app: &TestApp, admin: &TestUser, id: &str, action: &str, body: Value) {
    let path = format!("/api/v1/staff/issues/{id}/{action}");
    let response = app.call(Method::POST, &path, &admin.token, Some(&body)).await;
    assert_eq!(response.status(), 200, "{action}: {}", response.text().await.unwrap());
}

/// A demo-seeded app at `NOW` whose anonymous window (R2.6) reaches back a year, so that
/// ranges older than 90 days can be asked for.
async fn app() -> TestApp {
    let app = TestApp::spawn_with(|config| config.public_window_days = 365).await;
    app.clock.set(at(NOW));
    app.seed_demo().await;
    app
}

// ---- Tests -------------------------------------------------------------------------

#[tokio::test]
async fn discovery_services_and_service_definitions_follow_the_specification() {
    let app = app().await;
    // The schemas bite, their `$ref`s included.
    let wrong = json!([{ "service_code": "x", "service_name": "y", "metadata": "yes", "type": "realtime" }]);
    assert_eq!(schema_errors("services.json", &wrong).len(), 1);
    let wrong =
        json!([{ "service_request_id": "1", "status": "fixed", "service_code": "x", "requested_datetime": "now" }]);
    assert_eq!(schema_errors("requests.json", &wrong).len(), 2);

    let discovery = ok_json(&app, "/open311/v2/discovery.json", "discovery.json").await;
    let endpoint = &discovery["endpoints"][0];
    assert_eq!(endpoint["specification"], "http://wiki.open311.org/GeoReport_v2");
    assert_eq!(endpoint["url"], format!("{}/open311/v2", app.config.public_url));
    assert_eq!(endpoint["type"], "production");
    assert_eq!(endpoint["formats"], json!(["text/xml", "application/json"]));
    let (status, xml) = get_xml(&app, "/open311/v2/discovery.xml").await;
    assert_eq!(status, 200);
    assert_eq!(
        texts(&xml, "discovery/endpoints/endpoint/formats/format"),
        ["text/xml", "application/json"]
    );
    assert_eq!(
        texts(&xml, "discovery/changeset"),
        [discovery["changeset"].as_str().unwrap()]
    );

    // Services are the categories offered now, with their groups; `metadata` when they have
    // extra fields.
    let services = ok_json(&app, "/open311/v2/services.json", "services.json").await;
    let road = services
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["service_code"] == "road-damage")
        .unwrap();
    assert_eq!(road["service_name"], "Uszkodzona nawierzchnia drogi");
    assert_eq!(road["group"], "Drogi i chodniki");
    assert_eq!(road["metadata"], true);
    assert_eq!(road["type"], "realtime");
    let english = ok_json(&app, "/open311/v2/services.json?locale=en", "services.json").await;
    assert_eq!(english[0]["service_name"], "Road damage");
    assert_eq!(english[0]["group"], "Roads and pavements");
    let (status, xml) = get_xml(&app, "/open311/v2/services.xml").await;
    assert_eq!(status, 200);
    let codes = texts(&xml, "services/service/service_code");
    assert_eq!(codes.len(), services.as_array().unwrap().len());
    assert!(codes.contains(&"road-damage"));
    assert!(texts(&xml, "services/service/metadata").iter().all(|m| *m == "true"));

    // A definition: the fields as attributes, in form order, with the spec's datatypes.
    let definition = ok_json(&app, "/open311/v2/services/road-damage.json", "service-definition.json").await;
    assert_eq!(definition["service_code"], "road-damage");
    let attributes: Vec<(&str, &str, bool, u64)> = definition["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap(),
                a["datatype"].as_str().unwrap(),
                a["required"].as_bool().unwrap(),
                a["order"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        attributes,
        [
            ("surface", "singlevaluelist", true, 1),
            ("size_cm", "number", false, 2),
            ("dangerous", "singlevaluelist", false, 3)
        ]
    );
    let surface = &definition["attributes"][0];
    assert_eq!(surface["variable"], true);
    assert_eq!(surface["description"], "Gdzie");
    assert_eq!(surface["values"][0], json!({ "key": "road", "name": "Jezdnia" }));
    assert_eq!(
        definition["attributes"][1]["datatype_description"],
        "Liczba od 1 do 1000"
    );
    let (status, xml) = get_xml(&app, "/open311/v2/services/road-damage.xml?locale=en").await;
    assert_eq!(status, 200);
    assert_eq!(texts(&xml, "service_definition/service_code"), ["road-damage"]);
    assert_eq!(
        texts(&xml, "service_definition/attributes/attribute/code"),
        ["surface", "size_cm", "dangerous"]
    );
    assert_eq!(
        texts(&xml, "service_definition/attributes/attribute/values/value/name"),
        ["Road", "Pavement", "Cycle path", "Yes", "No"]
    );
    assert_eq!(
        texts(&xml, "service_definition/attributes/attribute/values/value/key")[..2],
        ["road", "pavement"]
    );

    // Unknown services, formats and resources are 404s in Open311's shape.
    let missing = error_json(&app, "/open311/v2/services/potholes-on-mars.json", 404).await;
    assert!(missing.contains("potholes-on-mars"), "{missing}");
    assert_eq!(get_xml(&app, "/open311/v2/services/potholes-on-mars.xml").await.0, 404);
    assert_eq!(get_xml(&app, "/open311/v2/services.html").await.0, 404);
    assert_eq!(get_xml(&app, "/open311/v2/services").await.0, 404);
    error_json(&app, "/open311/v2/no-such-thing.json", 404).await;

    // One jurisdiction: it may be left out, given empty, or given as ours; any other is 404.
    ok_json(&app, "/open311/v2/services.json?jurisdiction_id=", "services.json").await;
    ok_json(
        &app,
        "/open311/v2/services.json?jurisdiction_id=127.0.0.1",
        "services.json",
    )
    .await;
    let other = error_json(&app, "/open311/v2/services.json?jurisdiction_id=sfgov.org", 404).await;
    assert!(other.contains("jurisdiction_id"), "{other}");
    assert!(
        error_json(&app, "/open311/v2/services.json?locale=de", 400)
            .await
            .contains("locale")
    );

    // Another method on a resource is 405 with `Allow`.
    let response = app
        .client
        .put(app.url("/open311/v2/requests.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "GET, POST");
    let body: Value = response.json().await.unwrap();
    assert_valid("errors.json", &body);
    assert_eq!(body[0]["code"], 405);

    // Tokens are never issued: every service is realtime.
    let token = error_json(&app, "/open311/v2/tokens/12345.json", 404).await;
    assert!(token.contains("token"), "{token}");
    assert_eq!(get_xml(&app, "/open311/v2/tokens/12345.xml").await.0, 404);
}

#[tokio::test]
async fn requests_are_filtered_by_status_service_dates_area_and_id() {
    let app = app().await;
    // One issue from 100 days ago; three from now.
    app.clock.set(at(NOW) - Duration::days(100));
    let old = file(&app, &pothole()).await;
    app.clock.set(at(NOW));
    let open = file(&app, &pothole()).await;
    let closed = file(&app, &pothole()).await;
    let green = file(&app, &branch()).await;
    let admin = admin(&app).await;
    for id in [&old, &open, &closed, &green] {
        moderate(&app, &admin, id, "approved").await;
    }
    act(
        &app,
        &admin,
        &closed,
        "status",
        json!({ "status": "closed", "close_reason": "unfounded", "message": "Nawierzchnia jest w dobrym stanie." }),
    )
    .await;

    // By default the last 90 days, newest first, as the public list describes them.
    let all = ok_json(&app, "/open311/v2/requests.json", "requests.json").await;
    assert_eq!(ids(&all), [green.as_str(), closed.as_str(), open.as_str()]);
    let first = &all[2];
    assert_eq!(first["status"], "open");
    assert_eq!(first["service_code"], "road-damage");
    assert_eq!(first["service_name"], "Uszkodzona nawierzchnia drogi");
    assert_eq!(first["agency_responsible"], "Zarząd Dróg i Transportu");
    assert_eq!(
        first["description"],
        "Dziura na jezdni\n\nGłęboka dziura przy przejściu dla pieszych."
    );
    assert_eq!(first["address"], "ul. Piotrkowska 104, 90-926 Łódź");
    assert_eq!(first["zipcode"], "90-926");
    assert_eq!(
        (first["lat"].as_f64(), first["long"].as_f64()),
        (Some(CENTRE.0), Some(CENTRE.1))
    );
    assert_whole_seconds_near_now(&first["requested_datetime"]);
    // The working-day verification deadline: the end of Thursday 26 November.
    assert_eq!(first["expected_datetime"], "2026-11-26T23:00:00Z");
    assert_eq!(
        first["service_notice"],
        "Jednostka zweryfikuje zgłoszenie do 26.11.2026."
    );
    assert!(
        first["status_notes"]
            .as_str()
            .unwrap()
            .contains("Zarząd Dróg i Transportu")
    );
    assert!(first["media_url"].is_null());
    let finished = &all[1];
    assert_eq!(finished["status"], "closed");
    assert_eq!(finished["status_notes"], "Nawierzchnia jest w dobrym stanie.");
    assert!(finished["expected_datetime"].is_null());
    assert_whole_seconds_near_now(&finished["updated_datetime"]);

    // status: open, closed, both, repeated; anything else is a 400 naming it.
    let by_status = async |query: &str| {
        let body = ok_json(&app, &format!("/open311/v2/requests.json?{query}"), "requests.json").await;
        ids(&body)
    };
    assert_eq!(by_status("status=open").await, [green.as_str(), open.as_str()]);
    assert_eq!(by_status("status=closed").await, [closed.as_str()]);
    assert_eq!(by_status("status=open,closed").await.len(), 3);
    assert_eq!(by_status("status=open&status=closed").await.len(), 3);
    assert!(
        error_json(&app, "/open311/v2/requests.json?status=fixed", 400)
            .await
            .contains("status")
    );

    // service_code, one or several.
    assert_eq!(by_status("service_code=greenery").await, [green.as_str()]);
    assert_eq!(by_status("service_code=greenery,road-damage").await.len(), 3);
    assert!(by_status("service_code=no-such-service").await.is_empty());

    // Dates: an older range of at most 90 days, a range of one bare day, and the limits.
    let now = at(NOW);
    let range =
        |from: DateTime<Utc>, to: DateTime<Utc>| format!("start_date={}&end_date={}", query_time(from), query_time(to));
    let older = range(now - Duration::days(101), now - Duration::days(99));
    assert_eq!(by_status(&older).await, [old.as_str()]);
    assert_eq!(by_status("start_date=2026-08-15").await, [old.as_str()]);
    assert_eq!(by_status("start_date=2026-11-23&end_date=2026-11-23").await.len(), 3);
    assert_eq!(by_status("end_date=2026-09-01T00:00:00%2B02:00").await, [old.as_str()]);
    let too_long = range(now - Duration::days(120), now);
    let problem = error_json(&app, &format!("/open311/v2/requests.json?{too_long}"), 400).await;
    assert!(problem.contains("90 days"), "{problem}");
    for (query, parameter) in [
        ("start_date=yesterday", "start_date"),
        ("end_date=2026-02-30T00:00:00Z", "end_date"),
        ("start_date=2026-11-23T10:00:00", "start_date"),
    ] {
        let problem = error_json(&app, &format!("/open311/v2/requests.json?{query}"), 400).await;
        assert!(problem.contains(parameter), "{query}: {problem}");
        assert_eq!(get_xml(&app, &format!("/open311/v2/requests.xml?{query}")).await.0, 400);
    }

    // A bounding box (extension) and paging.
    let around = format!(
        "bbox={},{},{},{}",
        CENTRE.1 - 0.001,
        CENTRE.0 - 0.001,
        CENTRE.1 + 0.001,
        CENTRE.0 + 0.001
    );
    assert_eq!(by_status(&around).await, [closed.as_str(), open.as_str()]);
    assert!(
        error_json(&app, "/open311/v2/requests.json?bbox=1,2,3", 400)
            .await
            .contains("bbox")
    );
    assert_eq!(by_status("page_size=1").await, [green.as_str()]);
    assert_eq!(by_status("page=2&page_size=2").await, [open.as_str()]);
    assert!(
        error_json(&app, "/open311/v2/requests.json?page_size=1001", 400)
            .await
            .contains("page_size")
    );

    // Empty parameters are absent ones.
    let empty = "service_request_id=&service_code=&start_date=&end_date=&status=&bbox=&page=&page_size=&jurisdiction_id=&locale=";
    assert_eq!(by_status(empty).await, ids(&all));

    // service_request_id overrides every other filter, the date range included.
    let listed = format!("service_request_id={old},{open}&status=closed&start_date=2020-01-01T00:00:00Z");
    assert_eq!(by_status(&listed).await, [open.as_str(), old.as_str()]);

    // One request: a list of one, in both formats; unknown ones are 404.
    let one = ok_json(&app, &format!("/open311/v2/requests/{old}.json"), "requests.json").await;
    assert_eq!(ids(&one), [old.as_str()]);
    let (status, xml) = get_xml(&app, &format!("/open311/v2/requests/{closed}.xml?locale=en")).await;
    assert_eq!(status, 200);
    assert_eq!(
        texts(&xml, "service_requests/request/service_request_id"),
        [closed.as_str()]
    );
    assert_eq!(texts(&xml, "service_requests/request/status"), ["closed"]);
    assert_eq!(texts(&xml, "service_requests/request/service_name"), ["Road damage"]);
    assert_eq!(texts(&xml, "service_requests/request/expected_datetime"), [""]);
    let element_names: Vec<&str> = xml
        .iter()
        .filter_map(|e| e.path.strip_prefix("service_requests/request/"))
        .collect();
    assert_eq!(
        element_names,
        [
            "service_request_id",
            "status",
            "status_notes",
            "service_name",
            "service_code",
            "description",
            "agency_responsible",
            "service_notice",
            "requested_datetime",
            "updated_datetime",
            "expected_datetime",
            "address",
            "address_id",
            "zipcode",
            "lat",
            "long",
            "media_url"
        ]
    );
    let (status, xml) = get_xml(&app, "/open311/v2/requests.xml").await;
    assert_eq!(status, 200);
    assert_eq!(texts(&xml, "service_requests/request/service_request_id").len(), 3);
    for missing in ["2026-999999", "nothing"] {
        let problem = error_json(&app, &format!("/open311/v2/requests/{missing}.json"), 404).await;
        assert!(problem.contains(missing), "{problem}");
    }
}

#[tokio::test]
async fn unmoderated_and_rejected_issues_and_personal_data_never_appear() {
    let app = app().await;
    let contact = json!({ "name": "Zofia Tajna", "email": "zofia.tajna@example.org", "phone": "+48 600 700 800", "consent": true });
    let mut body = pothole();
    body["contact"] = contact.clone();
    body["description"] = json!("Dziura przed domem Zofii Tajnej.");
    let photos = [("a.png", 20), ("b.png", 30)];
    let mut form = Form::new().part(
        "issue",
        Part::text(body.to_string()).mime_str("application/json").unwrap(),
    );
    for (name, size) in photos {
        form = form.part(
            "photos",
            Part::bytes(kontakt_tests::images::png(size, size)).file_name(name),
        );
    }
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
    let public = created["number"].as_str().unwrap().replace('/', "-");
    let mut secret = branch();
    secret["contact"] = contact;
    let pending = file(&app, &secret).await;
    let rejected = file(&app, &secret).await;
    let admin = admin(&app).await;
    moderate(&app, &admin, &public, "approved").await;
    moderate(&app, &admin, &rejected, "rejected").await;
    let redacted = app
        .call(
            Method::POST,
            &format!("/api/v1/issues/{public}/redaction"),
            &admin.token,
            Some(&json!({ "description": "Dziura przed domem [dane usunięte]." })),
        )
        .await;
    assert_eq!(redacted.status(), 200);
    let staff: Value = redacted.json().await.unwrap();
    let first_photo = staff["all_photos"][0]["id"].as_str().unwrap().to_owned();
    let second_photo = staff["all_photos"][1]["id"].as_str().unwrap().to_owned();
    let hide = app
        .call(
            Method::POST,
            &format!("/api/v1/issues/{public}/photos/{first_photo}/visibility"),
            &admin.token,
            Some(&json!({ "hidden": true })),
        )
        .await;
    assert_eq!(hide.status(), 200);

    // Only the approved issue, with the redacted text and its visible photo.
    let requests = ok_json(&app, "/open311/v2/requests.json", "requests.json").await;
    assert_eq!(ids(&requests), [public.as_str()]);
    assert_eq!(
        requests[0]["description"],
        "Dziura na jezdni\n\nDziura przed domem [dane usunięte]."
    );
    let media = requests[0]["media_url"].as_str().unwrap();
    let photo_path = media.strip_prefix(app.config.public_url.as_str()).unwrap();
    assert_eq!(photo_path, format!("/api/v1/issues/{public}/photos/{second_photo}"));
    let photo = app.get(photo_path).await;
    assert_eq!(
        (
            photo.status().as_u16(),
            photo.headers()["content-type"].to_str().unwrap()
        ),
        (200, "image/jpeg")
    );
    for hidden in [&pending, &rejected] {
        let listed = ok_json(
            &app,
            &format!("/open311/v2/requests.json?service_request_id={hidden}"),
            "requests.json",
        )
        .await;
        assert_eq!(listed, json!([]));
        error_json(&app, &format!("/open311/v2/requests/{hidden}.json"), 404).await;
        assert_eq!(
            get_xml(&app, &format!("/open311/v2/requests/{hidden}.xml")).await.0,
            404
        );
    }
    let updates = ok_json(&app, "/open311/v2/servicerequestupdates.json", "request-updates.json").await;
    assert!(
        updates
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["service_request_id"] == public.as_str())
    );

    // No Open311 answer names the reporter, their contact data, or the original text.
    let everything = [
        "/open311/v2/discovery",
        "/open311/v2/services",
        "/open311/v2/services/road-damage",
        "/open311/v2/requests",
        &format!("/open311/v2/requests/{public}"),
        &format!("/open311/v2/requests?service_request_id={public},{pending},{rejected}"),
        "/open311/v2/servicerequestupdates",
    ];
    for resource in everything {
        for extension in ["json", "xml"] {
            let path = match resource.split_once('?') {
                Some((base, query)) => format!("{base}.{extension}?{query}"),
                None => format!("{resource}.{extension}"),
            };
            let text = app.get(&path).await.text().await.unwrap();
            for personal in [
                "Zofia",
                "Tajn",
                "zofia.tajna",
                "600 700 800",
                "600700800",
                &pending,
                &rejected,
            ] {
                assert!(!text.contains(personal), "{path} shows {personal}: {text}");
            }
        }
    }
}

#[tokio::test]
async fn updates_follow_status_changes_with_extended_statuses() {
    let app = app().await;
    let fixed = file(&app, &pothole()).await;
    let outside = file(&app, &pothole()).await;
    let moved = file(&app, &pothole()).await;
    let admin = admin(&app).await;
    for id in [&fixed, &outside, &moved] {
        moderate(&app, &admin, id, "approved").await;
    }
    act(&app, &admin, &fixed, "status", json!({ "status": "accepted" })).await;
    act(
        &app,
        &admin,
        &fixed,
        "responses",
        json!({ "message": "Ekipa wyjedzie w piątek.", "public": true }),
    )
    .await;
    act(
        &app,
        &admin,
        &fixed,
        "responses",
        json!({ "message": "Notatka wewnętrzna.", "public": false }),
    )
    .await;
    act(
        &app,
        &admin,
        &fixed,
        "status",
        json!({ "status": "in_progress", "message": "Trwa naprawa." }),
    )
    .await;
    act(
        &app,
        &admin,
        &fixed,
        "status",
        json!({ "status": "done", "message": "Dziurę załatano." }),
    )
    .await;
    act(
        &app,
        &admin,
        &outside,
        "status",
        json!({ "status": "closed", "close_reason": "outside_competence", "message": "Droga wojewódzka." }),
    )
    .await;
    act(
        &app,
        &admin,
        &moved,
        "transfer",
        json!({ "unit": "zarzad-zieleni-miejskiej" }),
    )
    .await;

    let updates = ok_json(&app, "/open311/v2/servicerequestupdates.json", "request-updates.json").await;
    let of = |id: &str| -> Vec<(String, Option<String>)> {
        updates
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["service_request_id"] == id)
            .map(|u| {
                (
                    u["status"].as_str().unwrap().to_owned(),
                    u["description"].as_str().map(str::to_owned),
                )
            })
            .collect()
    };
    let fixed_updates = of(&fixed);
    let statuses: Vec<&str> = fixed_updates.iter().map(|(s, _)| s.as_str()).collect();
    // The first response on arrival, then each change and the public response, never the note.
    assert_eq!(
        statuses,
        ["OPEN", "ACTION_SCHEDULED", "ACTION_SCHEDULED", "IN_PROGRESS", "FIXED"]
    );
    assert_eq!(fixed_updates[2].1.as_deref(), Some("Ekipa wyjedzie w piątek."));
    assert_eq!(fixed_updates[4].1.as_deref(), Some("Dziurę załatano."));
    assert!(
        fixed_updates
            .iter()
            .all(|(_, d)| d.as_deref() != Some("Notatka wewnętrzna."))
    );
    assert_eq!(of(&outside).last().unwrap().0, "NOT_COUNCILS_RESPONSIBILITY");
    let transfer = of(&moved).last().unwrap().clone();
    assert_eq!(transfer.0, "INTERNAL_REFERRAL");
    assert_eq!(
        transfer.1.as_deref(),
        Some("Zgłoszenie przekazano do: Zarząd Zieleni Miejskiej w Łodzi.")
    );
    assert!(updates.as_array().unwrap().iter().all(|u| u["media_url"].is_null()));
    let update_ids: Vec<i64> = updates
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["update_id"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(update_ids.windows(2).all(|pair| pair[0] < pair[1]), "oldest first");

    // The same in XML, under mySociety's element names.
    let (status, xml) = get_xml(&app, "/open311/v2/servicerequestupdates.xml?locale=en").await;
    assert_eq!(status, 200);
    let statuses = texts(&xml, "service_request_updates/request_update/status");
    assert_eq!(statuses.len(), update_ids.len());
    assert!(statuses.contains(&"FIXED"));
    assert!(
        texts(&xml, "service_request_updates/request_update/description")
            .contains(&"The request was transferred to Zarząd Zieleni Miejskiej w Łodzi.")
    );

    // The request shows the closing justification, and is closed.
    let request = ok_json(&app, &format!("/open311/v2/requests/{fixed}.json"), "requests.json").await;
    assert_eq!(request[0]["status"], "closed");
    assert_eq!(request[0]["status_notes"], "Dziurę załatano.");

    // Date ranges as for requests: in the future there is nothing; the limits hold.
    let later = ok_json(
        &app,
        "/open311/v2/servicerequestupdates.json?start_date=2026-11-24T00:00:00Z",
        "request-updates.json",
    )
    .await;
    assert_eq!(later, json!([]));
    let paged = ok_json(
        &app,
        "/open311/v2/servicerequestupdates.json?page_size=2&page=2",
        "request-updates.json",
    )
    .await;
    assert_eq!(paged.as_array().unwrap().len(), 2);
    assert_eq!(paged[0]["update_id"], updates[2]["update_id"]);
    let problem = error_json(
        &app,
        "/open311/v2/servicerequestupdates.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z",
        400,
    )
    .await;
    assert!(problem.contains("90 days"), "{problem}");
    let problem = error_json(&app, "/open311/v2/servicerequestupdates.json?end_date=soon", 400).await;
    assert!(problem.contains("end_date"), "{problem}");
}

// ---- Filing with an API key ---------------------------------------------------------

/// A registered app's key with `scopes`.
async fn app_key(app: &TestApp, admin: &TestUser, scopes: &[&str]) -> String {
    let body = json!({
        "name": "Miejska aplikacja",
        "contact_email": "dev@example.org",
        "scopes": scopes,
        "rate_limit_per_minute": 100,
    });
    let registered: Value = app
        .post("/api/v1/apps", Some(&admin.token), &body)
        .await
        .json()
        .await
        .unwrap();
    let path = format!("/api/v1/apps/{}/keys", registered["id"].as_str().unwrap());
    let issued: Value = app
        .post(&path, Some(&admin.token), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    issued["key"].as_str().unwrap().to_owned()
}

/// POSTs `fields` form-encoded, as GeoReport clients do: the status and the body.
async fn post_form(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let mut encoded = reqwest::Url::parse("http://localhost/").unwrap();
    encoded.query_pairs_mut().extend_pairs(fields);
    let response = reqwest::Client::new()
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encoded.query().unwrap_or_default().to_owned())
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Form fields, in order.
type FormFields<'a> = Vec<(&'a str, &'a str)>;

fn pothole_form<'a>(key: &'a str, lat: &'a str, long: &'a str) -> FormFields<'a> {
    vec![
        ("jurisdiction_id", "127.0.0.1"),
        ("api_key", key),
        ("service_code", "road-damage"),
        ("lat", lat),
        ("long", long),
        ("description", "Głęboka dziura na jezdni przy przejściu dla pieszych"),
        ("attribute[surface]", "road"),
        ("attribute[size_cm]", "40"),
        ("attribute[dangerous]", "true"),
        ("email", "jan.kowalski@example.org"),
        ("first_name", "Jan"),
        ("last_name", "Kowalski"),
        ("address_id", ""),
    ]
}

#[tokio::test]
async fn a_third_party_client_files_and_follows_a_request_in_xml() {
    let app = app().await;
    let admin = admin(&app).await;
    let key = app_key(&app, &admin, &["issues.create", "updates.create"]).await;
    let (lat, long) = (CENTRE.0.to_string(), CENTRE.1.to_string());

    // The sequence of a real client: services, a definition, POST, then the list and updates.
    let (status, services) = get_xml(&app, "/open311/v2/services.xml?jurisdiction_id=127.0.0.1").await;
    assert_eq!(status, 200);
    assert!(texts(&services, "services/service/service_code").contains(&"road-damage"));
    let (status, definition) = get_xml(&app, "/open311/v2/services/road-damage.xml?jurisdiction_id=127.0.0.1").await;
    assert_eq!(status, 200);
    assert!(texts(&definition, "service_definition/attributes/attribute/code").contains(&"surface"));

    let (status, body) = post_form(&app, "/open311/v2/requests.xml", &pothole_form(&key, &lat, &long)).await;
    assert_eq!(status, 200, "{body}");
    let filed = elements(&body);
    let id = texts(&filed, "service_requests/request/service_request_id")[0].to_owned();
    assert!(id.starts_with("2026-"), "{id}");
    assert_eq!(texts(&filed, "service_requests/request/service_notice").len(), 1);

    // Like any issue it waits for moderation: not public yet.
    let (status, _) = get_xml(&app, &format!("/open311/v2/requests/{id}.xml")).await;
    assert_eq!(status, 404);
    let staff: Value = app
        .get_as(&format!("/api/v1/staff/issues/{id}"), &admin.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(staff["channel"], "api");
    assert_eq!(staff["source_app"], "Miejska aplikacja");
    assert_eq!(staff["has_contact"], true);
    assert_eq!(staff["field_values"]["size_cm"], 40.0);
    assert_eq!(staff["field_values"]["dangerous"], true);
    assert!(
        staff["deadline"]["due_at"].is_string(),
        "the verification deadline runs: {staff}"
    );

    moderate(&app, &admin, &id, "approved").await;
    act(&app, &admin, &id, "status", json!({ "status": "accepted" })).await;
    let response = app
        .get(&format!("/open311/v2/requests.xml?service_request_id={id}"))
        .await;
    let text = response.text().await.unwrap();
    for personal in ["Kowalski", "jan.kowalski", "Jan "] {
        assert!(!text.contains(personal), "{personal} in {text}");
    }
    let listed = elements(&text);
    assert_eq!(
        texts(&listed, "service_requests/request/service_request_id"),
        [id.as_str()]
    );
    assert_eq!(texts(&listed, "service_requests/request/status"), ["open"]);

    let since = query_time(at(NOW) - Duration::hours(1));
    let (status, updates) = get_xml(
        &app,
        &format!("/open311/v2/servicerequestupdates.xml?start_date={since}"),
    )
    .await;
    assert_eq!(status, 200);
    let ours: Vec<&Element> = updates
        .iter()
        .filter(|e| e.path == "service_request_updates/request_update/service_request_id" && e.text == id)
        .collect();
    assert!(!ours.is_empty(), "the acceptance is an update");
    assert!(texts(&updates, "service_request_updates/request_update/status").contains(&"ACTION_SCHEDULED"));

    // The app passes on its user's update; the same update_id again is the same update.
    let update = [
        ("jurisdiction_id", "127.0.0.1"),
        ("api_key", key.as_str()),
        ("update_id", "fms-update-7781"),
        ("service_request_id", id.as_str()),
        ("status", "FIXED"),
        ("updated_datetime", "2026-11-23T09:30:00+01:00"),
        ("description", "Mieszkaniec pisze, że dziurę już załatano."),
        ("first_name", "Jan"),
        ("email", "jan.kowalski@example.org"),
    ];
    let (status, body) = post_form(&app, "/open311/v2/servicerequestupdates.xml", &update).await;
    assert_eq!(status, 200, "{body}");
    let posted = elements(&body);
    let update_ids = texts(&posted, "service_request_updates/request_update/update_id");
    assert_eq!(update_ids.len(), 1);
    assert!(update_ids[0].parse::<i64>().is_ok(), "{body}");
    let (status, again) = post_form(&app, "/open311/v2/servicerequestupdates.xml", &update).await;
    assert_eq!(status, 200);
    assert_eq!(
        texts(&elements(&again), "service_request_updates/request_update/update_id"),
        update_ids
    );
    let staff: Value = app
        .get_as(&format!("/api/v1/staff/issues/{id}"), &admin.token)
        .await
        .json()
        .await
        .unwrap();
    let recorded: Vec<&Value> = staff["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["kind"] == "app_update")
        .collect();
    assert_eq!(recorded.len(), 1, "recorded once: {staff}");
    assert_eq!(recorded[0]["public"], false);
    assert_eq!(recorded[0]["message"], "Mieszkaniec pisze, że dziurę już załatano.");
    assert_eq!(recorded[0]["after"]["reported_status"], "done", "FIXED is our Done");
    assert_eq!(recorded[0]["after"]["app_name"], "Miejska aplikacja");
    assert!(
        !recorded[0].to_string().contains("kowalski"),
        "the app's user's contact is not taken"
    );
    assert_eq!(staff["status"], "accepted", "an app does not change the status");
    // Unmoderated, it is not a public update.
    let (_, updates) = get_xml(
        &app,
        &format!("/open311/v2/servicerequestupdates.xml?start_date={since}"),
    )
    .await;
    assert!(
        !texts(&updates, "service_request_updates/request_update/description")
            .iter()
            .any(|d| d.contains("załatano"))
    );

    // JSON filing answers a bare array.
    let (status, body) = post_form(&app, "/open311/v2/requests.json", &pothole_form(&key, &lat, &long)).await;
    assert_eq!(status, 200, "{body}");
    let filed: Value = serde_json::from_str(&body).unwrap();
    assert!(filed[0]["service_request_id"].as_str().unwrap().starts_with("2026-"));
    assert_eq!(filed[0]["account_id"], Value::Null);
}

#[tokio::test]
async fn filing_errors_have_the_specifications_codes_and_bodies() {
    let app = app().await;
    let admin = admin(&app).await;
    let key = app_key(&app, &admin, &["issues.create"]).await;
    let reader = app_key(&app, &admin, &["updates.create"]).await;
    let (lat, long) = (CENTRE.0.to_string(), CENTRE.1.to_string());
    let base = pothole_form(&key, &lat, &long);
    let with = |name: &'static str, value: &'static str| -> Vec<(&str, &str)> {
        let mut form: Vec<(&str, &str)> = base.iter().filter(|(n, _)| *n != name).copied().collect();
        if !value.is_empty() {
            form.push((name, value));
        }
        form
    };
    let reader_form: Vec<(&str, &str)> = base
        .iter()
        .map(|&(n, v)| if n == "api_key" { (n, reader.as_str()) } else { (n, v) })
        .collect();
    // The form, the status and a word the description must contain.
    let cases: Vec<(FormFields, u16, &str)> = vec![
        (with("api_key", ""), 403, "api_key"),
        (
            with("api_key", "kk_abcdefgh_0000000000000000000000000000000000000000000"),
            403,
            "API key",
        ),
        (reader_form, 403, "issues.create"),
        (with("service_code", "no-such-service"), 404, "no-such-service"),
        (with("service_code", ""), 400, "service_code"),
        (with("attribute[surface]", ""), 400, "attribute[surface]"),
        (with("attribute[surface]", "lawa"), 400, "attribute[surface]"),
        (with("attribute[size_cm]", "duża"), 400, "attribute[size_cm]"),
        (with("lat", "pięćdziesiąt"), 400, "lat"),
        (with("long", ""), 400, "lat and long"),
        (with("description", ""), 400, "description"),
        (with("jurisdiction_id", "krakow.pl"), 404, "jurisdiction_id"),
    ];
    for (form, status, named) in cases {
        for format in ["json", "xml"] {
            let (got, body) = post_form(&app, &format!("/open311/v2/requests.{format}"), &form).await;
            assert_eq!(got, status, "{named} ({format}): {body}");
            let description = if format == "json" {
                let errors: Value = serde_json::from_str(&body).unwrap();
                assert_valid("errors.json", &errors);
                assert_eq!(errors[0]["code"], status);
                errors[0]["description"].as_str().unwrap().to_owned()
            } else {
                texts(&elements(&body), "errors/error/description")[0].to_owned()
            };
            assert!(description.contains(named), "{named} not in {description}");
        }
    }
    // Nothing was filed by the refused requests.
    let admin_view: Value = app
        .get_as("/api/v1/staff/moderation", &admin.token)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        !admin_view.to_string().contains("przy przejściu dla pieszych"),
        "{admin_view}"
    );
}

/// The Python of the virtual environment with PyPI's `georeport` (`make georeport-deps`).
fn georeport_python() -> PathBuf {
    std::env::var_os("KONTAKT_GEOREPORT_PYTHON").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("georeport/.venv/bin/python"),
        PathBuf::from,
    )
}

#[tokio::test]
async fn the_pypi_georeport_client_reads_services_requests_and_one_request() {
    let app = app().await;
    let admin = admin(&app).await;
    let id = file(&app, &pothole()).await;
    moderate(&app, &admin, &id, "approved").await;

    let python = georeport_python();
    assert!(
        python.exists(),
        "{} is missing: run `make georeport-deps` (a virtual environment with PyPI's georeport)",
        python.display()
    );
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("georeport/client_check.py");
    let root = app.url("/open311/v2");
    // The client blocks; the server keeps running on this test's runtime meanwhile.
    let args = [
        script.into_os_string(),
        root.into(),
        "127.0.0.1".into(),
        "road-damage".into(),
        id.clone().into(),
    ];
    let output = tokio::task::spawn_blocking(move || std::process::Command::new(&python).args(args).output())
        .await
        .unwrap()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the client failed: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: Value = serde_json::from_str(&stdout).unwrap();
    for format in ["json", "xml"] {
        assert_eq!(read[format]["request"]["service_request_id"], id.as_str(), "{read}");
        assert_eq!(read[format]["request"]["status"], "open", "{read}");
        assert!(read[format]["services"].as_u64().unwrap() >= 5, "{read}");
        assert_eq!(read[format]["attributes"], 3, "{read}");
    }
}

#[tokio::test]
async fn posted_updates_need_the_scope_a_visible_request_and_valid_fields() {
    let app = app().await;
    let admin = admin(&app).await;
    let key = app_key(&app, &admin, &["issues.create", "updates.create"]).await;
    let filer_only = app_key(&app, &admin, &["issues.create"]).await;
    let public = file(&app, &pothole()).await;
    moderate(&app, &admin, &public, "approved").await;
    let pending = file(&app, &branch()).await;
    let (lat, long) = (CENTRE.0.to_string(), CENTRE.1.to_string());
    let (_, body) = post_form(&app, "/open311/v2/requests.json", &pothole_form(&key, &lat, &long)).await;
    let own_pending = serde_json::from_str::<Value>(&body).unwrap()[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();

    let update =
        |key: &str, update_id: &str, request: &str, status: &str, description: &str| -> Vec<(String, String)> {
            [
                ("api_key", key),
                ("update_id", update_id),
                ("service_request_id", request),
                ("status", status),
                ("description", description),
            ]
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect()
        };
    let post = async |fields: Vec<(String, String)>| {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let (status, body) = post_form(&app, "/open311/v2/servicerequestupdates.json", &pairs).await;
        (status, body)
    };
    let text = "Nadal jest dziura.";
    let cases = [
        (update("", "u1", &public, "OPEN", text), 403, "api_key"),
        (update("kk_wrong_key", "u1", &public, "OPEN", text), 403, "key"),
        (update(&filer_only, "u1", &public, "OPEN", text), 403, "updates.create"),
        (
            update(&key, "u1", "2026-999999", "OPEN", text),
            404,
            "service_request_id",
        ),
        (update(&key, "u1", &pending, "OPEN", text), 404, "service_request_id"),
        (update(&key, "u1", &public, "SOLVED", text), 400, "status"),
        (
            update(&key, "u1", &public, "INTERNAL_REFERRAL", text),
            400,
            "INTERNAL_REFERRAL",
        ),
        (update(&key, "u1", &public, "", text), 400, "status"),
        (update(&key, "u1", &public, "OPEN", ""), 400, "description"),
        (update(&key, "", &public, "OPEN", text), 400, "update_id"),
    ];
    for (fields, expected, names) in cases {
        let (status, body) = post(fields.clone()).await;
        assert_eq!(status, expected, "{fields:?}: {body}");
        let errors: Value = serde_json::from_str(&body).unwrap();
        assert_valid("errors.json", &errors);
        assert!(errors[0]["description"].as_str().unwrap().contains(names), "{body}");
    }
    let mut bad_date = update(&key, "u1", &public, "OPEN", text);
    bad_date.push(("updated_datetime".into(), "yesterday".into()));
    let (status, body) = post(bad_date).await;
    assert_eq!(status, 400);
    assert!(body.contains("updated_datetime"), "{body}");

    // A public request, and a pending one the same app filed, take updates; an update_id is
    // the app's own and cannot be reused for another request.
    let (status, body) = post(update(&key, "u1", &public, "OPEN", text)).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = post(update(&key, "u2", &own_pending, "CLOSED", "Zgłoszenie nieaktualne.")).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = post(update(&key, "u1", &own_pending, "OPEN", text)).await;
    assert_eq!(status, 400);
    assert!(body.contains("update_id"), "{body}");
}
