//! Building and starting the HTTP application.

use std::net::TcpListener;
use std::sync::Arc;

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{ErrorHandlers, from_fn};
use actix_web::{App, HttpServer, guard, web};
use actix_web_prom::{PrometheusMetrics, PrometheusMetricsBuilder};
use anyhow::Context;
use tracing_actix_web::TracingLogger;
use utoipa::OpenApi;
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::Keys;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::{self, Pool};
use crate::error::{AppError, problem_for_bare_errors};
use crate::extract::JsonLimit;
use crate::geo::boundary::CityArea;
use crate::notify::email::Templates;
use crate::openapi::ApiDoc;
use crate::storage::{LocalStorage, Storage};
use crate::web::{RouteTable, cache_headers, fallback, request_id_header};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub config: Arc<Config>,
    pub city: Arc<CityArea>,
    pub clock: Clock,
    pub keys: Arc<Keys>,
    pub templates: Arc<Templates>,
    pub storage: Arc<dyn Storage>,
    /// Client for outgoing HTTP to configured services (geocoder).
    pub http: reqwest::Client,
    /// Client for webhook deliveries to addresses people entered (see `webhooks::ssrf`).
    pub webhook_http: reqwest::Client,
    /// Shared public map responses (see `issues::map_cache`).
    pub map_cache: crate::issues::map_cache::MapCache,
    /// Working days, for deadlines.
    pub calendar: Arc<crate::workflow::calendar::Calendar>,
}

impl AppState {
    pub fn new(config: Config, clock: Clock) -> anyhow::Result<Self> {
        let pool = db::pool(&config)?;
        let city = CityArea::load(config.boundary_file.as_deref()).context("loading the city boundary")?;
        let keys = Keys::from_config(&config)?;
        let calendar = crate::workflow::calendar::Calendar::from_config(&config.extra_days_off)
            .context("reading KONTAKT_EXTRA_DAYS_OFF")?;
        Ok(Self {
            calendar: Arc::new(calendar),
            pool,
            city: Arc::new(city),
            clock,
            keys: Arc::new(keys),
            templates: Arc::new(Templates::new()?),
            storage: Arc::new(LocalStorage::new(config.storage_dir.clone())),
            http: reqwest::Client::builder()
                .user_agent(concat!("Kontakt/", env!("CARGO_PKG_VERSION")))
                .build()?,
            webhook_http: crate::webhooks::ssrf::client(config.webhook_allow_private_targets)?,
            map_cache: Default::default(),
            config: Arc::new(config),
        })
    }
}

/// Every documented route, grouped by domain.
pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.configure(crate::ops::routes::configure).service(
        scope::scope("/api/v1")
            .configure(crate::geo::routes::configure)
            .configure(crate::org::routes::configure)
            .configure(crate::auth::routes::configure)
            .configure(crate::accounts::routes::configure)
            .configure(crate::issues::configure)
            .configure(crate::workflow::configure)
            .configure(crate::knowledge::configure)
            .configure(crate::apps::configure)
            .configure(crate::webhooks::configure)
            .configure(crate::stats::configure),
    );
    cfg.configure(crate::open311::configure);
}

/// The application: documented routes, API docs, the web UI and the middleware stack.
pub fn build_app(
    state: AppState,
    metrics: PrometheusMetrics,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes)
        .split_for_parts();
    let table = RouteTable::from_openapi(&doc);
    let web_dir = state.config.web_dir.clone();
    let state_config_origins = state.config.cors_allowed_origins.clone();
    let json_limit = JsonLimit(state.config.json_limit_bytes);
    let mut app = app
        .app_data(web::Data::new(state))
        .app_data(web::Data::new(table))
        .app_data(json_limit)
        .app_data(web::PathConfig::default().error_handler(|error, _| {
            AppError::bad_request(
                "invalid_path_parameter",
                format!("A path parameter is not valid: {error}"),
            )
            .into()
        }))
        .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", doc));
    if web_dir.is_dir() {
        app = app.service(
            actix_files::Files::new("/", &web_dir)
                .index_file("index.html")
                .guard(guard::Any(guard::Get()).or(guard::Head()))
                .default_handler(web::to(fallback)),
        );
    } else {
        tracing::warn!(dir = %web_dir.display(), "the web UI is not built; serving the API only");
    }
    let cors = cors(state_config_origins);
    app.default_service(web::to(fallback))
        .wrap(cors)
        .wrap(from_fn(cache_headers))
        .wrap(ErrorHandlers::new().default_handler(problem_for_bare_errors))
        .wrap(metrics)
        .wrap(from_fn(request_id_header))
        .wrap(TracingLogger::default())
}

/// Cross-origin access for the browser apps the deployment names; other origins get no
/// CORS headers, so browsers keep them out. Credentials (cookies) are never shared across
/// origins: apps authenticate with `X-Api-Key` or bearer tokens.
fn cors(origins: Vec<String>) -> Cors {
    Cors::default()
        .allowed_origin_fn(move |origin, head| {
            origins.iter().any(|allowed| allowed.as_bytes() == origin.as_bytes()) || same_origin(origin, head)
        })
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::HeaderName::from_static("x-api-key"),
            header::HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([
            header::RETRY_AFTER,
            header::LOCATION,
            header::HeaderName::from_static("x-request-id"),
        ])
        .max_age(3600)
}

/// Whether `origin` is the server's own (browsers send `Origin` on same-origin POSTs too).
fn same_origin(origin: &header::HeaderValue, head: &actix_web::dev::RequestHead) -> bool {
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let host = head.headers().get(header::HOST).and_then(|host| host.to_str().ok());
    let origin_host = origin.split_once("://").map(|(_, rest)| rest);
    matches!((origin_host, host), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b))
}

/// A server bound to its port, not yet running.
pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
}

impl Application {
    /// Binds `config.bind` (port 0 picks a free port) and prepares the server.
    pub fn build(config: Config) -> anyhow::Result<Self> {
        Self::build_with_clock(config, Clock::default())
    }

    /// As [`Application::build`], with the time source tests control.
    pub fn build_with_clock(config: Config, clock: Clock) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(&config.bind).with_context(|| format!("binding {}", config.bind))?;
        let port = listener.local_addr()?.port();
        let state = AppState::new(config, clock)?;
        let metrics = PrometheusMetricsBuilder::new("kontakt")
            .endpoint("/metrics")
            .mask_unmatched_patterns("UNMATCHED")
            .build()
            .map_err(|error| anyhow::anyhow!("building metrics: {error}"))?;
        let app_state = state.clone();
        let server = HttpServer::new(move || build_app(app_state.clone(), metrics.clone()))
            .listen(listener)?
            .run();
        Ok(Self { port, server, state })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle to stop the server.
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves, and runs the background jobs, until the process is stopped.
    pub async fn run(self) -> std::io::Result<()> {
        let jobs = tokio::spawn(crate::jobs::run(self.state));
        let result = self.server.await;
        jobs.abort();
        result
    }
}
