//! Applying visit, contact and inquiry events: their states (folded with the domain's `evolve`),
//! the work-list indexes and the organization timelines.

use wifo_domain::{
    Decider,
    contact::{Contact, ContactEvent},
    inquiry::{Inquiry, InquiryEvent, InquiryStatus},
    visit::{Visit, VisitEvent},
};

use super::{Context, Views, timeline::TimelineItem};

impl Views {
    pub(super) fn apply_visit(&mut self, context: &Context<'_>, event: &VisitEvent) {
        use VisitEvent as E;
        let visit = event.visit();
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
            E::Rescheduled { .. } | E::PublicityRecorded { .. } => {}
        }
        self.visits.insert(visit, state);
    }

    pub(super) fn apply_contact(&mut self, context: &Context<'_>, event: &ContactEvent) {
        use ContactEvent as E;
        let contact = event.contact();
        let before = self.contacts.remove(&contact).unwrap_or_default();
        // A correction or retraction takes the contact off the timeline it was on.
        if let Some(record) = before
            .organization
            .and_then(|organization| self.organizations.get_mut(&organization))
        {
            record.timeline.retain(|entry| {
                !matches!(&entry.item, TimelineItem::ContactLogged { contact: id, .. } if *id == contact)
            });
        }
        let state = Contact::evolve(before, event);
        if let E::Logged {
            organization,
            channel,
            contacted_on,
            topics,
            summary,
            ..
        }
        | E::Corrected {
            organization,
            channel,
            contacted_on,
            topics,
            summary,
            ..
        } = event
        {
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
        self.contacts.insert(contact, state);
    }

    pub(super) fn apply_inquiry(&mut self, context: &Context<'_>, event: &InquiryEvent) {
        use InquiryEvent as E;
        let inquiry = event.inquiry();
        let state = Inquiry::evolve(self.inquiries.remove(&inquiry).unwrap_or_default(), event);
        let item = match event {
            E::Received {
                received_on,
                source,
                topics,
                ..
            } => Some((
                *received_on,
                TimelineItem::InquiryReceived {
                    inquiry,
                    source: *source,
                    topics: topics.clone(),
                },
            )),
            E::Referred {
                office,
                referred_on,
                ..
            } => Some((
                *referred_on,
                TimelineItem::InquiryReferred {
                    inquiry,
                    office: office.clone(),
                },
            )),
            E::Answered { answered_on, .. } => {
                Some((*answered_on, TimelineItem::InquiryAnswered { inquiry }))
            }
            E::Closed {
                closed_on, outcome, ..
            } => Some((
                *closed_on,
                TimelineItem::InquiryClosed {
                    inquiry,
                    outcome: *outcome,
                },
            )),
            E::Submitted { .. }
            | E::Assigned { .. }
            | E::ReferralAnswered { .. }
            | E::Reopened { .. }
            | E::SenderErased { .. } => None,
        };
        if let (Some(organization), Some((date, item))) = (state.organization, item) {
            self.push_timeline(organization, context, date, item);
        }
        if state.status == InquiryStatus::Closed {
            self.open_inquiries.remove(&inquiry);
        } else {
            self.open_inquiries.insert(inquiry);
        }
        self.inquiries.insert(inquiry, state);
    }
}
