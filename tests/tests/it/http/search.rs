//! Search that finds, on a built office of four organizations: by street, postal code, external
//! id, former name and contact person, with a typo, ranked (a name match before a contact
//! person's match); a sector filter at any level; the filtered list downloaded holds exactly
//! the rows found; a contact person's name is found after a restart (the index is rebuilt from
//! the log), is in no snapshot byte, and is not found once the person is erased.

use reqwest::StatusCode;
use serde_json::{Value, json};
use wifo_app::files::SNAPSHOT_FILE;
use wifo_domain::values::Role;

use super::{Client, Stop, add_person, id_of, start, today};

/// Registers an organization with its address and external id; answers its id.
async fn register(
    staff: &Client,
    name: &str,
    street: &str,
    postal_code: &str,
    sector: &str,
    external_id: Option<&str>,
) -> anyhow::Result<String> {
    id_of(
        &staff
            .write(
                "/api/v1/organizations",
                &json!({"name": name, "kind": "company",
                    "profile": {"legal_form": "GmbH", "sector": sector},
                    "address": {"street": street, "postal_code": postal_code, "city": "Berlin"},
                    "region": "03100101", "external_id": external_id}),
            )
            .await?,
    )
}

/// The names the API search answers for `query`, in its order.
async fn found(client: &Client, query: &str) -> anyhow::Result<Vec<String>> {
    let url = reqwest::Url::parse_with_params("http://wifo/api/v1/organizations", [("q", query)])?;
    let path = format!("{}?{}", url.path(), url.query().unwrap_or_default());
    let (answer, _) = client.read(&path).await?;
    Ok(answer["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry["name"].as_str().map(str::to_owned))
        .collect())
}

const KAYA: &str = "Kaya Druck & Medien GmbH";
const LINDNER: &str = "Lindner Backwaren GmbH";
const SOFTWARE: &str = "Softwarehaus Nord GmbH";
const FLOWERS: &str = "Blumen Sabine Meyer";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_search_finds_by_address_id_former_name_person_and_with_a_typo() -> anyhow::Result<()> {
    let directory = tempfile::tempdir()?;
    let app = start(directory.path(), true).await?;
    let staff = app.login(Role::Staff).await?;
    let admin = app.login(Role::Admin).await?;
    register(
        &staff,
        KAYA,
        "Prenzlauer Allee 12",
        "10405",
        "18.12",
        Some("IHK-4711"),
    )
    .await?;
    let lindner = register(
        &staff,
        "Bäckerei Lindner",
        "Hauptstraße 5",
        "13159",
        "10.71",
        None,
    )
    .await?;
    let (_, revision) = staff
        .read(&format!("/api/v1/organizations/{lindner}"))
        .await?;
    staff
        .write_if_match(
            &format!("/api/v1/organizations/{lindner}/rename"),
            revision.unwrap_or_default(),
            &json!({"name": LINDNER, "renamed_on": today()}),
        )
        .await?;
    let software = register(&staff, SOFTWARE, "Breite Straße 3", "13187", "62.01", None).await?;
    register(&staff, FLOWERS, "Breite Straße 9", "13187", "47.76", None).await?;
    let sabine = add_person(&staff, "Sabine Fröhlich").await?;
    staff
        .write(
            &format!("/api/v1/persons/{sabine}/link"),
            &json!({"organization": software, "role": "Geschäftsführerin"}),
        )
        .await?;

    assert_eq!(found(&staff, "Prenzlauer Allee").await?, [KAYA]);
    assert_eq!(found(&staff, "Hauptstr").await?, [LINDNER]);
    assert_eq!(found(&staff, "13159").await?, [LINDNER]);
    assert_eq!(found(&staff, "IHK-4711").await?, [KAYA]);
    assert_eq!(found(&staff, "kaya druk").await?, [KAYA], "one typo");
    assert_eq!(
        found(&staff, "KAYA DRUKC").await?,
        [KAYA],
        "two letters swapped"
    );
    assert_eq!(found(&staff, "bäckerei").await?, [LINDNER], "former name");
    assert_eq!(found(&staff, "baeckerei lindner").await?, [LINDNER]);
    // The name match before the contact person's.
    assert_eq!(found(&staff, "Sabine").await?, [FLOWERS, SOFTWARE]);
    assert_eq!(found(&staff, "fröhlich").await?, [SOFTWARE]);
    assert_eq!(found(&staff, "breite sabine").await?, [FLOWERS, SOFTWARE]);
    assert!(found(&staff, "Zahnarztpraxis").await?.is_empty());

    // A sector at any level: division 18 holds 18.12.
    let (by_sector, _) = staff.read("/api/v1/organizations?sector=18").await?;
    assert_eq!(by_sector["total"], json!(1));
    assert_eq!(by_sector["entries"][0]["name"], json!(KAYA));

    // The page offers the account managers by display name and downloads what it found.
    let page = staff.get("/organisationen?q=Sabine").await?.text().await?;
    assert!(page.contains(&format!(
        "<option value=\"staff\">{}</option>",
        Role::Staff.label()
    )));
    assert!(page.contains("format=csv"));
    let csv = staff.get("/organisationen?q=Sabine&format=csv").await?;
    assert_eq!(csv.status(), StatusCode::OK);
    let bytes = csv.bytes().await?;
    let text = String::from_utf8_lossy(&bytes);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "exactly the two rows found: {text}");
    assert!(rows[0].contains(FLOWERS) && rows[1].contains(SOFTWARE));

    // After a restart the person's name is found again, and no snapshot byte holds it.
    let directory_path = directory.path().to_owned();
    app.stop(Stop::Graceful).await?;
    let snapshot = std::fs::read(directory_path.join(SNAPSHOT_FILE))?;
    // ("Sabine" is in an organization's name, which belongs there.)
    for name in ["Fröhlich", "froehlich", "Frohlich"] {
        assert!(
            !snapshot
                .windows(name.len())
                .any(|window| window == name.as_bytes()),
            "{name} in the snapshot"
        );
    }
    let app = start(&directory_path, false).await?;
    // The names are read back in the background after the start.
    assert!(
        app.state
            .projections
            .wait_for_person_names(std::time::Duration::from_secs(10))
            .await
    );
    let staff = app.login(Role::Staff).await?;
    let admin_after = app.login(Role::Admin).await?;
    drop(admin);
    assert_eq!(found(&staff, "fröhlich").await?, [SOFTWARE]);

    // Erased: the name finds nothing any more.
    admin_after
        .write(
            &format!("/api/v1/persons/{sabine}/erase"),
            &json!({"reason": "data_subject_request", "erased_on": today()}),
        )
        .await?;
    // (Asked by the admin who erased, whose reads wait until the views include the erasure.)
    assert!(found(&admin_after, "fröhlich").await?.is_empty());
    assert_eq!(found(&admin_after, "Sabine").await?, [FLOWERS]);
    app.stop(Stop::Graceful).await?;
    Ok(())
}

