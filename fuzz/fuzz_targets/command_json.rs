//! Fuzz target `command_json`: arbitrary bytes → `serde_json::from_slice` into every command
//! enum of the domain (the JSON form commands take in the HTTP API and in tests). Decoding must
//! never panic, and a command that decodes must serialize and decode again to an equal command.

#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;
use serde::{Serialize, de::DeserializeOwned};
use wifo_domain::{
    contact::ContactCommand, cooperation::CooperationCommand, gathering::GatheringCommand,
    inquiry::InquiryCommand, organization::OrganizationCommand, person::PersonCommand,
    reminder::ReminderCommand, retreat::RetreatCommand, taxonomy::TaxonomyCommand,
    user::UserCommand, visit::VisitCommand,
};

fuzz_target!(|data: &[u8]| {
    round_trip::<OrganizationCommand>(data);
    round_trip::<PersonCommand>(data);
    round_trip::<VisitCommand>(data);
    round_trip::<ContactCommand>(data);
    round_trip::<InquiryCommand>(data);
    round_trip::<CooperationCommand>(data);
    round_trip::<GatheringCommand>(data);
    round_trip::<RetreatCommand>(data);
    round_trip::<ReminderCommand>(data);
    round_trip::<TaxonomyCommand>(data);
    round_trip::<UserCommand>(data);
});

fn round_trip<C: Serialize + DeserializeOwned + PartialEq + Debug>(data: &[u8]) {
    let Ok(command) = serde_json::from_slice::<C>(data) else {
        return;
    };
    let json = serde_json::to_vec(&command).unwrap_or_else(|error| {
        panic!("a decoded command does not serialize: {error}\n{command:?}")
    });
    let again: C = serde_json::from_slice(&json).unwrap_or_else(|error| {
        panic!(
            "a serialized command does not decode: {error}\n{}\n{command:?}",
            String::from_utf8_lossy(&json)
        )
    });
    assert_eq!(again, command, "the command changed in a JSON round trip");
}
