//! Registering an organization (`/organisationen/neu`): the form, and on posting it the likely
//! duplicates of what was entered, which the user must tick off before the organization is
//! registered.

use askama::Template;
use axum::{Extension, Form, extract::State, http::StatusCode, response::Response};
use uuid::Uuid;
use wifo_domain::{
    ids::OrganizationId,
    organization::{
        Organization, OrganizationCommand, OrganizationKind, Profile, RegisterOrganization,
    },
    values::{Address, OrganizationName, RegionCode, SizeClass, Website, WzCode},
};

use crate::state::AppState;
use crate::ui::{
    choices::{taxonomy_choices, with_empty},
    form::{Choice, FormView, Input, enum_choices},
    pages::{self, Chrome},
    refusal, texts,
};
use wifo_app::auth::Caller;

#[derive(Template)]
#[template(path = "organization_new.html")]
struct RegisterPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    kinds: Vec<Choice>,
    sizes: Vec<Choice>,
    regions: Vec<Choice>,
    /// Likely duplicates of what was entered: (id, name, reason); registering needs a tick.
    duplicates: Vec<(String, String, &'static str)>,
}

fn register_page(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    status: StatusCode,
) -> Response {
    register_page_warning(state, caller, form, Vec::new(), status)
}

fn register_page_warning(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    duplicates: Vec<wifo_app::duplicates::Candidate>,
    status: StatusCode,
) -> Response {
    let regions = taxonomy_choices(
        &state.projections.read(),
        "regions",
        texts::get("form.none"),
    );
    let sizes = with_empty(
        texts::get("form.none"),
        enum_choices(&SizeClass::ALL, SizeClass::label),
    );
    pages::render(
        &RegisterPage {
            page: Chrome::new(caller, texts::get("org.new_title"), "/organisationen/neu"),
            t: texts::Texts,
            kinds: form.options(
                "kind",
                &enum_choices(&OrganizationKind::ALL, OrganizationKind::label),
            ),
            sizes: form.options("size_class", &sizes),
            regions: form.options("region", &regions),
            duplicates: duplicates
                .into_iter()
                .map(|candidate| {
                    (
                        candidate.organization.to_string(),
                        candidate.name,
                        candidate.reason.label(),
                    )
                })
                .collect(),
            form,
        },
        status,
    )
}

pub(super) async fn new_organization(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Response {
    register_page(
        &state,
        &caller,
        FormView::with(&[
            ("kind", "company".into()),
            ("city", "Berlin".into()),
            (
                "registered_on",
                wifo_domain::german::iso(crate::ui::today()),
            ),
        ]),
        StatusCode::OK,
    )
}

pub(super) async fn register(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let name = input.required("name", OrganizationName::parse);
    let kind = input.choice::<OrganizationKind>("kind");
    let street = input.get("street").to_owned();
    let postal_code = input.get("postal_code").to_owned();
    let city = input.get("city").to_owned();
    let address = if street.is_empty() && postal_code.is_empty() {
        Some(None)
    } else {
        match Address::parse(&street, &postal_code, &city) {
            Ok(address) => Some(Some(address)),
            Err(error) => {
                let name = match error.field() {
                    "Ort" => "city",
                    "PLZ" => "postal_code",
                    _ => "street",
                };
                input.fail(name, error.to_string());
                None
            }
        }
    };
    let region = input.optional("region", RegionCode::parse);
    let sector = input.optional("sector", WzCode::parse);
    let size_class = if input.get("size_class").is_empty() {
        Some(None)
    } else {
        input.choice::<SizeClass>("size_class").map(Some)
    };
    let website = input.optional("website", Website::parse);
    // „Bekannt seit“: today unless the form names an earlier day.
    let registered_on = if input.get("registered_on").is_empty() {
        Some(crate::ui::today())
    } else {
        input.date("registered_on")
    };
    let (
        Some(name),
        Some(kind),
        Some(address),
        Some(region),
        Some(sector),
        Some(size_class),
        Some(website),
        Some(registered_on),
    ) = (
        name,
        kind,
        address,
        region,
        sector,
        size_class,
        website,
        registered_on,
    )
    else {
        return register_page(
            &state,
            &caller,
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    if !input.checked("confirm_duplicate") {
        let keys = wifo_domain::duplicate::DuplicateKeys::of(&name, address.as_ref(), None);
        let mut duplicates = wifo_app::duplicates::candidates(&state.projections.read(), &keys);
        if !duplicates.is_empty() {
            duplicates.truncate(10);
            return register_page_warning(
                &state,
                &caller,
                input.view(),
                duplicates,
                StatusCode::CONFLICT,
            );
        }
    }
    let id = OrganizationId::from(Uuid::now_v7());
    let command = OrganizationCommand::Register(RegisterOrganization {
        organization: id,
        name,
        kind,
        profile: Profile {
            sector,
            size_class,
            website,
            ..Profile::default()
        },
        address,
        region,
        external_id: None,
    });
    let known_since = Some((texts::get("org.registered_on"), registered_on));
    match state
        .office
        .execute_on::<Organization>(&caller, &command, None, known_since)
        .await
    {
        Ok(_) => pages::done(&format!("/organisationen/{id}"), "registered"),
        Err(error) => {
            input.fail("registered_on", refusal(error));
            register_page(
                &state,
                &caller,
                input.view(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}
