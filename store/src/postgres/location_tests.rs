//! Unit tests of the PostgreSQL connection strings: schemes, several hosts, the tenant, and
//! refusals, all without a server.

use super::*;

#[test]
fn both_schemes_and_several_hosts_are_understood() {
    for scheme in ["postgres", "postgresql"] {
        let location = PostgresLocation::parse(&format!(
            "{scheme}://wifo:geheim@db1:5432,db2:5433/crm?target_session_attrs=read-write"
        ))
        .expect("a valid connection string");
        assert_eq!(location.hosts(), vec!["db1:5432", "db2:5433"]);
        assert!(location.requires_primary());
        assert_eq!(location.tenant(), DEFAULT_TENANT);
        assert_eq!(location.config().get_dbname(), Some("crm"));
        assert!(!location.redacted().contains("geheim"), "{location}");
    }
    assert!(PostgresLocation::looks_like("POSTGRES://db/crm"));
    assert!(!PostgresLocation::looks_like("kurrentdb://db:2113"));
    assert!(!PostgresLocation::looks_like("daten/pankow"));
}

#[test]
fn the_tenant_is_wifos_and_is_not_handed_to_the_client() {
    let location = PostgresLocation::parse("postgres://db/crm?tenant=pankow_2&sslmode=disable")
        .expect("a valid connection string");
    assert_eq!(location.tenant(), "pankow_2");
    assert_eq!(
        location.redacted(),
        "postgres://db:5432/crm?tenant=pankow_2"
    );
    assert!(location.config().get_connect_timeout().is_some());
}

#[test]
fn bad_tenants_and_unknown_parameters_are_refused() {
    for bad in ["Pankow", "1pankow", "pan-kow", "", "pg_catalog", "a\"b"] {
        assert!(
            PostgresLocation::parse(&format!("postgres://db/crm?tenant={bad}")).is_err(),
            "{bad:?} must be refused"
        );
    }
    assert!(PostgresLocation::parse("postgres://db/crm?tenant=a&tenant=b").is_err());
    assert!(PostgresLocation::parse("postgres://db/crm?target_sesion_attrs=read-write").is_err());
    let error = PostgresLocation::parse("postgres://wifo:geheim@db/crm?frobnicate=1")
        .expect_err("an unknown parameter is refused")
        .to_string();
    assert!(!error.contains("geheim"), "{error}");
}
