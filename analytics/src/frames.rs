//! The fact tables and their master data as polars frames: one column per field, ids as 64-bit
//! keys, dates as days since 1970 (`Int32`, polars' `Date` layout) and codes and German labels
//! as text. No column holds personal data: the fact tables keep no person ids.
//!
//! Building the frames copies each column once; every statistic after that is a polars
//! expression.

use std::collections::HashMap;
use std::num::NonZeroU64;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use polars::prelude::*;
use wifo_domain::{
    cooperation::Status as CooperationStatus, organization::Status as OrganizationStatus,
};
use wifo_projections::facts::{FactTables, InquiryStep, VisitOutcome};
use wifo_projections::queries::holidays::response_working_days;

use crate::columns::{frame, labelled, list_frame, mapped, picked, symbols, text};

pub use wifo_projections::facts::{date_of, day_number, key};

/// All frames the statistics read.
#[derive(Clone, Debug)]
pub struct Frames {
    /// One row per visit: `visit, organization, conducted, day, joint_partner, region, sector,
    /// size_class, size_min, relocation_risk, expansion_plans, follow_ups_created,
    /// follow_ups_completed, with_leadership, with_press`.
    pub visits: DataFrame,
    /// `visit, staff`.
    pub visit_staff: DataFrame,
    /// `visit, topic`.
    pub visit_topics: DataFrame,
    /// `contact, organization, channel, day, region, retracted` (for a report only the contacts
    /// of its two periods, see `for_report`).
    pub contacts: DataFrame,
    /// `contact, topic`.
    pub contact_topics: DataFrame,
    /// One row per step: `inquiry, step, day, organization, source, office, referral, outcome,
    /// region`; on `received` rows also `first_answered_day, first_response_working_days,
    /// first_closed_day, reopened`.
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
    /// The businesses that existed on the last day of a report's period and on the same day a
    /// year earlier: `organization, day, region, section, size_class` as they were that day
    /// (empty in the frames of every row, `from_facts`).
    pub business_stock: DataFrame,
    /// `organization, change (registered | closed), day, region, section, size_class`.
    pub business_changes: DataFrame,
}

/// Keys of merged organizations → key of the survivor; facts of a duplicate count for the
/// record that lives on. Empty in most offices, so the lookup is skipped then.
fn survivors(facts: &FactTables) -> HashMap<u64, u64> {
    facts
        .organizations
        .iter()
        .filter(|(_, record)| matches!(record.state.status, OrganizationStatus::MergedInto { .. }))
        .map(|(id, _)| (*id, facts.resolve(*id)))
        .collect()
}

impl Frames {
    /// Copies all fact tables and master data into frames (for the Parquet export).
    pub fn from_facts(facts: &FactTables) -> PolarsResult<Self> {
        Self::build(facts, None)
    }

    /// The frames a report of the period `from`–`to` reads, which are far fewer rows than the
    /// whole history: contacts only from the year before `from` to `to` (no statistic looks at
    /// other contacts; they are the largest table); of the inquiry steps every received, closed
    /// and reopened one (open inquiries look back to the beginning), referrals and their
    /// answers from the year before `from` on, and no assigned or answered step (the received
    /// row carries the first answer). Visits, milestones and attendance stay whole (coverage and
    /// the latest findings look back further).
    pub fn for_report(facts: &FactTables, from: NaiveDate, to: NaiveDate) -> PolarsResult<Self> {
        let first = from
            .checked_sub_months(chrono::Months::new(12))
            .unwrap_or(from);
        Self::build(facts, Some(day_number(first)..=day_number(to)))
    }

