//! The queue of open inquiries (`/anliegen`), overdue ones first, optionally only the caller's
//! own or one staff member's (`?bearbeiter=login`, chosen by display name); a closed inquiry
//! leaves it. „Liste herunterladen“ gives the queue as shown as CSV for German Excel or XLSX.

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    response::Response,
};
use serde::Deserialize;
use wifo_domain::german;
use wifo_projections::queries::work::inquiry_queue;

use crate::respond::attachment;
use crate::state::AppState;
use crate::ui::{
    choices::{named_user, staff_choices},
    error::PageError,
    form::{Choice, FormView},
    listing::{Downloads, ListAddress, download_format},
    pages::{self, Chrome},
    ready, texts, today,
};
use wifo_app::auth::Caller;
use wifo_app::export::table_bytes;
use wifo_exchange::export::{Cell, Sheet};

#[derive(Deserialize, Default)]
pub(super) struct QueueParams {
    ok: Option<String>,
    #[serde(default)]
    meine: String,
    #[serde(default)]
    bearbeiter: String,
    /// `csv` or `xlsx`: the queue as shown, as a file.
    #[serde(default)]
    format: String,
    #[serde(default)]
    pub(super) organisation: String,
    /// A new inquiry's topic and description to start from (a topic raised at a gathering).
    #[serde(default)]
    pub(super) thema: String,
    #[serde(default)]
    pub(super) beschreibung: String,
}

pub(super) struct QueueRow {
    pub href: String,
    pub organization: String,
    pub source: String,
    pub received: String,
    pub respond_by: String,
    pub overdue: bool,
    pub assignee: String,
    /// „beantwortet am 03.12.2026“ once there is a first answer (the deadline was met or not).
    pub answered: String,
    pub referrals: usize,
    respond_by_day: chrono::NaiveDate,
    received_day: chrono::NaiveDate,
    first_response_on: Option<chrono::NaiveDate>,
}

#[derive(Template)]
#[template(path = "inquiries.html")]
struct QueuePage {
    page: Chrome,
    t: texts::Texts,
    rows: Vec<QueueRow>,
    mine: bool,
    /// The staff to narrow the queue to, by display name.
    staff: Vec<Choice>,
    /// The download links of the queue as shown.
    downloads: Downloads,
}

/// The queue as a sheet for German Excel, in the order shown.
fn sheet(rows: &[QueueRow]) -> Sheet {
    let header: Vec<&str> = [
        "col.respond_by",
        "col.organization",
        "col.source",
        "inquiry.received_on",
        "inquiry.assignee",
        "inquiry.open_referrals",
        "inquiry.first_answer_on",
    ]
    .into_iter()
    .map(texts::get)
    .collect();
    let mut sheet = Sheet::new(texts::get("inquiry.queue_title"), &header);
    for row in rows {
        sheet.rows.push(vec![
            Cell::Date(row.respond_by_day),
            Cell::text(&row.organization),
            Cell::text(&row.source),
            Cell::Date(row.received_day),
            Cell::text(&row.assignee),
            Cell::Integer(row.referrals as i64),
            Cell::optional(row.first_response_on),
        ]);
    }
    sheet
}

pub(super) async fn queue(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<QueueParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let mine = !params.meine.is_empty();
    let chosen = if params.bearbeiter.is_empty() {
        None
    } else {
        Some(named_user(&state, &caller, &params.bearbeiter)?)
    };
    let assignee = if mine {
        Some(&caller.user)
    } else {
        chosen.as_ref()
    };
    let (rows, staff) = {
        let views = state.projections.read();
        let names = views.names();
        let choices = staff_choices(&views, texts::get("inquiry.everyone"));
        let staff = FormView::with(&[(
            "bearbeiter",
            assignee.map(ToString::to_string).unwrap_or_default(),
        )])
        .options("bearbeiter", &choices);
        let rows = inquiry_queue(
            &views,
            today(),
            state.config.first_response_working_days,
            assignee,
        )
        .into_iter()
        .map(|entry| QueueRow {
            href: format!("/anliegen/{}", entry.inquiry),
            organization: entry
                .organization_name
                .clone()
                .unwrap_or_else(|| texts::get("inquiry.anonymous").to_owned()),
            source: entry
                .source
                .map(|source| source.label().to_owned())
                .unwrap_or_default(),
            received: german::date(entry.received_on),
            respond_by: german::date(entry.respond_by),
            overdue: entry.overdue,
            assignee: entry
                .assignee
                .map(|name| names.staff(name.as_str()))
                .unwrap_or_default(),
            referrals: entry.open_referrals,
            answered: crate::ui::due::answered_note(entry.first_response_on),
            respond_by_day: entry.respond_by,
            received_day: entry.received_on,
            first_response_on: entry.first_response_on,
        })
        .collect::<Vec<_>>();
        (rows, staff)
    };
    if let Some(format) = download_format(&params.format) {
        let bytes = table_bytes(std::slice::from_ref(&sheet(&rows)), format)
            .map_err(|error| PageError::internal(&caller, "Export", error))?;
        return Ok(attachment(
            format.media_type(),
            &format!("anliegen.{}", format.extension()),
            bytes,
        ));
    }
    let address = ListAddress::new(
        "/anliegen",
        vec![
            ("meine", params.meine.clone()),
            ("bearbeiter", params.bearbeiter.clone()),
        ],
    );
    Ok(pages::ok(&QueuePage {
        downloads: address.downloads(),
        page: Chrome::new(&caller, texts::get("inquiry.queue_title"), "/anliegen")
            .with_notice(params.ok.as_deref()),
        t: texts::Texts,
        rows,
        mine,
        staff,
    }))
}
