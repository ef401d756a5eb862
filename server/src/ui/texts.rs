//! Every German text of the web UI in one catalogue, looked up by key (`"nav.week"`), so an
//! English catalogue can be added beside it. Enum labels (channels, sources, outcomes, kinds)
//! come from the domain's `label()` functions, which are German as well. A missing key shows
//! itself (the key is printed) and the test below finds it before a user does.

use std::{collections::HashMap, sync::LazyLock};

/// The German catalogue: (key, text).
const GERMAN: &[(&str, &str)] = &[
    ("frame.skip", "Zum Inhalt springen"),
    ("frame.office", "Wirtschaftsförderung"),
    ("frame.nav", "Hauptnavigation"),
    ("frame.logout", "Abmelden"),
    ("frame.home", "Zur Startseite"),
    (
        "frame.footer",
        "wifo – Stakeholder-CRM der Wirtschaftsförderung",
    ),
    ("nav.week", "Meine Woche"),
    ("nav.organizations", "Organisationen"),
    ("nav.inquiries", "Anliegen"),
    ("nav.register", "Organisation erfassen"),
    ("nav.dashboard", "Kennzahlen"),
    ("nav.board", "Kooperationen"),
    ("nav.retreats", "Klausur"),
    ("nav.import", "Import"),
    ("nav.users", "Benutzer und Rollen"),
    ("nav.taxonomies", "Klassifikationen"),
    ("nav.privacy", "Datenschutz"),
    ("dup.title", "Mögliche Dubletten"),
    (
        "dup.hint",
        "Organisationen, die nach den Dublettenregeln dieselbe sein könnten: gleiche externe Kennung, oder gleicher Name (ohne Rechtsform, Groß-/Kleinschreibung, Umlaute und Satzzeichen) an derselben Anschrift oder Postleitzahl. Beim Zusammenführen bleiben beide Verläufe erhalten; alle Ansichten zeigen danach nur noch die behaltene Organisation.",
    ),
    ("dup.none", "Keine möglichen Dubletten gefunden."),
    ("dup.pairs", "Paare möglicher Dubletten"),
    ("dup.first", "Zuerst erfasst"),
    ("dup.second", "Später erfasst"),
    ("dup.reason", "Grund"),
    ("dup.action", "Zusammenführen"),
    ("dup.keep_first", "Erste behalten"),
    ("dup.keep_second", "Zweite behalten"),
    ("dup.choose", "Bitte ein Paar zum Zusammenführen wählen."),
    (
        "dup.warning_heading",
        "Diese Organisation ist vielleicht schon erfasst",
    ),
    (
        "dup.warning_text",
        "Nach den Dublettenregeln passen diese Organisationen zu den Angaben. Bitte prüfen, ob es sich um dieselbe handelt.",
    ),
    (
        "dup.confirm",
        "Trotzdem als neue Organisation erfassen (z. B. eine weitere Filiale)",
    ),
    ("notice.merged", "Die Dublette ist zusammengeführt."),
    ("nav.duplicates", "Dubletten"),
    ("import.title", "Organisationen importieren"),
    (
        "import.hint",
        "Eine Datei mit Organisationen: CSV (UTF-8 oder Windows-1252, getrennt durch Semikolon, Komma oder Tabulator), XLSX, XLS oder ODS. Die IHK-Gewerbedaten und der wifo-Export werden an ihren Spalten erkannt, andere Dateien brauchen eine Zuordnungsdatei. Zuerst kommt ein Probelauf, geschrieben wird erst danach.",
    ),
    ("import.upload_heading", "Datei hochladen"),
    ("import.file", "Datei"),
    ("import.mapping", "Zuordnungsdatei (optional)"),
    (
        "import.mapping_hint",
        "TOML-Datei: welches Feld aus welcher Spalte kommt, z. B. name = \"Firma\".",
    ),
    ("import.preview", "Probelauf starten"),
    ("import.file_missing", "Bitte eine Datei auswählen."),
    (
        "import.mapping_not_text",
        "Die Zuordnungsdatei ist keine Textdatei (UTF-8).",
    ),
    ("error.too_large_title", "Zu groß"),
    (
        "error.form_too_large",
        "Ein Formular darf höchstens 1 MiB groß sein.",
    ),
    ("import.too_large", "Die Datei ist größer als 200 MiB."),
    (
        "import.unreadable",
        "Die Datei konnte nicht vollständig übertragen werden. Bitte erneut hochladen.",
    ),
    ("import.unnamed", "ohne Namen"),
    (
        "import.preview_heading",
        "Probelauf – noch nichts geschrieben",
    ),
    ("import.format", "Format"),
    ("import.mapping_used", "Zuordnung"),
    ("import.unmapped", "Nicht übernommene Spalten"),
    ("import.result", "Ergebnis"),
    ("import.rows", "Zeilen"),
    ("import.new", "neu"),
    ("import.duplicates", "Dubletten"),
    ("import.errors", "fehlerhaft"),
    ("import.line", "Zeile"),
    ("import.outcome", "Ergebnis"),
    ("import.detail", "Beschreibung"),
    ("import.notes", "Hinweise"),
    ("import.outcome_new", "neu"),
    ("import.outcome_duplicate", "Dublette"),
    ("import.outcome_error", "Fehler"),
    (
        "import.unlisted",
        "Weitere neue Zeilen ohne Hinweis, nicht einzeln aufgeführt:",
    ),
    (
        "import.skip_invalid",
        "Fehlerhafte Zeilen überspringen und nur die gültigen importieren",
    ),
    ("import.execute", "Jetzt importieren"),
    ("import.cancel", "Abbrechen"),
    (
        "import.refused",
        "Nichts geschrieben: Die Datei enthält fehlerhafte Zeilen. Datei korrigieren und neu hochladen oder die fehlerhaften Zeilen überspringen.",
    ),
    ("import.done_heading", "Import abgeschlossen"),
    ("import.failed_heading", "Import abgebrochen"),
    (
        "import.failed",
        "Das Schreiben wurde abgebrochen. Was schon geschrieben war, bleibt erhalten; ein erneuter Import derselben Datei findet es als Dubletten und setzt fort.",
    ),
    (
        "import.running",
        "Der Import läuft noch. Bitte die Seite gleich neu laden.",
    ),
    ("import.written", "Organisationen angelegt"),
    ("import.meanwhile", "inzwischen schon angelegt"),
    ("import.skipped", "fehlerhafte Zeilen übersprungen"),
    (
        "import.error_file",
        "Fehlerhafte Zeilen mit Begründung herunterladen (CSV, zum Korrigieren und erneuten Import)",
    ),
    ("import.another", "Weitere Datei importieren"),
    (
        "import.expired",
        "Diesen Import gibt es nicht (mehr): Hochgeladene Dateien werden zwei Stunden aufbewahrt, nur für den Benutzer, der sie hochgeladen hat. Bitte die Datei erneut hochladen.",
    ),
    ("notice.user_created", "Der Benutzer ist angelegt."),
    ("notice.role_changed", "Die Rolle ist geändert."),
    ("notice.entry_defined", "Der Eintrag ist angelegt."),
    (
        "notice.person_erased",
        "Die personenbezogenen Daten sind gelöscht.",
    ),
    ("admin.display_name", "Anzeigename"),
    ("admin.login_name", "Benutzername (z. B. a.schneider)"),
    ("admin.role", "Rolle"),
    ("admin.new_role", "Neue Rolle"),
    ("admin.active", "aktiv"),
    ("admin.inactive", "deaktiviert"),
    ("admin.retired", "stillgelegt"),
    ("admin.new_user", "Benutzer anlegen"),
    ("admin.password", "Passwort (mindestens 10 Zeichen)"),
    ("admin.create", "Anlegen"),
    ("admin.change_role", "Rolle ändern"),
    (
        "admin.unknown_taxonomy",
        "Diese Klassifikation gibt es nicht.",
    ),
    ("admin.new_entry", "Eintrag anlegen"),
    ("admin.code", "Schlüssel"),
    ("admin.entry_name", "Bezeichnung"),
    ("admin.parent", "Übergeordneter Schlüssel (optional)"),
    ("admin.define", "Eintrag anlegen"),
    ("admin.entries", "Einträge"),
    ("admin.code_missing", "Bitte einen Schlüssel angeben."),
    ("admin.name_missing", "Bitte eine Bezeichnung angeben."),
    ("admin.find_person", "Person suchen"),
    (
        "admin.person_id",
        "Kennung der Person (auf der Seite der Organisation)",
    ),
    ("admin.person_unknown", "Diese Person ist nicht erfasst."),
    ("admin.access", "Auskunft anzeigen"),
    ("admin.access_title", "Auskunft nach Art. 15 DSGVO"),
    (
        "admin.access_hint",
        "Diese Seite lässt sich als Auskunft drucken.",
    ),
    ("admin.consents", "Einwilligungen"),
    ("admin.since", "seit"),
    ("admin.erase_title", "Löschen nach Art. 17 DSGVO"),
    ("admin.reason", "Grund"),
    (
        "admin.erase_warning",
        "Name, E-Mail, Telefon und Notizen werden unlesbar, in allen Ansichten und in jeder Sicherung. Das lässt sich nicht rückgängig machen.",
    ),
    ("admin.erase", "Endgültig löschen"),
    ("login.title", "Anmeldung"),
    ("login.name", "Benutzername"),
    ("login.password", "Passwort"),
    ("login.submit", "Anmelden"),
    ("login.failed", "Benutzername oder Passwort ist falsch."),
    (
        "login.throttled",
        "Zu viele Fehlversuche. Bitte erneut versuchen in",
    ),
    ("form.problems", "Bitte prüfen Sie Ihre Eingaben"),
    ("form.none", "– keine Angabe –"),
    ("form.save", "Speichern"),
    ("form.cancel", "Abbrechen"),
    (
        "error.date_missing",
        "Bitte ein Datum angeben (TT.MM.JJJJ).",
    ),
    (
        "error.date_malformed",
        "ist kein gültiges Datum (TT.MM.JJJJ).",
    ),
    ("error.number", "ist keine ganze Zahl."),
    ("error.choice", "Bitte einen Eintrag aus der Liste wählen."),
    (
        "error.conflict",
        "Der Datensatz wurde gerade von jemand anderem geändert. Bitte erneut speichern.",
    ),
    ("error.forbidden_title", "Keine Berechtigung"),
    (
        "error.forbidden_text",
        "Ihre Rolle erlaubt diese Seite nicht.",
    ),
    ("error.csrf_title", "Formular abgelaufen"),
    (
        "error.csrf_text",
        "Das Formular gehört zu einer anderen oder abgelaufenen Sitzung. Bitte die Seite neu laden und erneut absenden.",
    ),
    ("error.not_found_title", "Nicht gefunden"),
    ("error.unavailable_title", "Bitte einen Moment Geduld"),
    (
        "error.unavailable_text",
        "Die Ansichten holen noch auf. Bitte die Seite gleich neu laden.",
    ),
    ("error.internal_title", "Interner Fehler"),
    (
        "error.internal_text",
        "Ein interner Fehler ist aufgetreten; er wurde protokolliert.",
    ),
    (
        "error.internal_html",
        "<!DOCTYPE html><html lang=\"de\"><title>Interner Fehler</title><h1>Interner Fehler</h1><p>Der Fehler wurde protokolliert.</p></html>",
    ),
    ("notice.registered", "Die Organisation ist erfasst."),
    ("notice.person_added", "Die Ansprechperson ist erfasst."),
    ("notice.contact_logged", "Der Kontakt ist erfasst."),
    ("notice.visit_planned", "Der Besuch ist geplant."),
    ("notice.visit_conducted", "Der Besuch ist erfasst."),
    (
        "notice.follow_up_completed",
        "Die Wiedervorlage ist erledigt.",
    ),
    (
        "notice.inquiry_received",
        "Das Anliegen ist aufgenommen und Ihnen zugewiesen.",
    ),
    (
        "notice.inquiry_assigned",
        "Sie bearbeiten das Anliegen jetzt.",
    ),
    (
        "notice.inquiry_referred",
        "Das Anliegen ist weitergeleitet.",
    ),
    (
        "notice.referral_answered",
        "Die Antwort des Amtes ist erfasst.",
    ),
    (
        "notice.inquiry_closed",
        "Das Anliegen ist beantwortet und abgeschlossen.",
    ),
    ("notice.retreat_scheduled", "Die Klausur ist angesetzt."),
    ("notice.proposal_made", "Der Themenvorschlag ist erfasst."),
    ("notice.priority_set", "Die Priorität ist gesetzt."),
    (
        "notice.retreat_held",
        "Die Klausur ist als stattgefunden erfasst.",
    ),
    ("notice.decision_recorded", "Der Beschluss ist erfasst."),
    ("col.due", "Fällig"),
    ("col.date", "Datum"),
    ("col.organization", "Organisation"),
    ("col.action", "Nächster Schritt"),
    ("col.task", "Aufgabe"),
    ("col.respond_by", "Antwort bis"),
    ("col.source", "Eingang"),
    ("col.topic", "Thema"),
    ("col.topics", "Themen"),
    ("col.staff", "Mitarbeitende"),
    ("week.title", "Meine Woche"),
    (
        "week.intro",
        "Fällig bis in sieben Tagen, Überfälliges zuerst. Heute ist der",
    ),
    ("week.visits", "Besuche"),
    ("week.follow_ups", "Wiedervorlagen"),
    ("week.inquiries", "Meine offenen Anliegen"),
    ("week.none", "Nichts fällig."),
    ("week.overdue", "überfällig"),
    ("week.visit_planned", "geplanter Besuch"),
    ("follow_up.complete", "Erledigt"),
    ("search.title", "Organisationen suchen"),
    ("search.text", "Name oder Anschrift"),
    ("search.sector", "Branche (WZ-Schlüssel, z. B. 56.10)"),
    ("search.no_contact", "Ohne Kontakt seit Monaten"),
    ("search.all_kinds", "alle Arten"),
    ("search.all_regions", "alle Regionen"),
    ("search.submit", "Suchen"),
    ("search.hits", "Treffer"),
    ("search.pages", "Seiten"),
    ("search.previous", "Vorige Seite"),
    ("search.next", "Nächste Seite"),
    ("org.unknown", "Diese Organisation ist nicht erfasst."),
    ("org.kind", "Art"),
    ("org.name", "Name"),
    ("org.address", "Anschrift"),
    ("org.street", "Straße und Hausnummer"),
    ("org.postal_code", "PLZ"),
    ("org.city", "Ort"),
    ("org.region", "Region"),
    ("org.sector", "Branche"),
    (
        "org.sector_code",
        "Branche (WZ-2008-Schlüssel, z. B. 56.10)",
    ),
    ("org.size", "Beschäftigte"),
    ("org.website", "Webseite"),
    ("org.account_manager", "Betreuung"),
    ("org.last_contact", "Letzter Kontakt"),
    ("org.never", "noch keiner"),
    ("org.closed_on", "Abgemeldet am"),
    ("org.tags", "Schlagworte"),
    ("org.master_data", "Stammdaten"),
    ("org.persons", "Ansprechpersonen"),
    ("org.planned_visits", "Geplante Besuche"),
    ("org.timeline", "Verlauf"),
    ("org.as_of", "Stand am"),
    ("org.as_of_label", "Stammdaten und Verlauf am"),
    ("org.as_of_submit", "Stand anzeigen"),
    ("org.as_of_shown", "Angezeigt wird der Stand am"),
    ("org.as_of_today", "Zum heutigen Stand"),
    ("org.new_title", "Organisation erfassen"),
    ("org.register", "Organisation erfassen"),
    ("person.new_title", "Ansprechperson erfassen"),
    ("person.name", "Name"),
    ("person.role", "Funktion (z. B. Geschäftsführerin)"),
    ("person.email", "E-Mail"),
    ("person.phone", "Telefon"),
    ("person.notes", "Notizen"),
    ("contact.new_title", "Kontakt erfassen"),
    ("contact.channel", "Art des Kontakts"),
    ("contact.date", "Datum"),
    ("contact.summary", "Worum ging es?"),
    ("visit.plan", "Besuch planen"),
    ("visit.log_conducted", "Durchgeführten Besuch erfassen"),
    ("visit.conduct", "Als durchgeführt erfassen"),
    ("visit.unknown", "Dieser Besuch ist nicht erfasst."),
    ("visit.planned_for", "geplant für den"),
    ("visit.date", "Datum"),
    ("visit.duration", "Dauer in Minuten"),
    (
        "visit.duration_missing",
        "Bitte die Dauer in Minuten angeben.",
    ),
    ("visit.purpose", "Anlass"),
    ("visit.findings", "Ergebnisse"),
    ("visit.expansion_plans", "Erweiterungspläne"),
    ("visit.relocation_risk", "Abwanderungsgefahr"),
    ("visit.funding_interest", "Interesse an Förderung"),
    ("visit.space_need", "Zusätzlicher Flächenbedarf in m²"),
    (
        "visit.workforce_need",
        "Offene Stellen, die nicht besetzt werden können",
    ),
    ("visit.satisfaction", "Zufriedenheit mit dem Standort"),
    ("visit.issues", "Angesprochene Probleme (eines je Zeile)"),
    ("visit.notes", "Notizen"),
    ("visit.follow_up", "Wiedervorlage (optional)"),
    ("visit.follow_up_task", "Aufgabe"),
    ("inquiry.queue_title", "Offene Anliegen"),
    ("inquiry.new", "Anliegen aufnehmen"),
    ("inquiry.receive", "Anliegen aufnehmen"),
    ("inquiry.title", "Anliegen"),
    ("inquiry.unknown", "Dieses Anliegen ist nicht erfasst."),
    ("inquiry.anonymous", "ohne Organisation"),
    (
        "inquiry.from_org_page",
        "ein Anliegen einer Organisation nehmen Sie auf ihrer Seite auf",
    ),
    ("inquiry.all", "Alle offenen Anliegen"),
    ("inquiry.only_mine", "Nur meine"),
    ("inquiry.received_on", "Eingegangen am"),
    ("inquiry.assignee", "Bearbeitung"),
    ("inquiry.first_response", "Erste Antwort am"),
    ("inquiry.status", "Stand"),
    ("inquiry.open", "offen"),
    ("inquiry.closed", "abgeschlossen"),
    ("inquiry.open_referrals", "Offene Weiterleitungen"),
    ("inquiry.description", "Beschreibung des Anliegens"),
    (
        "inquiry.description_missing",
        "Bitte das Anliegen kurz beschreiben.",
    ),
    ("inquiry.to_organization", "Zur Organisation"),
    ("inquiry.referrals", "Weiterleitungen"),
    ("inquiry.office", "Amt"),
    ("inquiry.choose_office", "– Amt wählen –"),
    ("inquiry.referred_on", "Weitergeleitet am"),
    ("inquiry.office_answered_on", "Antwort des Amtes am"),
    ("inquiry.pending", "ausstehend"),
    ("inquiry.take_over", "Anliegen selbst bearbeiten"),
    ("inquiry.refer", "An ein Amt weiterleiten"),
    ("inquiry.note", "Hinweis an das Amt"),
    ("inquiry.refer_submit", "Weiterleiten"),
    ("inquiry.office_answer", "Antwort des Amtes erfassen"),
    ("inquiry.office_answer_text", "Antwort des Amtes"),
    (
        "inquiry.office_answer_submit",
        "Antwort des Amtes speichern",
    ),
    ("inquiry.answer", "Beantworten und abschließen"),
    ("inquiry.answered_on", "Beantwortet am"),
    ("inquiry.answer_text", "Antwort an das Unternehmen"),
    ("inquiry.answer_missing", "Bitte die Antwort eintragen."),
    ("inquiry.outcome", "Ergebnis"),
    ("inquiry.answer_submit", "Beantworten und abschließen"),
    ("tl.registered", "Erfasst als"),
    ("tl.changed", "geändert"),
    ("tl.tagged", "Schlagwort gesetzt:"),
    ("tl.untagged", "Schlagwort entfernt:"),
    ("tl.membership_started", "Mitglied geworden bei"),
    ("tl.membership_ended", "Mitgliedschaft beendet bei"),
    ("tl.closed", "Abgemeldet"),
    ("tl.merged_into", "Zusammengeführt mit"),
    ("tl.absorbed", "Dublette übernommen:"),
    ("tl.person_linked", "Ansprechperson verknüpft"),
    ("tl.person_unlinked", "Ansprechperson entfernt"),
    ("tl.visit_planned", "Besuch geplant für den"),
    ("tl.visit_cancelled", "Besuch abgesagt"),
    ("tl.visit_conducted", "Betriebsbesuch durchgeführt"),
    ("tl.follow_up_created", "Wiedervorlage"),
    ("tl.follow_up_completed", "Wiedervorlage erledigt"),
    ("tl.contact", "Kontakt"),
    ("tl.inquiry_received", "Anliegen eingegangen"),
    ("tl.inquiry_referred", "Anliegen weitergeleitet an"),
    ("tl.inquiry_answered", "Anliegen beantwortet"),
    ("tl.inquiry_closed", "Anliegen abgeschlossen"),
    ("tl.gathering_attended", "Teilnahme an"),
    ("tl.milestone_achieved", "Meilenstein erreicht:"),
    ("dash.title", "Kennzahlen"),
    ("dash.years", "Jahre und Berichte"),
    ("dash.year_before", "Vorjahr ansehen"),
    ("dash.report", "Bericht für die Leitung (HTML)"),
    ("dash.figures", "Kennzahlen"),
    ("dash.against", "im Vergleich mit"),
    ("dash.figure", "Kennzahl"),
    ("dash.change", "Veränderung"),
    ("dash.visits", "Durchgeführte Betriebsbesuche"),
    ("dash.contacts", "Kontakte"),
    ("dash.inquiries", "Eingegangene Anliegen"),
    (
        "dash.first_response",
        "Erste Antwort, Median in Arbeitstagen",
    ),
    (
        "dash.first_response_days",
        "Erste Antwort nach Arbeitstagen",
    ),
    ("dash.in_target", "Anteil fristgerecht beantwortet"),
    ("dash.within", "innerhalb von"),
    ("dash.working_days", "Arbeitstagen"),
    ("dash.milestones", "Meilensteine erreicht / geplant"),
    ("dash.gatherings", "Veranstaltungen durchgeführt"),
    ("dash.attendance", "Teilnahmen an Veranstaltungen"),
    ("dash.visits_chart", "Betriebsbesuche je Monat"),
    ("dash.contacts_chart", "Kontakte je Monat"),
    (
        "dash.coverage",
        "Abdeckung je Bezirksregion: Anteil der Betriebe mit Kontakt in zwölf Monaten",
    ),
    ("dash.businesses", "Betriebe"),
    ("dash.contacted_now", "heute"),
    ("dash.contacted_year_ago", "vor einem Jahr"),
    ("dash.back", "Zurück zu den Kennzahlen"),
    ("dash.of", "von"),
    ("dash.unknown_list", "Diese Liste gibt es nicht."),
    ("board.planned", "geplant"),
    ("board.achieved", "erreicht am"),
    ("board.cancelled", "abgesagt am"),
    ("board.achieved_of", "Meilensteine erreicht / geplant"),
    ("board.milestone", "Meilenstein"),
    ("retreat.list_title", "Klausurtagungen"),
    ("retreat.title", "Klausur"),
    ("retreat.default_title", "Klausurtagung"),
    ("retreat.year", "Jahr"),
    (
        "retreat.year_invalid",
        "Bitte ein Jahr angeben, z. B. 2026.",
    ),
    ("retreat.partners", "Partner"),
    ("retreat.partner", "Partner (Verband oder Kammer)"),
    ("retreat.date", "Termin"),
    ("retreat.held", "hat stattgefunden"),
    ("retreat.held_on", "Stattgefunden am"),
    ("retreat.scheduled", "angesetzt"),
    ("retreat.schedule", "Klausur ansetzen"),
    ("retreat.unknown", "Diese Klausur ist nicht erfasst."),
    ("retreat.report", "Statistik für die Klausur (Bericht)"),
    ("retreat.proposals", "Themenvorschläge nach Priorität"),
    ("retreat.priority", "Priorität"),
    ("retreat.highest", " (höchste)"),
    ("retreat.topic", "Thema"),
    ("retreat.reason", "Begründung"),
    ("retreat.proposed_by", "Vorgeschlagen von"),
    ("retreat.decisions", "Beschlüsse"),
    ("retreat.no_decisions", "Noch keine Beschlüsse."),
    ("retreat.propose", "Thema vorschlagen"),
    ("retreat.prioritise", "Priorität setzen"),
    ("retreat.hold", "Klausur hat stattgefunden"),
    ("retreat.decide", "Beschluss erfassen"),
    ("retreat.decision_text", "Beschluss"),
    ("retreat.decision_missing", "Bitte den Beschluss eintragen."),
    (
        "retreat.plan_gathering",
        "Veranstaltung im Folgejahr planen (optional)",
    ),
    ("retreat.gathering_kind", "Art der Veranstaltung"),
    ("retreat.gathering_title", "Titel der Veranstaltung"),
    ("retreat.gathering_date", "Datum der Veranstaltung"),
];

static CATALOGUE: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| GERMAN.iter().copied().collect());

/// The text of `key`, or `None`.
pub fn lookup(key: &str) -> Option<&'static str> {
    CATALOGUE.get(key).copied()
}

/// The text of `key`; a missing key shows as itself.
pub fn get(key: &'static str) -> &'static str {
    lookup(key).unwrap_or(key)
}

/// The catalogue as templates use it: `{{ t.get("nav.week") }}`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Texts;

impl Texts {
    pub fn get(&self, key: &'static str) -> &'static str {
        get(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key a template or handler names is in the catalogue.
    #[test]
    fn every_key_used_has_a_german_text() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut missing = Vec::new();
        let mut files = Vec::new();
        for dir in ["templates", "src/ui"] {
            for entry in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                files.push(entry.path());
            }
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for marker in ["t.get(\"", "texts::get(\""] {
                for piece in text.split(marker).skip(1) {
                    let key = piece.split('"').next().unwrap_or_default();
                    if key.contains('.') && lookup(key).is_none() {
                        missing.push(format!("{}: {key}", file.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys without text: {missing:?}");
    }

    #[test]
    fn keys_are_unique() {
        assert_eq!(CATALOGUE.len(), GERMAN.len());
    }
}
