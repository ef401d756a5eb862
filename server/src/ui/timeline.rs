//! One line of German per timeline entry of an organization's history, with the link to the
//! record it names (visit, inquiry) where the UI has a page for it.

use wifo_domain::german;
use wifo_projections::{Views, views::timeline::TimelineItem};

use super::texts;

/// What the entry says, and where it links to.
pub(super) fn describe(views: &Views, item: &TimelineItem) -> (String, Option<String>) {
    use TimelineItem as T;
    let name_of = |id: &wifo_domain::ids::OrganizationId| {
        views
            .organizations
            .get(id)
            .and_then(|record| record.state.name.as_ref())
            .map(|name| name.as_str().to_owned())
            .unwrap_or_else(|| id.to_string())
    };
    let topics = |topics: &[wifo_domain::values::Code]| {
        if topics.is_empty() {
            String::new()
        } else {
            let list: Vec<&str> = topics.iter().map(|code| code.as_str()).collect();
            format!(" – {}: {}", texts::get("col.topics"), list.join(", "))
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
            Some(format!("/besuche/{visit}/durchfuehren")),
        ),
        T::VisitCancelled { .. } => (texts::get("tl.visit_cancelled").to_owned(), None),
        T::VisitConducted {
            topics: codes,
            relocation_risk,
            expansion_plans,
            ..
        } => {
            let mut text = format!("{}{}", texts::get("tl.visit_conducted"), topics(codes));
            if *expansion_plans {
                text.push_str(&format!(" – {}", texts::get("visit.expansion_plans")));
            }
            if *relocation_risk {
                text.push_str(&format!(" – {}", texts::get("visit.relocation_risk")));
            }
            (text, None)
        }
        T::FollowUpCreated {
            task,
            assignee,
            due_on,
            ..
        } => (
            format!(
                "{} „{task}“ ({assignee}, {} {})",
                texts::get("tl.follow_up_created"),
                texts::get("col.due"),
                german::date(*due_on)
            ),
            None,
        ),
        T::FollowUpCompleted { .. } => (texts::get("tl.follow_up_completed").to_owned(), None),
        T::ContactLogged {
            channel,
            topics: codes,
            summary,
            ..
        } => (
            format!(
                "{}: {}{} – {summary}",
                texts::get("tl.contact"),
                channel.label(),
                topics(codes)
            ),
            None,
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
            format!("{} {office}", texts::get("tl.inquiry_referred")),
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
        T::GatheringAttended { title, .. } => (
            format!("{} „{title}“", texts::get("tl.gathering_attended")),
            None,
        ),
        T::MilestoneAchieved { title, .. } => (
            format!("{} „{title}“", texts::get("tl.milestone_achieved")),
            None,
        ),
    }
}
