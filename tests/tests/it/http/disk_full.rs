//! A full disk, for real: the data directory sits on a tmpfs of 24 MiB that this test mounts
//! (CI runs as root). Contacts are written until the disk refuses one: that write answers 503
//! with `Retry-After` and a German problem, `/readyz` says not ready (so a load balancer stops
//! sending writes), nothing acknowledged is lost; after the file system is grown, `/readyz` is
//! ready again and writes go on.

use std::process::Command;

use anyhow::{Context, ensure};
use reqwest::StatusCode;
use serde_json::json;
use wifo_domain::values::Role;

use super::{id_of, register_organization, start, today, user_name};

/// Mounts a tmpfs of `megabytes` on `path` (or resizes the one there).
fn mount(path: &std::path::Path, megabytes: u32, remount: bool) -> anyhow::Result<()> {
    let options = if remount {
        format!("remount,size={megabytes}m")
    } else {
        format!("size={megabytes}m")
    };
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &options, "tmpfs"])
        .arg(path)
        .status()
        .context("mount is not available")?;
    ensure!(
        status.success(),
        "mounting a tmpfs failed ({status}); this test needs root, as CI has"
    );
    Ok(())
}

/// Unmounts on drop, so a failed assertion leaves no mount behind.
struct Mounted(std::path::PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_answers_503_is_not_ready_loses_nothing_and_recovers() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("daten");
    std::fs::create_dir(&data)?;
    mount(&data, 24, false)?;
    let _mounted = Mounted(data.clone());
    let app = start(&data, true).await?;
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Druckerei Vollmer GmbH").await?;
    // 19,000 characters per summary: the disk fills after some hundred contacts.
    let filler = "Gesprächsnotiz ".repeat(1_200);
    let mut acknowledged = Vec::new();
    let mut refused = None;
    for n in 0..5_000 {
        let response = staff
            .post_json(
                "/api/v1/contacts",
                &json!({"organization": organization, "channel": "phone",
                    "contacted_on": today().to_string(), "topics": [],
                    "summary": format!("{n} {filler}"), "staff": user_name(Role::Staff)}),
            )
            .await?;
        if response.status().is_success() {
            acknowledged.push(id_of(&response.json().await?)?);
            continue;
        }
        refused = Some(response);
        break;
    }
    let refused = refused.context("the disk never filled")?;
    println!(
        "disk full after {} contacts of 19,000 characters",
        acknowledged.len()
    );
    ensure!(
        refused.status() == StatusCode::SERVICE_UNAVAILABLE,
        "a write on a full disk answered {}",
        refused.status()
    );
    ensure!(refused.headers().contains_key("retry-after"));
    let problem = refused.text().await?;
    ensure!(problem.contains("Datenträger"), "{problem}");
    ensure!(
        !problem.contains("SQLITE") && !problem.contains("database"),
        "{problem}"
    );

    let ready = app.anonymous()?.get("/readyz").await?;
    ensure!(
        ready.status() == StatusCode::SERVICE_UNAVAILABLE,
        "/readyz on a full disk answered {}",
        ready.status()
    );
    // Reads go on; everything acknowledged is there.
    for id in &acknowledged {
        staff.read(&format!("/api/v1/contacts/{id}")).await?;
    }

    mount(&data, 256, true)?;
    let ready = app.anonymous()?.get("/readyz").await?;
    ensure!(
        ready.status() == StatusCode::OK,
        "/readyz after the disk was grown answered {}",
        ready.status()
    );
    let after = id_of(
        &staff
            .write(
                "/api/v1/contacts",
                &json!({"organization": organization, "channel": "phone",
                    "contacted_on": today().to_string(), "topics": [],
                    "summary": "Nach der Erweiterung", "staff": user_name(Role::Staff)}),
            )
            .await?,
    )?;
    let (contact, _) = staff.read(&format!("/api/v1/contacts/{after}")).await?;
    ensure!(
        contact.to_string().contains("Nach der Erweiterung"),
        "{contact}"
    );
    app.stop(super::Stop::Graceful).await?;
    Ok(())
}
