//! Unit tests of `src`.

use std::collections::HashMap;

use super::*;

fn options(seed: u64) -> DemoOptions {
    DemoOptions {
        seed,
        organizations: 120,
        years: 2,
        today: calendar::date(2026, 11, 21),
    }
}

fn steps(seed: u64) -> Vec<plan::Step> {
    draw(&options(seed), regions::builtin_pankow())
        .0
        .into_steps()
}

#[test]
fn the_same_seed_draws_the_same_office_and_another_seed_another() {
    let first = format!("{:?}", steps(7));
    assert_eq!(first, format!("{:?}", steps(7)));
    assert_ne!(first, format!("{:?}", steps(8)));
}

#[test]
fn nothing_is_dated_after_today_and_every_stream_is_pushed_in_date_order() {
    let today = options(7).today;
    let mut last: HashMap<String, NaiveDate> = HashMap::new();
    for step in steps(7) {
        assert!(step.date <= today, "{step:?}");
        let stream = step.action.stream();
        if let Some(before) = last.get(&stream) {
            assert!(
                *before <= step.date,
                "{stream}: {before} then {}",
                step.date
            );
        }
        last.insert(stream, step.date);
    }
}

#[test]
fn too_small_offices_are_refused_with_a_german_message() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::open(dir.path()).expect("data dir");
    let small = DemoOptions {
        organizations: 5,
        ..options(1)
    };
    let error = runtime
        .block_on(generate(&data, &small, false))
        .expect_err("too small");
    assert!(error.to_string().contains("mindestens"), "{error}");
}
