//! Company visits: plan one, log one as conducted with its structured findings (one page, with
//! today's date, an hour and the caller as defaults, so on a tablet only the findings need
//! touching), and the follow-ups a visit leaves (created with the visit, completed from
//! "Meine Woche" or the organization page).

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, State},
    http::{Method, StatusCode},
    response::Response,
    routing::{get, post},
};
use uuid::Uuid;
use wifo_domain::german;
use wifo_domain::{
    ids::{FollowUpId, OrganizationId, VisitId},
    values::{Code, Text, Title},
    visit::{
        CompleteFollowUp, ConductVisit, CreateFollowUp, Findings, PlanVisit, Satisfaction, Visit,
        VisitCommand, VisitStatus,
    },
};

use super::{
    execute,
    form::{Choice, FormView, Input},
    page,
    pages::{self, Chrome},
    refusal, texts, today,
};
use crate::{
    auth::Caller,
    http::{AppState, Route, STAFF},
};

/// What the visit form is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plan,
    Conduct,
}

#[derive(Template)]
#[template(path = "visit.html")]
struct VisitPage {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    action: String,
    organization: String,
    organization_href: String,
    planned_on: String,
    conduct: bool,
    form: FormView,
    topics: Vec<Choice>,
    satisfaction: Vec<Choice>,
}

/// The organization (name, id) a visit form is about.
struct Target {
    organization: OrganizationId,
    name: String,
    planned_on: Option<chrono::NaiveDate>,
    /// `Some` when a planned visit is logged.
    visit: Option<VisitId>,
}

fn target_of_organization(state: &AppState, id: &str) -> Option<Target> {
    let organization = OrganizationId::parse(id).ok()?;
    let views = state.projections.read();
    let name = views
        .organizations
        .get(&organization)?
        .state
        .name
        .as_ref()?
        .to_string();
    Some(Target {
        organization,
        name,
        planned_on: None,
        visit: None,
    })
}

fn target_of_visit(state: &AppState, id: &str) -> Option<Target> {
    let visit = VisitId::parse(id).ok()?;
    let views = state.projections.read();
    let found = views.visits.get(&visit)?;
    let organization = found.organization?;
    let name = views
        .organizations
        .get(&organization)?
        .state
        .name
        .as_ref()?
        .to_string();
    Some(Target {
        organization,
        name,
        planned_on: found.planned_on,
        visit: Some(visit),
    })
}

