//! How `KurrentStore` reads from the server: `$all` pages with the office filter and stream
//! reads, turned into wifo's events identified by their server offset (`ServerEvent`), before
//! `ordinals.rs` numbers them.

use kurrentdb::{ReadAllOptions, ReadStreamOptions, ResolvedEvent, StreamPosition};

use crate::{
    error::StoreError,
    kurrent::{KurrentStore, ServerEvent, errors, metadata, position, streams},
    types::{Direction, Position, RecordedEvent},
};

impl KurrentStore {
    /// wifo's event of a resolved server event (position not yet set), or `None` for a stream
    /// outside this office's log.
    pub(crate) fn recorded(
        &self,
        resolved: &ResolvedEvent,
    ) -> Result<Option<ServerEvent>, StoreError> {
        let event = resolved.get_original_event();
        let Some(stream) = streams::from_server(self.tenant(), event.stream_id()) else {
            return Ok(None);
        };
        let offset = position::offset_of(event.position);
        let (metadata, schema_version) = metadata::decode(&event.custom_metadata, offset)?;
        Ok(Some(ServerEvent {
            offset,
            event: RecordedEvent {
                position: Position::START,
                stream,
                revision: event.revision,
                id: event.id,
                event_type: event.event_type.clone(),
                schema_version,
                payload: event.data.to_vec(),
                metadata,
                recorded_at: event.created,
            },
        }))
    }

    /// Up to `limit` events of the office's log after the event at `after` (a server offset;
    /// `None`: from the start), in order.
    pub(super) async fn read_server_page(
        &self,
        after: Option<u64>,
        limit: usize,
    ) -> Result<Vec<ServerEvent>, StoreError> {
        let (start, count) = match after {
            None => (StreamPosition::Start, limit),
            // The server reads inclusively: one more for the event at `after` itself.
            Some(offset) => (
                StreamPosition::Position(position::to_server(offset)),
                limit.saturating_add(1),
            ),
        };
        let options = ReadAllOptions::default()
            .position(start)
            .forwards()
            .max_count(count)
            .filter(streams::filter(self.tenant()));
        let mut events = self.read_all_with(options).await?;
        events.retain(|event| after.is_none_or(|after| event.offset > after));
        events.truncate(limit);
        Ok(events)
    }

    pub(super) async fn read_all_with(
        &self,
        options: ReadAllOptions,
    ) -> Result<Vec<ServerEvent>, StoreError> {
        let mut read = self
            .client()
            .read_all(&options)
            .await
            .map_err(errors::from_client)?;
        let mut events = Vec::new();
        while let Some(resolved) = read.next().await.map_err(errors::from_client)? {
            if let Some(event) = self.recorded(&resolved)? {
                events.push(event);
            }
        }
        Ok(events)
    }

    /// A stream read as the server answers it.
    pub(super) async fn read_stream_server(
        &self,
        stream: &str,
        from: u64,
        direction: Direction,
        limit: usize,
    ) -> Result<Vec<ServerEvent>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let options = match direction {
            Direction::Forward => ReadStreamOptions::default()
                .position(StreamPosition::Position(from))
                .forwards(),
            Direction::Backward if from == u64::MAX => {
                ReadStreamOptions::default().position(StreamPosition::End)
            }
            Direction::Backward => ReadStreamOptions::default()
                .position(StreamPosition::Position(from))
                .backwards(),
        }
        .max_count(limit);
        let name = streams::to_server(self.tenant(), stream);
        let mut read = match self.client().read_stream(name, &options).await {
            Ok(read) => read,
            Err(kurrentdb::Error::ResourceNotFound | kurrentdb::Error::ResourceDeleted) => {
                return Ok(Vec::new());
            }
            Err(error) => return Err(errors::from_client(error)),
        };
        let mut events = Vec::new();
        loop {
            match read.next().await {
                Ok(Some(resolved)) => {
                    if let Some(event) = self.recorded(&resolved)? {
                        events.push(event);
                    }
                }
                Ok(None) => break,
                Err(kurrentdb::Error::ResourceNotFound | kurrentdb::Error::ResourceDeleted) => {
                    return Ok(Vec::new());
                }
                Err(error) => return Err(errors::from_client(error)),
            }
        }
        Ok(events)
    }
}
