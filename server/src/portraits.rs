//! Computing region overviews and portraits for the pages and the API alike: the frames are
//! copied out of the views (holding them only that long), the figures are computed off the
//! async runtime by `wifo_analytics::portrait`, and the outlines of the office's regions come
//! along for the maps.

use std::collections::BTreeMap;

use wifo_analytics::{
    AnalyticsError, Frames, ReportRequest, labels,
    portrait::{RegionOverview, RegionPortrait},
};
use wifo_domain::{
    taxonomy::DrawnOutline,
    values::{RegionCode, RegionLevel},
};

use crate::state::AppState;

/// Outlines by region code.
pub(crate) type Outlines = BTreeMap<String, DrawnOutline>;

/// The overviews of the Prognoseräume (the maps) and the Bezirksregionen (the table).
pub(crate) struct Overviews {
    pub prognoseraeume: RegionOverview,
    pub bezirksregionen: RegionOverview,
    pub outlines: Outlines,
}

/// Why a portrait could not be computed.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PortraitError {
    #[error("Die Region {0} ist nicht angelegt")]
    UnknownRegion(String),
    #[error(transparent)]
    Analytics(#[from] AnalyticsError),
    #[error("Berechnung abgebrochen: {0}")]
    Task(#[from] tokio::task::JoinError),
}

fn outlines(views: &wifo_projections::Views) -> Outlines {
    views
        .facts
        .taxonomies
        .get("regions")
        .map(|state| state.outlines.clone())
        .unwrap_or_default()
}

pub(crate) async fn overviews(
    state: &AppState,
    request: ReportRequest,
) -> Result<Overviews, PortraitError> {
    let projections = state.projections.clone();
    let computed = tokio::task::spawn_blocking(move || {
        let views = projections.read();
        let frames = Frames::for_report(&views.facts, request.from, request.to)?;
        let labels = labels(&views.facts);
        let outlines = outlines(&views);
        drop(views);
        let overview =
            |level| wifo_analytics::portrait::overview(&frames, &labels, &request, level);
        Ok::<_, AnalyticsError>(Overviews {
            prognoseraeume: overview(RegionLevel::Prognoseraum)?,
            bezirksregionen: overview(RegionLevel::Bezirksregion)?,
            outlines,
        })
    })
    .await?;
    Ok(computed?)
}

pub(crate) async fn portrait(
    state: &AppState,
    request: ReportRequest,
    region: RegionCode,
) -> Result<(RegionPortrait, Outlines), PortraitError> {
    let projections = state.projections.clone();
    tokio::task::spawn_blocking(move || {
        let views = projections.read();
        let labels = labels(&views.facts);
        if !labels.regions.contains_key(region.as_str()) {
            return Err(PortraitError::UnknownRegion(region.to_string()));
        }
        let frames = Frames::for_report(&views.facts, request.from, request.to)
            .map_err(AnalyticsError::from)?;
        let outlines = outlines(&views);
        drop(views);
        let portrait = wifo_analytics::portrait::portrait(&frames, &labels, &request, &region)?;
        Ok((portrait, outlines))
    })
    .await?
}
