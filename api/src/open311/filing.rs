//! POST Service Request: an app files an issue with its `api_key`, form-encoded as
//! GeoReport v2 has it. The request goes through the same checks, moderation, routing and
//! deadlines as any other issue (`issues::intake::file`); the app is recorded as its source.

use std::collections::BTreeMap;

use actix_web::{HttpMessage, HttpRequest, HttpResponse, post, web};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::format::{ErrorResponses, Format, Open311Error, reply};
use super::params::{JurisdictionQuery, list};
use crate::accounts::model::Language;
use crate::app::AppState;
use crate::apps::keys::{self, ApiClient};
use crate::apps::model::Scope;
use crate::error::AppError;
use crate::issues::intake::{self, Contact, NewIssue};
use crate::issues::model::Channel;
use crate::issues::view::Location;
use crate::org::categories;
use crate::org::fields::{FieldDefinition, FieldType};

/// The longest title taken from the description (Open311 requests have no title).
const TITLE_CHARS: usize = 80;

/// The answer to a filed request: its id at once (no token).
#[derive(Debug, Serialize, ToSchema)]
pub struct FiledRequest {
    /// The issue's number with a dash (`2026-000123`).
    pub service_request_id: String,
    /// What happens next.
    pub service_notice: String,
    /// Always null: reporters are not given accounts through Open311.
    pub account_id: Option<String>,
}

/// The form's fields: single values, and `attribute[code]` / `attribute[code][]` values.
#[derive(Debug, Default)]
pub(super) struct Form {
    values: BTreeMap<String, String>,
    attributes: BTreeMap<String, Vec<String>>,
}

impl Form {
    /// Parses the body; empty values count as absent, as everywhere in GeoReport.
    pub(super) fn parse(body: &[u8]) -> Self {
        let mut form = Self::default();
        for (name, value) in form_urlencoded::parse(body) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if let Some(rest) = name.strip_prefix("attribute[") {
                let code = rest.trim_end_matches("[]").trim_end_matches(']');
                form.attributes
                    .entry(code.to_owned())
                    .or_default()
                    .push(value.to_owned());
            } else {
                form.values.insert(name.into_owned(), value.to_owned());
            }
        }
        form
    }

    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }
}

/// An attribute's text values as the JSON its field expects; what does not convert is
/// passed on as text so that the field's own check names the problem.
fn attribute_value(field: Option<&FieldDefinition>, mut texts: Vec<String>) -> Value {
    let kind = field.map(|f| f.field_type);
    if kind == Some(FieldType::MultiSelect) {
        let items = texts
            .iter()
            .flat_map(|t| list(Some(t)))
            .map(|t| Value::String(t.to_owned()));
        return Value::Array(items.collect());
    }
    let text = texts.pop().unwrap_or_default();
    match kind {
        Some(FieldType::Number) => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(text), Value::Number),
        Some(FieldType::Boolean) => match text.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(text),
        },
        // A GeoReport datetime carries the day first.
        Some(FieldType::Date) if text.len() > 10 && text.is_char_boundary(10) => Value::String(text[..10].to_owned()),
        _ => Value::String(text),
    }
}

/// The first words of the description, as the issue's title.
fn title_of(description: &str) -> String {
    let first_line = description.lines().next().unwrap_or_default().trim();
    if first_line.chars().count() <= TITLE_CHARS {
        return first_line.to_owned();
    }
    let cut: String = first_line.chars().take(TITLE_CHARS - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).trim_end();
    format!("{cut}…")
}

fn parse_coordinate(form: &Form, name: &str) -> Result<Option<f64>, Open311Error> {
    form.get(name)
        .map(|text| {
            text.parse::<f64>()
                .map_err(|_| Open311Error::bad_request(format!("{name} `{text}` is not a number.")))
        })
        .transpose()
}

