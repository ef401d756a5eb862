//! One line of German per timeline entry of an organization's history, with names instead of
//! codes and the link to the page of the record it names (visit, follow-up, inquiry,
//! organization) — never to a form that would record it again.

use wifo_domain::german;
use wifo_projections::{Views, views::timeline::TimelineItem};

use super::texts;

/// What the entry says, and where it links to.
pub(super) fn describe(views: &Views, item: &TimelineItem) -> (String, Option<String>) {
    use TimelineItem as T;
    let name_of = |id: &wifo_domain::ids::OrganizationId| views.names().organization(id);
    let names = views.names();
    let topics = |topics: &[wifo_domain::values::Code]| {
        if topics.is_empty() {
            String::new()
        } else {
            format!(" – {}: {}", texts::get("col.topics"), names.topics(topics))
        }
    };
    match item {
        T::Registered { name } => (format!("{} „{name}“", texts::get("tl.registered")), None),
        T::Changed { field, old, new } => (
            format!("{field} {}: „{old}“ → „{new}“", texts::get("tl.changed")),
            None,
        ),
        T::Tagged { tag } => (format!("{} „{tag}“", texts::get("tl.tagged")), None),
        T::Untagged { tag } => (format!("{} „{tag}“", texts::get("tl.untagged")), None),
        T::MembershipStarted { association } => (
            format!(
                "{} {}",
                texts::get("tl.membership_started"),
                name_of(association)
            ),
            Some(format!("/organisationen/{association}")),
        ),
        T::MembershipEnded { association } => (
            format!(
                "{} {}",
                texts::get("tl.membership_ended"),
                name_of(association)
            ),
            Some(format!("/organisationen/{association}")),
        ),
        T::Closed { reason } => (format!("{}: {reason}", texts::get("tl.closed")), None),
        T::MergedInto { survivor } => (
            format!("{} {}", texts::get("tl.merged_into"), name_of(survivor)),
            Some(format!("/organisationen/{survivor}")),
        ),
        T::Absorbed { duplicate } => (
            format!("{} {}", texts::get("tl.absorbed"), name_of(duplicate)),
            None,
        ),
        T::PersonLinked { role, .. } => {
            (format!("{} ({role})", texts::get("tl.person_linked")), None)
        }
        T::PersonUnlinked { .. } => (texts::get("tl.person_unlinked").to_owned(), None),
        T::VisitPlanned { visit, planned_on } => (
            format!(
                "{} {}",
                texts::get("tl.visit_planned"),
                german::date(*planned_on)
            ),
            Some(format!("/besuche/{visit}")),
        ),
        T::VisitCancelled { visit, .. } => (
            texts::get("tl.visit_cancelled").to_owned(),
            Some(format!("/besuche/{visit}")),
        ),
        T::VisitConducted {
            visit,
            topics: codes,
            relocation_risk,
            expansion_plans,
        } => {
            let mut text = format!("{}{}", texts::get("tl.visit_conducted"), topics(codes));
            if *expansion_plans {
                text.push_str(&format!(" – {}", texts::get("visit.expansion_plans")));
            }
            if *relocation_risk {
                text.push_str(&format!(" – {}", texts::get("visit.relocation_risk")));
            }
            (text, Some(format!("/besuche/{visit}")))
        }
        T::FollowUpCreated {
            visit,
            task,
            assignee,
            due_on,
            ..
        } => (
            format!(
                "{} „{task}“ ({}, {} {})",
                texts::get("tl.follow_up_created"),
                names.staff(assignee),
                texts::get("col.due"),
                german::date(*due_on)
            ),
            Some(format!("/besuche/{visit}")),
        ),
        T::FollowUpCompleted { visit, .. } => (
            texts::get("tl.follow_up_completed").to_owned(),
            Some(format!("/besuche/{visit}")),
        ),
        T::ContactLogged {
            contact,
            channel,
            topics: codes,
            summary,
        } => (
            format!(
                "{}: {}{} – {summary}",
                texts::get("tl.contact"),
                channel.label(),
                topics(codes)
            ),
            Some(format!("/kontakte/{contact}")),
        ),
        T::InquiryReceived {
            inquiry,
            source,
            topics: codes,
        } => (
            format!(
                "{} ({}){}",
                texts::get("tl.inquiry_received"),
                source.label(),
                topics(codes)
            ),
            Some(format!("/anliegen/{inquiry}")),
        ),
        T::InquiryReferred { inquiry, office } => (
            format!(
                "{} {}",
                texts::get("tl.inquiry_referred"),
                names.office(office.as_str())
            ),
            Some(format!("/anliegen/{inquiry}")),
        ),
        T::InquiryAnswered { inquiry } => (
            texts::get("tl.inquiry_answered").to_owned(),
            Some(format!("/anliegen/{inquiry}")),
        ),
        T::InquiryClosed { inquiry, outcome } => (
            format!("{} ({})", texts::get("tl.inquiry_closed"), outcome.label()),
            Some(format!("/anliegen/{inquiry}")),
        ),
        T::GatheringAttended {
            gathering, title, ..
        } => (
            format!("{} „{title}“", texts::get("tl.gathering_attended")),
            Some(format!("/veranstaltungen/{gathering}")),
        ),
        T::MilestoneAchieved {
            cooperation, title, ..
        } => (
            format!("{} „{title}“", texts::get("tl.milestone_achieved")),
            Some(format!("/kooperationen/{cooperation}")),
        ),
    }
}
