//! The outbox delivers mail over real SMTP, survives outages and restarts, and sends each
//! mail once even with two server instances.

use std::net::TcpListener;
use std::time::Duration;

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kontakt::schema::outbox_emails;
use kontakt_tests::users::PASSWORD;
use kontakt_tests::{MailServer, TestApp};
use serde_json::json;

async fn outbox_state(app: &TestApp) -> Vec<(i32, bool)> {
    let mut conn = app.db.connect().await;
    outbox_emails::table
        .select((outbox_emails::attempts, outbox_emails::sent_at.is_not_null()))
        .order(outbox_emails::id)
        .load(&mut conn)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_smtp_outage_delays_mail_but_loses_none() {
    // Reserve a port, then free it: nothing listens there until the "outage" ends.
    let reserved = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = reserved.local_addr().unwrap().port();
    drop(reserved);
    let app = TestApp::spawn_with(|config| config.smtp_url = format!("smtp://127.0.0.1:{port}").into()).await;
    app.seed_terms().await;
    assert_eq!(app.register("patient@example.org", PASSWORD).await.status(), 202);

    // Delivery fails and is retried with backoff; the mail stays queued.
    let mut waited = 0;
    loop {
        let state = outbox_state(&app).await;
        if matches!(state.as_slice(), [(attempts, _), ..] if *attempts >= 2) {
            assert!(!state[0].1);
            break;
        }
        waited += 1;
        assert!(waited < 100, "no failed attempts recorded: {state:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // The SMTP server comes back on the same port.
    let server = MailServer::start_on(TcpListener::bind(("127.0.0.1", port)).unwrap());
    let mail = server.wait_for("patient@example.org", 1).await;
    assert!(mail.body.contains("verify-email?token="));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(server.all().len(), 1, "sent exactly once");
    assert!(outbox_state(&app).await[0].1);
}

#[tokio::test]
async fn a_restart_does_not_resend_and_two_instances_send_each_mail_once() {
    // Thirty registrations come from one address here; lift the per-client mail limit.
    let app = TestApp::spawn_with(|config| config.email_requests_per_ip = 100).await;
    app.seed_terms().await;
    assert_eq!(app.register("first@example.org", PASSWORD).await.status(), 202);
    app.mail.wait_for("first@example.org", 1).await;

    // Restart: the old instance stops, a new one starts on the same database.
    app.stop().await;
    let (second, _handle) = app.spawn_sibling();
    let (third, _handle) = app.spawn_sibling();
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(app.mail.all().len(), 1, "nothing resent after the restart");

    // Many mails queued through both running instances are each delivered once.
    let client = reqwest::Client::new();
    for i in 0..30 {
        let base = if i % 2 == 0 { &second } else { &third };
        let body = json!({ "first_name": "A", "last_name": "B", "email": format!("user{i}@example.org"), "password": PASSWORD, "accepted_terms_version": "1.0" });
        let response = client
            .post(format!("{base}/api/v1/auth/register"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 202);
    }
    app.mail.wait_for("user29@example.org", 1).await;
    for i in 0..30 {
        app.mail.wait_for(&format!("user{i}@example.org"), 1).await;
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(app.mail.all().len(), 31, "each mail exactly once");
}
