//! The planner's workplace: the retreats (Klausur) by year and partner, and one retreat's page
//! with the proposed topics, their priorities and the decisions, which plan next year's
//! gatherings. Forms: schedule a retreat, propose a topic, set its priority, record that the
//! retreat was held, record a decision. Links to the Klausur statistics report of analytics.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, Query, State},
    http::{Method, StatusCode},
    response::Response,
    routing::{get, post},
};
use chrono::Datelike;
use uuid::Uuid;
use wifo_domain::german;
use wifo_domain::{
    gathering::GatheringKind,
    ids::{DecisionId, GatheringId, OrganizationId, ProposalId, RetreatId},
    organization::OrganizationKind,
    retreat::{
        HoldRetreat, PlannedGathering, PrioritiseTopic, Priority, ProposeTopic, RecordDecision,
        Retreat, RetreatCommand, ScheduleRetreat,
    },
    values::{Text, Title},
};

use super::{
    execute,
    form::{Choice, FormView, Input, enum_choices},
    page,
    pages::{self, Chrome},
    ready, refusal, texts, today,
};
use crate::{
    auth::Caller,
    http::{AppState, RETREAT_PLANNERS, Route},
};

pub struct RetreatLine {
    pub href: String,
    pub year: String,
    pub title: String,
    pub partners: String,
    pub date: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "retreats.html")]
struct RetreatsPage {
    page: Chrome,
    t: texts::Texts,
    retreats: Vec<RetreatLine>,
    form: FormView,
    partners: Vec<Choice>,
}

fn partner_name(views: &wifo_projections::Views, id: &OrganizationId) -> String {
    views
        .organizations
        .get(id)
        .and_then(|r| r.state.name.as_ref())
        .map(|n| n.to_string())
        .unwrap_or_default()
}

fn retreats_page(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let views = state.projections.read();
    let mut retreats: Vec<(i32, RetreatLine)> = views
        .retreats
        .iter()
        .map(|(id, retreat)| {
            (
                retreat.year.unwrap_or_default(),
                RetreatLine {
                    href: format!("/klausur/{id}"),
                    year: retreat.year.map(|y| y.to_string()).unwrap_or_default(),
                    title: retreat
                        .title
                        .as_ref()
                        .map(|t| t.to_string())
                        .unwrap_or_default(),
                    partners: retreat
                        .partners
                        .iter()
                        .map(|p| partner_name(&views, p))
                        .collect::<Vec<_>>()
                        .join(", "),
                    date: german::optional_date(retreat.held_on().or(retreat.date)),
                    status: if retreat.held_on().is_some() {
                        texts::get("retreat.held").to_owned()
                    } else {
                        texts::get("retreat.scheduled").to_owned()
                    },
                },
            )
        })
        .collect();
    retreats.sort_by_key(|line| std::cmp::Reverse(line.0));
    let mut partners: Vec<(String, String)> = views
        .organizations
        .iter()
        .filter(|(_, r)| {
            matches!(
                r.state.kind,
                Some(OrganizationKind::Association | OrganizationKind::Chamber)
            )
        })
        .filter_map(|(id, r)| {
            r.state
                .name
                .as_ref()
                .map(|n| (id.to_string(), n.to_string()))
        })
        .collect();
    partners.sort_by(|a, b| a.1.cmp(&b.1));
    let page = RetreatsPage {
        page: Chrome::new(caller, texts::get("retreat.list_title"), "/klausur").with_notice(notice),
        t: texts::Texts,
        retreats: retreats.into_iter().map(|(_, line)| line).collect(),
        partners: form.options("partner", &partners),
        form,
    };
    drop(views);
    pages::render(&page, status)
}

async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<pages::Notice>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    let next_year = today().year() + 1;
    let form = FormView::with(&[
        ("year", today().year().to_string()),
        ("date", german::iso(today())),
        (
            "title",
            format!("{} {}", texts::get("retreat.default_title"), next_year - 1),
        ),
    ]);
    retreats_page(&state, &caller, form, notice.ok.as_deref(), StatusCode::OK)
}

