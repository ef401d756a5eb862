//! Real files in and out, through the same functions the CLI runs: the shared reference files
//! import with the counts their publishers state, broken files write nothing, a re-import adds
//! nothing, the error file of `--skip-invalid` imports after correction, a backup taken during
//! writes restores to exactly its position, an erasure made after a backup wins on restore, and
//! `verify` names the event whose payload had one byte flipped.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Parser as _;
use uuid::Uuid;
use wifo_app::{backup, data_dir::DataDir};
use wifo_domain::{
    ids::{OrganizationId, PersonId},
    organization::{Organization, OrganizationCommand, OrganizationKind, RegisterOrganization},
    person::{AddPerson, ErasureReason, Person, PersonCommand},
    personal::PersonalData,
    values::{OrganizationName, PersonName, Text},
};
use wifo_store::{CommandContext, KeyStore, embedded::backup as store_backup};

fn shared(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data")
        .join(name)
}

const IHK: &str = "ihk-berlin-gewerbedaten-sample-2023-03.csv";

/// Event types in the log of `data`, read without opening the store for writing.
fn event_types(data: &Path) -> anyhow::Result<Vec<String>> {
    let mut types = Vec::new();
    let log = data.join("events.sqlite");
    if !log.exists() {
        return Ok(types);
    }
    let report = wifo_store::embedded::verify(&log, |event| {
        types.push(event.event_type.clone());
        Ok(())
    })?;
    assert!(report.is_ok(), "{report:?}");
    Ok(types)
}

/// The options of `wifo import organizations`.
struct OrganizationImport {
    data: PathBuf,
    file: PathBuf,
    mapping: Option<PathBuf>,
    dry_run: bool,
    skip_invalid: bool,
}

/// Runs `wifo import organizations` through the command line.
async fn organizations(options: OrganizationImport) -> anyhow::Result<()> {
    let mut args = vec![
        "wifo".into(),
        "import".into(),
        "organizations".into(),
        "--data".into(),
        options.data.into_os_string(),
        options.file.into_os_string(),
    ];
    if let Some(mapping) = options.mapping {
        args.extend(["--mapping".into(), mapping.into_os_string()]);
    }
    if options.dry_run {
        args.push("--dry-run".into());
    }
    if options.skip_invalid {
        args.push("--skip-invalid".into());
    }
    wifo(args).await
}

/// Runs `wifo import regions|sectors` through the command line.
async fn hierarchy(data: &Path, file: &Path, regions: bool, dry_run: bool) -> anyhow::Result<()> {
    let mut args: Vec<std::ffi::OsString> = vec![
        "wifo".into(),
        "import".into(),
        if regions { "regions" } else { "sectors" }.into(),
        "--data".into(),
        data.into(),
        file.into(),
    ];
    if dry_run {
        args.push("--dry-run".into());
    }
    wifo(args).await
}

async fn wifo(args: Vec<std::ffi::OsString>) -> anyhow::Result<()> {
    wifo_server::cli::run(wifo_server::cli::Cli::try_parse_from(args)?).await
}

fn count(types: &[String], wanted: &str) -> usize {
    types.iter().filter(|t| *t == wanted).count()
}

