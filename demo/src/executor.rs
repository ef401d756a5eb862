//! Runs the plan through the deciders, day by day: the steps of one simulated day are grouped by
//! stream, each stream's steps run in order, and up to [`CONCURRENT_STREAMS`] streams run at once
//! so the store can group-commit their appends. Days run one after another, so the log reads in
//! the order the story happened.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use anyhow::Context;
use futures::{StreamExt, stream};
use indicatif::ProgressBar;
use wifo_domain::{
    Decider, contact::Contact, cooperation::Cooperation, event::category_of, gathering::Gathering,
    inquiry::Inquiry, organization::Organization, person::Person, reminder::Reminder,
    retreat::Retreat, taxonomy::Taxonomy, user::User, visit::Visit,
};
use wifo_store::CommandContext;

use super::{
    calendar::noon,
    plan::{Action, Step},
};
use wifo_app::data_dir::DataDir;

/// How many streams write at once; enough to fill the store's group commits.
const CONCURRENT_STREAMS: usize = 48;

/// What was written, per stream category.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    pub commands: u64,
    pub events: BTreeMap<String, u64>,
    pub streams: BTreeMap<String, BTreeSet<String>>,
}

impl Tally {
    fn add(&mut self, stream: &str, commands: u64, events: u64) {
        let category = category_of(stream).to_owned();
        self.commands += commands;
        *self.events.entry(category.clone()).or_default() += events;
        if events > 0 {
            self.streams
                .entry(category)
                .or_default()
                .insert(stream.to_owned());
        }
    }
}

/// Executes all steps, day by day.
pub(crate) async fn run(
    data: &DataDir,
    mut steps: Vec<Step>,
    progress: &ProgressBar,
) -> anyhow::Result<Tally> {
    steps.sort_by_key(|step| step.date);
    let data = Arc::new(data.clone());
    let mut tally = Tally::default();
    let mut steps = steps.into_iter().peekable();
    while let Some(first) = steps.next() {
        let day = first.date;
        let mut groups: Vec<(String, Vec<Step>)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut add = |step: Step| {
            let stream = step.action.stream();
            match index.get(&stream) {
                Some(&i) => groups[i].1.push(step),
                None => {
                    index.insert(stream.clone(), groups.len());
                    groups.push((stream, vec![step]));
                }
            }
        };
        add(first);
        while let Some(step) = steps.next_if(|step| step.date == day) {
            add(step);
        }
        let mut results = stream::iter(groups)
            .map(|(stream, group)| {
                let data = data.clone();
                let progress = progress.clone();
                tokio::spawn(async move {
                    let mut events = 0u64;
                    let commands = group.len() as u64;
                    for step in &group {
                        events += execute(&data, step).await? as u64;
                        progress.inc(1);
                    }
                    anyhow::Ok((stream, commands, events))
                })
            })
            .buffer_unordered(CONCURRENT_STREAMS);
        while let Some(result) = results.next().await {
            let (stream, commands, events) =
                result.context("Ein Schreibvorgang des Demo-Generators ist abgebrochen")??;
            tally.add(&stream, commands, events);
        }
    }
    Ok(tally)
}

/// Executes one step; returns the number of events written.
async fn execute(data: &DataDir, step: &Step) -> anyhow::Result<usize> {
    let context = CommandContext {
        actor: step.actor.clone(),
        occurred_at: noon(step.date),
        correlation_id: step.correlation,
        causation_id: None,
    };
    let written = match &step.action {
        Action::Organization(c) => decide::<Organization>(data, c, &context).await,
        Action::Person(c) => decide::<Person>(data, c, &context).await,
        Action::Visit(c) => decide::<Visit>(data, c, &context).await,
        Action::Contact(c) => decide::<Contact>(data, c, &context).await,
        Action::Inquiry(c) => decide::<Inquiry>(data, c, &context).await,
        Action::Cooperation(c) => decide::<Cooperation>(data, c, &context).await,
        Action::Gathering(c) => decide::<Gathering>(data, c, &context).await,
        Action::Retreat(c) => decide::<Retreat>(data, c, &context).await,
        Action::Reminder(c) => decide::<Reminder>(data, c, &context).await,
        Action::Taxonomy(c) => decide::<Taxonomy>(data, c, &context).await,
        Action::User(c) => decide::<User>(data, c, &context).await,
        Action::Public(c) => decide::<wifo_domain::public::Public>(data, c, &context).await,
        Action::ErasePerson { person, reason } => {
            wifo_app::privacy::erase_person(data, *person, step.date, *reason, &context)
                .await
                .map(|_| 1)
                .map_err(anyhow::Error::from)
        }
        Action::EraseSender { inquiry, reason } => {
            wifo_app::privacy::senders::erase_sender(data, *inquiry, step.date, *reason, &context)
                .await
                .map(|_| 1)
                .map_err(anyhow::Error::from)
        }
    };
    written.with_context(|| {
        format!(
            "Demo-Befehl auf {} vom {} ({}) fehlgeschlagen",
            step.action.stream(),
            wifo_domain::german::date(step.date),
            step.actor
        )
    })
}

async fn decide<D: Decider>(
    data: &DataDir,
    command: &D::Command,
    context: &CommandContext,
) -> anyhow::Result<usize> {
    let outcome = data.handler.execute::<D>(command, context, None).await?;
    Ok(outcome.events.len())
}
