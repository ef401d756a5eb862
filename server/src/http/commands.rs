//! The write path of the API, one generic handler for every command of every stream: read the
//! JSON body, add the id from the path, deserialize the domain command (value types validate
//! themselves), refuse references to unknown organizations and persons, honour `If-Match` and
//! `Idempotency-Key`, execute through the command handler, and answer with the new revision and
//! log position. Nothing is written unless the whole request is valid.

use std::sync::Arc;

use axum::{
    Extension,
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{MethodRouter, on},
};
use futures::future::BoxFuture;
use serde::de::DeserializeOwned;
use serde_json::Value;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use wifo_domain::{Decider, values::Role};
use wifo_store::{CommandError, Direction, EventStore, Position};

use super::{ApiError, AppState, Route, RouteSpec};
use wifo_app::{auth::Caller, office::NotCaughtUp};

/// Fields that name an organization, and fields that name persons, in any command.
const ORGANIZATION_FIELDS: &[&str] = &[
    "organization",
    "joint_partner",
    "association",
    "survivor",
    "partners",
    "co_hosts",
    "organizations",
];
const PERSON_FIELDS: &[&str] = &["person", "participants", "persons"];
/// The field that names what a reminder is about: `{"organization" | "inquiry" | "cooperation": id}`.
const SUBJECT_FIELD: &str = "about";
/// Fields that name codes of a taxonomy, with the taxonomy.
const CODE_FIELDS: &[(&str, &str)] = &[
    ("topics", "topics"),
    ("topic", "topics"),
    ("office", "offices"),
    ("offices", "offices"),
    ("leadership", "leadership"),
];
/// Fields that name staff members (active users).
const STAFF_FIELDS: &[&str] = &["staff", "assignee", "received_by", "account_manager"];

pub(super) fn require_json(headers: &HeaderMap) -> Result<(), ApiError> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .split(';')
                .next()
                .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
        });
    if json {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType)
    }
}

fn bad_input(error: serde_json::Error) -> ApiError {
    ApiError::BadRequest(format!("Ungültige Eingabe: {error}"))
}

/// What `If-Match` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IfMatch {
    Absent,
    /// `*`: the record must exist, at whatever revision (RFC 9110, 13.1.1) — the client says
    /// explicitly that it overwrites blindly.
    Any,
    /// `"3"` (or `3`, or `W/"3"`): revision 3.
    Revision(u64),
}

fn if_match(headers: &HeaderMap) -> Result<IfMatch, ApiError> {
    let Some(value) = headers.get(header::IF_MATCH) else {
        return Ok(IfMatch::Absent);
    };
    let text = value
        .to_str()
        .map_err(|_| ApiError::BadRequest("If-Match ist kein Text".into()))?;
    if text.trim() == "*" {
        return Ok(IfMatch::Any);
    }
    let text = text.trim().trim_start_matches("W/").trim_matches('"');
    text.parse()
        .map(IfMatch::Revision)
        .map_err(|_| ApiError::BadRequest(format!("If-Match „{text}“ ist keine Revision")))
}

/// The caller's last write, so reads and reference checks see it.
pub(super) async fn wait_for_own_writes(
    state: &AppState,
    caller: &Caller,
    at_least: Option<Position>,
) -> Result<(), ApiError> {
    state
        .office
        .wait_for_own_writes(caller, at_least)
        .await
        .map_err(|error| match error {
            NotCaughtUp::Late => ApiError::Unavailable(error.to_string()),
            NotCaughtUp::NotWritten { .. } => ApiError::Implausible(error.to_string()),
        })
}

