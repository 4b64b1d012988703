//! Serving the web UI: static files, the SPA fallback for client-side routes, and the
//! answers for everything that matches no route (404, or 405 with `Allow`).

use actix_files::NamedFile;
use actix_web::body::MessageBody;
use actix_web::dev::{ResourceDef, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};

use crate::app::AppState;
use crate::error::{AppError, AppResult};

/// Path prefixes that belong to the server, never to the web UI.
const SERVER_PREFIXES: &[&str] = &["/api", "/open311", "/healthz", "/readyz", "/metrics"];

/// The API's path templates with their methods, taken from the OpenAPI document, so a
/// known path with a wrong method is answered 405 rather than 404.
#[derive(Debug, Default)]
pub struct RouteTable {
    routes: Vec<(ResourceDef, Vec<Method>)>,
}

impl RouteTable {
    pub fn from_openapi(doc: &utoipa::openapi::OpenApi) -> Self {
        let routes = doc
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let mut methods: Vec<Method> = Vec::new();
                let operations = [
                    (Method::GET, &item.get),
                    (Method::PUT, &item.put),
                    (Method::POST, &item.post),
                    (Method::DELETE, &item.delete),
                    (Method::PATCH, &item.patch),
                ];
                for (method, operation) in operations {
                    if operation.is_some() {
                        methods.push(method);
                    }
                }
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect();
        Self { routes }
    }

    /// The methods allowed on `path`, if the path is one of the API's.
    pub fn allowed(&self, path: &str) -> Option<Vec<Method>> {
        let mut found: Option<Vec<Method>> = None;
        for (def, methods) in &self.routes {
            if def.is_match(path) {
                found.get_or_insert_with(Vec::new).extend(methods.iter().cloned());
            }
        }
        found
    }
}

fn is_server_path(path: &str) -> bool {
    SERVER_PREFIXES
        .iter()
        .any(|prefix| path == *prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/')))
}

/// Answers every request that no route matched.
pub async fn fallback(
    req: HttpRequest,
    state: web::Data<AppState>,
    table: web::Data<RouteTable>,
) -> AppResult<HttpResponse> {
    let path = req.path();
    if let Some(methods) = table.allowed(path) {
        let allow = methods.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
        let error = AppError::client(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            format!("{} is not allowed on {path}; allowed: {allow}.", req.method()),
        );
        let mut response = actix_web::ResponseError::error_response(&error);
        if let Ok(value) = HeaderValue::from_str(&allow) {
            response.headers_mut().insert(header::ALLOW, value);
        }
        return Ok(response);
    }
    let last_segment = path.rsplit('/').next().unwrap_or("");
    let wants_app =
        matches!(*req.method(), Method::GET | Method::HEAD) && !is_server_path(path) && !last_segment.contains('.');
    if !wants_app {
        return Err(AppError::not_found(format!("There is nothing at {path}.")));
    }
    let index = state.config.web_dir.join("index.html");
    let file = NamedFile::open_async(&index)
        .await
        .map_err(|_| AppError::not_found("The web UI is not built (run `make web`)."))?;
    let mut response = file.use_etag(true).prefer_utf8(true).into_response(&req);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(response)
}

/// Cache policy for the web UI: content-hashed assets forever, HTML always revalidated.
pub async fn cache_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let immutable = req.path().starts_with("/assets/");
    let mut res = next.call(req).await?;
    if res.status().is_success() && !res.headers().contains_key(header::CACHE_CONTROL) {
        let is_html = res
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
        let policy = if immutable {
            Some("public, max-age=31536000, immutable")
        } else if is_html {
            Some("no-cache")
        } else {
            None
        };
        if let Some(policy) = policy {
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
        }
    }
    Ok(res)
}

/// Returns the request id (made by the tracing middleware) in `x-request-id`.
pub async fn request_id_header(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = req
        .extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(ToString::to_string);
    let mut res = next.call(req).await?;
    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        res.headers_mut()
            .insert(header::HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_paths_are_recognised_by_whole_segments() {
        assert!(is_server_path("/api/v1/nope"));
        assert!(is_server_path("/healthz"));
        assert!(!is_server_path("/apiary"));
        assert!(!is_server_path("/procedures/123"));
    }
}
