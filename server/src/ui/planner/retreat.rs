//! One retreat's page (`/klausur/{id}`): the proposed topics by priority, the decisions with the
//! gatherings and milestones they plan, the forms of `steps`, and the link to the Klausur
//! statistics report of analytics.

use askama::Template;
use axum::{
    Extension,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_domain::german;
use wifo_domain::{
    gathering::GatheringKind,
    ids::{ProposalId, RetreatId},
};

use super::partner_name;
use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::{Choice, FormView, enum_choices},
    pages::{self, Chrome},
    ready, texts, today,
};
use wifo_app::auth::Caller;

pub(super) struct ProposalLine {
    pub title: String,
    pub reason: String,
    pub by: String,
    pub priority: String,
}

pub(super) struct DecisionLine {
    pub text: String,
    pub proposal: String,
    pub plans: Vec<String>,
}

#[derive(Template)]
#[template(path = "retreat.html")]
struct RetreatPage {
    page: Chrome,
    t: texts::Texts,
    /// Planners and admins see the forms; the lead reads.
    may_plan: bool,
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

pub(super) fn retreat_page(
    state: &AppState,
    caller: &Caller,
    id: RetreatId,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let views = state.projections.read();
    let Some(retreat) = views.retreats.get(&id) else {
        return Err(PageError::not_found(caller, texts::get("retreat.unknown")));
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
        may_plan: wifo_app::roles::RETREAT_PLANNERS.contains(&caller.role),
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
    Ok(pages::render(&page, status))
}

fn defaults() -> FormView {
    FormView::with(&[("held_on", german::iso(today())), ("priority", "1".into())])
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = RetreatId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("retreat.unknown")))?;
    retreat_page(
        &state,
        &caller,
        id,
        defaults(),
        notice.ok.as_deref(),
        StatusCode::OK,
    )
}
