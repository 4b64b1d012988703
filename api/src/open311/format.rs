//! GeoReport's two formats and its error documents.
//!
//! JSON is what serde writes for the response types (bare arrays, as in the specification's
//! examples). XML follows from the same JSON by the specification's "Spark convention": an
//! object is an element with a child per member, an array an element with one child per
//! item named after the array (`services` → `service`), and `null` an empty element.
//! Errors are `[{code, description}]` / `<errors><error>…`, never problem+json, which is why
//! their responses carry [`ForeignErrorBody`].

use std::fmt;
use std::io;

use actix_web::body::BoxBody;
use actix_web::http::header::{ALLOW, CONTENT_TYPE, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, SubsecRound, Utc};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use utoipa::openapi::{ContentBuilder, ObjectBuilder, RefOr, ResponseBuilder, ResponsesBuilder, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::error::{AppError, ForeignErrorBody};
use crate::web::RouteTable;

const JSON: &str = "application/json; charset=utf-8";
const XML: &str = "text/xml; charset=utf-8";

/// The format named by the resource's extension (`services.json`, `services.xml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    /// The format of an extension; any other is a resource that does not exist (404).
    pub fn from_extension(extension: &str) -> Result<Self, Open311Error> {
        match extension {
            "json" => Ok(Self::Json),
            "xml" => Ok(Self::Xml),
            other => Err(Open311Error::not_found(format!(
                "There is no `.{other}` format; use `.xml` or `.json`."
            ))),
        }
    }

    /// The format of the last segment of a path (`…/requests.json`); XML, the format the
    /// specification requires, for anything else.
    pub fn of_path(path: &str) -> Self {
        if path.ends_with(".json") { Self::Json } else { Self::Xml }
    }

    /// `body` as a `status` response; `root` names the XML document element.
    fn document<T: Serialize>(self, status: StatusCode, root: &str, body: &T) -> HttpResponse {
        let rendered = match self {
            Self::Json => serde_json::to_vec(body).map_err(io::Error::other),
            Self::Xml => to_xml(root, body),
        };
        match rendered {
            Ok(bytes) => HttpResponse::build(status)
                .insert_header((CONTENT_TYPE, self.content_type()))
                .body(bytes),
            Err(error) => Open311Error::from(AppError::Internal(error.into())).respond(self),
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Self::Json => JSON,
            Self::Xml => XML,
        }
    }
}

/// Runs the work of an Open311 call and answers with its result in the format named by
/// `extension`: `body` under the XML element `root`, or the error document.
pub async fn reply<T: Serialize>(
    extension: &str,
    root: &str,
    work: impl Future<Output = Result<T, Open311Error>>,
) -> HttpResponse {
    let format = match Format::from_extension(extension) {
        Ok(format) => format,
        Err(error) => return error.respond(Format::Xml),
    };
    match work.await {
        Ok(body) => format.document(StatusCode::OK, root, &body),
        Err(error) => error.respond(format),
    }
}

/// Times as the specification's examples write them: whole seconds (serialised in UTC with
/// `Z`).
pub fn whole_seconds(at: DateTime<Utc>) -> DateTime<Utc> {
    at.trunc_subsecs(0)
}

/// One entry of an error document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorEntry {
    /// The HTTP status code of the response.
    pub code: u16,
    /// What went wrong, for a person; it names the parameter at fault.
    pub description: String,
}

/// A failed Open311 call: 400 (a parameter is wrong), 404 (no such resource), 405 (a
/// resource asked with another method) or, for failures of the server itself, 500/503.
#[derive(Debug)]
pub struct Open311Error {
    status: StatusCode,
    description: String,
    /// For 429: when the key may call again (`Retry-After`).
    retry_after: Option<u64>,
}

impl Open311Error {
    fn new(status: StatusCode, description: impl Into<String>) -> Self {
        Self {
            status,
            description: description.into(),
            retry_after: None,
        }
    }

    pub fn bad_request(description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, description)
    }

    pub fn not_found(description: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, description)
    }

    /// A missing, wrong or revoked `api_key`, or a key without the needed scope.
    pub fn forbidden(description: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, description)
    }

    /// The error document in `format`.
    pub fn respond(&self, format: Format) -> HttpResponse {
        let body = [ErrorEntry {
            code: self.status.as_u16(),
            description: self.description.clone(),
        }];
        let mut response = format.document(self.status, "errors", &body);
        if let Some(seconds) = self.retry_after
            && let Ok(value) = actix_web::http::header::HeaderValue::from_str(&seconds.to_string())
        {
            response
                .headers_mut()
                .insert(actix_web::http::header::RETRY_AFTER, value);
        }
        response.extensions_mut().insert(ForeignErrorBody);
        response
    }
}

