//! The projections' fact tables and master data as polars frames: one column per field, ids as
//! 64-bit keys (the two halves of the UUID folded together), dates as days since 1970 (`Int32`,
//! polars' `Date` layout) and codes and German labels as text. No column holds personal data:
//! person ids are left out.
//!
//! Building the frames copies each row once; every statistic after that is a polars expression.

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;
use wifo_domain::{
    cooperation::Status as CooperationStatus,
    organization::{OrganizationKind, Status as OrganizationStatus},
};
use wifo_projections::{
    Views,
    views::facts::{InquiryStep, MilestoneChange},
};

/// The 64-bit key of an id: collisions among a state's few million ids are negligible
/// (probability about n²/2⁶⁵) and keys join and group far faster than UUID text.
pub fn key(uuid: uuid::Uuid) -> u64 {
    let (high, low) = uuid.as_u64_pair();
    high ^ low
}

/// Days since 1970-01-01, the representation of polars' `Date`.
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - 719_163
}

/// The date of a day number.
pub fn date_of(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day + 719_163).unwrap_or_default()
}

/// All frames the statistics read.
#[derive(Clone, Debug)]
pub struct Frames {
    /// One row per visit: `visit, organization, conducted, day, joint_partner, region, sector,
    /// size_class, size_min, relocation_risk, expansion_plans, follow_ups_created,
    /// follow_ups_completed`.
    pub visits: DataFrame,
    /// `visit, staff`.
    pub visit_staff: DataFrame,
    /// `visit, topic`.
    pub visit_topics: DataFrame,
    /// `contact, organization, channel, day, region, retracted`.
    pub contacts: DataFrame,
    /// `contact, topic`.
    pub contact_topics: DataFrame,
    /// One row per step: `inquiry, step, day, organization, source, office, referral, outcome,
    /// region`.
    pub inquiry_steps: DataFrame,
    /// `inquiry, topic` (the topics it was received with).
    pub inquiry_topics: DataFrame,
    /// `cooperation, milestone, change, day, due, kind`.
    pub milestones: DataFrame,
    /// `gathering, kind, day, organization, region`.
    pub attendance: DataFrame,
    /// Held gatherings: `gathering, kind, day, other_attendees`.
    pub gatherings: DataFrame,
    /// `organization, kind, business, active, region, sector, size_min`.
    pub organizations: DataFrame,
    /// `organization, association`: memberships that are active now.
    pub memberships: DataFrame,
    /// `cooperation, title, valid_from, valid_until, ended`.
    pub cooperations: DataFrame,
    /// `cooperation, partner`.
    pub cooperation_partners: DataFrame,
}

fn frame(columns: Vec<Column>) -> PolarsResult<DataFrame> {
    let height = columns.first().map_or(0, Column::len);
    DataFrame::new(height, columns)
}

fn text<T: AsRef<str>>(value: Option<&T>) -> Option<&str> {
    value.map(AsRef::as_ref)
}

/// Keys of merged organizations → key of the survivor; facts of a duplicate count for the
/// record that lives on. Empty in most offices, so the lookup is skipped then.
fn survivors(views: &Views) -> std::collections::HashMap<u64, u64> {
    views
        .organizations
        .iter()
        .filter(|(_, record)| matches!(record.state.status, OrganizationStatus::MergedInto { .. }))
        .map(|(id, _)| (key(id.as_uuid()), key(views.resolve(*id).as_uuid())))
        .collect()
}

