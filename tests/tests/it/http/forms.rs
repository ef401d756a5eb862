//! Every write route of the API has a page that issues it, for the roles that may — or stands
//! in `WITHOUT_PAGE` with the reason it has none yet. The test walks the API's route table: a
//! new write route fails it until it gets a page or a stated reason, and a page named here must
//! exist as a form post of the web UI.

use std::collections::BTreeSet;

use wifo_server::http::route_specs;

/// API write route → the page (form post) that issues it.
const PAGES: &[(&str, &str)] = &[
    ("/api/v1/organizations", "/organisationen/neu"),
    (
        "/api/v1/organizations/{id}/rename",
        "/organisationen/{id}/bearbeiten",
    ),
    (
        "/api/v1/organizations/{id}/relocate",
        "/organisationen/{id}/bearbeiten",
    ),
    (
        "/api/v1/organizations/{id}/account-manager",
        "/organisationen/{id}/bearbeiten",
    ),
    (
        "/api/v1/organizations/{id}/close",
        "/organisationen/{id}/schliessen",
    ),
    (
        "/api/v1/organizations/{id}/merge",
        "/organisationen/dubletten",
    ),
    ("/api/v1/persons", "/organisationen/{id}/personen/neu"),
    (
        "/api/v1/persons/{id}/link",
        "/organisationen/{id}/personen/neu",
    ),
    (
        "/api/v1/inquiries/{id}/erase-sender",
        "/datenschutz/absender",
    ),
    (
        "/api/v1/persons/{id}/erase",
        "/verwaltung/datenschutz/{id}/loeschen",
    ),
    ("/api/v1/visits", "/organisationen/{id}/besuche/neu"),
    (
        "/api/v1/visits/conducted",
        "/organisationen/{id}/besuche/erfassen",
    ),
    ("/api/v1/visits/{id}/conduct", "/besuche/{id}/durchfuehren"),
    (
        "/api/v1/visits/{id}/reschedule",
        "/besuche/{id}/verschieben",
    ),
    ("/api/v1/visits/{id}/cancel", "/besuche/{id}/absagen"),
    (
        "/api/v1/visits/{id}/follow-ups",
        "/besuche/{id}/durchfuehren",
    ),
    (
        "/api/v1/visits/{id}/follow-ups/complete",
        "/besuche/{id}/wiedervorlagen/erledigt",
    ),
    (
        "/api/v1/visits/{id}/publicity",
        "/besuche/{id}/oeffentlichkeit",
    ),
    ("/api/v1/reminders", "/wiedervorlagen/neu"),
    (
        "/api/v1/reminders/{id}/change",
        "/wiedervorlagen/{id}/aendern",
    ),
    (
        "/api/v1/reminders/{id}/complete",
        "/wiedervorlagen/{id}/erledigt",
    ),
    (
        "/api/v1/reminders/{id}/withdraw",
        "/wiedervorlagen/{id}/zurueckziehen",
    ),
    ("/api/v1/contacts", "/organisationen/{id}/kontakte/neu"),
    (
        "/api/v1/contacts/{id}/retract",
        "/kontakte/{id}/zurueckziehen",
    ),
    ("/api/v1/inquiries", "/anliegen/neu"),
    (
        "/api/v1/inquiries/{id}/assign",
        "/anliegen/{id}/uebernehmen",
    ),
    (
        "/api/v1/inquiries/{id}/refer",
        "/anliegen/{id}/weiterleiten",
    ),
    (
        "/api/v1/inquiries/{id}/referral-answers",
        "/anliegen/{id}/amtsantwort",
    ),
    (
        "/api/v1/inquiries/{id}/answer",
        "/anliegen/{id}/abschliessen",
    ),
    (
        "/api/v1/inquiries/{id}/close",
        "/anliegen/{id}/abschliessen",
    ),
    (
        "/api/v1/inquiries/{id}/reopen",
        "/anliegen/{id}/wiedereroeffnen",
    ),
    ("/api/v1/retreats", "/klausur"),
    (
        "/api/v1/retreats/{id}/proposals",
        "/klausur/{id}/vorschlaege",
    ),
    (
        "/api/v1/retreats/{id}/proposals/prioritise",
        "/klausur/{id}/prioritaeten",
    ),
    ("/api/v1/retreats/{id}/hold", "/klausur/{id}/stattgefunden"),
    (
        "/api/v1/retreats/{id}/decisions",
        "/klausur/{id}/beschluesse",
    ),
    (
        "/api/v1/taxonomies/{id}/entries",
        "/verwaltung/taxonomien/{id}",
    ),
    (
        "/api/v1/taxonomies/{id}/rename",
        "/verwaltung/taxonomien/{id}/eintrag",
    ),
    (
        "/api/v1/taxonomies/{id}/retire",
        "/verwaltung/taxonomien/{id}/eintrag",
    ),
    (
        "/api/v1/taxonomies/{id}/reactivate",
        "/verwaltung/taxonomien/{id}/eintrag",
    ),
    ("/api/v1/users", "/verwaltung/benutzer"),
    ("/api/v1/users/{id}/role", "/verwaltung/rollen"),
    (
        "/api/v1/organizations/{id}/profile",
        "/organisationen/{id}/profil",
    ),
    (
        "/api/v1/organizations/{id}/tags",
        "/organisationen/{id}/schlagwort",
    ),
    (
        "/api/v1/organizations/{id}/tags/remove",
        "/organisationen/{id}/schlagwort-entfernen",
    ),
    (
        "/api/v1/organizations/{id}/memberships",
        "/organisationen/{id}/mitgliedschaft",
    ),
    (
        "/api/v1/organizations/{id}/memberships/end",
        "/organisationen/{id}/mitgliedschaft-beenden",
    ),
    ("/api/v1/persons/{id}/update", "/personen/{id}/aendern"),
    ("/api/v1/persons/{id}/unlink", "/personen/{id}/loesen"),
    (
        "/api/v1/persons/{id}/consents",
        "/personen/{id}/einwilligung",
    ),
    (
        "/api/v1/persons/{id}/consents/withdraw",
        "/personen/{id}/einwilligung-widerrufen",
    ),
    (
        "/api/v1/contacts/{id}/correct",
        "/kontakte/{id}/berichtigen",
    ),
    ("/api/v1/cooperations", "/kooperationen/neu"),
    (
        "/api/v1/cooperations/{id}/milestones",
        "/kooperationen/{id}/meilenstein",
    ),
    (
        "/api/v1/cooperations/{id}/milestones/achieve",
        "/kooperationen/{id}/meilenstein-erreicht",
    ),
    (
        "/api/v1/cooperations/{id}/milestones/reschedule",
        "/kooperationen/{id}/meilenstein-verschieben",
    ),
    (
        "/api/v1/cooperations/{id}/milestones/cancel",
        "/kooperationen/{id}/meilenstein-absagen",
    ),
    (
        "/api/v1/cooperations/{id}/extend",
        "/kooperationen/{id}/verlaengern",
    ),
    (
        "/api/v1/cooperations/{id}/end",
        "/kooperationen/{id}/beenden",
    ),
    ("/api/v1/gatherings", "/veranstaltungen/neu"),
    (
        "/api/v1/gatherings/{id}/reschedule",
        "/veranstaltungen/{id}/verschieben",
    ),
    (
        "/api/v1/gatherings/{id}/invitations",
        "/veranstaltungen/{id}/einladen",
    ),
    (
        "/api/v1/gatherings/{id}/registrations",
        "/veranstaltungen/{id}/anmeldung",
    ),
    (
        "/api/v1/gatherings/{id}/hold",
        "/veranstaltungen/{id}/durchgefuehrt",
    ),
    (
        "/api/v1/gatherings/{id}/cancel",
        "/veranstaltungen/{id}/absagen",
    ),
    (
        "/api/v1/gatherings/{id}/agenda",
        "/veranstaltungen/{id}/themen",
    ),
    (
        "/api/v1/users/{id}/deactivate",
        "/verwaltung/benutzer/sperren",
    ),
    (
        "/api/v1/users/{id}/reactivate",
        "/verwaltung/benutzer/entsperren",
    ),
    ("/api/v1/users/{id}/password", "/verwaltung/passwort"),
    ("/api/v1/me/password", "/konto/passwort"),
    ("/api/v1/session", "/anmelden"),
    (
        "/api/v1/guide/topics/{id}",
        "/verwaltung/handreichung/thema",
    ),
    ("/api/v1/guide/offices/{id}", "/verwaltung/handreichung/amt"),
    ("/api/v1/me/publication", "/konto/veroeffentlichung"),
    ("/api/v1/citizens-office/inquiries", "/buergerbuero"),
    (
        "/api/v1/me/publication/withdraw",
        "/konto/veroeffentlichung",
    ),
];

