//! Unit tests of `subscription`.

use super::*;

#[test]
fn reconnection_waits_double_each_time_up_to_five_seconds() {
    let delays: Vec<u64> = (1..=8)
        .map(|attempt| reconnect_delay(attempt).as_millis() as u64)
        .collect();
    assert_eq!(
        delays,
        vec![250, 500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000]
    );
    assert_eq!(reconnect_delay(u32::MAX).as_millis(), 5_000);
}
