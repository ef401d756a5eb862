//! Erasure (DSGVO Art. 17) checked the way a data protection officer would: after
//! `erase_person`, no file of the data directory — the log, its write-ahead log, the key store,
//! the master key, anything else — holds the person's name, mail, phone or notes in any common
//! encoding, the person's key is gone from disk, and a backup taken before the erasure reads as
//! erased too. Before the erasure the files hold the person only as ciphertext.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use uuid::Uuid;
use wifo_app::{data_dir::DataDir, privacy::erase_person};
use wifo_domain::{
    ids::{OrganizationId, PersonId},
    organization::{Organization, OrganizationCommand, OrganizationKind, RegisterOrganization},
    person::{
        AddPerson, ConsentChannel, ConsentPurpose, ErasureReason, LinkPerson, Person,
        PersonCommand, PersonEvent, RecordConsent, UpdatePerson,
    },
    personal::{Erasable, PersonalData},
    values::{Email, OrganizationName, PersonName, Phone, Text, Title},
};
use wifo_store::{
    Codec, CommandContext, CommandHandler, EventStore, Metadata, SqliteStore, codec::CodecError,
    read_whole_stream,
};

const NAME: &str = "Zdenka Quastwinkel";
const MAIL: &str = "z.quastwinkel@beispiel-erasure.de";
const NEW_MAIL: &str = "zdenka.quastwinkel@beispiel-erasure.de";
const PHONE: &str = "+49 30 7788 9931";
const NOTES: &str =
    "Frau Quastwinkel (Zdenka) führt die Rösterei seit 2019; Rückruf nur vormittags.";
/// Not personal data: stays readable, and shows the search finds what is stored in plaintext.
pub(crate) const ORGANIZATION_NAME: &str = "Kaffeerösterei Spreeblick GmbH";

/// Every trace of the person that must never be readable from the files.
const TRACES: &[&str] = &[
    "Quastwinkel",
    "Zdenka",
    MAIL,
    NEW_MAIL,
    "beispiel-erasure",
    PHONE,
    "Rückruf nur vormittags",
];

fn personal(mail: &str) -> anyhow::Result<PersonalData> {
    Ok(PersonalData {
        name: PersonName::parse(NAME)?,
        email: Some(Email::parse(mail)?),
        phone: Some(Phone::parse(PHONE)?),
        notes: Text::parse(NOTES)?,
    })
}

