//! The history of one record: every event of its stream in order, decoded (personal data opened
//! where the person's key exists), with when and by whom it was recorded. A record's page and
//! the API's answer show it beside the record's state; it is read from the log itself, so
//! nothing a view leaves out (a description, a note sent with a referral, a visit's notes) is
//! lost to the reader.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use wifo_domain::{Decider, stream_name};
use wifo_store::event_store::read_whole_stream;

use crate::error::Result;
use crate::office::Office;

/// One event of a record's history.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Recorded<E> {
    /// The event's position in the log.
    pub position: u64,
    /// The stable event type (`VisitConducted`).
    #[serde(rename = "type")]
    pub event_type: String,
    /// The day it happened (business time: the events' `occurred_at`).
    pub occurred_on: NaiveDate,
    /// When it was written to the log.
    pub recorded_at: DateTime<Utc>,
    /// Who wrote it (login name, or `system`, `demo`, `import`).
    pub recorded_by: String,
    pub event: E,
}

impl Office {
    /// Every event of the stream of `D` with the id `id` (an unknown id has none).
    pub async fn history<D: Decider>(&self, id: &str) -> Result<Vec<Recorded<D::Event>>> {
        let stream = stream_name::<D>(id);
        let recorded = read_whole_stream(&self.data.store, &stream).await?;
        recorded
            .iter()
            .map(|event| {
                Ok(Recorded {
                    position: event.position.0,
                    event_type: event.event_type.clone(),
                    occurred_on: event.metadata.occurred_at.date_naive(),
                    recorded_at: event.recorded_at,
                    recorded_by: event.metadata.actor.clone(),
                    event: self.data.codec.decode(event)?,
                })
            })
            .collect()
    }
}
