//! The one error of a page: every way a page can fail (unknown record, role or CSRF token
//! refused, form body too large, views not caught up, store failure) as a `PageError` that
//! renders the German error page of `pages`, in the caller's frame where there is a caller.
//! Handlers return `Result<_, PageError>` and use `?`; a form re-shown with its field messages
//! is no error (see `form`).

use axum::response::{IntoResponse, Response};

use super::{pages, texts};
use wifo_app::auth::Caller;

/// Why a page cannot be shown, with the caller whose navigation the error page keeps.
#[derive(Debug)]
pub(crate) enum PageError {
    /// 404: the record (or list, or upload) the address names is not there; the text says what.
    NotFound(Option<Caller>, String),
    /// 403: the caller's role may not open the page.
    Forbidden(Caller),
    /// 403: a form post without the session's CSRF token.
    CsrfRefused(Caller),
    /// 413: a form body over its limit; the text says which limit.
    TooLarge(Caller, &'static str),
    /// 503: the views did not catch up with the caller's own last write in time.
    Unavailable(Caller),
    /// 503 without detail: the store or the server failed; the detail is only logged.
    Internal(Caller, String),
}

impl PageError {
    pub(crate) fn not_found(caller: &Caller, what: impl Into<String>) -> Self {
        Self::NotFound(Some(caller.clone()), what.into())
    }

    /// A failure the user cannot act on: `context` and `error` go to the log, not the page.
    pub(crate) fn internal(caller: &Caller, context: &str, error: impl std::fmt::Display) -> Self {
        Self::Internal(caller.clone(), format!("{context}: {error}"))
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            Self::NotFound(caller, what) => pages::not_found(caller.as_ref(), &what),
            Self::Forbidden(caller) => pages::forbidden(&caller),
            Self::CsrfRefused(caller) => pages::csrf_refused(&caller),
            Self::TooLarge(caller, text) => pages::too_large(&caller, text),
            Self::Unavailable(caller) => {
                pages::unavailable(&caller, texts::get("error.unavailable_text"))
            }
            Self::Internal(caller, detail) => {
                tracing::error!(error = %detail, "page failed");
                pages::unavailable(&caller, texts::get("error.internal_text"))
            }
        }
    }
}
