//! Inquiries: the queue of open ones (overdue first), taking a new one (also forwarded by a
//! Bürgerbüro, the Ordnungsamt or a chamber), and the inquiry page with its next steps: take it
//! over, refer it to an office, record the office's answer, answer and close it. A closed
//! inquiry leaves the queue.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, Query, State},
    http::{Method, StatusCode},
    response::Response,
    routing::{get, post},
};
use serde::Deserialize;
use uuid::Uuid;
use wifo_domain::german;
use wifo_domain::{
    contact::Channel,
    ids::{InquiryId, OrganizationId, ReferralId},
    inquiry::{
        AnswerInquiry, AnswerReferral, AssignInquiry, CloseInquiry, Inquiry, InquiryCommand,
        InquiryOutcome, InquirySource, InquiryStatus, ReceiveInquiry, ReferInquiry,
    },
    values::{Code, Text},
};
use wifo_projections::queries::work::inquiry_queue;

use super::{
    execute,
    form::{Choice, FormView, Input, enum_choices},
    organizations::taxonomy_choices,
    page,
    pages::{self, Chrome},
    ready, refusal, texts, today,
};
use crate::{
    auth::Caller,
    http::{AppState, Route, STAFF},
};

#[derive(Deserialize, Default)]
pub struct QueueParams {
    ok: Option<String>,
    #[serde(default)]
    meine: String,
    #[serde(default)]
    organisation: String,
}

pub struct QueueRow {
    pub href: String,
    pub organization: String,
    pub source: String,
    pub received: String,
    pub respond_by: String,
    pub overdue: bool,
    pub assignee: String,
    pub referrals: usize,
}

#[derive(Template)]
#[template(path = "inquiries.html")]
struct QueuePage {
    page: Chrome,
    t: texts::Texts,
    rows: Vec<QueueRow>,
    mine: bool,
}

async fn queue(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<QueueParams>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    let mine = !params.meine.is_empty();
    let rows = {
        let views = state.projections.read();
        inquiry_queue(
            &views,
            today(),
            state.config.first_response_working_days,
            mine.then_some(&caller.user),
        )
        .into_iter()
        .map(|entry| QueueRow {
            href: format!("/anliegen/{}", entry.inquiry),
            organization: entry
                .organization_name
                .clone()
                .unwrap_or_else(|| texts::get("inquiry.anonymous").to_owned()),
            source: entry
                .source
                .map(|source| source.label().to_owned())
                .unwrap_or_default(),
            received: german::date(entry.received_on),
            respond_by: german::date(entry.respond_by),
            overdue: entry.overdue,
            assignee: entry
                .assignee
                .map(|name| name.to_string())
                .unwrap_or_default(),
            referrals: entry.open_referrals,
        })
        .collect()
    };
    pages::ok(&QueuePage {
        page: Chrome::new(&caller, texts::get("inquiry.queue_title"), "/anliegen")
            .with_notice(params.ok.as_deref()),
        t: texts::Texts,
        rows,
        mine,
    })
}

// ---------------------------------------------------------------------------------------------
// Take a new inquiry

#[derive(Template)]
#[template(path = "inquiry_new.html")]
struct NewPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    organization: String,
    channels: Vec<Choice>,
    sources: Vec<Choice>,
    topics: Vec<Choice>,
}

fn new_page(state: &AppState, caller: &Caller, form: FormView, status: StatusCode) -> Response {
    let (organization, topics) = {
        let views = state.projections.read();
        let organization = OrganizationId::parse(form.value("organization"))
            .ok()
            .and_then(|id| views.organizations.get(&id))
            .and_then(|record| record.state.name.as_ref())
            .map(|name| name.to_string())
            .unwrap_or_default();
        (
            organization,
            taxonomy_choices(&views, "topics", texts::get("form.none")),
        )
    };
    pages::render(
        &NewPage {
            page: Chrome::new(caller, texts::get("inquiry.new"), "/anliegen/neu"),
            t: texts::Texts,
            organization,
            channels: form.options("channel", &enum_choices(&Channel::ALL, Channel::label)),
            sources: form.options(
                "source",
                &enum_choices(&InquirySource::ALL, InquirySource::label),
            ),
            topics: form.options("topic", &topics),
            form,
        },
        status,
    )
}

async fn new_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<QueueParams>,
) -> Response {
    let form = FormView::with(&[
        ("received_on", german::iso(today())),
        ("channel", "phone".into()),
        ("source", "direct".into()),
        ("organization", params.organisation.clone()),
    ]);
    new_page(&state, &caller, form, StatusCode::OK)
}

