//! The decider pattern every stream follows: `decide` turns a command and the current state into
//! new events (or a typed refusal), `evolve` folds one event into the state, and the initial state
//! is `Default`. Nothing here does IO, so every business rule is testable as given/when/then.

use std::fmt::Debug;

use serde::{Serialize, de::DeserializeOwned};
use uuid::Uuid;

/// A stream's event enum. Its serde form is the compatibility promise of the log: every variant
/// is a struct variant renamed to its stable type name (`OrganizationRegistered`), fields are
/// never renamed, and a changed shape gets a new schema version and an upcaster in the store.
pub trait DomainEvent:
    Serialize + DeserializeOwned + Clone + Debug + PartialEq + Send + Sync
{
    /// The stable type names of all variants.
    const TYPE_NAMES: &'static [&'static str];

    /// The schema version written for new events of this type.
    fn schema_version(_event_type: &str) -> u16 {
        1
    }

    /// The person whose key encrypts this event's `personal` field, if it has one.
    fn data_subject(&self) -> Option<Uuid> {
        None
    }
}

/// One event stream's business rules.
///
/// Implementors are marker types (`Organization`, `Visit`, …); the stream's data lives in
/// `State`, which is rebuilt by folding the stream's events with `evolve`.
pub trait Decider {
    /// The stream category, the part of the stream name before the first `-`.
    const CATEGORY: &'static str;
    type Command: Debug;
    type Event: DomainEvent;
    type State: Default + Clone + Debug + PartialEq;
    type Error: std::error::Error + Send + Sync + 'static;

    /// The id part of the stream name this command is addressed to.
    fn stream_id(command: &Self::Command) -> String;

    /// The business dates the command carries and what each one is; the command handler
    /// checks them (`dates::check`) before deciding. Commands without dates name none.
    fn dates(_command: &Self::Command) -> Vec<crate::dates::BusinessDate> {
        Vec::new()
    }

    /// Decides which events the command causes in the given state, or refuses it.
    fn decide(
        command: &Self::Command,
        state: &Self::State,
    ) -> Result<Vec<Self::Event>, Self::Error>;

    /// Folds one event into the state. Must accept every event `decide` ever produced, including
    /// old ones: it never fails.
    fn evolve(state: Self::State, event: &Self::Event) -> Self::State;

    /// Whether the command may be decided again on fresh state after a concurrent write to its
    /// stream. Commands whose meaning depends on what the user saw should say `false`.
    fn retry_on_conflict(_command: &Self::Command) -> bool {
        true
    }

    fn initial_state() -> Self::State {
        Self::State::default()
    }

    /// The state after all given events.
    fn fold<'a>(events: impl IntoIterator<Item = &'a Self::Event>) -> Self::State
    where
        Self::Event: 'a,
    {
        events.into_iter().fold(Self::initial_state(), Self::evolve)
    }
}

/// Full stream name for a decider's stream id: `{category}-{id}`.
pub fn stream_name<D: Decider>(stream_id: &str) -> String {
    format!("{}-{}", D::CATEGORY, stream_id)
}

/// Given/when/then harness for decider tests: `given(events).when(command)` runs `decide` on the
/// folded state, `then` / `then_error` compare the outcome.
#[cfg(test)]
pub(crate) mod spec {
    use super::Decider;

    pub(crate) struct Given<D: Decider> {
        state: D::State,
    }

    pub(crate) fn given<D: Decider>(events: Vec<D::Event>) -> Given<D> {
        Given {
            state: D::fold(&events),
        }
    }

    pub(crate) struct When<D: Decider> {
        outcome: Result<Vec<D::Event>, D::Error>,
    }

    impl<D: Decider> Given<D> {
        pub(crate) fn when(self, command: D::Command) -> When<D> {
            When {
                outcome: D::decide(&command, &self.state),
            }
        }
    }

    impl<D: Decider> When<D>
    where
        D::Error: PartialEq,
    {
        #[track_caller]
        pub(crate) fn then(self, expected: Vec<D::Event>) {
            match self.outcome {
                Ok(events) => assert_eq!(events, expected),
                Err(error) => panic!("expected events, got refusal: {error:?}"),
            }
        }

        #[track_caller]
        pub(crate) fn then_error(self, expected: D::Error) {
            match self.outcome {
                Ok(events) => panic!("expected refusal {expected:?}, got events: {events:?}"),
                Err(error) => assert_eq!(error, expected),
            }
        }
    }
}
