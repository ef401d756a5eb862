//! Given/when/then tests of the date rules: a command given on 2 December 2026 with the dates it
//! carries, and what the rule answers.

use chrono::NaiveDate;

use super::*;
use crate::{
    Decider,
    ids::VisitId,
    visit::{CancelVisit, CompleteFollowUp, RescheduleVisit, Visit, VisitCommand},
};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

const TODAY: &str = "2026-12-02";

#[test]
fn something_that_happened_today_or_earlier_is_accepted() {
    for date in ["2026-12-02", "2026-03-01", "1900-01-01"] {
        assert_eq!(
            check(
                &[BusinessDate::happened("Besuch am", day(date))],
                day(TODAY)
            ),
            Ok(())
        );
    }
}

#[test]
fn something_that_happened_cannot_lie_after_today() {
    assert_eq!(
        check(
            &[BusinessDate::happened("Besuch am", day("2027-03-01"))],
            day(TODAY)
        ),
        Err(DateError::InTheFuture {
            field: "Besuch am",
            date: "01.03.2027".into(),
            today: "02.12.2026".into(),
        })
    );
    assert_eq!(
        check(&[BusinessDate::happened("Besuch am", day("2026-12-03"))], day(TODAY))
            .map_err(|error| error.to_string()),
        Err("Datum Besuch am: der 03.12.2026 liegt in der Zukunft. Was schon geschehen ist, kann nicht nach heute (02.12.2026) liegen.".to_owned())
    );
}

#[test]
fn no_date_lies_before_1900() {
    for kind in [BusinessDate::happened, BusinessDate::planned] {
        assert_eq!(
            check(&[kind("Eingang am", day("0000-01-01"))], day(TODAY)),
            Err(DateError::TooEarly {
                field: "Eingang am",
                date: "01.01.0000".into()
            })
        );
        assert!(check(&[kind("Eingang am", day("1899-12-31"))], day(TODAY)).is_err());
    }
}

#[test]
fn a_planned_date_may_lie_ahead_but_not_beyond_ten_years() {
    assert_eq!(
        check(
            &[BusinessDate::planned("geplant für", day("2036-12-31"))],
            day(TODAY)
        ),
        Ok(())
    );
    assert_eq!(
        check(
            &[BusinessDate::planned("geplant für", day("2037-01-01"))],
            day(TODAY)
        ),
        Err(DateError::TooFarAhead {
            field: "geplant für",
            date: "01.01.2037".into()
        })
    );
}

#[test]
fn a_visit_names_its_dates_with_what_they_are() {
    let visit = VisitId::parse("0190e6a3-0000-7000-8000-000000000001").expect("id");
    let reschedule = VisitCommand::Reschedule(RescheduleVisit {
        visit,
        planned_on: day("2027-06-01"),
        planned_at: None,
    });
    assert_eq!(
        Visit::dates(&reschedule),
        [BusinessDate::planned("geplant für", day("2027-06-01"))]
    );
    assert_eq!(check(&Visit::dates(&reschedule), day(TODAY)), Ok(()));
    let cancel = VisitCommand::Cancel(CancelVisit {
        visit,
        cancelled_on: day("2027-06-01"),
        reason: crate::values::Text::parse("krank").expect("text"),
    });
    assert!(check(&Visit::dates(&cancel), day(TODAY)).is_err());
    let complete = VisitCommand::CompleteFollowUp(CompleteFollowUp {
        visit,
        follow_up: crate::ids::FollowUpId::parse("0190e6a3-0000-7000-8000-000000000002")
            .expect("id"),
        completed_on: day("2026-12-01"),
    });
    assert_eq!(check(&Visit::dates(&complete), day(TODAY)), Ok(()));
}

#[test]
fn a_change_cannot_lie_before_its_record_began() {
    assert_eq!(
        check_not_before("Umgezogen am", day("2025-07-01"), day("2025-07-01")),
        Ok(())
    );
    assert_eq!(
        check_not_before("Umgezogen am", day("2024-12-31"), day("2025-01-15")),
        Err(DateError::BeforeTheRecord {
            field: "Umgezogen am",
            date: "31.12.2024".into(),
            since: "15.01.2025".into(),
        })
    );
}
