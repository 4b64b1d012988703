//! Search quality of the knowledge base (R7.5): realistic queries a resident types — without
//! Polish letters, with typos, inflected, in everyday words — each with the procedure that
//! must come first, run over HTTP against the demo procedures. The measured hit rate is
//! printed (`cargo test knowledge_search -- --nocapture`).

use kontakt::auth::policy::Role;
use kontakt_tests::{TestApp, assert_problem};
use serde_json::Value;

/// A query and the start of the name of the procedure that must be its first result.
const QUERIES: &[(&str, &str)] = &[
    ("dowod osobisty", "Wydanie dowodu osobistego"),
    ("wyrobienie dowodu", "Wydanie dowodu osobistego"),
    ("dowód osobity", "Wydanie dowodu osobistego"),
    ("zgubiony dowód", "Zgłoszenie utraty, kradzieży"),
    ("kradziez dowodu osobistego", "Zgłoszenie utraty, kradzieży"),
    ("zameldowanei na pobyt stały", "Zameldowanie na pobyt stały"),
    ("meldunek staly", "Zameldowanie na pobyt stały"),
    ("meldunku czasowego", "Zameldowanie na pobyt czasowy"),
    ("wymeldowanie sie", "Wymeldowanie z miejsca pobytu"),
    ("zaswiadczenie o zameldowaniu", "Wydanie zaświadczenia o zameldowaniu"),
    ("dodatek mieszkaniowy", "Przyznanie dodatku mieszkaniowego"),
    ("dodatku mieszkaniowego wniosek", "Przyznanie dodatku mieszkaniowego"),
    ("karta duzej rodzny", "Przyznanie Karty Dużej Rodziny"),
    ("zasilek celowy", "Przyznanie zasiłku okresowego"),
    ("zapisy do zlobka", "Zapisy i rekrutacja dziecka do żłobka"),
    ("rekrutacja żłobek", "Zapisy i rekrutacja dziecka do żłobka"),
    ("rejestracja bezrobotnego", "Rejestracja jako osoba bezrobotna"),
    ("poszukujacy pracy", "Rejestracja jako osoba bezrobotna"),
    ("mapa zasadnicza", "Udostępnienie kopii mapy zasadniczej"),
    ("wypis z ewidencji gruntow", "Wydanie wypisu i wyrysu"),
    ("wyrys", "Wydanie wypisu i wyrysu"),
    ("prawo jazdu", "Wydanie prawa jazdy"),
    ("rejestracja samochodu", "Rejestracja pojazdu"),
    ("zarejestrowac motocykl", "Rejestracja pojazdu"),
    ("pozwolenie na budowe domu", "Wydanie pozwolenia na budowę"),
    ("abonament postojowy", "Abonament postojowy mieszkańca"),
    ("strefa platnego parkowania", "Abonament postojowy mieszkańca"),
    ("kontener na ulicy", "Zezwolenie na zajęcie pasa drogowego"),
    ("wycinka drzew", "Zezwolenie na usunięcie drzewa"),
    ("usuniecie krzewu", "Zezwolenie na usunięcie drzewa"),
    ("piknik w parku", "Udostępnienie terenu parku"),
    ("deklaracja smieci", "Deklaracja o wysokości opłaty"),
    ("nieodebrane smieci", "Reklamacja nieodebranych odpadów"),
    ("mieszkanie komunalne", "Najem lokalu mieszkalnego"),
    ("adopcja psa", "Adopcja psa lub kota"),
    ("czipowanie kota", "Bezpłatne czipowanie psa lub kota"),
    ("dziura w drodze", "Zgłoszenie problemu w przestrzeni publicznej"),
];

async fn names(app: &TestApp, query: &str, token: Option<&str>) -> Vec<String> {
    let path = format!("/api/v1/procedures?q={}", urlencoding(query));
    let response = match token {
        Some(token) => {
            app.get_as(&path.replace("/procedures", "/staff/procedures"), token)
                .await
        }
        None => app.get(&path).await,
    };
    assert_eq!(response.status(), 200, "{query}");
    let page: Value = response.json().await.unwrap();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap().to_owned())
        .collect()
}

fn urlencoding(text: &str) -> String {
    let mut url = reqwest::Url::parse("http://localhost/").unwrap();
    url.query_pairs_mut().append_pair("q", text);
    url.query().unwrap().trim_start_matches("q=").to_owned()
}

#[tokio::test]
#[allow(clippy::print_stdout, reason = "the measured hit rate is this test's report")]
async fn realistic_queries_find_the_right_procedure_first() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    assert!(QUERIES.len() >= 30);

    let mut first = 0;
    let mut in_three = 0;
    let mut misses = Vec::new();
    for &(query, expected) in QUERIES {
        let found = names(&app, query, None).await;
        let place = found.iter().position(|name| name.starts_with(expected));
        match place {
            Some(0) => first += 1,
            _ => misses.push(format!(
                "{query:?} → {place:?}: {:?}",
                found.iter().take(3).collect::<Vec<_>>()
            )),
        }
        if place.is_some_and(|p| p < 3) {
            in_three += 1;
        }
    }
    let total = QUERIES.len();
    println!(
        "knowledge search: {first}/{total} queries with the expected procedure first, {in_three}/{total} within the top three"
    );
    assert!(misses.is_empty(), "not first: {misses:#?}");
}

#[tokio::test]
async fn internal_procedures_are_found_by_staff_only() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let agent = app.staff("agent@example.org", &[(Role::ContactCentre, None)]).await;

    let query = "procedura przyjmowania wnioskow call center";
    assert!(
        names(&app, query, None)
            .await
            .iter()
            .all(|name| !name.starts_with("Ogólna procedura"))
    );
    let staff = names(&app, query, Some(&agent.token)).await;
    assert_eq!(
        staff.first().map(|name| name.starts_with("Ogólna procedura")),
        Some(true),
        "{staff:?}"
    );
}

#[tokio::test]
async fn empty_and_nonsense_queries_behave() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;

    assert!(names(&app, "xqzvw blorft", None).await.is_empty());
    // Blank search is browsing: everything public, by name.
    let all = names(&app, "   ", None).await;
    assert_eq!(all.len(), 20, "the first page of the public procedures");
    let long = "dowód ".repeat(200);
    let response = app.get(&format!("/api/v1/procedures?q={}", urlencoding(&long))).await;
    assert_problem(response, 400, "invalid_query").await;
}
