//! Organizations: the search with filters, the organization page (profile, persons, open
//! follow-ups and the timeline, also "Stand am" a past date) and the forms to register an
//! organization, add a contact person and log a contact.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, Query, State},
    http::{Method, StatusCode},
    response::Response,
    routing::get,
};
use serde::Deserialize;
use uuid::Uuid;
use wifo_domain::german;
use wifo_domain::{
    contact::{Channel, Contact, ContactCommand, LogContact},
    ids::{ContactId, OrganizationId, PersonId},
    organization::{
        Organization, OrganizationCommand, OrganizationKind, Profile, RegisterOrganization,
    },
    person::{AddPerson, LinkPerson, Person, PersonCommand},
    personal::{Erasable, PersonalData},
    values::{
        Address, Code, Email, OrganizationName, PersonName, Phone, RegionCode, Role, SizeClass,
        Text, Title, UserName, Website, WzCode,
    },
};
use wifo_projections::queries::{
    directory::{DirectoryQuery, directory},
    personal::{locate, personal_data},
    profile::profile,
};

use super::{
    execute,
    form::{Choice, FormView, Input, enum_choices},
    page,
    pages::{self, Chrome},
    ready, refusal, texts, timeline, today,
};
use crate::{
    auth::Caller,
    http::{AppState, READERS, Route, STAFF},
};

const PER_PAGE: usize = 50;

#[derive(Deserialize, Default)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    art: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    branche: String,
    #[serde(default)]
    betreuung: String,
    #[serde(default)]
    ohne_kontakt: String,
    #[serde(default)]
    seite: String,
}

pub struct Hit {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub address: String,
    pub region: String,
    pub account_manager: String,
    pub last_contact: String,
}

#[derive(Template)]
#[template(path = "organizations.html")]
struct SearchPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    kinds: Vec<Choice>,
    regions: Vec<Choice>,
    hits: Vec<Hit>,
    total: String,
    previous: Option<String>,
    next: Option<String>,
    may_register: bool,
}

/// `(code, "code name")` of every active entry of a taxonomy, with an empty first choice.
pub fn taxonomy_choices(
    views: &wifo_projections::Views,
    kind: &str,
    empty: &str,
) -> Vec<(String, String)> {
    let mut choices = vec![(String::new(), empty.to_owned())];
    if let Some(taxonomy) = views.taxonomies.get(kind) {
        choices.extend(
            taxonomy
                .entries
                .iter()
                .filter(|(_, entry)| !entry.retired)
                .map(|(code, entry)| (code.clone(), format!("{} – {code}", entry.name))),
        );
    }
    choices
}

fn with_empty(empty: &str, mut choices: Vec<(String, String)>) -> Vec<(String, String)> {
    choices.insert(0, (String::new(), empty.to_owned()));
    choices
}

fn query_string(params: &SearchParams, page: usize) -> String {
    let pairs = [
        ("q", params.q.as_str()),
        ("art", params.art.as_str()),
        ("region", params.region.as_str()),
        ("branche", params.branche.as_str()),
        ("betreuung", params.betreuung.as_str()),
        ("ohne_kontakt", params.ohne_kontakt.as_str()),
    ];
    let mut query: Vec<(&str, String)> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| (*key, (*value).to_owned()))
        .collect();
    query.push(("seite", page.to_string()));
    format!(
        "/organisationen?{}",
        serde_urlencoded::to_string(&query).unwrap_or_default()
    )
}

