//! The OpenAPI document, assembled from the routes each domain registers.

use actix_web::App;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::error::{FieldError, Problem};

/// Document-level metadata; paths and schemas are collected from the routes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kontakt API",
        description = "The REST API of Kontakt, a city's resident-contact platform: residents report \
problems in public space and follow them to the end, operators handle them against deadlines, and the \
city publishes its procedures. The web UI uses this API and nothing else. Errors are RFC 9457 \
`application/problem+json` documents with a stable `code`. Third-party apps: see the integrators' guide (docs/integrators.md in the source repository) for API keys (`X-Api-Key`), filing issues and Open311 GeoReport v2 at /open311/v2.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    tags(
        (name = "operations", description = "Health, readiness"),
        (name = "city", description = "The city and its managed area"),
        (name = "units", description = "The city's organisational units"),
        (name = "auth", description = "Registration, login, sessions, password reset, second factor"),
        (name = "accounts", description = "One's own account, inbox, data export; terms of service"),
        (name = "administration", description = "Accounts, roles, blocking, invitations, messages, personal-data access log"),
        (name = "categories", description = "What residents can report, with extra fields"),
        (name = "issues", description = "Filing, public map and list, detail, photos, support, tracking, open data"),
        (name = "moderation", description = "The moderation gate and staff views of issues"),
        (name = "workflow", description = "Operators' queue, statuses, deadlines, transfers, merges, responses, information requests, templates"),
        (name = "knowledge", description = "The knowledge base of procedures: browse, search, feeds; editing, review and publication"),
        (name = "statistics", description = "Counts, deadline compliance, times in working days, backlog and trends for staff (JSON, CSV, heat map); public figures per unit (docs/statistics.md)"),
        (name = "apps", description = "Third-party apps and their API keys (administrators)"),
        (name = "webhooks", description = "Webhook subscriptions of apps and units, delivery logs and redelivery. Each delivery POSTs a `WebhookPayload` as JSON with the headers `Kontakt-Event`, `Kontakt-Delivery` (a unique id) and `Kontakt-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the subscription's secret>` (docs/webhooks.md)."),
        (name = "open311", description = "Open311 GeoReport v2 at /open311/v2 (JSON and XML), with mySociety's servicerequestupdates"),
    ),
    components(schemas(Problem, FieldError, crate::workflow::queue::QueueSort, crate::webhooks::payload::WebhookPayload)),
    modifiers(&SecuritySchemes, &Webhooks),
)]
pub struct ApiDoc;

/// Declares the security schemes that protected operations refer to: staff and residents
/// use bearer tokens, third-party apps their API keys.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from /api/v1/auth/login or /api/v1/auth/refresh (valid 10 minutes).",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                crate::apps::keys::HEADER,
                "An app's key, issued by the city's administrators (docs/integrators.md).",
            ))),
        );
    }
}

/// Describes what webhook receivers get (OpenAPI 3.1 `webhooks`): one POST per event with
/// a `WebhookPayload` body and the delivery headers.
struct Webhooks;

impl Modify for Webhooks {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem};
        use utoipa::openapi::request_body::RequestBodyBuilder;
        use utoipa::openapi::{ContentBuilder, PathsBuilder, Ref, Required, Response};

        let header = |name: &str, description: &str| {
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Header)
                .required(Required::True)
                .description(Some(description))
                .schema(Some(utoipa::openapi::schema::Object::with_type(
                    utoipa::openapi::schema::Type::String,
                )))
                .build()
        };
        let mut paths = PathsBuilder::new();
        for event in crate::webhooks::model::WebhookEvent::ALL {
            let operation = OperationBuilder::new()
                .tag("webhooks")
                .summary(Some(format!("The `{}` event", event.as_str())))
                .parameter(header("Kontakt-Event", "The event, as in the body's `type`."))
                .parameter(header("Kontakt-Delivery", "The delivery's id (a redelivery has a new one; the event's `id` stays)."))
                .parameter(header(
                    "Kontakt-Signature",
                    "`t=<unix time>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" keyed with the subscription's secret>`; reject old timestamps to stop replays.",
                ))
                .request_body(Some(
                    RequestBodyBuilder::new()
                        .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("WebhookPayload"))).build())
                        .required(Some(Required::True))
                        .build(),
                ))
                .response("2XX", Response::new("Taken; any other answer or no answer within 10 s is retried with backoff for about 32 hours."))
                .build();
            paths = paths.path(event.as_str(), PathItem::new(HttpMethod::Post, operation));
        }
        openapi.webhooks = Some(paths.build());
    }
}

/// The complete document, as served at `/api/openapi.json` and committed in `openapi/`.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(crate::app::routes)
        .split_for_parts();
    doc
}

/// The document as pretty JSON with a trailing newline (the committed form).
pub fn document_json() -> anyhow::Result<String> {
    Ok(document().to_pretty_json()? + "\n")
}
