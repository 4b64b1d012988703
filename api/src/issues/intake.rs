//! Filing an issue (R1.1, R1.2, R1.5, R1.7–R1.10): JSON, or multipart with photos; validated
//! against the category's fields and the city boundary; numbered at once; idempotent.

use std::collections::BTreeMap;

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use futures_util::StreamExt;
use minijinja::context;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

use super::model::{self, Channel, Issue, IssueStatus, Moderation, NewEvent};
use super::photos::{self, ProcessedPhoto};
use super::view::Location;
use crate::accounts::model::Language;
use crate::accounts::{model as accounts, terms};
use crate::app::AppState;
use crate::apps::keys::{ApiClient, MaybeApiClient};
use crate::apps::model::Scope;
use crate::auth::policy::{Principal, Role};
use crate::auth::principal::MaybePrincipal;
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::parse_json;
use crate::geo::geocode;
use crate::notify::link;
use crate::org::categories::{self, Category, Delivery};
use crate::org::fields::validate_values;
use crate::schema::{idempotency_keys, issue_photos, issues};
use crate::secrets;
use crate::validation::Validator;
use crate::workflow;

/// Most photos per issue.
pub const MAX_PHOTOS: usize = 5;

/// How to reach the reporter for follow-up; given only with explicit consent (R1.1).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The reporter agrees that the city processes this contact data to follow up the issue.
    #[serde(default)]
    pub consent: bool,
}

/// A new issue.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewIssue {
    /// The category's slug.
    pub category: String,
    pub title: String,
    pub description: String,
    /// Where the problem is (inside the city's managed area).
    pub location: Option<Location>,
    /// A typed address, used when no location is given (and kept as text when it cannot be placed).
    pub address: Option<String>,
    /// Values of the category's extra fields, by key.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub field_values: BTreeMap<String, Value>,
    pub contact: Option<Contact>,
    /// `web` (default) or `mobile`; staff registering a caller's issue use `phone`, `email`,
    /// `epuap`, `letter` or `in_person`.
    pub channel: Option<Channel>,
    /// Language of the confirmation mail.
    #[serde(default)]
    pub language: Language,
}

/// The answer to a filed issue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IssueCreated {
    /// The public number, `YYYY/NNNNNN`: quote it in any contact with the city.
    pub number: String,
    pub status: IssueStatus,
    /// `pending` until a moderator approves the issue for the public map.
    pub moderation: Moderation,
    /// For anonymous reporters: the secret that opens the tracking page (shown only now).
    pub tracking_token: Option<String>,
    pub tracking_url: Option<String>,
    /// The typed address could not be placed; an operator will pin it on the map.
    pub needs_pinpoint: bool,
    /// The issue's public page (visible once approved).
    pub url: String,
}

