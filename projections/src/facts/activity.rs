//! The visit, contact and inquiry fact tables and how events fill them. A visit's or contact's
//! row is updated in place as it changes; an inquiry gets one row per step. Visits and contacts
//! need no other state: the row is the state.

use std::num::NonZeroU64;

use serde::{Deserialize, Serialize};
use wifo_domain::{
    contact::{Channel, ContactEvent},
    inquiry::{InquiryEvent, InquiryOutcome, InquirySource},
    values::SizeClass,
    visit::VisitEvent,
};

use super::{FactTables, Lists, Symbol, day_number, key};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum VisitOutcome {
    Planned,
    Conducted,
    Cancelled,
}

/// One row per visit, as it stands.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VisitTable {
    pub visit: Vec<u64>,
    pub organization: Vec<u64>,
    pub outcome: Vec<VisitOutcome>,
    /// Conducted, else planned day.
    pub day: Vec<i32>,
    pub joint_partner: Vec<Option<NonZeroU64>>,
    /// The organization's region, sector and size class on that day.
    pub region: Vec<Symbol>,
    pub sector: Vec<Symbol>,
    pub size_class: Vec<Option<SizeClass>>,
    pub relocation_risk: Vec<bool>,
    pub expansion_plans: Vec<bool>,
    pub follow_ups_created: Vec<u32>,
    pub follow_ups_completed: Vec<u32>,
    /// Leadership (Bürgermeister/in, Senator/in …) took part.
    pub with_leadership: Vec<bool>,
    /// The press came along.
    pub with_press: Vec<bool>,
    /// Login names of the staff who made (or plan) the visit.
    pub staff: Lists,
    pub topics: Lists,
}

impl VisitTable {
    pub fn len(&self) -> usize {
        self.visit.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visit.is_empty()
    }

    fn push(&mut self, visit: u64, organization: u64) -> usize {
        self.visit.push(visit);
        self.organization.push(organization);
        self.outcome.push(VisitOutcome::Planned);
        self.day.push(0);
        self.joint_partner.push(None);
        self.region.push(Symbol::NONE);
        self.sector.push(Symbol::NONE);
        self.size_class.push(None);
        self.relocation_risk.push(false);
        self.expansion_plans.push(false);
        self.follow_ups_created.push(0);
        self.follow_ups_completed.push(0);
        self.with_leadership.push(false);
        self.with_press.push(false);
        self.visit.len() - 1
    }
}

/// One row per contact, as it stands (corrections update it; a retraction marks it).
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ContactTable {
    pub contact: Vec<u64>,
    pub organization: Vec<u64>,
    pub channel: Vec<Channel>,
    pub day: Vec<i32>,
    /// The organization's region on the day of the contact.
    pub region: Vec<Symbol>,
    pub retracted: Vec<bool>,
    pub topics: Lists,
}

impl ContactTable {
    pub fn len(&self) -> usize {
        self.contact.len()
    }

    pub fn is_empty(&self) -> bool {
        self.contact.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum InquiryStep {
    Received,
    Assigned,
    Referred,
    ReferralAnswered,
    Answered,
    Closed,
    Reopened,
}

impl InquiryStep {
    /// The name analytics uses for the step.
    pub fn name(self) -> &'static str {
        match self {
            InquiryStep::Received => "received",
            InquiryStep::Assigned => "assigned",
            InquiryStep::Referred => "referred",
            InquiryStep::ReferralAnswered => "referral_answered",
            InquiryStep::Answered => "answered",
            InquiryStep::Closed => "closed",
            InquiryStep::Reopened => "reopened",
        }
    }
}

/// One row per step in an inquiry's life.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InquiryStepTable {
    pub inquiry: Vec<u64>,
    pub step: Vec<InquiryStep>,
    pub day: Vec<i32>,
    pub organization: Vec<Option<NonZeroU64>>,
    pub source: Vec<Option<InquirySource>>,
    /// The office a referral went to (referred and referral-answered steps).
    pub office: Vec<Symbol>,
    pub referral: Vec<Option<NonZeroU64>>,
    pub outcome: Vec<Option<InquiryOutcome>>,
    /// The organization's region on the day of the step.
    pub region: Vec<Symbol>,
    /// The topics an inquiry was received with (on its `received` row).
    pub topics: Lists,
    /// On an inquiry's `received` row: the earliest day it was answered and closed (kept up to
    /// date as those steps arrive, so response times need no search through the steps).
    pub first_answered: Vec<Option<i32>>,
    pub first_closed: Vec<Option<i32>>,
    /// On an inquiry's `received` row: whether it was ever reopened.
    pub reopened: Vec<bool>,
}