impl Frames {
    /// Copies the views' fact tables and master data into frames.
    pub fn from_views(views: &Views) -> PolarsResult<Self> {
        let facts = &views.facts;
        let survivors = survivors(views);
        let organization_key = |id: wifo_domain::ids::OrganizationId| {
            let organization = key(id.as_uuid());
            if survivors.is_empty() {
                organization
            } else {
                survivors
                    .get(&organization)
                    .copied()
                    .unwrap_or(organization)
            }
        };

        let visits = &facts.visits;
        let mut staff_visit = Vec::new();
        let mut staff_name = Vec::new();
        let mut topic_visit = Vec::new();
        let mut topic_code = Vec::new();
        for fact in visits {
            let visit = key(fact.visit.as_uuid());
            for staff in &fact.staff {
                staff_visit.push(visit);
                staff_name.push(staff.as_str());
            }
            for topic in &fact.topics {
                topic_visit.push(visit);
                topic_code.push(topic.as_str());
            }
        }
        let visit_frame = frame(vec![
            Column::new(
                "visit".into(),
                visits
                    .iter()
                    .map(|f| key(f.visit.as_uuid()))
                    .collect::<Vec<u64>>(),
            ),
            Column::new(
                "organization".into(),
                visits
                    .iter()
                    .map(|f| organization_key(f.organization))
                    .collect::<Vec<u64>>(),
            ),
            Column::new(
                "conducted".into(),
                visits
                    .iter()
                    .map(|f| f.outcome == wifo_projections::views::facts::VisitOutcome::Conducted)
                    .collect::<Vec<bool>>(),
            ),
            Column::new(
                "day".into(),
                visits
                    .iter()
                    .map(|f| day_number(f.date))
                    .collect::<Vec<i32>>(),
            ),
            Column::new(
                "joint_partner".into(),
                visits
                    .iter()
                    .map(|f| f.joint_partner.map(|p| key(p.as_uuid())))
                    .collect::<Vec<Option<u64>>>(),
            ),
            Column::new(
                "region".into(),
                visits
                    .iter()
                    .map(|f| text(f.region.as_ref()))
                    .collect::<Vec<Option<&str>>>(),
            ),
            Column::new(
                "sector".into(),
                visits
                    .iter()
                    .map(|f| text(f.sector.as_ref()))
                    .collect::<Vec<Option<&str>>>(),
            ),
            Column::new(
                "size_class".into(),
                visits
                    .iter()
                    .map(|f| f.size_class.map(|s| s.label()))
                    .collect::<Vec<Option<&str>>>(),
            ),
            Column::new(
                "size_min".into(),
                visits
                    .iter()
                    .map(|f| f.size_class.map(|s| s.min_employees()))
                    .collect::<Vec<Option<u32>>>(),
            ),
            Column::new(
                "relocation_risk".into(),
                visits
                    .iter()
                    .map(|f| f.relocation_risk)
                    .collect::<Vec<bool>>(),
            ),
            Column::new(
                "expansion_plans".into(),
                visits
                    .iter()
                    .map(|f| f.expansion_plans)
                    .collect::<Vec<bool>>(),
            ),
            Column::new(
                "follow_ups_created".into(),
                visits
                    .iter()
                    .map(|f| f.follow_ups_created)
                    .collect::<Vec<u32>>(),
            ),
            Column::new(
                "follow_ups_completed".into(),
                visits
                    .iter()
                    .map(|f| f.follow_ups_completed)
                    .collect::<Vec<u32>>(),
            ),
        ])?;
        let visit_staff = frame(vec![
            Column::new("visit".into(), staff_visit),
            Column::new("staff".into(), staff_name),
        ])?;
        let visit_topics = frame(vec![
            Column::new("visit".into(), topic_visit),
            Column::new("topic".into(), topic_code),
        ])?;

        let contacts = &facts.contacts;
        let mut topic_contact = Vec::new();
        let mut topic_code = Vec::new();
        for fact in contacts {
            for topic in &fact.topics {
                topic_contact.push(key(fact.contact.as_uuid()));
                topic_code.push(topic.as_str());
            }
        }
        let contact_frame = frame(vec![
            Column::new(
                "contact".into(),
                contacts
                    .iter()
                    .map(|f| key(f.contact.as_uuid()))
                    .collect::<Vec<u64>>(),
            ),
            Column::new(
                "organization".into(),
                contacts
                    .iter()
                    .map(|f| organization_key(f.organization))
                    .collect::<Vec<u64>>(),
            ),
            Column::new(
                "channel".into(),
                contacts
                    .iter()
                    .map(|f| f.channel.label())
                    .collect::<Vec<&str>>(),
            ),
            Column::new(
                "day".into(),
                contacts
                    .iter()
                    .map(|f| day_number(f.date))
                    .collect::<Vec<i32>>(),
            ),
            Column::new(
                "region".into(),
                contacts
                    .iter()
                    .map(|f| text(f.region.as_ref()))
                    .collect::<Vec<Option<&str>>>(),
            ),
            Column::new(
                "retracted".into(),
                contacts.iter().map(|f| f.retracted).collect::<Vec<bool>>(),
            ),
        ])?;
        let contact_topics = frame(vec![
            Column::new("contact".into(), topic_contact),
            Column::new("topic".into(), topic_code),
        ])?;

        let steps = &facts.inquiry_steps;
        let mut topic_inquiry = Vec::new();
        let mut topic_code = Vec::new();
        for fact in steps.iter().filter(|f| f.step == InquiryStep::Received) {
            for topic in &fact.topics {
                topic_inquiry.push(key(fact.inquiry.as_uuid()));
                topic_code.push(topic.as_str());
            }
        }
        let inquiry_steps = frame(vec![
            Column::new(
                "inquiry".into(),
                steps
                    .iter()
                    .map(|f| key(f.inquiry.as_uuid()))
                    .collect::<Vec<u64>>(),
            ),
            Column::new(
                "step".into(),
                steps
                    .iter()
                    .map(|f| step_name(f.step))
                    .collect::<Vec<&str>>(),
            ),
            Column::new(
                "day".into(),
                steps
                    .iter()
                    .map(|f| day_number(f.date))
                    .collect::<Vec<i32>>(),
            ),
            Column::new(
                "organization".into(),
                steps
                    .iter()
                    .map(|f| f.organization.map(organization_key))
                    .collect::<Vec<Option<u64>>>(),
            ),
            Column::new(
                "source".into(),
                steps
                    .iter()
                    .map(|f| f.source.map(|s| s.label()))
                    .collect::<Vec<Option<&str>>>(),
            ),
            Column::new(
                "office".into(),
                steps
                    .iter()
                    .map(|f| text(f.office.as_ref()))
                    .collect::<Vec<Option<&str>>>(),
            ),
            Column::new(
                "referral".into(),
                steps
                    .iter()
                    .map(|f| f.referral.map(|r| key(r.as_uuid())))
                    .collect::<Vec<Option<u64>>>(),
            ),
            Column::new(
                "outcome".into(),
                steps
                    .iter()
                    .map(|f| f.outcome.map(|o| o.label()))
                    .collect::<Vec<Option<&str>>>(),
            ),
            Column::new(
                "region".into(),
                steps
                    .iter()
                    .map(|f| text(f.region.as_ref()))
                    .collect::<Vec<Option<&str>>>(),
            ),
        ])?;
        let inquiry_topics = frame(vec![
            Column::new("inquiry".into(), topic_inquiry),
            Column::new("topic".into(), topic_code),
        ])?;

        let changes = &facts.milestone_changes;
        let milestones = frame(vec![
            Column::new(
                "cooperation".into(),
                changes
                    .iter()
                    .map(|f| key(f.cooperation.as_uuid()))
                    .collect::<Vec<u64>>(),
            ),
            Column::new(
                "milestone".into(),
                changes
                    .iter()
                    .map(|f| key(f.milestone.as_uuid()))
                    .collect::<Vec<u64>>(),
            ),
            Column::new(
                "change".into(),
                changes
                    .iter()
                    .map(|f| change_name(f.change))
                    .collect::<Vec<&str>>(),
            ),
            Column::new(
                "day".into(),
                changes
                    .iter()
                    .map(|f| day_number(f.date))
                    .collect::<Vec<i32>>(),
            ),
            Column::new(
                "due".into(),
                changes
                    .iter()
                    .map(|f| day_number(f.due))
                    .collect::<Vec<i32>>(),
            ),
            Column::new(
                "kind".into(),
                changes
                    .iter()
                    .map(|f| f.kind.label())
                    .collect::<Vec<&str>>(),
            ),
        ])?;

        let attendance = &facts.attendance;
        let attendance = frame(vec![
            Column::new(
                "gathering".into(),
                attendance
                    .iter()
                    .map(|f| key(f.gathering.as_uuid()))
                    .collect::<Vec<u64>>(),
            ),
            Column::new(
                "kind".into(),
                attendance
                    .iter()
                    .map(|f| f.kind.label())
                    .collect::<Vec<&str>>(),
            ),
            Column::new(
                "day".into(),
                attendance
                    .iter()
                    .map(|f| day_number(f.date))
                    .collect::<Vec<i32>>(),
            ),
            Column::new(
                "organization".into(),
                attendance
                    .iter()
                    .map(|f| f.organization.map(organization_key))
                    .collect::<Vec<Option<u64>>>(),
            ),
            Column::new(
                "region".into(),
                attendance
                    .iter()
                    .map(|f| text(f.region.as_ref()))
                    .collect::<Vec<Option<&str>>>(),
            ),
        ])?;

        let held: Vec<_> = views
            .gatherings
            .iter()
            .filter_map(|(id, state)| match (&state.status, state.kind) {
                (wifo_domain::gathering::Status::Held { held_on }, Some(kind)) => Some((
                    key(id.as_uuid()),
                    kind.label(),
                    day_number(*held_on),
                    state.other_attendees,
                )),
                _ => None,
            })
            .collect();
        let gatherings = frame(vec![
            Column::new(
                "gathering".into(),
                held.iter().map(|g| g.0).collect::<Vec<u64>>(),
            ),
            Column::new(
                "kind".into(),
                held.iter().map(|g| g.1).collect::<Vec<&str>>(),
            ),
            Column::new("day".into(), held.iter().map(|g| g.2).collect::<Vec<i32>>()),
            Column::new(
                "other_attendees".into(),
                held.iter().map(|g| g.3).collect::<Vec<u32>>(),
            ),
        ])?;
        let (organizations, memberships) = organization_frames(views)?;
        let (cooperations, cooperation_partners) = cooperation_frames(views)?;
        Ok(Self {
            visits: visit_frame,
            visit_staff,
            visit_topics,
            contacts: contact_frame,
            contact_topics,
            inquiry_steps,
            inquiry_topics,
            milestones,
            attendance,
            gatherings,
            organizations,
            memberships,
            cooperations,
            cooperation_partners,
        })
    }

