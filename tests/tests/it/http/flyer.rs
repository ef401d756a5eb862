//! The printed flyer's QR codes: one per public topic, and each one, read back by a QR decoder
//! (`rqrr`) from the SVG the page draws, is the topic's address with `?quelle=flyer`, which
//! leads to the topic's page and from there to the form with „Flyer“ chosen.

use anyhow::{Context, anyhow, ensure};

use super::{public_face::publish_the_guide, spawn_app};

/// One drawn QR code: its aria-label, the SVG's width (= height) and its dark rectangles
/// `[left, top, width, height]`.
type Drawn = (String, usize, Vec<[usize; 4]>);

/// The QR codes of a page.
fn qr_codes(html: &str) -> anyhow::Result<Vec<Drawn>> {
    let mut codes = Vec::new();
    for svg in html
        .split(r#"<svg role="img" aria-label="QR-Code: "#)
        .skip(1)
    {
        let label = svg.split('"').next().unwrap_or_default().to_owned();
        let width: usize = svg
            .split(r#" width=""#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .context("no width")?
            .parse()?;
        let path = svg
            .split(r##"<path fill="#000" d=""##)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .context("no path")?;
        // `M{left} {top}h{width}v{height}H{left}V{top}`, one per dark rectangle.
        let mut rects = Vec::new();
        for part in path.split('M').filter(|part| !part.is_empty()) {
            let numbers: Vec<usize> = part
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(str::parse)
                .collect::<Result<_, _>>()?;
            ensure!(numbers.len() == 6, "unexpected path segment {part}");
            rects.push([numbers[0], numbers[1], numbers[2], numbers[3]]);
        }
        codes.push((label, width, rects));
    }
    Ok(codes)
}

/// What a phone reads from the drawn code.
fn decode(width: usize, rects: &[[usize; 4]]) -> anyhow::Result<String> {
    let mut pixels = vec![255u8; width * width];
    for [left, top, w, h] in rects {
        for y in *top..(top + h).min(width) {
            for x in *left..(left + w).min(width) {
                pixels[y * width + x] = 0;
            }
        }
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, width, |x, y| pixels[y * width + x]);
    let grids = image.detect_grids();
    let grid = grids.first().ok_or_else(|| anyhow!("no QR code found"))?;
    let (_, content) = grid
        .decode()
        .map_err(|error| anyhow!("undecodable: {error:?}"))?;
    Ok(content)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_public_topic_on_the_flyer_has_a_qr_code_that_leads_to_its_form_from_the_flyer()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    publish_the_guide(&app).await?;
    let visitor = app.anonymous()?;
    let flyer = visitor.get("/themen/flyer").await?.text().await?;
    let codes = qr_codes(&flyer)?;
    // One public topic (Förderung); the topic not marked public has none.
    ensure!(codes.len() == 1, "{} QR codes on the flyer", codes.len());
    let (label, width, rects) = &codes[0];
    let address = format!("{}/themen/foerderung?quelle=flyer", app.address);
    ensure!(*label == address, "labelled {label}");
    ensure!(
        decode(*width, rects)? == address,
        "the code reads otherwise"
    );

    let topic = visitor
        .get("/themen/foerderung?quelle=flyer")
        .await?
        .text()
        .await?;
    ensure!(
        topic.contains("/anfrage?thema=foerderung&#38;quelle=flyer"),
        "the topic page does not pass the flyer on"
    );
    let form = visitor
        .get("/anfrage?thema=foerderung&quelle=flyer")
        .await?
        .text()
        .await?;
    ensure!(
        form.contains(r#"<option value="flyer" selected>"#),
        "{form:.400}"
    );
    Ok(())
}