/// The pager numbers the pages around the current one and the sort links turn the order round.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_pages_by_number_and_sorts_by_a_column() -> anyhow::Result<()> {
    let directory = tempfile::tempdir()?;
    let app = start(directory.path(), true).await?;
    let staff = app.login(Role::Staff).await?;
    // 120 organizations: three pages of 50.
    for n in 0..120 {
        register(
            &staff,
            &format!("Betrieb {n:03}"),
            "Breite Straße 1",
            "13187",
            "10.71",
            None,
        )
        .await?;
    }
    let page = staff.get("/organisationen?seite=2").await?.text().await?;
    assert!(page.contains("Seite 2 von 3"));
    assert!(page.contains("<span aria-current=\"page\">2</span>"));
    assert!(page.contains("seite=3\">3</a>"));
    assert!(page.contains("Betrieb 050") && !page.contains("Betrieb 049"));
    let descending = staff
        .get("/organisationen?sortierung=name&absteigend=1")
        .await?
        .text()
        .await?;
    let first = descending.find("Betrieb 119");
    let later = descending.find("Betrieb 118");
    assert!(first.is_some() && first < later, "descending by name");
    assert!(descending.contains("aria-sort=\"descending\""));
    let (answer, _): (Value, _) = staff.read("/api/v1/organizations?per_page=1").await?;
    assert_eq!(answer["total"], json!(120));
    app.stop(Stop::Graceful).await?;
    Ok(())
}