async fn search(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<SearchParams>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    let mut input = Input::new(vec![
        ("q".into(), params.q.clone()),
        ("art".into(), params.art.clone()),
        ("region".into(), params.region.clone()),
        ("branche".into(), params.branche.clone()),
        ("betreuung".into(), params.betreuung.clone()),
        ("ohne_kontakt".into(), params.ohne_kontakt.clone()),
    ]);
    let kind = if params.art.is_empty() {
        None
    } else {
        input.choice::<OrganizationKind>("art")
    };
    let region = input.optional("region", RegionCode::parse).flatten();
    let sector = input.optional("branche", WzCode::parse).flatten();
    let account_manager = input.optional("betreuung", UserName::parse).flatten();
    let no_contact_months = input.count("ohne_kontakt").flatten();
    let page_number = params.seite.parse::<usize>().unwrap_or(1).max(1);
    let query = DirectoryQuery {
        text: Some(params.q.clone()).filter(|text| !text.trim().is_empty()),
        kind,
        sector,
        region,
        account_manager,
        no_contact_months,
        page: page_number,
        per_page: PER_PAGE,
        today: Some(today()),
        ..DirectoryQuery::default()
    };
    let (result, regions) = {
        let views = state.projections.read();
        let result = if input.is_valid() {
            Some(directory(&views, &query))
        } else {
            None
        };
        let region_names = |code: &RegionCode| {
            views
                .taxonomies
                .get("regions")
                .and_then(|taxonomy| taxonomy.entries.get(code.as_str()))
                .map(|entry| entry.name.clone())
                .unwrap_or_else(|| code.as_str().to_owned())
        };
        let hits: Vec<Hit> = result
            .iter()
            .flat_map(|page| page.entries.iter())
            .map(|entry| Hit {
                href: format!("/organisationen/{}", entry.id),
                name: entry.name.clone(),
                kind: entry
                    .kind
                    .map(|kind| kind.label().to_owned())
                    .unwrap_or_default(),
                address: entry
                    .address
                    .as_ref()
                    .map(|address| address.to_string())
                    .unwrap_or_default(),
                region: entry.region.as_ref().map(region_names).unwrap_or_default(),
                account_manager: entry
                    .account_manager
                    .as_ref()
                    .map(|name| name.to_string())
                    .unwrap_or_default(),
                last_contact: german::optional_date(entry.last_contact),
            })
            .collect();
        let total = result.as_ref().map(|page| page.total).unwrap_or(0);
        (
            (hits, total),
            taxonomy_choices(&views, "regions", texts::get("search.all_regions")),
        )
    };
    let ((hits, total), region_choices) = (result, regions);
    let form = input.view();
    let last_page = total.div_ceil(PER_PAGE).max(1);
    pages::render(
        &SearchPage {
            page: Chrome::new(&caller, texts::get("search.title"), "/organisationen"),
            t: texts::Texts,
            kinds: form.options(
                "art",
                &with_empty(
                    texts::get("search.all_kinds"),
                    enum_choices(&OrganizationKind::ALL, OrganizationKind::label),
                ),
            ),
            regions: form.options("region", &region_choices),
            form,
            hits,
            total: german::integer(total as i64),
            previous: (page_number > 1).then(|| query_string(&params, page_number - 1)),
            next: (page_number < last_page).then(|| query_string(&params, page_number + 1)),
            may_register: matches!(caller.role, Role::Staff | Role::Admin),
        },
        if input.is_valid() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        },
    )
}

// ---------------------------------------------------------------------------------------------
// The organization page

/// A linked person, their role and where their personal data is (read after the views' lock).
type PersonToShow = (
    PersonId,
    String,
    Option<(Option<wifo_store::Position>, bool)>,
);

#[derive(Deserialize, Default)]
pub struct ProfileParams {
    stand: Option<String>,
    ok: Option<String>,
}

pub struct Line {
    pub date: String,
    pub iso: String,
    pub actor: String,
    pub text: String,
    pub href: Option<String>,
}

pub struct PersonLine {
    pub name: String,
    pub role: String,
    /// For admins: the data-protection page of the person.
    pub privacy: Option<String>,
}

pub struct FollowUpLine {
    pub task: String,
    pub assignee: String,
    pub due: String,
    pub overdue: bool,
    pub visit: String,
    pub follow_up: String,
}

#[derive(Template)]
#[template(path = "organization.html")]
struct OrganizationPage {
    page: Chrome,
    t: texts::Texts,
    id: String,
    name: String,
    facts: Vec<(String, String)>,
    tags: Vec<String>,
    persons: Vec<PersonLine>,
    follow_ups: Vec<FollowUpLine>,
    planned_visits: Vec<(String, String)>,
    timeline: Vec<Line>,
    as_of: String,
    as_of_text: String,
    as_of_error: Option<String>,
    may_write: bool,
}

