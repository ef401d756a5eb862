//! The event store of wifo: the `EventStore` contract (`event_store.rs`), the embedded SQLite
//! backend (`embedded/`), the KurrentDB backend (`kurrent/`, cargo feature `kurrentdb`), the
//! PostgreSQL backend (`postgres/`, cargo feature `postgres`), the hash chain both the file and
//! PostgreSQL keep (`chain.rs`), the rule for retried appends (`retry.rs`), the
//! subscription of the backends that read their own log (`follow.rs`), the codec that turns domain events into MessagePack payloads and seals
//! personal data (`codec.rs`, `keystore.rs`), and command handling (`command.rs`). It knows the
//! domain only through the `Decider` and `DomainEvent` traits, never a concrete event type.

pub mod any_store;
mod chain;
#[cfg(any(feature = "kurrentdb", feature = "postgres"))]
mod client_thread;
pub mod codec;
pub mod command;
pub mod embedded;
pub mod error;
pub mod event_store;
mod follow;
pub mod keystore;
mod keystore_error;
#[cfg(feature = "kurrentdb")]
pub mod kurrent;
#[cfg(feature = "postgres")]
pub mod postgres;
#[cfg(any(feature = "kurrentdb", feature = "postgres"))]
mod redact;
mod retry;
pub mod shared_keys;
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
#[cfg(feature = "postgres")]
pub use postgres::{PostgresLocation, PostgresStore};
pub use shared_keys::SharedKeys;
pub use types::{
    AppendResult, Direction, EventData, ExpectedRevision, Metadata, Position, RecordedEvent,
};
