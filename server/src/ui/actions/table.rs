//! The command forms, one line per API write route that has no page of its own: the page's
//! address, the API route it submits to (whose roles it takes), the record page it returns to,
//! its title and fields, and how its fields are filled from the record. Adding a form for a new
//! command is a new entry here and its texts in `server/texts/de.tsv`.

use super::fields::{
    Field,
    Kind::{self, *},
    Source::{self, *},
};

/// How an edit form is filled from the record it changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Prefill {
    /// Dates with today, boxes as they start.
    Nothing,
    /// An organization's kind and profile.
    Profile,
    /// A contact as recorded.
    Contact,
    /// A person's personal data as last recorded (opened with their key).
    Person,
    /// A reminder's task, assignee and due day.
    Reminder,
    /// A visit's leadership and press, as last recorded.
    Visit,
    /// A gathering's topics and participating offices, as last recorded.
    Gathering,
}

/// One form.
#[derive(Debug)]
pub(super) struct ActionForm {
    /// The page (GET shows the form, POST sends it).
    pub page: &'static str,
    /// The API write route it submits to.
    pub api: &'static str,
    /// The record page it returns to (`{id}` is the record's id).
    pub back: &'static str,
    /// Text keys of the title and of the confirmation after saving (`notice.…`).
    pub title: &'static str,
    pub notice: &'static str,
    pub fields: &'static [Field],
    pub prefill: Prefill,
}

const fn field(name: &'static str, label: &'static str, kind: Kind) -> Field {
    Field { name, label, kind }
}

const fn choice(name: &'static str, label: &'static str, source: Source) -> Field {
    field(name, label, Choice(source))
}

const TODAY: Kind = Date { today: true };
const DAY: Kind = Date { today: false };

