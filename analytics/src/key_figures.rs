//! The key figures the lead's dashboard shows: visits conducted, contacts, inquiries received and
//! the working days to their first answer, milestones achieved of those due, gatherings held and
//! attendance, with visits and contacts per month — each for a period and the same days a year
//! earlier. Every figure is asked of the statistic group that defines it for the reports
//! (`stats/`), over the same frames, so the dashboard and the Klausur or leadership report
//! cannot show two numbers for one thing.

use serde::Serialize;

use crate::model::{Count, Durations, KeyedCount, Period};
use crate::stats::{
    self, Labels, contacts::logged_contacts, count_rows, inquiries::received_inquiries,
    visits::conducted_visits,
};
use crate::{AnalyticsError, Frames, ReportRequest, context};

/// The key figures of one period against the same days a year earlier.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct KeyFigures {
    pub period: Period,
    pub previous_period: Period,
    /// Conducted visits (`VisitStatistics::conducted`).
    pub visits: Count,
    /// Logged, not retracted contacts (`ContactStatistics::logged`).
    pub contacts: Count,
    /// Inquiries received (`InquiryStatistics::received`).
    pub inquiries: Count,
    /// Working days to the first answer (`InquiryStatistics::first_response`).
    pub first_response: Durations,
    /// Milestones due in the period, over all agreements (`CooperationFigures::planned`).
    pub milestones_due: Count,
    /// Milestones achieved in the period (`CooperationFigures::achieved`).
    pub milestones_achieved: Count,
    /// Gatherings held (`GatheringStatistics::total`).
    pub gatherings: Count,
    /// Listed attendees plus those counted at the door (`GatheringStatistics::total`).
    pub attendance: Count,
    pub visits_per_month: Vec<KeyedCount>,
    pub contacts_per_month: Vec<KeyedCount>,
}

/// The key figures of `request`'s period (its partner and region filters apply as in a report).
pub fn key_figures(
    frames: &Frames,
    partner: Option<u64>,
    request: &ReportRequest,
) -> Result<KeyFigures, AnalyticsError> {
    let labels = Labels::default();
    let context = context(frames, &labels, partner, request)?;
    let with_year = context.labels_with_year;

    let visits = context.stacked(conducted_visits(&context), "day")?;
    let contacts = context.stacked(logged_contacts(&context), "day")?;
    let inquiries = context.stacked(received_inquiries(&context), "day")?;
    let cooperations = stats::cooperations::cooperation_statistics(&context)?;
    let gatherings = stats::gatherings::gathering_statistics(&context)?.total;
    let sum = |count: fn(&crate::model::CooperationFigures) -> Count| {
        cooperations
            .agreements
            .iter()
            .map(count)
            .fold(Count::new(0, 0), |total, one| {
                Count::new(total.current + one.current, total.previous + one.previous)
            })
    };
    Ok(KeyFigures {
        period: context.period,
        previous_period: context.previous,
        visits: count_rows(visits.clone())?,
        contacts: count_rows(contacts.clone())?,
        inquiries: count_rows(inquiries.clone())?,
        first_response: stats::inquiries::first_response(&context, inquiries)?,
        milestones_due: sum(|agreement| agreement.planned),
        milestones_achieved: sum(|agreement| agreement.achieved),
        gatherings: gatherings.held,
        attendance: gatherings.attendance,
        visits_per_month: stats::per_month(visits, with_year)?,
        contacts_per_month: stats::per_month(contacts, with_year)?,
    })
}
