//! Unit tests of `events`.

use super::*;

#[test]
fn ids_become_uuids_and_erased_personal_data_reads_geloescht() {
    let id = uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001);
    let value = Value::Map(vec![
        (Value::from("person"), Value::Binary(id.as_bytes().to_vec())),
        (Value::from("personal"), Value::Nil),
        (Value::from("given_on"), Value::from("2025-03-01")),
        (Value::from("blob"), Value::Binary(vec![0xde, 0xad])),
    ]);
    let json = payload_json(&value, true);
    assert_eq!(json["person"], id.to_string());
    assert_eq!(json["personal"], "gelöscht");
    assert_eq!(json["given_on"], "2025-03-01");
    assert_eq!(json["blob"], "dead");
    // Without a data subject a nil stays null.
    assert_eq!(
        payload_json(&value, false)["personal"],
        serde_json::Value::Null
    );
}

#[test]
fn the_stats_table_lists_types_by_count() {
    let stats = Stats {
        events: 3,
        streams: 2,
        by_type: BTreeMap::from([("A".to_owned(), 1), ("B".to_owned(), 2)]),
    };
    let table = stats_table(&stats);
    let b = table.find("B ").expect("B listed");
    let a = table.find("A ").expect("A listed");
    assert!(b < a, "{table}");
}
