//! „Anschriftenliste“ (`/anschriften?zweck=&veranstaltung=`): the contact persons to write to
//! for a purpose — the guests of a gathering or everyone — as `export::addresses` builds it:
//! contact data only where the consent the purpose needs is in force, and for the others the
//! reason. The purpose must be chosen before anything is shown, because opening the list is
//! written to the access log with it. Printable, and as a download for Excel
//! (`&format=csv|xlsx`).

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    http::Method,
    response::Response,
    routing::get,
};
use wifo_app::{
    access_log::AccessPurpose,
    auth::Caller,
    export::{
        addresses::{AddressLine, address_list, address_sheet},
        table_bytes,
    },
    roles::PERSON_READERS,
};
use wifo_domain::{german, ids::GatheringId};

use super::{
    error::PageError,
    form::{Choice, FormView, enum_choices},
    listing::{Downloads, ListAddress, download_format},
    page,
    pages::{self, Chrome},
    ready, texts,
};
use crate::respond::attachment;
use crate::routes::Route;
use crate::state::AppState;

#[derive(serde::Deserialize, Default)]
struct AddressParams {
    #[serde(default)]
    zweck: String,
    #[serde(default)]
    veranstaltung: String,
    #[serde(default)]
    format: String,
}

#[derive(Template)]
#[template(path = "addresses.html")]
struct AddressPage {
    page: Chrome,
    t: texts::Texts,
    purposes: Vec<Choice>,
    gatherings: Vec<Choice>,
    /// The list, once a purpose is chosen.
    list: Option<Shown>,
    form: FormView,
}

struct Shown {
    purpose: String,
    summary: String,
    lines: Vec<AddressLine>,
    downloads: Downloads,
}

/// The gatherings to choose from, newest first, as „Titel (21.11.2026)“.
fn gathering_choices(state: &AppState) -> Vec<(String, String)> {
    let views = state.projections.read();
    let mut gatherings: Vec<_> = views
        .gatherings
        .iter()
        .filter_map(|(id, gathering)| Some((*id, gathering.title.as_ref()?, gathering.date?)))
        .collect();
    gatherings.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut choices = vec![(String::new(), texts::get("addresses.everyone").to_owned())];
    choices.extend(
        gatherings
            .into_iter()
            .map(|(id, title, date)| (id.to_string(), format!("{title} ({})", german::date(date)))),
    );
    choices
}

async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<AddressParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let form = FormView::with(&[
        ("zweck", params.zweck.clone()),
        ("veranstaltung", params.veranstaltung.clone()),
    ]);
    let purposes = enum_choices(&AccessPurpose::FOR_EXPORTS, AccessPurpose::label);
    let mut page = AddressPage {
        page: Chrome::new(&caller, texts::get("addresses.title"), "/anschriften"),
        t: texts::Texts,
        purposes: form.options("zweck", &purposes),
        gatherings: form.options("veranstaltung", &gathering_choices(&state)),
        list: None,
        form,
    };
    if params.zweck.is_empty() {
        return Ok(pages::ok(&page));
    }
    let purpose = AccessPurpose::FOR_EXPORTS
        .into_iter()
        .find(|purpose| purpose.code() == params.zweck);
    let gathering = match params.veranstaltung.as_str() {
        "" => Some(None),
        text => GatheringId::parse(text)
            .ok()
            .filter(|id| state.projections.read().gatherings.contains_key(id))
            .map(Some),
    };
    let (Some(purpose), Some(gathering)) = (purpose, gathering) else {
        page.form = page.form.refused(texts::get("error.choice"));
        return Ok(pages::render(
            &page,
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let list = address_list(
        &state.data,
        &state.projections,
        &caller,
        purpose,
        gathering,
        "GET /anschriften",
    )
    .await
    .map_err(|error| PageError::internal(&caller, "address list", error))?;
    if let Some(format) = download_format(&params.format) {
        let bytes = table_bytes(&[address_sheet(&list)], format)
            .map_err(|error| PageError::internal(&caller, "Export", error))?;
        return Ok(attachment(
            format.media_type(),
            &format!("anschriften-{}.{}", purpose.code(), format.extension()),
            bytes,
        ));
    }
    let address = ListAddress::new(
        "/anschriften",
        vec![
            ("zweck", params.zweck.clone()),
            ("veranstaltung", params.veranstaltung.clone()),
        ],
    );
    page.list = Some(Shown {
        purpose: list.purpose_label.clone(),
        summary: format!(
            "{} {}, {} {}, {} {}",
            german::integer(list.lines.len() as i64),
            texts::get("addresses.listed"),
            german::integer(list.may_contact as i64),
            texts::get("addresses.may_contact"),
            german::integer(list.withheld as i64),
            texts::get("addresses.withheld"),
        ),
        lines: list.lines,
        downloads: address.downloads(),
    });
    Ok(pages::ok(&page))
}

pub(super) fn routes() -> Vec<Route> {
    vec![page(
        Method::GET,
        "/anschriften",
        PERSON_READERS,
        "Anschriftenliste für einen Zweck, mit Einwilligungen",
        get(show),
    )]
}