pub(super) const FORMS: &[ActionForm] = &[
    // Visits
    ActionForm {
        page: "/besuche/{id}/oeffentlichkeit",
        api: "/api/v1/visits/{id}/publicity",
        back: "/besuche/{id}",
        title: "action.visit_publicity",
        notice: "visit_publicity",
        fields: &[
            field(
                "leadership",
                "visit.leadership",
                Many(Taxonomy("leadership")),
            ),
            field("press", "visit.with_press", Check { checked: false }),
        ],
        prefill: Prefill::Visit,
    },
    // Organizations
    ActionForm {
        page: "/organisationen/{id}/profil",
        api: "/api/v1/organizations/{id}/profile",
        back: "/organisationen/{id}",
        title: "action.profile",
        notice: "organization_changed",
        fields: &[
            choice("kind", "org.kind", OrganizationKinds),
            field("profile.legal_form", "field.legal_form", Text),
            field("profile.sector", "org.sector_code", Text),
            choice("profile.size_class", "org.size", SizeClasses),
            field("profile.founded_year", "field.founded_year", Number),
            field("profile.website", "org.website", Text),
            field("changed_on", "org.changed_on", TODAY),
        ],
        prefill: Prefill::Profile,
    },
    ActionForm {
        page: "/organisationen/{id}/schlagwort",
        api: "/api/v1/organizations/{id}/tags",
        back: "/organisationen/{id}",
        title: "action.tag",
        notice: "organization_changed",
        fields: &[
            field("tag", "field.tag", Text),
            field("changed_on", "org.changed_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/organisationen/{id}/schlagwort-entfernen",
        api: "/api/v1/organizations/{id}/tags/remove",
        back: "/organisationen/{id}",
        title: "action.untag",
        notice: "organization_changed",
        fields: &[
            choice("tag", "field.tag", Tags),
            field("changed_on", "org.changed_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/organisationen/{id}/mitgliedschaft",
        api: "/api/v1/organizations/{id}/memberships",
        back: "/organisationen/{id}",
        title: "action.membership",
        notice: "organization_changed",
        fields: &[
            choice("association", "field.association", Associations),
            field("since", "field.since", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/organisationen/{id}/mitgliedschaft-beenden",
        api: "/api/v1/organizations/{id}/memberships/end",
        back: "/organisationen/{id}",
        title: "action.membership_end",
        notice: "organization_changed",
        fields: &[
            choice("association", "field.association", Memberships),
            field("until", "field.until", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    // Persons
    ActionForm {
        page: "/personen/{id}/aendern",
        api: "/api/v1/persons/{id}/update",
        back: "/personen/{id}",
        title: "action.person_update",
        notice: "saved",
        fields: &[
            field("personal.name", "person.name", Text),
            field("personal.email", "person.email", Text),
            field("personal.phone", "person.phone", Text),
            field("personal.notes", "person.notes", Area),
            field("changed_on", "org.changed_on", TODAY),
        ],
        prefill: Prefill::Person,
    },
    ActionForm {
        page: "/personen/{id}/loesen",
        api: "/api/v1/persons/{id}/unlink",
        back: "/personen/{id}",
        title: "action.person_unlink",
        notice: "saved",
        fields: &[
            choice("organization", "col.organization", PersonLinks),
            field("unlinked_on", "field.unlinked_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/personen/{id}/einwilligung",
        api: "/api/v1/persons/{id}/consents",
        back: "/personen/{id}",
        title: "action.consent",
        notice: "saved",
        fields: &[
            choice("purpose", "field.purpose", ConsentPurposes),
            choice("channel", "field.consent_channel", ConsentChannels),
            field("source", "field.consent_source", Text),
            field("given_on", "field.given_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/personen/{id}/einwilligung-widerrufen",
        api: "/api/v1/persons/{id}/consents/withdraw",
        back: "/personen/{id}",
        title: "action.consent_withdraw",
        notice: "saved",
        fields: &[
            choice("purpose", "field.purpose", PersonConsents),
            field("withdrawn_on", "field.withdrawn_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    // Contacts
    ActionForm {
        page: "/kontakte/{id}/berichtigen",
        api: "/api/v1/contacts/{id}/correct",
        back: "/kontakte/{id}",
        title: "action.contact_correct",
        notice: "saved",
        fields: &[
            field("organization", "col.organization", Kept),
            field("person", "contact.person", Kept),
            choice("channel", "contact.channel", Channels),
            field("contacted_on", "contact.date", DAY),
            field("topics", "field.topics", Many(Taxonomy("topics"))),
            field("summary", "contact.summary", Area),
            choice("staff", "field.staff", Staff),
        ],
        prefill: Prefill::Contact,
    },
    // Reminders
    ActionForm {
        page: "/wiedervorlagen/{id}/aendern",
        api: "/api/v1/reminders/{id}/change",
        back: "/wiedervorlagen/{id}",
        title: "action.reminder_change",
        notice: "saved",
        fields: &[
            field("task", "col.task", Text),
            choice("assignee", "reminder.assignee", Staff),
            field("due_on", "col.due", DAY),
        ],
        prefill: Prefill::Reminder,
    },
    ActionForm {
        page: "/wiedervorlagen/{id}/erledigt",
        api: "/api/v1/reminders/{id}/complete",
        back: "/wiedervorlagen/{id}",
        title: "action.reminder_complete",
        notice: "saved",
        fields: &[field("completed_on", "reminder.completed_on", TODAY)],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/wiedervorlagen/{id}/zurueckziehen",
        api: "/api/v1/reminders/{id}/withdraw",
        back: "/wiedervorlagen/{id}",
        title: "action.reminder_withdraw",
        notice: "saved",
        fields: &[
            field("withdrawn_on", "reminder.withdrawn_on", TODAY),
            field("reason", "contact.retract_reason", Area),
        ],
        prefill: Prefill::Nothing,
    },
    // Cooperations
    ActionForm {
        page: "/kooperationen/neu",
        api: "/api/v1/cooperations",
        back: "/kooperationen/{id}",
        title: "action.cooperation",
        notice: "saved",
        fields: &[
            field("title", "field.title", Text),
            field("partners", "field.partners", Organizations),
            field("signed_on", "cooperation.signed_on", TODAY),
            field("valid_from", "field.valid_from", DAY),
            field("valid_until", "field.valid_until", DAY),
            field("goals", "field.goals", Lines),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/kooperationen/{id}/meilenstein",
        api: "/api/v1/cooperations/{id}/milestones",
        back: "/kooperationen/{id}",
        title: "action.milestone",
        notice: "saved",
        fields: &[
            field("milestone", "board.milestone", NewId),
            field("title", "field.title", Text),
            choice("kind", "cooperation.kind", MilestoneKinds),
            field("due", "col.due", DAY),
            field("changed_on", "field.planned_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/kooperationen/{id}/meilenstein-erreicht",
        api: "/api/v1/cooperations/{id}/milestones/achieve",
        back: "/kooperationen/{id}",
        title: "action.milestone_achieve",
        notice: "saved",
        fields: &[
            choice("milestone", "board.milestone", OpenMilestones),
            field("achieved_on", "field.achieved_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/kooperationen/{id}/meilenstein-verschieben",
        api: "/api/v1/cooperations/{id}/milestones/reschedule",
        back: "/kooperationen/{id}",
        title: "action.milestone_reschedule",
        notice: "saved",
        fields: &[
            choice("milestone", "board.milestone", OpenMilestones),
            field("due", "field.new_due", DAY),
            field("reason", "field.reason", Area),
            field("rescheduled_on", "field.rescheduled_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/kooperationen/{id}/meilenstein-absagen",
        api: "/api/v1/cooperations/{id}/milestones/cancel",
        back: "/kooperationen/{id}",
        title: "action.milestone_cancel",
        notice: "saved",
        fields: &[
            choice("milestone", "board.milestone", OpenMilestones),
            field("cancelled_on", "field.cancelled_on", TODAY),
            field("reason", "field.reason", Area),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/kooperationen/{id}/verlaengern",
        api: "/api/v1/cooperations/{id}/extend",
        back: "/kooperationen/{id}",
        title: "action.cooperation_extend",
        notice: "saved",
        fields: &[field("valid_until", "field.valid_until", DAY)],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/kooperationen/{id}/beenden",
        api: "/api/v1/cooperations/{id}/end",
        back: "/kooperationen/{id}",
        title: "action.cooperation_end",
        notice: "saved",
        fields: &[field("ended_on", "field.ended_on", TODAY)],
        prefill: Prefill::Nothing,
    },
    // Gatherings
    ActionForm {
        page: "/veranstaltungen/neu",
        api: "/api/v1/gatherings",
        back: "/veranstaltungen/{id}",
        title: "action.gathering",
        notice: "saved",
        fields: &[
            choice("kind", "gathering.kind", GatheringKinds),
            field("title", "field.title", Text),
            field("date", "gathering.date", DAY),
            field("venue", "gathering.venue", Text),
            field("co_hosts", "gathering.co_hosts", Organizations),
            field("changed_on", "field.planned_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/veranstaltungen/{id}/themen",
        api: "/api/v1/gatherings/{id}/agenda",
        back: "/veranstaltungen/{id}",
        title: "action.gathering_agenda",
        notice: "saved",
        fields: &[
            field("topics", "gathering.topics", Many(Taxonomy("topics"))),
            field("offices", "gathering.offices", Many(Taxonomy("offices"))),
        ],
        prefill: Prefill::Gathering,
    },
    ActionForm {
        page: "/veranstaltungen/{id}/verschieben",
        api: "/api/v1/gatherings/{id}/reschedule",
        back: "/veranstaltungen/{id}",
        title: "action.gathering_reschedule",
        notice: "saved",
        fields: &[
            field("date", "field.new_date", DAY),
            field("rescheduled_on", "field.rescheduled_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/veranstaltungen/{id}/einladen",
        api: "/api/v1/gatherings/{id}/invitations",
        back: "/veranstaltungen/{id}",
        title: "action.invite",
        notice: "saved",
        fields: &[
            field("organizations", "field.invited", Organizations),
            field("persons", "field.persons", EmptyList),
            field("invited_on", "field.invited_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/veranstaltungen/{id}/anmeldung",
        api: "/api/v1/gatherings/{id}/registrations",
        back: "/veranstaltungen/{id}",
        title: "action.registration",
        notice: "saved",
        fields: &[
            field("organization", "col.organization", Organization),
            field("attending", "field.attending", Check { checked: true }),
            field("registered_on", "field.registered_on", TODAY),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/veranstaltungen/{id}/durchgefuehrt",
        api: "/api/v1/gatherings/{id}/hold",
        back: "/veranstaltungen/{id}",
        title: "action.gathering_hold",
        notice: "saved",
        fields: &[
            field("held_on", "field.held_on", TODAY),
            field("attendance", "field.attendance", Attendance),
            field("other_attendees", "field.other_attendees", Count),
        ],
        prefill: Prefill::Nothing,
    },
    ActionForm {
        page: "/veranstaltungen/{id}/absagen",
        api: "/api/v1/gatherings/{id}/cancel",
        back: "/veranstaltungen/{id}",
        title: "action.gathering_cancel",
        notice: "saved",
        fields: &[
            field("cancelled_on", "field.cancelled_on", TODAY),
            field("reason", "field.reason", Area),
        ],
        prefill: Prefill::Nothing,
    },
];
