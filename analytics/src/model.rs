//! The report model: one typed struct per statistic group, each figure with the previous
//! period beside it and the change. Serialized as the JSON answer of the API (documented in the
//! OpenAPI document) and rendered as HTML, CSV and XLSX tables.

use chrono::NaiveDate;
use serde::Serialize;

/// A whole report.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Report {
    /// `klausur` or `leadership`.
    pub kind: ReportKind,
    pub title: String,
    pub period: Period,
    /// The same period one year earlier.
    pub previous_period: Period,
    pub filter: ReportFilter,
    pub visits: VisitStatistics,
    pub contacts: ContactStatistics,
    pub topics: TopicStatistics,
    pub inquiries: InquiryStatistics,
    pub cooperations: CooperationStatistics,
    pub gatherings: GatheringStatistics,
    /// Proposals for next year's agenda, most pressing first: at most
    /// [`crate::agenda::MAX_PROPOSALS`], one per subject.
    pub agenda: Vec<AgendaProposal>,
    /// Every Bezirksregion (within the region filter) with the headline figures of its
    /// portrait; empty in a report about one partner, whose figures are not regional.
    pub regions: Vec<RegionFigures>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Klausur,
    Leadership,
}

/// A closed range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// What the report was restricted to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ReportFilter {
    /// The partner organization (id) whose cooperations, members and joint visits are counted.
    pub partner: Option<String>,
    /// A region code: only what happened in this region or below.
    pub region: Option<String>,
    /// The smallest size class counted in the coverage figures (minimum employees).
    pub coverage_min_employees: Option<u32>,
}

/// A count now and in the previous period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Count {
    pub current: u64,
    pub previous: u64,
    /// `current − previous`.
    pub change: i64,
    /// Change in percent of the previous value; `null` when the previous value is 0.
    pub change_percent: Option<f64>,
}

impl Count {
    pub fn new(current: u64, previous: u64) -> Self {
        let change = current as i64 - previous as i64;
        Self {
            current,
            previous,
            change,
            change_percent: (previous > 0).then(|| change as f64 * 100.0 / previous as f64),
        }
    }
}

/// A measured value (days, shares) now and in the previous period; `null` where nothing was
/// measured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Measure {
    pub current: Option<f64>,
    pub previous: Option<f64>,
    pub change: Option<f64>,
}

impl Measure {
    pub fn new(current: Option<f64>, previous: Option<f64>) -> Self {
        Self {
            current,
            previous,
            change: current.zip(previous).map(|(c, p)| c - p),
        }
    }
}

/// One line of a breakdown: a key (code), its German label and the count.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct KeyedCount {
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    pub count: Count,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VisitStatistics {
    /// Conducted visits.
    pub conducted: Count,
    /// Key `1`…`12`: month of the period's first year (leadership: `JJJJ-MM`).
    pub per_month: Vec<KeyedCount>,
    /// Key `Q1`…`Q4` (leadership: `JJJJ-Qn`).
    pub per_quarter: Vec<KeyedCount>,
    /// Key: login name of the staff member; a visit by two counts for both.
    pub per_staff: Vec<KeyedCount>,
    /// WZ 2008 section (letter).
    pub per_sector_section: Vec<KeyedCount>,
    /// WZ 2008 division (two digits).
    pub per_sector_division: Vec<KeyedCount>,
    /// Region at each level (Bezirk, Prognoseraum, Bezirksregion, Planungsraum), where the
    /// business was at the time of the visit.
    pub per_region: Vec<RegionCount>,
    /// Size class at the time of the visit.
    pub per_size_class: Vec<KeyedCount>,
    /// Visits made together with a partner (chamber, association).
    pub joint: Count,
    /// Joint visits per partner organization (key: partner id, label: its name).
    pub joint_per_partner: Vec<KeyedCount>,
    /// Visits leadership took part in (Bürgermeister/in, Senator/in …).
    pub with_leadership: Count,
    /// Visits the press accompanied.
    pub with_press: Count,
    /// Share of businesses visited in the 12, 24 and 36 months up to the end of the period.
    pub coverage: Vec<Coverage>,
    /// Businesses whose latest visit found a relocation risk or an expansion need.
    pub findings: Vec<FindingFollowUp>,
}

#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RegionCount {
    /// `Bezirk`, `Prognoseraum`, `Bezirksregion` or `Planungsraum`.
    pub level: String,
    #[serde(flatten)]
    pub count: KeyedCount,
}

#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Coverage {
    /// Window length, ending on the last day of the period (previous: a year earlier).
    pub months: u32,
    /// Only businesses with at least this many employees; `null`: all businesses.
    pub min_employees: Option<u32>,
    /// Active businesses (companies and sole traders) counted.
    pub businesses: u64,
    pub visited: Count,
    /// Share visited, in percent.
    pub share_percent: Measure,
}