pub(crate) fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_erasure_no_file_of_the_data_directory_holds_the_persons_data() -> anyhow::Result<()>
{
    let dir = tempfile::tempdir()?;
    let backup_dir = tempfile::tempdir()?;
    let backup = backup_dir.path().join("events-backup.sqlite");
    let person = PersonId::from_uuid(Uuid::now_v7());
    let organization = OrganizationId::from_uuid(Uuid::now_v7());
    let context = CommandContext::now("a.schmidt");
    let wrapped_key = {
        let data = DataDir::open(dir.path())?;
        record_the_person(&data, person, organization, &context).await?;

        let (state, _, _) = data.handler.load::<Person>(&person.to_string()).await?;
        let known = state
            .personal
            .as_ref()
            .and_then(Erasable::known)
            .expect("before erasure the personal data reads back");
        assert_eq!(known, &personal(NEW_MAIL)?);

        // Controls: the search finds plaintext that is stored, and the person's wrapped key.
        let wrapped_key = wrapped_key_of(dir.path(), person)?;
        assert!(!files_containing(dir.path(), &[ORGANIZATION_NAME.as_bytes()])?.is_empty());
        assert_eq!(
            files_containing(dir.path(), &[&wrapped_key])?,
            vec![dir.path().join("keys.sqlite")]
        );
        assert_eq!(
            traces_in(dir.path())?,
            Vec::<String>::new(),
            "before erasure the files hold the person only as ciphertext"
        );

        // A backup as an administrator would take it, before the erasure.
        rusqlite::Connection::open(dir.path().join("events.sqlite"))?
            .execute("VACUUM INTO ?1", [backup.to_string_lossy().into_owned()])?;

        let erased_on = date(2025, 10, 1);
        erase_person(
            &data,
            person,
            erased_on,
            ErasureReason::DataSubjectRequest,
            &context,
        )
        .await?;
        data.store.close();
        wrapped_key
    };

    let data = DataDir::open(dir.path())?;
    let stream = format!("person-{person}");

    // The state shows the erasure; links and consents stay as history.
    let (state, _, _) = data.handler.load::<Person>(&person.to_string()).await?;
    assert_eq!(state.personal, Some(Erasable::Erased));
    assert!(state.erased);
    assert!(state.links.contains_key(&organization));
    assert!(state.consents.contains_key(&ConsentPurpose::Invitations));

    // The log keeps every event, ends with `PersonErased`, and the personal field reads as nil.
    let recorded = read_whole_stream(&data.store, &stream).await?;
    let types: Vec<&str> = recorded.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(
        types,
        [
            "PersonAdded",
            "PersonLinked",
            "ConsentRecorded",
            "PersonUpdated",
            "PersonErased"
        ]
    );
    for event in &recorded {
        assert_eq!(event.metadata.data_subject, Some(person.as_uuid()));
        let value = data.codec.open_value(event)?;
        let personal_field = value.as_map().and_then(|fields| {
            fields
                .iter()
                .find(|(key, _)| key.as_str() == Some("personal"))
                .map(|(_, field)| field)
        });
        match event.event_type.as_str() {
            "PersonAdded" | "PersonUpdated" => assert!(
                personal_field.is_some_and(|field| field.is_nil()),
                "{}: personal must read as nil, got {personal_field:?}",
                event.event_type
            ),
            _ => assert!(
                personal_field.is_none(),
                "{} has no personal field",
                event.event_type
            ),
        }
    }
    let added: PersonEvent = data.codec.decode(&recorded[0])?;
    assert_eq!(
        added,
        PersonEvent::Added {
            person,
            personal: Erasable::Erased
        }
    );

    // The key is gone, from the key store and from every byte on disk.
    assert!(data.keys.key(person.as_uuid())?.is_none());
    assert_eq!(data.keys.len()?, 0);
    assert_eq!(
        files_containing(dir.path(), &[&wrapped_key])?,
        Vec::<PathBuf>::new()
    );

    // Repeating the erasure (after a crash between event and key deletion) is safe.
    erase_person(
        &data,
        person,
        date(2025, 10, 2),
        ErasureReason::Other,
        &context,
    )
    .await?;
    assert_eq!(read_whole_stream(&data.store, &stream).await?.len(), 5);

    assert_eq!(traces_in(dir.path())?, Vec::<String>::new());
    let (busy, _, _): (i64, i64, i64) = rusqlite::Connection::open(
        dir.path().join("events.sqlite"),
    )?
    .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
    })?;
    assert_eq!(busy, 0, "the checkpoint must run to the end");
    assert_eq!(traces_in(dir.path())?, Vec::<String>::new());
    assert!(!files_containing(dir.path(), &[ORGANIZATION_NAME.as_bytes()])?.is_empty());

    // The old backup holds only ciphertext, and without the key it reads as erased.
    assert_eq!(traces_in(backup_dir.path())?, Vec::<String>::new());
    let old = SqliteStore::open(&backup)?;
    let shared: std::sync::Arc<dyn EventStore> = std::sync::Arc::new(old.clone());
    let from_backup = CommandHandler::new(shared, data.codec.clone());
    let (restored, _, _) = from_backup.load::<Person>(&person.to_string()).await?;
    assert_eq!(restored.personal, Some(Erasable::Erased));
    assert!(restored.is_erased());
    old.close();
    data.store.close();
    Ok(())
}

/// Registers the organization and records the person: added, linked, consent, new mail.
pub(crate) async fn record_the_person(
    data: &DataDir,
    person: PersonId,
    organization: OrganizationId,
    context: &CommandContext,
) -> anyhow::Result<()> {
    let register = OrganizationCommand::Register(RegisterOrganization {
        organization,
        name: OrganizationName::parse(ORGANIZATION_NAME)?,
        kind: OrganizationKind::Company,
        profile: Default::default(),
        address: None,
        region: None,
        external_id: None,
    });
    data.handler
        .execute::<Organization>(&register, context, None)
        .await?;
    let commands = [
        PersonCommand::Add(AddPerson {
            person,
            personal: personal(MAIL)?,
        }),
        PersonCommand::Link(LinkPerson {
            person,
            organization,
            role: Title::parse("Inhaberin")?,
        }),
        PersonCommand::RecordConsent(RecordConsent {
            person,
            purpose: ConsentPurpose::Invitations,
            channel: ConsentChannel::InPerson,
            source: Text::parse("Stammtisch Florakiez, März 2025")?,
            given_on: date(2025, 3, 12),
        }),
        PersonCommand::Update(UpdatePerson {
            person,
            personal: personal(NEW_MAIL)?,
        }),
    ];
    for command in &commands {
        let outcome = data
            .handler
            .execute::<Person>(command, context, None)
            .await?;
        assert_eq!(outcome.events.len(), 1, "{command:?} must write one event");
    }
    Ok(())
}

