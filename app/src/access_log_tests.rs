//! The access log: entries come back newest first and per person, the chain finds a changed
//! and a removed entry, and purging keeps the chain verifiable from its anchor.

use chrono::{Duration, TimeZone, Utc};
use rusqlite::Connection;
use uuid::Uuid;
use wifo_domain::values::Role;

use super::{ACCESS_FILE, Access, AccessLog, AccessPurpose};

fn access(person: Uuid, route: &str) -> Access<'_> {
    Access {
        user: "a.schneider",
        role: Role::Staff,
        person,
        route,
        purpose: AccessPurpose::Casework,
    }
}

#[test]
fn entries_are_listed_newest_first_and_by_person() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let log = AccessLog::at(dir.path());
    let (anna, ben) = (Uuid::now_v7(), Uuid::now_v7());
    let start = Utc
        .with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
        .single()
        .expect("a day");
    log.record_at(&[access(anna, "GET /personen/{id}")], start)?;
    log.record_at(
        &[
            access(ben, "GET /organisationen/{id}"),
            access(anna, "GET /organisationen/{id}"),
        ],
        start + Duration::minutes(5),
    )?;
    let all = log.entries(None, 10)?;
    assert_eq!(
        all.iter().map(|entry| entry.seq).collect::<Vec<_>>(),
        vec![3, 2, 1]
    );
    let of_anna = log.entries(Some(anna), 10)?;
    assert_eq!(of_anna.len(), 2);
    assert_eq!(of_anna[1].route, "GET /personen/{id}");
    assert_eq!(of_anna[1].at, start);
    assert_eq!(log.verify()?, 3);
    Ok(())
}

#[test]
fn the_chain_finds_a_changed_and_a_removed_entry() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let person = Uuid::now_v7();
    {
        let log = AccessLog::at(dir.path());
        for route in ["GET /a", "GET /b", "GET /c"] {
            log.record(&[access(person, route)])?;
        }
        assert_eq!(log.verify()?, 3);
    }
    let file = Connection::open(dir.path().join(ACCESS_FILE))?;
    file.execute("UPDATE access SET user = 'jemand' WHERE seq = 2", [])?;
    let error = AccessLog::at(dir.path())
        .verify()
        .expect_err("a changed entry");
    assert!(error.to_string().contains("ab Eintrag 2"), "{error}");
    file.execute("UPDATE access SET user = 'a.schneider' WHERE seq = 2", [])?;
    assert_eq!(AccessLog::at(dir.path()).verify()?, 3);
    file.execute("DELETE FROM access WHERE seq = 2", [])?;
    let error = AccessLog::at(dir.path())
        .verify()
        .expect_err("a removed entry");
    assert!(error.to_string().contains("ab Eintrag 2"), "{error}");
    Ok(())
}

#[test]
fn purging_old_entries_keeps_the_rest_verifiable() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let log = AccessLog::at(dir.path());
    let person = Uuid::now_v7();
    let old = Utc
        .with_ymd_and_hms(2025, 10, 1, 12, 0, 0)
        .single()
        .expect("a day");
    let recent = Utc
        .with_ymd_and_hms(2026, 11, 1, 12, 0, 0)
        .single()
        .expect("a day");
    log.record_at(
        &[access(person, "GET /alt"), access(person, "GET /alt")],
        old,
    )?;
    log.record_at(&[access(person, "GET /neu")], recent)?;
    let cutoff = Utc
        .with_ymd_and_hms(2025, 12, 7, 0, 0, 0)
        .single()
        .expect("a day");
    assert_eq!(log.purge_before(cutoff)?, 2);
    assert_eq!(log.purge_before(cutoff)?, 0);
    let left = log.entries(None, 10)?;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].seq, 3);
    assert_eq!(log.verify()?, 1);
    log.record(&[access(person, "GET /danach")])?;
    assert_eq!(log.verify()?, 2);
    Ok(())
}

#[test]
fn a_purpose_is_parsed_by_its_code_only() {
    for purpose in AccessPurpose::ALL {
        assert_eq!(AccessPurpose::parse(purpose.code()).ok(), Some(purpose));
    }
    let error = AccessPurpose::parse("neugier").expect_err("unknown");
    assert!(error.to_string().contains("Unbekannter Zweck"));
}