fn ids_in(value: &Value) -> Vec<&str> {
    match value {
        Value::String(id) => vec![id.as_str()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

/// Refuses a command that names an organization, person, inquiry or cooperation the CRM does not
/// know, a code that is no active entry, or a login that is no active user.
fn check_references(
    state: &AppState,
    body: &serde_json::Map<String, Value>,
    own_field: &str,
) -> Result<(), ApiError> {
    check_fields(&state.projections.read(), body, own_field)
}

/// The reference fields of one object, then of the objects nested in it (a gathering's
/// `attendance` is a list of `{organization, person}`).
fn check_fields(
    views: &wifo_projections::Views,
    body: &serde_json::Map<String, Value>,
    own_field: &str,
) -> Result<(), ApiError> {
    for (field, value) in body {
        // A record's own id is new or checked by its stream; a code is checked even there.
        if field == own_field && !CODE_FIELDS.iter().any(|(name, _)| *name == field) {
            continue;
        }
        if ORGANIZATION_FIELDS.contains(&field.as_str()) {
            for id in ids_in(value) {
                let known = wifo_domain::ids::OrganizationId::parse(id).is_ok_and(|id| {
                    views
                        .organizations
                        .get(&id)
                        .is_some_and(|r| r.state.name.is_some())
                });
                if !known {
                    return Err(ApiError::NotFound(format!(
                        "Organisation {id} ist nicht erfasst ({field})."
                    )));
                }
            }
        }
        if PERSON_FIELDS.contains(&field.as_str()) {
            for id in ids_in(value) {
                let known = wifo_domain::ids::PersonId::parse(id)
                    .is_ok_and(|id| views.persons.contains_key(&id));
                if !known {
                    return Err(ApiError::NotFound(format!(
                        "Person {id} ist nicht erfasst ({field})."
                    )));
                }
            }
        }
        if field == SUBJECT_FIELD {
            check_subject(views, value)?;
        }
        if let Some((_, taxonomy)) = CODE_FIELDS.iter().find(|(name, _)| *name == field) {
            for code in ids_in(value) {
                let active = views
                    .taxonomies
                    .get(*taxonomy)
                    .and_then(|entries| entries.entries.get(code))
                    .is_some_and(|entry| !entry.retired);
                let refusal = format!(
                    "{field}: „{code}“ ist kein aktiver Eintrag der Klassifikation „{taxonomy}“."
                );
                if !active && field == own_field {
                    // The path names it: what it addresses is not there.
                    return Err(ApiError::NotFound(refusal));
                }
                if !active {
                    return Err(ApiError::UnknownCode(refusal));
                }
            }
        }
        if STAFF_FIELDS.contains(&field.as_str()) {
            for login in ids_in(value) {
                let active = views
                    .users
                    .get(login)
                    .is_some_and(|user| user.status == wifo_domain::user::UserStatus::Active);
                if !active {
                    return Err(ApiError::UnknownCode(format!(
                        "{field}: „{login}“ ist kein aktiver Benutzer."
                    )));
                }
            }
        }
        let nested = match value {
            Value::Object(object) => vec![object],
            Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
            _ => vec![],
        };
        for object in nested {
            check_fields(views, object, "")?;
        }
    }
    Ok(())
}

/// Refuses a reminder about an inquiry or cooperation the CRM does not know (an organization is
/// checked as every organization field is).
fn check_subject(views: &wifo_projections::Views, value: &Value) -> Result<(), ApiError> {
    let Some(object) = value.as_object() else {
        return Ok(());
    };
    for (kind, id) in object {
        let Some(id) = id.as_str() else { continue };
        let (known, label) = match kind.as_str() {
            "inquiry" => (
                wifo_domain::ids::InquiryId::parse(id)
                    .is_ok_and(|id| views.inquiries.contains_key(&id)),
                "Anliegen",
            ),
            "cooperation" => (
                wifo_domain::ids::CooperationId::parse(id)
                    .is_ok_and(|id| views.cooperations.contains_key(&id)),
                "Kooperation",
            ),
            _ => continue,
        };
        if !known {
            return Err(ApiError::NotFound(format!(
                "{label} {id} ist nicht erfasst ({SUBJECT_FIELD}.{kind})."
            )));
        }
    }
    Ok(())
}

/// Whether the caller must name the revision it changes: the API requires `If-Match` for the
/// commands that must not be retried blindly; a form sends the revision it was shown, if any.
enum Precondition {
    Api(IfMatch),
    Form(Option<u64>),
}

/// What a form post reached: the id of the record it wrote to.
pub(crate) struct Submitted {
    pub id: String,
}

/// One command route, as the router mounts it and as the web forms (`ui::actions`) submit to
/// it: the same decoding, reference checks, business date and execution for both.
pub(crate) trait CommandEndpoint: Send + Sync {
    fn spec(&self) -> RouteSpec;
    fn route(self: Arc<Self>) -> Route;
    /// The current revision of the record `id` (`None`: no such record).
    fn revision<'a>(
        &'a self,
        state: &'a AppState,
        id: &'a str,
    ) -> BoxFuture<'a, Result<Option<u64>, ApiError>>;
    /// Executes the command built from `body` for the record `id` (none: a new record),
    /// expecting `expected` as its revision when given.
    fn submit<'a>(
        &'a self,
        state: &'a AppState,
        caller: &'a Caller,
        id: Option<String>,
        body: Value,
        expected: Option<u64>,
    ) -> BoxFuture<'a, Result<Submitted, ApiError>>;
}

impl<D, C> CommandEndpoint for CommandRoute<D, C>
where
    D: Decider + Send + Sync + 'static,
    D::Command: Send + Sync,
    D::State: Send + Sync,
    D::Error: Send + Sync,
    C: DeserializeOwned + serde::Serialize + schemars::JsonSchema + Send + Sync + 'static,
{
    fn spec(&self) -> RouteSpec {
        CommandRoute::spec(self)
    }

    fn route(self: Arc<Self>) -> Route {
        CommandRoute::route_of(self)
    }

    fn revision<'a>(
        &'a self,
        state: &'a AppState,
        id: &'a str,
    ) -> BoxFuture<'a, Result<Option<u64>, ApiError>> {
        Box::pin(async move {
            let stream = wifo_domain::stream_name::<D>(id);
            let last = state
                .data
                .store
                .read_stream(&stream, u64::MAX, Direction::Backward, 1)
                .await?;
            Ok(last.first().map(|event| event.revision))
        })
    }

    fn submit<'a>(
        &'a self,
        state: &'a AppState,
        caller: &'a Caller,
        id: Option<String>,
        body: Value,
        expected: Option<u64>,
    ) -> BoxFuture<'a, Result<Submitted, ApiError>> {
        Box::pin(async move {
            let (id, _) = self
                .run(state, caller, id, body, Precondition::Form(expected), None)
                .await?;
            Ok(Submitted { id })
        })
    }
}

