//! The embedded backend: the whole log in one SQLite file (WAL, `synchronous=FULL`), one writer
//! thread with group commit (`writer.rs`), a pool of readers (`reader.rs`), and catch-up
//! subscriptions that read the file and then wait for the writer's next commit.

pub mod backup;
#[cfg(test)]
mod read_only_tests;
mod reader;
mod schema;
mod verify;
mod writer;

pub use verify::{VerifyReport, verify};

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;

use async_trait::async_trait;
use tokio::sync::{oneshot, watch};

use crate::{
    error::StoreError,
    event_store::{EventStore, Subscription, check_stream_name},
    types::{AppendResult, Direction, EventData, ExpectedRevision, Position, RecordedEvent},
};

/// How long `open` waits for another writer (e.g. a store being closed) to let go.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

fn writer_lock(path: &Path) -> Result<std::fs::File, StoreError> {
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)?;
    let started = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked(PathBuf::from(lock_path)));
            }
            Err(std::fs::TryLockError::Error(error)) => return Err(StoreError::Io(error)),
        }
    }
}

/// The largest stream page read on the calling thread instead of the blocking pool.
const INLINE_STREAM_PAGE: usize = 256;

/// How many events a subscription reads from the file at a time while catching up.
const SUBSCRIPTION_PAGE: usize = 2048;

/// The embedded event store. Cheap to clone; all clones share one writer.
#[derive(Clone)]
pub struct SqliteStore {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    requests: Mutex<Option<mpsc::Sender<writer::AppendRequest>>>,
    writer: Mutex<Option<JoinHandle<()>>>,
    readers: reader::ReaderPool,
    head: watch::Receiver<u64>,
    /// Kept by a read-only store, whose head never moves, so its subscriptions wait like those
    /// of a writer that has nothing to write instead of ending.
    fixed_head: Option<watch::Sender<u64>>,
    /// Set when the disk refused an append, cleared when an append or a probe succeeds.
    storage_failing: std::sync::atomic::AtomicBool,
}

/// What the readiness probe writes beside the store after the disk refused an append: room for
/// a batch of events and its WAL frames.
const PROBE_BYTES: usize = 1024 * 1024;

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.inner.path)
            .finish()
    }
}

