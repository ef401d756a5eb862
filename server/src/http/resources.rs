//! The command routes of every stream: one line per command, naming the path, the roles, the
//! body type and how the command is wrapped. The generic handler in `commands.rs` does the rest.
//! Paths: `POST /api/v1/{collection}` creates, `POST /api/v1/{collection}/{id}/{verb}` changes.

use axum::http::Method;
use wifo_domain::{
    contact::*, cooperation::*, gathering::*, inquiry::*, organization::*, person::*, public::*,
    reminder::*, retreat::*, taxonomy::*, visit::*,
};

use super::{
    ADMINS, PLANNING, RETREAT_PLANNERS, Route, STAFF,
    commands::{CommandEndpoint, CommandRoute},
    users,
};

macro_rules! command {
    ($decider:ty, $path:literal, $roles:expr, $summary:literal, $body:ident, $wrap:path, $field:literal, creates) => {
        std::sync::Arc::new(CommandRoute::<$decider, $body> {
            method: Method::POST,
            path: $path,
            roles: $roles,
            summary: $summary,
            body: stringify!($body),
            id_field: $field,
            creates: true,
            wrap: $wrap,
        }) as std::sync::Arc<dyn CommandEndpoint>
    };
    ($decider:ty, $path:literal, $roles:expr, $summary:literal, $body:ident, $wrap:path, $field:literal) => {
        std::sync::Arc::new(CommandRoute::<$decider, $body> {
            method: Method::POST,
            path: $path,
            roles: $roles,
            summary: $summary,
            body: stringify!($body),
            id_field: $field,
            creates: false,
            wrap: $wrap,
        }) as std::sync::Arc<dyn CommandEndpoint>
    };
}

