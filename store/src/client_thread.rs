//! A server client on a thread of its own, for callers that are synchronous: `KeyStore` is
//! (the codec calls it while encoding), but the KurrentDB and PostgreSQL clients are async. The
//! client runs on a small current-thread runtime in a dedicated thread; `run` hands it a job and
//! blocks until the answer comes back. Shared by the key stores of both server backends.

use std::future::Future;
use std::pin::Pin;

use futures::FutureExt;

use crate::{error::StoreError, keystore_error::KeyStoreError};

type Job<C> = Box<dyn FnOnce(C) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send>;

/// The handle to the client thread; dropping it stops the thread.
pub(crate) struct ClientThread<C> {
    jobs: tokio::sync::mpsc::UnboundedSender<Job<C>>,
}

impl<C: Clone + Send + 'static> ClientThread<C> {
    /// Starts the thread `name`; `client` builds the client on the thread's runtime.
    pub(crate) fn start(
        name: &str,
        client: impl FnOnce(&tokio::runtime::Handle) -> Result<C, StoreError>,
    ) -> Result<Self, StoreError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .thread_name(name)
            .build()
            .map_err(StoreError::Io)?;
        let client = client(runtime.handle())?;
        let (jobs, mut receiver) = tokio::sync::mpsc::unbounded_channel::<Job<C>>();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    while let Some(job) = receiver.recv().await {
                        tokio::spawn(job(client.clone()));
                    }
                });
            })
            .map_err(StoreError::Io)?;
        Ok(Self { jobs })
    }

    /// Runs `operation` on the client thread and waits for its result.
    pub(crate) fn run<T, F, Fut>(&self, operation: F) -> Result<T, KeyStoreError>
    where
        T: Send + 'static,
        F: FnOnce(C) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, KeyStoreError>> + Send + 'static,
    {
        let stopped = || KeyStoreError::Server("the key client thread has stopped".into());
        let (answer, result) = std::sync::mpsc::sync_channel(1);
        let job: Job<C> = Box::new(move |client| {
            async move {
                let _ = answer.send(operation(client).await);
            }
            .boxed()
        });
        self.jobs.send(job).map_err(|_| stopped())?;
        result.recv().map_err(|_| stopped())?
    }
}
