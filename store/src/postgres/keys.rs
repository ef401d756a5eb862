//! Person keys in the tenant's table `person_keys`, so that every `wifo serve` instance on the
//! database reads the same keys and keeps none of its own. Erasure deletes the row: from the
//! commit on, no instance can open the person's data. The row's bytes stay in the table file
//! until `VACUUM` reuses the space (`VACUUM FULL person_keys` rewrites the table at once), and in
//! WAL archives and base backups until they are rotated (README, "Operations with PostgreSQL").
//!
//! `master_check` holds the digest of the master key the keys are wrapped with, so an instance
//! started with another `master.key` refuses to run instead of wrapping keys nobody else opens.

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;
use uuid::Uuid;

use super::{location::PostgresLocation, schema::Sql};
use crate::{
    client_thread::ClientThread, error::StoreError, keystore_error::KeyStoreError,
    shared_keys::SharedKeys,
};

/// The key table of one office.
pub struct PostgresKeys {
    thread: ClientThread<Pool>,
    sql: std::sync::Arc<Sql>,
}

impl std::fmt::Debug for PostgresKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresKeys")
            .field("tenant", &self.sql.tenant)
            .finish()
    }
}

fn server(error: impl std::fmt::Display) -> KeyStoreError {
    KeyStoreError::Server(error.to_string())
}

impl PostgresKeys {
    /// Starts the client thread for the database at `location` (whose tables `PostgresStore::
    /// connect` created).
    pub fn connect(location: &PostgresLocation) -> Result<Self, StoreError> {
        let config = location.config().clone();
        let thread = ClientThread::start("wifo-keys", move |_| {
            let manager = Manager::from_config(
                config,
                NoTls,
                ManagerConfig {
                    recycling_method: RecyclingMethod::Fast,
                },
            );
            Pool::builder(manager)
                .max_size(2)
                .build()
                .map_err(|error| StoreError::Server(error.to_string()))
        })?;
        Ok(Self {
            thread,
            sql: std::sync::Arc::new(Sql::new(location.tenant())),
        })
    }

    fn query<T, F>(&self, operation: F) -> Result<T, KeyStoreError>
    where
        T: Send + 'static,
        F: for<'a> FnOnce(
                &'a tokio_postgres::Client,
                &'a Sql,
            ) -> std::pin::Pin<
                Box<dyn std::future::Future<Output = Result<T, tokio_postgres::Error>> + Send + 'a>,
            > + Send
            + 'static,
    {
        let sql = self.sql.clone();
        self.thread.run(move |pool| async move {
            let client = pool.get().await.map_err(server)?;
            operation(&client, &sql).await.map_err(server)
        })
    }
}

impl SharedKeys for PostgresKeys {
    fn load(&self, person: Uuid) -> Result<Option<Vec<u8>>, KeyStoreError> {
        self.query(move |client, sql| {
            Box::pin(async move {
                let row = client.query_opt(&sql.load_key, &[&person]).await?;
                Ok(row.map(|row| row.get::<_, Vec<u8>>(0)))
            })
        })
    }

    fn insert(&self, person: Uuid, wrapped: Vec<u8>) -> Result<(), KeyStoreError> {
        self.query(move |client, sql| {
            Box::pin(async move {
                client
                    .execute(&sql.insert_key, &[&person, &wrapped])
                    .await?;
                Ok(())
            })
        })
    }

    fn delete(&self, person: Uuid) -> Result<(), KeyStoreError> {
        self.query(move |client, sql| {
            Box::pin(async move {
                client.execute(&sql.delete_key, &[&person]).await?;
                Ok(())
            })
        })
    }

    fn count(&self) -> Result<usize, KeyStoreError> {
        self.query(|client, sql| {
            Box::pin(async move {
                let count: i64 = client.query_one(&sql.count_keys, &[]).await?.get(0);
                Ok(usize::try_from(count).unwrap_or_default())
            })
        })
    }

    fn all(&self) -> Result<Vec<(Uuid, Vec<u8>)>, KeyStoreError> {
        self.query(|client, sql| {
            Box::pin(async move {
                let rows = client.query(&sql.all_keys, &[]).await?;
                Ok(rows
                    .iter()
                    .map(|row| (row.get::<_, Uuid>(0), row.get::<_, Vec<u8>>(1)))
                    .collect())
            })
        })
    }

    fn recorded_master_check(&self) -> Result<Option<Vec<u8>>, KeyStoreError> {
        self.query(|client, sql| {
            Box::pin(async move {
                let row = client.query_opt(&sql.master_check, &[]).await?;
                Ok(row.map(|row| row.get::<_, Vec<u8>>(0)))
            })
        })
    }

    fn agree_on_master(&self, check: [u8; 32]) -> Result<bool, KeyStoreError> {
        self.query(move |client, sql| {
            Box::pin(async move {
                client
                    .execute(&sql.insert_master_check, &[&check.as_slice()])
                    .await?;
                let stored: Vec<u8> = client.query_one(&sql.master_check, &[]).await?.get(0);
                Ok(stored == check)
            })
        })
    }
}
