//! Writes the seed inputs of the fuzz targets into `fuzz/seeds/<target>/`: command JSON as the
//! API takes it, stored event payloads as the codec writes them (with the header of
//! `wifo_fuzz::CodecInput`), and small organization, region and sector files as offices upload
//! them (CSV in UTF-8, Windows-1252 and UTF-16, and one XLSX). Every seed is checked to be read
//! successfully, so the fuzzer starts from inputs that reach deep into the code. All data is
//! made up. Run from `fuzz/`: `cargo run --example write_seeds`.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use wifo_domain::{
    DomainEvent, contact::ContactEvent, cooperation::CooperationEvent, gathering::GatheringEvent,
    inquiry::InquiryEvent, organization::OrganizationEvent, person::PersonEvent,
    reminder::ReminderEvent, retreat::RetreatEvent, taxonomy::TaxonomyEvent, user::UserEvent,
    visit::VisitEvent,
};
use wifo_exchange::{
    export::{Cell, Sheet},
    hierarchy,
    mapping::MappingSpec,
    organizations::{KnownOrganizations, plan},
    table::{Header, read_table},
};
use wifo_fuzz::{CodecInput, event_types};
use wifo_store::{Codec, Metadata, Position, RecordedEvent};

const ORG: &str = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const ORG_2: &str = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
const PERSON: &str = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60";
const VISIT: &str = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61";
const INQUIRY: &str = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a62";
const REMINDER: &str = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a63";
const CONTACT: &str = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a64";

fn main() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    command_json(&seeds.join("command_json"));
    codec_decode(&seeds.join("codec_decode"));
    import_table(&seeds.join("import_table"));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).expect("seed directory");
    std::fs::write(dir.join(name), bytes).expect("seed written");
}

fn fill(template: &str) -> String {
    template
        .replace("$ORG2", ORG_2)
        .replace("$ORG", ORG)
        .replace("$PERSON", PERSON)
        .replace("$VISIT", VISIT)
        .replace("$INQUIRY", INQUIRY)
        .replace("$REMINDER", REMINDER)
        .replace("$CONTACT", CONTACT)
}

fn command_json(dir: &Path) {
    let commands: &[(&str, &str)] = &[
        (
            "organization-register",
            r#"{"Register":{"organization":"$ORG","name":"Bäckerei Sonnenschein GmbH","kind":"company","profile":{"legal_form":"GmbH","sector":"10.71","size_class":"10-19","founded_year":1998,"website":"https://baeckerei-sonnenschein.example"},"address":{"street":"Schönhauser Allee 12","postal_code":"10435","city":"Berlin"},"region":"03100101","external_id":"altcrm:4711"}}"#,
        ),
        (
            "organization-rename",
            r#"{"Rename":{"organization":"$ORG","name":"Sonnenschein Backwaren GmbH"}}"#,
        ),
        (
            "organization-merge",
            r#"{"Merge":{"organization":"$ORG2","survivor":"$ORG"}}"#,
        ),
        (
            "person-add",
            r#"{"Add":{"person":"$PERSON","personal":{"name":"Erika Mustermann","email":"erika@example.org","phone":"+49 30 1234-56","notes":"Geschäftsführerin"}}}"#,
        ),
        (
            "person-consent",
            r#"{"RecordConsent":{"person":"$PERSON","purpose":"newsletter","channel":"in_person","source":"Stammtisch Prenzlauer Berg","given_on":"2026-03-12"}}"#,
        ),
        (
            "visit-plan",
            r#"{"Plan":{"visit":"$VISIT","organization":"$ORG","planned_on":"2026-04-02","planned_at":"10:30","staff":["mmueller"],"participants":["$PERSON"],"purpose":"Erweiterung der Backstube","joint_partner":null}}"#,
        ),
        (
            "inquiry-receive",
            r#"{"Receive":{"inquiry":"$INQUIRY","organization":"$ORG","channel":"phone","source":"citizens_office","topics":[],"description":"Frage zur Sondernutzung des Gehwegs","received_on":"2026-02-20","received_by":"mmueller"}}"#,
        ),
        (
            "contact-log",
            r#"{"Log":{"contact":"$CONTACT","organization":"$ORG","person":null,"channel":"mail","contacted_on":"2026-01-15","topics":[],"summary":"Einladung zum Unternehmerfrühstück","staff":"mmueller"}}"#,
        ),
        (
            "reminder-set",
            r#"{"Set":{"reminder":"$REMINDER","about":{"organization":"$ORG"},"task":"Rückruf wegen Förderantrag","assignee":"mmueller","due_on":"2026-05-04"}}"#,
        ),
        (
            "taxonomy-define",
            r#"{"Define":{"taxonomy":"regions","entries":[{"code":"03","name":"Pankow","parent":null},{"code":"0310","name":"Prenzlauer Berg","parent":"03"}],"skip_existing":true}}"#,
        ),
    ];
    for (name, template) in commands {
        let json = fill(template);
        let decodes = [
            decodes::<wifo_domain::organization::OrganizationCommand>(&json),
            decodes::<wifo_domain::person::PersonCommand>(&json),
            decodes::<wifo_domain::visit::VisitCommand>(&json),
            decodes::<wifo_domain::contact::ContactCommand>(&json),
            decodes::<wifo_domain::inquiry::InquiryCommand>(&json),
            decodes::<wifo_domain::reminder::ReminderCommand>(&json),
            decodes::<wifo_domain::taxonomy::TaxonomyCommand>(&json),
        ];
        let errors: Vec<String> = decodes.iter().filter_map(|r| r.clone().err()).collect();
        assert!(
            decodes.iter().any(Result::is_ok),
            "seed {name} is no command: {errors:?}"
        );
        write(dir, &format!("{name}.json"), json.as_bytes());
    }
}

