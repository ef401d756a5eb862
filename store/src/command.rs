//! Command handling, the write path every change takes: load the stream, fold it into state,
//! decide, append with the revision the decision was based on, and on a concurrent write retry a
//! bounded number of times where the command allows it. Returns the global position written, so
//! a caller can wait until projections have caught up with its own write.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wifo_domain::{Decider, stream_name};

use crate::{
    codec::{Codec, CodecError},
    error::StoreError,
    event_store::{EventStore, read_whole_stream},
    types::{ExpectedRevision, Metadata, Position},
};

/// How often a command is decided again after losing a race for its stream.
const MAX_ATTEMPTS: usize = 5;

/// Who issues a command, and when it happened.
#[derive(Clone, Debug)]
pub struct CommandContext {
    pub actor: String,
    pub occurred_at: DateTime<Utc>,
    pub correlation_id: Uuid,
    pub causation_id: Option<Uuid>,
}

impl CommandContext {
    /// A context for `actor` at the current time with a fresh correlation id.
    pub fn now(actor: &str) -> Self {
        Self {
            actor: actor.to_owned(),
            occurred_at: Utc::now(),
            correlation_id: Uuid::now_v7(),
            causation_id: None,
        }
    }
}

/// The result of a handled command.
#[derive(Clone, Debug)]
pub struct CommandOutcome<E> {
    pub stream: String,
    /// The events written (empty if the command changed nothing).
    pub events: Vec<E>,
    /// Revision of the stream's last event after the command (`None`: the stream is empty).
    pub revision: Option<u64>,
    /// Position of the last event written, or the position the decision was read at when
    /// nothing was written.
    pub position: Position,
}

#[derive(Debug, thiserror::Error)]
pub enum CommandError<E: std::error::Error + 'static> {
    /// The domain refused the command.
    #[error(transparent)]
    Rejected(E),
    /// A date of the command cannot be right (after today for something that happened, before
    /// 1900, too far ahead); nothing was decided.
    #[error(transparent)]
    ImplausibleDate(wifo_domain::dates::DateError),
    /// Someone else changed the stream; the command may not be redone blindly (or retries ran out).
    #[error("stream {stream} was changed concurrently (now at revision {actual:?})")]
    Conflict { stream: String, actual: Option<u64> },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Codec(#[from] CodecError),
}

/// Today where the office is, or in UTC if that is later (around midnight): the day against
/// which the dates of a command are checked.
pub fn today() -> chrono::NaiveDate {
    let now = Utc::now();
    now.with_timezone(&chrono::Local)
        .date_naive()
        .max(now.date_naive())
}

/// Executes commands against one store with one codec.
#[derive(Clone, Debug)]
pub struct CommandHandler {
    store: Arc<dyn EventStore>,
    codec: Arc<Codec>,
}

impl CommandHandler {
    pub fn new(store: Arc<dyn EventStore>, codec: Arc<Codec>) -> Self {
        Self { store, codec }
    }

    pub fn store(&self) -> &Arc<dyn EventStore> {
        &self.store
    }

    pub fn codec(&self) -> &Arc<Codec> {
        &self.codec
    }

    /// Loads the current state of a decider's stream with its last revision.
    pub async fn load<D: Decider>(
        &self,
        stream_id: &str,
    ) -> Result<(D::State, Option<u64>, Position), CommandError<D::Error>> {
        let stream = stream_name::<D>(stream_id);
        let recorded = read_whole_stream(self.store.as_ref(), &stream).await?;
        let mut state = D::initial_state();
        for event in &recorded {
            let event: D::Event = self.codec.decode(event)?;
            state = D::evolve(state, &event);
        }
        let revision = recorded.last().map(|event| event.revision);
        let position = recorded
            .last()
            .map_or(Position::START, |event| event.position);
        Ok((state, revision, position))
    }

    /// Decides and appends. `expected`: the revision the user saw, if the command must not apply
    /// to anything newer (then there is no retry).
    pub async fn execute<D: Decider>(
        &self,
        command: &D::Command,
        context: &CommandContext,
        expected: Option<u64>,
    ) -> Result<CommandOutcome<D::Event>, CommandError<D::Error>> {
        wifo_domain::dates::check(&D::dates(command), today())
            .map_err(CommandError::ImplausibleDate)?;
        let stream_id = D::stream_id(command);
        let stream = stream_name::<D>(&stream_id);
        let may_retry = expected.is_none() && D::retry_on_conflict(command);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (state, revision, read_position) = self.load::<D>(&stream_id).await?;
            if let Some(expected) = expected
                && revision != Some(expected)
            {
                return Err(CommandError::Conflict {
                    stream,
                    actual: revision,
                });
            }
            let events = D::decide(command, &state).map_err(CommandError::Rejected)?;
            if events.is_empty() {
                return Ok(CommandOutcome {
                    stream,
                    events,
                    revision,
                    position: read_position,
                });
            }
            let data = events
                .iter()
                .map(|event| {
                    self.codec.encode(
                        event,
                        Uuid::now_v7(),
                        Metadata {
                            actor: context.actor.clone(),
                            occurred_at: context.occurred_at,
                            correlation_id: context.correlation_id,
                            causation_id: context.causation_id,
                            data_subject: None,
                        },
                    )
                })
                .collect::<Result<Vec<_>, _>>()?;
            let expected_revision = match revision {
                Some(revision) => ExpectedRevision::Revision(revision),
                None => ExpectedRevision::NoStream,
            };
            match self.store.append(&stream, expected_revision, data).await {
                Ok(result) => {
                    return Ok(CommandOutcome {
                        stream,
                        events,
                        revision: Some(result.revision),
                        position: result.position,
                    });
                }
                Err(StoreError::WrongExpectedRevision { actual, .. }) => {
                    if !may_retry || attempt >= MAX_ATTEMPTS {
                        return Err(CommandError::Conflict { stream, actual });
                    }
                    tracing::debug!(%stream, attempt, "concurrent write, deciding again");
                }
                Err(error) => return Err(error.into()),
            }
        }
    }
}
