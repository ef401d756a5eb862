//! The application facade every adapter holds: one office's data directory, its live views and
//! its credentials, with the two things every request needs — run a command for a caller
//! (remembering the caller's newest write) and wait until the views show the caller's own
//! writes — and the read questions the adapters share.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use wifo_domain::Decider;
use wifo_projections::Projections;
use wifo_store::{CommandContext, CommandError, CommandOutcome, EventStore, Position};

use crate::{auth::AuthStore, auth::Caller, data_dir::DataDir};

/// One office, opened: what the API and the pages work on.
#[derive(Clone, Debug)]
pub struct Office {
    pub data: DataDir,
    pub projections: Projections,
    pub auth: Arc<AuthStore>,
    /// How long a read waits for the views to include the caller's own last write (a snapshot
    /// being written pauses the views for about 3 s per million events).
    pub read_your_writes_timeout: Duration,
    /// The retention periods of personal data (`wifo serve --frist-…`).
    pub retention: crate::privacy::retention::RetentionPeriods,
    /// Each user's newest write, so their next read waits for it.
    last_writes: Arc<Mutex<HashMap<String, Position>>>,
}

/// Why a read could not wait for the position it asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotCaughtUp {
    /// The views did not catch up with the position in time: worth retrying.
    #[error("Die Ansichten holen noch auf. Bitte gleich noch einmal versuchen.")]
    Late,
    /// The position asked for (`?wait_for=`) has not been written: no wait would help.
    #[error(
        "Die Position {asked} ist im Protokoll noch nicht geschrieben (zuletzt geschrieben: {head})."
    )]
    NotWritten { asked: u64, head: u64 },
}

impl Office {
    pub fn new(data: DataDir, projections: Projections, auth: Arc<AuthStore>) -> Self {
        Self {
            data,
            projections,
            auth,
            read_your_writes_timeout: Duration::from_secs(5),
            retention: crate::privacy::retention::RetentionPeriods::default(),
            last_writes: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// Decides `command` for `caller` (against `expected`, the stream revision the caller saw,
    /// if any) and remembers the position written.
    pub async fn execute<D>(
        &self,
        caller: &Caller,
        command: &D::Command,
        expected: Option<u64>,
    ) -> Result<CommandOutcome<D::Event>, CommandError<D::Error>>
    where
        D: Decider + Send + Sync + 'static,
        D::Command: Send + Sync,
        D::State: Send + Sync,
        D::Error: Send + Sync,
    {
        self.execute_on::<D>(caller, command, expected, None).await
    }

    /// As `execute`, for something that happened on `occurred_on` (its business date; when
    /// `None`, the command's own day of something that happened, else today): the events carry
    /// that day as `occurred_at`, which the views, the timeline
    /// and every statistic date them by, while `recorded_at` keeps when it was entered. A day
    /// after today or before 1900 is refused (`dates::check`) and nothing is written.
    pub async fn execute_on<D>(
        &self,
        caller: &Caller,
        command: &D::Command,
        expected: Option<u64>,
        occurred_on: Option<(&'static str, NaiveDate)>,
    ) -> Result<CommandOutcome<D::Event>, CommandError<D::Error>>
    where
        D: Decider + Send + Sync + 'static,
        D::Command: Send + Sync,
        D::State: Send + Sync,
        D::Error: Send + Sync,
    {
        self.execute_correlated::<D>(caller, command, expected, occurred_on, None)
            .await
    }

    /// As `execute_on`, with the correlation id the events carry given by the caller (the API
    /// derives it from an `Idempotency-Key`, so a retry after a crash can find what the first
    /// try wrote); `None`: a fresh one.
    pub async fn execute_correlated<D>(
        &self,
        caller: &Caller,
        command: &D::Command,
        expected: Option<u64>,
        occurred_on: Option<(&'static str, NaiveDate)>,
        correlation: Option<uuid::Uuid>,
    ) -> Result<CommandOutcome<D::Event>, CommandError<D::Error>>
    where
        D: Decider + Send + Sync + 'static,
        D::Command: Send + Sync,
        D::State: Send + Sync,
        D::Error: Send + Sync,
    {
        let mut context = CommandContext::now(caller.user.as_str());
        if let Some(correlation) = correlation {
            context.correlation_id = correlation;
        }
        if let Some((field, day)) = occurred_on {
            wifo_domain::dates::check(
                &[wifo_domain::dates::BusinessDate::happened(field, day)],
                wifo_store::command::today(),
            )
            .map_err(CommandError::ImplausibleDate)?;
            // Nothing happens to a record before the day it began.
            let stream = wifo_domain::stream_name::<D>(&D::stream_id(command));
            let first = self
                .data
                .store
                .read_stream(&stream, 0, wifo_store::Direction::Forward, 1)
                .await?;
            if let Some(first) = first.first() {
                wifo_domain::dates::check_not_before(
                    field,
                    day,
                    first.metadata.occurred_at.date_naive(),
                )
                .map_err(CommandError::ImplausibleDate)?;
            }
        }
        // The day it happened: the one given, else the command's own day of something that
        // happened (`conducted_on`, `signed_on`, `achieved_on`, …), else today.
        let happened = occurred_on.map(|(_, day)| day).or_else(|| {
            D::dates(command)
                .into_iter()
                .find(|date| date.kind == wifo_domain::dates::DateKind::Happened)
                .map(|date| date.date)
        });
        if let Some(day) = happened
            && day < context.occurred_at.date_naive()
        {
            // Noon, so the day is the same in every time zone the office may be in.
            context.occurred_at = day
                .and_hms_opt(12, 0, 0)
                .map_or(context.occurred_at, |noon| noon.and_utc());
        }
        let outcome = self
            .data
            .handler
            .execute::<D>(command, &context, expected)
            .await?;
        self.remember(caller, outcome.position);
        Ok(outcome)
    }

    /// Remembers the caller's newest write, so their next read waits until the views show it.
    pub fn remember(&self, caller: &Caller, position: Position) {
        if let Ok(mut writes) = self.last_writes.lock() {
            let entry = writes.entry(caller.user.to_string()).or_insert(position);
            *entry = (*entry).max(position);
        }
    }

    /// Waits (at most `read_your_writes_timeout`) until the views include the caller's last
    /// write and `at_least`.
    pub async fn wait_for_own_writes(
        &self,
        caller: &Caller,
        at_least: Option<Position>,
    ) -> Result<(), NotCaughtUp> {
        if let Some(asked) = at_least
            && let Ok(head) = self.data.store.head().await
            && asked > head
        {
            return Err(NotCaughtUp::NotWritten {
                asked: asked.0,
                head: head.0,
            });
        }
        let own = self
            .last_writes
            .lock()
            .ok()
            .and_then(|writes| writes.get(caller.user.as_str()).copied());
        match own.max(at_least) {
            Some(target)
                if !self
                    .projections
                    .wait_for(target, self.read_your_writes_timeout)
                    .await =>
            {
                Err(NotCaughtUp::Late)
            }
            _ => Ok(()),
        }
    }
}
