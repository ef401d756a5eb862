//! The page of one contact (`/kontakte/{id}`): organization, day, channel, staff, the person
//! spoken to (by name, for the roles that see personal data), topics by name, the summary, and
//! for a retracted contact the reason — with its history (logged, corrected, retracted).

use askama::Template;
use axum::{
    Extension,
    extract::{Path, State},
    response::Response,
};
use wifo_app::{auth::Caller, history::Recorded};
use wifo_domain::{
    contact::{Contact, ContactEvent, ContactStatus},
    german,
    ids::ContactId,
};
use wifo_projections::queries::{names::Names, profile::Moment};

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    history::HistoryLine,
    pages::{self, Chrome},
    ready, texts,
};

#[derive(Template)]
#[template(path = "contact_record.html")]
struct ContactRecordPage {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    organization_href: String,
    facts: Vec<(String, String)>,
    summary: String,
    history: Vec<HistoryLine>,
}

fn history_lines(names: &Names<'_>, recorded: &[Recorded<ContactEvent>]) -> Vec<HistoryLine> {
    recorded
        .iter()
        .map(|entry| {
            let (on, what, text) = match &entry.event {
                ContactEvent::Logged {
                    channel,
                    contacted_on,
                    summary,
                    ..
                } => (
                    *contacted_on,
                    format!(
                        "{} ({})",
                        texts::get("history.contact_logged"),
                        channel.label()
                    ),
                    summary.to_string(),
                ),
                ContactEvent::Corrected {
                    channel,
                    contacted_on,
                    summary,
                    ..
                } => (
                    *contacted_on,
                    format!(
                        "{} ({})",
                        texts::get("history.contact_corrected"),
                        channel.label()
                    ),
                    summary.to_string(),
                ),
                ContactEvent::Retracted { reason, .. } => (
                    entry.recorded_at.date_naive(),
                    texts::get("history.contact_retracted").to_owned(),
                    reason.to_string(),
                ),
            };
            HistoryLine::new(
                names,
                on,
                what,
                &text,
                entry.recorded_at,
                &entry.recorded_by,
            )
        })
        .collect()
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = ContactId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("contact.unknown")))?;
    let recorded = state
        .history::<Contact>(&id.to_string())
        .await
        .map_err(|error| PageError::internal(&caller, "Verlauf eines Kontakts", error))?;
    let (organization, person) = {
        let views = state.projections.read();
        let found = views.contacts.get(&id);
        (
            found.and_then(|contact| contact.organization),
            found.and_then(|contact| contact.person),
        )
    };
    let person_name = match (organization, person) {
        (Some(organization), Some(person)) => state
            .organization_profile(&caller, organization, Moment::default())
            .await
            .and_then(|shown| {
                shown
                    .persons
                    .into_iter()
                    .find(|shown| shown.person == person)
                    .and_then(|shown| shown.personal.known().map(|data| data.name.to_string()))
            })
            .or_else(|| Some(texts::get("visit.participant_hidden").to_owned())),
        _ => None,
    };

    let views = state.projections.read();
    let Some(contact) = views.contacts.get(&id) else {
        return Err(PageError::not_found(&caller, texts::get("contact.unknown")));
    };
    let names = views.names();
    let organization_name = contact
        .organization
        .map(|organization| names.organization(&organization))
        .unwrap_or_default();
    let mut facts = vec![
        (
            texts::get("col.organization").to_owned(),
            organization_name.clone(),
        ),
        (
            texts::get("contact.date").to_owned(),
            german::optional_date(contact.contacted_on),
        ),
        (
            texts::get("contact.channel").to_owned(),
            contact
                .channel
                .map(|channel| channel.label().to_owned())
                .unwrap_or_default(),
        ),
        (
            texts::get("col.staff").to_owned(),
            contact
                .staff
                .as_ref()
                .map(|staff| names.staff(staff.as_str()))
                .unwrap_or_default(),
        ),
        (
            texts::get("contact.person").to_owned(),
            person_name.unwrap_or_default(),
        ),
        (
            texts::get("col.topics").to_owned(),
            names.topics(&contact.topics),
        ),
    ];
    if contact.status == ContactStatus::Retracted {
        facts.push((
            texts::get("visit.status").to_owned(),
            texts::get("contact.retracted").to_owned(),
        ));
    }
    facts.retain(|(_, value)| !value.is_empty());
    let heading = format!(
        "{} – {organization_name}",
        texts::get("contact.record_title")
    );
    let page = ContactRecordPage {
        page: Chrome::new(&caller, &heading, ""),
        t: texts::Texts,
        heading,
        organization_href: contact
            .organization
            .map(|organization| format!("/organisationen/{organization}"))
            .unwrap_or_default(),
        facts,
        summary: contact.summary.to_string(),
        history: history_lines(&names, &recorded),
    };
    drop(views);
    Ok(pages::ok(&page))
}