fn visit_page(
    state: &AppState,
    caller: &Caller,
    target: &Target,
    mode: Mode,
    form: FormView,
    status: StatusCode,
) -> Response {
    let topic_choices = {
        let views = state.projections.read();
        views
            .taxonomies
            .get("topics")
            .map(|taxonomy| {
                taxonomy
                    .entries
                    .iter()
                    .filter(|(_, entry)| !entry.retired && entry.parent.is_none())
                    .map(|(code, entry)| (code.clone(), entry.name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let satisfaction: Vec<(String, String)> =
        std::iter::once((String::new(), texts::get("form.none").to_owned()))
            .chain((1..=5u8).filter_map(|value| {
                Satisfaction::new(value)
                    .ok()
                    .map(|level| (value.to_string(), format!("{value} – {}", level.label())))
            }))
            .collect();
    let (heading, action) = match (mode, target.visit) {
        (Mode::Plan, _) => (
            texts::get("visit.plan"),
            format!("/organisationen/{}/besuche/neu", target.organization),
        ),
        (Mode::Conduct, Some(visit)) => (
            texts::get("visit.log_conducted"),
            format!("/besuche/{visit}/durchfuehren"),
        ),
        (Mode::Conduct, None) => (
            texts::get("visit.log_conducted"),
            format!("/organisationen/{}/besuche/erfassen", target.organization),
        ),
    };
    pages::render(
        &VisitPage {
            page: Chrome::new(caller, heading, ""),
            t: texts::Texts,
            heading: heading.to_owned(),
            action,
            organization: target.name.clone(),
            organization_href: format!("/organisationen/{}", target.organization),
            planned_on: german::optional_date(target.planned_on),
            conduct: mode == Mode::Conduct,
            topics: form.options("topic", &topic_choices),
            satisfaction: form.options("satisfaction", &satisfaction),
            form,
        },
        status,
    )
}

fn defaults(mode: Mode) -> FormView {
    match mode {
        Mode::Plan => FormView::with(&[("date", german::iso(today() + chrono::Duration::days(7)))]),
        Mode::Conduct => FormView::with(&[
            ("date", german::iso(today())),
            ("duration_minutes", "60".into()),
            (
                "follow_up_due",
                german::iso(today() + chrono::Duration::days(14)),
            ),
        ]),
    }
}

async fn plan_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Response {
    match target_of_organization(&state, &id) {
        Some(target) => visit_page(
            &state,
            &caller,
            &target,
            Mode::Plan,
            defaults(Mode::Plan),
            StatusCode::OK,
        ),
        None => pages::not_found(Some(&caller), texts::get("org.unknown")),
    }
}

async fn conduct_unplanned_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Response {
    match target_of_organization(&state, &id) {
        Some(target) => visit_page(
            &state,
            &caller,
            &target,
            Mode::Conduct,
            defaults(Mode::Conduct),
            StatusCode::OK,
        ),
        None => pages::not_found(Some(&caller), texts::get("org.unknown")),
    }
}

async fn conduct_planned_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Response {
    if let Err(response) = super::ready(&state, &caller).await {
        return response;
    }
    match target_of_visit(&state, &id) {
        Some(target) => visit_page(
            &state,
            &caller,
            &target,
            Mode::Conduct,
            defaults(Mode::Conduct),
            StatusCode::OK,
        ),
        None => pages::not_found(Some(&caller), texts::get("visit.unknown")),
    }
}

async fn plan(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Some(target) = target_of_organization(&state, &id) else {
        return pages::not_found(Some(&caller), texts::get("org.unknown"));
    };
    let mut input = Input::new(pairs);
    let date = input.date("date");
    let purpose = input.required("purpose", Text::parse);
    let (Some(planned_on), Some(purpose)) = (date, purpose) else {
        return visit_page(
            &state,
            &caller,
            &target,
            Mode::Plan,
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let command = VisitCommand::Plan(PlanVisit {
        visit: VisitId::from(Uuid::now_v7()),
        organization: target.organization,
        planned_on,
        staff: vec![caller.user.clone()],
        participants: Vec::new(),
        purpose,
        joint_partner: None,
    });
    match execute::<Visit>(&state, &caller, command).await {
        Ok(()) => pages::done(
            &format!("/organisationen/{}", target.organization),
            "visit_planned",
        ),
        Err(error) => visit_page(
            &state,
            &caller,
            &target,
            Mode::Plan,
            input.view().refused(refusal(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

/// Reads the conducted-visit form and executes it (and the follow-up, if one was entered).
async fn conduct(
    state: &AppState,
    caller: &Caller,
    target: Target,
    pairs: Vec<(String, String)>,
) -> Response {
    let mut input = Input::new(pairs);
    let conducted_on = input.date("date");
    let duration = input.count("duration_minutes").flatten();
    if duration.is_none() && input.error("duration_minutes").is_none() {
        input.fail("duration_minutes", texts::get("visit.duration_missing"));
    }
    let topics: Vec<Code> = input
        .all("topic")
        .into_iter()
        .filter_map(|code| Code::parse(code).ok())
        .collect();
    let space_need_m2 = input.count("space_need_m2");
    let workforce_need = input.count("workforce_need");
    let satisfaction = input.optional("satisfaction", Satisfaction::parse);
    let mut issues = Vec::new();
    for line in input
        .get("issues")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect::<Vec<_>>()
    {
        match Title::parse(&line) {
            Ok(title) => issues.push(title),
            Err(error) => input.fail("issues", error.to_string()),
        }
    }
    let notes = input.required("notes", Text::parse);
    let follow_up_task = input.optional("follow_up_task", Title::parse);
    let follow_up_due = if input.get("follow_up_task").is_empty() {
        None
    } else {
        input.date("follow_up_due")
    };
    let findings = Findings {
        expansion_plans: input.checked("expansion_plans"),
        relocation_risk: input.checked("relocation_risk"),
        funding_interest: input.checked("funding_interest"),
        space_need_m2: space_need_m2.flatten(),
        workforce_need: workforce_need.flatten(),
        location_satisfaction: satisfaction.flatten(),
        issues_raised: issues,
    };
    let (Some(conducted_on), Some(duration_minutes), Some(notes), Some(follow_up_task), true) = (
        conducted_on,
        duration,
        notes,
        follow_up_task,
        input.is_valid(),
    ) else {
        return visit_page(
            state,
            caller,
            &target,
            Mode::Conduct,
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let visit = target
        .visit
        .unwrap_or_else(|| VisitId::from(Uuid::now_v7()));
    let command = VisitCommand::Conduct(ConductVisit {
        visit,
        organization: Some(target.organization),
        conducted_on,
        duration_minutes,
        staff: vec![caller.user.clone()],
        participants: Vec::new(),
        topics,
        findings,
        notes,
        joint_partner: None,
    });
    let mut result = execute::<Visit>(state, caller, command).await;
    if result.is_ok()
        && let (Some(task), Some(due_on)) = (follow_up_task, follow_up_due)
    {
        result = execute::<Visit>(
            state,
            caller,
            VisitCommand::CreateFollowUp(CreateFollowUp {
                visit,
                follow_up: FollowUpId::from(Uuid::now_v7()),
                task,
                assignee: caller.user.clone(),
                due_on,
            }),
        )
        .await;
    }
    match result {
        Ok(()) => pages::done(
            &format!("/organisationen/{}", target.organization),
            "visit_conducted",
        ),
        Err(error) => {
            let message = refusal(error);
            let mut view = input.view();
            if message.contains("Dauer") {
                input.fail("duration_minutes", message);
                view = input.view();
            } else if message.contains("Wiedervorlage") {
                input.fail("follow_up_due", message);
                view = input.view();
            } else {
                view = view.refused(message);
            }
            visit_page(
                state,
                caller,
                &target,
                Mode::Conduct,
                view,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

async fn conduct_unplanned(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    match target_of_organization(&state, &id) {
        Some(target) => conduct(&state, &caller, target, pairs).await,
        None => pages::not_found(Some(&caller), texts::get("org.unknown")),
    }
}

async fn conduct_planned(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    if let Err(response) = super::ready(&state, &caller).await {
        return response;
    }
    match target_of_visit(&state, &id) {
        Some(target) => conduct(&state, &caller, target, pairs).await,
        None => pages::not_found(Some(&caller), texts::get("visit.unknown")),
    }
}

async fn complete_follow_up(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let input = Input::new(pairs);
    let (Ok(visit), Ok(follow_up)) = (
        VisitId::parse(&id),
        FollowUpId::parse(input.get("follow_up")),
    ) else {
        return pages::not_found(Some(&caller), texts::get("visit.unknown"));
    };
    let organization = state
        .projections
        .read()
        .visits
        .get(&visit)
        .and_then(|found| {
            (found.status == VisitStatus::Conducted)
                .then_some(found.organization)
                .flatten()
        });
    let command = VisitCommand::CompleteFollowUp(CompleteFollowUp {
        visit,
        follow_up,
        completed_on: today(),
    });
    let back = if caller.role == wifo_domain::values::Role::Staff {
        "/woche".to_owned()
    } else {
        organization
            .map(|id| format!("/organisationen/{id}"))
            .unwrap_or_else(|| "/woche".to_owned())
    };
    match execute::<Visit>(&state, &caller, command).await {
        Ok(()) => pages::done(&back, "follow_up_completed"),
        Err(error) => pages::not_found(Some(&caller), &refusal(error)),
    }
}

pub fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/organisationen/{id}/besuche/neu",
            STAFF,
            "Formular: Besuch planen",
            get(plan_form),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/besuche/neu",
            STAFF,
            "Besuch planen",
            post(plan),
        ),
        page(
            Method::GET,
            "/organisationen/{id}/besuche/erfassen",
            STAFF,
            "Formular: durchgeführten Besuch erfassen",
            get(conduct_unplanned_form),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/besuche/erfassen",
            STAFF,
            "Durchgeführten Besuch erfassen",
            post(conduct_unplanned),
        ),
        page(
            Method::GET,
            "/besuche/{id}/durchfuehren",
            STAFF,
            "Formular: geplanten Besuch als durchgeführt erfassen",
            get(conduct_planned_form),
        ),
        page(
            Method::POST,
            "/besuche/{id}/durchfuehren",
            STAFF,
            "Geplanten Besuch als durchgeführt erfassen",
            post(conduct_planned),
        ),
        page(
            Method::POST,
            "/besuche/{id}/wiedervorlagen/erledigt",
            STAFF,
            "Wiedervorlage erledigt",
            post(complete_follow_up),
        ),
    ]
}