async fn import(data: &Path, file: &Path, skip_invalid: bool) -> anyhow::Result<()> {
    organizations(OrganizationImport {
        data: data.to_owned(),
        file: file.to_owned(),
        mapping: None,
        dry_run: false,
        skip_invalid,
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ihk_sample_gives_thirty_organizations_and_a_reimport_none() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    organizations(OrganizationImport {
        data: dir.path().to_owned(),
        file: shared(IHK),
        mapping: None,
        dry_run: true,
        skip_invalid: false,
    })
    .await?;
    assert_eq!(
        count(&event_types(dir.path())?, "OrganizationRegistered"),
        0
    );
    import(dir.path(), &shared(IHK), false).await?;
    assert_eq!(
        count(&event_types(dir.path())?, "OrganizationRegistered"),
        30
    );
    import(dir.path(), &shared(IHK), false).await?;
    assert_eq!(
        count(&event_types(dir.path())?, "OrganizationRegistered"),
        30
    );

    // The office's own export reads back as the same 30 organizations.
    let export = dir.path().join("organisationen.csv");
    let sheets = wifo_app::views::with_views(dir.path(), |views| {
        vec![wifo_app::export::organizations(views)]
    })
    .await?;
    assert_eq!(sheets[0].rows.len(), 30);
    std::fs::write(
        &export,
        wifo_app::export::table_bytes(&sheets, wifo_app::export::TableFormat::Csv)?,
    )?;
    import(dir.path(), &export, false).await?;
    assert_eq!(
        count(&event_types(dir.path())?, "OrganizationRegistered"),
        30
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lor_and_wz_files_become_one_event_each_and_a_reimport_changes_nothing()
-> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    hierarchy(dir.path(), &shared("berlin-lor-2021.csv"), true, false).await?;
    hierarchy(dir.path(), &shared("wz2008-de.tsv"), false, false).await?;
    let data = DataDir::open(dir.path())?;
    let mut entries = Vec::new();
    for stream in ["taxonomy-regions", "taxonomy-sectors"] {
        let events = wifo_store::read_whole_stream(&data.store, stream).await?;
        assert_eq!(events.len(), 1, "{stream}");
        let decoded: wifo_domain::taxonomy::TaxonomyEvent = data.codec.decode(&events[0])?;
        let wifo_domain::taxonomy::TaxonomyEvent::EntriesDefined {
            entries: defined, ..
        } = decoded
        else {
            panic!("{stream}: {decoded:?}");
        };
        entries.push(defined);
    }
    data.store.close();
    let by_length = |entries: &[wifo_domain::taxonomy::Entry], length: usize| {
        entries.iter().filter(|e| e.code.len() == length).count()
    };
    let regions = &entries[0];
    assert_eq!(
        [2, 4, 6, 8].map(|length| by_length(regions, length)),
        [12, 58, 143, 542]
    );
    let sectors = &entries[1];
    // A (section), 01 (division), 01.1 (group), 01.11 (class), 01.11.0 (subclass).
    assert_eq!(
        [1, 2, 4, 5, 7].map(|length| by_length(sectors, length)),
        [21, 88, 272, 615, 839]
    );
    let before = event_types(dir.path())?.len();
    hierarchy(dir.path(), &shared("berlin-lor-2021.csv"), true, false).await?;
    hierarchy(dir.path(), &shared("wz2008-de.tsv"), false, false).await?;
    assert_eq!(event_types(dir.path())?.len(), before);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_files_get_a_clear_error_and_write_nothing() -> anyhow::Result<()> {
    let ihk = std::fs::read(shared(IHK))?;
    let mut utf16 = Vec::new();
    for unit in String::from_utf8_lossy(&ihk).encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let mut huge = b"Name;Ort\nA;\"".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 1 << 20));
    huge.extend_from_slice(b"\"\n");
    let binary: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        // Cut in the middle of a row: that row lacks fields.
        (
            "truncated",
            ihk[..ihk.len() * 3 / 5].to_vec(),
            "ist die Datei abgeschnitten?",
        ),
        (
            "utf-16 without BOM",
            utf16[2..].to_vec(),
            "keine Text- oder Tabellendatei",
        ),
        ("binary", binary, "keine Text- oder Tabellendatei"),
        ("empty", Vec::new(), "Die Datei ist leer."),
        (
            "header only",
            ihk[..ihk.iter().position(|b| *b == b'\n').unwrap_or(0) + 1].to_vec(),
            "nur die Kopfzeile",
        ),
        (
            "1 MB in one field",
            huge,
            "das Feld ist 1048576 Zeichen lang",
        ),
    ];
    for (what, bytes, expected) in cases {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("datei.csv");
        std::fs::write(&file, bytes)?;
        let data = dir.path().join("data");
        let error = import(&data, &file, false).await.expect_err(what);
        let message = format!("{error:#}");
        assert!(message.contains(expected), "{what}: {message}");
        assert_eq!(event_types(&data)?, Vec::<String>::new(), "{what}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skip_invalid_writes_the_valid_rows_and_the_corrected_error_file_imports()
-> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mapping = dir.path().join("zuordnung.toml");
    std::fs::write(
        &mapping,
        "name = \"Firma\"\nstreet = \"Straße\"\npostal_code = \"PLZ\"\ncity = \"Ort\"\n",
    )?;
    let file = dir.path().join("betriebe.csv");
    std::fs::write(
        &file,
        "Firma;Straße;PLZ;Ort\r\nBäckerei Schulz;Hauptstr. 5;10115;Berlin\r\n\
         Metallbau Kern;Am Hafen 1;1011;Berlin\r\nCafé Linde;Lindenstr. 1;10969;Berlin\r\n",
    )?;
    let data = dir.path().join("data");
    let run = |file: PathBuf, skip_invalid| {
        organizations(OrganizationImport {
            data: data.clone(),
            file,
            mapping: Some(mapping.clone()),
            dry_run: false,
            skip_invalid,
        })
    };
    let refused = run(file.clone(), false)
        .await
        .expect_err("one row is invalid");
    assert!(
        format!("{refused:#}")
            .contains("Nichts geschrieben: 1 Zeile ist fehlerhaft (zuerst Zeile 3: PLZ")
    );
    assert_eq!(event_types(&data)?.len(), 0);

    run(file.clone(), true).await?;
    assert_eq!(count(&event_types(&data)?, "OrganizationRegistered"), 2);
    let error_file = dir.path().join("betriebe.fehler.csv");
    let text = std::fs::read_to_string(&error_file)?;
    assert!(
        text.starts_with("\u{feff}Firma;Straße;PLZ;Ort;Fehler\r\n"),
        "{text}"
    );
    assert!(
        text.contains("Metallbau Kern;Am Hafen 1;1011;Berlin;PLZ „1011“"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2);

    // The user corrects the postal code and imports the error file as it is.
    std::fs::write(&error_file, text.replace(";1011;", ";10115;"))?;
    run(error_file, false).await?;
    assert_eq!(count(&event_types(&data)?, "OrganizationRegistered"), 3);
    Ok(())
}

fn organization(i: usize) -> anyhow::Result<OrganizationCommand> {
    Ok(OrganizationCommand::Register(RegisterOrganization {
        organization: OrganizationId::from_uuid(Uuid::now_v7()),
        name: OrganizationName::parse(&format!("Lastbetrieb {i}"))?,
        kind: OrganizationKind::Company,
        profile: Default::default(),
        address: None,
        region: None,
        external_id: None,
    }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_during_writes_restores_exactly_to_its_position_and_verify_finds_a_flipped_byte()
-> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let source = dir.path().join("amt");
    let data = DataDir::open(&source)?;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut writers = Vec::new();
    for writer in 0..4 {
        let handler = data.handler.clone();
        let stop = stop.clone();
        writers.push(tokio::spawn(async move {
            let context = CommandContext::now("last");
            let mut written = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                handler
                    .execute::<Organization>(
                        &organization(writer * 100_000 + written)?,
                        &context,
                        None,
                    )
                    .await?;
                written += 1;
            }
            anyhow::Ok(written)
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let backup_dir = dir.path().join("sicherung");
    let manifest = tokio::task::spawn_blocking({
        let (source, backup_dir) = (source.clone(), backup_dir.clone());
        move || backup::backup(&source, &backup_dir)
    })
    .await??;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut total = 0;
    for writer in writers {
        total += writer.await??;
    }
    data.store.close();
    let source_head = store_backup::log_head(&source.join("events.sqlite"))?;
    assert!(manifest.events > 0, "the backup holds writes");
    assert!(
        source_head.events > manifest.events,
        "writes went on after the backup ({} vs {})",
        source_head.events,
        manifest.events
    );
    assert_eq!(source_head.events as usize, total);

    let restored = dir.path().join("wiederhergestellt");
    let result = backup::restore(&backup_dir, &restored, &[]).await?;
    assert_eq!(result.manifest, manifest);
    let head = store_backup::log_head(&restored.join("events.sqlite"))?;
    assert_eq!(
        (head.position.0, head.events),
        (manifest.position, manifest.events)
    );
    // The hash chain equals the source's at the backup's position.
    assert_eq!(
        store_backup::hash_at(&source.join("events.sqlite"), head.position)?,
        Some(head.last_hash.to_vec())
    );
    wifo_app::verify::run(&restored)?;

    // A restore never overwrites an office.
    let again = backup::restore(&backup_dir, &restored, &[])
        .await
        .expect_err("not empty");
    assert!(format!("{again:#}").contains("ist nicht leer"));

    // One flipped byte in one stored payload: verify names that event.
    let target = manifest.position / 2;
    {
        let connection = rusqlite::Connection::open(restored.join("events.sqlite"))?;
        let mut payload: Vec<u8> = connection.query_row(
            "SELECT payload FROM events WHERE position = ?1",
            [target],
            |row| row.get(0),
        )?;
        let middle = payload.len() / 2;
        payload[middle] ^= 0x01;
        connection.execute(
            "UPDATE events SET payload = ?1 WHERE position = ?2",
            rusqlite::params![payload, target],
        )?;
    }
    let error = wifo_app::verify::run(&restored).expect_err("the byte was flipped");
    assert!(
        format!("{error:#}").contains(&format!("Position {target}")),
        "{error:#}"
    );

    // A damaged backup is refused before anything is copied.
    let mut log = std::fs::read(backup_dir.join("events.sqlite"))?;
    let last = log.len() - 1;
    log[last] ^= 0xFF;
    std::fs::write(backup_dir.join("events.sqlite"), log)?;
    let damaged = backup::restore(&backup_dir, &dir.path().join("neu"), &[])
        .await
        .expect_err("checksum");
    assert!(format!("{damaged:#}").contains("Prüfsumme"));
    assert!(!dir.path().join("neu").join("events.sqlite").exists());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_erasure_made_after_a_backup_wins_when_the_backup_is_restored() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let source = dir.path().join("amt");
    let person = PersonId::from_uuid(Uuid::now_v7());
    let context = CommandContext::now("a.schmidt");
    let data = DataDir::open(&source)?;
    data.handler
        .execute::<Person>(
            &PersonCommand::Add(AddPerson {
                person,
                personal: PersonalData {
                    name: PersonName::parse("Zdenka Quastwinkel")?,
                    email: None,
                    phone: None,
                    notes: Text::parse("Rückruf nur vormittags")?,
                },
            }),
            &context,
            None,
        )
        .await?;
    let backup_dir = dir.path().join("sicherung");
    backup::backup(&source, &backup_dir)?;
    wifo_app::privacy::erase_person(
        &data,
        person,
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default(),
        ErasureReason::DataSubjectRequest,
        &context,
    )
    .await?;
    data.store.close();

    // Restored without the later log: the backup predates the erasure, and says so.
    let plain = dir.path().join("ohne");
    backup::restore(&backup_dir, &plain, &[]).await?;
    assert!(KeyStore::open(&plain)?.key(person.as_uuid())?.is_some());

    // Restored with the later log named: the erasure is applied again.
    let restored = dir.path().join("mit");
    let result = backup::restore(&backup_dir, &restored, std::slice::from_ref(&source)).await?;
    assert_eq!(result.erasures_reapplied, 1);
    assert!(KeyStore::open(&restored)?.key(person.as_uuid())?.is_none());
    let types = event_types(&restored)?;
    assert_eq!(types, ["PersonAdded", "PersonErased"]);
    let data = DataDir::open(&restored)?;
    let (state, _, _) = data.handler.load::<Person>(&person.to_string()).await?;
    assert!(state.erased);
    data.store.close();
    Ok(())
}
