//! The OpenAPI 3.1 document, generated from the route table (`super::route_specs`) so it cannot
//! drift from the router: every path and method with its summary and roles, its path and query
//! parameters, its JSON body and its answer — their schemas derived from the Rust types the
//! handlers read and write (`schemars`, JSON Schema 2020-12 as OpenAPI 3.1 uses it) — and every
//! problem status the route can answer.
//!
//! The Rust doc comments are English; the document speaks German. Every field's description
//! comes from `texts/api-fields.tsv` (a field name means the same wherever it occurs), value
//! types carry their own German description (`wifo_domain::values`), and the doc comments the
//! derive copied in are removed.
//!
//! One generator with the deserialize contract serves bodies and answers alike: a field that
//! is optional when read is then also optional in an answer, which is looser than the answer
//! but never wrong about it (no answer type skips a field that is not an `Option`).

use schemars::{SchemaGenerator, generate::SchemaSettings};
use serde_json::{Map, Value, json};
use wifo_domain::values::Role;

use super::route_specs;
use crate::routes::{Answer, RouteSpec};

/// The German descriptions of the API's fields.
const FIELD_TEXTS: &str = include_str!("../../texts/api-fields.tsv");

/// Field name → German description.
pub fn field_texts() -> std::collections::BTreeMap<&'static str, &'static str> {
    FIELD_TEXTS
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .collect()
}

/// Whether a named schema is a value type's (a pattern, a length or a range): those carry a
/// German description of their own.
fn is_value_type(schema: &Value) -> bool {
    ["pattern", "maxLength", "minLength", "minimum"]
        .iter()
        .any(|key| schema.get(key).is_some())
}

/// Gives every property its German description and drops the English ones the derive copied
/// from doc comments (of types, enum variants and fields).
fn germanise(value: &mut Value, texts: &std::collections::BTreeMap<&str, &str>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Object(properties)) = object.get_mut("properties") {
                for (name, property) in properties.iter_mut() {
                    germanise(property, texts);
                    if let Value::Object(property) = property {
                        match texts.get(name.as_str()) {
                            Some(text) => {
                                property.insert("description".into(), json!(text));
                            }
                            None => {
                                property.remove("description");
                            }
                        }
                    }
                }
            }
            for (key, child) in object.iter_mut() {
                if key == "properties" {
                    continue;
                }
                if matches!(key.as_str(), "oneOf" | "anyOf")
                    && let Value::Array(variants) = child
                {
                    for variant in variants.iter_mut() {
                        if let Value::Object(variant) = variant {
                            variant.remove("description");
                        }
                    }
                }
                germanise(child, texts);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| germanise(item, texts)),
        _ => {}
    }
}

/// Where the generator puts the schemas of named types.
const SCHEMAS: &str = "#/components/schemas/";

fn generator() -> SchemaGenerator {
    SchemaSettings::draft2020_12()
        .with(|settings| {
            settings.definitions_path = "/components/schemas".into();
            settings.meta_schema = None;
        })
        .into_generator()
}

/// The schema a `$ref` names, followed through the generator's definitions.
fn resolved(generator: &SchemaGenerator, schema: &Value) -> Value {
    match schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| reference.strip_prefix(SCHEMAS))
    {
        Some(name) => generator
            .definitions()
            .get(name)
            .cloned()
            .unwrap_or(Value::Null),
        None => schema.clone(),
    }
}

/// The schema of a path parameter: what the handler parses it as.
fn path_parameter(generator: &mut SchemaGenerator, path: &str, name: &str) -> Value {
    match (path, name) {
        (path, "id") if path.starts_with("/api/v1/users/") => generator
            .subschema_for::<wifo_domain::values::UserName>()
            .to_value(),
        (_, "id") if path.starts_with("/api/v1/taxonomies/") => generator
            .subschema_for::<wifo_domain::taxonomy::TaxonomyKind>()
            .to_value(),
        (_, "table") => json!({"type": "string", "enum": wifo_app::export::Table::NAMES}),
        (_, "calendar") => {
            json!({"type": "string", "enum": wifo_app::export::CalendarKind::NAMES})
        }
        (_, "year") => json!({"type": "integer", "minimum": 1900, "maximum": 2200}),
        _ => json!({"type": "string", "format": "uuid"}),
    }
}

