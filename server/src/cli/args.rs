//! Arguments several subcommands share: the data directory (`--data`, also `WIFO_DATA`), a
//! store on a cluster (`--store`, also `WIFO_STORE`) and dates typed the German way.

use std::path::PathBuf;

use chrono::NaiveDate;

/// `--data DIR`: the office's data directory.
#[derive(Clone, Debug, clap::Args)]
pub(crate) struct DataArg {
    /// Datenverzeichnis des Amtes.
    #[arg(long = "data", env = "WIFO_DATA", default_value = "data")]
    pub(crate) path: PathBuf,
}

/// `--store URL`: the event log in a PostgreSQL database or on a KurrentDB cluster instead of
/// the data directory.
#[derive(Clone, Debug, clap::Args)]
pub(crate) struct StoreArg {
    /// Ereignisspeicher in einer PostgreSQL-Datenbank oder auf einem KurrentDB-Cluster statt im
    /// Datenverzeichnis, z. B. postgres://wifo@db1:5432,db2:5432/wifo?target_session_attrs=read-write&tenant=pankow
    /// (Feature `postgres`) oder kurrentdb://host:2113?tls=false (Feature `kurrentdb`).
    #[arg(long = "store", env = "WIFO_STORE", value_name = "URL")]
    pub(crate) url: Option<String>,
}

/// Reads `21.11.2026` or `2026-11-21` (for clap).
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    wifo_domain::german::parse_date(text).ok_or_else(|| {
        format!("„{text}“ ist kein Datum; bitte TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 21.11.2026")
    })
}

/// A value out of a list of names, listed in `--help` (`--format csv|xlsx|json`).
pub(crate) fn one_of<T: Clone + Send + Sync + 'static>(
    names: &'static [&'static str],
    parse: fn(&str) -> Option<T>,
) -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(names)
        .try_map(move |name: String| parse(&name).ok_or("unbekannter Wert"))
}
