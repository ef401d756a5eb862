//! The OpenAPI document drives a client: every write route's body has its fields with types,
//! limits and German descriptions and refuses other fields; the directory's query parameters
//! are listed; every answer has a schema or a media type; every problem status a route can
//! give is documented; every `$ref` resolves. The limits shown are the ones the API enforces:
//! a value at the documented maximum is taken, one character more is refused.

use anyhow::{Context, ensure};
use reqwest::StatusCode;
use serde_json::{Value, json};
use wifo_domain::values::Role;
use wifo_server::http::route_specs;

use super::spawn_app;

fn refs<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get("$ref") {
                found.push(reference);
            }
            object.values().for_each(|child| refs(child, found));
        }
        Value::Array(items) => items.iter().for_each(|item| refs(item, found)),
        _ => {}
    }
}

/// Every property anywhere below `value`, with its schema.
fn properties<'a>(value: &'a Value, path: &str, found: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Object(props)) = object.get("properties") {
                for (name, schema) in props {
                    found.push((format!("{path}.{name}"), schema));
                }
            }
            for (key, child) in object {
                properties(child, &format!("{path}/{key}"), found);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| properties(item, path, found)),
        _ => {}
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_every_body_answer_and_problem() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let (document, _) = app.anonymous()?.read("/api/v1/openapi.json").await?;
    let schemas = &document["components"]["schemas"];

    // Every reference names a schema of the document.
    let mut found = Vec::new();
    refs(&document, &mut found);
    for reference in &found {
        let name = reference
            .strip_prefix("#/components/schemas/")
            .or_else(|| reference.strip_prefix("#/components/responses/"))
            .with_context(|| format!("reference {reference} outside the components"))?;
        ensure!(
            schemas.get(name).is_some() || document["components"]["responses"].get(name).is_some(),
            "{reference} does not resolve"
        );
    }
    ensure!(found.len() > 500, "only {} references", found.len());

    // Every field has a German description.
    let mut fields = Vec::new();
    properties(&document, "", &mut fields);
    for (path, schema) in &fields {
        let text = schema["description"].as_str().unwrap_or_default();
        ensure!(!text.is_empty(), "{path} has no description");
    }

    for spec in route_specs() {
        let operation = &document["paths"][spec.path][spec.method.as_str().to_lowercase()];
        let route = format!("{} {}", spec.method, spec.path);
        let responses = operation["responses"]
            .as_object()
            .with_context(|| format!("{route}: no responses"))?;
        let success = ["200", "201", "204"]
            .iter()
            .find_map(|code| responses.get(*code));
        let success = success.with_context(|| format!("{route}: no success answer"))?;
        if spec.path.starts_with("/api/") && spec.method != reqwest::Method::DELETE {
            ensure!(
                success["content"]
                    .as_object()
                    .is_some_and(|c| !c.is_empty()),
                "{route}: the answer has no content"
            );
            ensure!(responses.contains_key("503"), "{route}: 503 undocumented");
            ensure!(responses.contains_key("400"), "{route}: 400 undocumented");
        }
        if !spec.roles.is_empty() {
            for code in ["401", "403"] {
                ensure!(responses.contains_key(code), "{route}: {code} undocumented");
            }
        }
        if spec.body.is_some() {
            let body = &operation["requestBody"]["content"]["application/json"]["schema"];
            ensure!(
                body["properties"].as_object().is_some(),
                "{route}: the body has no fields: {body}"
            );
            ensure!(
                body["additionalProperties"] == json!(false),
                "{route}: other fields are not refused"
            );
            for code in ["409", "413", "415", "422"] {
                ensure!(responses.contains_key(code), "{route}: {code} undocumented");
            }
        }
    }

    // A command names its checks: rename needs If-Match (428) and may be stale (412); the id
    // comes from the path, so the body does not require it.
    let rename = &document["paths"]["/api/v1/organizations/{id}/rename"]["post"];
    for code in ["412", "428"] {
        ensure!(rename["responses"].get(code).is_some(), "rename: {code}");
    }
    let body = &rename["requestBody"]["content"]["application/json"]["schema"];
    ensure!(
        body["required"] == json!(["name"]),
        "rename requires {}",
        body["required"]
    );
    ensure!(
        body["properties"]["name"]["$ref"] == "#/components/schemas/OrganizationName",
        "{body}"
    );
    let name = &schemas["OrganizationName"];
    ensure!(name["maxLength"] == 200 && name["minLength"] == 1, "{name}");
    ensure!(schemas["PostalCode"]["pattern"] == "^[0-9]{5}$");
    ensure!(schemas["Profile"]["properties"]["legal_form"]["maxLength"] == 100);
    ensure!(
        schemas["Satisfaction"]
            == json!({"type": "integer", "minimum": 1, "maximum": 5, "description": "Standortzufriedenheit von 1 (sehr unzufrieden) bis 5 (sehr zufrieden)"}),
        "{}",
        schemas["Satisfaction"]
    );
    // A visit logged after the fact carries the day it happened beside its fields.
    let logged = &document["paths"]["/api/v1/contacts"]["post"]["requestBody"]["content"]["application/json"]
        ["schema"];
    ensure!(
        logged["properties"]
            .as_object()
            .is_some_and(|p| p.len() > 4),
        "{logged}"
    );

    // The directory's query parameters, with their schemas.
    let directory = &document["paths"]["/api/v1/organizations"]["get"];
    let parameters: Vec<&str> = directory["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|parameter| parameter["in"] == "query")
        .filter_map(|parameter| parameter["name"].as_str())
        .collect();
    for name in [
        "q",
        "kind",
        "sector",
        "region",
        "tag",
        "account_manager",
        "size_class",
        "no_contact_months",
        "include_closed",
        "sort",
        "desc",
        "page",
        "per_page",
    ] {
        ensure!(
            parameters.contains(&name),
            "?{name} undocumented: {parameters:?}"
        );
    }
    ensure!(
        directory["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
            == "#/components/schemas/DirectoryPage"
    );
    Ok(())
}

/// The documented maximum is the enforced one: 200 characters of a name are taken, 201 are
/// refused (400, by the value type), and so for a legal form at 100 and 101 (409, by the
/// decider's rule).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_documented_limits_are_the_enforced_ones() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.bearer(Role::Staff)?;
    let register = |name: String, legal_form: String| json!({"name": name, "kind": "company", "profile": {"legal_form": legal_form}});
    let cases = [
        ("ä".repeat(200), "G".repeat(100), StatusCode::CREATED),
        ("ä".repeat(201), "G".repeat(100), StatusCode::BAD_REQUEST),
        (
            "Bäckerei".to_owned(),
            "G".repeat(101),
            StatusCode::BAD_REQUEST,
        ),
    ];
    for (name, legal_form, expected) in cases {
        let response = staff
            .post_json(
                "/api/v1/organizations",
                &register(name.clone(), legal_form.clone()),
            )
            .await?;
        let status = response.status();
        let body = response.text().await?;
        ensure!(
            status == expected
                || (expected == StatusCode::BAD_REQUEST
                    && [StatusCode::CONFLICT, StatusCode::UNPROCESSABLE_ENTITY].contains(&status)),
            "{} characters of name, {} of legal form: {status} {body}",
            name.chars().count(),
            legal_form.chars().count()
        );
    }
    Ok(())
}
