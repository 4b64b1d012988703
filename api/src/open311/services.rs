//! Services are the categories residents can report in now; a category's extra fields are
//! its service definition's attributes.

use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::format::{ErrorResponses, Format, Open311Error, reply};
use super::params::{JurisdictionQuery, Locale, LocaleQuery, read};
use crate::app::AppState;
use crate::org::categories::{self, Category};
use crate::org::fields::{FieldDefinition, FieldType};

/// How requests of a service are answered: at once, with the request's id.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ServiceType {
    Realtime,
}

/// A type of request residents can file (a category).
#[derive(Debug, Serialize, ToSchema)]
pub struct Service {
    /// The category's slug.
    pub service_code: String,
    pub service_name: String,
    pub description: Option<String>,
    /// Whether the service has attributes (extra fields); see its service definition.
    pub metadata: bool,
    #[serde(rename = "type")]
    pub service_type: ServiceType,
    /// The service's and its group's names in the other language, as search synonyms.
    pub keywords: Option<String>,
    /// The category's group.
    pub group: Option<String>,
}

/// What a service asks for beyond the location and description.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceDefinition {
    pub service_code: String,
    pub attributes: Vec<Attribute>,
}

/// How an attribute's value is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Datatype {
    /// One line of text (our `text` fields, shown as a single-line input).
    String,
    Number,
    /// Our `date` fields: a day, `YYYY-MM-DD`.
    Datetime,
    /// Our `select` and `boolean` fields.
    Singlevaluelist,
    /// Our `multi_select` fields.
    Multivaluelist,
}

/// One extra field of a category.
#[derive(Debug, Serialize, ToSchema)]
pub struct Attribute {
    /// Always true: every field asks for the reporter's input.
    pub variable: bool,
    /// The field's key (`attribute[<code>]` when filing).
    pub code: String,
    pub datatype: Datatype,
    pub required: bool,
    /// The expected form of the value.
    pub datatype_description: Option<String>,
    /// Position in the form, from 1.
    pub order: u32,
    /// The field's label, with its help text when there is one.
    pub description: String,
    /// The choices of list attributes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<AttributeValue>,
}

/// A choice of a list attribute.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttributeValue {
    pub key: String,
    pub name: String,
}

fn service(category: &Category, locale: Locale) -> Service {
    let other = match locale {
        Locale::Pl => Locale::En,
        Locale::En => Locale::Pl,
    };
    let name_in = |locale: Locale| locale.pick(&category.name_pl, &category.name_en).to_owned();
    let group_in = |locale: Locale| locale.pick(&category.group_pl, &category.group_en).to_owned();
    let description = locale.pick(&category.description_pl, &category.description_en);
    Service {
        service_code: category.slug.clone(),
        service_name: name_in(locale),
        description: description.clone(),
        metadata: !category.fields.0.is_empty(),
        service_type: ServiceType::Realtime,
        keywords: Some(format!("{}, {}", name_in(other), group_in(other))),
        group: Some(group_in(locale)),
    }
}

/// The attributes of a category's fields, in form order.
pub fn attributes(fields: &[FieldDefinition], locale: Locale) -> Vec<Attribute> {
    let mut fields: Vec<&FieldDefinition> = fields.iter().collect();
    fields.sort_by_key(|field| field.order);
    fields
        .into_iter()
        .zip(1..)
        .map(|(field, order)| attribute(field, order, locale))
        .collect()
}

fn attribute(field: &FieldDefinition, order: u32, locale: Locale) -> Attribute {
    let text = |pl: &str, en: &str| Some(locale.pick(pl, en).to_owned());
    let (datatype, datatype_description, values) = match field.field_type {
        FieldType::Text => {
            let max = field.max_length.unwrap_or(500);
            let described = locale.pick("Tekst, najwyżej {max} znaków", "Text, at most {max} characters");
            (
                Datatype::String,
                Some(described.replace("{max}", &max.to_string())),
                Vec::new(),
            )
        }
        FieldType::Number => (Datatype::Number, number_range(field, locale), Vec::new()),
        FieldType::Date => (
            Datatype::Datetime,
            text("Data: RRRR-MM-DD", "A date: YYYY-MM-DD"),
            Vec::new(),
        ),
        FieldType::Boolean => {
            let values = [("true", "Tak", "Yes"), ("false", "Nie", "No")]
                .into_iter()
                .map(|(key, pl, en)| AttributeValue {
                    key: key.into(),
                    name: locale.pick(pl, en).into(),
                })
                .collect();
            (Datatype::Singlevaluelist, text("Tak lub nie", "Yes or no"), values)
        }
        FieldType::Select | FieldType::MultiSelect => {
            let values = field
                .options
                .iter()
                .map(|option| AttributeValue {
                    key: option.value.clone(),
                    name: locale.pick(&option.label_pl, &option.label_en).to_owned(),
                })
                .collect();
            if field.field_type == FieldType::Select {
                (
                    Datatype::Singlevaluelist,
                    text("Jedna z wartości", "One of the values"),
                    values,
                )
            } else {
                (
                    Datatype::Multivaluelist,
                    text("Jedna lub więcej wartości", "One or more of the values"),
                    values,
                )
            }
        }
    };
    let label = locale.pick(&field.label_pl, &field.label_en);
    let help = locale.pick(field.help_pl.as_deref(), field.help_en.as_deref());
    Attribute {
        variable: true,
        code: field.key.clone(),
        datatype,
        required: field.required,
        datatype_description,
        order,
        description: help.map_or_else(|| label.to_owned(), |help| format!("{label}. {help}")),
        values,
    }
}

