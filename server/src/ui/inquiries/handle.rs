//! The page of one inquiry (`/anliegen/{id}`): its facts, the referrals to offices, and the
//! forms of its next steps (see `steps`).

use askama::Template;
use axum::{
    Extension,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_domain::german;
use wifo_domain::{
    ids::InquiryId,
    inquiry::{Inquiry, InquiryOutcome, InquiryStatus},
    values::Code,
};

use super::history;
use crate::state::AppState;
use crate::ui::{
    choices::taxonomy_choices,
    error::PageError,
    form::{Choice, FormView, enum_choices},
    history::HistoryLine,
    pages::{self, Chrome},
    ready, texts, today,
};
use wifo_app::auth::Caller;

pub(super) struct ReferralLine {
    pub office: String,
    pub referred_on: String,
    pub answered_on: String,
}

#[derive(Template)]
#[template(path = "inquiry.html")]
struct InquiryPage {
    page: Chrome,
    t: texts::Texts,
    id: String,
    facts: Vec<(String, String)>,
    organization_href: String,
    open: bool,
    /// Staff and admins may reopen a closed inquiry.
    may_write: bool,
    mine: bool,
    referrals: Vec<ReferralLine>,
    history: Vec<HistoryLine>,
    /// Reminders about it (Wiedervorlagen on their own), with the link that sets one.
    reminders: crate::ui::reminder_list::ReminderBlock,
    open_referrals: Vec<Choice>,
    offices: Vec<Choice>,
    outcomes: Vec<Choice>,
    form: FormView,
}

pub(super) async fn inquiry_page(
    state: &AppState,
    caller: &Caller,
    id: InquiryId,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let recorded = crate::ui::history::load::<Inquiry>(state, caller, &id).await?;
    let views = state.projections.read();
    let Some(found) = views.inquiries.get(&id) else {
        return Err(PageError::not_found(caller, texts::get("inquiry.unknown")));
    };
    let names = views.names();
    let office_name = |code: &Code| names.office(code.as_str());
    let organization = found.organization.and_then(|org| {
        views
            .organizations
            .get(&org)
            .and_then(|r| r.state.name.as_ref())
            .map(|name| (org, name.to_string()))
    });
    let mut facts = vec![
        (
            texts::get("col.organization").to_owned(),
            organization
                .as_ref()
                .map(|(_, name)| name.clone())
                .unwrap_or_else(|| texts::get("inquiry.anonymous").to_owned()),
        ),
        (
            texts::get("col.source").to_owned(),
            found
                .source
                .map(|s| s.label().to_owned())
                .unwrap_or_default(),
        ),
        (
            texts::get("contact.channel").to_owned(),
            found
                .channel
                .map(|c| c.label().to_owned())
                .unwrap_or_default(),
        ),
        (
            texts::get("inquiry.received_on").to_owned(),
            german::optional_date(found.received_on),
        ),
        (
            texts::get("inquiry.assignee").to_owned(),
            found
                .assignee
                .as_ref()
                .map(|assignee| names.staff(assignee.as_str()))
                .unwrap_or_default(),
        ),
        (
            texts::get("inquiry.first_response").to_owned(),
            german::optional_date(found.first_response_on),
        ),
        (
            texts::get("col.topics").to_owned(),
            names.topics(&found.topics),
        ),
        (
            texts::get("inquiry.status").to_owned(),
            match found.status {
                InquiryStatus::Closed => format!(
                    "{} ({})",
                    texts::get("inquiry.closed"),
                    found.outcome.map(|o| o.label()).unwrap_or_default()
                ),
                _ => texts::get("inquiry.open").to_owned(),
            },
        ),
    ];
    facts.retain(|(_, value)| !value.is_empty());
    let referrals = found
        .referrals
        .values()
        .map(|item| ReferralLine {
            office: office_name(&item.office),
            referred_on: german::date(item.referred_on),
            answered_on: german::optional_date(item.answered_on),
        })
        .collect();
    let offices = taxonomy_choices(&views, "offices", texts::get("inquiry.choose_office"));
    let open_referrals: Vec<(String, String)> = found
        .referrals
        .iter()
        .filter(|(_, item)| item.answered_on.is_none())
        .map(|(referral, item)| {
            (
                referral.to_string(),
                format!(
                    "{} ({})",
                    office_name(&item.office),
                    german::date(item.referred_on)
                ),
            )
        })
        .collect();
    let history = history::lines(&names, found, &recorded);
    let page = InquiryPage {
        history,
        reminders: crate::ui::reminder_list::block(
            &views,
            caller,
            wifo_domain::reminder::ReminderSubject::Inquiry(id),
            crate::ui::today(),
        ),
        page: Chrome::new(caller, texts::get("inquiry.title"), "").with_notice(notice),
        t: texts::Texts,
        id: id.to_string(),
        facts,
        organization_href: organization
            .map(|(org, _)| format!("/organisationen/{org}"))
            .unwrap_or_default(),
        open: found.status == InquiryStatus::Open,
        may_write: wifo_app::roles::STAFF.contains(&caller.role),
        mine: found.assignee.as_ref() == Some(&caller.user),
        referrals,
        open_referrals: form.options("referral", &open_referrals),
        offices: form.options("office", &offices),
        outcomes: form.options(
            "outcome",
            &enum_choices(&InquiryOutcome::ALL, InquiryOutcome::label),
        ),
        form,
    };
    drop(views);
    Ok(pages::render(&page, status))
}

fn defaults() -> FormView {
    let day = german::iso(today());
    FormView::with(&[
        ("refer_date", day.clone()),
        ("referral_date", day.clone()),
        ("answer_date", day.clone()),
        ("reopen_date", day),
        ("outcome", "solved".into()),
    ])
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = InquiryId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("inquiry.unknown")))?;
    inquiry_page(
        &state,
        &caller,
        id,
        defaults(),
        notice.ok.as_deref(),
        StatusCode::OK,
    )
    .await
}
