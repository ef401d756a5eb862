//! A hand-written HTTP/1.1 exchange for bodies far over the server's limit. `reqwest` (hyper)
//! cannot wait for `100 Continue`, so it writes the whole body while the server has already
//! answered 413 and closed, and reports a broken pipe instead of the answer. Here the request
//! head goes first with `Expect: 100-continue`; the body follows only if the server asks for
//! it, on its own task whose write errors do not matter, while the answer is read.

use std::time::Duration;

use anyhow::{Context, anyhow, ensure};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// POSTs `length` bytes of a JSON object to `base` + `path`; returns status, content type and
/// body of the final answer.
pub(super) async fn post_large_json(
    base: &str,
    path: &str,
    token: Option<&str>,
    length: usize,
) -> anyhow::Result<(u16, String, String)> {
    tokio::time::timeout(Duration::from_secs(30), exchange(base, path, token, length))
        .await
        .context("no answer within 30 s")?
}

async fn exchange(
    base: &str,
    path: &str,
    token: Option<&str>,
    length: usize,
) -> anyhow::Result<(u16, String, String)> {
    let host = base.trim_start_matches("http://");
    let stream = tokio::net::TcpStream::connect(host).await?;
    let (mut reader, mut writer) = stream.into_split();
    let authorization = token
        .map(|token| format!("Authorization: Bearer {token}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\n{authorization}Content-Type: application/json\r\n\
         Content-Length: {length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
    );
    writer.write_all(head.as_bytes()).await?;
    let mut body_writer = Some(writer);
    let mut received = Vec::new();
    loop {
        let head_end = read_until_head_end(&mut reader, &mut received).await?;
        let head = String::from_utf8_lossy(&received[..head_end]).into_owned();
        received.drain(..head_end + 4);
        let status: u16 = head
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| anyhow!("no status line in {head:?}"))?;
        if status == 100 {
            if let Some(mut writer) = body_writer.take() {
                tokio::spawn(async move {
                    let mut body = br#"{"name": ""#.to_vec();
                    body.resize(length - 2, b'a');
                    body.extend(br#""}"#);
                    // The server may stop reading at its limit; that is its right.
                    let _ = writer.write_all(&body).await;
                });
            }
            continue;
        }
        let header = |name: &str| {
            head.lines()
                .filter_map(|line| line.split_once(':'))
                .find(|(key, _)| key.trim().eq_ignore_ascii_case(name))
                .map(|(_, value)| value.trim().to_owned())
        };
        let content_length: usize = header("content-length")
            .and_then(|value| value.parse().ok())
            .ok_or_else(|| anyhow!("answer {status} without Content-Length: {head}"))?;
        while received.len() < content_length {
            let mut chunk = [0u8; 8192];
            let read = reader.read(&mut chunk).await?;
            ensure!(read > 0, "connection closed inside the body of {status}");
            received.extend_from_slice(&chunk[..read]);
        }
        received.truncate(content_length);
        return Ok((
            status,
            header("content-type").unwrap_or_default(),
            String::from_utf8_lossy(&received).into_owned(),
        ));
    }
}

/// Reads until `received` holds a complete response head; returns where its blank line starts.
async fn read_until_head_end(
    reader: &mut tokio::net::tcp::OwnedReadHalf,
    received: &mut Vec<u8>,
) -> anyhow::Result<usize> {
    loop {
        if let Some(end) = received.windows(4).position(|window| window == b"\r\n\r\n") {
            return Ok(end);
        }
        let mut chunk = [0u8; 8192];
        let read = reader.read(&mut chunk).await?;
        ensure!(read > 0, "connection closed before an answer");
        received.extend_from_slice(&chunk[..read]);
    }
}