#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FindingFollowUp {
    /// `relocation_risk` or `expansion_plans`.
    pub finding: String,
    pub label: String,
    /// Businesses whose latest visit up to the end of the period found it.
    pub businesses: Count,
    /// … of which with at least one follow-up.
    pub with_follow_up: Count,
    /// … of which all follow-ups are done.
    pub follow_up_done: Count,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ContactStatistics {
    /// Logged contacts (retracted ones are not counted).
    pub logged: Count,
    pub per_channel: Vec<KeyedCount>,
    pub per_topic: Vec<KeyedCount>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TopicStatistics {
    /// Topics by how often they came up in visits, contacts and inquiries together, most
    /// frequent first.
    pub ranking: Vec<TopicRank>,
}

#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TopicRank {
    pub rank: u32,
    pub topic: String,
    pub label: String,
    pub visits: u64,
    pub contacts: u64,
    pub inquiries: u64,
    /// All three together, with the previous period and the growth.
    #[serde(flatten)]
    pub total: Count,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct InquiryStatistics {
    /// Inquiries received in the period.
    pub received: Count,
    pub per_topic: Vec<KeyedCount>,
    /// Bürgerbüro, Ordnungsamt, chamber, direct, other office.
    pub per_source: Vec<KeyedCount>,
    /// Days from receipt to the first answer, for inquiries received in the period.
    pub first_response: Durations,
    /// Days from receipt to closing, for inquiries received in the period.
    pub to_close: Durations,
    /// Referrals to each office made in the period, with the office's answer times.
    pub referrals: Vec<OfficeReferrals>,
    /// Referrals by source of the inquiry (from) and office referred to (to).
    pub referral_matrix: Vec<ReferralCell>,
    /// Outcomes of the inquiries closed in the period.
    pub outcomes: Vec<KeyedCount>,
    /// Received by the end of the period and not closed on its last day.
    pub open_at_end: Count,
    /// Per topic (current period): received, median days to the first answer, still open.
    pub per_topic_response: Vec<TopicResponse>,
}

#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TopicResponse {
    pub topic: String,
    pub label: String,
    pub received: u64,
    pub median_first_response_days: Option<f64>,
    /// Inquiries of the topic received in the period and open at its end.
    pub open_at_end: u64,
}

/// Response-time figures in days: Berlin working days for the first answer
/// (`first_response`), calendar days for closing and for an office's answer to a referral.
#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Durations {
    /// Inquiries measured (answered / closed).
    pub measured: Count,
    pub median_days: Measure,
    pub p90_days: Measure,
    /// The target, in the unit of the figure.
    pub target_days: u32,
    /// Share of the measured inquiries within the target, in percent.
    pub within_target_percent: Measure,
}

#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct OfficeReferrals {
    pub office: String,
    pub label: String,
    pub referrals: Count,
    /// Referrals answered by the office.
    pub answered: Count,
    pub median_answer_days: Measure,
    pub p90_answer_days: Measure,
}

#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ReferralCell {
    /// The inquiry's source (German label).
    pub from: String,
    /// The office referred to (code) and its label.
    pub to: String,
    pub to_label: String,
    pub referrals: Count,
    pub median_answer_days: Measure,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CooperationStatistics {
    pub agreements: Vec<CooperationFigures>,
}

#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CooperationFigures {
    pub cooperation: String,
    pub title: String,
    pub valid_until: NaiveDate,
    /// Milestones due in the period (at any time during the period's history).
    pub planned: Count,
    pub achieved: Count,
    pub rescheduled: Count,
    pub cancelled: Count,
    /// Achieved ÷ planned, in percent.
    pub completion_percent: Measure,
    /// Open milestones due in the year after the period.
    pub due_next_year: u64,
    /// Whole months from the end of the period to the end of the term (0 when over).
    pub months_left: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GatheringStatistics {
    pub per_kind: Vec<GatheringFigures>,
    /// All kinds together.
    pub total: GatheringFigures,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GatheringFigures {
    pub kind: String,
    /// Gatherings held.
    pub held: Count,
    /// Attendees counted.
    pub attendance: Count,
    /// Distinct organizations that attended.
    pub organizations: Count,
    /// Organizations that attended more than one gathering in the period.
    pub repeat_organizations: Count,
}

/// A proposed topic for next year's agenda.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct AgendaProposal {
    pub rank: u32,
    /// `topic_growth`, `slow_inquiries`, `open_inquiries`, `slipped_milestones`,
    /// `low_coverage_region`, `low_coverage_sector`.
    pub reason_kind: String,
    /// What the proposal is about (topic, region, sector, agreement).
    pub subject: String,
    /// Why, in German, with the figures: the sentence of `reason_kind`, followed by those of
    /// `other_reason_kinds`.
    pub reason: String,
    /// Higher is more pressing; what the ranking sorts by (the score of `reason_kind`).
    pub score: f64,
    /// Further reasons the same subject qualified for, merged into this one proposal, by
    /// descending score (e.g. a topic that grew and whose inquiries were answered slowly).
    pub other_reason_kinds: Vec<String>,
}

/// The headline figures of one region: a line of the overview, the head of its portrait.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RegionFigures {
    pub region: String,
    pub name: String,
    /// Businesses (companies, sole traders) on the last day of the period: registered by then,
    /// not closed, with the region they had that day.
    pub businesses: Count,
    /// Businesses registered in the period.
    pub registered: Count,
    /// Businesses closed in the period.
    pub closed: Count,
    /// Conducted visits (where the business was on the day of the visit).
    pub visits: Count,
    /// Logged contacts (retracted ones not counted).
    pub contacts: Count,
    /// Inquiries received.
    pub inquiries: Count,
    /// Visits of the period with at least one follow-up not yet done (as the follow-ups stand
    /// today).
    pub visits_with_open_follow_up: Count,
    /// Share of today's businesses in the region visited in the 12 months up to the period's end.
    pub coverage_12_months: Coverage,
}
