//! The event store of wifo: the `EventStore` contract (`event_store.rs`), the embedded SQLite
//! backend (`embedded/`), the KurrentDB backend (`kurrent/`, cargo feature `kurrentdb`), the hash
//! chain of the file (`chain.rs`), the rule for retried appends (`retry.rs`), the codec that turns domain events into MessagePack payloads and seals
//! personal data (`codec.rs`, `keystore.rs`), and command handling (`command.rs`). It knows the
//! domain only through the `Decider` and `DomainEvent` traits, never a concrete event type.

pub mod any_store;
mod chain;
pub mod codec;
pub mod command;
pub mod embedded;
pub mod error;
pub mod event_store;
pub mod keystore;
mod keystore_error;
#[cfg(feature = "kurrentdb")]
pub mod kurrent;
#[cfg(feature = "kurrentdb")]
mod redact;
mod retry;
pub mod types;

pub use any_store::AnyStore;
pub use chain::VerifyReport;
pub use codec::Codec;
pub use command::{CommandContext, CommandError, CommandHandler, CommandOutcome};
pub use embedded::SqliteStore;
pub use error::StoreError;
pub use event_store::{EventStore, Subscription, read_whole_stream};
pub use keystore::KeyStore;
#[cfg(feature = "kurrentdb")]
pub use kurrent::{KurrentLocation, KurrentStore};
pub use types::{
    AppendResult, Direction, EventData, ExpectedRevision, Metadata, Position, RecordedEvent,
};
