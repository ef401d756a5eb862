//! The page of one gathering (`/veranstaltungen/{id}`): kind, title, day, venue, co-hosts, the
//! cooperation milestone it serves, where it stands; the organizations invited, every answer to
//! the invitation, who attended (organizations by name, people counted) and the others counted
//! at the door — with its history, including a cancellation's reason.

use std::collections::BTreeMap;

use askama::Template;
use axum::{
    Extension,
    extract::{Path, Query, State},
    response::Response,
};
use wifo_app::{auth::Caller, history::Recorded};
use wifo_domain::{
    gathering::{Gathering, GatheringEvent, Status},
    german,
    ids::GatheringId,
};
use wifo_projections::queries::names::Names;

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    history::HistoryLine,
    pages::{self, Chrome},
    ready, texts,
};

#[derive(Template)]
#[template(path = "gathering.html")]
struct GatheringPage {
    /// The forms the reader may use on it: (href, title).
    actions: Vec<(String, &'static str)>,
    page: Chrome,
    t: texts::Texts,
    heading: String,
    facts: Vec<(String, String)>,
    invited: Vec<String>,
    /// (organization, answer, day)
    answers: Vec<(String, String, String)>,
    /// (organization, people who came)
    attended: Vec<(String, usize)>,
    /// The invitation list by audience, while the gathering is planned (who may invite).
    audience_href: Option<String>,
    /// The guests' address list for the invitation, for the roles that see personal data.
    addresses_href: Option<String>,
    /// After the gathering, per topic: its name, the new inquiry and (with a co-host) the new
    /// reminder it becomes with one click.
    raised: Vec<Raised>,
    history: Vec<HistoryLine>,
}

struct Raised {
    topic: String,
    inquiry_href: String,
    reminder_href: Option<String>,
}

/// `text` for a query parameter.
fn query_value(text: &str) -> String {
    serde_urlencoded::to_string([("v", text)])
        .map(|pair| pair.trim_start_matches("v=").to_owned())
        .unwrap_or_default()
}

fn history_lines(names: &Names<'_>, recorded: &[Recorded<GatheringEvent>]) -> Vec<HistoryLine> {
    use GatheringEvent as E;
    recorded
        .iter()
        .map(|entry| {
            let (on, what, text) = match &entry.event {
                E::Planned {
                    kind, title, date, ..
                } => (
                    entry.occurred_on,
                    format!(
                        "{} „{title}“ ({}, {})",
                        texts::get("history.gathering_planned"),
                        kind.label(),
                        german::date(*date)
                    ),
                    String::new(),
                ),
                E::Rescheduled { date, .. } => (
                    entry.occurred_on,
                    format!(
                        "{} {}",
                        texts::get("history.gathering_rescheduled"),
                        german::date(*date)
                    ),
                    String::new(),
                ),
                E::Invited {
                    organizations,
                    persons,
                    invited_on,
                    ..
                } => (
                    *invited_on,
                    format!(
                        "{}: {} {}, {} {}",
                        texts::get("history.gathering_invited"),
                        organizations.len(),
                        texts::get("gathering.organizations"),
                        persons.len(),
                        texts::get("gathering.persons")
                    ),
                    names.organizations(organizations),
                ),
                E::RegistrationRecorded {
                    organization,
                    registered_on,
                    attending,
                    ..
                } => (
                    *registered_on,
                    format!(
                        "{} {}: {}",
                        texts::get("history.gathering_answer"),
                        names.organization(organization),
                        texts::get(if *attending {
                            "gathering.yes"
                        } else {
                            "gathering.no"
                        })
                    ),
                    String::new(),
                ),
                E::Held {
                    held_on,
                    attendance,
                    other_attendees,
                    ..
                } => (
                    *held_on,
                    format!(
                        "{}: {} {}, {} {}",
                        texts::get("history.gathering_held"),
                        attendance.len(),
                        texts::get("gathering.listed"),
                        other_attendees,
                        texts::get("gathering.others")
                    ),
                    String::new(),
                ),
                E::Cancelled {
                    cancelled_on,
                    reason,
                    ..
                } => (
                    *cancelled_on,
                    texts::get("history.gathering_cancelled").to_owned(),
                    reason.to_string(),
                ),
                E::AgendaSet {
                    topics, offices, ..
                } => (
                    entry.occurred_on,
                    texts::get("history.gathering_agenda").to_owned(),
                    format!(
                        "{}: {}; {}: {}",
                        texts::get("gathering.topics"),
                        or_none(names.topics(topics)),
                        texts::get("gathering.offices"),
                        or_none(
                            offices
                                .iter()
                                .map(|office| names.office(office.as_str()))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    ),
                ),
            };
            HistoryLine::of(names, entry, on, what, &text)
        })
        .collect()
}

/// „keine“ for an empty list.
fn or_none(list: String) -> String {
    if list.is_empty() {
        texts::get("gathering.none").to_owned()
    } else {
        list
    }
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = GatheringId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("gathering.unknown")))?;
    let recorded = crate::ui::history::load::<Gathering>(&state, &caller, &id).await?;
    let views = state.projections.read();
    let Some(found) = views
        .gatherings
        .get(&id)
        .filter(|found| found.title.is_some())
    else {
        return Err(PageError::not_found(
            &caller,
            texts::get("gathering.unknown"),
        ));
    };
    let names = views.names();
    let title = found
        .title
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut facts = vec![
        (
            texts::get("gathering.kind").to_owned(),
            found
                .kind
                .map(|kind| kind.label().to_owned())
                .unwrap_or_default(),
        ),
        (
            texts::get("gathering.date").to_owned(),
            german::optional_date(found.date),
        ),
        (
            texts::get("gathering.venue").to_owned(),
            found.venue.to_string(),
        ),
        (
            texts::get("gathering.co_hosts").to_owned(),
            names.organizations(&found.co_hosts),
        ),
        (
            texts::get("visit.status").to_owned(),
            match found.status {
                Status::Held { held_on } => {
                    format!(
                        "{} {}",
                        texts::get("gathering.held_on"),
                        german::date(held_on)
                    )
                }
                Status::Cancelled { .. } => texts::get("gathering.cancelled").to_owned(),
                _ => texts::get("gathering.planned").to_owned(),
            },
        ),
        (
            texts::get("gathering.others_label").to_owned(),
            if matches!(found.status, Status::Held { .. }) {
                german::integer(i64::from(found.other_attendees))
            } else {
                String::new()
            },
        ),
    ];
    facts.push((
        texts::get("gathering.topics").to_owned(),
        names.topics(&found.topics),
    ));
    facts.push((
        texts::get("gathering.offices").to_owned(),
        found
            .offices
            .iter()
            .map(|office| names.office(office.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
    ));
    facts.retain(|(_, value)| !value.is_empty());
    let audience_href = (found.status == Status::Planned
        && wifo_app::roles::PLANNING.contains(&caller.role))
    .then(|| format!("/veranstaltungen/{id}/zielgruppe"));
    let addresses_href = (wifo_app::roles::sees_personal_data(caller.role)
        && !(found.invited_persons.is_empty() && found.invited_organizations.is_empty()))
    .then(|| format!("/anschriften?zweck=invitation&veranstaltung={id}"));
    let raised = match found.status {
        Status::Held { held_on } if wifo_app::roles::PLANNING.contains(&caller.role) => found
            .topics
            .iter()
            .map(|topic| {
                let name = names.topic(topic.as_str());
                let note = format!(
                    "{} „{title}“ {} {}: {name}",
                    texts::get("gathering.raised_at"),
                    texts::get("gathering.raised_on"),
                    german::date(held_on)
                );
                Raised {
                    inquiry_href: format!(
                        "/anliegen/neu?thema={}&beschreibung={}",
                        query_value(topic.as_str()),
                        query_value(&note)
                    ),
                    reminder_href: found.co_hosts.first().map(|host| {
                        format!(
                            "/wiedervorlagen/neu?zu=organisation&id={host}&aufgabe={}",
                            query_value(&note)
                        )
                    }),
                    topic: name,
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut attended: BTreeMap<String, usize> = BTreeMap::new();
    for attendance in &found.attendance {
        let organization = attendance
            .organization
            .map(|organization| names.organization(&organization))
            .unwrap_or_else(|| texts::get("gathering.without_organization").to_owned());
        *attended.entry(organization).or_default() += 1;
    }
    let page = GatheringPage {
        actions: crate::ui::actions::links(&caller, "/veranstaltungen/{id}", &id.to_string()),
        page: Chrome::new(&caller, &title, "").with_notice(notice.ok.as_deref()),
        t: texts::Texts,
        heading: title,
        facts,
        invited: found
            .invited_organizations
            .iter()
            .map(|organization| names.organization(organization))
            .collect(),
        answers: found
            .registrations
            .iter()
            .map(|registration| {
                (
                    names.organization(&registration.organization),
                    texts::get(if registration.attending {
                        "gathering.yes"
                    } else {
                        "gathering.no"
                    })
                    .to_owned(),
                    german::date(registration.registered_on),
                )
            })
            .collect(),
        attended: attended.into_iter().collect(),
        audience_href,
        addresses_href,
        raised,
        history: history_lines(&names, &recorded),
    };
    drop(views);
    Ok(pages::ok(&page))
}