/// Describes one command route.
pub(super) struct CommandRoute<D: Decider, C> {
    pub method: Method,
    pub path: &'static str,
    pub roles: &'static [Role],
    pub summary: &'static str,
    pub body: &'static str,
    /// Field of the command that holds the stream id (`organization`, `visit`, …).
    pub id_field: &'static str,
    /// Creates a new stream (id generated if the body has none) rather than changing one.
    pub creates: bool,
    pub wrap: fn(C) -> D::Command,
}

impl<D, C> CommandRoute<D, C>
where
    D: Decider + Send + Sync + 'static,
    D::Command: Send + Sync,
    D::State: Send + Sync,
    D::Error: Send + Sync,
    C: DeserializeOwned + serde::Serialize + schemars::JsonSchema + Send + Sync + 'static,
{
    fn spec(&self) -> RouteSpec {
        RouteSpec {
            method: self.method.clone(),
            path: self.path,
            roles: self.roles,
            summary: self.summary,
            body: Some(self.body),
            doc: crate::routes::ApiDoc {
                id_field: Some(self.id_field),
                occurred_field: wifo_app::business_time::occurred_field(self.body),
                creates: self.creates,
                ..Default::default()
            },
        }
        .with_body::<C>()
        .answering::<CommandAnswer>()
    }

    fn route_of(this: Arc<Self>) -> Route {
        let spec = this.spec();
        let filter = axum::routing::MethodFilter::try_from(this.method.clone())
            .unwrap_or(axum::routing::MethodFilter::POST);
        let handler: MethodRouter<AppState> = on(
            filter,
            move |State(state): State<AppState>,
                  Extension(caller): Extension<Caller>,
                  path: Option<Path<String>>,
                  headers: HeaderMap,
                  body: Bytes| {
                let this = this.clone();
                async move {
                    this.handle(state, caller, path.map(|Path(id)| id), headers, body)
                        .await
                }
            },
        );
        Route { spec, handler }
    }

    async fn handle(
        &self,
        state: AppState,
        caller: Caller,
        path_id: Option<String>,
        headers: HeaderMap,
        body: Bytes,
    ) -> Result<Response, ApiError> {
        require_json(&headers)?;
        let key = headers
            .get("idempotency-key")
            .map(|value| {
                value
                    .to_str()
                    .map(str::to_owned)
                    .map_err(|_| ApiError::BadRequest("Idempotency-Key ist kein Text".into()))
            })
            .transpose()?;
        let Some(key) = key else {
            return self
                .execute(&state, &caller, path_id, &headers, &body)
                .await;
        };
        if key.is_empty() || key.len() > 200 {
            return Err(ApiError::BadRequest(
                "Idempotency-Key muss 1–200 Zeichen lang sein".into(),
            ));
        }
        let mut fingerprint = Sha256::new();
        fingerprint.update(self.method.as_str().as_bytes());
        fingerprint.update(self.path.as_bytes());
        fingerprint.update(path_id.as_deref().unwrap_or_default().as_bytes());
        fingerprint.update(&body);
        let fingerprint: [u8; 32] = fingerprint.finalize().into();
        let _guard = KeyLock::acquire(&state, format!("{}\u{0}{key}", caller.user)).await?;
        if let Some((stored, status, stored_headers, stored_body)) =
            state.auth.idempotent_response(caller.user.as_str(), &key)?
        {
            if stored != fingerprint {
                return Err(ApiError::IdempotencyMismatch);
            }
            let mut response = (
                StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
                stored_body,
            )
                .into_response();
            let stored_headers: Vec<(String, String)> =
                serde_json::from_str(&stored_headers).unwrap_or_default();
            for (name, value) in stored_headers {
                if let (Ok(name), Ok(value)) = (
                    header::HeaderName::try_from(name),
                    HeaderValue::from_str(&value),
                ) {
                    response.headers_mut().insert(name, value);
                }
            }
            return Ok(replayed(response));
        }
        let correlation = idempotency_correlation(caller.user.as_str(), &key);
        // The events of a first try whose answer was lost with a crash (written, but the key
        // not yet remembered) carry the correlation id derived from the key: answer as then.
        let response = match self
            .earlier_outcome(&state, path_id.as_deref(), &body, correlation)
            .await?
        {
            Some(response) => replayed(response),
            None => {
                self.execute_with(&state, &caller, path_id, &headers, &body, Some(correlation))
                    .await?
            }
        };
        let (parts, response_body) = response.into_parts();
        let bytes = axum::body::to_bytes(response_body, super::BODY_LIMIT)
            .await
            .map_err(|error| anyhow::anyhow!("{error}"))?;
        let kept: Vec<(String, String)> = parts
            .headers
            .iter()
            .filter(|(name, _)| {
                [header::CONTENT_TYPE, header::ETAG, header::LOCATION].contains(name)
                    || name.as_str() == "x-wifo-position"
            })
            .filter_map(|(name, value)| {
                value
                    .to_str()
                    .ok()
                    .map(|value| (name.to_string(), value.to_owned()))
            })
            .collect();
        state.auth.store_idempotent_response(
            caller.user.as_str(),
            &key,
            &fingerprint,
            parts.status.as_u16(),
            &serde_json::to_string(&kept).unwrap_or_default(),
            &bytes,
        )?;
        Ok(Response::from_parts(parts, axum::body::Body::from(bytes)))
    }

    /// Decodes, checks and executes one command from its JSON object: what the API and the
    /// forms share (`super::forms`). Answers the record's id and the outcome.
    async fn run(
        &self,
        state: &AppState,
        caller: &Caller,
        path_id: Option<String>,
        mut value: Value,
        precondition: Precondition,
        correlation: Option<Uuid>,
    ) -> Result<(String, wifo_store::CommandOutcome<D::Event>), ApiError> {
        let object = value
            .as_object_mut()
            .ok_or_else(|| ApiError::BadRequest("Erwartet wird ein JSON-Objekt.".into()))?;
        let id = match path_id {
            Some(id) => id,
            None if self.creates => match object.get(self.id_field) {
                Some(Value::String(id)) => id.clone(),
                Some(_) => {
                    return Err(ApiError::BadRequest(format!(
                        "{} muss eine Zeichenkette sein",
                        self.id_field
                    )));
                }
                None => correlation
                    .map_or_else(Uuid::now_v7, new_record_id)
                    .to_string(),
            },
            None => return Err(ApiError::BadRequest("Die ID fehlt in der Adresse.".into())),
        };
        object.insert(self.id_field.to_owned(), Value::String(id.clone()));
        // The day it happened, for the commands that carry it beside their fields.
        let occurred_on = match wifo_app::business_time::occurred_field(self.body) {
            Some(field) => match object.remove(field) {
                None | Some(Value::Null) => None,
                Some(Value::String(text)) => Some((
                    field,
                    chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
                        ApiError::BadRequest(format!(
                            "{field}: „{text}“ ist kein Datum (JJJJ-MM-TT)"
                        ))
                    })?,
                )),
                Some(_) => {
                    return Err(ApiError::BadRequest(format!(
                        "{field}: erwartet wird ein Datum (JJJJ-MM-TT)"
                    )));
                }
            },
            None => None,
        };
        wait_for_own_writes(state, caller, None).await?;
        check_references(state, object, self.id_field)?;
        let command: C = serde_path_to_error::deserialize(value.clone()).map_err(|error| {
            let path = error.path().to_string();
            let inner = error.into_inner();
            if path == "." {
                bad_input(inner)
            } else {
                ApiError::BadRequest(format!("{path}: {inner}"))
            }
        })?;
        let understood =
            serde_json::to_value(&command).map_err(|error| ApiError::Internal(error.into()))?;
        super::strict::refuse_unknown_fields(&value, &understood)?;
        let command = (self.wrap)(command);
        let expected = match precondition {
            Precondition::Api(IfMatch::Absent) if !D::retry_on_conflict(&command) => {
                return Err(ApiError::PreconditionRequired);
            }
            Precondition::Api(IfMatch::Any) if self.creates => {
                // Nothing exists yet that `*` could match.
                return Err(ApiError::PreconditionFailed {
                    current_revision: None,
                });
            }
            Precondition::Api(IfMatch::Absent | IfMatch::Any) => None,
            Precondition::Api(IfMatch::Revision(revision)) => Some(revision),
            Precondition::Form(expected) => expected,
        };
        let stream = wifo_domain::stream_name::<D>(&D::stream_id(&command));
        if !self.creates {
            let last = state
                .data
                .store
                .read_stream(&stream, u64::MAX, Direction::Backward, 1)
                .await?;
            if last.is_empty() {
                return Err(ApiError::NotFound(format!("{id} ist nicht erfasst.")));
            }
        }
        let outcome = match state
            .office
            .execute_correlated::<D>(caller, &command, expected, occurred_on, correlation)
            .await
        {
            Ok(outcome) => outcome,
            Err(CommandError::Conflict { actual, .. }) if expected.is_some() => {
                return Err(ApiError::PreconditionFailed {
                    current_revision: actual,
                });
            }
            Err(error) => return Err(error.into()),
        };
        Ok((id, outcome))
    }

    async fn execute(
        &self,
        state: &AppState,
        caller: &Caller,
        path_id: Option<String>,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Response, ApiError> {
        self.execute_with(state, caller, path_id, headers, body, None)
            .await
    }

    async fn execute_with(
        &self,
        state: &AppState,
        caller: &Caller,
        path_id: Option<String>,
        headers: &HeaderMap,
        body: &[u8],
        correlation: Option<Uuid>,
    ) -> Result<Response, ApiError> {
        let value: Value = serde_json::from_slice(body).map_err(bad_input)?;
        let expected = if_match(headers)?;
        let (id, outcome) = self
            .run(
                state,
                caller,
                path_id,
                value,
                Precondition::Api(expected),
                correlation,
            )
            .await?;
        let event_types = event_types(&outcome.events);
        Ok(self.answer(
            &id,
            &outcome.stream,
            outcome.revision,
            outcome.position,
            event_types,
        ))
    }

    /// The answer to an executed command (and to its replay).
    fn answer(
        &self,
        id: &str,
        stream: &str,
        revision: Option<u64>,
        position: Position,
        event_types: Vec<String>,
    ) -> Response {
        let status = if self.creates && !event_types.is_empty() {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        };
        let answer = CommandAnswer {
            id: id.to_owned(),
            stream: stream.to_owned(),
            revision,
            position: position.0,
            events: event_types,
        };
        let mut response = (status, axum::Json(answer)).into_response();
        let headers = response.headers_mut();
        if let Some(revision) = revision
            && let Ok(value) = HeaderValue::from_str(&format!("\"{revision}\""))
        {
            headers.insert(header::ETAG, value);
        }
        if let Ok(value) = HeaderValue::from_str(&position.0.to_string()) {
            headers.insert("x-wifo-position", value);
        }
        response
    }

    /// What an earlier try with the same key wrote to the record the request names (by its
    /// path, its body, or for a new record the id derived from the key), as its answer; `None`
    /// when nothing was written (then the command runs).
    async fn earlier_outcome(
        &self,
        state: &AppState,
        path_id: Option<&str>,
        body: &[u8],
        correlation: Uuid,
    ) -> Result<Option<Response>, ApiError> {
        let id = match path_id {
            Some(id) => id.to_owned(),
            None if self.creates => {
                let body_id = serde_json::from_slice::<Value>(body)
                    .ok()
                    .and_then(|value| value.get(self.id_field)?.as_str().map(str::to_owned));
                body_id.unwrap_or_else(|| new_record_id(correlation).to_string())
            }
            None => return Ok(None),
        };
        let stream = wifo_domain::stream_name::<D>(&id);
        let events = wifo_store::read_whole_stream(&state.data.store, &stream).await?;
        let ours: Vec<_> = events
            .iter()
            .filter(|event| event.metadata.correlation_id == correlation)
            .collect();
        let Some(last) = ours.last() else {
            return Ok(None);
        };
        let event_types = ours.iter().map(|event| event.event_type.clone()).collect();
        Ok(Some(self.answer(
            &id,
            &stream,
            Some(last.revision),
            last.position,
            event_types,
        )))
    }
}

