//! „Gefährdete Betriebe“ (`/gefaehrdet`): the at-risk list as a work list — the businesses whose
//! latest visit found a relocation risk, an expansion need without space or a low location
//! satisfaction, and no completed follow-up (`wifo_projections::queries::at_risk` defines it).
//! A staff member opens their own businesses, the lead and admins the whole office; anyone may
//! choose another staff member or all (`?mitarbeiter=login`, empty for all). Each row links the
//! business and the visit; the list downloads for Excel (`&format=csv|xlsx`).

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    http::Method,
    response::Response,
    routing::get,
};
use wifo_app::{auth::Caller, export::table_bytes, roles::INQUIRY_READERS};
use wifo_domain::{
    german,
    values::{Role, UserName},
};
use wifo_exchange::export::{Cell, Sheet};
use wifo_projections::queries::at_risk::{AtRisk, at_risk};

use super::{
    choices::{named_user, staff_choices},
    error::PageError,
    form::{Choice, FormView},
    listing::{Downloads, ListAddress, download_format},
    page,
    pages::{self, Chrome},
    ready, texts, today,
};
use crate::respond::attachment;
use crate::routes::Route;
use crate::state::AppState;

#[derive(serde::Deserialize, Default)]
struct AtRiskParams {
    /// Absent: the caller's own (staff) or all (everyone else); empty: all.
    mitarbeiter: Option<String>,
    #[serde(default)]
    format: String,
}

struct Row {
    organization_href: String,
    organization: String,
    visit_href: String,
    visited_on: String,
    reasons: Vec<String>,
    manager: String,
    follow_up: String,
}

#[derive(Template)]
#[template(path = "at_risk.html")]
struct AtRiskPage {
    page: Chrome,
    t: texts::Texts,
    today: String,
    /// Whose businesses, chosen from the staff by display name (empty: all).
    staff: Vec<Choice>,
    whose: Option<String>,
    rows: Vec<Row>,
    total: String,
    downloads: Downloads,
}

/// The columns of the page and the download, as text keys.
const COLUMNS: [&str; 5] = [
    "col.visited_on",
    "col.organization",
    "risk.reasons",
    "col.account_manager",
    "risk.follow_up",
];

/// Whose list: `None` for the whole office.
fn whose(
    state: &AppState,
    caller: &Caller,
    param: Option<&str>,
) -> Result<Option<UserName>, PageError> {
    match param {
        None if caller.role == Role::Staff => Ok(Some(caller.user.clone())),
        None | Some("") => Ok(None),
        Some(login) => named_user(state, caller, login).map(Some),
    }
}

fn cells(entry: &AtRisk, names: &wifo_projections::queries::names::Names<'_>) -> Vec<Cell> {
    vec![
        Cell::Date(entry.visited_on),
        Cell::text(entry.organization_name.clone()),
        Cell::text(
            entry
                .reasons
                .iter()
                .map(|reason| reason.label())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Cell::optional(
            entry
                .account_manager
                .as_ref()
                .map(|manager| names.staff(manager.as_str())),
        ),
        Cell::text(follow_up_text(entry, names)),
    ]
}

/// „offen bei Max Schulz, fällig 01.10.2026“, or „keine“.
fn follow_up_text(entry: &AtRisk, names: &wifo_projections::queries::names::Names<'_>) -> String {
    match &entry.open_follow_up {
        Some((assignee, due_on)) => format!(
            "{} {}, {} {}",
            texts::get("risk.open_with"),
            names.staff(assignee.as_str()),
            texts::get("risk.due"),
            german::date(*due_on)
        ),
        None => texts::get("risk.no_follow_up").to_owned(),
    }
}

async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<AtRiskParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let day = today();
    let user = whose(&state, &caller, params.mitarbeiter.as_deref())?;
    let views = state.projections.read();
    let names = views.names();
    let entries = at_risk(&views, day, user.as_ref());
    if let Some(format) = download_format(&params.format) {
        let header: Vec<&str> = COLUMNS.iter().map(|key| texts::get(key)).collect();
        let mut sheet = Sheet::new(texts::get("risk.title"), &header);
        sheet.rows = entries.iter().map(|entry| cells(entry, &names)).collect();
        drop(views);
        let bytes = table_bytes(std::slice::from_ref(&sheet), format)
            .map_err(|error| PageError::internal(&caller, "Export", error))?;
        return Ok(attachment(
            format.media_type(),
            &format!(
                "gefaehrdete-betriebe-{}.{}",
                german::iso(day),
                format.extension()
            ),
            bytes,
        ));
    }
    let login = user.as_ref().map(ToString::to_string).unwrap_or_default();
    let choices = staff_choices(&views, texts::get("risk.all"));
    let staff = FormView::with(&[("mitarbeiter", login.clone())]).options("mitarbeiter", &choices);
    let rows: Vec<Row> = entries
        .iter()
        .map(|entry| Row {
            organization_href: format!("/organisationen/{}", entry.organization),
            organization: entry.organization_name.clone(),
            visit_href: format!("/besuche/{}", entry.visit),
            visited_on: german::date(entry.visited_on),
            reasons: entry.reasons.iter().map(|reason| reason.label()).collect(),
            manager: entry
                .account_manager
                .as_ref()
                .map(|manager| names.staff(manager.as_str()))
                .unwrap_or_else(|| texts::get("risk.no_manager").to_owned()),
            follow_up: follow_up_text(entry, &names),
        })
        .collect();
    let whose = user.as_ref().map(|user| names.staff(user.as_str()));
    drop(views);
    let address = ListAddress::new("/gefaehrdet", vec![("mitarbeiter", login)]);
    let mut downloads = address.downloads();
    if user.is_none() {
        // An empty choice is dropped from the address; name "all" so a staff member's download
        // is the list shown, not their own.
        downloads = Downloads {
            csv_href: format!("{}&mitarbeiter=", downloads.csv_href),
            xlsx_href: format!("{}&mitarbeiter=", downloads.xlsx_href),
        };
    }
    Ok(pages::ok(&AtRiskPage {
        page: Chrome::new(&caller, texts::get("risk.title"), "/gefaehrdet"),
        t: texts::Texts,
        today: german::date(day),
        staff,
        whose,
        total: german::integer(rows.len() as i64),
        rows,
        downloads,
    }))
}

pub(super) fn routes() -> Vec<Route> {
    vec![page(
        Method::GET,
        "/gefaehrdet",
        INQUIRY_READERS,
        "Gefährdete Betriebe: rote Flaggen des letzten Besuchs ohne erledigte Wiedervorlage",
        get(list),
    )]
}