async fn receive(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let organization = if input.get("organization").is_empty() {
        Some(None)
    } else {
        let known = OrganizationId::parse(input.get("organization"))
            .ok()
            .filter(|id| state.projections.read().organizations.contains_key(id));
        if known.is_none() {
            input.fail("organization", texts::get("org.unknown"));
        }
        known.map(Some)
    };
    let channel = input.choice::<Channel>("channel");
    let source = input.choice::<InquirySource>("source");
    let topic = input.optional("topic", Code::parse);
    let received_on = input.date("received_on");
    let description = input.required("description", Text::parse);
    if description.as_ref().is_some_and(Text::is_empty) {
        input.fail("description", texts::get("inquiry.description_missing"));
    }
    let (
        Some(organization),
        Some(channel),
        Some(source),
        Some(topic),
        Some(received_on),
        Some(description),
        true,
    ) = (
        organization,
        channel,
        source,
        topic,
        received_on,
        description,
        input.is_valid(),
    )
    else {
        return new_page(
            &state,
            &caller,
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let inquiry = InquiryId::from(Uuid::now_v7());
    let received = InquiryCommand::Receive(ReceiveInquiry {
        inquiry,
        organization,
        channel,
        source,
        topics: topic.into_iter().collect(),
        description,
        received_on,
        received_by: caller.user.clone(),
    });
    let assigned = InquiryCommand::Assign(AssignInquiry {
        inquiry,
        assignee: caller.user.clone(),
        assigned_on: received_on,
    });
    let result = match execute::<Inquiry>(&state, &caller, received).await {
        Ok(()) => execute::<Inquiry>(&state, &caller, assigned).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => pages::done(&format!("/anliegen/{inquiry}"), "inquiry_received"),
        Err(error) => new_page(
            &state,
            &caller,
            input.view().refused(refusal(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// One inquiry and its steps

pub struct ReferralLine {
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
    mine: bool,
    referrals: Vec<ReferralLine>,
    open_referrals: Vec<Choice>,
    offices: Vec<Choice>,
    outcomes: Vec<Choice>,
    form: FormView,
}

fn inquiry_page(
    state: &AppState,
    caller: &Caller,
    id: InquiryId,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let views = state.projections.read();
    let Some(found) = views.inquiries.get(&id) else {
        return pages::not_found(Some(caller), texts::get("inquiry.unknown"));
    };
    let office_name = |code: &Code| {
        views
            .taxonomies
            .get("offices")
            .and_then(|taxonomy| taxonomy.entries.get(code.as_str()))
            .map(|entry| entry.name.clone())
            .unwrap_or_else(|| code.to_string())
    };
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
                .map(|a| a.to_string())
                .unwrap_or_default(),
        ),
        (
            texts::get("inquiry.first_response").to_owned(),
            german::optional_date(found.first_response_on),
        ),
        (
            texts::get("col.topics").to_owned(),
            found
                .topics
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", "),
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
    let page = InquiryPage {
        page: Chrome::new(caller, texts::get("inquiry.title"), "").with_notice(notice),
        t: texts::Texts,
        id: id.to_string(),
        facts,
        organization_href: organization
            .map(|(org, _)| format!("/organisationen/{org}"))
            .unwrap_or_default(),
        open: found.status == InquiryStatus::Open,
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
    pages::render(&page, status)
}

fn defaults() -> FormView {
    let day = german::iso(today());
    FormView::with(&[
        ("refer_date", day.clone()),
        ("referral_date", day.clone()),
        ("answer_date", day),
        ("outcome", "solved".into()),
    ])
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
    match InquiryId::parse(&id) {
        Ok(id) => inquiry_page(
            &state,
            &caller,
            id,
            defaults(),
            notice.ok.as_deref(),
            StatusCode::OK,
        ),
        Err(_) => pages::not_found(Some(&caller), texts::get("inquiry.unknown")),
    }
}

/// One step on an inquiry: read the form, build the commands, execute them in order.
async fn step(
    state: &AppState,
    caller: &Caller,
    id: &str,
    pairs: Vec<(String, String)>,
    which: &str,
    build: impl FnOnce(InquiryId, &mut Input) -> Option<Vec<InquiryCommand>>,
) -> Response {
    if let Err(response) = ready(state, caller).await {
        return response;
    }
    let Ok(id) = InquiryId::parse(id) else {
        return pages::not_found(Some(caller), texts::get("inquiry.unknown"));
    };
    let mut input = Input::new(pairs);
    let commands = build(id, &mut input);
    let Some(commands) = commands.filter(|_| input.is_valid()) else {
        return inquiry_page(
            state,
            caller,
            id,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    for command in commands {
        if let Err(error) = execute::<Inquiry>(state, caller, command).await {
            let message = refusal(error);
            let view = if message.contains("Datum") || message.contains("vor") {
                input.fail(&format!("{which}_date"), message);
                input.view()
            } else {
                input.view().refused(message)
            };
            return inquiry_page(
                state,
                caller,
                id,
                view,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    }
    let notice = match which {
        "assign" => "inquiry_assigned",
        "refer" => "inquiry_referred",
        "referral" => "referral_answered",
        _ => "inquiry_closed",
    };
    if which == "answer" {
        pages::done("/anliegen", notice)
    } else {
        pages::done(&format!("/anliegen/{id}"), notice)
    }
}

async fn assign(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let user = caller.user.clone();
    step(&state, &caller, &id, pairs, "assign", |inquiry, _| {
        Some(vec![InquiryCommand::Assign(AssignInquiry {
            inquiry,
            assignee: user,
            assigned_on: today(),
        })])
    })
    .await
}

async fn refer(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    step(&state, &caller, &id, pairs, "refer", |inquiry, input| {
        let office = input.required("office", Code::parse);
        let referred_on = input.date("refer_date");
        let note = input.required("note", Text::parse);
        Some(vec![InquiryCommand::Refer(ReferInquiry {
            inquiry,
            referral: ReferralId::from(Uuid::now_v7()),
            office: office?,
            referred_on: referred_on?,
            note: note?,
        })])
    })
    .await
}

async fn answer_referral(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    step(&state, &caller, &id, pairs, "referral", |inquiry, input| {
        let referral = ReferralId::parse(input.get("referral")).ok();
        let answered_on = input.date("referral_date");
        let answer = input.required("office_answer", Text::parse);
        if answer.as_ref().is_some_and(Text::is_empty) {
            input.fail("office_answer", texts::get("inquiry.answer_missing"));
        }
        Some(vec![InquiryCommand::AnswerReferral(AnswerReferral {
            inquiry,
            referral: referral?,
            answered_on: answered_on?,
            answer: answer?,
        })])
    })
    .await
}

async fn answer_and_close(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    step(&state, &caller, &id, pairs, "answer", |inquiry, input| {
        let answered_on = input.date("answer_date");
        let answer = input.required("answer", Text::parse);
        if answer.as_ref().is_some_and(Text::is_empty) {
            input.fail("answer", texts::get("inquiry.answer_missing"));
        }
        let outcome = input.choice::<InquiryOutcome>("outcome");
        let answered_on = answered_on?;
        Some(vec![
            InquiryCommand::Answer(AnswerInquiry {
                inquiry,
                answered_on,
                answer: answer?,
            }),
            InquiryCommand::Close(CloseInquiry {
                inquiry,
                closed_on: answered_on,
                outcome: outcome?,
            }),
        ])
    })
    .await
}

pub fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/anliegen",
            STAFF,
            "Offene Anliegen (überfällige zuerst)",
            get(queue),
        ),
        page(
            Method::GET,
            "/anliegen/neu",
            STAFF,
            "Formular: Anliegen aufnehmen",
            get(new_form),
        ),
        page(
            Method::POST,
            "/anliegen/neu",
            STAFF,
            "Anliegen aufnehmen",
            post(receive),
        ),
        page(
            Method::GET,
            "/anliegen/{id}",
            STAFF,
            "Anliegen mit nächsten Schritten",
            get(show),
        ),
        page(
            Method::POST,
            "/anliegen/{id}/uebernehmen",
            STAFF,
            "Anliegen übernehmen",
            post(assign),
        ),
        page(
            Method::POST,
            "/anliegen/{id}/weiterleiten",
            STAFF,
            "An ein Amt weiterleiten",
            post(refer),
        ),
        page(
            Method::POST,
            "/anliegen/{id}/amtsantwort",
            STAFF,
            "Antwort des Amtes erfassen",
            post(answer_referral),
        ),
        page(
            Method::POST,
            "/anliegen/{id}/abschliessen",
            STAFF,
            "Beantworten und abschließen",
            post(answer_and_close),
        ),
    ]
}
