//! The organization page (`/organisationen/{id}`): profile facts, persons, open follow-ups,
//! planned visits and the timeline, also as it stood on a past date ("Stand am").

use askama::Template;
use axum::{
    Extension,
    extract::{Path, Query, State},
    response::Response,
};
use serde::Deserialize;
use wifo_domain::german;
use wifo_domain::{ids::OrganizationId, personal::Erasable, values::Role};

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    pages::{self, Chrome},
    ready, texts, timeline, today,
};
use wifo_app::auth::Caller;
use wifo_projections::queries::profile::Moment;

#[derive(Deserialize, Default)]
pub(super) struct ProfileParams {
    stand: Option<String>,
    /// „Kenntnisstand am“: only what was entered up to that day.
    bekannt: Option<String>,
    ok: Option<String>,
}

pub(super) struct Line {
    pub date: String,
    pub iso: String,
    pub actor: String,
    /// „erfasst am 01.12.2025“ when entered on another day than it happened.
    pub recorded: String,
    pub text: String,
    pub href: Option<String>,
}

pub(super) struct PersonLine {
    pub name: String,
    /// The person's own page.
    pub href: String,
    pub role: String,
    /// For admins: the data-protection page of the person.
    pub privacy: Option<String>,
}

pub(super) struct FollowUpLine {
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
    /// The forms the reader may use on it: (href, title).
    actions: Vec<(String, &'static str)>,
    page: Chrome,
    t: texts::Texts,
    id: String,
    name: String,
    facts: Vec<(String, String)>,
    tags: Vec<String>,
    persons: Vec<PersonLine>,
    follow_ups: Vec<FollowUpLine>,
    /// Reminders about it (Wiedervorlagen on their own), with the link that sets one.
    reminders: crate::ui::reminder_list::ReminderBlock,
    planned_visits: Vec<(String, String)>,
    timeline: Vec<Line>,
    as_of: String,
    as_of_text: String,
    as_of_error: Option<String>,
    known_on: String,
    known_on_text: String,
    known_error: Option<String>,
    may_write: bool,
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(params): Query<ProfileParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let Ok(id) = OrganizationId::parse(&id) else {
        return Err(PageError::not_found(&caller, texts::get("org.unknown")));
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
    let known = params.bekannt.clone().unwrap_or_default();
    let (known_on, known_error) = if known.trim().is_empty() {
        (None, None)
    } else {
        match german::parse_date(&known) {
            Some(date) => (Some(date), None),
            None => (
                None,
                Some(format!("„{known}“ {}", texts::get("error.date_malformed"))),
            ),
        }
    };
    let day = today();
    let may_write = wifo_app::roles::STAFF.contains(&caller.role);
    let moment = Moment { as_of, known_on };
    let Some(shown) = wifo_app::profiles::organization(
        &state.data,
        &state.projections,
        &caller,
        id,
        moment,
        "GET /organisationen/{id}",
    )
    .await
    .map_err(|error| PageError::internal(&caller, "access log", error))?
    else {
        return Err(PageError::not_found(&caller, texts::get("org.unknown")));
    };
    let found = shown.profile;
    let admin = caller.role == Role::Admin;
    let persons = shown
        .persons
        .into_iter()
        .map(|person| PersonLine {
            name: match person.personal {
                Erasable::Known(data) => data.name.to_string(),
                Erasable::Erased => wifo_domain::personal::ERASED_LABEL.to_owned(),
            },
            role: person.role.to_string(),
            href: format!("/personen/{}", person.person),
            privacy: admin.then(|| format!("/verwaltung/datenschutz?person={}", person.person)),
        })
        .collect();
    let view = {
        let views = state.projections.read();
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
            facts.push((
                texts::get("org.sector").to_owned(),
                views.names().sector(sector.as_ref()),
            ));
        }
        if let Some(size) = found.profile.size_class {
            facts.push((texts::get("org.size").to_owned(), size.label().to_owned()));
        }
        if let Some(manager) = &found.account_manager {
            facts.push((
                texts::get("org.account_manager").to_owned(),
                views.names().staff(manager.as_str()),
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
                    actor: views.names().staff(&entry.actor),
                    recorded: if entry.recorded_on == entry.date {
                        String::new()
                    } else {
                        format!(
                            "{} {}",
                            texts::get("history.recorded_on"),
                            german::date(entry.recorded_on)
                        )
                    },
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
                assignee: views.names().staff(&follow_up.assignee),
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
        OrganizationPage {
            actions: crate::ui::actions::links(
                &caller,
                "/organisationen/{id}",
                &found.id.to_string(),
            ),
            page: Chrome::new(&caller, found.name.clone(), "").with_notice(params.ok.as_deref()),
            t: texts::Texts,
            id: found.id.to_string(),
            name: found.name.clone(),
            facts,
            tags: found.tags.iter().map(|tag| tag.to_string()).collect(),
            persons,
            follow_ups,
            reminders: crate::ui::reminder_list::block(
                &views,
                &caller,
                wifo_domain::reminder::ReminderSubject::Organization(found.id),
                today(),
            ),
            planned_visits,
            timeline,
            as_of: as_of.map(german::iso).unwrap_or_default(),
            as_of_text: as_of.map(german::date).unwrap_or_default(),
            as_of_error,
            known_on: known_on.map(german::iso).unwrap_or_default(),
            known_on_text: known_on.map(german::date).unwrap_or_default(),
            known_error,
            may_write,
        }
    };
    Ok(pages::ok(&view))
}
