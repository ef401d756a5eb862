//! `wifo demo`: writes a realistic demo office — the Wirtschaftsförderung of Bezirksamt Pankow
//! with its businesses, contact persons, visits, contacts, inquiries, the cooperation with the
//! Wirtschaftskreis Pankow e.V., gatherings and yearly retreats — through the deciders, exactly
//! as users would, dated on the simulated days and signed by the staff who did it. The story is
//! first drawn as a plan (a pure function of the seed: the same seed gives the same office), then
//! executed day by day with concurrent streams so the store can group-commit.

mod calendar;
mod contacts;
mod cooperation;
mod duplicates;
mod executor;
mod formats;
mod gatherings;
mod guide;
mod inquiries;
mod lifecycle;
mod names;
mod organizations;
mod person_changes;
mod persons;
mod places;
mod plan;
mod program;
pub mod regions;
mod retreats;
mod sectors;
mod staff;
mod taxonomies;
mod topics;
mod visits;
mod world;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use rand::{SeedableRng, rngs::SmallRng};
use serde::Serialize;
use wifo_store::{EventStore, Position};

use wifo_app::data_dir::DataDir;

/// Password of every demo user, printed at start.
pub const DEMO_PASSWORD: &str = "wifo-demo-2026";

/// The smallest office that still shows every kind of event.
pub const MIN_ORGANIZATIONS: usize = 30;
pub const MAX_YEARS: u32 = 10;

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    pub seed: u64,
    /// Businesses of the district (chambers, associations and the office come on top).
    pub organizations: usize,
    /// Years covered, ending with the year of `today`.
    pub years: u32,
    /// Nothing is recorded after this day; what is due later stays planned.
    pub today: NaiveDate,
}

impl DemoOptions {
    /// Seed 42, 1500 businesses, three years up to today.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            seed: 42,
            organizations: 1500,
            years: 3,
            today,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "Das Datenverzeichnis {} enthält bereits Ereignisse (bis Position {position}). Das \
         Demo-Amt wird nur in ein leeres Datenverzeichnis geschrieben.",
        .path.display()
    )]
    NotEmpty { path: PathBuf, position: u64 },
    #[error("Ein Demo-Amt braucht mindestens {min} Unternehmen, angegeben sind {given}.")]
    TooFewOrganizations { min: usize, given: usize },
    #[error("Die Zahl der Jahre muss zwischen 1 und {max} liegen, angegeben ist {given}.")]
    Years { max: u32, given: u32 },
}

/// What was written.
#[derive(Clone, Debug, Serialize)]
pub struct DemoSummary {
    pub seed: u64,
    pub first_day: NaiveDate,
    pub today: NaiveDate,
    /// Businesses of the district, without duplicates, chambers and associations.
    pub businesses: usize,
    pub duplicates: usize,
    pub persons: usize,
    pub commands: u64,
    pub events: u64,
    pub events_by_category: BTreeMap<String, u64>,
    pub streams_by_category: BTreeMap<String, u64>,
    /// The LOR file read, or `None` for the built-in regions.
    pub regions_file: Option<PathBuf>,
    pub planungsraeume: usize,
    pub elapsed: Duration,
}

/// Generates the demo office into an empty data directory.
pub async fn generate(
    data: &DataDir,
    options: &DemoOptions,
    progress: bool,
) -> anyhow::Result<DemoSummary> {
    let started = Instant::now();
    if options.organizations < MIN_ORGANIZATIONS {
        return Err(DemoError::TooFewOrganizations {
            min: MIN_ORGANIZATIONS,
            given: options.organizations,
        }
        .into());
    }
    if !(1..=MAX_YEARS).contains(&options.years) {
        return Err(DemoError::Years {
            max: MAX_YEARS,
            given: options.years,
        }
        .into());
    }
    let head = data
        .store
        .head()
        .await
        .context("Ereignisspeicher nicht lesbar")?;
    if head != Position::START {
        return Err(DemoError::NotEmpty {
            path: data.path.clone(),
            position: head.0,
        }
        .into());
    }
    let regions = regions::pankow().context("Regionen (LOR) konnten nicht gelesen werden")?;
    let (plan, world) = draw(options, regions);
    let bar = if progress {
        let bar = ProgressBar::new(plan.len() as u64);
        if let Ok(style) = ProgressStyle::with_template(
            "{msg} [{elapsed_precise}] {wide_bar} {pos}/{len} Befehle (noch {eta})",
        ) {
            bar.set_style(style);
        }
        bar.set_message("Demo-Amt wird geschrieben");
        bar
    } else {
        ProgressBar::hidden()
    };
    let tally = executor::run(data, plan.into_steps(), &bar).await?;
    bar.finish_and_clear();
    Ok(DemoSummary {
        seed: options.seed,
        first_day: world.calendar.start,
        today: world.calendar.today,
        businesses: world.businesses.len(),
        duplicates: world.duplicates,
        persons: world.persons.len(),
        commands: tally.commands,
        events: tally.events.values().sum(),
        events_by_category: tally.events,
        streams_by_category: tally
            .streams
            .into_iter()
            .map(|(category, streams)| (category, streams.len() as u64))
            .collect(),
        regions_file: world.regions.source.clone(),
        planungsraeume: world.regions.planungsraeume.len(),
        elapsed: started.elapsed(),
    })
}

