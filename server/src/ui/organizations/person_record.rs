//! The page of one contact person (`/personen/{id}`, for the roles that see personal data): name,
//! e-mail and phone as last recorded (or „gelöscht“ after an erasure), the organizations the
//! person is linked to with the role, the consents in force, and the history — links, unlinks,
//! consents with purpose, channel and source, withdrawals, the erasure with its reason.

use askama::Template;
use axum::{
    Extension,
    extract::{Path, Query, State},
    response::Response,
};
use wifo_app::{access_log::AccessPurpose, auth::Caller, history::Recorded};
use wifo_domain::{
    german,
    ids::PersonId,
    person::{Person, PersonEvent},
    personal::{ERASED_LABEL, Erasable, PersonalData},
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
#[template(path = "person_record.html")]
struct PersonPage {
    /// The forms the reader may use on it: (href, title).
    actions: Vec<(String, &'static str)>,
    page: Chrome,
    t: texts::Texts,
    heading: String,
    facts: Vec<(String, String)>,
    /// (href, organization, role)
    links: Vec<(String, String, String)>,
    /// (purpose, given on)
    consents: Vec<(String, String)>,
    history: Vec<HistoryLine>,
}

fn history_lines(names: &Names<'_>, recorded: &[Recorded<PersonEvent>]) -> Vec<HistoryLine> {
    use PersonEvent as E;
    recorded
        .iter()
        .map(|entry| {
            let (on, what, text) = match &entry.event {
                E::Added { .. } => (
                    entry.occurred_on,
                    texts::get("history.person_added").to_owned(),
                    String::new(),
                ),
                E::Updated { .. } => (
                    entry.occurred_on,
                    texts::get("history.person_updated").to_owned(),
                    String::new(),
                ),
                E::Linked {
                    organization, role, ..
                } => (
                    entry.occurred_on,
                    format!(
                        "{} {} ({role})",
                        texts::get("history.person_linked"),
                        names.organization(organization)
                    ),
                    String::new(),
                ),
                E::Unlinked { organization, .. } => (
                    entry.occurred_on,
                    format!(
                        "{} {}",
                        texts::get("history.person_unlinked"),
                        names.organization(organization)
                    ),
                    String::new(),
                ),
                E::ConsentRecorded {
                    purpose,
                    channel,
                    source,
                    given_on,
                    ..
                } => (
                    *given_on,
                    format!(
                        "{}: {} ({})",
                        texts::get("history.consent_given"),
                        purpose.label(),
                        channel.label()
                    ),
                    source.to_string(),
                ),
                E::ConsentWithdrawn {
                    purpose,
                    withdrawn_on,
                    ..
                } => (
                    *withdrawn_on,
                    format!(
                        "{}: {}",
                        texts::get("history.consent_withdrawn"),
                        purpose.label()
                    ),
                    String::new(),
                ),
                E::Erased {
                    erased_on, reason, ..
                } => (
                    *erased_on,
                    format!(
                        "{}: {}",
                        texts::get("history.person_erased"),
                        reason.label()
                    ),
                    String::new(),
                ),
            };
            HistoryLine::of(names, entry, on, what, &text)
        })
        .collect()
}

/// The personal data as last recorded, if not erased.
fn latest(recorded: &[Recorded<PersonEvent>]) -> Option<&Erasable<PersonalData>> {
    recorded.iter().rev().find_map(|entry| match &entry.event {
        PersonEvent::Added { personal, .. } | PersonEvent::Updated { personal, .. } => {
            Some(personal)
        }
        _ => None,
    })
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = PersonId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("person.unknown")))?;
    if !state.projections.read().persons.contains_key(&id) {
        return Err(PageError::not_found(&caller, texts::get("person.unknown")));
    }
    state
        .data
        .access
        .opened(&caller, [id], "GET /personen/{id}", AccessPurpose::Casework)
        .map_err(|error| PageError::internal(&caller, "access log", error))?;
    let recorded = crate::ui::history::load::<Person>(&state, &caller, &id).await?;
    let views = state.projections.read();
    let Some(record) = views.persons.get(&id) else {
        return Err(PageError::not_found(&caller, texts::get("person.unknown")));
    };
    let names = views.names();
    let known = latest(&recorded)
        .and_then(Erasable::known)
        .filter(|_| !record.erased);
    let heading = known.map_or_else(|| ERASED_LABEL.to_owned(), |data| data.name.to_string());
    let mut facts = vec![
        (
            texts::get("person.email").to_owned(),
            known
                .and_then(|data| data.email.as_ref())
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        (
            texts::get("person.phone").to_owned(),
            known
                .and_then(|data| data.phone.as_ref())
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        (
            texts::get("person.notes").to_owned(),
            known.map(|data| data.notes.to_string()).unwrap_or_default(),
        ),
    ];
    facts.retain(|(_, value)| !value.is_empty());
    let page = PersonPage {
        actions: crate::ui::actions::links(&caller, "/personen/{id}", &id.to_string()),
        page: Chrome::new(&caller, &heading, "").with_notice(notice.ok.as_deref()),
        t: texts::Texts,
        heading,
        facts,
        links: record
            .links
            .iter()
            .map(|(organization, role)| {
                (
                    format!("/organisationen/{organization}"),
                    names.organization(organization),
                    role.to_string(),
                )
            })
            .collect(),
        consents: record
            .consents
            .iter()
            .map(|(purpose, given_on)| (purpose.label().to_owned(), german::date(*given_on)))
            .collect(),
        history: history_lines(&names, &recorded),
    };
    drop(views);
    Ok(pages::ok(&page))
}
