//! The retreats (Klausur) by year and partner (`/klausur`), and the form to schedule one with an
//! association or chamber as partner.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use chrono::Datelike;
use uuid::Uuid;
use wifo_domain::german;
use wifo_domain::{
    ids::{OrganizationId, RetreatId},
    organization::OrganizationKind,
    retreat::{Retreat, RetreatCommand, ScheduleRetreat},
    values::Title,
};

use super::partner_name;
use crate::state::AppState;
use crate::ui::{
    error::PageError,
    execute,
    form::{Choice, FormView, Input},
    pages::{self, Chrome},
    ready, refusal, texts, today,
};
use wifo_app::auth::Caller;

pub(super) struct RetreatLine {
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
    /// Planners and admins see the forms; the lead reads.
    may_plan: bool,
    retreats: Vec<RetreatLine>,
    form: FormView,
    partners: Vec<Choice>,
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
        may_plan: wifo_app::roles::RETREAT_PLANNERS.contains(&caller.role),
        page: Chrome::new(caller, texts::get("retreat.list_title"), "/klausur").with_notice(notice),
        t: texts::Texts,
        retreats: retreats.into_iter().map(|(_, line)| line).collect(),
        partners: form.options("partner", &partners),
        form,
    };
    drop(views);
    pages::render(&page, status)
}

pub(super) async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let next_year = today().year() + 1;
    let form = FormView::with(&[
        ("year", today().year().to_string()),
        ("date", german::iso(today())),
        (
            "title",
            format!("{} {}", texts::get("retreat.default_title"), next_year - 1),
        ),
    ]);
    Ok(retreats_page(
        &state,
        &caller,
        form,
        notice.ok.as_deref(),
        StatusCode::OK,
    ))
}

pub(super) async fn schedule(
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
