//! The wake-up from other instances: a connection of its own that `LISTEN`s on the tenant's
//! channel and moves the local head when another instance commits (the payload is the new head
//! position). Only a wake-up: subscribers read the log themselves and poll when it is quiet, so
//! a lost notification, a standby (which cannot `LISTEN`) or a dropped connection delays them by
//! the poll interval at most. The connection is re-established after a failure.

use std::time::Duration;

use futures::StreamExt;
use tokio::sync::watch;
use tokio_postgres::{AsyncMessage, NoTls};

/// Pause before connecting again after the listener connection failed.
const RECONNECT: Duration = Duration::from_secs(1);

pub(super) fn spawn(
    config: tokio_postgres::Config,
    channel: String,
    head: watch::Sender<u64>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(error) = listen(&config, &channel, &head).await {
                tracing::debug!(%error, "PostgreSQL-LISTEN unterbrochen, Abfrage im Takt");
            }
            tokio::time::sleep(RECONNECT).await;
        }
    })
}

async fn listen(
    config: &tokio_postgres::Config,
    channel: &str,
    head: &watch::Sender<u64>,
) -> Result<(), tokio_postgres::Error> {
    let (client, mut connection) = config.connect(NoTls).await?;
    let mut messages = futures::stream::poll_fn(move |context| connection.poll_message(context));
    let listen = format!("LISTEN {channel}");
    // Ends only with an error; it keeps the client (and so the connection) alive meanwhile.
    let subscribe = async {
        client.batch_execute(&listen).await?;
        std::future::pending::<Result<(), tokio_postgres::Error>>().await
    };
    tokio::pin!(subscribe);
    loop {
        tokio::select! {
            outcome = &mut subscribe => return outcome,
            message = messages.next() => match message {
                Some(Ok(AsyncMessage::Notification(notification))) => {
                    if let Ok(position) = notification.payload().parse::<u64>() {
                        head.send_if_modified(|known| {
                            let newer = position > *known;
                            if newer {
                                *known = position;
                            }
                            newer
                        });
                    }
                }
                Some(Ok(_)) => {}
                Some(Err(error)) => return Err(error),
                None => return Ok(()),
            },
        }
    }
}
