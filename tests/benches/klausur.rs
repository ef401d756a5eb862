//! Klausur report benchmark: a synthetic state-wide office — 200,000 organizations and about
//! 10.3 million events over ten years (2016–2025) — is applied directly to the projections in
//! memory (building it through the store would take hours at ~8k events/s; the views are the
//! same either way), then the full Klausur report for 2025 is computed. Prints the time of
//! each statistic group, the total, and the peak resident memory while loading and during the
//! report.
//!
//! The events go into the fact tables alone, as in `wifo report`; with `--views` into all views,
//! as in the server.
//!
//! `cargo bench -p wifo-tests --all-features --bench klausur` (options: `--organizations N`, `--years N`,
//! `--views`).

use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use rand::{Rng, SeedableRng, rngs::SmallRng};
use uuid::Uuid;
use wifo_domain::{
    Event,
    contact::{Channel, ContactEvent},
    cooperation::{CooperationEvent, MilestoneKind},
    gathering::{Attendance, GatheringEvent, GatheringKind},
    inquiry::{InquiryEvent, InquiryOutcome, InquirySource},
    organization::{OrganizationEvent, OrganizationKind, Profile},
    taxonomy::{Entry, TaxonomyEvent, TaxonomyKind},
    values::{
        Address, Code, OrganizationName, RegionCode, SizeClass, Text, Title, UserName, WzCode,
    },
    visit::{Findings, VisitEvent},
};
use wifo_projections::{FactTables, Views};
use wifo_store::{Metadata, Position, RecordedEvent};

const TOPICS: [&str; 20] = [
    "fachkraefte",
    "flaechen",
    "genehmigung",
    "digitalisierung",
    "foerderung",
    "verkehr",
    "energie",
    "nachfolge",
    "ausbildung",
    "sicherheit",
    "sauberkeit",
    "baustellen",
    "miete",
    "gruendung",
    "export",
    "tourismus",
    "handel",
    "gastronomie",
    "kultur",
    "sonstiges",
];
const OFFICES: [&str; 6] = [
    "bauamt",
    "ordnungsamt",
    "umweltamt",
    "stadtentwicklung",
    "jobcenter",
    "ihk",
];
const SECTORS: [&str; 12] = [
    "10.71", "18.12", "62.01", "56.10", "16.23", "47.11", "43.21", "69.10", "86.21", "96.02",
    "25.62", "71.12",
];
const STAFF: [&str; 40] = [
    "a.schneider",
    "b.meier",
    "c.wolf",
    "d.krause",
    "e.lange",
    "f.berger",
    "g.hahn",
    "h.vogel",
    "i.frank",
    "j.busch",
    "k.roth",
    "l.kuhn",
    "m.jung",
    "n.otto",
    "o.graf",
    "p.seidel",
    "q.arnold",
    "r.brandt",
    "s.dietrich",
    "t.engel",
    "u.fuchs",
    "v.haas",
    "w.ernst",
    "x.kraft",
    "y.sommer",
    "z.peters",
    "aa.lorenz",
    "ab.winter",
    "ac.koenig",
    "ad.walter",
    "ae.huber",
    "af.kaiser",
    "ag.schulz",
    "ah.mayer",
    "ai.horn",
    "aj.pohl",
    "ak.stein",
    "al.voigt",
    "am.schuster",
    "an.boehm",
];

/// Where the events go: the fact tables alone (what a report process holds) or all views
/// (what the server holds).
enum Target {
    Facts(Box<FactTables>),
    Views(Box<Views>),
}

struct Feeder {
    target: Target,
    recorded: RecordedEvent,
    position: u64,
    next_id: u128,
}

impl Feeder {
    fn apply(&mut self, on: NaiveDate, event: Event) {
        self.position += 1;
        self.recorded.position = Position(self.position);
        let at = Utc.from_utc_datetime(&on.and_hms_opt(10, 0, 0).unwrap_or_default());
        self.recorded.metadata.occurred_at = at;
        self.recorded.recorded_at = at;
        match &mut self.target {
            Target::Facts(facts) => facts.apply(&self.recorded, &event),
            Target::Views(views) => views.apply(&self.recorded, &event),
        }
    }

