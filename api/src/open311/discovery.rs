//! Service Discovery: where this city's GeoReport v2 endpoint is and what it speaks.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use diesel::dsl::max;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde::Serialize;
use utoipa::ToSchema;

use super::format::{ErrorResponses, Format, Open311Error, reply, whole_seconds};
use crate::app::AppState;
use crate::schema::categories;

/// The specification the endpoint implements.
const SPECIFICATION: &str = "http://wiki.open311.org/GeoReport_v2";

/// Whether an endpoint's requests are acted upon.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EndpointType {
    Production,
}

/// One Open311 endpoint of this provider.
#[derive(Debug, Serialize, ToSchema)]
pub struct Endpoint {
    pub specification: String,
    pub url: String,
    /// The last change to the services or their definitions.
    pub changeset: DateTime<Utc>,
    #[serde(rename = "type")]
    pub endpoint_type: EndpointType,
    /// The MIME types served.
    pub formats: Vec<String>,
}

/// The service discovery document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Discovery {
    /// The last change to the services or their definitions: clients refresh cached
    /// services when it moves.
    pub changeset: DateTime<Utc>,
    pub contact: String,
    pub key_service: String,
    pub endpoints: Vec<Endpoint>,
}

/// Service Discovery: this city's GeoReport v2 endpoint, its formats, and when its services
/// last changed.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_discovery",
    params(("format" = inline(Format), Path, description = "`json` or `xml`")),
    responses(
        (status = 200, description = "The discovery document (`<discovery>` in XML; an object in JSON)", content(
            (Discovery = "application/json"), (String = "text/xml"))),
        ErrorResponses,
    ),
)]
#[get("/discovery.{format}")]
pub async fn discovery(state: web::Data<AppState>, format: web::Path<String>) -> HttpResponse {
    reply(&format, "discovery", async {
        let mut conn = state.pool.get().await?;
        let changed: Option<DateTime<Utc>> = categories::table
            .select(max(categories::updated_at))
            .first(&mut conn)
            .await?;
        let changeset = whole_seconds(changed.unwrap_or(DateTime::UNIX_EPOCH));
        let site = state.config.public_url.trim_end_matches('/');
        Ok::<_, Open311Error>(Discovery {
            changeset,
            contact: format!(
                "Kontakt, {}: {site}/ — the API is documented at {site}/api/docs",
                state.config.city_name
            ),
            key_service: "Reading needs no key. API keys for filing requests are issued by the city's administrators."
                .into(),
            endpoints: vec![Endpoint {
                specification: SPECIFICATION.into(),
                url: format!("{site}/open311/v2"),
                changeset,
                endpoint_type: EndpointType::Production,
                formats: vec!["text/xml".into(), "application/json".into()],
            }],
        })
    })
    .await
}
