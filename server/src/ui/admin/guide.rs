//! The Handreichung's content (`/verwaltung/handreichung`): per topic the guidance text, the
//! responsible offices, who answers it by region (one line per person: login, optionally a
//! region code) and whether it is public; per office its public contact details. Each form
//! writes the entry as a whole; the public pages show only what is marked public.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_domain::{
    public::{Public, PublicCommand, Responsibility, WriteGuideOffice, WriteGuideTopic},
    user::UserStatus,
    values::{Code, Email, Phone, RegionCode, Text, UserName, Website},
};

use crate::state::AppState;
use crate::ui::{
    execute,
    form::{FormView, Input},
    pages::{self, Chrome, Notice},
    ready, refusal, texts,
};
use wifo_app::auth::Caller;

/// One topic or office with its form's values.
struct Line {
    code: String,
    name: String,
    public: bool,
    form: FormView,
    /// For topics: every office, `(code, name, chosen)`.
    offices: Vec<(String, String, bool)>,
}

#[derive(Template)]
#[template(path = "admin_guide.html")]
struct GuidePage {
    page: Chrome,
    t: texts::Texts,
    topics: Vec<Line>,
    offices: Vec<Line>,
    /// The form that was refused: `(kind, code)`, shown open.
    open: (String, String),
    general: Option<String>,
}