/// API write routes without a page yet, each with the reason.
const WITHOUT_PAGE: &[(&str, &str)] = &[];

#[test]
fn every_api_write_route_has_a_page_or_a_stated_reason() {
    let pages: BTreeSet<String> = wifo_server::ui::route_specs()
        .into_iter()
        .filter(|spec| spec.method.as_str() == "POST")
        .map(|spec| spec.path.to_owned())
        .collect();
    let mut missing = Vec::new();
    let mut seen = BTreeSet::new();
    for spec in route_specs() {
        if spec.method.as_str() != "POST" || !spec.path.starts_with("/api/v1/") {
            continue;
        }
        seen.insert(spec.path);
        let page = PAGES.iter().find(|(api, _)| *api == spec.path);
        let reason = WITHOUT_PAGE.iter().find(|(api, _)| *api == spec.path);
        match (page, reason) {
            (Some((_, page)), None) => assert!(
                pages.contains(*page),
                "{} names the page {page}, which is no form post of the web UI",
                spec.path
            ),
            (None, Some((_, reason))) => assert!(!reason.is_empty()),
            (Some(_), Some(_)) => panic!("{} has a page and a reason", spec.path),
            (None, None) => missing.push(spec.path),
        }
    }
    assert!(
        missing.is_empty(),
        "write routes without a page and without a reason: {missing:?}"
    );
    // Nothing listed here that the API no longer has.
    for (api, _) in PAGES.iter().chain(WITHOUT_PAGE) {
        assert!(seen.contains(api), "{api} is no write route of the API");
    }
}
