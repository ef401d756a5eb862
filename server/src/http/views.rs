//! The read routes: directory, 360° profile (also as of a date), work lists, inquiry queue,
//! cooperation board, gatherings, region coverage, audit and single records. Every read first
//! waits (bounded) until the views include the caller's own last write, so a user always sees
//! what they just did; `?wait_for=POSITION` asks for a later position explicitly.

use axum::{
    Extension, Json,
    extract::{Path, Query, State},
    http::{HeaderValue, Method, header},
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::NaiveDate;
use serde::Deserialize;
use wifo_app::access_log::AccessPurpose;
use wifo_domain::{
    contact::Contact,
    cooperation::Cooperation,
    gathering::Gathering,
    ids::{
        ContactId, CooperationId, GatheringId, InquiryId, OrganizationId, PersonId, ReminderId,
        RetreatId, VisitId,
    },
    inquiry::Inquiry,
    organization::OrganizationKind,
    personal::Erasable,
    reminder::Reminder,
    retreat::Retreat,
    values::{Code, RegionCode, RegionLevel, SizeClass, Tag, UserName, WzCode},
    visit::Visit,
};
use wifo_projections::queries::{
    audit::{AuditFilter, audit},
    board::{cooperation_board, gatherings},
    coverage::region_coverage,
    directory::{DirectoryQuery, DirectorySort, directory},
    personal::{locate, personal_data},
    profile::Moment,
    work::{inquiry_queue, work_list},
};
use wifo_store::{Direction, EventStore, Position};

use super::{
    ApiError, AppState, READERS, Route, RouteSpec,
    answers::{
        AuditAnswer, BoardAnswer, CoverageAnswer, GatheringsAnswer, PersonAnswer, PersonDetails,
        ProfileAnswer, QueueAnswer, RecordAnswer, TaxonomyAnswer,
    },
    commands::wait_for_own_writes,
};
use wifo_app::auth::Caller;

use wifo_app::roles::{LEADS, PERSON_READERS};

pub(super) fn bad(field: &str, error: impl std::fmt::Display) -> ApiError {
    ApiError::BadRequest(format!("{field}: {error}"))
}

pub(super) fn today(value: Option<NaiveDate>) -> NaiveDate {
    value.unwrap_or_else(|| chrono::Local::now().date_naive())
}

pub(super) async fn ready(
    state: &AppState,
    caller: &Caller,
    wait_for: Option<u64>,
) -> Result<(), ApiError> {
    wait_for_own_writes(state, caller, wait_for.map(Position)).await
}

fn with_etag(value: impl serde::Serialize, revision: Option<u64>) -> Response {
    let mut response = Json(value).into_response();
    if let Some(revision) = revision
        && let Ok(etag) = HeaderValue::from_str(&format!("\"{revision}\""))
    {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// The revision of a stream, for `ETag`, once the views include it. Read it before the views:
/// the state shown is then never older than the revision named, so an `If-Match` with it cannot
/// overwrite a change the reader did not see (another user's write the views had not applied).
async fn revision(state: &AppState, stream: &str) -> Result<Option<u64>, ApiError> {
    let last = state
        .data
        .store
        .read_stream(stream, u64::MAX, Direction::Backward, 1)
        .await?;
    let Some(last) = last.first() else {
        return Ok(None);
    };
    if !state
        .projections
        .wait_for(last.position, state.config.read_your_writes_timeout)
        .await
    {
        return Err(ApiError::Unavailable(
            "Die Ansichten holen noch auf. Bitte gleich noch einmal versuchen.".into(),
        ));
    }
    Ok(Some(last.revision))
}

fn parse_id<T>(
    text: &str,
    parse: fn(&str) -> Result<T, wifo_domain::ids::InvalidId>,
) -> Result<T, ApiError> {
    parse(text).map_err(|_| ApiError::NotFound(format!("„{text}“ ist keine gültige ID.")))
}

/// The directory's query. Text parameters are read with their value type's `parse` (so `1071`
/// finds `10.71`); the schema shows the canonical form.
#[derive(Deserialize, Default, schemars::JsonSchema)]
struct DirectoryParams {
    /// Suchtext: Namen (auch frühere), Anschrift, externe ID, Namen verknüpfter Personen.
    q: Option<String>,
    kind: Option<OrganizationKind>,
    /// WZ-Code; findet auch die Codes darunter.
    #[schemars(with = "Option<WzCode>")]
    sector: Option<String>,
    /// Regionsschlüssel (LOR); findet auch die Regionen darunter.
    #[schemars(with = "Option<RegionCode>")]
    region: Option<String>,
    #[schemars(with = "Option<Tag>")]
    tag: Option<String>,
    /// Betreuung (Benutzername).
    #[schemars(with = "Option<UserName>")]
    account_manager: Option<String>,
    #[schemars(with = "Option<SizeClass>")]
    size_class: Option<String>,
    /// Nur Organisationen ohne Kontakt seit so vielen Monaten.
    no_contact_months: Option<u32>,
    /// Nur Mitglieder dieses Verbands oder Geschäftsstraßenverbands (ID).
    #[schemars(with = "Option<OrganizationId>")]
    member_of: Option<String>,
    /// Nur Organisationen mit einem Anliegen zu diesem Thema (oder einem Unterthema) in den
    /// letzten `inquiry_months` Monaten: die Zielgruppe einer Veranstaltung.
    #[schemars(with = "Option<Code>")]
    inquiry_topic: Option<String>,
    /// Zeitraum für `inquiry_topic` in Monaten bis zum Stichtag (Standard 12).
    #[schemars(range(min = 1, max = 120))]
    inquiry_months: Option<u32>,
    /// Auch abgemeldete Betriebe.
    include_closed: Option<bool>,
    sort: Option<DirectorySort>,
    /// Absteigend sortieren.
    desc: Option<bool>,
    /// Seite, ab 1.
    #[schemars(range(min = 1))]
    page: Option<usize>,
    /// Einträge je Seite.
    #[schemars(range(min = 1, max = 500))]
    per_page: Option<usize>,
    /// Stichtag für „ohne Kontakt seit“ (Standard: heute).
    today: Option<NaiveDate>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

async fn list_organizations(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<DirectoryParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let sort = params
        .sort
        .unwrap_or_else(|| DirectorySort::default_for(params.q.as_deref()));
    let query = DirectoryQuery {
        text: params.q,
        kind: params.kind,
        sector: params
            .sector
            .as_deref()
            .map(WzCode::parse)
            .transpose()
            .map_err(|e| bad("sector", e))?,
        region: params
            .region
            .as_deref()
            .map(RegionCode::parse)
            .transpose()
            .map_err(|e| bad("region", e))?,
        tag: params
            .tag
            .as_deref()
            .map(Tag::parse)
            .transpose()
            .map_err(|e| bad("tag", e))?,
        account_manager: params
            .account_manager
            .as_deref()
            .map(UserName::parse)
            .transpose()
            .map_err(|e| bad("account_manager", e))?,
        size_class: params
            .size_class
            .as_deref()
            .map(SizeClass::parse)
            .transpose()
            .map_err(|e| bad("size_class", e))?,
        no_contact_months: params.no_contact_months,
        member_of: params
            .member_of
            .as_deref()
            .map(|text| OrganizationId::parse(text).map_err(|e| bad("member_of", e)))
            .transpose()?,
        inquiry_topic: params
            .inquiry_topic
            .as_deref()
            .map(Code::parse)
            .transpose()
            .map_err(|e| bad("inquiry_topic", e))?,
        inquiry_months: match params.inquiry_months {
            Some(months) if !(1..=120).contains(&months) => {
                return Err(bad("inquiry_months", "erwartet 1 bis 120 Monate"));
            }
            months => months,
        },
        include_closed: params.include_closed.unwrap_or(false),
        sort,
        descending: params.desc.unwrap_or(false),
        page: params.page.unwrap_or(1),
        per_page: params.per_page.unwrap_or(50),
        today: Some(today(params.today)),
    };
    let page = directory(&state.projections.read(), &query);
    Ok(Json(page).into_response())
}

#[derive(Deserialize, Default, schemars::JsonSchema)]
struct ProfileParams {
    /// Stand an diesem Tag (Geschäftszeit).
    as_of: Option<NaiveDate>,
    /// Was an diesem Tag erfasst war.
    known_on: Option<NaiveDate>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

async fn organization(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(params): Query<ProfileParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let id = parse_id(&id, OrganizationId::parse)?;
    let shown = wifo_app::profiles::organization(
        &state.data,
        &state.projections,
        &caller,
        id,
        Moment {
            as_of: params.as_of,
            known_on: params.known_on,
        },
        "GET /api/v1/organizations/{id}",
    )
    .await?;
    let Some(shown) = shown else {
        return Err(ApiError::NotFound(match (params.as_of, params.known_on) {
            (_, Some(known_on)) => format!(
                "Von Organisation {id} war am {} für diesen Tag nichts erfasst.",
                wifo_domain::german::date(known_on)
            ),
            (Some(as_of), None) => format!(
                "Organisation {id} gab es am {} nicht.",
                wifo_domain::german::date(as_of)
            ),
            (None, None) => format!("Organisation {id} ist nicht erfasst."),
        }));
    };
    let names = shown
        .persons
        .iter()
        .map(|person| {
            let details = match &person.personal {
                Erasable::Known(data) => {
                    PersonDetails::known(&data.name, data.email.as_ref(), data.phone.as_ref())
                }
                Erasable::Erased => PersonDetails::erased(),
            };
            (person.person.to_string(), details)
        })
        .collect();
    let found = &shown.profile;
    let revision = Some(found.revision);
    Ok(with_etag(
        ProfileAnswer {
            profile: found,
            person_details: names,
        },
        revision,
    ))
}

async fn person(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(params): Query<ProfileParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let id = parse_id(&id, PersonId::parse)?;
    let revision = revision(&state, &format!("person-{id}")).await?;
    let (location, record) = {
        let views = state.projections.read();
        (locate(&views, id), views.persons.get(&id).cloned())
    };
    let (Some((at, erased)), Some(record)) = (location, record) else {
        return Err(ApiError::NotFound(format!(
            "Person {id} ist nicht erfasst."
        )));
    };
    state.data.access.opened(
        &caller,
        [id],
        "GET /api/v1/persons/{id}",
        AccessPurpose::Casework,
    )?;
    let personal = personal_data(at, erased, &*state.data.store_shared(), &state.data.codec).await;
    let personal = match &personal {
        Some(Erasable::Known(data)) => PersonDetails::full(data),
        _ => PersonDetails::erased(),
    };
    Ok(with_etag(
        PersonAnswer {
            id,
            personal,
            erased: record.erased,
            links: &record.links,
            consents: &record.consents,
        },
        revision,
    ))
}

/// One record of a stream whose view is the domain state (visit, inquiry, cooperation, …).
/// Its answer: `{"id", "state", "history"}` — the view and every event of the record's stream
/// with when and by whom it was recorded, so everything recorded (a description, a note, an
/// answer, a visit's notes) can be read again.
macro_rules! record_route {
    ($name:ident, $id:ty, $field:ident, $decider:ty, $category:literal, $label:literal) => {
        async fn $name(
            State(state): State<AppState>,
            Extension(caller): Extension<Caller>,
            Path(id): Path<String>,
            Query(params): Query<ProfileParams>,
        ) -> Result<Response, ApiError> {
            ready(&state, &caller, params.wait_for).await?;
            let id = parse_id(&id, <$id>::parse)?;
            let revision = revision(&state, &format!("{}-{id}", $category)).await?;
            let history = state.history::<$decider>(&id.to_string()).await?;
            let value = {
                let views = state.projections.read();
                let record = views.$field.get(&id).ok_or_else(|| {
                    ApiError::NotFound(format!("{} {id} ist nicht erfasst.", $label))
                })?;
                let answer = RecordAnswer {
                    id: id.to_string(),
                    state: record,
                    history: &history,
                };
                serde_json::to_value(answer).map_err(|error| ApiError::Internal(error.into()))?
            };
            Ok(with_etag(value, revision))
        }
    };
}

record_route!(visit, VisitId, visits, Visit, "visit", "Besuch");
record_route!(
    inquiry, InquiryId, inquiries, Inquiry, "inquiry", "Anliegen"
);
record_route!(contact, ContactId, contacts, Contact, "contact", "Kontakt");
record_route!(
    cooperation,
    CooperationId,
    cooperations,
    Cooperation,
    "cooperation",
    "Kooperation"
);
record_route!(
    gathering,
    GatheringId,
    gatherings,
    Gathering,
    "gathering",
    "Veranstaltung"
);
record_route!(retreat, RetreatId, retreats, Retreat, "retreat", "Klausur");
record_route!(
    reminder,
    ReminderId,
    reminders,
    Reminder,
    "reminder",
    "Wiedervorlage"
);

#[derive(Deserialize, Default, schemars::JsonSchema)]
struct WorkParams {
    /// Arbeitsliste dieses Benutzers (Standard: die eigene).
    #[schemars(with = "Option<UserName>")]
    user: Option<String>,
    /// Stichtag (Standard: heute).
    today: Option<NaiveDate>,
    /// So viele Tage voraus (0–366, Standard 7).
    horizon_days: Option<i64>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

async fn work(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<WorkParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let user = match params.user.as_deref() {
        Some(user) => UserName::parse(user).map_err(|e| bad("user", e))?,
        None => caller.user.clone(),
    };
    let list = work_list(
        &state.projections.read(),
        &user,
        today(params.today),
        params.horizon_days.unwrap_or(7).clamp(0, 366),
        state.config.first_response_working_days,
    );
    Ok(Json(list).into_response())
}

#[derive(Deserialize, Default, schemars::JsonSchema)]
struct QueueParams {
    /// Nur Anliegen dieses Benutzers.
    #[schemars(with = "Option<UserName>")]
    assignee: Option<String>,
    /// Stichtag (Standard: heute).
    today: Option<NaiveDate>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

async fn queue(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<QueueParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let assignee = params
        .assignee
        .as_deref()
        .map(UserName::parse)
        .transpose()
        .map_err(|e| bad("assignee", e))?;
    let entries = inquiry_queue(
        &state.projections.read(),
        today(params.today),
        state.config.first_response_working_days,
        assignee.as_ref(),
    );
    Ok(Json(QueueAnswer {
        target_working_days: state.config.first_response_working_days,
        entries,
    })
    .into_response())
}

#[derive(Deserialize, Default, schemars::JsonSchema)]
struct BoardParams {
    /// Stichtag (Standard: heute).
    today: Option<NaiveDate>,
    /// Meilensteine so viele Tage voraus (0–3660, Standard 90).
    horizon_days: Option<i64>,
    /// Veranstaltungen ab diesem Tag.
    from: Option<NaiveDate>,
    /// Veranstaltungen bis zu diesem Tag.
    to: Option<NaiveDate>,
    /// Regionsebene der Abdeckung (Standard: bezirksregion).
    #[schemars(with = "Option<CoverageLevel>")]
    level: Option<String>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

/// The levels `?level=` names (read case-insensitively).
#[derive(schemars::JsonSchema)]
#[schemars(rename_all = "lowercase")]
#[allow(dead_code)]
enum CoverageLevel {
    Bezirk,
    Prognoseraum,
    Bezirksregion,
    Planungsraum,
}

async fn board(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<BoardParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let cards = cooperation_board(
        &state.projections.read(),
        today(params.today),
        params.horizon_days.unwrap_or(90).clamp(0, 3660),
    );
    Ok(Json(BoardAnswer {
        cooperations: cards,
    })
    .into_response())
}

async fn gathering_list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<BoardParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let gatherings = gatherings(&state.projections.read(), params.from, params.to);
    Ok(Json(GatheringsAnswer { gatherings }).into_response())
}

async fn coverage(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<BoardParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let level = match params
        .level
        .as_deref()
        .unwrap_or("bezirksregion")
        .to_lowercase()
        .as_str()
    {
        "bezirk" => RegionLevel::Bezirk,
        "prognoseraum" => RegionLevel::Prognoseraum,
        "bezirksregion" => RegionLevel::Bezirksregion,
        "planungsraum" => RegionLevel::Planungsraum,
        other => {
            return Err(bad(
                "level",
                format!(
                    "„{other}“, erwartet bezirk, prognoseraum, bezirksregion oder planungsraum"
                ),
            ));
        }
    };
    let rows = region_coverage(&state.projections.read(), level, today(params.today));
    Ok(Json(CoverageAnswer {
        level: level.label(),
        regions: rows,
    })
    .into_response())
}

#[derive(Deserialize, Default, schemars::JsonSchema)]
struct AuditParams {
    /// Nur Einträge dieses Benutzers.
    actor: Option<String>,
    /// Nur Einträge dieses Stroms (`visit-…`).
    stream: Option<String>,
    /// Nur Einträge vor dieser Protokollposition (zum Blättern).
    before: Option<u64>,
    /// Höchstens so viele Einträge (Standard 100).
    limit: Option<usize>,
}

async fn audit_trail(
    State(state): State<AppState>,
    Query(params): Query<AuditParams>,
) -> Result<Response, ApiError> {
    let filter = AuditFilter {
        actor: params.actor,
        stream: params.stream,
        before: params.before.map(Position),
        limit: params.limit.unwrap_or(100),
    };
    let entries = audit(state.data.store_shared().as_ref(), &filter).await?;
    Ok(Json(AuditAnswer { entries }).into_response())
}

async fn taxonomy(
    State(state): State<AppState>,
    Path(kind): Path<String>,
) -> Result<Response, ApiError> {
    let views = state.projections.read();
    let taxonomy = views
        .taxonomies
        .get(&kind)
        .ok_or_else(|| ApiError::NotFound(format!("Klassifikation „{kind}“ gibt es nicht.")))?;
    Ok(Json(TaxonomyAnswer {
        taxonomy: &kind,
        entries: &taxonomy.entries,
    })
    .into_response())
}

pub(super) fn routes() -> Vec<Route> {
    let spec = |path, roles, summary| RouteSpec {
        method: Method::GET,
        path,
        roles,
        summary,
        body: None,
        doc: Default::default(),
    };
    vec![
        Route {
            spec: spec(
                "/api/v1/organizations",
                READERS,
                "Organisationsverzeichnis: Suche, Filter, Sortierung, Seiten",
            )
            .with_query::<DirectoryParams>()
            .answering::<wifo_projections::queries::directory::DirectoryPage>(),
            handler: get(list_organizations),
        },
        Route {
            spec: spec(
                "/api/v1/organizations/{id}",
                READERS,
                "360°-Profil (mit ?as_of=JJJJ-MM-TT: Stand an einem Tag)",
            )
            .with_query::<ProfileParams>()
            .answering::<ProfileAnswer<'static>>(),
            handler: get(organization),
        },
        Route {
            spec: spec(
                "/api/v1/persons/{id}",
                PERSON_READERS,
                "Ansprechperson (personenbezogene Daten, falls nicht gelöscht)",
            )
            .with_query::<ProfileParams>()
            .answering::<PersonAnswer<'static>>(),
            handler: get(person),
        },
        Route {
            spec: spec("/api/v1/visits/{id}", READERS, "Betriebsbesuch")
                .with_query::<ProfileParams>()
                .answering::<RecordAnswer<
                    'static,
                    wifo_domain::visit::VisitState,
                    wifo_domain::visit::VisitEvent,
                >>(),
            handler: get(visit),
        },
        Route {
            spec: spec("/api/v1/inquiries/{id}", READERS, "Anliegen")
                .with_query::<ProfileParams>()
                .answering::<RecordAnswer<
                    'static,
                    wifo_domain::inquiry::InquiryState,
                    wifo_domain::inquiry::InquiryEvent,
                >>(),
            handler: get(inquiry),
        },
        Route {
            spec: spec("/api/v1/contacts/{id}", READERS, "Kontakt")
                .with_query::<ProfileParams>()
                .answering::<RecordAnswer<
                    'static,
                    wifo_domain::contact::ContactState,
                    wifo_domain::contact::ContactEvent,
                >>(),
            handler: get(contact),
        },
        Route {
            spec: spec(
                "/api/v1/cooperations/{id}",
                READERS,
                "Kooperationsvereinbarung",
            )
            .with_query::<ProfileParams>()
            .answering::<RecordAnswer<
                'static,
                wifo_domain::cooperation::CooperationState,
                wifo_domain::cooperation::CooperationEvent,
            >>(),
            handler: get(cooperation),
        },
        Route {
            spec: spec(
                "/api/v1/gatherings/{id}",
                READERS,
                "Veranstaltung mit Einladungen, Anmeldungen, Teilnahme",
            )
            .with_query::<ProfileParams>()
            .answering::<RecordAnswer<
                'static,
                wifo_domain::gathering::GatheringState,
                wifo_domain::gathering::GatheringEvent,
            >>(),
            handler: get(gathering),
        },
        Route {
            spec: spec(
                "/api/v1/retreats/{id}",
                READERS,
                "Klausur mit Vorschlägen und Beschlüssen",
            )
            .with_query::<ProfileParams>()
            .answering::<RecordAnswer<
                'static,
                wifo_domain::retreat::RetreatState,
                wifo_domain::retreat::RetreatEvent,
            >>(),
            handler: get(retreat),
        },
        Route {
            spec: spec(
                "/api/v1/reminders/{id}",
                READERS,
                "Wiedervorlage (ohne Besuch) mit Verlauf",
            )
            .with_query::<ProfileParams>()
            .answering::<RecordAnswer<
                'static,
                wifo_domain::reminder::ReminderState,
                wifo_domain::reminder::ReminderEvent,
            >>(),
            handler: get(reminder),
        },
        Route {
            spec: spec(
                "/api/v1/work",
                READERS,
                "Arbeitsliste: fällige Wiedervorlagen, Besuche, Anliegen",
            )
            .with_query::<WorkParams>()
            .answering::<wifo_projections::queries::work::WorkList>(),
            handler: get(work),
        },
        Route {
            spec: spec(
                "/api/v1/inquiry-queue",
                READERS,
                "Anliegen-Eingang mit Alter und Überfälligkeit",
            )
            .with_query::<QueueParams>()
            .answering::<QueueAnswer>(),
            handler: get(queue),
        },
        Route {
            spec: spec(
                "/api/v1/cooperation-board",
                READERS,
                "Kooperationen: Meilensteine nach Stand, überfällig, demnächst",
            )
            .with_query::<BoardParams>()
            .answering::<BoardAnswer>(),
            handler: get(board),
        },
        Route {
            spec: spec("/api/v1/gatherings", READERS, "Veranstaltungen")
                .with_query::<BoardParams>()
                .answering::<GatheringsAnswer>(),
            handler: get(gathering_list),
        },
        Route {
            spec: spec(
                "/api/v1/coverage",
                READERS,
                "Abdeckung je Region (12/24 Monate)",
            )
            .with_query::<BoardParams>()
            .answering::<CoverageAnswer>(),
            handler: get(coverage),
        },
        Route {
            spec: spec(
                "/api/v1/audit",
                LEADS,
                "Protokoll: wer hat wann was geändert",
            )
            .with_query::<AuditParams>()
            .answering::<AuditAnswer>(),
            handler: get(audit_trail),
        },
        Route {
            spec: spec(
                "/api/v1/taxonomies/{id}",
                READERS,
                "Klassifikation (topics, offices, regions, sectors)",
            )
            .answering::<TaxonomyAnswer<'static>>(),
            handler: get(taxonomy),
        },
    ]
}
