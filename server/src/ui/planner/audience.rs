//! The invitation list of a gathering by audience (`/veranstaltungen/{id}/zielgruppe`): members
//! of an association or Geschäftsstraßenverband, a region and a sector at any level, a size class,
//! and organizations with an inquiry on a topic in the last months — any of them together, as
//! the organization directory finds them (`wifo_projections::queries::directory`, filters
//! `member_of` and `inquiry_topic`). The page previews who that is and how many are invited
//! already; „Alle einladen“ invites the rest with one command (`InviteGuests`, the command of the
//! invitation form), found again at that moment.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_app::auth::Caller;
use wifo_domain::{
    gathering::{Gathering, GatheringCommand, InviteGuests, Status},
    ids::{GatheringId, OrganizationId},
    organization::OrganizationKind,
    values::{Code, RegionCode, SizeClass, WzCode},
};
use wifo_projections::queries::directory::{DirectoryQuery, directory_ids};

use crate::state::AppState;
use crate::ui::{
    choices::{association_choices, taxonomy_choices, with_empty},
    error::PageError,
    execute,
    form::{Choice, FormView, Input, enum_choices},
    pages::{self, Chrome},
    ready, refusal, texts, today,
};

/// The audience fields, in the order of the form.
const FIELDS: [&str; 6] = ["verband", "region", "branche", "groesse", "thema", "monate"];
/// Names listed in the preview (the count is always whole).
const LISTED: usize = 200;

#[derive(Template)]
#[template(path = "audience.html")]
struct AudiencePage {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    action: String,
    back: String,
    form: FormView,
    associations: Vec<Choice>,
    regions: Vec<Choice>,
    sectors: Vec<Choice>,
    sizes: Vec<Choice>,
    topics: Vec<Choice>,
    /// `None` until an audience is chosen.
    preview: Option<Preview>,
    /// The chosen audience as hidden fields of the invitation.
    chosen: Vec<(&'static str, String)>,
    can_invite: bool,
}

struct Preview {
    total: String,
    already: String,
    to_invite: usize,
    to_invite_text: String,
    names: Vec<(String, bool)>,
    more: String,
}

/// The directory query of the audience in `input`, or `None` with the field messages set.
fn audience(input: &mut Input, state: &AppState) -> Option<DirectoryQuery> {
    let member_of = match input.get("verband").trim() {
        "" => None,
        text => {
            let views = state.projections.read();
            let association = OrganizationId::parse(text).ok().filter(|id| {
                views.organizations.get(id).is_some_and(|record| {
                    matches!(
                        record.state.kind,
                        Some(OrganizationKind::Association | OrganizationKind::Chamber)
                    )
                })
            });
            drop(views);
            if association.is_none() {
                input.fail("verband", texts::get("audience.unknown_association"));
            }
            association
        }
    };
    let region = input.optional("region", RegionCode::parse).flatten();
    let sector = input.optional("branche", WzCode::parse).flatten();
    let size_class = input.optional("groesse", SizeClass::parse).flatten();
    let topic = input.optional("thema", Code::parse).flatten();
    let months = input.count("monate").flatten();
    if months.is_some_and(|months| !(1..=120).contains(&months)) {
        input.fail("monate", texts::get("audience.months"));
    }
    if !input.is_valid() {
        return None;
    }
    Some(DirectoryQuery {
        member_of,
        region,
        sector,
        size_class,
        inquiry_topic: topic,
        inquiry_months: months,
        per_page: usize::MAX,
        today: Some(today()),
        ..DirectoryQuery::default()
    })
}

fn chosen(input: &Input) -> Vec<(&'static str, String)> {
    FIELDS
        .iter()
        .map(|name| (*name, input.get(name).trim().to_owned()))
        .filter(|(_, value)| !value.is_empty())
        .collect()
}

fn render(
    state: &AppState,
    caller: &Caller,
    id: GatheringId,
    input: &mut Input,
    status: StatusCode,
) -> Result<Response, PageError> {
    let query = audience(input, state);
    let chosen = chosen(input);
    let views = state.projections.read();
    let Some(gathering) = views.gatherings.get(&id).filter(|g| g.title.is_some()) else {
        return Err(PageError::not_found(
            caller,
            texts::get("gathering.unknown"),
        ));
    };
    let preview = query.filter(|_| !chosen.is_empty()).map(|query| {
        let found = directory_ids(&views, &query);
        let names = views.names();
        let already = found
            .iter()
            .filter(|id| gathering.invited_organizations.contains(id))
            .count();
        Preview {
            total: wifo_domain::german::integer(found.len() as i64),
            already: wifo_domain::german::integer(already as i64),
            to_invite: found.len() - already,
            to_invite_text: wifo_domain::german::integer((found.len() - already) as i64),
            names: found
                .iter()
                .take(LISTED)
                .map(|id| {
                    (
                        names.organization(id),
                        gathering.invited_organizations.contains(id),
                    )
                })
                .collect(),
            more: if found.len() > LISTED {
                wifo_domain::german::integer((found.len() - LISTED) as i64)
            } else {
                String::new()
            },
        }
    });
    let form = input.view();
    let empty = texts::get("audience.any");
    let page = AudiencePage {
        page: Chrome::new(caller, texts::get("audience.title"), ""),
        t: texts::Texts,
        heading: format!(
            "{} – {}",
            texts::get("audience.title"),
            gathering
                .title
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default()
        ),
        action: format!("/veranstaltungen/{id}/zielgruppe"),
        back: format!("/veranstaltungen/{id}"),
        associations: form.options("verband", &association_choices(&views, empty)),
        regions: form.options("region", &taxonomy_choices(&views, "regions", empty)),
        sectors: form.options("branche", &taxonomy_choices(&views, "sectors", empty)),
        sizes: form.options(
            "groesse",
            &with_empty(empty, enum_choices(&SizeClass::ALL, SizeClass::label)),
        ),
        topics: form.options("thema", &taxonomy_choices(&views, "topics", empty)),
        can_invite: gathering.status == Status::Planned,
        form,
        preview,
        chosen,
    };
    drop(views);
    Ok(pages::render(&page, status))
}

fn gathering_id(caller: &Caller, id: &str) -> Result<GatheringId, PageError> {
    GatheringId::parse(id)
        .map_err(|_| PageError::not_found(caller, texts::get("gathering.unknown")))
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = gathering_id(&caller, &id)?;
    let mut input = Input::new(pairs);
    render(&state, &caller, id, &mut input, StatusCode::OK)
}

pub(super) async fn invite(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let id = gathering_id(&caller, &id)?;
    let mut input = Input::new(pairs);
    let query = audience(&mut input, &state);
    if chosen(&input).is_empty() {
        input.fail("verband", texts::get("audience.choose"));
    }
    let Some(query) = query.filter(|_| input.is_valid()) else {
        return render(
            &state,
            &caller,
            id,
            &mut input,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let organizations = directory_ids(&state.projections.read(), &query);
    let command = GatheringCommand::Invite(InviteGuests {
        gathering: id,
        organizations,
        persons: Vec::new(),
        invited_on: today(),
    });
    match execute::<Gathering>(&state, &caller, command).await {
        Ok(()) => Ok(pages::done(&format!("/veranstaltungen/{id}"), "saved")),
        Err(error) => {
            input.fail("verband", refusal(error));
            render(&state, &caller, id, &mut input, StatusCode::CONFLICT)
        }
    }
}