fn decodes<C: DeserializeOwned>(json: &str) -> Result<(), String> {
    serde_json::from_str::<C>(json)
        .map(|_| ())
        .map_err(|error| error.to_string())
}

fn codec_decode(dir: &Path) {
    let events: &[(&str, &str)] = &[
        (
            "organization",
            r#"{"OrganizationRegistered":{"organization":"$ORG","name":"Bäckerei Sonnenschein GmbH","kind":"company","profile":{"legal_form":"GmbH","sector":"10.71","size_class":"10-19","founded_year":1998,"website":"https://baeckerei-sonnenschein.example"},"address":{"street":"Schönhauser Allee 12","postal_code":"10435","city":"Berlin"},"region":"03100101","external_id":"altcrm:4711"}}"#,
        ),
        (
            "organization",
            r#"{"MembershipStarted":{"organization":"$ORG","association":"$ORG2","since":"2024-01-01"}}"#,
        ),
        (
            "person",
            r#"{"PersonAdded":{"person":"$PERSON","personal":{"name":"Erika Mustermann","email":"erika@example.org","phone":"+49 30 1234-56","notes":"Geschäftsführerin"}}}"#,
        ),
        (
            "person",
            r#"{"PersonUpdated":{"person":"$PERSON","personal":null}}"#,
        ),
        (
            "visit",
            r#"{"VisitPlanned":{"visit":"$VISIT","organization":"$ORG","planned_on":"2026-04-02","planned_at":"10:30","staff":["mmueller"],"participants":["$PERSON"],"purpose":"Erweiterung der Backstube","joint_partner":null}}"#,
        ),
        (
            "contact",
            r#"{"ContactLogged":{"contact":"$CONTACT","organization":"$ORG","person":null,"channel":"mail","contacted_on":"2026-01-15","topics":[],"summary":"Einladung zum Unternehmerfrühstück","staff":"mmueller"}}"#,
        ),
        (
            "reminder",
            r#"{"ReminderSet":{"reminder":"$REMINDER","about":{"organization":"$ORG"},"task":"Rückruf wegen Förderantrag","assignee":"mmueller","due_on":"2026-05-04"}}"#,
        ),
        (
            "taxonomy",
            r#"{"TaxonomyEntriesDefined":{"taxonomy":"regions","entries":[{"code":"03","name":"Pankow","parent":null}]}}"#,
        ),
    ];
    let types = event_types();
    for (category, template) in events {
        let json = fill(template);
        let (name, payload) = match *category {
            "organization" => payload_of::<OrganizationEvent>(&json),
            "person" => payload_of::<PersonEvent>(&json),
            "visit" => payload_of::<VisitEvent>(&json),
            "contact" => payload_of::<ContactEvent>(&json),
            "inquiry" => payload_of::<InquiryEvent>(&json),
            "cooperation" => payload_of::<CooperationEvent>(&json),
            "gathering" => payload_of::<GatheringEvent>(&json),
            "retreat" => payload_of::<RetreatEvent>(&json),
            "reminder" => payload_of::<ReminderEvent>(&json),
            "taxonomy" => payload_of::<TaxonomyEvent>(&json),
            "user" => payload_of::<UserEvent>(&json),
            other => panic!("no category {other}"),
        };
        let index = types
            .iter()
            .position(|(_, known)| *known == name)
            .expect("a known type");
        let mut input = CodecInput::header(index).to_vec();
        input.extend_from_slice(&payload);
        write(dir, &format!("{name}.bin"), &input);
    }
}

