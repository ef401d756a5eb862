//! `wifo migrate --from DIR_OR_URL --to DIR_OR_URL`: copies the whole event log from one store
//! to another — embedded to KurrentDB when an office moves onto a cluster, or between data
//! directories — and then proves the copy.
//!
//! - **Preserved:** every event's id, stream, revision, type, schema version, payload and
//!   metadata, in log order. Positions are the target's own (each backend counts its own way)
//!   and so is the storage time (`recorded_at`); `occurred_at` is in the metadata and kept.
//! - **Resumable:** the target is always a prefix of the source, because events are appended in
//!   source order, each stream run atomically with the exact expected revision. A new run finds
//!   the target's newest event in the source (by stream and revision, checked by id) and goes on
//!   after it; nothing is written twice. A target that is not a prefix is refused.
//! - **Verified:** after copying, both logs are read again side by side and compared event by
//!   event (ids, streams, revisions, types, metadata, SHA-256 of the payload) and by count; the
//!   digest over all events is printed for the record.
//!
//! The person keys go along (`migrate_keys.rs`): without them the copied personal data could not
//! be read.

use std::collections::VecDeque;
use std::path::Path;

use crate::error::Context;
use indicatif::{ProgressBar, ProgressStyle};
use sha2::{Digest, Sha256};
use wifo_store::{
    Direction, EventData, EventStore, ExpectedRevision, Position, RecordedEvent, StoreError,
};

use crate::store_location::{self, StoreLocation};

/// Events read from the source per page.
const PAGE: usize = 1024;

/// What one run of the copy did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopyReport {
    /// Events the target already held when this run started.
    pub already_there: u64,
    /// Events copied by this run.
    pub copied: u64,
    /// Whether the source has more events (only when `max_events` stopped the run).
    pub more_to_copy: bool,
}

/// The result of comparing two logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub source_events: u64,
    pub target_events: u64,
    /// SHA-256 over every event's fingerprint in order, hex; equal logs have equal digests.
    pub source_digest: String,
    pub target_digest: String,
    /// The first difference, as a German sentence.
    pub first_difference: Option<String>,
}

impl Comparison {
    pub fn is_identical(&self) -> bool {
        self.first_difference.is_none() && self.source_events == self.target_events
    }
}