async fn schedule(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let year = input.get("year").parse::<i32>().ok();
    if year.is_none() {
        input.fail("year", texts::get("retreat.year_invalid"));
    }
    let partner = OrganizationId::parse(input.get("partner")).ok();
    if partner.is_none() {
        input.fail("partner", texts::get("error.choice"));
    }
    let date = input.date("date");
    let title = input.required("title", Title::parse);
    let (Some(year), Some(partner), Some(date), Some(title)) = (year, partner, date, title) else {
        return retreats_page(
            &state,
            &caller,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let retreat = RetreatId::from(Uuid::now_v7());
    let command = RetreatCommand::Schedule(ScheduleRetreat {
        retreat,
        year,
        partners: vec![partner],
        date,
        title,
    });
    match execute::<Retreat>(&state, &caller, command).await {
        Ok(()) => pages::done(&format!("/klausur/{retreat}"), "retreat_scheduled"),
        Err(error) => retreats_page(
            &state,
            &caller,
            input.view().refused(refusal(error)),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// One retreat

pub struct ProposalLine {
    pub title: String,
    pub reason: String,
    pub by: String,
    pub priority: String,
}

pub struct DecisionLine {
    pub text: String,
    pub proposal: String,
    pub plans: Vec<String>,
}

#[derive(Template)]
#[template(path = "retreat.html")]
struct RetreatPage {
    page: Chrome,
    t: texts::Texts,
    id: String,
    heading: String,
    facts: Vec<(String, String)>,
    held: bool,
    proposals: Vec<ProposalLine>,
    decisions: Vec<DecisionLine>,
    proposal_choices: Vec<Choice>,
    decision_proposals: Vec<Choice>,
    priorities: Vec<Choice>,
    gathering_kinds: Vec<Choice>,
    form: FormView,
    report_href: String,
}

fn retreat_page(
    state: &AppState,
    caller: &Caller,
    id: RetreatId,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let views = state.projections.read();
    let Some(retreat) = views.retreats.get(&id) else {
        return pages::not_found(Some(caller), texts::get("retreat.unknown"));
    };
    let year = retreat.year.unwrap_or_default();
    let title_of = |proposal: &ProposalId| {
        retreat
            .proposals
            .get(proposal)
            .map(|p| p.title.to_string())
            .unwrap_or_default()
    };
    let mut proposals: Vec<(u8, ProposalLine)> = retreat
        .proposals
        .values()
        .map(|p| {
            (
                p.priority.map(|x| x.get()).unwrap_or(u8::MAX),
                ProposalLine {
                    title: p.title.to_string(),
                    reason: p.reason.to_string(),
                    by: p.proposed_by.to_string(),
                    priority: p
                        .priority
                        .map(|x| x.to_string())
                        .unwrap_or_else(|| "–".to_owned()),
                },
            )
        })
        .collect();
    proposals.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.title.cmp(&b.1.title)));
    let decisions = retreat
        .decisions
        .iter()
        .map(|d| DecisionLine {
            text: d.text.to_string(),
            proposal: d.proposal.as_ref().map(title_of).unwrap_or_default(),
            plans: d
                .planned_gatherings
                .iter()
                .map(|g| format!("{}: {} ({})", g.kind.label(), g.title, german::date(g.date)))
                .chain(d.planned_milestones.iter().map(|m| {
                    format!(
                        "{}: {} ({})",
                        texts::get("board.milestone"),
                        m.title,
                        german::date(m.due)
                    )
                }))
                .collect(),
        })
        .collect();
    let choices: Vec<(String, String)> = retreat
        .proposals
        .iter()
        .map(|(id, p)| (id.to_string(), p.title.to_string()))
        .collect();
    let mut decision_choices = vec![(String::new(), texts::get("form.none").to_owned())];
    decision_choices.extend(choices.iter().cloned());
    let priorities: Vec<(String, String)> = (1..=5)
        .map(|p| {
            (
                p.to_string(),
                format!(
                    "{p}{}",
                    if p == 1 {
                        texts::get("retreat.highest")
                    } else {
                        ""
                    }
                ),
            )
        })
        .collect();
    let page = RetreatPage {
        page: Chrome::new(caller, texts::get("retreat.title"), "").with_notice(notice),
        t: texts::Texts,
        id: id.to_string(),
        heading: format!(
            "{} {year}",
            retreat
                .title
                .as_ref()
                .map(|t| t.to_string())
                .unwrap_or_default()
        ),
        facts: vec![
            (
                texts::get("retreat.partners").to_owned(),
                retreat
                    .partners
                    .iter()
                    .map(|p| partner_name(&views, p))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                texts::get("retreat.date").to_owned(),
                german::optional_date(retreat.date),
            ),
            (
                texts::get("inquiry.status").to_owned(),
                match retreat.held_on() {
                    Some(day) => format!("{} {}", texts::get("retreat.held_on"), german::date(day)),
                    None => texts::get("retreat.scheduled").to_owned(),
                },
            ),
        ],
        held: retreat.held_on().is_some(),
        proposals: proposals.into_iter().map(|(_, line)| line).collect(),
        decisions,
        proposal_choices: form.options("proposal", &choices),
        decision_proposals: form.options("decision_proposal", &decision_choices),
        priorities: form.options("priority", &priorities),
        gathering_kinds: form.options(
            "gathering_kind",
            &enum_choices(&GatheringKind::ALL, GatheringKind::label),
        ),
        form,
        report_href: format!("/api/v1/reports/klausur/{year}?format=html"),
    };
    drop(views);
    pages::render(&page, status)
}

fn defaults() -> FormView {
    FormView::with(&[("held_on", german::iso(today())), ("priority", "1".into())])
}

async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(notice): Query<pages::Notice>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    match RetreatId::parse(&id) {
        Ok(id) => retreat_page(
            &state,
            &caller,
            id,
            defaults(),
            notice.ok.as_deref(),
            StatusCode::OK,
        ),
        Err(_) => pages::not_found(Some(&caller), texts::get("retreat.unknown")),
    }
}

/// One form on the retreat page: read, build the command, execute.
async fn step(
    state: &AppState,
    caller: &Caller,
    id: &str,
    pairs: Vec<(String, String)>,
    notice: &str,
    build: impl FnOnce(RetreatId, &mut Input) -> Option<RetreatCommand>,
) -> Response {
    if let Err(response) = ready(state, caller).await {
        return response;
    }
    let Ok(id) = RetreatId::parse(id) else {
        return pages::not_found(Some(caller), texts::get("retreat.unknown"));
    };
    let mut input = Input::new(pairs);
    let command = build(id, &mut input);
    let Some(command) = command.filter(|_| input.is_valid()) else {
        return retreat_page(
            state,
            caller,
            id,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    match execute::<Retreat>(state, caller, command).await {
        Ok(()) => pages::done(&format!("/klausur/{id}"), notice),
        Err(error) => {
            let message = refusal(error);
            let view = if message.contains("Jahr") {
                input.fail("gathering_date", message);
                input.view()
            } else {
                input.view().refused(message)
            };
            retreat_page(
                state,
                caller,
                id,
                view,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

async fn propose(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let user = caller.user.clone();
    step(
        &state,
        &caller,
        &id,
        pairs,
        "proposal_made",
        |retreat, input| {
            let title = input.required("proposal_title", Title::parse);
            let reason = input.required("reason", Text::parse);
            Some(RetreatCommand::ProposeTopic(ProposeTopic {
                retreat,
                proposal: ProposalId::from(Uuid::now_v7()),
                title: title?,
                reason: reason?,
                proposed_by: user,
            }))
        },
    )
    .await
}

async fn prioritise(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    step(
        &state,
        &caller,
        &id,
        pairs,
        "priority_set",
        |retreat, input| {
            let proposal = ProposalId::parse(input.get("proposal")).ok();
            if proposal.is_none() {
                input.fail("proposal", texts::get("error.choice"));
            }
            let priority = input.required("priority", Priority::parse);
            Some(RetreatCommand::PrioritiseTopic(PrioritiseTopic {
                retreat,
                proposal: proposal?,
                priority: priority?,
            }))
        },
    )
    .await
}

async fn hold(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    step(
        &state,
        &caller,
        &id,
        pairs,
        "retreat_held",
        |retreat, input| {
            let held_on = input.date("held_on");
            Some(RetreatCommand::Hold(HoldRetreat {
                retreat,
                held_on: held_on?,
            }))
        },
    )
    .await
}

async fn decide(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    step(
        &state,
        &caller,
        &id,
        pairs,
        "decision_recorded",
        |retreat, input| {
            let text = input.required("decision_text", Text::parse);
            if text.as_ref().is_some_and(Text::is_empty) {
                input.fail("decision_text", texts::get("retreat.decision_missing"));
            }
            let proposal = if input.get("decision_proposal").is_empty() {
                Some(None)
            } else {
                ProposalId::parse(input.get("decision_proposal"))
                    .ok()
                    .map(Some)
            };
            let gathering = if input.get("gathering_title").is_empty() {
                Some(None)
            } else {
                let title = input.required("gathering_title", Title::parse);
                let kind = input.choice::<GatheringKind>("gathering_kind");
                let date = input.date("gathering_date");
                match (title, kind, date) {
                    (Some(title), Some(kind), Some(date)) => Some(Some(PlannedGathering {
                        gathering: GatheringId::from(Uuid::now_v7()),
                        kind,
                        title,
                        date,
                    })),
                    _ => None,
                }
            };
            Some(RetreatCommand::RecordDecision(RecordDecision {
                retreat,
                decision: DecisionId::from(Uuid::now_v7()),
                text: text?,
                proposal: proposal?,
                planned_milestones: Vec::new(),
                planned_gatherings: gathering?.into_iter().collect(),
            }))
        },
    )
    .await
}

pub fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/klausur",
            RETREAT_PLANNERS,
            "Klausurtagungen nach Jahr und Partner",
            get(list),
        ),
        page(
            Method::POST,
            "/klausur",
            RETREAT_PLANNERS,
            "Klausur ansetzen",
            post(schedule),
        ),
        page(
            Method::GET,
            "/klausur/{id}",
            RETREAT_PLANNERS,
            "Eine Klausur: Vorschläge, Prioritäten, Beschlüsse",
            get(show),
        ),
        page(
            Method::POST,
            "/klausur/{id}/vorschlaege",
            RETREAT_PLANNERS,
            "Thema vorschlagen",
            post(propose),
        ),
        page(
            Method::POST,
            "/klausur/{id}/prioritaeten",
            RETREAT_PLANNERS,
            "Priorität setzen",
            post(prioritise),
        ),
        page(
            Method::POST,
            "/klausur/{id}/stattgefunden",
            RETREAT_PLANNERS,
            "Klausur hat stattgefunden",
            post(hold),
        ),
        page(
            Method::POST,
            "/klausur/{id}/beschluesse",
            RETREAT_PLANNERS,
            "Beschluss erfassen",
            post(decide),
        ),
    ]
}