/// Files an issue. Send `application/json`, or `multipart/form-data` with a part `issue`
/// (the JSON) and up to five parts `photos` (JPEG, PNG or WebP, at most 10 MB each).
/// With an `Idempotency-Key` header a retried request returns the first answer. Anyone may
/// file; a resident's bearer token makes them the reporter, and an app's `X-Api-Key` (scope
/// `issues.create`) records the app as the source.
#[utoipa::path(
    tag = "issues",
    operation_id = "create_issue",
    security((), ("bearer" = []), ("api_key" = [])),
    request_body(content(
        (NewIssue = "application/json"),
        (IssueUpload = "multipart/form-data"),
    )),
    params(("Idempotency-Key" = Option<String>, Header, description = "A unique key per issue (e.g. a UUID); a retry with the same key and body returns the first answer")),
    responses(
        (status = 201, description = "Filed: the number, and for anonymous reporters the tracking secret", body = IssueCreated),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "An API key that is not valid or was revoked (`invalid_api_key`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A staff channel without a staff role; an app without the `issues.create` scope", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither JSON nor multipart", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is missing or wrong (outside the city, unknown category, missing consent, bad photo, reused idempotency key …)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The API key's rate limit is reached (`rate_limited`, with `Retry-After`)", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/issues")]
pub async fn create_issue(
    state: web::Data<AppState>,
    caller: MaybePrincipal,
    client: MaybeApiClient,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    let app = client.0;
    if let Some(app) = &app {
        app.require(Scope::IssuesCreate)?;
    }
    let (body, photo_uploads, raw) = read_request(&req, payload, state.config.json_limit_bytes).await?;
    let key = idempotency_key(&req)?;
    let principal = caller.0;
    let scope = match (&principal, &app) {
        (Some(p), _) => p.account_id.to_string(),
        (None, Some(app)) => format!("app:{}", app.app_id),
        (None, None) => "anonymous".to_owned(),
    };
    let request_hash = Sha256::digest(&raw).to_vec();
    let mut conn = state.pool.get().await?;
    if let Some(key) = &key
        && let Some(replay) = replay(&mut conn, &scope, key, &request_hash).await?
    {
        return Ok(replay);
    }

    let outcome = file(
        state.get_ref(),
        &mut conn,
        &body,
        photo_uploads,
        principal.as_ref(),
        app.as_ref(),
        key.as_deref().map(|key| (key, scope.as_str(), request_hash.as_slice())),
    )
    .await;
    match outcome {
        Ok(created) => Ok(HttpResponse::Created().json(created)),
        // The same key raced in from a parallel retry: answer with the winner's result.
        Err(AppError::Internal(error)) if key.is_some() && is_unique_violation(&error) => {
            let key = key.unwrap_or_default();
            replay(&mut conn, &scope, &key, &request_hash)
                .await?
                .ok_or(AppError::Internal(error))
        }
        Err(error) => Err(error),
    }
}

/// Checks and files an issue: the one path for the REST API and Open311. `idempotency` is
/// the key, its scope and the request's hash, stored with the issue in its transaction.
pub async fn file(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    body: &NewIssue,
    photo_uploads: Vec<Vec<u8>>,
    principal: Option<&Principal>,
    app: Option<&ApiClient>,
    idempotency: Option<(&str, &str, &[u8])>,
) -> AppResult<IssueCreated> {
    let now = state.clock.now();
    let category = categories::find_by_slug(conn, body.category.trim()).await?;
    let checked = check(state, conn, body, category.as_ref(), principal, app, now).await?;
    let processed = process_photos(photo_uploads)?;
    let category = category.ok_or_else(|| AppError::Internal(anyhow::anyhow!("checked category missing")))?;

    // Photos are stored before the transaction; a failed transaction leaves only unreferenced files.
    let mut stored = Vec::new();
    for photo in processed {
        let id = Uuid::new_v4();
        let (key, thumb) = (format!("photos/{id}.jpg"), format!("photos/{id}-thumb.jpg"));
        state.storage.put(&key, photo.jpeg.clone()).await?;
        state.storage.put(&thumb, photo.thumbnail.clone()).await?;
        stored.push((id, key, thumb, photo));
    }

    // The number is taken outside the filing's transaction, so that the year's counter is
    // locked only for one statement and concurrent filings do not queue behind each other;
    // a filing that then fails leaves a gap, which is allowed (R1.2).
    let number = model::allocate_number(conn, now).await?;
    conn.transaction::<_, AppError, _>(async |conn| {
        let created = insert(
            state, conn, number, body, &category, &checked, principal, app, &stored, now,
        )
        .await?;
        if let Some((key, scope, request_hash)) = idempotency {
            diesel::insert_into(idempotency_keys::table)
                .values((
                    idempotency_keys::key.eq(key),
                    idempotency_keys::scope.eq(scope),
                    idempotency_keys::request_hash.eq(request_hash),
                    idempotency_keys::issue_id.eq(created.0),
                    idempotency_keys::response.eq(serde_json::to_value(&created.1).map_err(anyhow::Error::from)?),
                    idempotency_keys::created_at.eq(now),
                ))
                .execute(conn)
                .await?;
        }
        Ok(created.1)
    })
    .await
}

/// The multipart form of `create_issue` (for the API description).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct IssueUpload {
    /// The issue as JSON (`NewIssue`).
    issue: NewIssue,
    /// Up to five photos.
    #[schema(value_type = Vec<String>, format = Binary)]
    photos: Vec<Vec<u8>>,
}

fn is_unique_violation(error: &anyhow::Error) -> bool {
    matches!(
        error.downcast_ref::<diesel::result::Error>(),
        Some(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _
        ))
    )
}

fn idempotency_key(req: &HttpRequest) -> AppResult<Option<String>> {
    let Some(value) = req.headers().get("idempotency-key") else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or_default().trim();
    if key.is_empty() || key.len() > 200 {
        return Err(AppError::bad_request(
            "invalid_idempotency_key",
            "Idempotency-Key must be 1–200 visible characters.",
        ));
    }
    Ok(Some(key.to_owned()))
}

