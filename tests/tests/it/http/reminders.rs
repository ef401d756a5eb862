//! Reminders on their own and the work lists: a staff member sets a reminder on an inquiry from
//! its page; it shows on the inquiry's page and in "Meine Woche" with what it is about, overdue
//! when its day has passed; the lead reads that staff member's week without the buttons that do
//! a step, a staff member may not read another's; completing it from the week takes it off the
//! list and its page says when. A reminder about a record the CRM does not know, or for a user
//! who does not exist, is refused with a German message and writes nothing. A planned visit
//! keeps its time of day, on its page, in the week and when it is moved.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::json;
use wifo_domain::{german, values::Role};

use super::{id_of, post_form, problem, register_organization, spawn_app, today, user_name};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_on_an_inquiry_is_set_shown_read_by_the_lead_and_completed() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let lead = app.login(Role::Lead).await?;
    let bakery = register_organization(&staff, "Bäckerei Wiedervorlage GmbH").await?;
    let inquiry = id_of(
        &staff
            .write(
                "/api/v1/inquiries",
                &json!({"organization": bakery, "channel": "mail", "source": "direct", "topics": [],
                        "description": "Frage zur Gewerbeanmeldung", "received_on": today(),
                        "received_by": user_name(Role::Staff)}),
            )
            .await?,
    )?;
    // The inquiry's page offers the form; the form sets the reminder, due yesterday.
    let page = staff
        .get(&format!("/anliegen/{inquiry}"))
        .await?
        .text()
        .await?;
    let start = page
        .find("/wiedervorlagen/neu?zu=anliegen")
        .ok_or_else(|| anyhow::anyhow!("no link to the form on the inquiry page: {page}"))?;
    let link = &page[start
        ..page[start..]
            .find('"')
            .map_or(page.len(), |end| start + end)];
    assert!(link.ends_with(&format!("id={inquiry}")), "{link}");
    let yesterday = today() - Duration::days(1);
    let (status, page) = post_form(
        &staff,
        &format!("/wiedervorlagen/neu?zu=anliegen&id={inquiry}"),
        &[
            ("task", "Rückruf wegen Unterlagen"),
            ("assignee", user_name(Role::Staff)),
            ("due_on", &german::date(yesterday)),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Die Wiedervorlage ist angelegt."));
    assert!(
        page.contains("Rückruf wegen Unterlagen"),
        "not on the inquiry page"
    );

    // "Meine Woche": what it is about, the task, overdue, and the button.
    let week = staff.get("/woche").await?.text().await?;
    assert!(
        week.contains("Anliegen: Bäckerei Wiedervorlage GmbH"),
        "{week}"
    );
    assert!(week.contains(&format!("{} (überfällig)", german::date(yesterday))));
    assert!(week.contains("/erledigt\""), "no button to complete it");

    // The lead reads the staff member's week, without buttons; staff may not read another's.
    let lead_week = lead
        .get(&format!("/woche?mitarbeiter={}", user_name(Role::Staff)))
        .await?;
    assert_eq!(lead_week.status(), StatusCode::OK);
    let lead_week = lead_week.text().await?;
    assert!(lead_week.contains("Rückruf wegen Unterlagen"));
    assert!(lead_week.contains("Woche von"));
    assert!(
        !lead_week.contains("/erledigt\""),
        "the lead cannot complete it"
    );
    let other = staff
        .get(&format!("/woche?mitarbeiter={}", user_name(Role::Admin)))
        .await?;
    assert_eq!(other.status(), StatusCode::FORBIDDEN);

    // Completed from the week: gone from it, its page says when.
    let (work, _) = staff.read("/api/v1/work").await?;
    let reminder = work["follow_ups"][0]["source"]["reminder"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow::anyhow!("no reminder in the work list: {work}"))?;
    assert_eq!(
        work["follow_ups"][0]["source"]["about"]["inquiry"],
        json!(inquiry)
    );
    let (status, _) = post_form(
        &staff,
        &format!("/wiedervorlagen/{reminder}/erledigt"),
        &[("completed_on", &german::iso(today()))],
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    let week = staff.get("/woche").await?.text().await?;
    assert!(
        !week.contains("Rückruf wegen Unterlagen"),
        "still in the week"
    );
    let record = staff
        .get(&format!("/wiedervorlagen/{reminder}"))
        .await?
        .text()
        .await?;
    assert!(record.contains(&format!("erledigt am {}", german::date(today()))));
    assert!(record.contains("Wiedervorlage angelegt, fällig am"));
    let (answer, _) = staff.read(&format!("/api/v1/reminders/{reminder}")).await?;
    assert_eq!(answer["state"]["status"], json!("Completed"));
    assert_eq!(answer["history"].as_array().map(Vec::len), Some(2));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_about_an_unknown_record_or_for_an_unknown_user_is_refused() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let bakery = register_organization(&staff, "Bäckerei Verweigert GmbH").await?;
    let body = |about: serde_json::Value, assignee: &str| {
        json!({"about": about, "task": "Nachfassen", "assignee": assignee,
               "due_on": today() + Duration::days(3)})
    };
    let unknown = uuid::Uuid::now_v7().to_string();
    let cases = [
        (
            body(json!({"inquiry": unknown}), user_name(Role::Staff)),
            StatusCode::NOT_FOUND,
            "Anliegen",
        ),
        (
            body(json!({"cooperation": unknown}), user_name(Role::Staff)),
            StatusCode::NOT_FOUND,
            "Kooperation",
        ),
        (
            body(json!({"organization": unknown}), user_name(Role::Staff)),
            StatusCode::NOT_FOUND,
            "Organisation",
        ),
        (
            body(json!({"organization": bakery}), "niemand.da"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "kein aktiver Benutzer",
        ),
    ];
    for (body, expected, words) in cases {
        let (status, problem) = problem(staff.post_json("/api/v1/reminders", &body).await?).await?;
        assert_eq!(status, expected, "{body}: {problem}");
        let detail = problem["detail"].as_str().unwrap_or_default();
        assert!(detail.contains(words), "{detail}");
    }
    let (work, _) = staff.read("/api/v1/work?horizon_days=30").await?;
    assert_eq!(
        work["follow_ups"],
        json!([]),
        "a refused reminder was written"
    );
    // The form of a record that does not exist is the German 404 page.
    let missing = staff
        .get(&format!("/wiedervorlagen/neu?zu=anliegen&id={unknown}"))
        .await?;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planned_visit_keeps_its_time_of_day() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let bakery = register_organization(&staff, "Bäckerei Uhrzeit GmbH").await?;
    let day = today() + Duration::days(2);
    let (status, page) = post_form(
        &staff,
        &format!("/organisationen/{bakery}/besuche/neu"),
        &[
            ("date", &german::iso(day)),
            ("time", "10:30"),
            ("purpose", "Antrittsbesuch"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{page}");
    let week = staff.get("/woche").await?.text().await?;
    let shown = format!("{}, 10:30 Uhr", german::date(day));
    assert!(week.contains(&shown), "{week}");
    let (work, _) = staff.read("/api/v1/work").await?;
    let visit = work["visits"][0]["visit"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow::anyhow!("no visit: {work}"))?;
    assert_eq!(work["visits"][0]["planned_at"], json!("10:30"));
    let record = staff
        .get(&format!("/besuche/{visit}"))
        .await?
        .text()
        .await?;
    assert!(record.contains(&shown));
    // Moved to another day at 14:00, then to a day without a time.
    let (status, _) = post_form(
        &staff,
        &format!("/besuche/{visit}/verschieben"),
        &[
            ("planned_on", &german::iso(day + Duration::days(1))),
            ("planned_at", "14:00"),
            ("rescheduled_on", &german::iso(today())),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    let (answer, _) = staff.read(&format!("/api/v1/visits/{visit}")).await?;
    assert_eq!(answer["state"]["planned_at"], json!("14:00"));
    // A time that is none is refused at its field; nothing changes.
    let (status, page) = post_form(
        &staff,
        &format!("/besuche/{visit}/verschieben"),
        &[
            ("planned_on", &german::iso(day)),
            ("planned_at", "25:00"),
            ("rescheduled_on", &german::iso(today())),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Uhrzeit"), "{page}");
    let (answer, _) = staff.read(&format!("/api/v1/visits/{visit}")).await?;
    assert_eq!(answer["state"]["planned_at"], json!("14:00"));
    Ok(())
}