    fn id<T: From<Uuid>>(&mut self) -> T {
        self.next_id += 1;
        T::from(Uuid::from_u128(
            0x0190_0000_0000_7000_8000_0000_0000_0000 + self.next_id,
        ))
    }
}

/// Peak resident set size so far (VmHWM), in MB.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Resets the peak to the current resident size (Linux `clear_refs` 5).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    let organizations = arg("--organizations", 200_000);
    let years = arg("--years", 10) as i32;
    let scale = organizations as f64 / 200_000.0;
    let last_year = 2025;
    let first_year = last_year - years + 1;
    let mut rng = SmallRng::seed_from_u64(7);
    let all_views = std::env::args().any(|a| a == "--views");
    let mut feeder = Feeder {
        target: if all_views {
            Target::Views(Box::default())
        } else {
            Target::Facts(Box::default())
        },
        recorded: RecordedEvent {
            position: Position(0),
            stream: "bench".into(),
            revision: 0,
            id: Uuid::nil(),
            event_type: "Bench".into(),
            schema_version: 1,
            payload: Vec::new(),
            metadata: Metadata {
                actor: "a.schneider".into(),
                occurred_at: Utc::now(),
                correlation_id: Uuid::nil(),
                causation_id: None,
                data_subject: None,
            },
            recorded_at: Utc::now(),
        },
        position: 0,
        next_id: 0,
    };
    let started = Instant::now();
    let start_day = NaiveDate::from_ymd_opt(first_year, 1, 1).unwrap_or_default();
    let topics: Vec<Code> = TOPICS.iter().filter_map(|t| Code::parse(t).ok()).collect();
    let offices: Vec<Code> = OFFICES.iter().filter_map(|t| Code::parse(t).ok()).collect();
    let staff: Vec<UserName> = STAFF
        .iter()
        .filter_map(|s| UserName::parse(s).ok())
        .collect();
    let sectors: Vec<WzCode> = SECTORS
        .iter()
        .filter_map(|s| WzCode::parse(s).ok())
        .collect();
    let regions: Vec<RegionCode> = (1..=12)
        .flat_map(|bezirk| {
            (10..15).flat_map(move |prognose| {
                (1..4).flat_map(move |region| {
                    (1..5).map(move |raum| format!("{bezirk:02}{prognose:02}{region:02}{raum:02}"))
                })
            })
        })
        .filter_map(|code| RegionCode::parse(&code).ok())
        .collect();
    feeder.apply(
        start_day,
        Event::Taxonomy(TaxonomyEvent::EntriesDefined {
            taxonomy: TaxonomyKind::Topics,
            entries: TOPICS
                .iter()
                .map(|t| Entry::new(t, &t.to_uppercase(), None))
                .collect(),
        }),
    );
    feeder.apply(
        start_day,
        Event::Taxonomy(TaxonomyEvent::EntriesDefined {
            taxonomy: TaxonomyKind::Offices,
            entries: OFFICES
                .iter()
                .map(|t| Entry::new(t, &t.to_uppercase(), None))
                .collect(),
        }),
    );

    // Organizations, registered during the first year.
    let address = Address::parse("Hauptstraße 1", "10115", "Berlin")?;
    let mut businesses = Vec::with_capacity(organizations);
    let mut partners = Vec::new();
    for n in 0..organizations {
        let organization = feeder.id();
        let kind = match n % 100 {
            0..=84 => OrganizationKind::Company,
            85..=95 => OrganizationKind::SoleTrader,
            96..=98 => OrganizationKind::Association,
            _ => OrganizationKind::Chamber,
        };
        let on = start_day + chrono::Days::new(rng.random_range(0..365));
        feeder.apply(
            on,
            Event::Organization(OrganizationEvent::Registered {
                organization,
                name: OrganizationName::parse(&format!("Betrieb {n}"))?,
                kind,
                profile: Profile {
                    sector: Some(sectors[rng.random_range(0..sectors.len())].clone()),
                    size_class: Some(SizeClass::ALL[rng.random_range(0..SizeClass::ALL.len())]),
                    ..Profile::default()
                },
                address: Some(address.clone()),
                region: Some(regions[rng.random_range(0..regions.len())].clone()),
                external_id: None,
            }),
        );
        if kind.is_business() {
            businesses.push(organization);
        } else {
            partners.push(organization);
        }
    }

    // Cooperations over the whole period.
    let cooperations: Vec<_> = (0..20)
        .map(|index| {
            let cooperation = feeder.id();
            feeder.apply(
                start_day,
                Event::Cooperation(CooperationEvent::Agreed {
                    cooperation,
                    title: Title::parse(&format!("Kooperation {index}"))
                        .unwrap_or_else(|_| Title::parse("Kooperation").expect("title")),
                    partners: vec![partners[index % partners.len().max(1)]],
                    signed_on: start_day,
                    valid_from: start_day,
                    valid_until: NaiveDate::from_ymd_opt(last_year + 1, 12, 31).unwrap_or_default(),
                    goals: vec![],
                }),
            );
            cooperation
        })
        .collect();

    let text = Text::default();
    let per_year = |base: usize| ((base as f64) * scale) as usize;
    for year in first_year..=last_year {
        let year_start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        let day_in_year =
            |rng: &mut SmallRng| year_start + chrono::Days::new(rng.random_range(0..365));
        let pick_topics = |rng: &mut SmallRng| {
            (0..rng.random_range(1..3))
                .map(|_| topics[rng.random_range(0..topics.len())].clone())
                .collect::<Vec<_>>()
        };
        for _ in 0..per_year(5_000) {
            let organization = businesses[rng.random_range(0..businesses.len())];
            let on = day_in_year(&mut rng);
            feeder.apply(
                on,
                Event::Organization(OrganizationEvent::Relocated {
                    organization,
                    address: address.clone(),
                    region: Some(regions[rng.random_range(0..regions.len())].clone()),
                }),
            );
        }
        for _ in 0..per_year(130_000) {
            let visit = feeder.id();
            let organization = businesses[rng.random_range(0..businesses.len())];
            let on = day_in_year(&mut rng);
            let joint = rng.random_bool(0.05);
            feeder.apply(
                on,
                Event::Visit(VisitEvent::Conducted {
                    visit,
                    organization,
                    conducted_on: on,
                    duration_minutes: 60,
                    staff: vec![staff[rng.random_range(0..staff.len())].clone()],
                    participants: vec![],
                    topics: pick_topics(&mut rng),
                    findings: Findings {
                        expansion_plans: rng.random_bool(0.1),
                        relocation_risk: rng.random_bool(0.05),
                        ..Findings::default()
                    },
                    notes: text.clone(),
                    joint_partner: joint.then(|| partners[rng.random_range(0..partners.len())]),
                }),
            );
            if rng.random_bool(0.3) {
                let follow_up = feeder.id();
                feeder.apply(
                    on,
                    Event::Visit(VisitEvent::FollowUpCreated {
                        visit,
                        follow_up,
                        task: Title::parse("Rückruf").expect("title"),
                        assignee: staff[0].clone(),
                        due_on: on + chrono::Days::new(14),
                    }),
                );
                if rng.random_bool(0.67) {
                    feeder.apply(
                        on + chrono::Days::new(10),
                        Event::Visit(VisitEvent::FollowUpCompleted {
                            visit,
                            follow_up,
                            completed_on: on + chrono::Days::new(10),
                        }),
                    );
                }
            }
        }
        for _ in 0..per_year(480_000) {
            let contact = feeder.id();
            let on = day_in_year(&mut rng);
            feeder.apply(
                on,
                Event::Contact(ContactEvent::Logged {
                    contact,
                    organization: businesses[rng.random_range(0..businesses.len())],
                    person: None,
                    channel: [
                        Channel::Phone,
                        Channel::Mail,
                        Channel::Meeting,
                        Channel::Consultation,
                    ][rng.random_range(0..4)],
                    contacted_on: on,
                    topics: pick_topics(&mut rng),
                    summary: text.clone(),
                    staff: staff[rng.random_range(0..staff.len())].clone(),
                }),
            );
        }
        for _ in 0..per_year(100_000) {
            let inquiry = feeder.id();
            let on = day_in_year(&mut rng);
            feeder.apply(
                on,
                Event::Inquiry(InquiryEvent::Received {
                    inquiry,
                    organization: rng
                        .random_bool(0.9)
                        .then(|| businesses[rng.random_range(0..businesses.len())]),
                    channel: Channel::Mail,
                    source: InquirySource::ALL[rng.random_range(0..InquirySource::ALL.len())],
                    topics: pick_topics(&mut rng),
                    description: text.clone(),
                    received_on: on,
                    received_by: staff[rng.random_range(0..staff.len())].clone(),
                }),
            );
            let mut last = on;
            if rng.random_bool(0.2) {
                let referral = feeder.id();
                let referred = last + chrono::Days::new(rng.random_range(0..3));
                feeder.apply(
                    referred,
                    Event::Inquiry(InquiryEvent::Referred {
                        inquiry,
                        referral,
                        office: offices[rng.random_range(0..offices.len())].clone(),
                        referred_on: referred,
                        note: text.clone(),
                    }),
                );
                let answered = referred + chrono::Days::new(rng.random_range(1..30));
                feeder.apply(
                    answered,
                    Event::Inquiry(InquiryEvent::ReferralAnswered {
                        inquiry,
                        referral,
                        answered_on: answered,
                        answer: text.clone(),
                    }),
                );
                last = answered;
            }
            if rng.random_bool(0.95) {
                last = last + chrono::Days::new(rng.random_range(0..10));
                feeder.apply(
                    last,
                    Event::Inquiry(InquiryEvent::Answered {
                        inquiry,
                        answered_on: last,
                        answer: text.clone(),
                    }),
                );
                if rng.random_bool(0.95) {
                    last = last + chrono::Days::new(rng.random_range(0..20));
                    feeder.apply(
                        last,
                        Event::Inquiry(InquiryEvent::Closed {
                            inquiry,
                            closed_on: last,
                            outcome: InquiryOutcome::ALL[rng.random_range(0..4)],
                        }),
                    );
                }
            }
        }
        for _ in 0..per_year(300).max(1) {
            let gathering = feeder.id();
            let on = day_in_year(&mut rng);
            let kind = GatheringKind::ALL[rng.random_range(0..GatheringKind::ALL.len())];
            feeder.apply(
                on,
                Event::Gathering(GatheringEvent::Planned {
                    gathering,
                    kind,
                    title: Title::parse(kind.label()).expect("title"),
                    date: on,
                    venue: text.clone(),
                    co_hosts: vec![],
                    milestone: None,
                }),
            );
            let attendance = (0..20)
                .map(|_| Attendance {
                    organization: Some(businesses[rng.random_range(0..businesses.len())]),
                    person: None,
                })
                .collect();
            feeder.apply(
                on,
                Event::Gathering(GatheringEvent::Held {
                    gathering,
                    held_on: on,
                    attendance,
                    other_attendees: rng.random_range(0..10),
                }),
            );
        }
        for &cooperation in &cooperations {
            for _ in 0..10 {
                let milestone = feeder.id();
                let due = day_in_year(&mut rng);
                feeder.apply(
                    year_start,
                    Event::Cooperation(CooperationEvent::MilestonePlanned {
                        cooperation,
                        milestone,
                        title: Title::parse("Meilenstein").expect("title"),
                        kind: MilestoneKind::Gathering,
                        due,
                    }),
                );
                if rng.random_bool(0.7) {
                    feeder.apply(
                        due,
                        Event::Cooperation(CooperationEvent::MilestoneAchieved {
                            cooperation,
                            milestone,
                            achieved_on: due,
                        }),
                    );
                } else {
                    feeder.apply(
                        due,
                        Event::Cooperation(CooperationEvent::MilestoneRescheduled {
                            cooperation,
                            milestone,
                            due: due + chrono::Days::new(90),
                            reason: text.clone(),
                        }),
                    );
                }
            }
        }
        eprintln!(
            "  {year}: {} Ereignisse angewendet ({:.0} s)",
            feeder.position,
            started.elapsed().as_secs_f64()
        );
    }
    let load_seconds = started.elapsed().as_secs_f64();
    let load_peak = peak_rss_mb();
    let (views, facts) = match feeder.target {
        Target::Facts(facts) => (None, facts),
        Target::Views(mut views) => {
            let facts = Box::new(std::mem::take(&mut views.facts));
            (Some(views), facts)
        }
    };
    println!(
        "{}: {} Ereignisse, {} Organisationen, {} Besuche, {} Kontakte, {} Anliegen-Schritte in {:.1} s aufgebaut; Spitzen-RSS {:.0} MB",
        if views.is_some() {
            "Alle Ansichten (wie im Server)"
        } else {
            "Faktentabellen (wie bei wifo report)"
        },
        facts.events,
        facts.organizations.len(),
        facts.visits.len(),
        facts.contacts.len(),
        facts.inquiry_steps.len(),
        load_seconds,
        load_peak
    );

    let mut last_report = None;
    for run in 1..=2 {
        reset_peak_rss();
        let report_started = Instant::now();
        let request = wifo_analytics::ReportRequest::klausur(last_year)?;
        let mut steps = Vec::new();
        let report = wifo_analytics::build_report(&facts, &request, &mut |step, took| {
            steps.push((step.to_owned(), took));
        })?;
        let total = report_started.elapsed();
        println!("Klausur-Bericht {last_year}, Lauf {run}:");
        for (step, took) in &steps {
            println!("  {step:<20} {:>9.1} ms", took.as_secs_f64() * 1000.0);
        }
        println!(
            "  {:<20} {:>9.1} ms (Ziel ≤ 3000 ms); Spitzen-RSS während des Berichts {:.0} MB (Ziel ≤ 3072 MB)",
            "gesamt",
            total.as_secs_f64() * 1000.0,
            peak_rss_mb()
        );
        println!(
            "  Besuche {}: {} (Vorjahr {}); Anliegen {}; Themenvorschläge {}",
            last_year,
            report.visits.conducted.current,
            report.visits.conducted.previous,
            report.inquiries.received.current,
            report.agenda.len()
        );
        last_report = Some(report);
    }
    // Peer in the same run: the same report from frames of every row (what the Parquet export
    // copies), to show what leaving out the rows outside the compared years saves.
    reset_peak_rss();
    let peer_started = Instant::now();
    let request = wifo_analytics::ReportRequest::klausur(last_year)?;
    let all = wifo_analytics::Frames::from_facts(&facts)?;
    let all_frames = peer_started.elapsed();
    let labels = wifo_analytics::labels(&facts);
    let peer = wifo_analytics::build_report_from(&all, &labels, None, &request, &mut |_, _| {})?;
    println!(
        "Vergleich, alle Zeilen als Frames: Faktentabellen {:.1} ms, gesamt {:.1} ms; Spitzen-RSS {:.0} MB; dieselben Zahlen: {}",
        all_frames.as_secs_f64() * 1000.0,
        peer_started.elapsed().as_secs_f64() * 1000.0,
        peak_rss_mb(),
        serde_json::to_value(&peer)? == serde_json::to_value(&last_report)?
    );
    drop(views);
    Ok(())
}