impl fmt::Display for Open311Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status, self.description)
    }
}

/// The domains' errors in Open311's shape. Internal causes are logged, never sent.
impl From<AppError> for Open311Error {
    fn from(error: AppError) -> Self {
        match error {
            // GeoReport answers a bad key with 403 and a bad parameter with 400; each wrong
            // field is named in the description.
            AppError::Client {
                status,
                detail,
                errors,
                retry_after_secs,
                ..
            } => {
                let status = match status {
                    StatusCode::UNAUTHORIZED => StatusCode::FORBIDDEN,
                    StatusCode::UNPROCESSABLE_ENTITY => StatusCode::BAD_REQUEST,
                    other => other,
                };
                let description = if errors.is_empty() {
                    detail
                } else {
                    errors
                        .iter()
                        .map(|error| format!("{}: {}", error.field, error.message))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                Self {
                    status,
                    description,
                    retry_after: retry_after_secs,
                }
            }
            AppError::Unavailable(cause) => {
                tracing::warn!(%cause, "database unavailable");
                Self::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "The service is temporarily unavailable. Please try again shortly.",
                )
            }
            AppError::Internal(cause) => {
                tracing::error!(error = ?cause, "internal error");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "An unexpected error occurred. It has been logged; quote the x-request-id header when reporting it.",
                )
            }
        }
    }
}

impl From<diesel::result::Error> for Open311Error {
    fn from(error: diesel::result::Error) -> Self {
        AppError::from(error).into()
    }
}

impl From<crate::db::PoolError> for Open311Error {
    fn from(error: crate::db::PoolError) -> Self {
        AppError::from(error).into()
    }
}

/// Answers, in Open311's shape, every request below `/open311/v2` that no route took: 405
/// with `Allow` for a resource asked with another method, else 404.
pub async fn no_such_resource(req: HttpRequest, table: web::Data<RouteTable>) -> HttpResponse<BoxBody> {
    let path = req.path();
    let format = Format::of_path(path);
    let Some(methods) = table.allowed(path) else {
        return Open311Error::not_found(format!("There is no Open311 resource at {path}.")).respond(format);
    };
    let allow = methods.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
    let error = Open311Error::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{} is not allowed on {path}; allowed: {allow}.", req.method()),
    );
    let mut response = error.respond(format);
    if let Ok(value) = HeaderValue::from_str(&allow) {
        response.headers_mut().insert(ALLOW, value);
    }
    response
}

/// The error responses every Open311 call may give, for the OpenAPI document.
pub struct ErrorResponses;

impl utoipa::IntoResponses for ErrorResponses {
    fn responses() -> std::collections::BTreeMap<String, RefOr<utoipa::openapi::Response>> {
        let list = utoipa::openapi::schema::ArrayBuilder::new()
            .items(ErrorEntry::schema())
            .build();
        let xml = ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("`<errors><error><code/><description/></error></errors>`"))
            .build();
        let response = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new().schema(Some(list.clone())).build(),
                )
                .content("text/xml", ContentBuilder::new().schema(Some(xml.clone())).build())
                .build()
        };
        ResponsesBuilder::new()
            .response(
                "400",
                response(
                    "A parameter is not valid (the description names it), or a date range spans more than 90 days",
                ),
            )
            .response(
                "404",
                response(
                    "No such resource: service, request, token, format, or a `jurisdiction_id` that is not this city's",
                ),
            )
            .build()
            .into()
    }
}

