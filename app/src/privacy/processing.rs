//! The records of processing activities (DSGVO Art. 30(1)) as wifo holds them: per activity the
//! purpose, the legal basis, whose data, which categories, the recipients and the retention —
//! the retention taken from the configured periods (`RetentionPeriods`), so the page says what
//! the review list applies. The page `/datenschutz/verzeichnis` prints it.

use serde::Serialize;

use super::retention::RetentionPeriods;

/// One processing activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Activity {
    pub name: &'static str,
    pub purpose: &'static str,
    pub legal_basis: &'static str,
    pub data_subjects: &'static str,
    pub categories: &'static str,
    pub recipients: &'static str,
    pub retention: String,
    pub safeguards: &'static str,
}

/// The controller's part of the record that the software cannot know.
pub const CONTROLLER_NOTE: &str = "Verantwortliche Stelle, Kontaktdaten des/der \
    Datenschutzbeauftragten und Drittlandübermittlungen (keine) ergänzt die Dienststelle.";

const ENCRYPTED: &str = "Personenbezogene Daten je Person mit eigenem Schlüssel verschlüsselt \
    (Löschung durch Vernichtung des Schlüssels, auch in Sicherungen); Zugriff nur für die \
    Rollen Bestandsbetreuung, Leitung, Administration und Datenschutz; jeder Zugriff im \
    Zugriffsprotokoll";

/// The activities, with the periods as configured.
pub fn activities(periods: &RetentionPeriods) -> Vec<Activity> {
    vec![
        Activity {
            name: "Bestandsbetreuung: Ansprechpersonen der Unternehmen",
            purpose: "Betreuung ansässiger Unternehmen: Besuche, Kontakte, Anliegen, Einladungen",
            legal_basis: "Art. 6 Abs. 1 lit. e DSGVO (Wirtschaftsförderung als öffentliche Aufgabe); \
                für Newsletter und Einladungen Art. 6 Abs. 1 lit. a (Einwilligung)",
            data_subjects: "Ansprechpersonen von Unternehmen, Vereinen und Kammern",
            categories: "Name, E-Mail, Telefon, Notizen, Funktion im Unternehmen, Einwilligungen, \
                Teilnahme an Besuchen und Veranstaltungen",
            recipients: "Beschäftigte der Wirtschaftsförderung; keine Übermittlung an Dritte",
            retention: format!(
                "Löschung {} Monate nach dem letzten Kontakt; nach Widerruf aller Einwilligungen \
                 nach {} Monaten ohne weiteren Kontakt",
                periods.persons_without_contact_months, periods.withdrawn_consent_months
            ),
            safeguards: ENCRYPTED,
        },
        Activity {
            name: "Anfragen über das Online-Formular und die Bürgerbüros",
            purpose: "Beantwortung von Anfragen von Betrieben",
            legal_basis: "Art. 6 Abs. 1 lit. a und e DSGVO (Hinweis und Einwilligung im Formular)",
            data_subjects: "Anfragende (Inhaber/innen und Beschäftigte kleiner Betriebe)",
            categories: "Name des Betriebs, Ansprechperson, E-Mail, Telefon, Anschrift, Anliegen",
            recipients: "Zuständige Beschäftigte der Wirtschaftsförderung; bei Weiterleitung die \
                zuständige Fachbehörde (nur das Anliegen)",
            retention: format!(
                "Löschung der Absenderdaten {} Monate nach Abschluss des Anliegens oder vorher \
                 auf Antrag (Art. 17); das Anliegen selbst bleibt ohne Personenbezug für die \
                 Statistik",
                periods.closed_inquiries_months
            ),
            safeguards: "Absenderdaten mit eigenem Schlüssel je Anfrage verschlüsselt; Ratenbegrenzung, \
                keine Speicherung von HTML",
        },
        Activity {
            name: "Ansprechpartnerverzeichnis (öffentlich)",
            purpose: "Erreichbarkeit der Beschäftigten nach Thema und Region",
            legal_basis: "Art. 6 Abs. 1 lit. a DSGVO (eigene, widerrufliche Einwilligung)",
            data_subjects: "Beschäftigte der Wirtschaftsförderung",
            categories: "Name, dienstliche E-Mail und Telefon, Themen, Regionen",
            recipients: "Öffentlichkeit (nur was die Person freigegeben hat)",
            retention: "Bis zum Widerruf der Veröffentlichung".to_owned(),
            safeguards: "Nichts ist ohne Freigabe veröffentlicht; Widerruf wirkt sofort",
        },
        Activity {
            name: "Benutzerkonten",
            purpose: "Anmeldung, Rollen und Nachvollziehbarkeit der Eingaben",
            legal_basis: "Art. 6 Abs. 1 lit. c und e DSGVO, § 26 BDSG",
            data_subjects: "Beschäftigte mit Zugang zu wifo",
            categories: "Anmeldename, Anzeigename, Rolle, Passwort-Hash (Argon2), API-Schlüssel-Hashes",
            recipients: "Administration",
            retention: "Für die Dauer des Zugangs; Eingaben bleiben dem Konto zugeordnet"
                .to_owned(),
            safeguards: "Passwörter nur als Argon2-Hash, Sitzungen HttpOnly/SameSite",
        },
        Activity {
            name: "Zugriffsprotokoll",
            purpose: "Nachweis, wer wann welche personenbezogenen Daten geöffnet hat (Art. 5 Abs. 2)",
            legal_basis: "Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 32 DSGVO",
            data_subjects: "Beschäftigte (Zugreifende), Ansprechpersonen (nur über ihre Kennung)",
            categories: "Zeitpunkt, Anmeldename, Rolle, Kennung der Person, Weg, Zweck",
            recipients: "Administration und Datenschutz",
            retention: format!("Löschung nach {} Monaten", periods.access_log_months),
            safeguards: "Eigene Datei außerhalb des Ereignisprotokolls, Prüfsummenkette gegen \
                Veränderung, keine Namen",
        },
    ]
}
