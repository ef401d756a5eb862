//! `wifo events`: looking into the log without knowing its event types. `stats` counts events,
//! streams and events per type over the whole log; `tail` shows the newest events readably, with
//! personal data opened where the person's key exists and shown as „gelöscht“ where it was
//! erased. Both read through the `EventStore` trait and the codec only.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use chrono::{DateTime, Local, Utc};
use rmpv::Value;
use serde::Serialize;
use wifo_domain::personal::ERASED_LABEL;
use wifo_store::{EventStore, Position, RecordedEvent, codec::PERSONAL_FIELD};

use crate::data_dir::DataDir;

/// How many events a page of the global log holds.
const PAGE: usize = 10_000;

/// Counts over the whole log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub events: u64,
    pub streams: u64,
    pub by_type: BTreeMap<String, u64>,
}

/// Reads the whole log page by page and counts it.
pub async fn stats(data: &DataDir) -> crate::error::Result<Stats> {
    let mut stats = Stats::default();
    let mut streams: HashSet<String> = HashSet::new();
    let mut after = Position::START;
    loop {
        let page = data.store.read_all(after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for event in &page {
            stats.events += 1;
            *stats.by_type.entry(event.event_type.clone()).or_default() += 1;
            if !streams.contains(&event.stream) {
                streams.insert(event.stream.clone());
            }
        }
        if page.len() < PAGE {
            break;
        }
    }
    stats.streams = streams.len() as u64;
    Ok(stats)
}

/// The German table `wifo events stats` prints.
pub fn stats_table(stats: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Ereignisse: {}", stats.events);
    let _ = writeln!(out, "Streams:    {}", stats.streams);
    if stats.by_type.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\n{:<34} {:>10}", "Ereignistyp", "Anzahl");
    let mut by_count: Vec<_> = stats.by_type.iter().collect();
    by_count.sort_by(|(a_type, a), (b_type, b)| b.cmp(a).then(a_type.cmp(b_type)));
    for (event_type, count) in by_count {
        let _ = writeln!(out, "{event_type:<34} {count:>10}");
    }
    out
}

/// German name of a stream category.
pub fn category_label(category: &str) -> &str {
    match category {
        "organization" => "Organisationen",
        "person" => "Personen",
        "visit" => "Betriebsbesuche",
        "contact" => "Kontakte",
        "inquiry" => "Anliegen",
        "cooperation" => "Kooperationen",
        "gathering" => "Veranstaltungen",
        "retreat" => "Klausuren",
        "reminder" => "Wiedervorlagen",
        "taxonomy" => "Klassifikationen",
        "user" => "Benutzer",
        other => other,
    }
}

/// One event as `tail` shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TailEntry {
    pub position: u64,
    pub recorded_at: DateTime<Utc>,
    pub stream: String,
    pub event_type: String,
    pub actor: String,
    pub payload: serde_json::Value,
}

/// The newest `count` events, oldest first.
pub async fn tail(data: &DataDir, count: usize) -> crate::error::Result<Vec<TailEntry>> {
    if count == 0 {
        return Ok(Vec::new());
    }
    let head = data.store.head().await?;
    // Positions of the embedded store have no gaps, so the page before the head is the tail;
    // a backend with gaps would return fewer, and then the whole log is scanned.
    let mut newest = data
        .store
        .read_all(Position(head.0.saturating_sub(count as u64)), count)
        .await?;
    if newest.len() < count && newest.first().is_some_and(|e| e.position.0 > 1) {
        newest = scan_tail(data.store.clone(), count).await?;
    }
    newest
        .iter()
        .map(|event| {
            let value = data.codec.open_value(event)?;
            Ok(TailEntry {
                position: event.position.0,
                recorded_at: event.recorded_at,
                stream: event.stream.clone(),
                event_type: event.event_type.clone(),
                actor: event.metadata.actor.clone(),
                payload: payload_json(&value, event.metadata.data_subject.is_some()),
            })
        })
        .collect()
}

async fn scan_tail(
    store: impl EventStore,
    count: usize,
) -> crate::error::Result<Vec<RecordedEvent>> {
    let mut ring = std::collections::VecDeque::with_capacity(count);
    let mut after = Position::START;
    loop {
        let page = store.read_all(after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        let full = page.len() == PAGE;
        for event in page {
            if ring.len() == count {
                ring.pop_front();
            }
            ring.push_back(event);
        }
        if !full {
            break;
        }
    }
    Ok(ring.into())
}

/// One line of `wifo events tail`: position, local time, stream, type, actor, payload.
pub fn format_tail_entry(entry: &TailEntry) -> String {
    let local = entry.recorded_at.with_timezone(&Local);
    format!(
        "{:>8}  {}  {}  {}  {}  {}",
        entry.position,
        local.format("%d.%m.%Y %H:%M"),
        entry.stream,
        entry.event_type,
        entry.actor,
        entry.payload
    )
}

/// A MessagePack payload as JSON. Ids (16-byte binaries) become UUID text, other binaries hex;
/// with `has_subject`, an emptied `personal` field reads „gelöscht“.
pub fn payload_json(value: &Value, has_subject: bool) -> serde_json::Value {
    if has_subject && let Value::Map(entries) = value {
        let mut object = serde_json::Map::new();
        for (key, field) in entries {
            let key = key_text(key);
            let json = if key == PERSONAL_FIELD && field.is_nil() {
                serde_json::Value::String(ERASED_LABEL.to_owned())
            } else {
                to_json(field)
            };
            object.insert(key, json);
        }
        return serde_json::Value::Object(object);
    }
    to_json(value)
}

fn to_json(value: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        Value::Nil => J::Null,
        Value::Boolean(b) => J::Bool(*b),
        Value::Integer(i) => i
            .as_i64()
            .map(J::from)
            .or_else(|| i.as_u64().map(J::from))
            .unwrap_or(J::Null),
        Value::F32(f) => serde_json::Number::from_f64(f64::from(*f)).map_or(J::Null, J::Number),
        Value::F64(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::String(s) => J::String(s.as_str().map_or_else(
            || String::from_utf8_lossy(s.as_bytes()).into_owned(),
            str::to_owned,
        )),
        Value::Binary(bytes) => J::String(binary_text(bytes)),
        Value::Array(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|(key, field)| (key_text(key), to_json(field)))
                .collect(),
        ),
        Value::Ext(kind, bytes) => serde_json::json!({ "ext": kind, "hex": hex(bytes) }),
    }
}

fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.as_str().map_or_else(
            || String::from_utf8_lossy(s.as_bytes()).into_owned(),
            str::to_owned,
        ),
        other => to_json(other).to_string(),
    }
}

fn binary_text(bytes: &[u8]) -> String {
    match uuid::Uuid::from_slice(bytes) {
        Ok(uuid) if bytes.len() == 16 => uuid.to_string(),
        _ => hex(bytes),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
