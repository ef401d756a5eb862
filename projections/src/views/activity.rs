//! Applying visit, contact and inquiry events: their states (folded with the domain's `evolve`),
//! the work-list indexes, the organization timelines and the fact tables.

use wifo_domain::{
    Decider,
    contact::{Contact, ContactEvent},
    inquiry::{Inquiry, InquiryEvent, InquiryStatus},
    visit::{Visit, VisitEvent},
};

use super::{
    Context, Views,
    facts::{ContactFact, InquiryStep, InquiryStepFact, VisitFact, VisitOutcome},
    timeline::TimelineItem,
};

impl Views {
    pub(super) fn apply_visit(&mut self, context: &Context<'_>, event: &VisitEvent) {
        use VisitEvent as E;
        let visit = match event {
            E::Planned { visit, .. }
            | E::Rescheduled { visit, .. }
            | E::Cancelled { visit, .. }
            | E::Conducted { visit, .. }
            | E::FollowUpCreated { visit, .. }
            | E::FollowUpCompleted { visit, .. } => *visit,
        };
        let state = self.visits.remove(&visit).unwrap_or_default();
        // The key of a follow-up in `open_follow_ups`, read before `evolve` forgets it, so
        // completing one is a lookup, not a scan of every open follow-up of the office.
        let completed_key = match event {
            E::FollowUpCompleted { follow_up, .. } => state
                .open_follow_ups
                .get(follow_up)
                .map(|(assignee, due_on)| (assignee.clone(), *due_on, *follow_up, visit)),
            _ => None,
        };
        let state = Visit::evolve(state, event);
        let organization = state.organization;
        match event {
            E::Planned { planned_on, .. } => {
                if let Some(organization) = organization {
                    self.push_timeline(
                        organization,
                        context,
                        *planned_on,
                        TimelineItem::VisitPlanned {
                            visit,
                            planned_on: *planned_on,
                        },
                    );
                }
            }
            E::Cancelled { cancelled_on, .. } => {
                if let Some(organization) = organization {
                    self.push_timeline(
                        organization,
                        context,
                        *cancelled_on,
                        TimelineItem::VisitCancelled { visit },
                    );
                }
            }
            E::Conducted {
                organization,
                conducted_on,
                topics,
                findings,
                ..
            } => {
                self.push_timeline(
                    *organization,
                    context,
                    *conducted_on,
                    TimelineItem::VisitConducted {
                        visit,
                        topics: topics.clone(),
                        relocation_risk: findings.relocation_risk,
                        expansion_plans: findings.expansion_plans,
                    },
                );
            }
            E::FollowUpCreated {
                follow_up,
                task,
                assignee,
                due_on,
                ..
            } => {
                self.open_follow_ups
                    .insert((assignee.clone(), *due_on, *follow_up, visit));
                self.follow_up_tasks.insert(*follow_up, task.to_string());
                if let Some(organization) = organization {
                    self.push_timeline(
                        organization,
                        context,
                        context.day,
                        TimelineItem::FollowUpCreated {
                            visit,
                            follow_up: *follow_up,
                            task: task.to_string(),
                            assignee: assignee.to_string(),
                            due_on: *due_on,
                        },
                    );
                }
            }
            E::FollowUpCompleted {
                follow_up,
                completed_on,
                ..
            } => {
                match completed_key {
                    Some(key) => {
                        self.open_follow_ups.remove(&key);
                    }
                    None => self.open_follow_ups.retain(|(_, _, id, _)| id != follow_up),
                }
                self.follow_up_tasks.remove(follow_up);
                if let Some(organization) = organization {
                    self.push_timeline(
                        organization,
                        context,
                        *completed_on,
                        TimelineItem::FollowUpCompleted {
                            visit,
                            follow_up: *follow_up,
                        },
                    );
                }
            }
            E::Rescheduled { .. } => {}
        }
        if let Some(organization) = organization {
            // Master data on the day of the visit.
            let date = state
                .conducted_on
                .or(state.planned_on)
                .unwrap_or(context.day);
            let (region, sector, size_class) = self.master_data_at(organization, date);
            let fact = VisitFact {
                visit,
                organization,
                outcome: match state.status {
                    wifo_domain::visit::VisitStatus::Conducted => VisitOutcome::Conducted,
                    wifo_domain::visit::VisitStatus::Cancelled => VisitOutcome::Cancelled,
                    _ => VisitOutcome::Planned,
                },
                date,
                staff: state.staff.clone(),
                joint_partner: state.joint_partner,
                duration_minutes: state.duration_minutes,
                topics: state.topics.clone(),
                expansion_plans: state.findings.as_ref().is_some_and(|f| f.expansion_plans),
                relocation_risk: state.findings.as_ref().is_some_and(|f| f.relocation_risk),
                space_need_m2: state.findings.as_ref().and_then(|f| f.space_need_m2),
                workforce_need: state.findings.as_ref().and_then(|f| f.workforce_need),
                funding_interest: state.findings.as_ref().is_some_and(|f| f.funding_interest),
                location_satisfaction: state
                    .findings
                    .as_ref()
                    .and_then(|f| f.location_satisfaction)
                    .map(|s| s.get()),
                follow_ups_created: (state.open_follow_ups.len() + state.completed_follow_ups.len())
                    as u32,
                follow_ups_completed: state.completed_follow_ups.len() as u32,
                region,
                sector,
                size_class,
            };
            match self.visit_rows.get(&visit) {
                Some(row) => self.facts.visits[*row] = fact,
                None => {
                    self.visit_rows.insert(visit, self.facts.visits.len());
                    self.facts.visits.push(fact);
                }
            }
        }
        self.visits.insert(visit, state);
    }

