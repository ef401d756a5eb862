//! The server's one error type. Every error becomes an RFC 9457 problem response
//! (`application/problem+json`) with a stable `type`, a German `title` and a `detail` a user can
//! act on. Internal causes are logged with tracing and never sent to the client.

use axum::{
    Json,
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use serde::Serialize;
use wifo_store::{CommandError, StoreError};

/// Base of the `type` URIs; the path names the kind of problem.
const TYPE_BASE: &str = "https://wifo.example/probleme/";

#[derive(Debug)]
pub enum ApiError {
    /// 400: the request is malformed (JSON, types, values, dates).
    BadRequest(String),
    /// 422: the body names a field wifo does not know (the path of the field); nothing written.
    UnknownField(String),
    /// 422: a value cannot be right (a date of something that happened after today, before
    /// 1900); nothing written.
    Implausible(String),
    /// 422: a code that names no active taxonomy entry, a login that names no active user.
    UnknownCode(String),
    /// 401: not logged in or unknown token.
    Unauthenticated,
    /// 403: logged in, but the role may not do this.
    Forbidden,
    /// 403: a cookie-authenticated write without the CSRF token.
    CsrfMissing,
    /// 404
    NotFound(String),
    /// 409: the domain refused the command.
    Rejected(String),
    /// 409: someone else changed the record meanwhile.
    Conflict { current_revision: Option<u64> },
    /// 412: `If-Match` does not match the current revision.
    PreconditionFailed { current_revision: Option<u64> },
    /// 428: the command replaces what the user saw, so it needs `If-Match`.
    PreconditionRequired,
    /// 413
    PayloadTooLarge,
    /// 415
    UnsupportedMediaType,
    /// 422: the same Idempotency-Key was used for a different request.
    IdempotencyMismatch,
    /// 429
    TooManyAttempts { retry_after_seconds: u64 },
    /// 503: the views did not catch up in time, or the server is shutting down.
    Unavailable(String),
    /// 500: logged, never detailed to the client.
    Internal(anyhow::Error),
}

#[derive(Serialize)]
struct Problem<'a> {
    r#type: String,
    title: &'a str,
    status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", rename = "aktuelleRevision")]
    current_revision: Option<u64>,
}

