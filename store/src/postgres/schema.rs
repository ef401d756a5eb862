//! The tables of one office (one schema per tenant) and the SQL that names them. `events` holds
//! the log: its primary key is the dense global position, and the unique constraints enforce
//! what no code path may bypass — one event per (stream, revision), one row per event id. `head`
//! is a single row with the newest position and its hash-chain link: every append locks it
//! (see `append.rs`), which is what orders appends across processes and instances.
//! `person_keys` holds the wrapped person keys and `master_check` the digest of the master key
//! they are wrapped with (see `keys.rs`).
//!
//! The tenant name was checked when the location was parsed (`[a-z][a-z0-9_]*`), so it is
//! written into the SQL as it is; every table name is qualified with it, whatever the
//! connection's `search_path` says.

use crate::error::StoreError;

/// Serialises the creation of schemas across processes: `CREATE … IF NOT EXISTS` alone can race.
const CREATE_LOCK: i64 = 0x7769_666f_7363_6865; // "wifosche"

/// The SQL of one tenant, built once.
#[derive(Debug)]
pub(crate) struct Sql {
    pub(crate) tenant: String,
    /// The NOTIFY channel the appends of this tenant wake subscribers on.
    pub(crate) channel: String,
    pub(crate) lock_head: String,
    pub(crate) head: String,
    pub(crate) stream_revision: String,
    pub(crate) notify: String,
    pub(crate) stored_ids: String,
    pub(crate) insert_events: String,
    pub(crate) update_head: String,
    pub(crate) read_stream_forward: String,
    pub(crate) read_stream_backward: String,
    pub(crate) read_all: String,
    pub(crate) read_all_range: String,
    pub(crate) read_all_hashed: String,
    pub(crate) load_key: String,
    pub(crate) insert_key: String,
    pub(crate) delete_key: String,
    pub(crate) count_keys: String,
    pub(crate) all_keys: String,
    pub(crate) insert_master_check: String,
    pub(crate) master_check: String,
}

/// The columns of a `RecordedEvent`, in the order `reads.rs` converts them.
pub(crate) const COLUMNS: &str = "position, stream, revision, id, event_type, schema_version, \
     payload, actor, occurred_at, correlation_id, causation_id, data_subject, recorded_at";

impl Sql {
    pub(crate) fn new(tenant: &str) -> Self {
        let t = tenant;
        Self {
            tenant: t.to_owned(),
            channel: format!("{t}_events"),
            lock_head: format!("SELECT position, hash FROM {t}.head FOR UPDATE"),
            head: format!("SELECT position FROM {t}.head"),
            stream_revision: format!("SELECT MAX(revision) FROM {t}.events WHERE stream = $1"),
            notify: "SELECT pg_notify($1, $2)".to_owned(),
            stored_ids: format!(
                "SELECT id, stream, revision, position FROM {t}.events WHERE id = ANY($1)"
            ),
            insert_events: format!(
                "INSERT INTO {t}.events ({COLUMNS}, hash) SELECT * FROM UNNEST(\
                 $1::bigint[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::integer[], \
                 $7::bytea[], $8::text[], $9::timestamptz[], $10::uuid[], $11::uuid[], \
                 $12::uuid[], $13::timestamptz[], $14::bytea[])"
            ),
            update_head: format!("UPDATE {t}.head SET position = $1, hash = $2"),
            read_stream_forward: format!(
                "SELECT {COLUMNS} FROM {t}.events WHERE stream = $1 AND revision >= $2 \
                 ORDER BY revision LIMIT $3"
            ),
            read_stream_backward: format!(
                "SELECT {COLUMNS} FROM {t}.events WHERE stream = $1 AND revision <= $2 \
                 ORDER BY revision DESC LIMIT $3"
            ),
            read_all: format!(
                "SELECT {COLUMNS} FROM {t}.events WHERE position > $1 ORDER BY position LIMIT $2"
            ),
            read_all_range: format!(
                "SELECT {COLUMNS} FROM {t}.events WHERE position > $1 AND position <= $2 \
                 ORDER BY position"
            ),
            read_all_hashed: format!(
                "SELECT {COLUMNS}, hash FROM {t}.events WHERE position > $1 \
                 ORDER BY position LIMIT $2"
            ),
            load_key: format!("SELECT wrapped FROM {t}.person_keys WHERE person = $1"),
            insert_key: format!(
                "INSERT INTO {t}.person_keys (person, wrapped) VALUES ($1, $2) \
                 ON CONFLICT (person) DO NOTHING"
            ),
            delete_key: format!("DELETE FROM {t}.person_keys WHERE person = $1"),
            count_keys: format!("SELECT COUNT(*) FROM {t}.person_keys"),
            all_keys: format!("SELECT person, wrapped FROM {t}.person_keys ORDER BY person"),
            insert_master_check: format!(
                "INSERT INTO {t}.master_check (digest) VALUES ($1) ON CONFLICT DO NOTHING"
            ),
            master_check: format!("SELECT digest FROM {t}.master_check"),
        }
    }
}

/// Creates the tenant's schema and tables if they are missing. One simple query with several
/// statements runs as one transaction, so a failure leaves nothing half made.
pub(crate) async fn ensure(
    client: &tokio_postgres::Client,
    tenant: &str,
) -> Result<(), StoreError> {
    let t = tenant;
    client
        .batch_execute(&format!(
            "SELECT pg_advisory_xact_lock({CREATE_LOCK});
             CREATE SCHEMA IF NOT EXISTS {t};
             CREATE TABLE IF NOT EXISTS {t}.events (
                 position       bigint      PRIMARY KEY,
                 stream         text        NOT NULL,
                 revision       bigint      NOT NULL,
                 id             uuid        NOT NULL UNIQUE,
                 event_type     text        NOT NULL,
                 schema_version integer     NOT NULL,
                 payload        bytea       NOT NULL,
                 actor          text        NOT NULL,
                 occurred_at    timestamptz NOT NULL,
                 correlation_id uuid        NOT NULL,
                 causation_id   uuid,
                 data_subject   uuid,
                 recorded_at    timestamptz NOT NULL,
                 hash           bytea       NOT NULL, -- SHA-256 over the previous hash and this row
                 UNIQUE (stream, revision)
             );
             CREATE TABLE IF NOT EXISTS {t}.head (
                 only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                 position bigint  NOT NULL,
                 hash     bytea   NOT NULL
             );
             INSERT INTO {t}.head (only_row, position, hash)
                 VALUES (true, 0, decode(repeat('00', 32), 'hex')) ON CONFLICT DO NOTHING;
             CREATE TABLE IF NOT EXISTS {t}.person_keys (
                 person  uuid  PRIMARY KEY,
                 wrapped bytea NOT NULL
             );
             CREATE TABLE IF NOT EXISTS {t}.master_check (
                 only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                 digest   bytea   NOT NULL
             );"
        ))
        .await?;
    Ok(())
}
