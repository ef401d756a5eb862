//! A route of the API or of the pages with the roles that may use it: what the route × role
//! matrix tests, the OpenAPI document and the page guard read. An API route also names the Rust
//! types of its query, body and answer, whose JSON Schemas (`schemars`) the OpenAPI document
//! shows, so the document cannot describe a shape the code does not read or write.

use axum::{http::Method, routing::MethodRouter};
use wifo_domain::values::Role;

use crate::state::AppState;

/// One route of the API: what the matrix test and the OpenAPI document read.
#[derive(Clone, Debug)]
pub struct RouteSpec {
    pub method: Method,
    /// axum path syntax (`/api/v1/organizations/{id}`).
    pub path: &'static str,
    pub roles: &'static [Role],
    pub summary: &'static str,
    /// Name of the JSON body type, for writes.
    pub body: Option<&'static str>,
    pub doc: ApiDoc,
}

/// Writes the JSON Schema of a type into a generator and answers the reference to it.
pub type SchemaFn = fn(&mut schemars::SchemaGenerator) -> schemars::Schema;

/// The schema of `T`, as a reference into the document's components.
pub fn schema_of<T: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> schemars::Schema {
    generator.subschema_for::<T>()
}

/// What a route reads and answers, for the OpenAPI document.
#[derive(Clone, Copy, Debug, Default)]
pub struct ApiDoc {
    /// The query parameters, as the object whose fields they are.
    pub query: Option<SchemaFn>,
    /// The JSON body.
    pub body: Option<SchemaFn>,
    /// The body's field that names the record: the path supplies it, or for a new record it is
    /// generated when missing, so it is never required.
    pub id_field: Option<&'static str>,
    /// A field the body may carry beside the command's: the day it happened.
    pub occurred_field: Option<&'static str>,
    /// The route creates a record: `201` beside `200` (a repeated create that changes nothing).
    pub creates: bool,
    pub answer: Answer,
}

/// The successful answer of a route.
#[derive(Clone, Copy, Debug, Default)]
pub enum Answer {
    /// No documented answer (pages).
    #[default]
    None,
    /// `200` (or `201` for a new record) with a JSON body of this schema.
    Json(SchemaFn),
    /// `200` with a body of one of these media types (files, metrics).
    Media(&'static [&'static str]),
    /// `200` with JSON of this schema, or (as the query asks) one of these media types.
    JsonOrMedia(SchemaFn, &'static [&'static str]),
    /// `204`, no body.
    NoContent,
}

impl RouteSpec {
    /// The route's query parameters are the fields of `Q`.
    pub fn with_query<Q: schemars::JsonSchema>(mut self) -> Self {
        self.doc.query = Some(schema_of::<Q>);
        self
    }

    /// The route reads a JSON body of type `B`.
    pub fn with_body<B: schemars::JsonSchema>(mut self) -> Self {
        self.doc.body = Some(schema_of::<B>);
        self
    }

    /// The route answers JSON of type `T`.
    pub fn answering<T: schemars::JsonSchema>(mut self) -> Self {
        self.doc.answer = Answer::Json(schema_of::<T>);
        self
    }

    /// The route answers a file or text of these media types.
    pub fn answering_media(mut self, media: &'static [&'static str]) -> Self {
        self.doc.answer = Answer::Media(media);
        self
    }

    /// The route answers JSON of type `T`, or (as the query asks) one of these media types.
    pub fn answering_json_or<T: schemars::JsonSchema>(
        mut self,
        media: &'static [&'static str],
    ) -> Self {
        self.doc.answer = Answer::JsonOrMedia(schema_of::<T>, media);
        self
    }

    /// The route creates a record and answers `201`.
    pub fn creating(mut self) -> Self {
        self.doc.creates = true;
        self
    }
}

pub struct Route {
    pub spec: RouteSpec,
    pub handler: MethodRouter<AppState>,
}

impl std::fmt::Debug for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.spec.fmt(f)
    }
}