    pub(super) fn apply_contact(&mut self, context: &Context<'_>, event: &ContactEvent) {
        use ContactEvent as E;
        let contact = match event {
            E::Logged { contact, .. }
            | E::Corrected { contact, .. }
            | E::Retracted { contact, .. } => *contact,
        };
        let state = Contact::evolve(self.contacts.remove(&contact).unwrap_or_default(), event);
        match event {
            E::Logged {
                organization,
                person,
                channel,
                contacted_on,
                topics,
                summary,
                staff,
                ..
            }
            | E::Corrected {
                organization,
                person,
                channel,
                contacted_on,
                topics,
                summary,
                staff,
                ..
            } => {
                let fact = ContactFact {
                    contact,
                    organization: *organization,
                    person: *person,
                    channel: *channel,
                    date: *contacted_on,
                    topics: topics.clone(),
                    staff: staff.clone(),
                    retracted: false,
                    region: self.region_at(*organization, *contacted_on),
                };
                match self.contact_rows.get(&contact) {
                    Some(row) => self.facts.contacts[*row] = fact,
                    None => {
                        self.contact_rows.insert(contact, self.facts.contacts.len());
                        self.facts.contacts.push(fact);
                    }
                }
                if let Some(record) = self.organizations.get_mut(organization) {
                    record.timeline.retain(|entry| {
                        !matches!(&entry.item, TimelineItem::ContactLogged { contact: id, .. } if *id == contact)
                    });
                }
                self.push_timeline(
                    *organization,
                    context,
                    *contacted_on,
                    TimelineItem::ContactLogged {
                        contact,
                        channel: *channel,
                        topics: topics.clone(),
                        summary: summary.to_string(),
                    },
                );
            }
            E::Retracted { .. } => {
                if let Some(row) = self.contact_rows.get(&contact) {
                    let fact = &mut self.facts.contacts[*row];
                    fact.retracted = true;
                    if let Some(record) = self.organizations.get_mut(&fact.organization) {
                        record.timeline.retain(|entry| {
                            !matches!(&entry.item, TimelineItem::ContactLogged { contact: id, .. } if *id == contact)
                        });
                    }
                }
            }
        }
        self.contacts.insert(contact, state);
    }

    pub(super) fn apply_inquiry(&mut self, context: &Context<'_>, event: &InquiryEvent) {
        use InquiryEvent as E;
        let inquiry = match event {
            E::Received { inquiry, .. }
            | E::Assigned { inquiry, .. }
            | E::Referred { inquiry, .. }
            | E::ReferralAnswered { inquiry, .. }
            | E::Answered { inquiry, .. }
            | E::Closed { inquiry, .. }
            | E::Reopened { inquiry, .. } => *inquiry,
        };
        let state = Inquiry::evolve(self.inquiries.remove(&inquiry).unwrap_or_default(), event);
        let mut fact = InquiryStepFact {
            inquiry,
            step: InquiryStep::Received,
            date: context.day,
            organization: state.organization,
            source: state.source,
            topics: state.topics.clone(),
            office: None,
            referral: None,
            outcome: None,
            staff: None,
            region: None,
        };
        let mut item = None;
        match event {
            E::Received {
                received_on,
                source,
                topics,
                received_by,
                ..
            } => {
                fact.date = *received_on;
                fact.staff = Some(received_by.clone());
                item = Some((
                    *received_on,
                    TimelineItem::InquiryReceived {
                        inquiry,
                        source: *source,
                        topics: topics.clone(),
                    },
                ));
            }
            E::Assigned {
                assignee,
                assigned_on,
                ..
            } => {
                fact.step = InquiryStep::Assigned;
                fact.date = *assigned_on;
                fact.staff = Some(assignee.clone());
            }
            E::Referred {
                referral,
                office,
                referred_on,
                ..
            } => {
                fact.step = InquiryStep::Referred;
                fact.date = *referred_on;
                fact.office = Some(office.clone());
                fact.referral = Some(*referral);
                item = Some((
                    *referred_on,
                    TimelineItem::InquiryReferred {
                        inquiry,
                        office: office.clone(),
                    },
                ));
            }
            E::ReferralAnswered {
                referral,
                answered_on,
                ..
            } => {
                fact.step = InquiryStep::ReferralAnswered;
                fact.date = *answered_on;
                fact.referral = Some(*referral);
                fact.office = state.referrals.get(referral).map(|r| r.office.clone());
            }
            E::Answered { answered_on, .. } => {
                fact.step = InquiryStep::Answered;
                fact.date = *answered_on;
                item = Some((*answered_on, TimelineItem::InquiryAnswered { inquiry }));
            }
            E::Closed {
                closed_on, outcome, ..
            } => {
                fact.step = InquiryStep::Closed;
                fact.date = *closed_on;
                fact.outcome = Some(*outcome);
                item = Some((
                    *closed_on,
                    TimelineItem::InquiryClosed {
                        inquiry,
                        outcome: *outcome,
                    },
                ));
            }
            E::Reopened { reopened_on, .. } => {
                fact.step = InquiryStep::Reopened;
                fact.date = *reopened_on;
            }
        }
        fact.region = state
            .organization
            .and_then(|organization| self.region_at(organization, fact.date));
        if let (Some(organization), Some((date, item))) = (state.organization, item) {
            self.push_timeline(organization, context, date, item);
        }
        if state.status == InquiryStatus::Closed {
            self.open_inquiries.remove(&inquiry);
        } else {
            self.open_inquiries.insert(inquiry);
        }
        self.facts.inquiry_steps.push(fact);
        self.inquiries.insert(inquiry, state);
    }
}
