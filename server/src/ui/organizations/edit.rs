//! Changing an organization's name, address and Planungsraum with the day the change happened
//! (`/organisationen/{id}/bearbeiten`): a move in July entered in December is dated July, so
//! visits between count in the old region and the timeline shows both days. The form sends a
//! rename and a move only for what changed; a day after today is refused next to its field.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use wifo_domain::{
    german,
    ids::OrganizationId,
    organization::{
        Organization, OrganizationCommand, OrganizationState, RelocateOrganization,
        RenameOrganization,
    },
    values::{Address, OrganizationName, RegionCode},
};

use crate::state::AppState;
use crate::ui::{
    choices::taxonomy_choices,
    error::PageError,
    form::{Choice, FormView, Input},
    pages::{self, Chrome},
    ready, refusal, texts, today,
};
use wifo_app::auth::Caller;

#[derive(Template)]
#[template(path = "organization_edit.html")]
struct EditPage {
    page: Chrome,
    t: texts::Texts,
    id: String,
    name: String,
    form: FormView,
    regions: Vec<Choice>,
}

fn current(state: &AppState, id: OrganizationId) -> Option<OrganizationState> {
    state
        .projections
        .read()
        .organizations
        .get(&id)
        .map(|record| record.state.clone())
        .filter(|found| found.name.is_some())
}

fn edit_page(
    state: &AppState,
    caller: &Caller,
    id: OrganizationId,
    found: &OrganizationState,
    form: FormView,
    status: StatusCode,
) -> Response {
    let regions = taxonomy_choices(
        &state.projections.read(),
        "regions",
        texts::get("form.none"),
    );
    let name = found
        .name
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    pages::render(
        &EditPage {
            page: Chrome::new(
                caller,
                format!("{} – {name}", texts::get("org.edit_title")),
                "",
            ),
            t: texts::Texts,
            id: id.to_string(),
            name,
            regions: form.options("region", &regions),
            form,
        },
        status,
    )
}

fn parse_id(caller: &Caller, id: &str) -> Result<OrganizationId, PageError> {
    OrganizationId::parse(id).map_err(|_| PageError::not_found(caller, texts::get("org.unknown")))
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = parse_id(&caller, &id)?;
    let found = current(&state, id)
        .ok_or_else(|| PageError::not_found(&caller, texts::get("org.unknown")))?;
    let address = found.address.as_ref();
    let form = FormView::with(&[
        (
            "name",
            found
                .name
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        (
            "street",
            address.map(|a| a.street.to_string()).unwrap_or_default(),
        ),
        (
            "postal_code",
            address
                .map(|a| a.postal_code.to_string())
                .unwrap_or_default(),
        ),
        (
            "city",
            address.map(|a| a.city.to_string()).unwrap_or_default(),
        ),
        (
            "region",
            found
                .region
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        ("changed_on", german::iso(today())),
    ]);
    Ok(edit_page(&state, &caller, id, &found, form, StatusCode::OK))
}

pub(super) async fn edit(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = parse_id(&caller, &id)?;
    let found = current(&state, id)
        .ok_or_else(|| PageError::not_found(&caller, texts::get("org.unknown")))?;
    let mut input = Input::new(pairs);
    let name = input.required("name", OrganizationName::parse);
    let street = input.get("street").to_owned();
    let postal_code = input.get("postal_code").to_owned();
    let city = input.get("city").to_owned();
    let address = match Address::parse(&street, &postal_code, &city) {
        Ok(address) => Some(address),
        Err(error) => {
            input.fail("street", error.to_string());
            None
        }
    };
    let region = input.optional("region", RegionCode::parse);
    let changed_on = input.date("changed_on");
    let (Some(name), Some(address), Some(region), Some(changed_on)) =
        (name, address, region, changed_on)
    else {
        return Ok(edit_page(
            &state,
            &caller,
            id,
            &found,
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let mut commands = Vec::new();
    if found.name.as_ref() != Some(&name) {
        commands.push(OrganizationCommand::Rename(RenameOrganization {
            organization: id,
            name,
        }));
    }
    if found.address.as_ref() != Some(&address) || found.region != region {
        commands.push(OrganizationCommand::Relocate(RelocateOrganization {
            organization: id,
            address,
            region,
        }));
    }
    for command in commands {
        if let Err(error) = state
            .office
            .execute_on::<Organization>(
                &caller,
                &command,
                None,
                Some((texts::get("org.changed_on"), changed_on)),
            )
            .await
        {
            let message = refusal(error);
            input.fail("changed_on", message);
            return Ok(edit_page(
                &state,
                &caller,
                id,
                &found,
                input.view(),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    }
    Ok(pages::done(
        &format!("/organisationen/{id}"),
        "organization_changed",
    ))
}