    /// The fact tables by file name, for the Parquet export.
    pub fn fact_tables(&self) -> Vec<(&'static str, &DataFrame)> {
        vec![
            ("besuche", &self.visits),
            ("besuche_mitarbeitende", &self.visit_staff),
            ("besuche_themen", &self.visit_topics),
            ("kontakte", &self.contacts),
            ("kontakte_themen", &self.contact_topics),
            ("anliegen_schritte", &self.inquiry_steps),
            ("anliegen_themen", &self.inquiry_topics),
            ("meilensteine", &self.milestones),
            ("teilnahmen", &self.attendance),
            ("veranstaltungen", &self.gatherings),
            ("organisationen", &self.organizations),
        ]
    }
}

/// Businesses and other organizations with their master data now; merged duplicates are left
/// out (their facts count for the survivor).
fn organization_frames(views: &Views) -> PolarsResult<(DataFrame, DataFrame)> {
    let mut id = Vec::with_capacity(views.organizations.len());
    let mut kind = Vec::with_capacity(views.organizations.len());
    let mut business = Vec::with_capacity(views.organizations.len());
    let mut active = Vec::with_capacity(views.organizations.len());
    let mut region = Vec::with_capacity(views.organizations.len());
    let mut sector = Vec::with_capacity(views.organizations.len());
    let mut size_min = Vec::with_capacity(views.organizations.len());
    let mut member = Vec::new();
    let mut association = Vec::new();
    for (organization, record) in &views.organizations {
        let state = &record.state;
        let Some(organization_kind) = state.kind else {
            continue;
        };
        if matches!(state.status, OrganizationStatus::MergedInto { .. }) {
            continue;
        }
        let organization = key(organization.as_uuid());
        id.push(organization);
        kind.push(organization_kind.label());
        business.push(matches!(
            organization_kind,
            OrganizationKind::Company | OrganizationKind::SoleTrader
        ));
        active.push(state.status == OrganizationStatus::Active);
        region.push(text(state.region.as_ref()));
        sector.push(text(state.profile.sector.as_ref()));
        size_min.push(state.profile.size_class.map(|s| s.min_employees()));
        for joined in state.memberships.keys() {
            member.push(organization);
            association.push(key(joined.as_uuid()));
        }
    }
    Ok((
        frame(vec![
            Column::new("organization".into(), id),
            Column::new("kind".into(), kind),
            Column::new("business".into(), business),
            Column::new("active".into(), active),
            Column::new("region".into(), region),
            Column::new("sector".into(), sector),
            Column::new("size_min".into(), size_min),
        ])?,
        frame(vec![
            Column::new("organization".into(), member),
            Column::new("association".into(), association),
        ])?,
    ))
}