impl SqliteStore {
    /// Opens (or creates) the store file and starts its writer thread.
    /// Only one process may write a store file: the writer holds an exclusive lock on
    /// `{file}.lock` for its lifetime, because the hash chain's head lives in the writer.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let lock = writer_lock(path)?;
        let connection = schema::open_writer(path)?;
        let (requests, receiver) = mpsc::channel();
        let (head_sender, head) = watch::channel(0);
        let writer = std::thread::Builder::new()
            .name("wifo-store-writer".into())
            .spawn(move || {
                writer::run(connection, receiver, head_sender);
                drop(lock);
            })?;
        let store = Self {
            inner: Arc::new(Inner {
                path: path.to_owned(),
                requests: Mutex::new(Some(requests)),
                writer: Mutex::new(Some(writer)),
                readers: reader::ReaderPool::new(path.to_owned()),
                head,
                fixed_head: None,
                storage_failing: std::sync::atomic::AtomicBool::new(false),
            }),
        };
        Ok(store)
    }

    /// Opens an existing store file for reading only, beside a process that may be writing it
    /// (reports, exports, statistics while the server runs): no writer thread, no writer lock.
    /// It reads what was committed; appends fail with `StoreError::ReadOnly`. Its subscriptions
    /// deliver what is in the file and then wait, as on a store nobody writes to.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{} does not exist", path.display()),
            )));
        }
        let readers = reader::ReaderPool::new(path.to_owned());
        let committed = readers.with(reader::head)?;
        let (fixed_head, head) = watch::channel(committed.0);
        Ok(Self {
            inner: Arc::new(Inner {
                path: path.to_owned(),
                requests: Mutex::new(None),
                writer: Mutex::new(None),
                readers,
                head,
                fixed_head: Some(fixed_head),
                storage_failing: std::sync::atomic::AtomicBool::new(false),
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Stops accepting appends, lets the writer finish what it has, and waits for it. Appends
    /// after this fail with `StoreError::Closed`.
    pub fn close(&self) {
        if let Ok(mut requests) = self.inner.requests.lock() {
            requests.take();
        }
        let writer = self
            .inner
            .writer
            .lock()
            .ok()
            .and_then(|mut writer| writer.take());
        if let Some(writer) = writer {
            let _ = writer.join();
        }
    }

    /// Runs a short read on the calling thread: an indexed lookup takes microseconds, less than
    /// handing it to another thread would.
    fn read_inline<T>(
        &self,
        read: impl FnOnce(&rusqlite::Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.inner.readers.with(read)
    }

    /// Runs a long read (a page of the global log) on the blocking pool.
    async fn read<T: Send + 'static>(
        &self,
        read: impl FnOnce(&rusqlite::Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || inner.readers.with(read))
            .await
            .map_err(|_| StoreError::Closed)?
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Ok(mut requests) = self.requests.lock() {
            requests.take();
        }
        if let Some(writer) = self.writer.lock().ok().and_then(|mut writer| writer.take()) {
            let _ = writer.join();
        }
    }
}

#[async_trait]
impl EventStore for SqliteStore {
    async fn append(
        &self,
        stream: &str,
        expected: ExpectedRevision,
        events: Vec<EventData>,
    ) -> Result<AppendResult, StoreError> {
        check_stream_name(stream)?;
        if events.is_empty() {
            return Err(StoreError::EmptyAppend);
        }
        let (reply, outcome) = oneshot::channel();
        let request = writer::AppendRequest {
            stream: stream.to_owned(),
            expected,
            events,
            reply,
        };
        {
            let requests = self.inner.requests.lock().map_err(|_| StoreError::Closed)?;
            let sender = requests
                .as_ref()
                .ok_or(if self.inner.fixed_head.is_some() {
                    StoreError::ReadOnly
                } else {
                    StoreError::Closed
                })?;
            sender.send(request).map_err(|_| StoreError::Closed)?;
        }
        let result = outcome.await.map_err(|_| StoreError::Closed)?;
        let failing = matches!(&result, Err(error) if error.is_storage_failure());
        if failing || result.is_ok() {
            self.inner
                .storage_failing
                .store(failing, std::sync::atomic::Ordering::Relaxed);
        }
        result
    }

    async fn ready(&self) -> Result<(), StoreError> {
        self.head().await?;
        if !self
            .inner
            .storage_failing
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            return Ok(());
        }
        // The disk refused the last append: ready again once it takes a probe of the size of a
        // batch (written, synced and removed beside the store).
        let probe = self.inner.path.with_extension("probe");
        let written = tokio::task::spawn_blocking(move || {
            let result = (|| {
                use std::io::Write;
                let mut file = std::fs::File::create(&probe)?;
                file.write_all(&vec![0u8; PROBE_BYTES])?;
                file.sync_all()
            })();
            let _ = std::fs::remove_file(&probe);
            result
        })
        .await
        .map_err(|_| StoreError::Closed)?;
        written.map_err(|error| StoreError::StorageFailure(error.to_string()))?;
        self.inner
            .storage_failing
            .store(false, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    async fn read_stream(
        &self,
        stream: &str,
        from: u64,
        direction: Direction,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        // A page of one stream is an indexed range read of at most a few hundred rows: on the
        // calling thread it costs less than the hand-over to the blocking pool (every command
        // reads its stream this way, see `read_whole_stream`).
        if limit <= INLINE_STREAM_PAGE {
            return self.read_inline(|connection| {
                reader::read_stream(connection, stream, from, direction, limit)
            });
        }
        let stream = stream.to_owned();
        self.read(move |connection| {
            reader::read_stream(connection, &stream, from, direction, limit)
        })
        .await
    }

    async fn read_all(
        &self,
        after: Position,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        self.read(move |connection| reader::read_all(connection, after, limit))
            .await
    }

    async fn read_all_range(
        &self,
        after: Position,
        until: Position,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        self.read(move |connection| reader::read_all_range(connection, after, until))
            .await
    }

    async fn head(&self) -> Result<Position, StoreError> {
        self.read_inline(reader::head)
    }

    fn subscribe_all(&self, after: Position) -> Subscription {
        crate::follow::follow(
            self.clone(),
            self.inner.head.clone(),
            after,
            SUBSCRIPTION_PAGE,
            None,
        )
    }
}
