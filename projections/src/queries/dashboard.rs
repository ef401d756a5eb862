//! Key figures of one calendar year for the lead's dashboard, from the domain states in the
//! views: visits conducted, contacts, inquiries received and their first
//! response in Berlin working days, milestones due in the year (achieved vs planned), gatherings
//! held and their attendance, and visits and contacts per month for the charts.

use chrono::{Datelike, NaiveDate};
use wifo_domain::{
    contact::ContactStatus, cooperation::MilestoneStatus, gathering::Status as GatheringStatus,
    visit::VisitStatus,
};

use super::holidays::working_days_between;
use crate::views::Views;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearFigures {
    pub year: i32,
    pub visits: usize,
    pub contacts: usize,
    pub inquiries: usize,
    /// Inquiries received in the year that have a first response.
    pub inquiries_answered: usize,
    /// Median first response in working days, of the answered ones.
    pub median_first_response_days: Option<f64>,
    /// Answered within the target.
    pub answered_in_target: usize,
    /// Milestones due in the year that were not cancelled.
    pub milestones_planned: usize,
    pub milestones_achieved: usize,
    pub gatherings_held: usize,
    pub attendance: usize,
    pub visits_per_month: [usize; 12],
    pub contacts_per_month: [usize; 12],
}

fn month(date: NaiveDate) -> usize {
    date.month0() as usize
}

/// The figures of `year`; `target_working_days` is the first-response target.
pub fn year_figures(views: &Views, year: i32, target_working_days: u32) -> YearFigures {
    let mut figures = YearFigures {
        year,
        ..YearFigures::default()
    };
    for visit in views.visits.values() {
        if let (VisitStatus::Conducted, Some(date)) = (visit.status, visit.conducted_on)
            && visit.organization.is_some()
            && date.year() == year
        {
            figures.visits += 1;
            figures.visits_per_month[month(date)] += 1;
        }
    }
    for contact in views.contacts.values() {
        if let (ContactStatus::Logged, Some(date)) = (contact.status, contact.contacted_on)
            && date.year() == year
        {
            figures.contacts += 1;
            figures.contacts_per_month[month(date)] += 1;
        }
    }
    let mut response_days = Vec::new();
    for inquiry in views.inquiries.values() {
        let Some(received) = inquiry.received_on.filter(|date| date.year() == year) else {
            continue;
        };
        figures.inquiries += 1;
        if let Some(answered) = inquiry.first_response_on {
            let days = working_days_between(received, answered);
            response_days.push(days);
            if days <= target_working_days {
                figures.answered_in_target += 1;
            }
        }
    }
    figures.inquiries_answered = response_days.len();
    response_days.sort_unstable();
    figures.median_first_response_days = match response_days.len() {
        0 => None,
        n if n % 2 == 1 => Some(f64::from(response_days[n / 2])),
        n => Some((f64::from(response_days[n / 2 - 1]) + f64::from(response_days[n / 2])) / 2.0),
    };
    for cooperation in views.cooperations.values() {
        for milestone in cooperation.milestones.values() {
            if milestone.due.year() != year {
                continue;
            }
            match milestone.status {
                MilestoneStatus::Cancelled { .. } => {}
                MilestoneStatus::Achieved { .. } => {
                    figures.milestones_planned += 1;
                    figures.milestones_achieved += 1;
                }
                MilestoneStatus::Planned => figures.milestones_planned += 1,
            }
        }
    }
    for gathering in views.gatherings.values() {
        if let GatheringStatus::Held { held_on } = gathering.status
            && held_on.year() == year
        {
            figures.gatherings_held += 1;
            figures.attendance += gathering.attendance.len();
        }
    }
    figures
}