/// Every command route, for the router and the forms.
pub(crate) fn command_endpoints() -> Vec<std::sync::Arc<dyn CommandEndpoint>> {
    vec![
        // Organizations
        command!(
            Organization,
            "/api/v1/organizations",
            STAFF,
            "Organisation erfassen",
            RegisterOrganization,
            OrganizationCommand::Register,
            "organization",
            creates
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/rename",
            STAFF,
            "Umbenennen (If-Match erforderlich)",
            RenameOrganization,
            OrganizationCommand::Rename,
            "organization"
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/relocate",
            STAFF,
            "Neue Anschrift",
            RelocateOrganization,
            OrganizationCommand::Relocate,
            "organization"
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/profile",
            STAFF,
            "Stammdaten ändern (If-Match erforderlich)",
            UpdateProfile,
            OrganizationCommand::UpdateProfile,
            "organization"
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/account-manager",
            STAFF,
            "Betreuung zuweisen",
            AssignAccountManager,
            OrganizationCommand::AssignAccountManager,
            "organization"
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/tags",
            STAFF,
            "Schlagwort setzen",
            TagOrganization,
            OrganizationCommand::Tag,
            "organization"
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/tags/remove",
            STAFF,
            "Schlagwort entfernen",
            UntagOrganization,
            OrganizationCommand::Untag,
            "organization"
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/memberships",
            STAFF,
            "Mitgliedschaft beginnen",
            StartMembership,
            OrganizationCommand::StartMembership,
            "organization"
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/memberships/end",
            STAFF,
            "Mitgliedschaft beenden",
            EndMembership,
            OrganizationCommand::EndMembership,
            "organization"
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/close",
            STAFF,
            "Betrieb abmelden",
            CloseOrganization,
            OrganizationCommand::Close,
            "organization"
        ),
        command!(
            Organization,
            "/api/v1/organizations/{id}/merge",
            STAFF,
            "Dublette zusammenführen",
            MergeOrganization,
            OrganizationCommand::Merge,
            "organization"
        ),
        // Persons
        command!(
            Person,
            "/api/v1/persons",
            STAFF,
            "Ansprechperson erfassen",
            AddPerson,
            PersonCommand::Add,
            "person",
            creates
        ),
        command!(
            Person,
            "/api/v1/persons/{id}/update",
            STAFF,
            "Personendaten ändern (If-Match erforderlich)",
            UpdatePerson,
            PersonCommand::Update,
            "person"
        ),
        command!(
            Person,
            "/api/v1/persons/{id}/link",
            STAFF,
            "Mit Organisation verknüpfen",
            LinkPerson,
            PersonCommand::Link,
            "person"
        ),
        command!(
            Person,
            "/api/v1/persons/{id}/unlink",
            STAFF,
            "Verknüpfung lösen",
            UnlinkPerson,
            PersonCommand::Unlink,
            "person"
        ),
        command!(
            Person,
            "/api/v1/persons/{id}/consents",
            STAFF,
            "Einwilligung erfassen",
            RecordConsent,
            PersonCommand::RecordConsent,
            "person"
        ),
        command!(
            Person,
            "/api/v1/persons/{id}/consents/withdraw",
            STAFF,
            "Einwilligung widerrufen",
            WithdrawConsent,
            PersonCommand::WithdrawConsent,
            "person"
        ),
        // Visits
        command!(
            Visit,
            "/api/v1/visits",
            STAFF,
            "Betriebsbesuch planen",
            PlanVisit,
            VisitCommand::Plan,
            "visit",
            creates
        ),
        command!(
            Visit,
            "/api/v1/visits/conducted",
            STAFF,
            "Ungeplanten Besuch erfassen",
            ConductVisit,
            VisitCommand::Conduct,
            "visit",
            creates
        ),
        command!(
            Visit,
            "/api/v1/visits/{id}/reschedule",
            STAFF,
            "Besuch verschieben (If-Match erforderlich)",
            RescheduleVisit,
            VisitCommand::Reschedule,
            "visit"
        ),
        command!(
            Visit,
            "/api/v1/visits/{id}/cancel",
            STAFF,
            "Besuch absagen",
            CancelVisit,
            VisitCommand::Cancel,
            "visit"
        ),
        command!(
            Visit,
            "/api/v1/visits/{id}/conduct",
            STAFF,
            "Besuch durchgeführt (mit Ergebnissen)",
            ConductVisit,
            VisitCommand::Conduct,
            "visit"
        ),
        command!(
            Visit,
            "/api/v1/visits/{id}/follow-ups",
            STAFF,
            "Wiedervorlage anlegen",
            CreateFollowUp,
            VisitCommand::CreateFollowUp,
            "visit"
        ),
        command!(
            Visit,
            "/api/v1/visits/{id}/follow-ups/complete",
            STAFF,
            "Wiedervorlage erledigt",
            CompleteFollowUp,
            VisitCommand::CompleteFollowUp,
            "visit"
        ),
        command!(
            Visit,
            "/api/v1/visits/{id}/publicity",
            STAFF,
            "Leitung und Presse beim Besuch festhalten (ersetzt die vorige Angabe)",
            RecordVisitPublicity,
            VisitCommand::RecordPublicity,
            "visit"
        ),
        // Reminders (follow-ups on their own)
        command!(
            Reminder,
            "/api/v1/reminders",
            STAFF,
            "Wiedervorlage zu einer Organisation, einem Anliegen oder einer Kooperation anlegen",
            SetReminder,
            ReminderCommand::Set,
            "reminder",
            creates
        ),
        command!(
            Reminder,
            "/api/v1/reminders/{id}/change",
            STAFF,
            "Wiedervorlage ändern: Aufgabe, zuständig, fällig am",
            ChangeReminder,
            ReminderCommand::Change,
            "reminder"
        ),
        command!(
            Reminder,
            "/api/v1/reminders/{id}/complete",
            STAFF,
            "Wiedervorlage erledigt",
            CompleteReminder,
            ReminderCommand::Complete,
            "reminder"
        ),
        command!(
            Reminder,
            "/api/v1/reminders/{id}/withdraw",
            STAFF,
            "Wiedervorlage zurückziehen",
            WithdrawReminder,
            ReminderCommand::Withdraw,
            "reminder"
        ),
        // Contacts
        command!(
            Contact,
            "/api/v1/contacts",
            STAFF,
            "Kontakt erfassen",
            LogContact,
            ContactCommand::Log,
            "contact",
            creates
        ),
        command!(
            Contact,
            "/api/v1/contacts/{id}/correct",
            STAFF,
            "Kontakt berichtigen (If-Match erforderlich)",
            CorrectContact,
            ContactCommand::Correct,
            "contact"
        ),
        command!(
            Contact,
            "/api/v1/contacts/{id}/retract",
            STAFF,
            "Kontakt zurückziehen",
            RetractContact,
            ContactCommand::Retract,
            "contact"
        ),
        // Inquiries
        command!(
            Inquiry,
            "/api/v1/inquiries",
            STAFF,
            "Anliegen aufnehmen",
            ReceiveInquiry,
            InquiryCommand::Receive,
            "inquiry",
            creates
        ),
        command!(
            Inquiry,
            "/api/v1/inquiries/{id}/assign",
            STAFF,
            "Anliegen zuweisen (If-Match erforderlich)",
            AssignInquiry,
            InquiryCommand::Assign,
            "inquiry"
        ),
        command!(
            Inquiry,
            "/api/v1/inquiries/{id}/refer",
            STAFF,
            "An ein Amt weiterleiten",
            ReferInquiry,
            InquiryCommand::Refer,
            "inquiry"
        ),
        command!(
            Inquiry,
            "/api/v1/inquiries/{id}/referral-answers",
            STAFF,
            "Antwort des Amtes erfassen",
            AnswerReferral,
            InquiryCommand::AnswerReferral,
            "inquiry"
        ),
        command!(
            Inquiry,
            "/api/v1/inquiries/{id}/answer",
            STAFF,
            "Anliegen beantworten",
            AnswerInquiry,
            InquiryCommand::Answer,
            "inquiry"
        ),
        command!(
            Inquiry,
            "/api/v1/inquiries/{id}/close",
            STAFF,
            "Anliegen abschließen",
            CloseInquiry,
            InquiryCommand::Close,
            "inquiry"
        ),
        command!(
            Inquiry,
            "/api/v1/inquiries/{id}/reopen",
            STAFF,
            "Anliegen wieder öffnen",
            ReopenInquiry,
            InquiryCommand::Reopen,
            "inquiry"
        ),
        // Cooperations
        command!(
            Cooperation,
            "/api/v1/cooperations",
            PLANNING,
            "Kooperationsvereinbarung erfassen",
            AgreeCooperation,
            CooperationCommand::Agree,
            "cooperation",
            creates
        ),
        command!(
            Cooperation,
            "/api/v1/cooperations/{id}/milestones",
            PLANNING,
            "Meilenstein planen",
            PlanMilestone,
            CooperationCommand::PlanMilestone,
            "cooperation"
        ),
        command!(
            Cooperation,
            "/api/v1/cooperations/{id}/milestones/achieve",
            PLANNING,
            "Meilenstein erreicht",
            AchieveMilestone,
            CooperationCommand::AchieveMilestone,
            "cooperation"
        ),
        command!(
            Cooperation,
            "/api/v1/cooperations/{id}/milestones/reschedule",
            PLANNING,
            "Meilenstein verschieben (If-Match erforderlich)",
            RescheduleMilestone,
            CooperationCommand::RescheduleMilestone,
            "cooperation"
        ),
        command!(
            Cooperation,
            "/api/v1/cooperations/{id}/milestones/cancel",
            PLANNING,
            "Meilenstein streichen",
            CancelMilestone,
            CooperationCommand::CancelMilestone,
            "cooperation"
        ),
        command!(
            Cooperation,
            "/api/v1/cooperations/{id}/extend",
            PLANNING,
            "Laufzeit verlängern",
            ExtendCooperation,
            CooperationCommand::Extend,
            "cooperation"
        ),
        command!(
            Cooperation,
            "/api/v1/cooperations/{id}/end",
            PLANNING,
            "Vereinbarung beenden",
            EndCooperation,
            CooperationCommand::End,
            "cooperation"
        ),
        // Gatherings
        command!(
            Gathering,
            "/api/v1/gatherings",
            PLANNING,
            "Veranstaltung planen",
            PlanGathering,
            GatheringCommand::Plan,
            "gathering",
            creates
        ),
        command!(
            Gathering,
            "/api/v1/gatherings/{id}/reschedule",
            PLANNING,
            "Veranstaltung verschieben (If-Match erforderlich)",
            RescheduleGathering,
            GatheringCommand::Reschedule,
            "gathering"
        ),
        command!(
            Gathering,
            "/api/v1/gatherings/{id}/invitations",
            PLANNING,
            "Gäste einladen",
            InviteGuests,
            GatheringCommand::Invite,
            "gathering"
        ),
        command!(
            Gathering,
            "/api/v1/gatherings/{id}/registrations",
            PLANNING,
            "Anmeldung oder Absage erfassen",
            RecordRegistration,
            GatheringCommand::RecordRegistration,
            "gathering"
        ),
        command!(
            Gathering,
            "/api/v1/gatherings/{id}/hold",
            PLANNING,
            "Veranstaltung durchgeführt (Teilnahme)",
            HoldGathering,
            GatheringCommand::Hold,
            "gathering"
        ),
        command!(
            Gathering,
            "/api/v1/gatherings/{id}/agenda",
            PLANNING,
            "Themen und beteiligte Ämter einer Veranstaltung festhalten (ersetzt die bisherigen)",
            SetGatheringAgenda,
            GatheringCommand::SetAgenda,
            "gathering"
        ),
        command!(
            Gathering,
            "/api/v1/gatherings/{id}/cancel",
            PLANNING,
            "Veranstaltung absagen",
            CancelGathering,
            GatheringCommand::Cancel,
            "gathering"
        ),
        // Retreats
        command!(
            Retreat,
            "/api/v1/retreats",
            RETREAT_PLANNERS,
            "Klausur ansetzen",
            ScheduleRetreat,
            RetreatCommand::Schedule,
            "retreat",
            creates
        ),
        command!(
            Retreat,
            "/api/v1/retreats/{id}/proposals",
            RETREAT_PLANNERS,
            "Thema vorschlagen",
            ProposeTopic,
            RetreatCommand::ProposeTopic,
            "retreat"
        ),
        command!(
            Retreat,
            "/api/v1/retreats/{id}/proposals/prioritise",
            RETREAT_PLANNERS,
            "Thema priorisieren",
            PrioritiseTopic,
            RetreatCommand::PrioritiseTopic,
            "retreat"
        ),
        command!(
            Retreat,
            "/api/v1/retreats/{id}/hold",
            RETREAT_PLANNERS,
            "Klausur durchgeführt",
            HoldRetreat,
            RetreatCommand::Hold,
            "retreat"
        ),
        command!(
            Retreat,
            "/api/v1/retreats/{id}/decisions",
            RETREAT_PLANNERS,
            "Beschluss festhalten",
            RecordDecision,
            RetreatCommand::RecordDecision,
            "retreat"
        ),
        // Taxonomies (stream id: topics, offices, regions, sectors)
        command!(
            Taxonomy,
            "/api/v1/taxonomies/{id}/entries",
            ADMINS,
            "Einträge anlegen",
            DefineEntries,
            TaxonomyCommand::Define,
            "taxonomy",
            creates
        ),
        command!(
            Taxonomy,
            "/api/v1/taxonomies/{id}/rename",
            ADMINS,
            "Eintrag umbenennen (If-Match erforderlich)",
            RenameEntry,
            TaxonomyCommand::Rename,
            "taxonomy"
        ),
        command!(
            Taxonomy,
            "/api/v1/taxonomies/{id}/retire",
            ADMINS,
            "Eintrag stilllegen",
            RetireEntry,
            TaxonomyCommand::Retire,
            "taxonomy"
        ),
        command!(
            Taxonomy,
            "/api/v1/taxonomies/{id}/reactivate",
            ADMINS,
            "Eintrag reaktivieren",
            ReactivateEntry,
            TaxonomyCommand::Reactivate,
            "taxonomy"
        ),
        // The Handreichung (stream id: topic.{code}, office.{code})
        command!(
            Public,
            "/api/v1/guide/topics/{id}",
            ADMINS,
            "Thema der Handreichung schreiben: Hinweis, Ämter, Zuständige je Region, öffentlich",
            WriteGuideTopic,
            PublicCommand::WriteTopic,
            "topic",
            creates
        ),
        command!(
            Public,
            "/api/v1/guide/offices/{id}",
            ADMINS,
            "Öffentliche Kontaktdaten eines Amtes schreiben",
            WriteGuideOffice,
            PublicCommand::WriteOffice,
            "office",
            creates
        ),
    ]
}

pub(super) fn routes() -> Vec<Route> {
    let mut routes: Vec<Route> = command_endpoints()
        .into_iter()
        .map(CommandEndpoint::route)
        .collect();
    routes.extend(users::routes());
    routes
}
