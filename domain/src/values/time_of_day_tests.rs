//! Reading times of day as people write them.

use super::TimeOfDay;

#[test]
fn reads_the_ways_a_time_is_written_in_german() {
    for (text, shown) in [
        ("10:30", "10:30"),
        ("9:05", "09:05"),
        ("10.30", "10:30"),
        ("10:30 Uhr", "10:30"),
        ("8 Uhr", "08:00"),
        ("0:00", "00:00"),
        ("23:59", "23:59"),
    ] {
        assert_eq!(
            TimeOfDay::parse(text).map(|time| time.to_string()),
            Ok(shown.to_owned()),
            "{text}"
        );
    }
}

#[test]
fn refuses_what_is_no_time() {
    for text in [
        "", "24:00", "10:60", "10:5", "1030", "-1:00", "10:30:00", "zehn",
    ] {
        assert!(TimeOfDay::parse(text).is_err(), "{text}");
    }
}

#[test]
fn serde_goes_through_parse() {
    assert!(TimeOfDay::try_from("25:00".to_owned()).is_err());
    let time = TimeOfDay::try_from("14:15".to_owned());
    assert_eq!(
        time.map(|time| (time.hour(), time.minute())).ok(),
        Some((14, 15))
    );
}