/// The person's wrapped key as `keys.sqlite` stores it. Reads the key store's table directly:
/// only the stored bytes can show that erasure overwrites them rather than unlinking them.
fn wrapped_key_of(dir: &Path, person: PersonId) -> anyhow::Result<Vec<u8>> {
    let connection = rusqlite::Connection::open(dir.join("keys.sqlite"))?;
    Ok(connection.query_row(
        "SELECT wrapped FROM person_keys WHERE person = ?1",
        [person.as_uuid().as_bytes().as_slice()],
        |row| row.get(0),
    )?)
}

/// Every file below `dir`, recursively.
fn files_below(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_below(&path)?);
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// The files below `dir` that contain any of the byte strings.
pub(crate) fn files_containing(dir: &Path, needles: &[&[u8]]) -> anyhow::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for file in files_below(dir)? {
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error.into()),
        };
        if needles.iter().any(|needle| contains(&bytes, needle)) {
            found.push(file);
        }
    }
    Ok(found)
}

/// Where a trace of the person is readable: in UTF-8 or UTF-16 (either byte order), in any
/// letter case.
pub(crate) fn traces_in(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut found = Vec::new();
    for file in files_below(dir)? {
        // A server's data directory changes while it is read: a file may be gone.
        let folded = match std::fs::read(&file) {
            Ok(bytes) => bytes.to_ascii_lowercase(),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error.into()),
        };
        for trace in TRACES {
            let lower = trace.to_lowercase();
            let utf16: Vec<u16> = lower.encode_utf16().collect();
            let encodings = [
                ("UTF-8", lower.as_bytes().to_vec()),
                (
                    "UTF-16LE",
                    utf16.iter().flat_map(|unit| unit.to_le_bytes()).collect(),
                ),
                (
                    "UTF-16BE",
                    utf16.iter().flat_map(|unit| unit.to_be_bytes()).collect(),
                ),
            ];
            for (encoding, needle) in encodings {
                if contains(&folded, &needle) {
                    found.push(format!("{}: {trace} ({encoding})", file.display()));
                }
            }
        }
    }
    Ok(found)
}

#[test]
fn personal_data_is_only_ever_stored_sealed() -> anyhow::Result<()> {
    let person = PersonId::from_uuid(Uuid::now_v7());
    let event = PersonEvent::Added {
        person,
        personal: Erasable::Known(personal(MAIL)?),
    };
    let metadata = || Metadata {
        actor: "a.schmidt".into(),
        occurred_at: chrono::Utc::now(),
        correlation_id: Uuid::now_v7(),
        causation_id: None,
        data_subject: None,
    };

    // Without a key store there is no way to store it.
    let refused = Codec::new(None).encode(&event, Uuid::now_v7(), metadata());
    assert!(
        matches!(refused, Err(CodecError::NoKeyStore)),
        "a person event must not be stored without a key store, got {refused:?}"
    );

    // The plain MessagePack form of the event names the person; the stored payload does not.
    let plain = rmp_serde::to_vec_named(&event)?;
    assert!(contains(&plain, NAME.as_bytes()) && contains(&plain, MAIL.as_bytes()));
    let dir = tempfile::tempdir()?;
    let keys = std::sync::Arc::new(wifo_store::KeyStore::open(dir.path())?);
    let stored = Codec::new(Some(keys)).encode(&event, Uuid::now_v7(), metadata())?;
    assert_eq!(stored.metadata.data_subject, Some(person.as_uuid()));
    for trace in [NAME, MAIL, PHONE, "Quastwinkel", "Rückruf"] {
        assert!(
            !contains(&stored.payload, trace.as_bytes()),
            "the stored payload shows {trace:?}"
        );
    }
    Ok(())
}
