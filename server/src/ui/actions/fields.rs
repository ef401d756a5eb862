//! The fields of the command forms (`ui::actions`): what a field is (a line, a date, a choice,
//! organizations by name, …), where a choice's options come from (a taxonomy, the staff by
//! display name, an enum's German labels, the record's own milestones, tags, links or
//! consents), how a submitted form becomes the JSON object the API takes — so a form and the
//! API decode, check and refuse the same way — and how a record's current state fills an edit
//! form. Only what a form cannot say as JSON is read here: dates typed as `21.11.2026`,
//! organizations typed by name.

use serde_json::{Map, Value, json};
use wifo_domain::{
    contact::Channel,
    cooperation::{MilestoneKind, MilestoneStatus},
    gathering::GatheringKind,
    german,
    ids::{CooperationId, GatheringId, OrganizationId, PersonId},
    organization::{OrganizationKind, Status},
    person::{ConsentChannel, ConsentPurpose},
    values::SizeClass,
};
use wifo_projections::Views;

use crate::ui::{
    choices::{association_choices, staff_choices, taxonomy_choices, with_empty},
    form::{Input, enum_choices},
    texts, today,
};

/// What a field is and how its value goes into the command's JSON.
#[derive(Clone, Copy, Debug)]
pub(super) enum Kind {
    /// One line; empty is left out.
    Text,
    /// Several lines of free text (may be empty).
    Area,
    /// One list entry per line (goals).
    Lines,
    /// A day (`21.11.2026` or `2026-11-21`); `today`: filled with today.
    Date { today: bool },
    /// A whole number ≥ 0; empty is 0.
    Count,
    /// A whole number ≥ 0 (a year); empty is left out.
    Number,
    /// Yes or no; `checked`: ticked at first.
    Check { checked: bool },
    /// One of the options; the empty choice is left out.
    Choice(Source),
    /// Any of the options (checkboxes), as a list.
    Many(Source),
    /// One organization, typed by name (or id), chosen from a list the browser offers.
    Organization,
    /// Organizations, one name (or id) per line.
    Organizations,
    /// The organizations that came (checkboxes of those invited or registered), as the
    /// attendance list `[{ "organization": … }]`.
    Attendance,
    /// A new id (a milestone's), made when the form is sent; not shown.
    NewId,
    /// Carried unchanged from the record (a contact's organization); not shown.
    Kept,
    /// An empty list the form does not offer (persons are invited through their organization).
    EmptyList,
}