fn cooperation_frames(views: &Views) -> PolarsResult<(DataFrame, DataFrame)> {
    let mut id = Vec::new();
    let mut title = Vec::new();
    let mut valid_from = Vec::new();
    let mut valid_until = Vec::new();
    let mut ended = Vec::new();
    let mut partner_cooperation = Vec::new();
    let mut partner = Vec::new();
    for (cooperation, state) in &views.cooperations {
        let (Some(name), Some(term)) = (&state.title, &state.term) else {
            continue;
        };
        let cooperation = key(cooperation.as_uuid());
        id.push(cooperation);
        title.push(name.as_str());
        valid_from.push(day_number(term.valid_from));
        valid_until.push(day_number(term.valid_until));
        ended.push(match state.status {
            CooperationStatus::Ended { ended_on } => Some(day_number(ended_on)),
            _ => None,
        });
        for organization in &state.partners {
            partner_cooperation.push(cooperation);
            partner.push(key(organization.as_uuid()));
        }
    }
    Ok((
        frame(vec![
            Column::new("cooperation".into(), id),
            Column::new("title".into(), title),
            Column::new("valid_from".into(), valid_from),
            Column::new("valid_until".into(), valid_until),
            Column::new("ended".into(), ended),
        ])?,
        frame(vec![
            Column::new("cooperation".into(), partner_cooperation),
            Column::new("partner".into(), partner),
        ])?,
    ))
}

fn step_name(step: InquiryStep) -> &'static str {
    match step {
        InquiryStep::Received => "received",
        InquiryStep::Assigned => "assigned",
        InquiryStep::Referred => "referred",
        InquiryStep::ReferralAnswered => "referral_answered",
        InquiryStep::Answered => "answered",
        InquiryStep::Closed => "closed",
        InquiryStep::Reopened => "reopened",
    }
}

fn change_name(change: MilestoneChange) -> &'static str {
    match change {
        MilestoneChange::Planned => "planned",
        MilestoneChange::Achieved => "achieved",
        MilestoneChange::Rescheduled => "rescheduled",
        MilestoneChange::Cancelled => "cancelled",
    }
}