impl ApiError {
    fn parts(&self) -> (StatusCode, &'static str, &'static str, Option<String>) {
        use ApiError as E;
        match self {
            E::BadRequest(detail) => (StatusCode::BAD_REQUEST, "ungueltige-anfrage", "Ungültige Anfrage", Some(detail.clone())),
            E::UnknownField(field) => (StatusCode::UNPROCESSABLE_ENTITY, "unbekanntes-feld", "Unbekanntes Feld", Some(format!("Das Feld „{field}“ gibt es hier nicht. Nichts wurde gespeichert; bitte die Schreibweise prüfen."))),
            E::Implausible(detail) => (StatusCode::UNPROCESSABLE_ENTITY, "unplausibel", "Unplausible Angabe", Some(detail.clone())),
            E::UnknownCode(detail) => (StatusCode::UNPROCESSABLE_ENTITY, "unbekannter-schluessel", "Unbekannter Schlüssel", Some(detail.clone())),
            E::Unauthenticated => (StatusCode::UNAUTHORIZED, "nicht-angemeldet", "Nicht angemeldet", None),
            E::Forbidden => (StatusCode::FORBIDDEN, "keine-berechtigung", "Keine Berechtigung", Some("Ihre Rolle erlaubt diese Aktion nicht.".into())),
            E::CsrfMissing => (StatusCode::FORBIDDEN, "csrf", "Sicherheitsmerkmal fehlt", Some("Der Kopf X-CSRF-Token fehlt oder passt nicht zur Sitzung.".into())),
            E::NotFound(what) => (StatusCode::NOT_FOUND, "nicht-gefunden", "Nicht gefunden", Some(what.clone())),
            E::Rejected(reason) => (StatusCode::CONFLICT, "abgelehnt", "Nicht möglich", Some(reason.clone())),
            E::Conflict { .. } => (StatusCode::CONFLICT, "konflikt", "Gleichzeitige Änderung", Some("Der Datensatz wurde inzwischen geändert. Bitte neu laden.".into())),
            E::PreconditionFailed { .. } => (StatusCode::PRECONDITION_FAILED, "veraltet", "Veralteter Stand", Some("If-Match passt nicht zum aktuellen Stand des Datensatzes.".into())),
            E::PreconditionRequired => (StatusCode::PRECONDITION_REQUIRED, "if-match-fehlt", "Stand fehlt", Some("Diese Änderung braucht den Kopf If-Match mit der Revision, auf der sie beruht.".into())),
            E::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "zu-gross", "Anfrage zu groß", Some("Höchstens 1 MiB je Anfrage.".into())),
            E::UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "medientyp", "Falscher Medientyp", Some("Erwartet wird application/json.".into())),
            E::IdempotencyMismatch => (StatusCode::UNPROCESSABLE_ENTITY, "idempotency-key", "Idempotency-Key schon verwendet", Some("Dieser Idempotency-Key gehört zu einer anderen Anfrage.".into())),
            E::TooManyAttempts { retry_after_seconds } => (StatusCode::TOO_MANY_REQUESTS, "zu-viele-versuche", "Zu viele Versuche", Some(format!("Bitte in {retry_after_seconds} Sekunden erneut versuchen."))),
            E::Unavailable(detail) => (StatusCode::SERVICE_UNAVAILABLE, "nicht-verfuegbar", "Vorübergehend nicht verfügbar", Some(detail.clone())),
            E::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "interner-fehler", "Interner Fehler", Some("Der Fehler wurde protokolliert.".into())),
        }
    }

    pub fn status(&self) -> StatusCode {
        self.parts().0
    }

    /// The German sentence a form shows for it: the detail, or the title.
    pub fn message(&self) -> String {
        let (_, _, title, detail) = self.parts();
        detail.unwrap_or_else(|| title.to_owned())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(error) = &self {
            tracing::error!(error = format!("{error:#}"), "internal error");
        }
        let (status, slug, title, detail) = self.parts();
        let current_revision = match &self {
            ApiError::Conflict { current_revision }
            | ApiError::PreconditionFailed { current_revision } => *current_revision,
            _ => None,
        };
        let body = Problem {
            r#type: format!("{TYPE_BASE}{slug}"),
            title,
            status: status.as_u16(),
            detail,
            current_revision,
        };
        let mut response = (status, Json(body)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let ApiError::TooManyAttempts {
            retry_after_seconds,
        } = self
            && let Ok(value) = HeaderValue::from_str(&retry_after_seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        if let Some(revision) = current_revision
            && let Ok(value) = HeaderValue::from_str(&format!("\"{revision}\""))
        {
            response.headers_mut().insert(header::ETAG, value);
        }
        response
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(error: anyhow::Error) -> Self {
        ApiError::Internal(error)
    }
}

impl From<wifo_app::error::AppError> for ApiError {
    fn from(error: wifo_app::error::AppError) -> Self {
        ApiError::Internal(error.into())
    }
}

impl From<wifo_app::export::ExportError> for ApiError {
    fn from(error: wifo_app::export::ExportError) -> Self {
        ApiError::Internal(error.into())
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            // A KurrentDB cluster electing a new leader or out of reach: worth a retry.
            StoreError::Unavailable(reason) => {
                tracing::warn!(%reason, "event store unavailable");
                ApiError::Unavailable(STORE_UNAVAILABLE.into())
            }
            // A full or failing disk: nothing was written; the server says it is not ready.
            StoreError::StorageFailure(reason) => {
                tracing::error!(%reason, "storage takes no writes");
                ApiError::Unavailable(STORAGE_FULL.into())
            }
            other => ApiError::Internal(other.into()),
        }
    }
}

/// What a client reads when the disk takes no writes (the cause goes to the log).
pub(crate) const STORAGE_FULL: &str = "Der Datenträger des Servers nimmt gerade nichts auf; es wurde nichts gespeichert. Bitte später noch einmal versuchen.";

/// What a client reads when the event store cannot be reached (the cause goes to the log).
const STORE_UNAVAILABLE: &str =
    "Der Ereignisspeicher ist gerade nicht erreichbar; bitte gleich noch einmal versuchen.";

impl<E: std::error::Error + Send + Sync + 'static> From<CommandError<E>> for ApiError {
    fn from(error: CommandError<E>) -> Self {
        match error {
            CommandError::Rejected(reason) => ApiError::Rejected(reason.to_string()),
            CommandError::ImplausibleDate(reason) => ApiError::Implausible(reason.to_string()),
            CommandError::Conflict { actual, .. } => ApiError::Conflict {
                current_revision: actual,
            },
            CommandError::Store(error) => error.into(),
            CommandError::Codec(error) => ApiError::Internal(error.into()),
        }
    }
}

/// Turns the plain-text errors axum's extractors answer with (body too large, malformed query
/// string or path, wrong method) into problem details too, so every error a client sees has
/// the same shape.
pub async fn plain_errors_as_problems(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/problem+json"));
    // The web UI answers its errors with German HTML pages; those stay as they are.
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    if !(status.is_client_error() || status.is_server_error()) || is_problem || is_page {
        return response;
    }
    let detail = match axum::body::to_bytes(response.into_body(), 64 * 1024).await {
        Ok(bytes) if !bytes.is_empty() => Some(String::from_utf8_lossy(&bytes).into_owned()),
        _ => None,
    };
    let (slug, title) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ("zu-gross", "Anfrage zu groß"),
        StatusCode::METHOD_NOT_ALLOWED => ("methode", "Methode nicht erlaubt"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ("medientyp", "Falscher Medientyp"),
        StatusCode::NOT_FOUND => ("nicht-gefunden", "Nicht gefunden"),
        status if status.is_server_error() => ("interner-fehler", "Interner Fehler"),
        _ => ("ungueltige-anfrage", "Ungültige Anfrage"),
    };
    let detail = if status.is_server_error() {
        tracing::error!(?detail, %status, "plain server error");
        Some("Der Fehler wurde protokolliert.".to_owned())
    } else if status == StatusCode::PAYLOAD_TOO_LARGE {
        Some("Höchstens 1 MiB je Anfrage.".to_owned())
    } else {
        detail
    };
    let body = Problem {
        r#type: format!("{TYPE_BASE}{slug}"),
        title,
        status: status.as_u16(),
        detail,
        current_revision: None,
    };
    let mut response = (status, Json(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}
