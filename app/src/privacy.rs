//! Data-protection workflows that span the log and the key store. Erasure (DSGVO Art. 17)
//! records `PersonErased` in the log, then deletes the person's key: from then on every copy of
//! their personal data, in the log and in every backup of it, is unreadable. Beside it (the
//! access log is `crate::access_log`): the access export (`access_report`, Art. 15), retention
//! (`retention`) and the records of processing (`processing`, Art. 30).

pub mod access_report;
pub mod processing;
pub mod retention;
pub mod senders;

use chrono::NaiveDate;
use wifo_domain::{
    ids::PersonId,
    person::{ErasePerson, ErasureReason, Person, PersonCommand},
};
use wifo_store::{CommandContext, CommandError, EventStore, Position};

use crate::data_dir::DataDir;

/// Erases a person. Safe to repeat: if the event was written but the key deletion was
/// interrupted, running it again deletes the key.
pub async fn erase_person(
    data: &DataDir,
    person: PersonId,
    erased_on: NaiveDate,
    reason: ErasureReason,
    context: &CommandContext,
) -> crate::error::Result<Position> {
    let command = PersonCommand::Erase(ErasePerson {
        person,
        erased_on,
        reason,
    });
    let position = match data
        .handler
        .execute::<Person>(&command, context, None)
        .await
    {
        Ok(outcome) => outcome.position,
        // Already erased: only the key deletion may be left to do.
        Err(CommandError::Rejected(wifo_domain::person::PersonError::Erased)) => {
            data.store.head().await?
        }
        Err(error) => return Err(error.into()),
    };
    data.keys.erase(person.as_uuid())?;
    Ok(position)
}
