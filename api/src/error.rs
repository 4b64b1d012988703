//! One error type, rendered as RFC 9457 `application/problem+json`.
//!
//! This is the only place where HTTP error bodies are built: handlers return
//! `AppError`, actix's own rejections are routed here by the extractors and by
//! [`problem_for_bare_errors`], and internal causes are logged, never sent.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:kontakt:problem:<code>`.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// The HTTP status phrase.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong, for a person.
    pub detail: String,
    /// A stable machine-readable code (see docs/errors.md).
    pub code: String,
    /// The fields that were wrong, for validation problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One wrong field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub struct FieldError {
    /// Where the field is: a JSON path (`location.lat`), a query or path parameter name.
    pub field: String,
    /// A stable machine-readable code (`required`, `invalid`, `too_long`, …).
    pub code: String,
    /// What is wrong, for a person.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// Every way a request can fail.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A failure the client can understand and act on.
    #[error("{code}: {detail}")]
    Client {
        status: StatusCode,
        code: &'static str,
        detail: String,
        errors: Vec<FieldError>,
        retry_after_secs: Option<u64>,
    },
    /// The database could not be reached in time; the request may be retried.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A bug or an unexpected failure: logged with the request id, answered opaquely.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn client(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self::Client {
            status,
            code,
            detail: detail.into(),
            errors: Vec::new(),
            retry_after_secs: None,
        }
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::client(StatusCode::BAD_REQUEST, code, detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::NOT_FOUND, "not_found", detail)
    }

    /// 422 with the list of wrong fields.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!("The field `{}` is not valid: {}", one.field, one.message),
            _ => format!("{} fields are not valid.", errors.len()),
        };
        Self::Client {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "validation_failed",
            detail,
            errors,
            retry_after_secs: None,
        }
    }

    /// Adds field details to a client error (no-op for other kinds).
    pub fn with_errors(mut self, new: Vec<FieldError>) -> Self {
        if let Self::Client { errors, .. } = &mut self {
            *errors = new;
        }
        self
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Client { code, .. } => code,
            Self::Unavailable(_) => "service_unavailable",
            Self::Internal(_) => "internal_error",
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Client { status, .. } => *status,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        let status = self.status_code();
        let (detail, errors) = match self {
            Self::Client { detail, errors, .. } => (detail.clone(), errors.clone()),
            Self::Unavailable(cause) => {
                tracing::warn!(%cause, "database unavailable");
                (
                    "The service is temporarily unavailable. Please try again shortly.".into(),
                    Vec::new(),
                )
            }
            Self::Internal(cause) => {
                tracing::error!(error = ?cause, "internal error");
                ("An unexpected error occurred. It has been logged; quote the x-request-id header when reporting it.".into(), Vec::new())
            }
        };
        let mut response = problem_response(status, self.code(), detail, errors);
        if let Self::Client {
            retry_after_secs: Some(secs),
            ..
        } = self
            && let Ok(value) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response
    }
}

/// Builds a problem+json response.
pub fn problem_response(status: StatusCode, code: &str, detail: String, errors: Vec<FieldError>) -> HttpResponse {
    let problem = Problem {
        type_uri: format!("urn:kontakt:problem:{code}"),
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        detail,
        code: code.to_owned(),
        errors,
    };
    HttpResponse::build(status).content_type(PROBLEM_JSON).json(problem)
}

impl From<diesel::result::Error> for AppError {
    fn from(error: diesel::result::Error) -> Self {
        match error {
            diesel::result::Error::NotFound => Self::not_found("The resource does not exist."),
            other => Self::Internal(other.into()),
        }
    }
}

impl From<crate::db::PoolError> for AppError {
    fn from(error: crate::db::PoolError) -> Self {
        Self::Unavailable(error.to_string())
    }
}

/// Marks an error response whose body follows another protocol's error format (Open311's
/// `errors` list), which the safety net below leaves as it is.
#[derive(Debug, Clone, Copy)]
pub struct ForeignErrorBody;

/// Safety net for error responses that did not come from `AppError` (actix's own
/// 404/405/413 and the like): their bodies are replaced with a problem document.
pub fn problem_for_bare_errors<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if is_problem || res.response().extensions().contains::<ForeignErrorBody>() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (code, detail) = bare_status_problem(status);
    let (req, old) = res.into_parts();
    let mut new = problem_response(status, code, detail.into(), Vec::new());
    // Keep headers such as `Allow` and `Retry-After` that actix set.
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.headers_mut().insert(name.clone(), value.clone());
        }
    }
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, new).map_into_right_body(),
    ))
}

/// Stable codes for statuses that reach the safety net.
fn bare_status_problem(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => ("not_found", "The resource does not exist."),
        StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", "This method is not allowed on this resource."),
        StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", "The request body is too large."),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ("unsupported_media_type", "The request's content type is not supported.")
        }
        s if s.is_server_error() => ("internal_error", "An unexpected error occurred."),
        _ => ("bad_request", "The request is not valid."),
    }
}