fn parameters(generator: &mut SchemaGenerator, spec: &RouteSpec) -> Vec<Value> {
    let mut parameters: Vec<Value> = spec
        .path
        .split('/')
        .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
        .map(|name| {
            let schema = path_parameter(generator, spec.path, name);
            json!({"name": name, "in": "path", "required": true, "schema": schema})
        })
        .collect();
    if let Some(query) = spec.doc.query {
        let reference = query(generator);
        let object = resolved(generator, reference.as_value());
        let required: Vec<&str> = object["required"]
            .as_array()
            .map(|names| names.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if let Some(properties) = object["properties"].as_object() {
            for (name, schema) in properties {
                let mut schema = schema.clone();
                let doc = schema
                    .as_object_mut()
                    .and_then(|schema| schema.remove("description"));
                let description = field_texts()
                    .get(name.as_str())
                    .map(|text| json!(text))
                    .or(doc);
                let mut parameter = json!({
                    "name": name, "in": "query", "required": required.contains(&name.as_str()),
                    "schema": schema,
                });
                if let Some(description) = description {
                    parameter["description"] = description;
                }
                parameters.push(parameter);
            }
        }
    }
    if spec.doc.body.is_some() {
        parameters.push(json!({"name": "Idempotency-Key", "in": "header", "required": false,
            "description": "Eine Wiederholung mit demselben Schlüssel schreibt nichts doppelt und erhält die erste Antwort.",
            "schema": {"type": "string", "minLength": 1, "maxLength": 200}}));
        parameters.push(
            json!({"name": "If-Match", "in": "header", "required": false,
            "description": "Die Revision, auf der die Änderung beruht (aus ETag), oder *.",
            "schema": {"type": "string"}}),
        );
    }
    parameters
}

/// The body as the route reads it: the type's schema, with the record's id not required (the
/// path or the server supplies it), the day it happened as an extra field where the command
/// takes one, and no other field (the API refuses unknown fields with 422).
fn request_body(generator: &mut SchemaGenerator, spec: &RouteSpec) -> Option<Value> {
    let body = spec.doc.body?;
    let reference = body(generator);
    let mut schema = resolved(generator, reference.as_value());
    if let Some(object) = schema.as_object_mut() {
        if let Some(id) = spec.doc.id_field
            && let Some(Value::Array(required)) = object.get_mut("required")
        {
            required.retain(|name| name != id);
        }
        if let Some(field) = spec.doc.occurred_field
            && let Some(Value::Object(properties)) = object.get_mut("properties")
        {
            properties.insert(
                field.to_owned(),
                json!({
                    "type": ["string", "null"], "format": "date",
                    "description": "Der Tag, an dem es geschah (Geschäftszeit), wenn nicht heute.",
                }),
            );
        }
        object.insert("additionalProperties".into(), Value::Bool(false));
    }
    Some(json!({"required": true, "content": {"application/json": {"schema": schema}}}))
}

fn media(types: &[&str]) -> Map<String, Value> {
    types
        .iter()
        .map(|media| {
            let schema = if *media == "application/json" {
                json!({})
            } else if media.starts_with("text/") || media.ends_with("json") {
                json!({"type": "string"})
            } else {
                json!({"type": "string", "contentMediaType": media})
            };
            ((*media).to_owned(), json!({"schema": schema}))
        })
        .collect()
}

fn problem() -> Value {
    json!({"$ref": "#/components/responses/Problem"})
}

/// The answers of a route: its success and every problem status it can give.
fn responses(generator: &mut SchemaGenerator, spec: &RouteSpec) -> Value {
    let mut responses = Map::new();
    match spec.doc.answer {
        Answer::Json(schema) => {
            let content = json!({"application/json": {"schema": schema(generator)}});
            responses.insert(
                "200".into(),
                json!({"description": "Erfolg", "content": content}),
            );
            if spec.doc.creates {
                responses.insert(
                    "201".into(),
                    json!({"description": "Angelegt", "content": content}),
                );
            }
        }
        Answer::JsonOrMedia(schema, types) => {
            let mut content = media(types);
            content.insert(
                "application/json".into(),
                json!({"schema": schema(generator)}),
            );
            responses.insert(
                "200".into(),
                json!({"description": "Erfolg", "content": content}),
            );
        }
        Answer::Media(types) => {
            responses.insert(
                "200".into(),
                json!({"description": "Erfolg", "content": media(types)}),
            );
        }
        Answer::NoContent => {
            responses.insert("204".into(), json!({"description": "Erledigt"}));
        }
        Answer::None => {
            responses.insert("200".into(), json!({"description": "Erfolg"}));
        }
    }
    let api = spec.path.starts_with("/api/");
    let mut problems: Vec<&str> = Vec::new();
    if api {
        problems.push("400");
    }
    if !spec.roles.is_empty() {
        problems.extend(["401", "403"]);
    }
    if spec.path.contains('{') {
        problems.push("404");
    }
    if api && spec.doc.query.is_some() {
        // 422: a parameter is implausible, e.g. `wait_for` names a position not yet written.
        problems.push("422");
    }
    if spec.method == axum::http::Method::POST {
        // 404: a record the body names (an organization, a person …) is not on file.
        problems.extend(["404", "409", "413", "415", "422"]);
        if spec.doc.id_field.is_some() {
            problems.extend(["412", "428"]);
        }
    }
    if spec.path == "/api/v1/session" && spec.method == axum::http::Method::POST {
        problems.extend(["401", "429"]);
    }
    if api || spec.path == "/readyz" {
        problems.push("503");
    }
    for status in problems {
        responses.insert(status.into(), problem());
    }
    Value::Object(responses)
}

fn operation(generator: &mut SchemaGenerator, spec: &RouteSpec) -> Value {
    let roles: Vec<&str> = spec.roles.iter().map(|role| role.as_str()).collect();
    let role_names: Vec<&str> = spec.roles.iter().map(|role| role.label()).collect();
    let description = if spec.roles.is_empty() {
        "Ohne Anmeldung.".to_owned()
    } else if spec.roles.len() == Role::ALL.len() {
        "Für jede Rolle.".to_owned()
    } else {
        format!("Für: {}.", role_names.join(", "))
    };
    let mut operation = json!({
        "summary": spec.summary,
        "description": description,
        "parameters": parameters(generator, spec),
        "x-wifo-roles": roles,
        "responses": responses(generator, spec),
    });
    if spec.roles.is_empty() {
        operation["security"] = json!([]);
    }
    if let Some(body) = request_body(generator, spec) {
        operation["requestBody"] = body;
    }
    operation
}

pub fn document() -> Value {
    let mut generator = generator();
    let mut paths = Map::new();
    for spec in route_specs() {
        let operation = operation(&mut generator, &spec);
        let path = paths
            .entry(spec.path.to_owned())
            .or_insert_with(|| json!({}));
        path[spec.method.as_str().to_lowercase()] = operation;
    }
    let mut schemas = generator.take_definitions(true);
    for schema in schemas.values_mut() {
        if !is_value_type(schema)
            && let Value::Object(schema) = schema
        {
            schema.remove("description");
        }
    }
    schemas.insert("Problem".into(), json!({
        "type": "object",
        "description": "RFC 9457 Problem Details; die Texte sind deutsch.",
        "properties": {
            "type": {"type": "string"}, "title": {"type": "string"},
            "status": {"type": "integer"}, "detail": {"type": "string"},
            "instance": {"type": "string"},
            "aktuelleRevision": {"type": "integer", "description": "Bei 412: die aktuelle Revision des Datensatzes."},
        },
        "required": ["type", "title", "status"],
    }));
    let mut document = json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "wifo API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Stakeholder-CRM für die Wirtschaftsförderung. Schreibende Anfragen mit Sitzungs-Cookie brauchen den Kopf X-CSRF-Token; mit Bearer-Token nicht. Jede Antwort außer 2xx ist ein RFC-9457-Problem mit deutschem Text.",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "cookie": {"type": "apiKey", "in": "cookie", "name": "wifo_session"},
                "bearer": {"type": "http", "scheme": "bearer"},
            },
            "responses": {
                "Problem": {
                    "description": "RFC 9457 Problem Details",
                    "headers": {"Retry-After": {"description": "Bei 429 und 503: nach so vielen Sekunden erneut versuchen.", "schema": {"type": "integer"}}},
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                },
            },
        },
        "security": [{"cookie": []}, {"bearer": []}],
    });
    germanise(&mut document["paths"], &field_texts());
    germanise(&mut document["components"]["schemas"], &field_texts());
    document
}