/// The answer to a command: `201` when it created the record, `200` otherwise (also when it
/// changed nothing: `events` is then empty). Headers: `ETag` (the revision) and
/// `X-Wifo-Position` (the log position, for `?wait_for=`).
#[derive(serde::Serialize, schemars::JsonSchema)]
pub(crate) struct CommandAnswer {
    /// Die ID des Datensatzes (bei neuen Datensätzen die vergebene).
    id: String,
    /// Der Strom des Datensatzes im Protokoll (`visit-…`).
    stream: String,
    /// Die Revision des Datensatzes nach der Änderung, für `If-Match`.
    revision: Option<u64>,
    /// Die Position im Protokoll, für `?wait_for=` beim nächsten Lesen.
    position: u64,
    /// Die geschriebenen Ereignisse, z. B. `VisitConducted`.
    events: Vec<String>,
}

/// The stable type names of events (`VisitConducted`), from their serde form.
fn event_types<E: serde::Serialize>(events: &[E]) -> Vec<String> {
    events
        .iter()
        .filter_map(|event| serde_json::to_value(event).ok())
        .filter_map(|value| {
            value
                .as_object()
                .and_then(|object| object.keys().next().cloned())
        })
        .collect()
}

impl CommandAnswer {
    /// The answer to a command a route ran itself; `id` names the record.
    pub(crate) fn of<E: serde::Serialize>(
        id: &str,
        outcome: &wifo_store::CommandOutcome<E>,
    ) -> Self {
        Self {
            id: id.to_owned(),
            stream: outcome.stream.clone(),
            revision: outcome.revision,
            position: outcome.position.0,
            events: event_types(&outcome.events),
        }
    }
}