/// `wifo migrate`.
pub async fn run(from: &str, to: &str, max_events: Option<u64>) -> crate::error::Result<()> {
    let source_location = StoreLocation::parse(from)?;
    let target_location = StoreLocation::parse(to)?;
    let directories = source_location.directory().zip(target_location.directory());
    if let Some((source_dir, target_dir)) = directories
        && same_directory(source_dir, target_dir)
    {
        crate::refuse!("Quelle und Ziel sind dasselbe Datenverzeichnis.");
    }
    let source = store_location::open(&source_location, false).await?;
    let target = store_location::open(&target_location, true).await?;
    crate::migrate_keys::migrate_keys(&source_location, &target_location).await?;
    let head = source.store.head().await?;
    let bar = ProgressBar::new(head.0);
    bar.set_style(
        ProgressStyle::with_template("{msg} {wide_bar} {percent} % (noch {eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(format!("Kopiere {source_location} → {target_location}"));
    let report = copy_log(
        source.store.as_ref(),
        target.store.as_ref(),
        max_events,
        |position, _copied| bar.set_position(position.0.min(head.0)),
    )
    .await;
    bar.finish_and_clear();
    let report = report?;
    println!(
        "{} Ereignisse kopiert ({} waren schon im Ziel).",
        report.copied, report.already_there
    );
    if report.more_to_copy {
        println!("Grenze --max-events erreicht; ein weiterer Aufruf setzt die Kopie fort.");
        source.close();
        target.close();
        return Ok(());
    }
    println!("Prüfe die Kopie …");
    let comparison = compare_logs(source.store.as_ref(), target.store.as_ref()).await;
    source.close();
    target.close();
    let comparison = comparison?;
    if !comparison.is_identical() {
        crate::refuse!(
            "Die Kopie weicht ab: {} (Quelle {} Ereignisse, Ziel {} Ereignisse)",
            comparison
                .first_difference
                .as_deref()
                .unwrap_or("unterschiedliche Anzahl"),
            comparison.source_events,
            comparison.target_events
        );
    }
    println!(
        "Geprüft: {} Ereignisse in Quelle und Ziel gleich (SHA-256 {}).",
        comparison.source_events, comparison.source_digest
    );
    Ok(())
}

/// Copies every source event the target does not have yet, in order; at most `max_events`
/// in this run. `progress` gets the source position and the count copied so far.
pub async fn copy_log(
    source: &dyn EventStore,
    target: &dyn EventStore,
    max_events: Option<u64>,
    progress: impl Fn(Position, u64),
) -> crate::error::Result<CopyReport> {
    let (mut cursor, already_there) = resume_point(source, target).await?;
    let limit = max_events.unwrap_or(u64::MAX);
    let mut copied = 0u64;
    loop {
        let page = source.read_all(cursor, PAGE).await?;
        if page.is_empty() {
            return Ok(CopyReport {
                already_there,
                copied,
                more_to_copy: false,
            });
        }
        let mut events = page.as_slice();
        while let Some(first) = events.first() {
            if copied == limit {
                return Ok(CopyReport {
                    already_there,
                    copied,
                    more_to_copy: true,
                });
            }
            let same_stream = events
                .iter()
                .take_while(|event| event.stream == first.stream)
                .count();
            let room = usize::try_from(limit - copied).unwrap_or(usize::MAX);
            let (run, rest) = events.split_at(same_stream.min(room));
            append_run(target, run).await?;
            copied += run.len() as u64;
            if let Some(last) = run.last() {
                cursor = last.position;
            }
            progress(cursor, copied);
            events = rest;
        }
    }
}

/// Where the copy goes on: after the source event that is the target's newest, and how many
/// events the target holds already.
async fn resume_point(
    source: &dyn EventStore,
    target: &dyn EventStore,
) -> crate::error::Result<(Position, u64)> {
    let target_head = target.head().await?;
    if target_head == Position::START {
        return Ok((Position::START, 0));
    }
    let newest = target
        .read_all_range(Position(target_head.0.saturating_sub(1)), target_head)
        .await?;
    let Some(newest) = newest.last() else {
        crate::refuse!("Das Ziel meldet Ereignisse, liefert aber keines.");
    };
    let in_source = source
        .read_stream(&newest.stream, newest.revision, Direction::Forward, 1)
        .await?;
    match in_source.first() {
        Some(event) if event.id == newest.id => {
            let already_there = count_events(target).await?;
            Ok((event.position, already_there))
        }
        _ => crate::refuse!(
            "Das Ziel enthält schon Ereignisse, die nicht aus dieser Quelle stammen \
             (neuestes: {} Revision {}, Id {}). Ein leeres Ziel verwenden.",
            newest.stream,
            newest.revision,
            newest.id
        ),
    }
}

/// Appends events of one stream with the revision they have in the source.
async fn append_run(target: &dyn EventStore, run: &[RecordedEvent]) -> crate::error::Result<()> {
    let Some(first) = run.first() else {
        return Ok(());
    };
    let expected = match first.revision {
        0 => ExpectedRevision::NoStream,
        revision => ExpectedRevision::Revision(revision - 1),
    };
    let events = run
        .iter()
        .map(|event| EventData {
            id: event.id,
            event_type: event.event_type.clone(),
            schema_version: event.schema_version,
            payload: event.payload.clone(),
            metadata: event.metadata.clone(),
        })
        .collect();
    match target.append(&first.stream, expected, events).await {
        Ok(_) => Ok(()),
        Err(StoreError::WrongExpectedRevision { actual, .. }) => crate::refuse!(
            "Im Ziel hat der Stream {} schon die Revision {actual:?}, die Quelle setzt bei {} an: \
             das Ziel ist keine frühere Kopie dieser Quelle.",
            first.stream,
            first.revision
        ),
        Err(error) => {
            Err(error).with_context(|| format!("Kopieren in den Stream {}", first.stream))
        }
    }
}

async fn count_events(store: &dyn EventStore) -> crate::error::Result<u64> {
    let mut count = 0u64;
    let mut cursor = Position::START;
    loop {
        let page = store.read_all(cursor, 4096).await?;
        let Some(last) = page.last() else {
            return Ok(count);
        };
        cursor = last.position;
        count += page.len() as u64;
    }
}

/// Reads both logs in order and compares them event by event.
pub async fn compare_logs(
    source: &dyn EventStore,
    target: &dyn EventStore,
) -> crate::error::Result<Comparison> {
    let mut source_reader = LogReader::new(source);
    let mut target_reader = LogReader::new(target);
    let mut source_digest = Sha256::new();
    let mut target_digest = Sha256::new();
    let (mut source_events, mut target_events) = (0u64, 0u64);
    let mut first_difference = None;
    loop {
        let left = source_reader.next().await?;
        let right = target_reader.next().await?;
        if left.is_none() && right.is_none() {
            break;
        }
        if let Some(event) = &left {
            source_events += 1;
            source_digest.update(fingerprint(event));
        }
        if let Some(event) = &right {
            target_events += 1;
            target_digest.update(fingerprint(event));
        }
        if first_difference.is_none() {
            let index = source_events.max(target_events);
            first_difference = difference(left.as_ref(), right.as_ref())
                .map(|what| format!("Ereignis Nr. {index}: {what}"));
        }
    }
    Ok(Comparison {
        source_events,
        target_events,
        source_digest: hex::encode(source_digest.finalize()),
        target_digest: hex::encode(target_digest.finalize()),
        first_difference,
    })
}

/// What differs between two events at the same place in the logs (positions may differ).
fn difference(left: Option<&RecordedEvent>, right: Option<&RecordedEvent>) -> Option<String> {
    match (left, right) {
        (Some(_), None) => Some("fehlt im Ziel".into()),
        (None, Some(_)) => Some("steht nur im Ziel".into()),
        (None, None) => None,
        (Some(left), Some(right)) => {
            if left.id != right.id {
                Some(format!("Id {} statt {}", right.id, left.id))
            } else if left.stream != right.stream || left.revision != right.revision {
                Some(format!(
                    "{} Revision {} statt {} Revision {}",
                    right.stream, right.revision, left.stream, left.revision
                ))
            } else if left.event_type != right.event_type
                || left.schema_version != right.schema_version
            {
                Some(format!(
                    "Typ {} statt {}",
                    right.event_type, left.event_type
                ))
            } else if left.metadata != right.metadata {
                Some(format!("Metadaten von {} weichen ab", left.id))
            } else if Sha256::digest(&left.payload) != Sha256::digest(&right.payload) {
                Some(format!("Inhalt (SHA-256) von {} weicht ab", left.id))
            } else {
                None
            }
        }
    }
}

/// SHA-256 over what the copy preserves of one event.
fn fingerprint(event: &RecordedEvent) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(event.id.as_bytes());
    hash.update(event.stream.as_bytes());
    hash.update([0]);
    hash.update(event.revision.to_be_bytes());
    hash.update(event.event_type.as_bytes());
    hash.update([0]);
    hash.update(event.schema_version.to_be_bytes());
    hash.update(event.metadata.actor.as_bytes());
    hash.update([0]);
    hash.update(event.metadata.occurred_at.timestamp_micros().to_be_bytes());
    hash.update(event.metadata.correlation_id.as_bytes());
    hash.update(event.metadata.causation_id.unwrap_or_default().as_bytes());
    hash.update(event.metadata.data_subject.unwrap_or_default().as_bytes());
    hash.update(Sha256::digest(&event.payload));
    hash.finalize().into()
}

/// Reads a whole log one event at a time, a page behind the scenes.
struct LogReader<'a> {
    store: &'a dyn EventStore,
    cursor: Position,
    buffer: VecDeque<RecordedEvent>,
    done: bool,
}

impl<'a> LogReader<'a> {
    fn new(store: &'a dyn EventStore) -> Self {
        Self {
            store,
            cursor: Position::START,
            buffer: VecDeque::new(),
            done: false,
        }
    }

    async fn next(&mut self) -> Result<Option<RecordedEvent>, StoreError> {
        if self.buffer.is_empty() && !self.done {
            let page = self.store.read_all(self.cursor, PAGE).await?;
            match page.last() {
                Some(last) => self.cursor = last.position,
                None => self.done = true,
            }
            self.buffer.extend(page);
        }
        Ok(self.buffer.pop_front())
    }
}

fn same_directory(left: &Path, right: &Path) -> bool {
    match (left.canonicalize(), right.canonicalize()) {
        (Ok(left), Ok(right)) => left == right,
        _ => left == right,
    }
}
