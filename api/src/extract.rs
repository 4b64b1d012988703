//! Request extractors whose rejections are problem+json naming the wrong field.
//!
//! actix's own `web::Json`/`web::Query` report serde errors without the field's path;
//! these wrap the same parsing with `serde_path_to_error` so clients learn which field
//! is wrong.

use std::ops::Deref;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::web::BytesMut;
use actix_web::{FromRequest, HttpRequest};
use futures_util::StreamExt;
use futures_util::future::{LocalBoxFuture, Ready, ready};
use serde::de::DeserializeOwned;

use crate::error::{AppError, FieldError};

/// Largest accepted JSON body; set per app from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct JsonLimit(pub usize);

/// A JSON request body (`Content-Type: application/json`).
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req.app_data::<JsonLimit>().map_or(1024 * 1024, |limit| limit.0);
        let content_type_ok = is_json_content_type(req);
        let declared_length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                return Err(AppError::client(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "The request body must be JSON (Content-Type: application/json).",
                ));
            }
            if declared_length.is_some_and(|length| length > limit) {
                return Err(too_large(limit));
            }
            let mut body = BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|error| {
                    AppError::bad_request(
                        "unreadable_body",
                        format!("The request body could not be read: {error}"),
                    )
                })?;
                if body.len() + chunk.len() > limit {
                    return Err(too_large(limit));
                }
                body.extend_from_slice(&chunk);
            }
            parse_json(&body).map(Json)
        })
    }
}

fn too_large(limit: usize) -> AppError {
    AppError::client(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!("The request body is larger than the limit of {limit} bytes."),
    )
}

fn is_json_content_type(req: &HttpRequest) -> bool {
    let Some(value) = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    value.parse::<mime::Mime>().is_ok_and(|mime| {
        mime.type_() == mime::APPLICATION && (mime.subtype() == mime::JSON || mime.suffix() == Some(mime::JSON))
    })
}

/// Parses a JSON document, mapping syntax errors to 400 and shape errors to 422.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    let deserializer = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => AppError::validation(vec![field_error(&path, &inner.to_string())]),
            _ if body.is_empty() => {
                AppError::bad_request("malformed_json", "The request body is empty; JSON was expected.")
            }
            _ => AppError::bad_request("malformed_json", format!("The request body is not valid JSON: {inner}")),
        }
    })
}

/// Query-string parameters.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse_query(req.query_string()).map(Query))
    }
}

/// Parses a query string; a wrong parameter is a 400 naming it.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, AppError> {
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let message = error.into_inner().to_string();
        let field = field_error(&path, &message);
        AppError::bad_request(
            "invalid_query",
            format!("The query parameter `{}` is not valid: {message}", field.field),
        )
        .with_errors(vec![field])
    })
}

