//! Changing an organization's name, address, Planungsraum and account manager (chosen by display
//! name) with the day the change happened, or closing it with its day and reason
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
        AssignAccountManager, CloseOrganization, Organization, OrganizationCommand,
        OrganizationState, RelocateOrganization, RenameOrganization, Status,
    },
    values::{Address, OrganizationName, RegionCode, Text, UserName},
};

use crate::state::AppState;
use crate::ui::{
    choices::{staff_choices, taxonomy_choices},
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
    staff: Vec<Choice>,
    /// Already closed: no close form.
    closed: bool,
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
    let (regions, staff) = {
        let views = state.projections.read();
        (
            taxonomy_choices(&views, "regions", texts::get("form.none")),
            staff_choices(&views, texts::get("org.no_account_manager")),
        )
    };
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
            staff: form.options("account_manager", &staff),
            closed: matches!(found.status, Status::Closed { .. }),
            form,
        },
        status,
    )
}

/// The form again with what was typed and the messages at their fields.
fn refused(
    state: &AppState,
    caller: &Caller,
    id: OrganizationId,
    found: &OrganizationState,
    input: &Input,
) -> Response {
    edit_page(
        state,
        caller,
        id,
        found,
        input.view(),
        StatusCode::UNPROCESSABLE_ENTITY,
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
        (
            "account_manager",
            found
                .account_manager
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        ("changed_on", german::iso(today())),
        ("closed_on", german::iso(today())),
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
    let account_manager = input.optional("account_manager", UserName::parse);
    let changed_on = input.date("changed_on");
    let (Some(name), Some(address), Some(region), Some(account_manager), Some(changed_on)) =
        (name, address, region, account_manager, changed_on)
    else {
        return Ok(refused(&state, &caller, id, &found, &input));
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
    if found.account_manager != account_manager {
        commands.push(OrganizationCommand::AssignAccountManager(
            AssignAccountManager {
                organization: id,
                account_manager,
            },
        ));
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
            return Ok(refused(&state, &caller, id, &found, &input));
        }
    }
    Ok(pages::done(
        &format!("/organisationen/{id}"),
        "organization_changed",
    ))
}

pub(super) async fn close(
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
    let closed_on = input.date("closed_on");
    let reason = input.required("reason", Text::parse);
    if reason.as_ref().is_some_and(Text::is_empty) {
        input.fail("reason", texts::get("inquiry.reason_missing"));
    }
    let (Some(closed_on), Some(reason)) = (closed_on, reason) else {
        return Ok(refused(&state, &caller, id, &found, &input));
    };
    let command = OrganizationCommand::Close(CloseOrganization {
        organization: id,
        closed_on,
        reason,
    });
    if let Err(error) = state
        .office
        .execute::<Organization>(&caller, &command, None)
        .await
    {
        input.fail("closed_on", refusal(error));
        return Ok(refused(&state, &caller, id, &found, &input));
    }
    Ok(pages::done(
        &format!("/organisationen/{id}"),
        "organization_closed",
    ))
}