    /// `window`: the days a report compares, or `None` for every row.
    fn build(facts: &FactTables, window: Option<RangeInclusive<i32>>) -> PolarsResult<Self> {
        let survivors = survivors(facts);
        let organization_key = |organization: &u64| {
            if survivors.is_empty() {
                *organization
            } else {
                survivors
                    .get(organization)
                    .copied()
                    .unwrap_or(*organization)
            }
        };
        let optional_organization =
            |organization: &Option<NonZeroU64>| organization.map(|o| organization_key(&o.get()));
        let texts = &Series::new("".into(), facts.symbols.texts().collect::<Vec<&str>>());

        let v = &facts.visits;
        let visits = frame(vec![
            Column::new("visit".into(), v.visit.clone()),
            mapped("organization", &v.organization, organization_key),
            mapped("conducted", &v.outcome, |o| *o == VisitOutcome::Conducted),
            Column::new("day".into(), v.day.clone()),
            mapped("joint_partner", &v.joint_partner, |p| {
                p.map(NonZeroU64::get)
            }),
            symbols("region", &v.region, texts)?,
            symbols("sector", &v.sector, texts)?,
            labelled("size_class", v.size_class.iter().copied(), |s| s.label())?,
            mapped("size_min", &v.size_class, |s| s.map(|s| s.min_employees())),
            Column::new("relocation_risk".into(), v.relocation_risk.clone()),
            Column::new("expansion_plans".into(), v.expansion_plans.clone()),
            Column::new("follow_ups_created".into(), v.follow_ups_created.clone()),
            Column::new(
                "follow_ups_completed".into(),
                v.follow_ups_completed.clone(),
            ),
            Column::new("with_leadership".into(), v.with_leadership.clone()),
            Column::new("with_press".into(), v.with_press.clone()),
        ])?;
        let visit_staff = list_frame("visit", &v.visit, &v.staff, "staff", texts, |_| true)?;
        let visit_topics = list_frame("visit", &v.visit, &v.topics, "topic", texts, |_| true)?;

        let c = &facts.contacts;
        let in_window = |row: usize| {
            window
                .as_ref()
                .is_none_or(|days| c.day.get(row).is_some_and(|day| days.contains(day)))
        };
        let rows: Vec<usize> = (0..c.len()).filter(|row| in_window(*row)).collect();
        let contacts = frame(vec![
            Column::new("contact".into(), picked(&c.contact, &rows)),
            mapped(
                "organization",
                &picked(&c.organization, &rows),
                organization_key,
            ),
            labelled(
                "channel",
                picked(&c.channel, &rows).into_iter().map(Some),
                |c| c.label(),
            )?,
            Column::new("day".into(), picked(&c.day, &rows)),
            symbols("region", &picked(&c.region, &rows), texts)?,
            Column::new("retracted".into(), picked(&c.retracted, &rows)),
        ])?;
        let contact_topics =
            list_frame("contact", &c.contact, &c.topics, "topic", texts, in_window)?;

        let s = &facts.inquiry_steps;
        let rows: Vec<usize> = (0..s.len())
            .filter(|row| {
                let Some(days) = &window else {
                    return true;
                };
                match s.step[*row] {
                    InquiryStep::Received | InquiryStep::Closed | InquiryStep::Reopened => true,
                    InquiryStep::Assigned | InquiryStep::Answered => false,
                    InquiryStep::Referred | InquiryStep::ReferralAnswered => {
                        s.day[*row] >= *days.start()
                    }
                }
            })
            .collect();
        let inquiry_steps = frame(vec![
            Column::new("inquiry".into(), picked(&s.inquiry, &rows)),
            labelled("step", picked(&s.step, &rows).into_iter().map(Some), |s| {
                s.name()
            })?,
            Column::new("day".into(), picked(&s.day, &rows)),
            mapped(
                "organization",
                &picked(&s.organization, &rows),
                optional_organization,
            ),
            labelled("source", picked(&s.source, &rows).into_iter(), |s| {
                s.label()
            })?,
            symbols("office", &picked(&s.office, &rows), texts)?,
            mapped("referral", &picked(&s.referral, &rows), |r| {
                r.map(NonZeroU64::get)
            }),
            labelled("outcome", picked(&s.outcome, &rows).into_iter(), |o| {
                o.label()
            })?,
            symbols("region", &picked(&s.region, &rows), texts)?,
            Column::new(
                "first_answered_day".into(),
                picked(&s.first_answered, &rows),
            ),
            Column::new(
                "first_response_working_days".into(),
                rows.iter()
                    .map(|row| {
                        let answered = s.first_answered.get(*row).copied().flatten()?;
                        let received = s.day.get(*row).copied()?;
                        i32::try_from(response_working_days(date_of(received), date_of(answered)))
                            .ok()
                    })
                    .collect::<Vec<Option<i32>>>(),
            ),
            Column::new("first_closed_day".into(), picked(&s.first_closed, &rows)),
            Column::new("reopened".into(), picked(&s.reopened, &rows)),
        ])?;
        let inquiry_topics =
            list_frame("inquiry", &s.inquiry, &s.topics, "topic", texts, |_| true)?;

        let m = &facts.milestones;
        let milestones = frame(vec![
            Column::new("cooperation".into(), m.cooperation.clone()),
            Column::new("milestone".into(), m.milestone.clone()),
            labelled("change", m.change.iter().copied().map(Some), |c| c.name())?,
            Column::new("day".into(), m.day.clone()),
            Column::new("due".into(), m.due.clone()),
            labelled("kind", m.kind.iter().copied().map(Some), |k| k.label())?,
        ])?;

        let a = &facts.attendance;
        let attendance = frame(vec![
            Column::new("gathering".into(), a.gathering.clone()),
            labelled("kind", a.kind.iter().copied().map(Some), |k| k.label())?,
            Column::new("day".into(), a.day.clone()),
            mapped("organization", &a.organization, optional_organization),
            symbols("region", &a.region, texts)?,
        ])?;

        let held: Vec<_> = facts
            .gatherings
            .iter()
            .filter_map(|(id, state)| match (&state.status, state.kind) {
                (wifo_domain::gathering::Status::Held { held_on }, Some(kind)) => Some((
                    *id,
                    kind.label(),
                    day_number(*held_on),
                    state.other_attendees,
                )),
                _ => None,
            })
            .collect();
        let gatherings = frame(vec![
            mapped("gathering", &held, |g| g.0),
            mapped("kind", &held, |g| g.1),
            mapped("day", &held, |g| g.2),
            mapped("other_attendees", &held, |g| g.3),
        ])?;
        let (organizations, memberships) = organization_frames(facts)?;
        let (cooperations, cooperation_partners) = cooperation_frames(facts)?;
        let stock_days: Vec<NaiveDate> = window
            .as_ref()
            .map(|days| {
                // The last day and the same day a year earlier, as `Context` compares them.
                let end = date_of(*days.end());
                let year_before = end
                    .checked_sub_months(chrono::Months::new(12))
                    .unwrap_or(end);
                vec![end, year_before]
            })
            .unwrap_or_default();
        let business_stock = crate::business_frames::stock(facts, &stock_days)?;
        let business_changes = crate::business_frames::changes(facts)?;
        Ok(Self {
            visits,
            visit_staff,
            visit_topics,
            contacts,
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
            business_stock,
            business_changes,
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
fn organization_frames(facts: &FactTables) -> PolarsResult<(DataFrame, DataFrame)> {
    let count = facts.organizations.len();
    let mut id = Vec::with_capacity(count);
    let mut kind = Vec::with_capacity(count);
    let mut business = Vec::with_capacity(count);
    let mut active = Vec::with_capacity(count);
    let mut region = Vec::with_capacity(count);
    let mut sector = Vec::with_capacity(count);
    let mut size_min = Vec::with_capacity(count);
    let mut member = Vec::new();
    let mut association = Vec::new();
    for (organization, record) in &facts.organizations {
        let state = &record.state;
        let Some(organization_kind) = state.kind else {
            continue;
        };
        if matches!(state.status, OrganizationStatus::MergedInto { .. }) {
            continue;
        }
        id.push(*organization);
        kind.push(organization_kind.label());
        business.push(organization_kind.is_business());
        active.push(state.status == OrganizationStatus::Active);
        region.push(text(state.region.as_ref()));
        sector.push(text(state.profile.sector.as_ref()));
        size_min.push(state.profile.size_class.map(|s| s.min_employees()));
        for joined in state.memberships.keys() {
            member.push(*organization);
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

fn cooperation_frames(facts: &FactTables) -> PolarsResult<(DataFrame, DataFrame)> {
    let mut id = Vec::new();
    let mut title = Vec::new();
    let mut valid_from = Vec::new();
    let mut valid_until = Vec::new();
    let mut ended = Vec::new();
    let mut partner_cooperation = Vec::new();
    let mut partner = Vec::new();
    for (cooperation, state) in &facts.cooperations {
        let (Some(name), Some(term)) = (&state.title, &state.term) else {
            continue;
        };
        id.push(*cooperation);
        title.push(name.as_str());
        valid_from.push(day_number(term.valid_from));
        valid_until.push(day_number(term.valid_until));
        ended.push(match state.status {
            CooperationStatus::Ended { ended_on } => Some(day_number(ended_on)),
            _ => None,
        });
        for organization in &state.partners {
            partner_cooperation.push(*cooperation);
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