async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(params): Query<ProfileParams>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    let Ok(id) = OrganizationId::parse(&id) else {
        return pages::not_found(Some(&caller), texts::get("org.unknown"));
    };
    let stand = params.stand.clone().unwrap_or_default();
    let (as_of, as_of_error) = if stand.trim().is_empty() {
        (None, None)
    } else {
        match german::parse_date(&stand) {
            Some(date) => (Some(date), None),
            None => (
                None,
                Some(format!("„{stand}“ {}", texts::get("error.date_malformed"))),
            ),
        }
    };
    let day = today();
    let may_write = matches!(caller.role, Role::Staff | Role::Admin);
    let show_persons = !matches!(caller.role, Role::Planner);
    let (view, person_locations) = {
        let views = state.projections.read();
        let Some(found) = profile(&views, id, as_of) else {
            return pages::not_found(Some(&caller), texts::get("org.unknown"));
        };
        let region_name = found.region.as_ref().map(|code| {
            views
                .taxonomies
                .get("regions")
                .and_then(|taxonomy| taxonomy.entries.get(code.as_str()))
                .map(|entry| format!("{} ({code})", entry.name))
                .unwrap_or_else(|| code.to_string())
        });
        let mut facts = vec![(
            texts::get("org.kind").to_owned(),
            found
                .kind
                .map(|kind| kind.label().to_owned())
                .unwrap_or_default(),
        )];
        if let Some(address) = &found.address {
            facts.push((texts::get("org.address").to_owned(), address.to_string()));
        }
        if let Some(region) = region_name {
            facts.push((texts::get("org.region").to_owned(), region));
        }
        if let Some(sector) = &found.profile.sector {
            facts.push((texts::get("org.sector").to_owned(), sector.to_string()));
        }
        if let Some(size) = found.profile.size_class {
            facts.push((texts::get("org.size").to_owned(), size.label().to_owned()));
        }
        if let Some(manager) = &found.account_manager {
            facts.push((
                texts::get("org.account_manager").to_owned(),
                manager.to_string(),
            ));
        }
        facts.push((
            texts::get("org.last_contact").to_owned(),
            found
                .last_contact
                .map(german::date)
                .unwrap_or_else(|| texts::get("org.never").to_owned()),
        ));
        if let Some(closed) = found.closed_on {
            facts.push((texts::get("org.closed_on").to_owned(), german::date(closed)));
        }
        let timeline = found
            .timeline
            .iter()
            .map(|entry| {
                let (text, href) = timeline::describe(&views, &entry.item);
                Line {
                    date: german::date(entry.date),
                    iso: german::iso(entry.date),
                    actor: entry.actor.clone(),
                    text,
                    href,
                }
            })
            .collect();
        let follow_ups = found
            .open_follow_ups
            .iter()
            .map(|follow_up| FollowUpLine {
                task: follow_up.task.clone(),
                assignee: follow_up.assignee.clone(),
                due: german::date(follow_up.due_on),
                overdue: follow_up.due_on < day,
                visit: follow_up.visit.to_string(),
                follow_up: follow_up.follow_up.to_string(),
            })
            .collect();
        let mut planned_visits: Vec<(String, String)> = views
            .organizations
            .get(&found.id)
            .into_iter()
            .flat_map(|record| record.timeline.iter())
            .filter_map(|entry| match &entry.item {
                wifo_projections::views::timeline::TimelineItem::VisitPlanned { visit, .. } => {
                    views.visits.get(visit).and_then(|state| {
                        (state.status == wifo_domain::visit::VisitStatus::Planned).then(|| {
                            (
                                visit.to_string(),
                                state.planned_on.map(german::date).unwrap_or_default(),
                            )
                        })
                    })
                }
                _ => None,
            })
            .collect();
        planned_visits.sort();
        planned_visits.dedup();
        let locations: Vec<PersonToShow> = if show_persons {
            found
                .persons
                .iter()
                .map(|person| {
                    (
                        person.person,
                        person.role.to_string(),
                        locate(&views, person.person),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        (
            OrganizationPage {
                page: Chrome::new(&caller, found.name.clone(), "")
                    .with_notice(params.ok.as_deref()),
                t: texts::Texts,
                id: found.id.to_string(),
                name: found.name.clone(),
                facts,
                tags: found.tags.iter().map(|tag| tag.to_string()).collect(),
                persons: Vec::new(),
                follow_ups,
                planned_visits,
                timeline,
                as_of: as_of.map(german::iso).unwrap_or_default(),
                as_of_text: as_of.map(german::date).unwrap_or_default(),
                as_of_error,
                may_write,
            },
            locations,
        )
    };
    let mut view = view;
    let admin = caller.role == Role::Admin;
    for (person, role, location) in person_locations {
        let name = match location {
            Some((at, erased)) => {
                match personal_data(at, erased, &*state.data.store_shared(), &state.data.codec)
                    .await
                {
                    Some(Erasable::Known(data)) => data.name.to_string(),
                    _ => wifo_domain::personal::ERASED_LABEL.to_owned(),
                }
            }
            None => wifo_domain::personal::ERASED_LABEL.to_owned(),
        };
        let privacy = admin.then(|| format!("/verwaltung/datenschutz?person={person}"));
        view.persons.push(PersonLine {
            name,
            role,
            privacy,
        });
    }
    pages::ok(&view)
}

// ---------------------------------------------------------------------------------------------
// Register an organization

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
    duplicates: Vec<crate::duplicates::Candidate>,
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

async fn new_organization(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Response {
    register_page(
        &state,
        &caller,
        FormView::with(&[("kind", "company".into()), ("city", "Berlin".into())]),
        StatusCode::OK,
    )
}

async fn register(
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
                let field = match &error {
                    wifo_domain::values::InvalidValue::Empty { field }
                    | wifo_domain::values::InvalidValue::TooLong { field, .. }
                    | wifo_domain::values::InvalidValue::Malformed { field, .. } => field,
                };
                let name = match *field {
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
    let (
        Some(name),
        Some(kind),
        Some(address),
        Some(region),
        Some(sector),
        Some(size_class),
        Some(website),
    ) = (name, kind, address, region, sector, size_class, website)
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
        let mut duplicates = crate::duplicates::candidates(&state.projections.read(), &keys);
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
    match execute::<Organization>(&state, &caller, command).await {
        Ok(()) => pages::done(&format!("/organisationen/{id}"), "registered"),
        Err(error) => register_page(
            &state,
            &caller,
            input.view().refused(refusal(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Small forms on one organization: add a person, log a contact

#[derive(Template)]
#[template(path = "organization_form.html")]
struct OrganizationForm {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    action: String,
    back: String,
    organization: String,
    form: FormView,
    /// `person` or `contact`
    which: &'static str,
    channels: Vec<Choice>,
    topics: Vec<Choice>,
}

fn organization_name(state: &AppState, id: OrganizationId) -> Option<String> {
    state
        .projections
        .read()
        .organizations
        .get(&id)
        .and_then(|record| record.state.name.as_ref())
        .map(|name| name.to_string())
}

fn organization_form(
    state: &AppState,
    caller: &Caller,
    id: OrganizationId,
    which: &'static str,
    form: FormView,
    status: StatusCode,
) -> Response {
    let Some(organization) = organization_name(state, id) else {
        return pages::not_found(Some(caller), texts::get("org.unknown"));
    };
    let topics = taxonomy_choices(&state.projections.read(), "topics", texts::get("form.none"));
    let (heading, action) = match which {
        "person" => (
            texts::get("person.new_title"),
            format!("/organisationen/{id}/personen/neu"),
        ),
        _ => (
            texts::get("contact.new_title"),
            format!("/organisationen/{id}/kontakte/neu"),
        ),
    };
    pages::render(
        &OrganizationForm {
            page: Chrome::new(caller, heading, ""),
            t: texts::Texts,
            heading: heading.to_owned(),
            action,
            back: format!("/organisationen/{id}"),
            organization,
            channels: form.options("channel", &enum_choices(&Channel::ALL, Channel::label)),
            topics: form.options("topic", &topics),
            form,
            which,
        },
        status,
    )
}

fn parse_organization(caller: &Caller, id: &str) -> Result<OrganizationId, Box<Response>> {
    OrganizationId::parse(id)
        .map_err(|_| Box::new(pages::not_found(Some(caller), texts::get("org.unknown"))))
}

async fn new_person(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Response {
    match parse_organization(&caller, &id) {
        Ok(id) => organization_form(
            &state,
            &caller,
            id,
            "person",
            FormView::default(),
            StatusCode::OK,
        ),
        Err(response) => *response,
    }
}

async fn add_person(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let id = match parse_organization(&caller, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let mut input = Input::new(pairs);
    let name = input.required("name", PersonName::parse);
    let role = input.required("role", Title::parse);
    let email = input.optional("email", Email::parse);
    let phone = input.optional("phone", Phone::parse);
    let notes = input.required("notes", Text::parse);
    let (Some(name), Some(role), Some(email), Some(phone), Some(notes)) =
        (name, role, email, phone, notes)
    else {
        return organization_form(
            &state,
            &caller,
            id,
            "person",
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let person = PersonId::from(Uuid::now_v7());
    let added = PersonCommand::Add(AddPerson {
        person,
        personal: PersonalData {
            name,
            email,
            phone,
            notes,
        },
    });
    let linked = PersonCommand::Link(LinkPerson {
        person,
        organization: id,
        role,
    });
    let result = match execute::<Person>(&state, &caller, added).await {
        Ok(()) => execute::<Person>(&state, &caller, linked).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => pages::done(&format!("/organisationen/{id}"), "person_added"),
        Err(error) => organization_form(
            &state,
            &caller,
            id,
            "person",
            input.view().refused(refusal(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

async fn new_contact(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Response {
    match parse_organization(&caller, &id) {
        Ok(id) => organization_form(
            &state,
            &caller,
            id,
            "contact",
            FormView::with(&[
                ("contacted_on", german::iso(today())),
                ("channel", "phone".into()),
            ]),
            StatusCode::OK,
        ),
        Err(response) => *response,
    }
}

async fn log_contact(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let id = match parse_organization(&caller, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let mut input = Input::new(pairs);
    let channel = input.choice::<Channel>("channel");
    let contacted_on = input.date("contacted_on");
    let topic = input.optional("topic", Code::parse);
    let summary = input.required("summary", Text::parse);
    let (Some(channel), Some(contacted_on), Some(topic), Some(summary)) =
        (channel, contacted_on, topic, summary)
    else {
        return organization_form(
            &state,
            &caller,
            id,
            "contact",
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let command = ContactCommand::Log(LogContact {
        contact: ContactId::from(Uuid::now_v7()),
        organization: id,
        person: None,
        channel,
        contacted_on,
        topics: topic.into_iter().collect(),
        summary,
        staff: caller.user.clone(),
    });
    match execute::<Contact>(&state, &caller, command).await {
        Ok(()) => pages::done(&format!("/organisationen/{id}"), "contact_logged"),
        Err(error) => organization_form(
            &state,
            &caller,
            id,
            "contact",
            input.view().refused(refusal(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

pub fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/organisationen",
            READERS,
            "Organisationen suchen",
            get(search),
        ),
        page(
            Method::GET,
            "/organisationen/neu",
            STAFF,
            "Formular: Organisation erfassen",
            get(new_organization),
        ),
        page(
            Method::POST,
            "/organisationen/neu",
            STAFF,
            "Organisation erfassen",
            axum::routing::post(register),
        ),
        page(
            Method::GET,
            "/organisationen/{id}",
            READERS,
            "Organisation mit Verlauf (auch „Stand am“)",
            get(show),
        ),
        page(
            Method::GET,
            "/organisationen/{id}/personen/neu",
            STAFF,
            "Formular: Ansprechperson",
            get(new_person),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/personen/neu",
            STAFF,
            "Ansprechperson erfassen",
            axum::routing::post(add_person),
        ),
        page(
            Method::GET,
            "/organisationen/{id}/kontakte/neu",
            STAFF,
            "Formular: Kontakt",
            get(new_contact),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/kontakte/neu",
            STAFF,
            "Kontakt erfassen",
            axum::routing::post(log_contact),
        ),
    ]
}
