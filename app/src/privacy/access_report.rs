//! The access export of one person (DSGVO Art. 15): everything wifo holds about them — master
//! data as last recorded, the organizations they are linked to, consents in force and
//! withdrawn, every event of the log that names them (`Event::persons_named`, with the day it
//! happened and the day it was entered) and the access log's entries about them. One report,
//! shown by the API as JSON and by the pages as a printable page. Producing it is itself an
//! access and is logged with the purpose „Auskunft nach Art. 15“.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use wifo_domain::{
    ids::{OrganizationId, PersonId},
    person::ConsentPurpose,
    personal::{Erasable, PersonalData},
};
use wifo_projections::{
    Projections,
    decode::decode_event,
    queries::personal::{locate, personal_data},
};
use wifo_store::{EventStore, Position};

use crate::access_log::{AccessEntry, AccessPurpose};
use crate::{auth::Caller, data_dir::DataDir, error::Result};

/// Events read per page while scanning the log.
const PAGE: usize = 10_000;

/// A link of the person to an organization.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct LinkLine {
    pub organization: OrganizationId,
    pub organization_name: String,
    pub role: String,
}

/// A consent, in force or withdrawn.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ConsentLine {
    pub purpose: ConsentPurpose,
    pub purpose_label: String,
    /// The day given (in force) or withdrawn.
    pub on: NaiveDate,
}

/// One event that names the person.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct NamedEvent {
    pub position: u64,
    pub stream: String,
    pub event_type: String,
    /// The day it happened.
    pub occurred_on: NaiveDate,
    /// When it was entered.
    pub recorded_at: DateTime<Utc>,
    /// Who entered it.
    pub actor: String,
    /// The event's content (the personal part decrypted, or „gelöscht“).
    pub payload: serde_json::Value,
}

/// Everything about one person.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct AccessReport {
    pub person: PersonId,
    /// When the report was produced.
    pub produced_at: DateTime<Utc>,
    pub erased: bool,
    /// Name, mail, phone, notes as last recorded; `None` after an erasure.
    pub personal: Option<PersonalData>,
    pub links: Vec<LinkLine>,
    pub consents: Vec<ConsentLine>,
    pub withdrawn_consents: Vec<ConsentLine>,
    /// Every event of the log that names the person, oldest first.
    pub events: Vec<NamedEvent>,
    /// The access log's entries about the person, newest first (this report's included).
    pub access_log: Vec<AccessEntry>,
}

/// The access report of `person` for `caller`, or `None` if the person is unknown. Writes the
/// access to the log before it reads anything personal.
pub async fn access_report(
    data: &DataDir,
    projections: &Projections,
    caller: &Caller,
    person: PersonId,
    route: &str,
) -> Result<Option<AccessReport>> {
    let (location, record, links) = {
        let views = projections.read();
        let Some(record) = views.persons.get(&person).cloned() else {
            return Ok(None);
        };
        let names = views.names();
        let links = record
            .links
            .iter()
            .map(|(organization, role)| LinkLine {
                organization: *organization,
                organization_name: names.organization(organization),
                role: role.to_string(),
            })
            .collect::<Vec<_>>();
        (locate(&views, person), record, links)
    };
    data.access
        .opened(caller, [person], route, AccessPurpose::AccessRequest)?;
    let store = data.store_shared();
    let personal = match location {
        Some((at, erased)) => personal_data(at, erased, &*store, &data.codec).await,
        None => None,
    };
    let consent_lines = |map: &std::collections::BTreeMap<ConsentPurpose, NaiveDate>| {
        map.iter()
            .map(|(purpose, on)| ConsentLine {
                purpose: *purpose,
                purpose_label: purpose.label().to_owned(),
                on: *on,
            })
            .collect::<Vec<_>>()
    };
    Ok(Some(AccessReport {
        person,
        produced_at: Utc::now(),
        erased: record.erased,
        personal: match personal {
            Some(Erasable::Known(data)) if !record.erased => Some(data),
            _ => None,
        },
        links,
        consents: consent_lines(&record.consents),
        withdrawn_consents: consent_lines(&record.withdrawn),
        events: events_naming(data, person).await?,
        access_log: data
            .access
            .entries(Some(person.as_uuid()), usize::MAX >> 2)?,
    }))
}

/// Every event of the log that names `person`, oldest first: a scan of the whole log.
pub async fn events_naming(data: &DataDir, person: PersonId) -> Result<Vec<NamedEvent>> {
    let mut found = Vec::new();
    let mut after = Position::START;
    loop {
        let page = data.store.read_all(after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        let full = page.len() == PAGE;
        for recorded in page {
            let event = decode_event(&data.codec, &recorded)?;
            if !event.persons_named().contains(&person) {
                continue;
            }
            let value = data.codec.open_value(&recorded)?;
            found.push(NamedEvent {
                position: recorded.position.0,
                stream: recorded.stream.clone(),
                event_type: recorded.event_type.clone(),
                occurred_on: recorded.metadata.occurred_at.date_naive(),
                recorded_at: recorded.recorded_at,
                actor: recorded.metadata.actor.clone(),
                payload: crate::events::payload_json(
                    &value,
                    recorded.metadata.data_subject.is_some(),
                ),
            });
        }
        if !full {
            break;
        }
    }
    Ok(found)
}
