//! Service requests are the public issues: approved by a moderator (R2.1), described by the
//! same public view as the REST API's list, so nothing that identifies the reporter, no
//! unapproved text and no hidden photo ever appears (R2.2).

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::format::{ErrorResponses, Format, Open311Error, reply, whole_seconds};
use super::params::{JurisdictionQuery, Locale, LocaleQuery, MAX_PAGE_SIZE, Page, PageQuery, Window, list, read};
use super::statuses::RequestStatus;
use crate::app::AppState;
use crate::issues::model::{self, Issue};
use crate::issues::public::{IssueFilter, filtered};
use crate::issues::view::{self, PublicIssue};
use crate::schema::{issue_events, issues};
use crate::workflow::deadlines::DeadlineKind;
use crate::workflow::templates::format_day;

/// Longest `description`, as GeoReport v2 limits it.
const DESCRIPTION_LIMIT: usize = 4000;

/// A public issue as a GeoReport v2 service request.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceRequest {
    /// The issue's public number with a dash (`2026-000123`).
    pub service_request_id: String,
    pub status: RequestStatus,
    /// The city's latest public response or justification.
    pub status_notes: Option<String>,
    /// The category's name.
    pub service_name: Option<String>,
    /// The category's slug.
    pub service_code: String,
    /// The title and the description, as the public sees them (at most 4,000 characters).
    pub description: Option<String>,
    /// The unit handling the issue.
    pub agency_responsible: Option<String>,
    /// The current deadline, in words.
    pub service_notice: Option<String>,
    pub requested_datetime: DateTime<Utc>,
    /// The last change; for closed requests, when they were closed.
    pub updated_datetime: Option<DateTime<Utc>>,
    /// The current working-day deadline (none once the issue is finished).
    pub expected_datetime: Option<DateTime<Utc>>,
    pub address: Option<String>,
    /// Always null: addresses are kept as text.
    pub address_id: Option<String>,
    /// The postal code, when the address contains one.
    pub zipcode: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    /// The first public photo.
    pub media_url: Option<String>,
}

/// The filters of GET Service Requests.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestsQuery {
    /// Requests by id, comma-separated (`2026-000123,2026-000124`); overrides every other
    /// filter, the date range included.
    pub service_request_id: Option<String>,
    /// Service codes, comma-separated; all by default.
    pub service_code: Option<String>,
    /// Requested at or after this time (W3C, e.g. `2026-11-01T00:00:00Z`; a bare day is its
    /// start in the city's time zone). By default 90 days before `end_date`.
    #[param(value_type = Option<DateTime<Utc>>)]
    pub start_date: Option<String>,
    /// Requested at or before this time (a bare day is its end). By default now, or 90 days
    /// after `start_date`. The range may not span more than 90 days.
    #[param(value_type = Option<DateTime<Utc>>)]
    pub end_date: Option<String>,
    /// `open`, `closed`, or both (comma-separated); all by default.
    pub status: Option<String>,
    /// Extension: a bounding box `min_lon,min_lat,max_lon,max_lat` (WGS84).
    pub bbox: Option<String>,
}

impl RequestsQuery {
    /// The public issues asked for, newest first.
    async fn issues(
        &self,
        state: &AppState,
        conn: &mut AsyncPgConnection,
        page: Page,
    ) -> Result<Vec<Issue>, Open311Error> {
        let ids = list(self.service_request_id.as_deref());
        if !ids.is_empty() {
            if ids.len() > MAX_PAGE_SIZE as usize {
                return Err(Open311Error::bad_request(format!(
                    "service_request_id may list at most {MAX_PAGE_SIZE} ids."
                )));
            }
            let numbers: Vec<String> = ids.into_iter().filter_map(model::parse_number).collect();
            // Lookups by number, like the public detail, are not limited to the recent window.
            return Ok(filtered(state, &IssueFilter::default(), true)?
                .filter(issues::number.eq_any(numbers))
                .select(Issue::as_select())
                .order((issues::created_at.desc(), issues::id.desc()))
                .limit(page.size)
                .offset(page.offset)
                .load(conn)
                .await?);
        }
        let window = Window::of(self.start_date.as_deref(), self.end_date.as_deref(), state.clock.now())?;
        let statuses: Vec<&str> = RequestStatus::parse_list(self.status.as_deref())?
            .into_iter()
            .flat_map(RequestStatus::ours)
            .map(|status| status.as_str())
            .collect();
        let filter = IssueFilter {
            bbox: self.bbox.clone(),
            category: self.service_code.clone(),
            status: (!statuses.is_empty()).then(|| statuses.join(",")),
            ..IssueFilter::default()
        };
        // Open311 callers are anonymous: the public list's recent window applies (R2.6).
        Ok(filtered(state, &filter, false)?
            .filter(issues::created_at.ge(window.start))
            .filter(issues::created_at.le(window.end))
            .select(Issue::as_select())
            .order((issues::created_at.desc(), issues::id.desc()))
            .limit(page.size)
            .offset(page.offset)
            .load(conn)
            .await?)
    }
}