/// Marks an answer as the replay of an earlier one.
fn replayed(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}

/// The correlation id of the events a request with this `Idempotency-Key` writes: the same for
/// every retry of it by the same user, and for no other request.
fn idempotency_correlation(user: &str, key: &str) -> Uuid {
    let digest = Sha256::digest(format!("wifo idempotency\u{0}{user}\u{0}{key}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// The id of a record a keyed request creates without naming one: derived from the key, so a
/// retry names the same record.
fn new_record_id(correlation: Uuid) -> Uuid {
    let digest = Sha256::digest(correlation.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// The per-key lock that serialises requests with the same idempotency key; the entry leaves
/// the map with the last request holding it, so refused and finished keys take no memory.
struct KeyLock {
    state: AppState,
    key: String,
    _guard: tokio::sync::OwnedMutexGuard<()>,
}

impl KeyLock {
    async fn acquire(state: &AppState, key: String) -> Result<Self, ApiError> {
        let lock = {
            let mut locks = state
                .idempotency_locks
                .lock()
                .map_err(|_| anyhow::anyhow!("lock poisoned"))?;
            locks.entry(key.clone()).or_default().clone()
        };
        let guard = lock.lock_owned().await;
        Ok(Self {
            state: state.clone(),
            key,
            _guard: guard,
        })
    }
}

impl Drop for KeyLock {
    fn drop(&mut self) {
        if let Ok(mut locks) = self.state.idempotency_locks.lock()
            && locks
                .get(&self.key)
                .is_some_and(|lock| Arc::strong_count(lock) <= 2)
        {
            // Only the map and this guard's mutex hold it: nobody waits.
            locks.remove(&self.key);
        }
    }
}
