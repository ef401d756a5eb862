//! Where a KurrentDB / EventStoreDB server or cluster is: the connection string of `--store`
//! and `--from`/`--to`. Accepts the client's schemes (`kurrentdb://`, `esdb://`, with
//! `+discover` for DNS discovery, several `host:port` gossip seeds separated by commas) and its
//! parameters (`tls=false`, `tlsCAFile=…`, `nodePreference=…`, …), plus wifo's own `tenant=`,
//! which puts one office's streams under a prefix so several offices share one cluster. Unknown
//! parameters are refused (the client would ignore a mistyped `tsl=false` and connect with TLS),
//! and a named CA file must hold PEM certificates. Pure parsing, tested without a server.

use kurrentdb::ClientSettings;

use crate::error::StoreError;

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

/// Replaces the password of `user:password@` by `***`.
fn redact(text: &str) -> String {
    let Some((scheme, rest)) = text.split_once("://") else {
        return text.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, hosts)) => {
            let user = user_info
                .split_once(':')
                .map_or(user_info, |(user, _)| user);
            format!("{scheme}://{user}:***@{hosts}{tail}")
        }
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_single_node_without_tls() {
        let location = KurrentLocation::parse("kurrentdb://localhost:2113?tls=false").unwrap();
        assert_eq!(location.hosts(), vec!["localhost:2113"]);
        assert!(!location.uses_tls());
        assert!(!location.discovers_by_dns());
        assert_eq!(location.tenant(), None);
    }

    #[test]
    fn esdb_scheme_and_default_port_and_tls_by_default() {
        let location = KurrentLocation::parse("esdb://db.example.org").unwrap();
        assert_eq!(location.hosts(), vec!["db.example.org:2113"]);
        assert!(location.uses_tls());
    }

    #[test]
    fn three_gossip_seeds_of_a_cluster() {
        let location = KurrentLocation::parse(
            "esdb://node1.local:2113,node2.local:2114,node3.local:2115?tls=false",
        )
        .unwrap();
        assert_eq!(
            location.hosts(),
            vec!["node1.local:2113", "node2.local:2114", "node3.local:2115"]
        );
        assert!(!location.uses_tls());
    }

    #[test]
    fn dns_discovery_with_the_plus_discover_scheme() {
        let location = KurrentLocation::parse("esdb+discover://cluster.local:2113").unwrap();
        assert!(location.discovers_by_dns());
        assert_eq!(location.hosts(), vec!["cluster.local:2113"]);
        let location = KurrentLocation::parse("kurrentdb+discover://cluster.local").unwrap();
        assert!(location.discovers_by_dns());
    }

    #[test]
    fn a_ca_file_must_exist_and_hold_pem_certificates() {
        let dir = tempfile::tempdir().unwrap();
        let ca = dir.path().join("ca.crt");
        std::fs::write(
            &ca,
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let text = format!("kurrentdb://node1:2113?tlsCAFile={}", ca.display());
        let location = KurrentLocation::parse(&text).unwrap();
        assert_eq!(location.ca_file(), Some(ca.to_str().unwrap()));
        std::fs::write(&ca, "kein Zertifikat").unwrap();
        let message = KurrentLocation::parse(&text).unwrap_err().to_string();
        assert!(message.contains("enthält kein Zertifikat"), "{message}");
        // The client reads a named CA file even without TLS, so it is checked then too.
        let plain = format!(
            "kurrentdb://node1:2113?tls=false&tlsCAFile={}",
            ca.display()
        );
        assert!(KurrentLocation::parse(&plain).is_err());
        let missing = KurrentLocation::parse("kurrentdb://node1:2113?tlsCAFile=/nicht/da.crt");
        let message = missing.unwrap_err().to_string();
        assert!(message.contains("CA-Datei /nicht/da.crt"), "{message}");
    }

    #[test]
    fn the_tenant_is_wifos_own_parameter_and_is_checked() {
        let location =
            KurrentLocation::parse("kurrentdb://localhost:2113?tls=false&tenant=pankow").unwrap();
        assert_eq!(location.tenant(), Some("pankow"));
        assert!(!location.uses_tls());
        for bad in ["Pankow", "pan-kow", "", "a.b"] {
            let text = format!("kurrentdb://localhost:2113?tenant={bad}");
            assert!(KurrentLocation::parse(&text).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn a_mistyped_parameter_is_refused_instead_of_ignored() {
        let message = KurrentLocation::parse("kurrentdb://localhost:2113?tsl=false")
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("unbekannter Parameter \"tsl\""),
            "{message}"
        );
    }

    #[test]
    fn other_schemes_and_plain_paths_are_not_kurrentdb() {
        assert!(KurrentLocation::parse("postgres://localhost").is_err());
        assert!(KurrentLocation::parse("localhost:2113").is_err());
        assert!(KurrentLocation::looks_like("esdb://x"));
        assert!(KurrentLocation::looks_like("KurrentDB://x"));
        assert!(!KurrentLocation::looks_like("data/pankow"));
        assert!(!KurrentLocation::looks_like("/srv/wifo"));
    }

    #[test]
    fn the_password_never_appears_in_messages() {
        let location =
            KurrentLocation::parse("kurrentdb://admin:changeit@localhost:2113?tls=false").unwrap();
        assert_eq!(
            location.redacted(),
            "kurrentdb://admin:***@localhost:2113?tls=false"
        );
        let message = KurrentLocation::parse("kurrentdb://admin:geheim@localhost:2113?x=1")
            .unwrap_err()
            .to_string();
        assert!(!message.contains("geheim"), "{message}");
    }
}