impl InquiryStepTable {
    pub fn len(&self) -> usize {
        self.inquiry.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inquiry.is_empty()
    }
}

fn non_zero(key: u64) -> Option<NonZeroU64> {
    NonZeroU64::new(key)
}

impl FactTables {
    pub(super) fn apply_visit(&mut self, event: &VisitEvent) {
        use VisitEvent as E;
        let visit = key(event.visit().as_uuid());
        let row = match event {
            E::Planned { organization, .. } | E::Conducted { organization, .. } => {
                let organization = key(organization.as_uuid());
                match self.visit_rows.get(&visit) {
                    Some(&row) => row as usize,
                    None => {
                        let row = self.visits.push(visit, organization);
                        self.visit_rows.insert(visit, row as u32);
                        row
                    }
                }
            }
            _ => match self.visit_rows.get(&visit) {
                Some(&row) => row as usize,
                None => return,
            },
        };
        let table = &mut self.visits;
        match event {
            E::Planned {
                organization,
                planned_on,
                staff,
                joint_partner,
                ..
            } => {
                table.organization[row] = key(organization.as_uuid());
                table.outcome[row] = VisitOutcome::Planned;
                table.day[row] = day_number(*planned_on);
                table.joint_partner[row] = joint_partner.and_then(|p| non_zero(key(p.as_uuid())));
                let staff: Vec<Symbol> = staff
                    .iter()
                    .map(|s| self.symbols.intern(s.as_str()))
                    .collect();
                table.staff.set(row, staff);
            }
            E::Rescheduled { planned_on, .. } => {
                if table.outcome[row] != VisitOutcome::Conducted {
                    table.day[row] = day_number(*planned_on);
                }
            }
            E::Cancelled { .. } => table.outcome[row] = VisitOutcome::Cancelled,
            E::Conducted {
                organization,
                conducted_on,
                staff,
                topics,
                findings,
                joint_partner,
                ..
            } => {
                table.organization[row] = key(organization.as_uuid());
                table.outcome[row] = VisitOutcome::Conducted;
                table.day[row] = day_number(*conducted_on);
                table.joint_partner[row] = joint_partner.and_then(|p| non_zero(key(p.as_uuid())));
                table.relocation_risk[row] = findings.relocation_risk;
                table.expansion_plans[row] = findings.expansion_plans;
                let staff: Vec<Symbol> = staff
                    .iter()
                    .map(|s| self.symbols.intern(s.as_str()))
                    .collect();
                table.staff.set(row, staff);
                let topics: Vec<Symbol> = topics
                    .iter()
                    .map(|t| self.symbols.intern(t.as_str()))
                    .collect();
                table.topics.set(row, topics);
            }
            E::FollowUpCreated { .. } => table.follow_ups_created[row] += 1,
            E::FollowUpCompleted { .. } => table.follow_ups_completed[row] += 1,
            E::PublicityRecorded {
                leadership, press, ..
            } => {
                table.with_leadership[row] = !leadership.is_empty();
                table.with_press[row] = *press;
            }
        }
        // Master data on the day of the visit.
        let at = self.master_data_at(
            self.visits.organization[row],
            super::date_of(self.visits.day[row]),
        );
        self.visits.region[row] = at.region;
        self.visits.sector[row] = at.sector;
        self.visits.size_class[row] = at.size_class;
    }