/// The type name and the stored payload (MessagePack with field names) of an event given as
/// JSON, split as the codec splits rmp-serde's `{variant: fields}`.
fn payload_of<E: DomainEvent>(json: &str) -> (String, Vec<u8>) {
    let event: E = serde_json::from_str(json).unwrap_or_else(|error| panic!("{error}: {json}"));
    let bytes = rmp_serde::to_vec_named(&event).expect("encodes");
    let mut rest = bytes.as_slice();
    let rmpv::Value::Map(mut entries) = rmpv::decode::read_value(&mut rest).expect("a map") else {
        panic!("an event is a map");
    };
    let (name, fields) = entries.pop().expect("one entry");
    let mut payload = Vec::new();
    rmpv::encode::write_value(&mut payload, &fields).expect("encodes");
    let name = name.as_str().expect("a name").to_owned();
    // The seed must decode as the target decodes it (current version, no data subject).
    let recorded = RecordedEvent {
        position: Position(1),
        stream: "seed-1".into(),
        revision: 0,
        id: uuid::Uuid::nil(),
        event_type: name.clone(),
        schema_version: E::schema_version(&name),
        payload: payload.clone(),
        metadata: Metadata {
            actor: "seed".into(),
            occurred_at: chrono::DateTime::UNIX_EPOCH,
            correlation_id: uuid::Uuid::nil(),
            causation_id: None,
            data_subject: None,
        },
        recorded_at: chrono::DateTime::UNIX_EPOCH,
    };
    let decoded: E = Codec::default()
        .decode(&recorded)
        .unwrap_or_else(|error| panic!("seed {name} does not decode: {error}"));
    assert_eq!(decoded, event, "seed {name} decodes to another event");
    (name, payload)
}