/// Turns a serde error at `path` into a field error; "missing field" errors are
/// reported at the missing field rather than at its parent.
fn field_error(path: &str, message: &str) -> FieldError {
    let message = message.split(" at line ").next().unwrap_or(message);
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        let field = if path == "." {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        };
        return FieldError::new(field, "required", "This field is required.");
    }
    let field = if path == "." {
        "body".to_owned()
    } else {
        path.to_owned()
    };
    FieldError::new(field, "invalid", message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        lat: f64,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Body {
        title: String,
        location: Inner,
    }

    fn field_of(error: AppError) -> (String, String) {
        match error {
            AppError::Client { errors, code, .. } => {
                let first = errors.first().map(|e| e.field.clone()).unwrap_or_default();
                (code.to_owned(), first)
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn wrong_nested_type_names_the_path() {
        let error = parse_json::<Body>(br#"{"title":"x","location":{"lat":"north"}}"#).unwrap_err();
        assert_eq!(field_of(error), ("validation_failed".into(), "location.lat".into()));
    }

    #[test]
    fn missing_field_is_reported_at_the_field() {
        let error = parse_json::<Body>(br#"{"location":{"lat":1.0}}"#).unwrap_err();
        assert_eq!(field_of(error), ("validation_failed".into(), "title".into()));
        let error = parse_json::<Body>(br#"{"title":"x","location":{}}"#).unwrap_err();
        assert_eq!(field_of(error), ("validation_failed".into(), "location.lat".into()));
    }

    #[test]
    fn syntax_errors_are_bad_requests() {
        let error = parse_json::<Body>(br#"{"title": "#).unwrap_err();
        assert_eq!(field_of(error).0, "malformed_json");
        let error = parse_json::<Body>(b"").unwrap_err();
        assert_eq!(field_of(error).0, "malformed_json");
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Page {
        page: Option<u32>,
    }

    #[test]
    fn bad_query_parameter_is_named() {
        let error = parse_query::<Page>("page=abc").unwrap_err();
        assert_eq!(field_of(error), ("invalid_query".into(), "page".into()));
        assert!(parse_query::<Page>("page=3").is_ok());
    }

    /// The extractor's rejections through a real actix service, as clients see them.
    mod http {
        use actix_web::middleware::ErrorHandlers;
        use actix_web::{App, HttpResponse, test, web};

        use super::super::{Json, JsonLimit};
        use crate::error::problem_for_bare_errors;

        #[derive(serde::Deserialize)]
        struct Body {
            count: u32,
        }

        async fn echo(body: Json<Body>) -> HttpResponse {
            HttpResponse::Ok().body(body.count.to_string())
        }

        async fn problem_code(content_type: &str, body: Vec<u8>) -> (u16, String, serde_json::Value) {
            let app = test::init_service(
                App::new()
                    .app_data(JsonLimit(64))
                    .route("/echo", web::post().to(echo))
                    .wrap(ErrorHandlers::new().default_handler(problem_for_bare_errors)),
            )
            .await;
            let request = test::TestRequest::post()
                .uri("/echo")
                .insert_header(("content-type", content_type))
                .set_payload(body)
                .to_request();
            let response = test::call_service(&app, request).await;
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            let body: serde_json::Value = test::read_body_json(response).await;
            assert_eq!(content_type, "application/problem+json");
            (status, body["code"].as_str().unwrap().to_owned(), body)
        }

        #[actix_web::test]
        async fn malformed_json_is_400() {
            let (status, code, _) = problem_code("application/json", b"{\"count\": ".to_vec()).await;
            assert_eq!((status, code.as_str()), (400, "malformed_json"));
        }

        #[actix_web::test]
        async fn wrong_content_type_is_415() {
            let (status, code, _) = problem_code("text/plain", b"{\"count\": 1}".to_vec()).await;
            assert_eq!((status, code.as_str()), (415, "unsupported_media_type"));
        }

        #[actix_web::test]
        async fn body_over_the_limit_is_413() {
            let big = format!("{{\"count\": 1, \"pad\": \"{}\"}}", "x".repeat(100));
            let (status, code, _) = problem_code("application/json", big.into_bytes()).await;
            assert_eq!((status, code.as_str()), (413, "payload_too_large"));
        }

        #[actix_web::test]
        async fn wrong_field_type_is_422_naming_the_field() {
            let (status, code, body) = problem_code("application/json", b"{\"count\": -1}".to_vec()).await;
            assert_eq!((status, code.as_str()), (422, "validation_failed"));
            assert_eq!(body["errors"][0]["field"], "count");
            assert_eq!(body["errors"][0]["code"], "invalid");
        }

        #[actix_web::test]
        async fn json_with_a_suffix_media_type_is_accepted() {
            let app = test::init_service(App::new().route("/echo", web::post().to(echo))).await;
            let request = test::TestRequest::post()
                .uri("/echo")
                .insert_header(("content-type", "application/merge-patch+json; charset=utf-8"))
                .set_payload("{\"count\": 7}")
                .to_request();
            let body = test::call_and_read_body(&app, request).await;
            assert_eq!(body, "7");
        }
    }
}
