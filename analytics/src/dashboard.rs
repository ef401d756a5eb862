//! The figures of the lead's dashboard — the key figures of a period against the same days a
//! year earlier (`key_figures`) and the coverage per Bezirksregion today and a year ago —
//! computed once per state of the views: a `DashboardCache` answers every further request for
//! the same period and day from memory until the next event is applied.
//!
//! Building the frames and walking every organization for the coverage takes about 160 ms on a
//! million events; the views change only when an event is applied, so a lead who reloads the
//! dashboard, or ten leads who open it in a minute without a write in between, pay that once.

use std::sync::{Arc, Mutex};

use chrono::{Months, NaiveDate};
use wifo_domain::values::RegionLevel;
use wifo_projections::Projections;
use wifo_projections::queries::coverage::{RegionCoverage, region_coverage};

use crate::{AnalyticsError, Frames, KeyFigures, ReportRequest, key_figures};

/// What the dashboard shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub figures: KeyFigures,
    /// Coverage per Bezirksregion on the day asked for.
    pub coverage: Vec<RegionCoverage>,
    /// The same twelve months earlier.
    pub coverage_year_ago: Vec<RegionCoverage>,
}

/// Computes the dashboard of `request` on `day` from the views of `projections`. The views are
/// read only while the frames and the coverage are taken; the statistics run without the lock.
pub fn dashboard(
    projections: &Projections,
    request: &ReportRequest,
    day: NaiveDate,
) -> Result<Dashboard, AnalyticsError> {
    let views = projections.read();
    let frames = Frames::for_report(&views.facts, request.from, request.to)?;
    let year_ago = day.checked_sub_months(Months::new(12)).unwrap_or(day);
    let coverage = region_coverage(&views, RegionLevel::Bezirksregion, day);
    let coverage_year_ago = region_coverage(&views, RegionLevel::Bezirksregion, year_ago);
    drop(views);
    Ok(Dashboard {
        figures: key_figures(&frames, None, request)?,
        coverage,
        coverage_year_ago,
    })
}

/// The state of the views and the question a cached dashboard answers.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    /// Events applied to the views (grows with every event, so any write invalidates).
    events: u64,
    request: ReportRequest,
    day: NaiveDate,
}

/// The last dashboard computed, with the state of the views it was computed from.
#[derive(Debug, Default)]
pub struct DashboardCache {
    last: Mutex<Option<(Key, Arc<Dashboard>)>>,
}

impl DashboardCache {
    /// The dashboard of `request` on `day`: from memory when nothing was applied to the views
    /// since it was computed for the same request and day, else computed (and kept) now.
    pub fn get(
        &self,
        projections: &Projections,
        request: &ReportRequest,
        day: NaiveDate,
    ) -> Result<Arc<Dashboard>, AnalyticsError> {
        let key = Key {
            events: projections.read().events,
            request: request.clone(),
            day,
        };
        if let Some((cached, dashboard)) = &*self.lock()
            && *cached == key
        {
            return Ok(dashboard.clone());
        }
        // Computed without holding the cache, so a slow computation blocks no other request;
        // two requests that miss at once both compute, and the later one is kept.
        let computed = Arc::new(dashboard(projections, request, day)?);
        // The views may have moved on while computing: keep the state they had at the start,
        // so the next request sees that it changed and computes again.
        *self.lock() = Some((key, computed.clone()));
        Ok(computed)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Key, Arc<Dashboard>)>> {
        // A panic during a computation happens outside the lock; what is stored stays whole.
        self.last
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