/// Draws the whole story as a plan: a pure function of the options and the regions.
fn draw(options: &DemoOptions, regions: regions::RegionSet) -> (plan::Plan, world::World) {
    let mut rng = SmallRng::seed_from_u64(options.seed);
    let calendar = calendar::Calendar::new(options.today, options.years);
    let staff = staff::Staff::new(&calendar);
    let mut plan = plan::Plan::new(options.today, options.seed);
    staff.push_steps(&mut plan, &calendar);
    taxonomies::push_steps(&mut plan, &calendar, &regions);
    guide::push_steps(&mut plan, &calendar);
    let specials = organizations::register_specials(&mut rng, &mut plan, &calendar, &regions);
    let businesses = organizations::register_businesses(
        &mut rng,
        &mut plan,
        &calendar,
        &staff,
        &regions,
        options.organizations,
    );
    let mut world = world::World {
        calendar,
        staff,
        regions,
        specials,
        businesses,
        persons: Vec::new(),
        duplicates: 0,
        inquiry_topics: Vec::new(),
    };
    lifecycle::generate(&mut rng, &mut plan, &mut world);
    duplicates::generate(&mut rng, &mut plan, &mut world);
    persons::generate(&mut rng, &mut plan, &mut world);
    visits::generate(&mut rng, &mut plan, &world);
    contacts::generate(&mut rng, &mut plan, &world);
    inquiries::generate(&mut rng, &mut plan, &mut world);
    let program = program::build(&mut rng, &world);
    cooperation::generate(&mut rng, &mut plan, &world, &program);
    gatherings::generate(&mut rng, &mut plan, &world, &program);
    retreats::generate(&mut rng, &mut plan, &world, &program);
    (plan, world)
}

/// The German report printed after `wifo demo`.
pub fn summary_text(summary: &DemoSummary, data: &std::path::Path) -> String {
    let mut out = String::new();
    let dir = data.display();
    out.push_str(&format!(
        "Demo-Amt „Bezirksamt Pankow – Wirtschaftsförderung“ angelegt in {dir}\n\
         Zeitraum: {} bis {} (Seed {})\n\
         {} Unternehmen ({} Duplikate zusammengeführt), {} Ansprechpersonen, {} Planungsräume {}\n\
         {} Befehle → {} Ereignisse in {:.1} s\n\n",
        wifo_domain::german::date(summary.first_day),
        wifo_domain::german::date(summary.today),
        summary.seed,
        summary.businesses,
        summary.duplicates,
        summary.persons,
        summary.planungsraeume,
        match &summary.regions_file {
            Some(path) => format!("aus {}", path.display()),
            None => "(eingebauter Auszug)".to_owned(),
        },
        summary.commands,
        summary.events,
        summary.elapsed.as_secs_f64(),
    ));
    out.push_str(&format!(
        "{:<22} {:>8} {:>11}\n",
        "Stream-Art", "Streams", "Ereignisse"
    ));
    for category in wifo_domain::event::CATEGORIES {
        let Some(events) = summary.events_by_category.get(*category) else {
            continue;
        };
        let streams = summary
            .streams_by_category
            .get(*category)
            .copied()
            .unwrap_or(0);
        out.push_str(&format!(
            "{:<22} {:>8} {:>11}\n",
            wifo_app::events::category_label(category),
            streams,
            events
        ));
    }
    out.push_str(&format!(
        "\nWie weiter:\n  wifo events stats --data {dir}      Ereignisse zählen\n  \
         wifo events tail --data {dir} -n 20  die neuesten Ereignisse ansehen\n\
         Benutzer im Demo-Amt: a.schneider, m.yilmaz, k.nowak, t.becker, j.hoffmann, c.schulz \
         (Bestandsbetreuung), d.krause (Leitung), s.richter und l.wagner (Planung), p.lehmann \
         (Administration).\n"
    ));
    out
}

/// `wifo demo`: opens the data directory, generates, prints the summary.
pub async fn run(path: &std::path::Path, options: &DemoOptions) -> anyhow::Result<()> {
    let data = DataDir::open(path)?;
    let summary = generate(&data, options, true).await?;
    print!("{}", summary_text(&summary, path));
    Ok(())
}

/// Gives every user of the demo office the demo password.
pub async fn set_demo_passwords(
    data: &DataDir,
    auth: &wifo_app::auth::AuthStore,
) -> anyhow::Result<()> {
    let mut after = wifo_store::Position::START;
    loop {
        let page = data.store.read_all(after, 4096).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for recorded in page
            .iter()
            .filter(|event| event.event_type == "UserCreated")
        {
            if let wifo_domain::user::UserEvent::Created { user, role, .. } =
                data.codec.decode(recorded)?
            {
                auth.set_credentials(&user, DEMO_PASSWORD, role)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