/// GET Service Requests: public issues filed in a range of at most 90 days (the last 90 by
/// default), newest first, at most 1000 per page.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_list_requests",
    params(("format" = inline(Format), Path, description = "`json` or `xml`"), RequestsQuery, PageQuery, JurisdictionQuery, LocaleQuery),
    responses(
        (status = 200, description = "The requests (`<service_requests><request>…` in XML)", content(
            (Vec<ServiceRequest> = "application/json"), (String = "text/xml"))),
        ErrorResponses,
    ),
)]
#[get("/requests.{format}")]
pub async fn list_requests(state: web::Data<AppState>, format: web::Path<String>, req: HttpRequest) -> HttpResponse {
    reply(&format, "service_requests", async {
        let query = req.query_string();
        read::<JurisdictionQuery>(query)?.check(&state.config.public_url)?;
        let locale = read::<LocaleQuery>(query)?.locale()?;
        let page = read::<PageQuery>(query)?.page()?;
        let filters: RequestsQuery = read(query)?;
        let mut conn = state.pool.get().await?;
        let issues = filters.issues(&state, &mut conn, page).await?;
        describe(&state, &mut conn, issues, locale).await
    })
    .await
}

/// GET Service Request: one public issue (a list of one, as the specification has it).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_get_request",
    params(
        ("service_request_id" = String, Path, description = "The issue's number with a dash: 2026-000123"),
        ("format" = inline(Format), Path, description = "`json` or `xml`"),
        JurisdictionQuery,
        LocaleQuery,
    ),
    responses(
        (status = 200, description = "The request, alone in a list", content(
            (Vec<ServiceRequest> = "application/json"), (String = "text/xml"))),
        ErrorResponses,
    ),
)]
#[get("/requests/{service_request_id}.{format}")]
pub async fn get_request(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> HttpResponse {
    let (id, format) = path.into_inner();
    reply(&format, "service_requests", async {
        let query = req.query_string();
        read::<JurisdictionQuery>(query)?.check(&state.config.public_url)?;
        let locale = read::<LocaleQuery>(query)?.locale()?;
        let not_found = || Open311Error::not_found(format!("service_request_id `{id}` was not found."));
        let lookup = RequestsQuery {
            service_request_id: Some(model::parse_number(&id).ok_or_else(not_found)?),
            ..RequestsQuery::default()
        };
        let mut conn = state.pool.get().await?;
        let issues = lookup.issues(&state, &mut conn, Page { size: 1, offset: 0 }).await?;
        if issues.is_empty() {
            return Err(not_found());
        }
        describe(&state, &mut conn, issues, locale).await
    })
    .await
}

/// GET service_request_id from a token. Every service is `realtime`: filing answers with
/// the request's id at once, so no token is ever issued and every token is unknown (404).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_get_token",
    params(
        ("token" = String, Path, description = "A token from filing a request (never issued here)"),
        ("format" = inline(Format), Path, description = "`json` or `xml`"),
        JurisdictionQuery,
    ),
    responses(ErrorResponses),
)]
#[get("/tokens/{token}.{format}")]
pub async fn get_token(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> HttpResponse {
    let (token, format) = path.into_inner();
    reply(&format, "service_requests", async {
        read::<JurisdictionQuery>(req.query_string())?.check(&state.config.public_url)?;
        Err::<(), _>(Open311Error::not_found(format!(
            "token `{token}` was not found: this server issues no tokens, as filing a request answers with its service_request_id at once."
        )))
    })
    .await
}

/// The public views of `issues` as service requests, in the same order.
async fn describe(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    issues: Vec<Issue>,
    locale: Locale,
) -> Result<Vec<ServiceRequest>, Open311Error> {
    let ids: Vec<Uuid> = issues.iter().map(|issue| issue.id).collect();
    let mut notes_by_id = latest_notes(conn, &ids).await?;
    let mut notes: HashMap<String, String> = issues
        .iter()
        .filter_map(|issue| Some((issue.number.clone(), notes_by_id.remove(&issue.id)?)))
        .collect();
    let views = view::public_views(conn, issues, state.clock.now()).await?;
    Ok(views
        .into_iter()
        .map(|view| {
            let notes = notes.remove(&view.number);
            service_request(view, notes, locale, &state.config.public_url)
        })
        .collect())
}

/// The latest public message of the city (a response or a status justification) per issue.
async fn latest_notes(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<HashMap<Uuid, String>> {
    let rows: Vec<(Uuid, String)> = issue_events::table
        .filter(issue_events::issue_id.eq_any(ids))
        .filter(issue_events::public.eq(true))
        .filter(issue_events::message.is_not_null())
        .distinct_on(issue_events::issue_id)
        .select((issue_events::issue_id, issue_events::message.assume_not_null()))
        .order((issue_events::issue_id, issue_events::id.desc()))
        .load(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

fn service_request(
    view: PublicIssue,
    status_notes: Option<String>,
    locale: Locale,
    public_url: &str,
) -> ServiceRequest {
    let status = RequestStatus::of(view.status);
    let updated = match status {
        RequestStatus::Closed => view.finished_at.unwrap_or(view.updated_at),
        RequestStatus::Open => view.updated_at,
    };
    ServiceRequest {
        service_request_id: view.number.replace('/', "-"),
        status,
        status_notes,
        service_name: Some(locale.pick(&view.category.name_pl, &view.category.name_en).to_owned()),
        service_code: view.category.slug,
        description: Some(description(&view.title, &view.description)),
        agency_responsible: Some(view.unit.name),
        service_notice: view
            .deadline
            .as_ref()
            .map(|deadline| notice(deadline.kind, deadline.due_at, locale)),
        requested_datetime: whole_seconds(view.created_at),
        updated_datetime: Some(whole_seconds(updated)),
        expected_datetime: view.deadline.map(|deadline| whole_seconds(deadline.due_at)),
        zipcode: view.address.as_deref().and_then(postal_code),
        address: view.address,
        address_id: None,
        lat: view.location.map(|location| location.lat),
        long: view.location.map(|location| location.lon),
        // `<[_]>::first`: diesel's `RunQueryDsl::first` would shadow the slice method.
        media_url: <[_]>::first(&view.photos).map(|photo| format!("{}{}", public_url.trim_end_matches('/'), photo.url)),
    }
}

/// The title, then the description, cut to GeoReport's 4,000 characters.
fn description(title: &str, text: &str) -> String {
    let full = if text.trim().is_empty() {
        title.to_owned()
    } else {
        format!("{title}\n\n{text}")
    };
    if full.chars().count() <= DESCRIPTION_LIMIT {
        return full;
    }
    let mut cut: String = full.chars().take(DESCRIPTION_LIMIT - 1).collect();
    cut.push('…');
    cut
}

/// What the current deadline promises.
fn notice(kind: DeadlineKind, due: DateTime<Utc>, locale: Locale) -> String {
    let text = match kind {
        DeadlineKind::Verify => locale.pick(
            "Jednostka zweryfikuje zgłoszenie do {day}.",
            "The unit will verify the request by {day}.",
        ),
        DeadlineKind::StartWork => locale.pick("Prace rozpoczną się do {day}.", "Work will start by {day}."),
        DeadlineKind::Finish => locale.pick(
            "Zgłoszenie zostanie rozpatrzone do {day}.",
            "The request will be decided by {day}.",
        ),
    };
    text.replace("{day}", &format_day(due))
}

/// A Polish postal code (`90-926`) standing on its own in an address.
fn postal_code(address: &str) -> Option<String> {
    let chars: Vec<char> = address.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    (0..chars.len()).find_map(|i| {
        let shaped = digit(i) && digit(i + 1) && chars.get(i + 2) == Some(&'-') && (3..6).all(|k| digit(i + k));
        let alone = (i == 0 || !digit(i - 1)) && !digit(i + 6);
        (shaped && alone).then(|| chars[i..i + 6].iter().collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes_are_found_in_addresses() {
        assert_eq!(
            postal_code("ul. Piotrkowska 104, 90-926 Łódź").as_deref(),
            Some("90-926")
        );
        assert_eq!(postal_code("90-926").as_deref(), Some("90-926"));
        assert_eq!(postal_code("Piotrkowska 104"), None);
        assert_eq!(postal_code("tel. 123-456-789"), None);
        assert_eq!(postal_code("2026-000123"), None);
    }

    #[test]
    fn descriptions_join_title_and_text_within_the_limit() {
        assert_eq!(description("Dziura", "Głęboka."), "Dziura\n\nGłęboka.");
        assert_eq!(description("Dziura", " "), "Dziura");
        let long = description("T", &"ż".repeat(5000));
        assert_eq!(long.chars().count(), DESCRIPTION_LIMIT);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn notices_name_the_deadline_day() {
        let due = DateTime::parse_from_rfc3339("2026-11-27T00:00:00+01:00")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            notice(DeadlineKind::Verify, due, Locale::Pl),
            "Jednostka zweryfikuje zgłoszenie do 26.11.2026."
        );
        assert_eq!(
            notice(DeadlineKind::StartWork, due, Locale::En),
            "Work will start by 26.11.2026."
        );
    }
}
