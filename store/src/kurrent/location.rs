//! Where a KurrentDB / EventStoreDB server or cluster is: the connection string of `--store`
//! and `--from`/`--to`. Accepts the client's schemes (`kurrentdb://`, `esdb://`, with
//! `+discover` for DNS discovery, several `host:port` gossip seeds separated by commas) and its
//! parameters (`tls=false`, `tlsCAFile=…`, `nodePreference=…`, …), plus wifo's own `tenant=`,
//! which puts one office's streams under a prefix so several offices share one cluster. Unknown
//! parameters are refused (the client would ignore a mistyped `tsl=false` and connect with TLS),
//! and a named CA file must hold PEM certificates. Pure parsing, tested without a server.

use kurrentdb::ClientSettings;

use crate::{error::StoreError, redact::redact_password as redact};

/// The schemes the official client understands.
const SCHEMES: &[&str] = &[
    "kurrentdb",
    "kurrentdb+discover",
    "kurrent",
    "kurrent+discover",
    "kdb",
    "kdb+discover",
    "esdb",
    "esdb+discover",
];

/// The client's connection string parameters, lower-cased (the client ignores case).
const CLIENT_PARAMETERS: &[&str] = &[
    "maxdiscoverattempts",
    "discoveryinterval",
    "gossiptimeout",
    "tls",
    "tlsverifycert",
    "tlscafile",
    "nodepreference",
    "keepaliveinterval",
    "keepalivetimeout",
    "defaultdeadline",
    "connectionname",
    "usercertfile",
    "userkeyfile",
];

/// A parsed connection string.
#[derive(Clone, Debug)]
pub struct KurrentLocation {
    settings: ClientSettings,
    tenant: Option<String>,
    redacted: String,
}

impl KurrentLocation {
    /// Whether `text` is meant as a KurrentDB connection string (and not a directory).
    pub fn looks_like(text: &str) -> bool {
        text.split_once("://")
            .is_some_and(|(scheme, _)| SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()))
    }

    pub fn parse(text: &str) -> Result<Self, StoreError> {
        let invalid = |reason: String| StoreError::InvalidLocation {
            location: redact(text),
            reason,
        };
        let Some((scheme, _)) = text.split_once("://") else {
            return Err(invalid(
                "es fehlt das Schema, z. B. kurrentdb://host:2113".into(),
            ));
        };
        if !SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
            return Err(invalid(format!(
                "unbekanntes Schema {scheme:?}; erlaubt sind {}",
                SCHEMES.join(", ")
            )));
        }
        let (base, query) = text.split_once('?').unwrap_or((text, ""));
        let mut tenant = None;
        let mut client_parameters = Vec::new();
        let mut ca_file = None;
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let lower = name.to_ascii_lowercase();
            if lower == "tenant" {
                tenant = Some(check_tenant(value).map_err(invalid)?);
                continue;
            }
            if !CLIENT_PARAMETERS.contains(&lower.as_str()) {
                return Err(invalid(format!("unbekannter Parameter {name:?}")));
            }
            if lower == "tlscafile" {
                ca_file = Some(value.to_owned());
            }
            client_parameters.push(pair);
        }
        if let Some(ca_file) = ca_file {
            check_ca_file(&ca_file).map_err(invalid)?;
        }
        let client_text = if client_parameters.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", client_parameters.join("&"))
        };
        let settings = client_text
            .parse::<ClientSettings>()
            .map_err(|error| invalid(error.to_string().replace(text, "…")))?;
        Ok(Self {
            settings,
            tenant,
            redacted: redact(text),
        })
    }

    /// What the client connects with.
    pub fn settings(&self) -> &ClientSettings {
        &self.settings
    }

    /// The office's stream prefix, if the cluster is shared.
    pub fn tenant(&self) -> Option<&str> {
        self.tenant.as_deref()
    }

    /// `host:port` of every seed (one for a single node).
    pub fn hosts(&self) -> Vec<String> {
        self.settings
            .hosts()
            .iter()
            .map(|endpoint| format!("{}:{}", endpoint.host, endpoint.port))
            .collect()
    }

    pub fn discovers_by_dns(&self) -> bool {
        self.settings.is_dns_discovery_enabled()
    }

    pub fn uses_tls(&self) -> bool {
        self.settings.is_secure_mode_enabled()
    }

    pub fn ca_file(&self) -> Option<&str> {
        self.settings.tls_ca_file().map(String::as_str)
    }

    /// The connection string without its password, for logs and messages.
    pub fn redacted(&self) -> &str {
        &self.redacted
    }
}

impl std::fmt::Display for KurrentLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted)
    }
}

/// The CA file must exist and hold PEM certificates: the client reads it only when it
/// connects, and panics on a malformed one.
fn check_ca_file(path: &str) -> Result<(), String> {
    use rustls_pki_types::{CertificateDer, pem::PemObject};
    if !std::path::Path::new(path).is_file() {
        return Err(format!("die CA-Datei {path} gibt es nicht"));
    }
    let certificates = CertificateDer::pem_file_iter(path)
        .and_then(|certificates| certificates.collect::<Result<Vec<_>, _>>())
        .map_err(|error| format!("die CA-Datei {path} ist keine PEM-Datei: {error}"))?;
    if certificates.is_empty() {
        return Err(format!("die CA-Datei {path} enthält kein Zertifikat"));
    }
    Ok(())
}

/// A tenant is a short lower-case name, safe inside a stream name and a filter regex.
fn check_tenant(value: &str) -> Result<String, String> {
    let valid = !value.is_empty()
        && value.len() <= 40
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if valid {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "tenant {value:?}: erlaubt sind 1 bis 40 Kleinbuchstaben (a–z) und Ziffern"
        ))
    }
}

#[cfg(test)]
#[path = "location_tests.rs"]
mod tests;