/// The stored answer for a retried key, or a 422 when the key came with another body.
async fn replay(
    conn: &mut AsyncPgConnection,
    scope: &str,
    key: &str,
    request_hash: &[u8],
) -> AppResult<Option<HttpResponse>> {
    let found: Option<(Vec<u8>, Value)> = idempotency_keys::table
        .filter(idempotency_keys::scope.eq(scope))
        .filter(idempotency_keys::key.eq(key))
        .select((idempotency_keys::request_hash, idempotency_keys::response))
        .first(conn)
        .await
        .optional()?;
    match found {
        None => Ok(None),
        Some((hash, response)) if hash == request_hash => Ok(Some(
            HttpResponse::Created()
                .insert_header(("idempotent-replayed", "true"))
                .json(response),
        )),
        Some(_) => Err(AppError::client(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            "This Idempotency-Key was used for a different request.",
        )),
    }
}

/// Reads the body: JSON, or multipart with an `issue` part and `photos` parts. Also returns
/// the raw bytes that identify the request for idempotency.
async fn read_request(
    req: &HttpRequest,
    payload: web::Payload,
    json_limit: usize,
) -> AppResult<(NewIssue, Vec<Vec<u8>>, Vec<u8>)> {
    let content_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let mut form = Multipart::new(req.headers(), payload);
        let (mut issue, mut photos, mut raw) = (None, Vec::new(), Vec::new());
        while let Some(field) = form.next().await {
            let mut field = field.map_err(|error| {
                AppError::bad_request("malformed_multipart", format!("The form could not be read: {error}"))
            })?;
            let name = field.name().unwrap_or_default().to_owned();
            let limit = if name == "issue" {
                json_limit
            } else {
                photos::MAX_BYTES + 1
            };
            let mut bytes = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(|error| {
                    AppError::bad_request("malformed_multipart", format!("The form could not be read: {error}"))
                })?;
                if bytes.len() + chunk.len() > limit {
                    let name = if name == "photos" {
                        format!("photos[{}]", photos.len())
                    } else {
                        name.clone()
                    };
                    return Err(AppError::validation(vec![FieldError::new(
                        name,
                        "too_large",
                        "This part is too large.",
                    )]));
                }
                bytes.extend_from_slice(&chunk);
            }
            raw.extend_from_slice(&Sha256::digest(&bytes));
            match name.as_str() {
                "issue" => issue = Some(parse_json::<NewIssue>(&bytes)?),
                "photos" => photos.push(bytes),
                other => {
                    return Err(AppError::validation(vec![FieldError::new(
                        other,
                        "unknown_part",
                        "Expected the parts `issue` and `photos`.",
                    )]));
                }
            }
        }
        let issue = issue.ok_or_else(|| {
            AppError::validation(vec![FieldError::new(
                "issue",
                "required",
                "The form needs an `issue` part with the JSON.",
            )])
        })?;
        return Ok((issue, photos, raw));
    }
    if content_type.starts_with("application/json") {
        let bytes = payload.to_bytes_limited(json_limit).await.map_err(|_| {
            AppError::client(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!("The request body is larger than {json_limit} bytes."),
            )
        })?;
        let bytes = bytes.map_err(|error| AppError::bad_request("unreadable_body", error.to_string()))?;
        let issue = parse_json::<NewIssue>(&bytes)?;
        return Ok((issue, Vec::new(), bytes.to_vec()));
    }
    Err(AppError::client(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        "Send the issue as application/json, or as multipart/form-data with photos.",
    ))
}