fn number_range(field: &FieldDefinition, locale: Locale) -> Option<String> {
    let described = match (field.min, field.max) {
        (Some(_), Some(_)) => locale.pick("Liczba od {min} do {max}", "A number from {min} to {max}"),
        (Some(_), None) => locale.pick("Liczba nie mniejsza niż {min}", "A number of at least {min}"),
        (None, Some(_)) => locale.pick("Liczba nie większa niż {max}", "A number of at most {max}"),
        (None, None) => locale.pick("Liczba", "A number"),
    };
    let shown = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    Some(
        described
            .replace("{min}", &shown(field.min))
            .replace("{max}", &shown(field.max)),
    )
}

/// The categories offered now, in list order.
async fn offered(state: &AppState) -> Result<Vec<Category>, Open311Error> {
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    Ok(categories::all(&mut conn)
        .await?
        .into_iter()
        .filter(|category| category.is_offered(now))
        .collect())
}

/// GET Service List: the categories residents can report in now.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_list_services",
    params(("format" = inline(Format), Path, description = "`json` or `xml`"), JurisdictionQuery, LocaleQuery),
    responses(
        (status = 200, description = "The services (`<services><service>…` in XML)", content(
            (Vec<Service> = "application/json"), (String = "text/xml"))),
        ErrorResponses,
    ),
)]
#[get("/services.{format}")]
pub async fn list_services(state: web::Data<AppState>, format: web::Path<String>, req: HttpRequest) -> HttpResponse {
    reply(&format, "services", async {
        read::<JurisdictionQuery>(req.query_string())?.check(&state.config.public_url)?;
        let locale = read::<LocaleQuery>(req.query_string())?.locale()?;
        let services: Vec<Service> = offered(&state).await?.iter().map(|c| service(c, locale)).collect();
        Ok(services)
    })
    .await
}

/// GET Service Definition: the attributes (extra fields) of a service.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_get_service_definition",
    params(
        ("service_code" = String, Path, description = "The service's code (a category slug)"),
        ("format" = inline(Format), Path, description = "`json` or `xml`"),
        JurisdictionQuery,
        LocaleQuery,
    ),
    responses(
        (status = 200, description = "The definition (`<service_definition>` in XML; an object in JSON)", content(
            (ServiceDefinition = "application/json"), (String = "text/xml"))),
        ErrorResponses,
    ),
)]
#[get("/services/{service_code}.{format}")]
pub async fn get_service_definition(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> HttpResponse {
    let (code, format) = path.into_inner();
    reply(&format, "service_definition", async {
        read::<JurisdictionQuery>(req.query_string())?.check(&state.config.public_url)?;
        let locale = read::<LocaleQuery>(req.query_string())?.locale()?;
        let category = offered(&state)
            .await?
            .into_iter()
            .find(|category| category.slug == code)
            .ok_or_else(|| Open311Error::not_found(format!("service_code `{code}` was not found.")))?;
        Ok(ServiceDefinition {
            attributes: attributes(&category.fields.0, locale),
            service_code: category.slug,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields() -> Vec<FieldDefinition> {
        serde_json::from_value(json!([
            {"key": "dangerous", "type": "boolean", "order": 3, "label_pl": "Groźne", "label_en": "Dangerous"},
            {"key": "size_cm", "type": "number", "order": 2, "label_pl": "Rozmiar", "label_en": "Size", "min": 0, "max": 500},
            {"key": "surface", "type": "select", "required": true, "order": 1, "label_pl": "Gdzie", "label_en": "Where",
             "help_pl": "Wybierz", "help_en": "Choose", "options": [
                {"value": "road", "label_pl": "Jezdnia", "label_en": "Road"}]},
            {"key": "kinds", "type": "multi_select", "order": 4, "label_pl": "Rodzaj", "label_en": "Kind", "options": [
                {"value": "a", "label_pl": "A", "label_en": "A"}]},
            {"key": "since", "type": "date", "order": 5, "label_pl": "Od", "label_en": "Since"},
            {"key": "pole", "type": "text", "order": 6, "label_pl": "Słup", "label_en": "Pole", "max_length": 30}
        ]))
        .unwrap()
    }

    #[test]
    fn fields_become_attributes_in_form_order_with_spec_datatypes() {
        let attributes = serde_json::to_value(attributes(&fields(), Locale::En)).unwrap();
        let summary: Vec<(String, String, u64)> = attributes
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["code"].as_str().unwrap().to_owned(),
                    a["datatype"].as_str().unwrap().to_owned(),
                    a["order"].as_u64().unwrap(),
                )
            })
            .collect();
        let expected = [
            ("surface", "singlevaluelist", 1),
            ("size_cm", "number", 2),
            ("dangerous", "singlevaluelist", 3),
            ("kinds", "multivaluelist", 4),
            ("since", "datetime", 5),
            ("pole", "string", 6),
        ];
        let expected: Vec<(String, String, u64)> = expected
            .iter()
            .map(|(c, d, o)| ((*c).into(), (*d).into(), *o))
            .collect();
        assert_eq!(summary, expected);
        assert_eq!(attributes[0]["description"], "Where. Choose");
        assert_eq!(attributes[0]["required"], true);
        assert_eq!(attributes[0]["variable"], true);
        assert_eq!(attributes[0]["values"], json!([{"key": "road", "name": "Road"}]));
        assert_eq!(attributes[1]["datatype_description"], "A number from 0 to 500");
        assert_eq!(attributes[1].get("values"), None);
        assert_eq!(
            attributes[2]["values"],
            json!([{"key": "true", "name": "Yes"}, {"key": "false", "name": "No"}])
        );
        assert_eq!(attributes[5]["datatype_description"], "Text, at most 30 characters");
        let polish = serde_json::to_value(super::attributes(&fields(), Locale::Pl)).unwrap();
        assert_eq!(polish[0]["values"][0]["name"], "Jezdnia");
    }
}