/// Where the options of a choice come from.
#[derive(Clone, Copy, Debug)]
pub(super) enum Source {
    Staff,
    Taxonomy(&'static str),
    OrganizationKinds,
    SizeClasses,
    Channels,
    MilestoneKinds,
    GatheringKinds,
    ConsentPurposes,
    ConsentChannels,
    /// The organization's tags.
    Tags,
    /// The associations and chambers the CRM knows.
    Associations,
    /// The associations the organization is a member of.
    Memberships,
    /// The organizations the person is linked to.
    PersonLinks,
    /// The consents the person has given and not withdrawn.
    PersonConsents,
    /// The cooperation's milestones still planned.
    OpenMilestones,
}

/// One field of a form.
#[derive(Clone, Copy, Debug)]
pub(super) struct Field {
    /// The JSON field; a dot names a field of an object (`profile.legal_form`).
    pub name: &'static str,
    /// Text key of the label.
    pub label: &'static str,
    pub kind: Kind,
}

/// The options of `source` for the record `id`: `(value, German label)`.
pub(super) fn options(views: &Views, source: Source, id: &str) -> Vec<(String, String)> {
    let names = views.names();
    let organization = OrganizationId::parse(id)
        .ok()
        .and_then(|id| views.organizations.get(&id));
    let person = PersonId::parse(id)
        .ok()
        .and_then(|id| views.persons.get(&id));
    let empty = texts::get("form.choose");
    match source {
        Source::Staff => staff_choices(views, empty),
        Source::Taxonomy(kind) => taxonomy_choices(views, kind, empty),
        Source::OrganizationKinds => with_empty(
            empty,
            enum_choices(&OrganizationKind::ALL, OrganizationKind::label),
        ),
        Source::SizeClasses => with_empty(empty, enum_choices(&SizeClass::ALL, SizeClass::label)),
        Source::Channels => with_empty(empty, enum_choices(&Channel::ALL, Channel::label)),
        Source::MilestoneKinds => with_empty(
            empty,
            enum_choices(&MilestoneKind::ALL, MilestoneKind::label),
        ),
        Source::GatheringKinds => with_empty(
            empty,
            enum_choices(&GatheringKind::ALL, GatheringKind::label),
        ),
        Source::ConsentPurposes => with_empty(
            empty,
            enum_choices(&ConsentPurpose::ALL, ConsentPurpose::label),
        ),
        Source::ConsentChannels => with_empty(
            empty,
            enum_choices(&ConsentChannel::ALL, ConsentChannel::label),
        ),
        Source::Tags => with_empty(
            empty,
            organization
                .map(|record| {
                    record
                        .state
                        .tags
                        .iter()
                        .map(|tag| (tag.to_string(), tag.to_string()))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        Source::Associations => association_choices(views, empty),
        Source::Memberships => with_empty(
            empty,
            organization
                .map(|record| {
                    record
                        .state
                        .memberships
                        .keys()
                        .map(|id| (id.to_string(), names.organization(id)))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        Source::PersonLinks => with_empty(
            empty,
            person
                .map(|record| {
                    record
                        .links
                        .keys()
                        .map(|id| (id.to_string(), names.organization(id)))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        Source::PersonConsents => with_empty(
            empty,
            person
                .map(|record| {
                    enum_choices(&ConsentPurpose::ALL, ConsentPurpose::label)
                        .into_iter()
                        .filter(|(value, _)| {
                            record.consents.keys().any(|purpose| {
                                serde_json::to_value(purpose)
                                    .is_ok_and(|name| name.as_str() == Some(value))
                            })
                        })
                        .collect()
                })
                .unwrap_or_default(),
        ),
        Source::OpenMilestones => with_empty(
            empty,
            CooperationId::parse(id)
                .ok()
                .and_then(|id| views.cooperations.get(&id))
                .map(|cooperation| {
                    cooperation
                        .milestones
                        .iter()
                        .filter(|(_, milestone)| milestone.status == MilestoneStatus::Planned)
                        .map(|(id, milestone)| {
                            (
                                id.to_string(),
                                format!("{} ({})", milestone.title, german::date(milestone.due)),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
        ),
    }
}

/// The organizations a gathering's attendance is chosen from: those invited or registered.
pub(super) fn attendance_options(views: &Views, id: &str) -> Vec<(String, String)> {
    let names = views.names();
    let Some(gathering) = GatheringId::parse(id)
        .ok()
        .and_then(|id| views.gatherings.get(&id))
    else {
        return Vec::new();
    };
    let mut ids: Vec<OrganizationId> = gathering.invited_organizations.iter().copied().collect();
    ids.extend(gathering.registrations.iter().map(|r| r.organization));
    ids.sort();
    ids.dedup();
    let mut options: Vec<(String, String)> = ids
        .iter()
        .map(|id| (id.to_string(), names.organization(id)))
        .collect();
    options.sort_by(|a, b| a.1.cmp(&b.1));
    options
}

/// The active organizations by name, for the browser's list of suggestions (at most 5,000).
pub(super) fn organization_names(views: &Views) -> Vec<String> {
    let mut names: Vec<String> = views
        .organizations
        .values()
        .filter(|record| record.state.status == Status::Active)
        .filter_map(|record| record.state.name.as_ref().map(ToString::to_string))
        .collect();
    names.sort();
    names.dedup();
    names.truncate(5_000);
    names
}

/// The organization named `text` (its exact name, any case, or its id), or why not.
fn organization_named(views: &Views, text: &str) -> Result<OrganizationId, String> {
    if let Ok(id) = OrganizationId::parse(text)
        && views.organizations.contains_key(&id)
    {
        return Ok(id);
    }
    let wanted = text.to_lowercase();
    let found: Vec<OrganizationId> = views
        .organizations
        .iter()
        .filter(|(_, record)| {
            !matches!(record.state.status, Status::MergedInto { .. })
                && record
                    .state
                    .name
                    .as_ref()
                    .is_some_and(|name| name.to_string().to_lowercase() == wanted)
        })
        .map(|(id, _)| *id)
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("„{text}“ {}", texts::get("action.no_organization"))),
        _ => Err(format!("„{text}“ {}", texts::get("action.ambiguous"))),
    }
}

/// Puts `value` at the dotted `name` of `object`.
fn put(object: &mut Map<String, Value>, name: &str, value: Value) {
    match name.split_once('.') {
        None => {
            object.insert(name.to_owned(), value);
        }
        Some((head, rest)) => {
            let inner = object
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = inner {
                put(inner, rest, value);
            }
        }
    }
}

/// The JSON object the form's fields say; a value a form cannot say as JSON (a malformed date,
/// an unknown organization name) is recorded at its field instead.
pub(super) fn command_json(views: &Views, fields: &[Field], input: &mut Input) -> Value {
    let mut object = Map::new();
    for field in fields {
        let name = field.name;
        let text = input.get(name).to_owned();
        let value = match field.kind {
            Kind::Text | Kind::Choice(_) | Kind::Kept => {
                (!text.is_empty()).then_some(Value::String(text))
            }
            Kind::Area => Some(Value::String(text)),
            Kind::Lines => Some(Value::Array(
                text.lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(|line| Value::String(line.to_owned()))
                    .collect(),
            )),
            Kind::Date { .. } => {
                if text.is_empty() {
                    None
                } else {
                    input
                        .date(name)
                        .map(|day| Value::String(day.format("%Y-%m-%d").to_string()))
                }
            }
            Kind::Count => input.count(name).map(|count| json!(count.unwrap_or(0))),
            Kind::Number => input.count(name).flatten().map(|number| json!(number)),
            Kind::EmptyList => Some(Value::Array(Vec::new())),
            Kind::Check { .. } => Some(Value::Bool(input.checked(name))),
            Kind::Many(_) => Some(Value::Array(
                input
                    .all(name)
                    .into_iter()
                    .map(|value| Value::String(value.to_owned()))
                    .collect(),
            )),
            Kind::Attendance => Some(Value::Array(
                input
                    .all(name)
                    .into_iter()
                    .map(|organization| json!({ "organization": organization }))
                    .collect(),
            )),
            Kind::Organization => {
                if text.is_empty() {
                    None
                } else {
                    match organization_named(views, &text) {
                        Ok(id) => Some(Value::String(id.to_string())),
                        Err(message) => {
                            input.fail(name, message);
                            None
                        }
                    }
                }
            }
            Kind::Organizations => {
                let mut ids = Vec::new();
                for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
                    match organization_named(views, line) {
                        Ok(id) => ids.push(Value::String(id.to_string())),
                        Err(message) => input.fail(name, message),
                    }
                }
                Some(Value::Array(ids))
            }
            Kind::NewId => Some(Value::String(uuid::Uuid::now_v7().to_string())),
        };
        if let Some(value) = value {
            put(&mut object, name, value);
        }
    }
    Value::Object(object)
}

/// The values a form starts with: today in the date fields that default to it, the ticked
/// boxes, then what `current` (the record's state as JSON) says for each field.
pub(super) fn initial(views: &Views, fields: &[Field], current: &Value) -> Vec<(String, String)> {
    let names = views.names();
    let mut values = Vec::new();
    for field in fields {
        let mut at = Some(current);
        for part in field.name.split('.') {
            at = at.and_then(|value| value.get(part));
        }
        let given = at.filter(|value| !value.is_null());
        match (field.kind, given) {
            (Kind::Date { today: true }, None) => {
                values.push((field.name.to_owned(), german::iso(today())));
            }
            (Kind::Check { checked: true }, None) => {
                values.push((field.name.to_owned(), "ja".to_owned()));
            }
            (_, Some(Value::Array(items))) => {
                for item in items {
                    if let Some(text) = item.as_str() {
                        values.push((field.name.to_owned(), text.to_owned()));
                    }
                }
            }
            (Kind::Organization, Some(Value::String(id))) => {
                let name = OrganizationId::parse(id)
                    .map(|id| names.organization(&id))
                    .unwrap_or_else(|_| id.clone());
                values.push((field.name.to_owned(), name));
            }
            (_, Some(Value::String(text))) => values.push((field.name.to_owned(), text.clone())),
            (_, Some(Value::Number(number))) => {
                values.push((field.name.to_owned(), number.to_string()));
            }
            (_, Some(Value::Bool(true))) => values.push((field.name.to_owned(), "ja".to_owned())),
            _ => {}
        }
    }
    values
}
