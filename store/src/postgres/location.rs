//! Where a PostgreSQL server or cluster is: the connection string of `--store` and
//! `--from`/`--to`. Accepts the URL forms of libpq (`postgres://` and `postgresql://`, several
//! `host:port` separated by commas for failover, `target_session_attrs=read-write` so only the
//! primary is used), plus wifo's own `tenant=`, which names the schema that holds one office's
//! log and keys (default `wifo`), so several offices share one database. wifo's parameter is
//! removed before the rest goes to `tokio-postgres`, which refuses parameters it does not know
//! (a mistyped `target_sesion_attrs` fails instead of being ignored). Pure parsing, tested
//! without a server.

use std::time::Duration;

use tokio_postgres::config::{Host, TargetSessionAttrs};

use crate::{error::StoreError, redact::redact_password};

/// The schemes libpq understands in URL form.
const SCHEMES: &[&str] = &["postgres", "postgresql"];

/// The schema of an office when the connection string names none.
pub const DEFAULT_TENANT: &str = "wifo";

/// How long connecting to one host may take before the next host is tried.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A parsed connection string.
#[derive(Clone, Debug)]
pub struct PostgresLocation {
    config: tokio_postgres::Config,
    tenant: String,
    redacted: String,
}

impl PostgresLocation {
    /// Whether `text` is meant as a PostgreSQL connection string (and not a directory).
    pub fn looks_like(text: &str) -> bool {
        text.split_once("://")
            .is_some_and(|(scheme, _)| SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()))
    }

    pub fn parse(text: &str) -> Result<Self, StoreError> {
        let invalid = |reason: String| StoreError::InvalidLocation {
            location: redact_password(text),
            reason,
        };
        if !Self::looks_like(text) {
            return Err(invalid(
                "erwartet postgres://host:5432/datenbank oder postgresql://…".into(),
            ));
        }
        let (base, query) = text.split_once('?').unwrap_or((text, ""));
        let mut tenant = None;
        let mut client_parameters = Vec::new();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            if name == "tenant" {
                if tenant.is_some() {
                    return Err(invalid("tenant ist mehrfach angegeben".into()));
                }
                tenant = Some(check_tenant(value).map_err(invalid)?);
            } else {
                client_parameters.push(pair);
            }
        }
        let client_text = if client_parameters.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", client_parameters.join("&"))
        };
        let mut config = client_text
            .parse::<tokio_postgres::Config>()
            .map_err(|error| invalid(error.to_string()))?;
        if config.get_hosts().is_empty() {
            return Err(invalid(
                "es fehlt der Rechner, z. B. postgres://db:5432/wifo".into(),
            ));
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("wifo");
        }
        let tenant = tenant.unwrap_or_else(|| DEFAULT_TENANT.to_owned());
        let redacted = describe(&config, &tenant);
        Ok(Self {
            config,
            tenant,
            redacted,
        })
    }

    /// What the client connects with.
    pub fn config(&self) -> &tokio_postgres::Config {
        &self.config
    }

    /// The schema holding this office's tables.
    pub fn tenant(&self) -> &str {
        &self.tenant
    }

    /// `host:port` of every host, in the order they are tried.
    pub fn hosts(&self) -> Vec<String> {
        let ports = self.config.get_ports();
        self.config
            .get_hosts()
            .iter()
            .enumerate()
            .map(|(index, host)| {
                let port = ports
                    .get(index)
                    .or_else(|| ports.first())
                    .copied()
                    .unwrap_or(5432);
                match host {
                    Host::Tcp(name) => format!("{name}:{port}"),
                    Host::Unix(path) => format!("{}:{port}", path.display()),
                }
            })
            .collect()
    }

    /// Whether only a primary that takes writes is used (`target_session_attrs=read-write`).
    pub fn requires_primary(&self) -> bool {
        self.config.get_target_session_attrs() == TargetSessionAttrs::ReadWrite
    }

    /// The connection string without its password, for logs and messages.
    pub fn redacted(&self) -> &str {
        &self.redacted
    }
}

impl std::fmt::Display for PostgresLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted)
    }
}

/// A tenant is a schema name: a lower-case letter, then letters, digits or `_` (at most 63
/// bytes, PostgreSQL's limit for a name), so it never needs quoting.
pub fn check_tenant(value: &str) -> Result<String, String> {
    let mut chars = value.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && value.len() <= 63
        && !value.starts_with("pg_");
    if valid {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "tenant {value:?}: erlaubt sind ein Kleinbuchstabe (a–z) und danach bis zu 62 \
             Kleinbuchstaben, Ziffern oder _ (nicht pg_…)"
        ))
    }
}

/// `postgres://user@host:port,…/db?tenant=…`, from the parsed settings: no password, whatever
/// form it was given in.
fn describe(config: &tokio_postgres::Config, tenant: &str) -> String {
    let user = config
        .get_user()
        .map(|user| format!("{user}@"))
        .unwrap_or_default();
    let hosts = PostgresLocation {
        config: config.clone(),
        tenant: String::new(),
        redacted: String::new(),
    }
    .hosts()
    .join(",");
    let database = config.get_dbname().unwrap_or_default();
    format!("postgres://{user}{hosts}/{database}?tenant={tenant}")
}

#[cfg(test)]
#[path = "location_tests.rs"]
mod tests;