fn import_table(dir: &Path) {
    let wifo_export = "Kennung;Externe Kennung;Name;Art;Rechtsform;Straße;PLZ;Ort;Region;WZ-Code;Beschäftigte;Gründungsjahr;Website\r\n\
        0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b;altcrm:4711;Bäckerei Sonnenschein GmbH;Unternehmen;GmbH;Schönhauser Allee 12;10435;Berlin;03100101;10.71;10-19;1998;https://baeckerei-sonnenschein.example\r\n\
        ;;\"Blumen Krause; Inh. K. Krause\";Solo-Selbständige;e. K.;Berliner Str. 3;13187;Berlin;3100101;47.76;1-3;2011;\r\n\
        ;;Werbegemeinschaft Breite Straße;Verband / Initiative;e. V.;;;;;;;;\r\n\
        ;;Bäckerei Sonnenschein GmbH;Unternehmen;GmbH;Schönhauser Allee 12;10435;Berlin;;;;;\r\n\
        ;;Ohne Ort;Unternehmen;;Hauptstr. 1;1234;;;99.99;viele;neunzehnhundert;keine-url\r\n";
    let ihk = "opendata_id,ihk_branch_desc,business_type,postcode,city,planungsraum_id,nace_id,employees_range\n\
        9000001,Kantinen,GmbH,10435,Berlin,3100101,56.29,0\n\
        9000002,Friseursalons,Einzelunternehmen,13187,Berlin,03100101,96.02,1-3\n\
        9000003,\"Einzelhandel mit Blumen, Pflanzen\",GbR,13189,Berlin,,47.76,4-6\n\
        9000001,Kantinen,GmbH,10435,Berlin,3100101,56.29,0\n";
    let custom = "Firma\tStraße\tPLZ\tOrt\tKundennummer\n\
        Schlosserei Wendt\tPrenzlauer Allee 200\t10405\tBerlin\t'=123\n\
        \"Café \"\"Zur Post\"\"\"\tWollankstr. 1\t13187\tBerlin\t+49 30 1234\n";
    let lor = "Planungsraum (Nummer);Planungsraum (Name);Bezirksregion (Nummer);Bezirksregion (Name);Prognoseraum (Nummer);Prognoseraum (Name);Bezirk\n\
        03100101;Helmholtzplatz;031001;Prenzlauer Berg Nord;0310;Prenzlauer Berg;Pankow\n\
        3100102;Humannplatz;31001;Prenzlauer Berg  Nord;310;Prenzlauer Berg;Pankow\n\
        03200201;Weißensee;032002;Weißensee;0320;Weißensee;Pankow\n";
    let wz = "1\tA\tABSCHNITT A - LAND- UND FORSTWIRTSCHAFT, FISCHEREI\tA\n\
        2\t01\tLandwirtschaft, Jagd und damit verbundene Tätigkeiten\t01\n\
        3\t01.1\tAnbau einjähriger Pflanzen\t011\n\
        4\t01.11\tAnbau von Getreide\t0111\n\
        5\t01.11.0\tAnbau von Getreide (ohne Reis)\t0111\n";
    let files: Vec<(&str, Vec<u8>)> = vec![
        (
            "wifo-export.csv",
            [b"\xEF\xBB\xBF".as_slice(), wifo_export.as_bytes()].concat(),
        ),
        ("ihk.csv", ihk.as_bytes().to_vec()),
        ("custom.tsv", custom.as_bytes().to_vec()),
        ("lor.csv", lor.as_bytes().to_vec()),
        ("wz.tsv", wz.as_bytes().to_vec()),
        (
            "windows-1252.csv",
            windows_1252(
                &wifo_export
                    .split_inclusive("\r\n")
                    .take(3)
                    .collect::<String>(),
            ),
        ),
        ("utf-16.csv", utf_16(ihk)),
        ("wifo-export.xlsx", xlsx()),
    ];
    for (name, bytes) in &files {
        let table = read_table(bytes, Header::Present)
            .unwrap_or_else(|error| panic!("seed {name} does not read: {error}"));
        if let Ok(spec) = MappingSpec::detect(&table) {
            let mapping = spec.resolve(&table).expect("detected layouts resolve");
            let plan = plan(&table, &mapping, KnownOrganizations::default());
            println!(
                "{name}: {} rows, {} new, {} duplicates, {} invalid ({})",
                plan.rows.len(),
                plan.new_count(),
                plan.duplicate_count(),
                plan.error_count(),
                plan.mapping
            );
        } else if let Ok(regions) = hierarchy::regions(&table) {
            println!(
                "{name}: regions {:?}, {} errors",
                regions.per_level,
                regions.errors.len()
            );
        } else {
            println!("{name}: {} rows, no built-in layout", table.rows.len());
        }
        if let Ok(sectors) = read_table(bytes, Header::Absent)
            .map_err(|error| error.to_string())
            .and_then(|table| hierarchy::sectors(&table).map_err(|error| error.to_string()))
            && sectors.errors.is_empty()
        {
            println!("{name}: sectors {:?}", sectors.per_level);
        }
        write(dir, name, bytes);
    }
}

fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'ä' => 0xE4,
            'ö' => 0xF6,
            'ü' => 0xFC,
            'ß' => 0xDF,
            'Ä' => 0xC4,
            'Ö' => 0xD6,
            'Ü' => 0xDC,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect()
}

fn utf_16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

fn xlsx() -> Vec<u8> {
    let mut sheet = Sheet::new(
        "Organisationen",
        &[
            "Kennung",
            "Externe Kennung",
            "Name",
            "Art",
            "Rechtsform",
            "Straße",
            "PLZ",
            "Ort",
            "Region",
            "WZ-Code",
            "Beschäftigte",
            "Gründungsjahr",
            "Website",
        ],
    );
    sheet.rows.push(vec![
        Cell::text(ORG),
        Cell::text("altcrm:4711"),
        Cell::text("Bäckerei Sonnenschein GmbH"),
        Cell::text("Unternehmen"),
        Cell::text("GmbH"),
        Cell::text("Schönhauser Allee 12"),
        Cell::text("10435"),
        Cell::text("Berlin"),
        Cell::Number(3100101.0),
        Cell::text("10.71"),
        Cell::text("10-19"),
        Cell::Integer(1998),
        Cell::text("https://baeckerei-sonnenschein.example"),
    ]);
    sheet.rows.push(vec![
        Cell::Empty,
        Cell::Empty,
        Cell::text("Schlosserei Wendt"),
        Cell::text("Unternehmen"),
        Cell::Empty,
        Cell::text("Prenzlauer Allee 200"),
        Cell::Number(10405.0),
        Cell::text("Berlin"),
        Cell::text("03100101"),
        Cell::Decimal(25.62, 2),
        Cell::Empty,
        Cell::Date(chrono::NaiveDate::from_ymd_opt(2001, 5, 1).expect("a date")),
        Cell::Empty,
    ]);
    wifo_exchange::export::xlsx::workbook(&[sheet]).expect("workbook")
}