/// A JSON document with its members in written order, to be walked into XML
/// (`serde_json::Value` would sort them).
enum Tree {
    Null,
    Scalar(String),
    List(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Tree, E> {
        Ok(Tree::Scalar(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Tree, E> {
        Ok(Tree::Scalar(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Tree, E> {
        Ok(Tree::Scalar(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Tree, E> {
        Ok(Tree::Scalar(value.to_string()))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Tree, E> {
        Ok(Tree::Scalar(value.to_owned()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        Tree::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry()? {
            members.push(member);
        }
        Ok(Tree::Object(members))
    }
}

/// The element name of an item of the array `list`, after the specification's examples.
fn item_name(list: &str) -> &'static str {
    match list {
        "services" => "service",
        "attributes" => "attribute",
        "values" => "value",
        "service_requests" => "request",
        "service_request_updates" => "request_update",
        "endpoints" => "endpoint",
        "formats" => "format",
        "errors" => "error",
        _ => "item",
    }
}

fn to_xml<T: Serialize>(root: &str, body: &T) -> io::Result<Vec<u8>> {
    let json = serde_json::to_vec(body).map_err(io::Error::other)?;
    let tree: Tree = serde_json::from_slice(&json).map_err(io::Error::other)?;
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    write_element(&mut writer, root, &tree)?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

fn write_element(writer: &mut Writer<Vec<u8>>, name: &str, tree: &Tree) -> io::Result<()> {
    if let Tree::Null = tree {
        return writer.write_event(Event::Empty(BytesStart::new(name)));
    }
    writer.write_event(Event::Start(BytesStart::new(name)))?;
    match tree {
        Tree::Null => {}
        Tree::Scalar(text) => writer.write_event(Event::Text(BytesText::new(&xml_text(text))))?,
        Tree::List(items) => {
            for item in items {
                write_element(writer, item_name(name), item)?;
            }
        }
        Tree::Object(members) => {
            for (key, value) in members {
                write_element(writer, key, value)?;
            }
        }
    }
    writer.write_event(Event::End(BytesEnd::new(name)))
}

/// `text` without the characters XML 1.0 cannot carry (most control characters);
/// escaping of markup is the writer's.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_text(response: HttpResponse) -> String {
        let bytes = futures_util::FutureExt::now_or_never(actix_web::body::to_bytes(response.into_body()));
        String::from_utf8(bytes.unwrap().unwrap().to_vec()).unwrap()
    }

    #[derive(Serialize)]
    struct Value {
        key: &'static str,
        name: &'static str,
    }

    #[derive(Serialize)]
    struct Definition {
        service_code: &'static str,
        note: Option<&'static str>,
        attributes: Vec<Attribute>,
    }

    #[derive(Serialize)]
    struct Attribute {
        order: u32,
        required: bool,
        values: Vec<Value>,
    }

    #[test]
    fn xml_follows_the_json_with_named_items_in_written_order() {
        let body = Definition {
            service_code: "road-damage",
            note: None,
            attributes: vec![Attribute {
                order: 1,
                required: true,
                values: vec![Value {
                    key: "a&b",
                    name: "<Jezdnia>\u{1}",
                }],
            }],
        };
        let xml = body_text(Format::Xml.document(StatusCode::OK, "service_definition", &body));
        let expected = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
<service_definition>\n  <service_code>road-damage</service_code>\n  <note/>\n  <attributes>\n    <attribute>\n      \
<order>1</order>\n      <required>true</required>\n      <values>\n        <value>\n          <key>a&amp;b</key>\n          \
<name>&lt;Jezdnia&gt;</name>\n        </value>\n      </values>\n    </attribute>\n  </attributes>\n</service_definition>\n";
        assert_eq!(xml, expected);
    }

    #[test]
    fn errors_are_lists_of_code_and_description_in_both_formats() {
        let error = Open311Error::bad_request("start_date is not a date");
        let json = error.respond(Format::Json);
        assert_eq!(json.status(), StatusCode::BAD_REQUEST);
        assert!(json.extensions().contains::<ForeignErrorBody>());
        assert_eq!(
            body_text(json),
            r#"[{"code":400,"description":"start_date is not a date"}]"#
        );
        let xml = body_text(error.respond(Format::Xml));
        assert!(
            xml.contains(
                "<errors>\n  <error>\n    <code>400</code>\n    <description>start_date is not a date</description>"
            ),
            "{xml}"
        );
    }

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(Format::from_extension("json").ok(), Some(Format::Json));
        assert_eq!(Format::from_extension("xml").ok(), Some(Format::Xml));
        let error = Format::from_extension("html").err().map(|e| e.status);
        assert_eq!(error, Some(StatusCode::NOT_FOUND));
        assert_eq!(Format::of_path("/open311/v2/nothing.json"), Format::Json);
        assert_eq!(Format::of_path("/open311/v2/nothing"), Format::Xml);
    }
}
