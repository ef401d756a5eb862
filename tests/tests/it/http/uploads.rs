//! Multipart bodies reach only the pages that take a file: any other page refuses one before it
//! reads it (413), and the import page checks the CSRF token from the body's first field before
//! it takes the file (403 with a wrong one), so no logged-in role makes the server hold an
//! upload it will refuse.

use anyhow::ensure;
use reqwest::{Method, StatusCode, header};
use wifo_domain::values::Role;

use super::{Client, spawn_app};

const BOUNDARY: &str = "wifo-test-grenze";

/// A multipart form: `_csrf` first, then a file of `size` bytes.
fn form(csrf: &str, size: usize) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"betriebe.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend(std::iter::repeat_n(b'x', size));
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn post(client: &Client, path: &str, body: Vec<u8>) -> anyhow::Result<StatusCode> {
    let response = client
        .request(Method::POST, path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
        .send()
        .await?;
    Ok(response.status())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_multipart_body_is_taken_only_by_the_import_page_and_only_with_its_token()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let token = staff.csrf.clone().unwrap_or_default();
    // With the right token, but to a page that takes no file.
    let status = post(&staff, "/organisationen/neu", form(&token, 1 << 20)).await?;
    ensure!(
        status == StatusCode::PAYLOAD_TOO_LARGE,
        "a multipart post to a form page answered {status}"
    );

    let admin = app.login(Role::Admin).await?;
    let status = post(&admin, "/verwaltung/import", form("falsch", 1 << 20)).await?;
    ensure!(
        status == StatusCode::FORBIDDEN,
        "an upload with a wrong token answered {status}"
    );
    // A planner may not import at all: refused before the body is looked at.
    let planner = app.login(Role::Planner).await?;
    let token = planner.csrf.clone().unwrap_or_default();
    let status = post(&planner, "/verwaltung/import", form(&token, 1 << 20)).await?;
    ensure!(
        status == StatusCode::FORBIDDEN,
        "a planner's upload answered {status}"
    );
    Ok(())
}