fn process_photos(uploads: Vec<Vec<u8>>) -> AppResult<Vec<ProcessedPhoto>> {
    if uploads.len() > MAX_PHOTOS {
        return Err(AppError::validation(vec![FieldError::new(
            "photos",
            "too_many",
            format!("At most {MAX_PHOTOS} photos per issue."),
        )]));
    }
    let mut errors = Vec::new();
    let mut processed = Vec::new();
    for (i, bytes) in uploads.iter().enumerate() {
        match photos::process(&format!("photos[{i}]"), bytes) {
            Ok(photo) => processed.push(photo),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(processed)
    } else {
        Err(AppError::validation(errors))
    }
}

/// What the checks decided.
struct Checked {
    title: String,
    description: String,
    location: Option<Location>,
    address: Option<String>,
    needs_pinpoint: bool,
    field_values: BTreeMap<String, Value>,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    terms_version: Option<String>,
    channel: Channel,
}

async fn check(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    body: &NewIssue,
    category: Option<&Category>,
    principal: Option<&Principal>,
    app: Option<&ApiClient>,
    now: DateTime<Utc>,
) -> AppResult<Checked> {
    let mut v = Validator::new();
    match category {
        None => v.add(FieldError::new(
            "category",
            "unknown_category",
            "There is no such category.",
        )),
        Some(category) if !category.is_offered(now) => {
            v.add(FieldError::new(
                "category",
                "category_not_offered",
                "This category does not accept issues now.",
            ));
        }
        Some(_) => {}
    }
    let title = v.text("title", &body.title, 1, 200);
    let description = v.text("description", &body.description, 1, 5000);

    // What an app files is recorded as coming through the API unless it says mobile.
    let default_channel = if app.is_some() { Channel::Api } else { Channel::Web };
    let channel = body.channel.unwrap_or(default_channel);
    if channel.is_staff_channel() {
        let staff =
            principal.is_some_and(|p| p.has_role(Role::Operator) || p.has_role(Role::ContactCentre) || p.is_admin());
        if !staff {
            return Err(AppError::client(
                StatusCode::FORBIDDEN,
                "forbidden",
                "Only staff register issues received by phone, email, ePUAP, letter or in person.",
            ));
        }
    } else if channel == Channel::Api && app.is_none() {
        v.add(FieldError::new(
            "channel",
            "invalid",
            "The api channel is recorded for API-key clients.",
        ));
    }

    let mut location = body.location;
    if let Some(place) = location {
        if !(-90.0..=90.0).contains(&place.lat) || !(-180.0..=180.0).contains(&place.lon) {
            v.add(FieldError::new(
                "location",
                "invalid",
                "Latitude must be within ±90 and longitude within ±180.",
            ));
            location = None;
        } else if !state.city.contains(place.lat, place.lon) {
            v.add(FieldError::new(
                "location",
                "outside_city",
                format!(
                    "This place is outside {}. Kontakt handles issues within the city only.",
                    state.config.city_name
                ),
            ));
            location = None;
        }
    }
    let typed_address = body
        .address
        .as_deref()
        .map(str::trim)
        .filter(|address| !address.is_empty());
    if let Some(address) = typed_address {
        v.text("address", address, 1, 300);
    }
    let mut address = typed_address.map(ToOwned::to_owned);
    let mut needs_pinpoint = false;
    if location.is_none() && body.location.is_none() {
        if let Some(typed) = typed_address {
            match geocode::resolve(state, conn, typed).await?.into_iter().next() {
                Some(place) => {
                    location = Some(Location {
                        lat: place.lat,
                        lon: place.lon,
                    });
                    address = Some(place.label);
                }
                None => needs_pinpoint = true,
            }
        } else if category.is_some_and(|category| category.location_required) {
            v.add(FieldError::new(
                "location",
                "required",
                "Show the place on the map or type its address.",
            ));
        }
    }

    let mut field_values = BTreeMap::new();
    if let Some(category) = category {
        match validate_values(&category.fields.0, &body.field_values) {
            Ok(clean) => field_values = clean,
            Err(errors) => errors.into_iter().for_each(|error| v.add(error)),
        }
    }

    let (mut contact_name, mut contact_email, mut contact_phone) = (None, None, None);
    if let Some(contact) = &body.contact {
        contact_name = contact
            .name
            .as_deref()
            .map(|name| v.text("contact.name", name, 0, 200))
            .filter(|name| !name.is_empty());
        contact_email = contact
            .email
            .as_deref()
            .map(str::trim)
            .filter(|email| !email.is_empty())
            .map(|email| v.email("contact.email", email));
        contact_phone = v.phone("contact.phone", contact.phone.as_deref());
        let gives_data = contact_name.is_some() || contact_email.is_some() || contact_phone.is_some();
        if gives_data && !contact.consent {
            v.add(FieldError::new(
                "contact.consent",
                "consent_required",
                "Contact data is kept only with your consent to its processing.",
            ));
        }
    }
    v.finish()?;
    let terms_version = if contact_email.is_some() || contact_phone.is_some() || contact_name.is_some() {
        terms::current(conn, now).await?.map(|terms| terms.version)
    } else {
        None
    };
    Ok(Checked {
        title,
        description,
        location,
        address,
        needs_pinpoint,
        field_values,
        contact_name,
        contact_email,
        contact_phone,
        terms_version,
        channel,
    })
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    number: String,
    body: &NewIssue,
    category: &Category,
    checked: &Checked,
    principal: Option<&Principal>,
    app: Option<&ApiClient>,
    photos: &[(Uuid, String, String, ProcessedPhoto)],
    now: DateTime<Utc>,
) -> AppResult<(Uuid, IssueCreated)> {
    let staff_filing = checked.channel.is_staff_channel();
    // Staff registering a caller's issue are not its reporter.
    let reporter = principal.filter(|_| !staff_filing).map(|p| p.account_id);
    let anonymous = reporter.is_none();
    let tracking = anonymous.then(secrets::new_token);
    let has_contact =
        checked.contact_email.is_some() || checked.contact_phone.is_some() || checked.contact_name.is_some();
    let id: Uuid = diesel::insert_into(issues::table)
        .values((
            issues::number.eq(&number),
            issues::category_id.eq(category.id),
            issues::unit_id.eq(category.unit_id),
            issues::title.eq(&checked.title),
            issues::description.eq(&checked.description),
            issues::lat.eq(checked.location.map(|l| l.lat)),
            issues::lon.eq(checked.location.map(|l| l.lon)),
            issues::address.eq(&checked.address),
            issues::needs_pinpoint.eq(checked.needs_pinpoint),
            issues::field_values.eq(serde_json::to_value(&checked.field_values).map_err(anyhow::Error::from)?),
            issues::channel.eq(checked.channel),
            issues::app_id.eq(app.map(|a| a.app_id)),
            issues::filed_by.eq(principal.filter(|_| staff_filing).map(|p| p.account_id)),
            issues::reporter_id.eq(reporter),
            issues::contact_name.eq(&checked.contact_name),
            issues::contact_email.eq(&checked.contact_email),
            issues::contact_phone.eq(&checked.contact_phone),
            issues::contact_consent_at.eq(has_contact.then_some(now)),
            issues::contact_terms_version.eq(&checked.terms_version),
            issues::tracking_token_hash.eq(tracking.as_ref().map(|(_, hash)| hash.clone())),
            issues::reporter_language.eq(body.language),
            // Via-operator categories wait in the contact centre's queue (R4.2).
            issues::awaiting_dispatch.eq(category.delivery == Delivery::ViaOperator),
            issues::created_at.eq(now),
            issues::updated_at.eq(now),
        ))
        .returning(issues::id)
        .get_result(conn)
        .await?;
    for (position, (photo_id, key, thumb, photo)) in photos.iter().enumerate() {
        diesel::insert_into(issue_photos::table)
            .values((
                issue_photos::id.eq(photo_id),
                issue_photos::issue_id.eq(id),
                issue_photos::position.eq(i32::try_from(position).unwrap_or(0)),
                issue_photos::width.eq(i32::try_from(photo.width).unwrap_or(0)),
                issue_photos::height.eq(i32::try_from(photo.height).unwrap_or(0)),
                issue_photos::size_bytes.eq(i32::try_from(photo.jpeg.len()).unwrap_or(i32::MAX)),
                issue_photos::storage_key.eq(key),
                issue_photos::thumbnail_key.eq(thumb),
                issue_photos::created_at.eq(now),
            ))
            .execute(conn)
            .await?;
    }
    let created = NewEvent {
        kind: "created",
        public: true,
        actor_id: principal.map(|p| p.account_id),
        before: None,
        after: Some(serde_json::json!({
            "status": IssueStatus::New,
            "channel": checked.channel,
            "app_id": app.map(|a| a.app_id),
        })),
        message: None,
    };
    model::record_event(conn, id, created, now).await?;
    // The verification deadline, and at once a public first response naming the unit and
    // the deadline (R10.4).
    workflow::refresh_deadline(conn, &state.calendar, id, now).await?;
    let issue: Issue = issues::table.find(id).select(Issue::as_select()).first(conn).await?;
    let response = workflow::templates::first_response(conn, &issue, issue.deadline(now).as_ref()).await?;
    let first = NewEvent {
        kind: "response",
        public: true,
        actor_id: None,
        before: None,
        after: None,
        message: Some(&response),
    };
    model::record_event(conn, id, first, now).await?;
    workflow::notices::announce_in_queue(conn, state, &issue, false).await?;

    let url_number = number.replace('/', "-");
    let tracking_url = tracking
        .as_ref()
        .map(|(token, _)| link(state, &format!("/track/{token}")));
    let follow_link = tracking_url
        .clone()
        .unwrap_or_else(|| link(state, &format!("/issues/{url_number}")));
    let recipient = match (&checked.contact_email, reporter) {
        (Some(email), _) => Some((email.clone(), body.language)),
        (None, Some(account_id)) => {
            let account = accounts::find(conn, account_id).await?;
            Some((account.email, account.language))
        }
        _ => None,
    };
    if let Some((email, language)) = recipient {
        let context =
            context! { number => &number, title => &checked.title, link => follow_link, response => &response };
        workflow::notices::send(
            conn,
            state,
            Some(id),
            "issue_registered",
            (&email, language),
            context,
            None,
        )
        .await?;
    }
    Ok((
        id,
        IssueCreated {
            url: link(state, &format!("/issues/{url_number}")),
            number,
            status: IssueStatus::New,
            moderation: Moderation::Pending,
            tracking_token: tracking.map(|(token, _)| token),
            tracking_url,
            needs_pinpoint: checked.needs_pinpoint,
        },
    ))
}