fn responsible_text(rows: &[Responsibility]) -> String {
    rows.iter()
        .map(|row| match &row.region {
            Some(region) => format!("{} {region}", row.staff),
            None => row.staff.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn active(state: &AppState, kind: &str) -> Vec<(String, String)> {
    state
        .projections
        .read()
        .taxonomies
        .get(kind)
        .map(|taxonomy| {
            taxonomy
                .entries
                .iter()
                .filter(|(_, entry)| !entry.retired)
                .map(|(code, entry)| (code.clone(), entry.name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn shown(
    state: &AppState,
    caller: &Caller,
    refused: Option<(String, String, FormView)>,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let offices_all = active(state, "offices");
    let views = state.projections.read();
    let open = refused
        .as_ref()
        .map(|(kind, code, _)| (kind.clone(), code.clone()))
        .unwrap_or_default();
    let general = refused
        .as_ref()
        .and_then(|(_, _, form)| form.general.clone());
    let mut refused = refused;
    let mut take = |kind: &str, code: &str| -> Option<FormView> {
        match &refused {
            Some((k, c, _)) if k == kind && c == code => refused.take().map(|(_, _, form)| form),
            _ => None,
        }
    };
    let topics = active(state, "topics")
        .into_iter()
        .map(|(code, name)| {
            let entry = views
                .public
                .topics
                .iter()
                .find(|(c, _)| c.as_str() == code)
                .map(|(_, e)| e);
            let form = take("topic", &code).unwrap_or_else(|| {
                let mut values = vec![
                    (
                        "guidance",
                        entry.map(|e| e.guidance.to_string()).unwrap_or_default(),
                    ),
                    (
                        "responsible",
                        entry
                            .map(|e| responsible_text(&e.responsible))
                            .unwrap_or_default(),
                    ),
                ];
                if entry.is_some_and(|e| e.public) {
                    values.push(("public", "ja".into()));
                }
                for office in entry.map(|e| e.offices.clone()).unwrap_or_default() {
                    values.push(("offices", office.to_string()));
                }
                FormView::with(&values)
            });
            let offices = offices_all
                .iter()
                .map(|(office, office_name)| {
                    (
                        office.clone(),
                        office_name.clone(),
                        form.has("offices", office),
                    )
                })
                .collect();
            Line {
                public: entry.is_some_and(|e| e.public),
                code,
                name,
                form,
                offices,
            }
        })
        .collect();
    let offices = offices_all
        .iter()
        .map(|(code, name)| {
            let entry = views
                .public
                .offices
                .iter()
                .find(|(c, _)| c.as_str() == code)
                .map(|(_, e)| e);
            let form = take("office", code).unwrap_or_else(|| {
                let text = |value: Option<String>| value.unwrap_or_default();
                let mut values = vec![
                    ("address", text(entry.map(|e| e.address.to_string()))),
                    (
                        "phone",
                        text(entry.and_then(|e| e.phone.as_ref().map(ToString::to_string))),
                    ),
                    (
                        "email",
                        text(entry.and_then(|e| e.email.as_ref().map(ToString::to_string))),
                    ),
                    (
                        "website",
                        text(entry.and_then(|e| e.website.as_ref().map(ToString::to_string))),
                    ),
                    ("hours", text(entry.map(|e| e.hours.to_string()))),
                ];
                if entry.is_some_and(|e| e.public) {
                    values.push(("public", "ja".into()));
                }
                FormView::with(&values)
            });
            Line {
                code: code.clone(),
                name: name.clone(),
                public: entry.is_some_and(|e| e.public),
                form,
                offices: vec![],
            }
        })
        .collect();
    drop(views);
    pages::render(
        &GuidePage {
            page: Chrome::new(
                caller,
                texts::get("public.admin_title"),
                "/verwaltung/handreichung",
            )
            .with_notice(notice),
            t: texts::Texts,
            topics,
            offices,
            open,
            general,
        },
        status,
    )
}

pub(super) async fn guide(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<Notice>,
) -> Response {
    if ready(&state, &caller).await.is_err() {
        return pages::unavailable(&caller, texts::get("error.unavailable_text"));
    }
    shown(&state, &caller, None, notice.ok.as_deref(), StatusCode::OK)
}

/// The responsibility lines: `login` or `login REGION`, each an active user and a known region.
fn responsible(state: &AppState, input: &mut Input) -> Option<Vec<Responsibility>> {
    let text = input.get("responsible").to_owned();
    let views = state.projections.read();
    let mut rows = Vec::new();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let mut parts = line.split_whitespace();
        let login = parts.next().unwrap_or_default();
        let region = parts.next();
        let Ok(staff) = UserName::parse(login) else {
            input.fail(
                "responsible",
                format!("„{login}“ {}", texts::get("public.no_user")),
            );
            return None;
        };
        if !views
            .users
            .get(staff.as_str())
            .is_some_and(|user| user.status == UserStatus::Active)
        {
            input.fail(
                "responsible",
                format!("„{login}“ {}", texts::get("public.no_user")),
            );
            return None;
        }
        let region = match region {
            None => None,
            Some(code) => {
                let known = views
                    .taxonomies
                    .get("regions")
                    .is_some_and(|regions| regions.entries.contains_key(code));
                match RegionCode::parse(code) {
                    Ok(region) if known => Some(region),
                    _ => {
                        input.fail(
                            "responsible",
                            format!("„{code}“ {}", texts::get("public.no_region")),
                        );
                        return None;
                    }
                }
            }
        };
        rows.push(Responsibility { region, staff });
    }
    Some(rows)
}

pub(super) async fn write_topic(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let code = input.get("topic").to_owned();
    let topic = input.required("topic", Code::parse);
    let guidance = input.required("guidance", Text::parse);
    let offices: Option<Vec<Code>> = input
        .all("offices")
        .into_iter()
        .map(|office| Code::parse(office).ok())
        .collect();
    let rows = responsible(&state, &mut input);
    let public = input.checked("public");
    let (Some(topic), Some(guidance), Some(offices), Some(rows), true) =
        (topic, guidance, offices, rows, input.is_valid())
    else {
        return shown(
            &state,
            &caller,
            Some(("topic".into(), code, input.view())),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let command = PublicCommand::WriteTopic(WriteGuideTopic {
        topic,
        guidance,
        offices,
        responsible: rows,
        public,
    });
    match execute::<Public>(&state, &caller, command).await {
        Ok(()) => pages::done("/verwaltung/handreichung", "saved"),
        Err(error) => shown(
            &state,
            &caller,
            Some(("topic".into(), code, input.view().refused(refusal(error)))),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

pub(super) async fn write_office(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let code = input.get("office").to_owned();
    let office = input.required("office", Code::parse);
    let address = input.required("address", Text::parse);
    let phone = input.optional("phone", Phone::parse);
    let email = input.optional("email", Email::parse);
    let website = input.optional("website", Website::parse);
    let hours = input.required("hours", Text::parse);
    let public = input.checked("public");
    let (Some(office), Some(address), Some(phone), Some(email), Some(website), Some(hours), true) = (
        office,
        address,
        phone,
        email,
        website,
        hours,
        input.is_valid(),
    ) else {
        return shown(
            &state,
            &caller,
            Some(("office".into(), code, input.view())),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let command = PublicCommand::WriteOffice(WriteGuideOffice {
        office,
        address,
        phone,
        email,
        website,
        hours,
        public,
    });
    match execute::<Public>(&state, &caller, command).await {
        Ok(()) => pages::done("/verwaltung/handreichung", "saved"),
        Err(error) => shown(
            &state,
            &caller,
            Some(("office".into(), code, input.view().refused(refusal(error)))),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}
