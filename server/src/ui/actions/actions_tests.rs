//! Unit tests of the command forms: the table names real API routes and texts, a form becomes
//! the JSON object the API takes, and an API refusal lands next to the field it names.

use super::*;
use crate::ui::form::Input;
use fields::command_json;

fn pairs(values: &[(&str, &str)]) -> Input {
    Input::new(
        values
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect(),
    )
}

fn form(page: &str) -> &'static ActionForm {
    FORMS
        .iter()
        .find(|form| form.page == page)
        .unwrap_or_else(|| panic!("no form {page}"))
}

#[test]
fn every_form_submits_to_an_api_route_and_every_text_is_german() {
    let paths: Vec<&str> = crate::http::command_endpoints()
        .iter()
        .map(|endpoint| endpoint.spec().path)
        .collect();
    for form in FORMS {
        assert!(paths.contains(&form.api), "{} → {}", form.page, form.api);
        assert!(!roles_of(form).is_empty(), "{} has no roles", form.page);
        let notice = format!("notice.{}", form.notice);
        let mut keys = vec![form.title, notice.as_str()];
        keys.extend(form.fields.iter().map(|field| field.label));
        for key in keys {
            assert!(
                texts::lookup(key).is_some(),
                "{}: no text for {key}",
                form.page
            );
        }
    }
    let mut pages: Vec<&str> = FORMS.iter().map(|form| form.page).collect();
    pages.sort_unstable();
    pages.dedup();
    assert_eq!(pages.len(), FORMS.len(), "a page is in the table twice");
}

#[test]
fn a_profile_form_becomes_the_nested_object_the_api_takes() {
    let views = wifo_projections::Views::default();
    let mut input = pairs(&[
        ("kind", "company"),
        ("profile.legal_form", "GmbH"),
        ("profile.sector", ""),
        ("profile.founded_year", "1998"),
        ("changed_on", "01.07.2025"),
    ]);
    let body = command_json(
        &views,
        form("/organisationen/{id}/profil").fields,
        &mut input,
    );
    assert!(input.is_valid());
    assert_eq!(
        body,
        json!({
            "kind": "company",
            "profile": { "legal_form": "GmbH", "founded_year": 1998 },
            "changed_on": "2025-07-01",
        })
    );
}

#[test]
fn a_malformed_date_and_an_unknown_organization_stay_at_their_fields() {
    let views = wifo_projections::Views::default();
    let mut input = pairs(&[
        ("title", "Ausbildungsbündnis"),
        ("partners", "Bäckerei Kaya\n"),
        ("signed_on", "31.02.2026"),
        ("goals", "Zehn Praktika\n\nEin Aktionstag\n"),
    ]);
    let body = command_json(&views, form("/kooperationen/neu").fields, &mut input);
    assert!(
        input
            .error("partners")
            .is_some_and(|message| message.contains("Bäckerei Kaya"))
    );
    assert!(input.error("signed_on").is_some());
    assert_eq!(body["goals"], json!(["Zehn Praktika", "Ein Aktionstag"]));
}

#[test]
fn a_refusal_naming_a_field_is_shown_at_it_and_others_above_the_form() {
    let profile = form("/organisationen/{id}/profil");
    let mut input = pairs(&[]);
    let general = place(
        ApiError::BadRequest("profile.website: „x“ ist keine Webadresse".into()),
        profile,
        &mut input,
    );
    assert_eq!(general, None);
    assert_eq!(
        input.error("profile.website"),
        Some("„x“ ist keine Webadresse")
    );
    let mut input = pairs(&[]);
    let general = place(
        ApiError::BadRequest("Ungültige Eingabe: missing field `kind`".into()),
        profile,
        &mut input,
    );
    assert_eq!(general, None);
    assert_eq!(input.error("kind"), Some(texts::get("action.missing")));
    let mut input = pairs(&[]);
    let general = place(
        ApiError::Rejected("Die Organisation ist geschlossen.".into()),
        profile,
        &mut input,
    );
    assert_eq!(
        general.as_deref(),
        Some("Die Organisation ist geschlossen.")
    );
    assert!(input.is_valid());
}
