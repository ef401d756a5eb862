//! Region portraits through the pages and the API: outlines imported from the real Prognoseraum
//! file (`../shared/data`) through the importer of `wifo import geometry`, a business visited
//! today, then `/regionen` with its two maps, the portrait of the Bezirksregion with its
//! workbook, and the same figures as JSON. The Bürgerbüro gets neither.

use reqwest::StatusCode;
use wifo_domain::{
    taxonomy::{DefineEntries, Entry, Taxonomy, TaxonomyCommand, TaxonomyKind},
    values::Role,
};
use wifo_store::CommandContext;

use super::{conduct_visit, register_organization, spawn_app};

fn reference_outlines() -> anyhow::Result<Vec<u8>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/berlin-lor-2021-prognoseraeume.geojson");
    Ok(std::fs::read(path)?)
}

const SOURCE: &str = "Amt für Statistik Berlin-Brandenburg (CC BY 3.0 DE)";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_region_pages_map_and_count_what_staff_recorded() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let context = CommandContext::now("admin");
    let handler = &app.state.data.handler;
    handler
        .execute::<Taxonomy>(
            &TaxonomyCommand::Define(DefineEntries {
                taxonomy: TaxonomyKind::Regions,
                entries: [
                    ("03", "Pankow"),
                    ("0310", "Buch"),
                    ("0320", "Nördliches Pankow"),
                    ("031001", "Buch-Nord"),
                    ("03100101", "Buch am Forst"),
                ]
                .iter()
                .map(|(code, name)| Entry::new(code, name, None))
                .collect(),
                skip_existing: true,
            }),
            &context,
            None,
        )
        .await?;
    let plan = wifo_app::import::plan_outlines(handler, &reference_outlines()?, SOURCE).await?;
    assert!(plan.errors.is_empty(), "{:?}", plan.errors);
    let mut planned: Vec<&str> = plan
        .command
        .outlines
        .iter()
        .map(|o| o.code.as_str())
        .collect();
    planned.sort_unstable();
    assert_eq!(planned, ["0310", "0320"]);
    assert_eq!(plan.outside.len(), 56);
    wifo_app::import::execute_outlines(handler, &plan, &context).await?;
    let again = wifo_app::import::execute_outlines(handler, &plan, &context).await;
    assert!(
        again
            .as_ref()
            .is_err_and(|error| error.to_string().contains("bereits so übernommen")),
        "a second import of the same file writes nothing: {again:?}"
    );

    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Bäckerei Karte GmbH").await?;
    conduct_visit(&staff, &organization, false, 4).await?;
    app.settled().await?;

    let page = staff.get("/regionen").await?;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await?;
    assert_eq!(page.matches("<svg class=\"map\"").count(), 2, "{page}");
    assert_eq!(page.matches("data-region=\"0310\"").count(), 2);
    assert!(
        page.contains("href=\"/regionen/0310?jahr="),
        "the table links the region"
    );
    assert!(page.contains(SOURCE), "the maps name their source");
    assert!(page.contains("Buch-Nord"));
    assert!(page.contains("/regionen/031001?jahr="));
    // Buch: the one business, visited today → 100 % in the coverage map's darkest class.
    assert!(page.contains("<title>Buch: 100,0 %</title>"), "{page}");
    assert!(
        page.contains("<title>Nördliches Pankow: –</title>"),
        "no business, no share"
    );

    let portrait = staff.get("/regionen/031001").await?.text().await?;
    assert!(
        portrait.contains("Regionsporträt Bezirksregion Buch-Nord"),
        "{portrait}"
    );
    assert!(portrait.contains("Betriebe am Ende des Zeitraums"));
    assert!(
        portrait.contains("Buch am Forst"),
        "its Planungsraum is listed"
    );
    let workbook = staff.get("/regionen/031001?format=xlsx").await?;
    assert_eq!(workbook.status(), StatusCode::OK);
    let bytes = workbook.bytes().await?;
    let mut sheets: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec()))?;
    let names = calamine::Reader::sheet_names(&sheets);
    assert_eq!(names.first().map(String::as_str), Some("Kennzahlen"));
    let figures = calamine::Reader::worksheet_range(&mut sheets, "Kennzahlen")?;
    let visits = figures
        .rows()
        .find(|row| {
            row.first()
                .is_some_and(|cell| *cell == "Durchgeführte Besuche")
        })
        .expect("the visits line");
    assert_eq!(visits[1].to_string(), "1");

    let (answer, _) = staff.read("/api/v1/regions").await?;
    assert_eq!(answer["with_outline"], serde_json::json!(["0310", "0320"]));
    let lines = &answer["bezirksregionen"]["regions"];
    assert_eq!(lines[0]["region"], "031001");
    assert_eq!(lines[0]["visits"]["current"], 1);
    assert_eq!(lines[0]["businesses"]["current"], 1);
    let (one, _) = staff.read("/api/v1/regions/0310").await?;
    assert_eq!(one["figures"]["name"], "Buch");
    assert_eq!(one["parts"][0]["region"], "031001");
    assert_eq!(
        staff.get("/api/v1/regions/0399").await?.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        staff.get("/api/v1/regions/03?year=1999").await?.status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        staff.get("/regionen/0399").await?.status(),
        StatusCode::NOT_FOUND
    );

    let office = app.login(Role::CitizensOffice).await?;
    assert_eq!(
        office.get("/regionen").await?.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        office.get("/api/v1/regions").await?.status(),
        StatusCode::FORBIDDEN
    );
    Ok(())
}