    pub(super) fn apply_contact(&mut self, event: &ContactEvent) {
        use ContactEvent as E;
        match event {
            E::Logged {
                contact,
                organization,
                channel,
                contacted_on,
                topics,
                ..
            }
            | E::Corrected {
                contact,
                organization,
                channel,
                contacted_on,
                topics,
                ..
            } => {
                let contact = key(contact.as_uuid());
                let organization = key(organization.as_uuid());
                let region = self.region_at(organization, *contacted_on);
                let topics: Vec<Symbol> = topics
                    .iter()
                    .map(|t| self.symbols.intern(t.as_str()))
                    .collect();
                let table = &mut self.contacts;
                let row = match self.contact_rows.get(&contact) {
                    Some(&row) => row as usize,
                    None => {
                        table.contact.push(contact);
                        table.organization.push(organization);
                        table.channel.push(*channel);
                        table.day.push(0);
                        table.region.push(Symbol::NONE);
                        table.retracted.push(false);
                        let row = table.contact.len() - 1;
                        self.contact_rows.insert(contact, row as u32);
                        row
                    }
                };
                table.organization[row] = organization;
                table.channel[row] = *channel;
                table.day[row] = day_number(*contacted_on);
                table.region[row] = region;
                table.retracted[row] = false;
                table.topics.set(row, topics);
            }
            E::Retracted { contact, .. } => {
                if let Some(&row) = self.contact_rows.get(&key(contact.as_uuid())) {
                    self.contacts.retracted[row as usize] = true;
                }
            }
        }
    }

    pub(super) fn apply_inquiry(&mut self, event: &InquiryEvent) {
        use InquiryEvent as E;
        // What the public form added is no step of the inquiry; `Received` follows it.
        if matches!(event, E::Submitted { .. } | E::SenderErased { .. }) {
            return;
        }
        let inquiry = key(event.inquiry().as_uuid());
        let received = self.inquiry_rows.get(&inquiry).map(|&row| row as usize);
        let (mut organization, mut source) = received.map_or((None, None), |row| {
            (
                self.inquiry_steps.organization[row],
                self.inquiry_steps.source[row],
            )
        });
        let mut office = Symbol::NONE;
        let mut referral = None;
        let mut outcome = None;
        let mut topics = Vec::new();
        let (step, date) = match event {
            E::Received {
                organization: at,
                source: from,
                topics: about,
                received_on,
                ..
            } => {
                organization = at.and_then(|o| non_zero(key(o.as_uuid())));
                source = Some(*from);
                topics = about
                    .iter()
                    .map(|t| self.symbols.intern(t.as_str()))
                    .collect();
                (InquiryStep::Received, *received_on)
            }
            E::Submitted { .. } | E::SenderErased { .. } => return,
            E::Assigned { assigned_on, .. } => (InquiryStep::Assigned, *assigned_on),
            E::Referred {
                referral: id,
                office: to,
                referred_on,
                ..
            } => {
                office = self.symbols.intern(to.as_str());
                let id = key(id.as_uuid());
                self.referral_offices.insert(id, office);
                referral = non_zero(id);
                (InquiryStep::Referred, *referred_on)
            }
            E::ReferralAnswered {
                referral: id,
                answered_on,
                ..
            } => {
                let id = key(id.as_uuid());
                office = self
                    .referral_offices
                    .get(&id)
                    .copied()
                    .unwrap_or(Symbol::NONE);
                referral = non_zero(id);
                (InquiryStep::ReferralAnswered, *answered_on)
            }
            E::Answered { answered_on, .. } => (InquiryStep::Answered, *answered_on),
            E::Closed {
                closed_on,
                outcome: how,
                ..
            } => {
                outcome = Some(*how);
                (InquiryStep::Closed, *closed_on)
            }
            E::Reopened { reopened_on, .. } => (InquiryStep::Reopened, *reopened_on),
        };
        let region = organization.map_or(Symbol::NONE, |o| self.region_at(o.get(), date));
        let table = &mut self.inquiry_steps;
        if let Some(received) = received {
            let earliest = |first: Option<i32>| {
                Some(first.map_or(day_number(date), |day| day.min(day_number(date))))
            };
            match step {
                InquiryStep::Answered => {
                    table.first_answered[received] = earliest(table.first_answered[received]);
                }
                InquiryStep::Closed => {
                    table.first_closed[received] = earliest(table.first_closed[received]);
                }
                InquiryStep::Reopened => table.reopened[received] = true,
                _ => {}
            }
        }
        table.inquiry.push(inquiry);
        table.step.push(step);
        table.day.push(day_number(date));
        table.organization.push(organization);
        table.source.push(source);
        table.office.push(office);
        table.referral.push(referral);
        table.outcome.push(outcome);
        table.region.push(region);
        table.first_answered.push(None);
        table.first_closed.push(None);
        table.reopened.push(false);
        let row = table.inquiry.len() - 1;
        if step == InquiryStep::Received {
            table.topics.set(row, topics);
            self.inquiry_rows.insert(inquiry, row as u32);
        }
    }
}
