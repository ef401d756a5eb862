//! The personal calendar feed: a staff member creates the address on `/konto`, a calendar
//! program fetches it without logging in, and the file parses back (RFC 5545, with the
//! `icalendar` parser) into the staff member's planned visits (one at an agreed time, which
//! lasts an hour), open follow-ups (one left by a visit, one set on its own) and the office's
//! gathering — every all-day entry ending the day after it starts. A new address revokes the old one,
//! revoking leaves none, and another user's visits are not in it.

use chrono::Duration;
use icalendar::{CalendarDateTime, Component, DatePerhapsTime};
use reqwest::StatusCode;
use serde_json::json;
use wifo_domain::values::Role;

use super::{
    Client, TestApp, id_of, plan_visit, post_form, register_organization, spawn_app, today,
    user_name,
};

/// The address `/konto/kalender` shows once.
async fn new_address(staff: &Client) -> anyhow::Result<String> {
    let (status, page) = post_form(staff, "/konto/kalender", &[]).await?;
    anyhow::ensure!(status == StatusCode::OK, "{status}: {page}");
    let start = page
        .find("<code class=\"address\">")
        .ok_or_else(|| anyhow::anyhow!("no address on the page"))?;
    let rest = &page[start + "<code class=\"address\">".len()..];
    let end = rest.find("</code>").unwrap_or(rest.len());
    Ok(rest[..end].to_owned())
}

/// The feed at `address` as an anonymous calendar program fetches it.
async fn fetch(app: &TestApp, address: &str) -> anyhow::Result<(StatusCode, String)> {
    let path = address
        .split_once("/kalender/")
        .map(|(_, file)| format!("/kalender/{file}"))
        .unwrap_or_default();
    let response = app.anonymous()?.get(&path).await?;
    Ok((response.status(), response.text().await?))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscribed_calendar_holds_my_visits_follow_ups_and_the_gatherings() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let admin = app.login(Role::Admin).await?;
    let bakery = register_organization(&staff, "Bäckerei Kalender GmbH").await?;
    let planned_on = today() + Duration::days(3);
    plan_visit(&staff, &bakery, planned_on).await?;
    // A visit of another user is not in my calendar.
    admin
        .write(
            "/api/v1/visits",
            &json!({"organization": bakery, "planned_on": planned_on, "staff": [user_name(Role::Admin)],
                    "participants": [], "purpose": "Anderer Termin", "joint_partner": null}),
        )
        .await?;
    // A visit at an agreed time, and a reminder set on its own.
    let timed_on = today() + Duration::days(2);
    staff
        .write(
            "/api/v1/visits",
            &json!({"organization": bakery, "planned_on": timed_on, "planned_at": "09:15",
                    "staff": [user_name(Role::Staff)], "participants": [], "purpose": "Rundgang",
                    "joint_partner": null}),
        )
        .await?;
    staff
        .write(
            "/api/v1/reminders",
            &json!({"about": {"organization": bakery}, "task": "Unterlagen nachreichen",
                    "assignee": user_name(Role::Staff), "due_on": today() + Duration::days(4)}),
        )
        .await?;
    let conducted = id_of(
        &staff
            .write(
                "/api/v1/visits/conducted",
                &json!({"organization": bakery, "conducted_on": today(), "duration_minutes": 45,
                        "staff": [user_name(Role::Staff)], "participants": [], "topics": [],
                        "findings": {"expansion_plans": true, "relocation_risk": false, "space_need_m2": null,
                                     "workforce_need": null, "funding_interest": false, "location_satisfaction": null,
                                     "issues_raised": []},
                        "notes": "", "joint_partner": null}),
            )
            .await?,
    )?;
    staff
        .write(
            &format!("/api/v1/visits/{conducted}/follow-ups"),
            &json!({"follow_up": uuid::Uuid::now_v7(), "task": "Förderantrag schicken",
                    "assignee": user_name(Role::Staff), "due_on": today() + Duration::days(5)}),
        )
        .await?;
    staff
        .write(
            "/api/v1/gatherings",
            &json!({"kind": "stammtisch", "title": "Unternehmerstammtisch Pankow",
                    "date": today() + Duration::days(10), "venue": "Rathaus Pankow", "co_hosts": [],
                    "milestone": null}),
        )
        .await?;

    // A read of the staff member waits until the views hold their writes; the calendar program
    // fetching anonymously does not.
    staff.read("/api/v1/gatherings").await?;
    let first = new_address(&staff).await?;
    let (status, text) = fetch(&app, &first).await?;
    assert_eq!(status, StatusCode::OK, "{text}");
    let calendar: icalendar::Calendar = text
        .parse()
        .map_err(|error| anyhow::anyhow!("not RFC 5545: {error}"))?;
    let mut entries: Vec<(String, DatePerhapsTime, DatePerhapsTime)> = Vec::new();
    for event in calendar.components.iter().filter_map(|c| c.as_event()) {
        let (Some(start), Some(end)) = (event.get_start(), event.get_end()) else {
            anyhow::bail!("an entry without start or end: {event:?}");
        };
        entries.push((
            event.get_summary().unwrap_or_default().to_owned(),
            start,
            end,
        ));
    }
    let day = |date: chrono::NaiveDate| DatePerhapsTime::Date(date);
    let at = |date: chrono::NaiveDate, hour: u32, minute: u32| {
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(
            date.and_hms_opt(hour, minute, 0).unwrap_or_default(),
        ))
    };
    assert_eq!(
        entries,
        vec![
            (
                "Unternehmensbesuch: Bäckerei Kalender GmbH".to_owned(),
                at(timed_on, 9, 15),
                at(timed_on, 10, 15)
            ),
            (
                "Unternehmensbesuch: Bäckerei Kalender GmbH".to_owned(),
                day(planned_on),
                day(planned_on + Duration::days(1))
            ),
            (
                "Wiedervorlage: Unterlagen nachreichen".to_owned(),
                day(today() + Duration::days(4)),
                day(today() + Duration::days(5))
            ),
            (
                "Wiedervorlage: Förderantrag schicken".to_owned(),
                day(today() + Duration::days(5)),
                day(today() + Duration::days(6))
            ),
            (
                "Veranstaltung: Unternehmerstammtisch Pankow".to_owned(),
                day(today() + Duration::days(10)),
                day(today() + Duration::days(11))
            ),
        ]
    );
    let account = staff.get("/konto").await?.text().await?;
    assert!(account.contains("eingerichtet seit dem"));

    // A new address: the old one answers nothing.
    let second = new_address(&staff).await?;
    assert_ne!(first, second);
    assert_eq!(fetch(&app, &first).await?.0, StatusCode::NOT_FOUND);
    assert_eq!(fetch(&app, &second).await?.0, StatusCode::OK);
    // Revoked: none.
    let (status, _) = post_form(&staff, "/konto/kalender/widerrufen", &[]).await?;
    assert!(status.is_success() || status.is_redirection(), "{status}");
    assert_eq!(fetch(&app, &second).await?.0, StatusCode::NOT_FOUND);
    Ok(())
}
