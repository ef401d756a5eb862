//! Who may do what, in one place: the role sets that the API's route table, the web pages'
//! route table and the services (e.g. whether a caller sees personal data) all use.

use wifo_domain::values::Role;

/// Routes that need no login.
pub const PUBLIC: &[Role] = &[];
/// Every logged-in role: one's own account, password, calendar and session.
pub const EVERYONE: &[Role] = &[
    Role::Staff,
    Role::Lead,
    Role::Planner,
    Role::Admin,
    Role::CitizensOffice,
    Role::DataProtection,
];
/// Reading the CRM: everyone of the office (the Bürgerbüro reads nothing of it).
pub const READERS: &[Role] = &[Role::Staff, Role::Lead, Role::Planner, Role::Admin];
/// Entering an inquiry for a business and following the status of those one entered: the
/// Bürgerbüro, and admins, who may do everything.
pub const CITIZENS_OFFICE: &[Role] = &[Role::CitizensOffice, Role::Admin];
/// Recording the work with businesses (Bestandsbetreuung).
pub const STAFF: &[Role] = &[Role::Staff, Role::Admin];
/// Reading the work lists — the inquiry queue, one inquiry, the at-risk list: who works them,
/// and the lead, who reads everything.
pub const INQUIRY_READERS: &[Role] = &[Role::Staff, Role::Lead, Role::Admin];
/// Reading the reports.
pub const REPORT_READERS: &[Role] = &[Role::Lead, Role::Planner, Role::Admin];
/// Writing cooperations and gatherings.
pub const PLANNING: &[Role] = &[Role::Staff, Role::Planner, Role::Admin];
/// Writing retreats.
pub const RETREAT_PLANNERS: &[Role] = &[Role::Planner, Role::Admin];
/// The lead's views: key figures, drill-downs, the audit trail.
pub const LEADS: &[Role] = &[Role::Lead, Role::Admin];
/// Users, taxonomies, erasure, the import.
pub const ADMINS: &[Role] = &[Role::Admin];
/// Data protection: the access log, access exports (Art. 15), the retention review, erasure
/// (Art. 17) and the records of processing (Art. 30) — the data-protection officer and admins.
pub const PRIVACY: &[Role] = &[Role::DataProtection, Role::Admin];
/// Reading personal data of contact persons: planners prepare the retreat without them.
pub const PERSON_READERS: &[Role] = &[Role::Staff, Role::Lead, Role::Admin];

/// Whether `role` may read personal data of contact persons.
pub fn sees_personal_data(role: Role) -> bool {
    PERSON_READERS.contains(&role)
}
