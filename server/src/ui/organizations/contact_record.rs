//! The page of one contact (`/kontakte/{id}`): organization, day, channel, staff, the person
//! spoken to (by name, for the roles that see personal data), topics by name, the summary, and
//! for a retracted contact the reason — with its history (logged, corrected, retracted), and
//! the form to retract a contact logged by mistake.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_app::{auth::Caller, history::Recorded};
use wifo_domain::{
    contact::{Contact, ContactCommand, ContactEvent, ContactStatus, RetractContact},
    german,
    ids::ContactId,
    values::Text,
};
use wifo_projections::queries::names::Names;

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::{FormView, Input},
    history::HistoryLine,
    pages::{self, Chrome},
    ready, refusal, texts,
};

#[derive(Template)]
#[template(path = "contact_record.html")]
struct ContactRecordPage {
    /// The forms the reader may use on it: (href, title).
    actions: Vec<(String, &'static str)>,
    page: Chrome,
    t: texts::Texts,
    id: String,
    heading: String,
    organization_href: String,
    facts: Vec<(String, String)>,
    summary: String,
    history: Vec<HistoryLine>,
    may_retract: bool,
    form: FormView,
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
                    entry.occurred_on,
                    texts::get("history.contact_retracted").to_owned(),
                    reason.to_string(),
                ),
            };
            HistoryLine::of(names, entry, on, what, &text)
        })
        .collect()
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = ContactId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("contact.unknown")))?;
    contact_page(
        &state,
        &caller,
        id,
        FormView::default(),
        notice.ok.as_deref(),
        StatusCode::OK,
    )
    .await
}

/// Retracts a contact logged by mistake, with the reason (it then counts nowhere).
pub(super) async fn retract(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = ContactId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("contact.unknown")))?;
    let mut input = Input::new(pairs);
    let reason = input.required("reason", Text::parse);
    if reason.as_ref().is_some_and(Text::is_empty) {
        input.fail("reason", texts::get("inquiry.reason_missing"));
    }
    let Some(reason) = reason.filter(|_| input.is_valid()) else {
        return contact_page(
            &state,
            &caller,
            id,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let command = ContactCommand::Retract(RetractContact {
        contact: id,
        reason,
    });
    if let Err(error) = state
        .office
        .execute::<Contact>(&caller, &command, None)
        .await
    {
        let view = input.view().refused(refusal(error));
        return contact_page(
            &state,
            &caller,
            id,
            view,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    Ok(pages::done(&format!("/kontakte/{id}"), "contact_retracted"))
}

async fn contact_page(
    state: &AppState,
    caller: &Caller,
    id: ContactId,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let recorded = crate::ui::history::load::<Contact>(state, caller, &id).await?;
    let (_organization, person) = {
        let views = state.projections.read();
        let found = views.contacts.get(&id);
        (
            found.and_then(|contact| contact.organization),
            found.and_then(|contact| contact.person),
        )
    };
    let person_name = match person {
        Some(person) => Some(
            wifo_app::profiles::person_names(
                &state.data,
                &state.projections,
                caller,
                &[person],
                "GET /kontakte/{id}",
            )
            .await
            .map_err(|error| PageError::internal(caller, "access log", error))?
            .remove(&person)
            .unwrap_or_else(|| texts::get("visit.participant_hidden").to_owned()),
        ),
        None => None,
    };

    let views = state.projections.read();
    let Some(contact) = views.contacts.get(&id) else {
        return Err(PageError::not_found(caller, texts::get("contact.unknown")));
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
        actions: crate::ui::actions::links(caller, "/kontakte/{id}", &id.to_string()),
        id: id.to_string(),
        page: Chrome::new(caller, &heading, "").with_notice(notice),
        t: texts::Texts,
        heading,
        organization_href: contact
            .organization
            .map(|organization| format!("/organisationen/{organization}"))
            .unwrap_or_default(),
        facts,
        summary: contact.summary.to_string(),
        history: history_lines(&names, &recorded),
        may_retract: contact.status == ContactStatus::Logged
            && wifo_app::roles::STAFF.contains(&caller.role),
        form,
    };
    drop(views);
    Ok(pages::render(&page, status))
}