/// The issue the form describes.
async fn new_issue(state: &AppState, form: &Form) -> Result<NewIssue, Open311Error> {
    let code = form
        .get("service_code")
        .ok_or_else(|| Open311Error::bad_request("service_code is required."))?;
    let mut conn = state.pool.get().await?;
    let category = categories::find_by_slug(&mut conn, code)
        .await?
        .ok_or_else(|| Open311Error::not_found(format!("service_code `{code}` was not found.")))?;
    let description = form
        .get("description")
        .ok_or_else(|| Open311Error::bad_request("description is required: say what the problem is."))?;
    let location = match (parse_coordinate(form, "lat")?, parse_coordinate(form, "long")?) {
        (Some(lat), Some(lon)) => Some(Location { lat, lon }),
        (None, None) => None,
        _ => {
            return Err(Open311Error::bad_request(
                "lat and long go together: give both or neither.",
            ));
        }
    };
    let address = form.get("address_string").map(str::to_owned);
    if location.is_none() && address.is_none() {
        return Err(Open311Error::bad_request(
            "A location is required: lat and long, or address_string (address_id is not supported).",
        ));
    }
    let fields = &category.fields.0;
    let field_values = form
        .attributes
        .iter()
        .map(|(code, texts)| {
            let field = fields.iter().find(|f| &f.key == code);
            (code.clone(), attribute_value(field, texts.clone()))
        })
        .collect();
    let name = [form.get("first_name"), form.get("last_name")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let contact = Contact {
        name: Some(name).filter(|n| !n.is_empty()),
        email: form.get("email").map(str::to_owned),
        phone: form.get("phone").map(str::to_owned),
        // The app collects the reporter's consent before it sends contact data.
        consent: true,
    };
    let has_contact = contact.name.is_some() || contact.email.is_some() || contact.phone.is_some();
    Ok(NewIssue {
        category: category.slug,
        title: title_of(description),
        description: description.to_owned(),
        location,
        address,
        field_values,
        contact: has_contact.then_some(contact),
        channel: Some(Channel::Api),
        language: match form.get("locale") {
            Some("en") => Language::En,
            _ => Language::Pl,
        },
    })
}

/// Our field names in GeoReport's words, so that an app's developer finds the parameter.
fn open311_field(field: &str) -> String {
    if let Some(code) = field.strip_prefix("field_values.") {
        return format!("attribute[{code}]");
    }
    match field {
        "category" => "service_code".into(),
        "location" => "lat/long".into(),
        "address" => "address_string".into(),
        "title" => "description".into(),
        "contact.name" => "first_name/last_name".into(),
        "contact.email" => "email".into(),
        "contact.phone" => "phone".into(),
        other => other.into(),
    }
}

/// The key in `api_key`; a key that is missing, wrong, revoked or of a disabled app is 403.
pub async fn authenticate(state: &AppState, form_key: Option<&str>, scope: Scope) -> Result<ApiClient, Open311Error> {
    let key = form_key.ok_or_else(|| Open311Error::forbidden("api_key is required to post; ask the city for one."))?;
    let mut conn = state.pool.get().await?;
    let client = keys::authenticate(&mut conn, key, state.clock.now()).await?;
    client.require(scope)?;
    Ok(client)
}

/// Reads a posted form: its jurisdiction, its content type, and the app behind its
/// `api_key`, which must have `scope`.
pub(super) async fn read_form(
    state: &AppState,
    req: &HttpRequest,
    body: &[u8],
    scope: Scope,
) -> Result<(Form, ApiClient), Open311Error> {
    let form = Form::parse(body);
    JurisdictionQuery {
        jurisdiction_id: form.get("jurisdiction_id").map(str::to_owned),
    }
    .check(&state.config.public_url)?;
    let content_type = req.content_type();
    if !content_type.is_empty() && content_type != "application/x-www-form-urlencoded" {
        return Err(Open311Error::bad_request(
            "Send the form as application/x-www-form-urlencoded.",
        ));
    }
    let app = authenticate(state, form.get("api_key"), scope).await?;
    Ok((form, app))
}

/// POST Service Request (`application/x-www-form-urlencoded`): `api_key`, `service_code`,
/// `lat`+`long` or `address_string`, `description`, `attribute[code]=value` (and
/// `attribute[code][]=value` for lists), optionally `email`, `first_name`, `last_name`,
/// `phone` (sent only with the reporter's consent), `jurisdiction_id`. Checked like the REST
/// API; `media_url` is not fetched (upload photos through `POST /api/v1/issues`).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_create_request",
    params(("format" = inline(Format), Path, description = "`json` or `xml`")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded",
        description = "GeoReport v2 fields, with `api_key`"),
    responses(
        (status = 200, description = "Filed: the id at once (`<service_requests><request>…` in XML)", content(
            (Vec<FiledRequest> = "application/json"), (String = "text/xml"))),
        ErrorResponses,
    ),
)]
#[post("/requests.{format}")]
pub async fn create_request(
    state: web::Data<AppState>,
    format: web::Path<String>,
    req: HttpRequest,
    body: web::Bytes,
) -> HttpResponse {
    reply(&format, "service_requests", async {
        let (form, app) = read_form(&state, &req, &body, Scope::IssuesCreate).await?;
        let issue = new_issue(&state, &form).await?;
        let mut conn = state.pool.get().await?;
        let created = intake::file(&state, &mut conn, &issue, Vec::new(), None, Some(&app), None)
            .await
            .map_err(|error| match error {
                AppError::Client {
                    status,
                    code,
                    detail,
                    errors,
                    retry_after_secs,
                } => AppError::Client {
                    status,
                    code,
                    detail,
                    errors: errors
                        .into_iter()
                        .map(|mut e| {
                            e.field = open311_field(&e.field);
                            e
                        })
                        .collect(),
                    retry_after_secs,
                },
                other => other,
            })?;
        Ok(vec![FiledRequest {
            service_request_id: created.number.replace('/', "-"),
            service_notice: "Received. A moderator checks the request before it is published; the unit answers within the legal deadlines.".into(),
            account_id: None,
        }])
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_as_single_values_and_lists() {
        let form =
            Form::parse(b"attribute[size_cm]=40&attribute[kinds][]=a&attribute[kinds][]=b&attribute[empty]=&api_key=k");
        assert_eq!(form.attributes["size_cm"], ["40"]);
        assert_eq!(form.attributes["kinds"], ["a", "b"]);
        assert!(!form.attributes.contains_key("empty"));
        assert_eq!(form.get("api_key"), Some("k"));
    }

    #[test]
    fn long_descriptions_give_a_title_cut_at_a_word() {
        assert_eq!(title_of("Dziura w jezdni\nprzy szkole"), "Dziura w jezdni");
        let long = "słowo ".repeat(30);
        let title = title_of(&long);
        assert!(title.chars().count() <= TITLE_CHARS, "{title}");
        assert!(title.ends_with("słowo…"), "{title}");
    }

    #[test]
    fn field_names_are_said_in_open311_terms() {
        assert_eq!(open311_field("field_values.size_cm"), "attribute[size_cm]");
        assert_eq!(open311_field("category"), "service_code");
        assert_eq!(open311_field("location"), "lat/long");
    }
}
