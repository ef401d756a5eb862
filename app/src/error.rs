//! The one error type of the application services. A refusal the user can act on is a German
//! sentence (`Refused`); a failed step carries what was being done (German) and the cause; any
//! other failure keeps its typed source. `{error:#}` prints the whole chain, like the binary's
//! messages (`Fehler: … : …`).

use std::fmt;

/// A boxed cause.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What an application service answers when it cannot do what was asked.
#[derive(Debug)]
pub enum AppError {
    /// A German sentence the user can act on (a path without a log, a target that is not empty).
    Refused(String),
    /// A step that failed: what was being done (German), and why.
    Failed { context: String, source: Cause },
    /// A failure of a library below, kept as it is.
    Other(Cause),
}

/// The result of an application service.
pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl AppError {
    /// A refusal with its German sentence.
    pub fn refused(text: impl Into<String>) -> Self {
        AppError::Refused(text.into())
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Refused(text) => f.write_str(text),
            AppError::Failed { context, source } => {
                f.write_str(context)?;
                if f.alternate() {
                    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&**source);
                    while let Some(error) = cause {
                        write!(f, ": {error}")?;
                        cause = error.source();
                    }
                }
                Ok(())
            }
            AppError::Other(source) if f.alternate() => write!(f, "{source:#}"),
            AppError::Other(source) => write!(f, "{source}"),
        }
    }
}

impl std::error::Error for AppError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AppError::Refused(_) => None,
            AppError::Failed { source, .. } => Some(&**source),
            AppError::Other(source) => source.source(),
        }
    }
}

/// The failures of the libraries below that an application service passes on with `?`.
macro_rules! passed_on {
    ($($error:ty),* $(,)?) => {
        $(impl From<$error> for AppError {
            fn from(error: $error) -> Self {
                AppError::Other(Box::new(error))
            }
        })*
    };
}

passed_on!(
    std::io::Error,
    tokio::task::JoinError,
    serde_json::Error,
    rusqlite::Error,
    wifo_store::StoreError,
    wifo_store::keystore::KeyStoreError,
    wifo_store::codec::CodecError,
    wifo_projections::replay::ReplayError,
    wifo_projections::snapshot::SnapshotError,
    wifo_exchange::table::ReadError,
    wifo_exchange::mapping::MappingError,
    wifo_exchange::export::csv::CsvError,
    wifo_domain::values::InvalidValue,
);

impl<E: std::error::Error + Send + Sync + 'static> From<wifo_store::CommandError<E>> for AppError {
    fn from(error: wifo_store::CommandError<E>) -> Self {
        AppError::Other(Box::new(error))
    }
}

/// `.context("…")` and `.with_context(|| …)` on any result: the failure becomes
/// `AppError::Failed` with what was being done.
pub trait Context<T> {
    fn context(self, context: impl Into<String>) -> Result<T>;
    fn with_context(self, context: impl FnOnce() -> String) -> Result<T>;
}

impl<T, E: Into<Cause>> Context<T> for std::result::Result<T, E> {
    fn context(self, context: impl Into<String>) -> Result<T> {
        self.map_err(|error| AppError::Failed {
            context: context.into(),
            source: error.into(),
        })
    }

    fn with_context(self, context: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|error| AppError::Failed {
            context: context(),
            source: error.into(),
        })
    }
}

/// Returns early with a German refusal: `refuse!("{} ist nicht leer", path.display())`.
#[macro_export]
macro_rules! refuse {
    ($($text:tt)*) => {
        return Err($crate::error::AppError::refused(format!($($text)*)))
    };
}
