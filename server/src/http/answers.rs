//! The shapes of the read routes' answers that are not a view's own type: a record with its
//! history, a person, a profile with its persons' names, and the lists wrapped in an object.
//! Handlers serialize these structs and the OpenAPI document shows their schemas, so the two
//! cannot differ.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use wifo_app::history::Recorded;
use wifo_domain::{
    ids::{OrganizationId, PersonId},
    person::ConsentPurpose,
    personal::PersonalData,
    taxonomy::DefinedEntry,
    values::{Email, PersonName, Phone, Title},
};
use wifo_projections::queries::{
    audit::AuditEntry, board::CooperationCard, board::GatheringSummary, coverage::RegionCoverage,
    profile::OrganizationProfile, work::QueueEntry,
};

/// Ein Datensatz mit seinem Stand und jedem Ereignis seines Stroms.
#[derive(Serialize, JsonSchema)]
pub(super) struct RecordAnswer<'a, S, E> {
    pub id: String,
    /// Der Stand des Datensatzes.
    pub state: &'a S,
    /// Jedes Ereignis des Datensatzes, mit Tag, Zeitpunkt der Erfassung und Person.
    pub history: &'a [Recorded<E>],
}

/// Name und Erreichbarkeit einer Person; nach einer Löschung nur `name: "gelöscht"`.
#[derive(Serialize, JsonSchema)]
pub(super) struct PersonDetails<'a> {
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<&'a Email>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<&'a Phone>,
    /// Freitext zur Person (nur in der Antwort zur Person selbst).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<&'a str>,
}

impl<'a> PersonDetails<'a> {
    pub(super) fn known(
        name: &'a PersonName,
        email: Option<&'a Email>,
        phone: Option<&'a Phone>,
    ) -> Self {
        Self {
            name: name.as_str(),
            email,
            phone,
            notes: None,
        }
    }

    /// Everything the person's record holds (the answer about the person).
    pub(super) fn full(data: &'a PersonalData) -> Self {
        Self {
            notes: Some(data.notes.as_str()),
            ..Self::known(&data.name, data.email.as_ref(), data.phone.as_ref())
        }
    }

    pub(super) fn erased() -> Self {
        Self {
            name: wifo_domain::personal::ERASED_LABEL,
            email: None,
            phone: None,
            notes: None,
        }
    }
}

/// Eine Ansprechperson: personenbezogene Daten, Verknüpfungen und Einwilligungen.
#[derive(Serialize, JsonSchema)]
pub(super) struct PersonAnswer<'a> {
    pub id: PersonId,
    pub personal: PersonDetails<'a>,
    pub erased: bool,
    /// Organisation → Funktion der Person dort.
    pub links: &'a BTreeMap<OrganizationId, Title>,
    /// Zweck → Tag der Einwilligung.
    pub consents: &'a BTreeMap<ConsentPurpose, chrono::NaiveDate>,
}

/// Das 360°-Profil einer Organisation mit den Namen ihrer Personen.
#[derive(Serialize, JsonSchema)]
pub(super) struct ProfileAnswer<'a> {
    #[serde(flatten)]
    pub profile: &'a OrganizationProfile,
    /// Person (ID) → Name und Erreichbarkeit.
    pub person_details: BTreeMap<String, PersonDetails<'a>>,
}

/// Der Anliegen-Eingang.
#[derive(Serialize, JsonSchema)]
pub(super) struct QueueAnswer {
    /// Frist für die erste Antwort, in Arbeitstagen.
    pub target_working_days: u32,
    pub entries: Vec<QueueEntry>,
}

/// Die Kooperationen mit ihren Meilensteinen.
#[derive(Serialize, JsonSchema)]
pub(super) struct BoardAnswer {
    pub cooperations: Vec<CooperationCard>,
}

/// Die Veranstaltungen im Zeitraum.
#[derive(Serialize, JsonSchema)]
pub(super) struct GatheringsAnswer {
    pub gatherings: Vec<GatheringSummary>,
}

/// Die Abdeckung je Region einer Ebene.
#[derive(Serialize, JsonSchema)]
pub(super) struct CoverageAnswer {
    /// Die Ebene, deutsch (`Bezirksregion`).
    pub level: &'static str,
    pub regions: Vec<RegionCoverage>,
}

/// Einträge des Protokolls, die neuesten zuerst.
#[derive(Serialize, JsonSchema)]
pub(super) struct AuditAnswer {
    pub entries: Vec<AuditEntry>,
}

/// Die Einträge einer Klassifikation.
#[derive(Serialize, JsonSchema)]
pub(super) struct TaxonomyAnswer<'a> {
    pub taxonomy: &'a str,
    pub entries: &'a BTreeMap<String, DefinedEntry>,
}
