//! The business stock as frames: which businesses existed on a day with the region, WZ section
//! and size class they had then (`wifo_projections::facts::FactTables::businesses_on`), and the
//! days businesses were registered and closed. A report's frames hold the stock on the last day
//! of its period and on the same day a year earlier, so `Context::stacked` puts each in its
//! period like any other dated row.

use chrono::NaiveDate;
use polars::prelude::*;
use wifo_domain::values::WzCode;
use wifo_projections::facts::{BusinessOnDay, FactTables, day_number};

use crate::columns::frame;

/// `organization, day, region, section, size_class`: the stock on each of `days`.
pub(crate) fn stock(facts: &FactTables, days: &[NaiveDate]) -> PolarsResult<DataFrame> {
    let mut rows = Rows::default();
    for day in days {
        for business in facts.businesses_on(*day) {
            rows.push(&business, *day, None);
        }
    }
    rows.into_frame(false)
}

/// `organization, change, day, region, section, size_class`: every registration (`registered`)
/// and closing (`closed`) of a business, with its master data that day.
pub(crate) fn changes(facts: &FactTables) -> PolarsResult<DataFrame> {
    let (first, last) = (NaiveDate::MIN, NaiveDate::MAX);
    let mut rows = Rows::default();
    for business in facts.businesses_registered(first, last) {
        let day = facts
            .organizations
            .get(&business.organization)
            .and_then(|record| record.registered_on())
            .unwrap_or(first);
        rows.push(&business, day, Some("registered"));
    }
    for business in facts.businesses_closed(first, last) {
        let day = match facts
            .organizations
            .get(&business.organization)
            .map(|record| &record.state.status)
        {
            Some(wifo_domain::organization::Status::Closed { closed_on }) => *closed_on,
            _ => continue,
        };
        rows.push(&business, day, Some("closed"));
    }
    rows.into_frame(true)
}

#[derive(Default)]
struct Rows {
    organization: Vec<u64>,
    change: Vec<&'static str>,
    day: Vec<i32>,
    region: Vec<Option<String>>,
    section: Vec<Option<String>>,
    size_class: Vec<Option<&'static str>>,
}

impl Rows {
    fn push(&mut self, business: &BusinessOnDay<'_>, day: NaiveDate, change: Option<&'static str>) {
        self.organization.push(business.organization);
        self.change.push(change.unwrap_or(""));
        self.day.push(day_number(day));
        self.region.push(business.region.map(str::to_owned));
        self.section.push(
            business
                .sector
                .and_then(|sector| WzCode::parse(sector).ok())
                .map(|code| code.section().to_string()),
        );
        self.size_class
            .push(business.size_class.map(|class| class.label()));
    }

    fn into_frame(self, with_change: bool) -> PolarsResult<DataFrame> {
        let mut columns = vec![
            Column::new("organization".into(), self.organization),
            Column::new("day".into(), self.day),
            Column::new("region".into(), self.region),
            Column::new("section".into(), self.section),
            Column::new("size_class".into(), self.size_class),
        ];
        if with_change {
            columns.insert(1, Column::new("change".into(), self.change));
        }
        frame(columns)
    }
}
