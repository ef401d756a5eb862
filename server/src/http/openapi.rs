//! The OpenAPI 3.1 document, generated from the route table (`super::route_specs`) so it cannot
//! drift from the router: every path, method, summary, required role and body type, and the
//! problem-details answers every route can give.

use serde_json::{Value, json};

use super::{report_schema, route_specs};

pub fn document() -> Value {
    let mut paths = serde_json::Map::new();
    for spec in route_specs() {
        let roles: Vec<&str> = spec.roles.iter().map(|role| role.as_str()).collect();
        let parameters: Vec<Value> = spec
            .path
            .split('/')
            .filter_map(|segment| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
            .collect();
        let mut operation = json!({
            "summary": spec.summary,
            "parameters": parameters,
            "x-wifo-roles": roles,
            "responses": {
                "200": {"description": "Erfolg"},
                "400": {"$ref": "#/components/responses/Problem"},
                "401": {"$ref": "#/components/responses/Problem"},
                "403": {"$ref": "#/components/responses/Problem"},
                "404": {"$ref": "#/components/responses/Problem"},
                "409": {"$ref": "#/components/responses/Problem"},
            },
        });
        if spec.roles.is_empty() {
            operation["security"] = json!([]);
        }
        if spec.path.starts_with("/api/v1/reports/") {
            if let Some(parameters) = operation["parameters"].as_array_mut() {
                parameters.extend(report_schema::parameters(
                    spec.path.ends_with("/leadership"),
                ));
            }
            operation["responses"]["200"] = report_schema::response();
        }
        if let Some(body) = spec.body {
            operation["requestBody"] = json!({
                "required": true,
                "content": {"application/json": {"schema": {"type": "object", "title": body}}},
            });
            if let Some(parameters) = operation["parameters"].as_array_mut() {
                parameters.push(json!({"name": "Idempotency-Key", "in": "header", "required": false, "schema": {"type": "string"}}));
                parameters.push(json!({"name": "If-Match", "in": "header", "required": false, "schema": {"type": "string"}}));
            }
        }
        let path = paths
            .entry(spec.path.to_owned())
            .or_insert_with(|| json!({}));
        path[spec.method.as_str().to_lowercase()] = operation;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "wifo API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Stakeholder-CRM für die Wirtschaftsförderung. Schreibende Anfragen mit Sitzungs-Cookie brauchen den Kopf X-CSRF-Token.",
        },
        "paths": paths,
        "components": {
            "schemas": report_schema::schemas(),
            "securitySchemes": {
                "cookie": {"type": "apiKey", "in": "cookie", "name": "wifo_session"},
                "bearer": {"type": "http", "scheme": "bearer"},
            },
            "responses": {
                "Problem": {
                    "description": "RFC 9457 Problem Details",
                    "content": {"application/problem+json": {"schema": {
                        "type": "object",
                        "properties": {
                            "type": {"type": "string"}, "title": {"type": "string"},
                            "status": {"type": "integer"}, "detail": {"type": "string"},
                        },
                    }}},
                },
            },
        },
        "security": [{"cookie": []}, {"bearer": []}],
    })
}
