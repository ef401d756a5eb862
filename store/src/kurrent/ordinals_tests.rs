//! Unit tests of `ordinals`.

#![allow(clippy::unwrap_used)]

use super::*;

fn numbered(offsets: &[u64]) -> Ordinals {
    let mut ordinals = Ordinals::default();
    for (index, offset) in offsets.iter().enumerate() {
        ordinals
            .next_after(
                Position(index as u64),
                *offset,
                Uuid::from_u128(*offset as u128),
                "visit-a",
            )
            .unwrap();
    }
    ordinals
}

#[test]
fn events_are_numbered_one_two_three_whatever_their_offsets() {
    let mut ordinals = Ordinals::default();
    assert_eq!(
        ordinals
            .next_after(Position::START, 12_288, Uuid::now_v7(), "visit-a")
            .unwrap(),
        Position(1)
    );
    assert_eq!(
        ordinals
            .next_after(Position(1), 12_611, Uuid::now_v7(), "visit-b")
            .unwrap(),
        Position(2)
    );
    assert_eq!(
        ordinals
            .next_after(Position(2), 40_960, Uuid::now_v7(), "visit-a")
            .unwrap(),
        Position(3)
    );
    assert_eq!(ordinals.len(), 3);
    assert_eq!(ordinals.position_of(12_611), Some(Position(2)));
    assert_eq!(ordinals.position_of(12_612), None);
}

#[test]
fn reading_after_a_position_starts_at_that_events_offset() {
    let ordinals = numbered(&[100, 250, 900]);
    assert_eq!(ordinals.server_after(Position::START), Ok(None));
    assert_eq!(ordinals.server_after(Position(1)), Ok(Some(100)));
    assert_eq!(ordinals.server_after(Position(3)), Ok(Some(900)));
    // Not numbered yet: the caller extends the index up to there first.
    assert_eq!(ordinals.server_after(Position(4)), Err(Position(3)));
}

#[test]
fn reading_numbered_events_again_checks_them() {
    let mut ordinals = numbered(&[100, 250, 900]);
    let id = Uuid::from_u128(250);
    assert_eq!(
        ordinals
            .next_after(Position(1), 250, id, "visit-a")
            .unwrap(),
        Position(2)
    );
    assert_eq!(ordinals.len(), 3);
    let changed = ordinals
        .next_after(Position(1), 300, id, "visit-a")
        .unwrap_err();
    assert!(
        matches!(changed, StoreError::Corrupt { position: 2, .. }),
        "{changed:?}"
    );
}

#[test]
fn gaps_and_offsets_going_backwards_are_refused() {
    let mut ordinals = numbered(&[100, 250]);
    let id = Uuid::now_v7();
    assert!(
        ordinals
            .next_after(Position(5), 999, id, "visit-a")
            .is_err()
    );
    assert!(
        ordinals
            .next_after(Position(2), 250, id, "visit-a")
            .is_err()
    );
    assert!(
        ordinals
            .next_after(Position(2), 200, id, "visit-a")
            .is_err()
    );
    assert_eq!(ordinals.len(), 2);
}

#[test]
fn ids_are_known_per_stream_like_the_embedded_store_knows_them() {
    // numbered(): ids 100 and 250 in visit-a.
    let ordinals = numbered(&[100, 250]);
    let (a, b, new) = (
        Uuid::from_u128(100),
        Uuid::from_u128(250),
        Uuid::from_u128(7),
    );
    assert_eq!(ordinals.known_ids("visit-a", &[new]), KnownIds::New);
    assert_eq!(ordinals.known_ids("visit-a", &[a, b]), KnownIds::Retry);
    assert_eq!(
        ordinals.known_ids("visit-a", &[a, new]),
        KnownIds::Conflict(a)
    );
    assert_eq!(ordinals.known_ids("visit-b", &[b]), KnownIds::Conflict(b));
}
