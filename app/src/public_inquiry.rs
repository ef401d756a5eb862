//! Taking an inquiry from the public form (`/anfrage`): every field checked (limits, no HTML,
//! a public topic, the consent), the responsible staff member found by the routing rules, and
//! the inquiry received, with the sender's data sealed under their own key, in one append. The
//! adapters only hand over the fields as typed; the form's rules live here. The Bürgerbüro
//! enters an inquiry for a business through the same checks and routing (`Entry::CitizensOffice`):
//! it was found through the Bürgerbüro, and its user is named as the one who received it.

use uuid::Uuid;
use wifo_domain::{
    ids::InquiryId,
    inquiry::{Inquiry, InquiryCommand, InquiryError, ONLINE_FORM_ACTOR, SubmitInquiry},
    public::route,
    submission::{FoundVia, Reference, SenderData, Submission, refuse_markup},
    values::{
        Address, Code, Email, InvalidValue, OrganizationName, PersonName, Phone, PostalCode,
        RegionCode, Role, Text, Title, UserName,
    },
};
use wifo_store::CommandError;

use crate::{auth::Caller, office::Office};

/// The data-protection notice a sender agrees to, unless the office wrote its own
/// (`datenschutzhinweis.txt` in the data directory). Its first line names its version, which the
/// submission records.
pub const STANDARD_NOTICE: &str = "Datenschutzhinweis der Wirtschaftsförderung (Stand 2026)\nWir verarbeiten Ihre Angaben, um Ihre Anfrage zu beantworten (Art. 6 Abs. 1 lit. a und e DSGVO). Ihre Angaben werden verschlüsselt gespeichert, nur von den zuständigen Mitarbeiterinnen und Mitarbeitern gelesen und gelöscht, wenn sie für die Bearbeitung nicht mehr nötig sind. Sie können Ihre Einwilligung jederzeit widerrufen und Auskunft, Berichtigung oder Löschung verlangen.";

/// The notice the forms show and a submission records: the office's own text or the standard.
pub fn data_protection_notice(office: &Office) -> String {
    std::fs::read_to_string(office.data.path.join("datenschutzhinweis.txt"))
        .ok()
        .filter(|text| !text.trim().is_empty())
        .unwrap_or_else(|| STANDARD_NOTICE.to_owned())
}

/// The longest description the form takes.
pub const DESCRIPTION_MAX_CHARS: usize = 5_000;

/// The form as typed, every field a string (`found_via` as its serde name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InquiryForm {
    pub business: String,
    pub contact: String,
    pub email: String,
    pub phone: String,
    pub street: String,
    pub postal_code: String,
    pub topic: String,
    pub description: String,
    pub found_via: String,
    pub consent: bool,
}

/// Who enters a submission.
#[derive(Clone, Copy, Debug)]
pub enum Entry<'a> {
    /// The business itself, on the public form (says how it found the office).
    Public,
    /// A Bürgerbüro user, for a business at its counter (found via the Bürgerbüro).
    CitizensOffice(&'a Caller),
}

/// Why a submission was not taken.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// Fields to correct, each with a German message; nothing was written.
    #[error("Bitte die markierten Angaben prüfen")]
    Invalid(Vec<(&'static str, String)>),
    #[error("Die Anfrage konnte nicht gespeichert werden")]
    Failed(#[from] CommandError<InquiryError>),
}

/// The checked form.
struct Checked {
    personal: SenderData,
    postal_code: PostalCode,
    topic: Code,
    description: Text,
    found_via: FoundVia,
}

/// Collects each field's refusal, so the sender sees every mistake at once.
#[derive(Default)]
struct Errors(Vec<(&'static str, String)>);

impl Errors {
    fn take<T>(&mut self, field: &'static str, result: Result<T, InvalidValue>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.fail(field, error.to_string());
                None
            }
        }
    }

    fn fail(&mut self, field: &'static str, message: impl Into<String>) {
        if !self.0.iter().any(|(known, _)| *known == field) {
            self.0.push((field, message.into()));
        }
    }
}

fn check(office: &Office, form: &InquiryForm, entry: Entry<'_>) -> Result<Checked, SubmitError> {
    let mut errors = Errors::default();
    for (field, text) in [
        ("business", &form.business),
        ("contact", &form.contact),
        ("street", &form.street),
        ("description", &form.description),
        ("email", &form.email),
        ("phone", &form.phone),
    ] {
        errors.take(field, refuse_markup("Angabe", text));
    }
    let business = errors.take("business", OrganizationName::parse(&form.business));
    let contact = errors.take("contact", PersonName::parse(&form.contact));
    let email = errors.take("email", optional(&form.email, Email::parse));
    let phone = errors.take("phone", optional(&form.phone, Phone::parse));
    let street = errors.take(
        "street",
        optional(&form.street, Title::parse).and_then(|street| match street {
            Some(street) if street.as_str().chars().count() > Address::MAX_STREET => {
                Err(InvalidValue::TooLong {
                    field: "Straße",
                    max: Address::MAX_STREET,
                })
            }
            street => Ok(street),
        }),
    );
    let postal_code = errors.take("postal_code", PostalCode::parse(&form.postal_code));
    let description = errors.take("description", Text::parse(&form.description));
    if description.as_ref().is_some_and(|text| {
        text.is_empty() || text.as_str().chars().count() > DESCRIPTION_MAX_CHARS
    }) {
        errors.fail(
            "description",
            "Bitte beschreiben Sie Ihr Anliegen (höchstens 5.000 Zeichen).",
        );
    }
    if matches!((&email, &phone), (Some(None), Some(None))) {
        errors.fail(
            "email",
            "Bitte E-Mail-Adresse oder Telefonnummer angeben, damit wir antworten können.",
        );
    }
    let topic = Code::parse(&form.topic).ok().filter(|topic| {
        let views = office.projections.read();
        wifo_projections::queries::guide::topic(&views, topic.as_str()).is_some()
    });
    if topic.is_none() {
        errors.fail("topic", "Bitte ein Thema aus der Liste wählen.");
    }
    let found_via = match entry {
        Entry::CitizensOffice(_) => Some(FoundVia::CitizensOffice),
        Entry::Public => FoundVia::ALL
            .into_iter()
            .find(|via| serde_plain_name(*via) == form.found_via.trim()),
    };
    if found_via.is_none() {
        errors.fail(
            "found_via",
            "Bitte angeben, wie Sie auf uns aufmerksam geworden sind.",
        );
    }
    if !form.consent {
        errors.fail(
            "consent",
            "Ohne Ihre Einwilligung dürfen wir die Anfrage nicht speichern.",
        );
    }
    match (
        business,
        contact,
        email,
        phone,
        street,
        postal_code,
        description,
        topic,
        found_via,
    ) {
        (
            Some(business),
            Some(contact),
            Some(email),
            Some(phone),
            Some(street),
            Some(postal_code),
            Some(description),
            Some(topic),
            Some(found_via),
        ) if errors.0.is_empty() => Ok(Checked {
            personal: SenderData {
                business,
                contact_person: contact,
                email,
                phone,
                street,
            },
            postal_code,
            topic,
            description,
            found_via,
        }),
        _ => Err(SubmitError::Invalid(errors.0)),
    }
}

fn optional<T>(
    text: &str,
    parse: fn(&str) -> Result<T, InvalidValue>,
) -> Result<Option<T>, InvalidValue> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

/// The serde name of a `FoundVia` (`order_office_brochure`), as the form's options carry it.
pub fn serde_plain_name(via: FoundVia) -> String {
    serde_json::to_value(via)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The region to route by: that of an organization on file with the same name and postal
/// code, if there is exactly one such (an inquiry names no region itself).
fn region_on_file(
    office: &Office,
    business: &OrganizationName,
    postal_code: &PostalCode,
) -> Option<RegionCode> {
    let views = office.projections.read();
    let wanted = business.as_str().to_lowercase();
    let mut found = views.organizations.values().filter(|record| {
        record
            .state
            .name
            .as_ref()
            .is_some_and(|name| name.as_str().to_lowercase() == wanted)
            && record
                .state
                .address
                .as_ref()
                .is_some_and(|address| &address.postal_code == postal_code)
    });
    let first = found.next()?;
    if found.next().is_some() {
        return None;
    }
    first.state.region.clone()
}

/// Takes a submission: checked, routed and received in one append, recording the first line of
/// the data-protection notice the sender agreed to. Answers the reference the sender is shown.
pub async fn submit(
    office: &Office,
    form: &InquiryForm,
    today: chrono::NaiveDate,
    entry: Entry<'_>,
) -> Result<Reference, SubmitError> {
    let notice = data_protection_notice(office);
    let checked = check(office, form, entry)?;
    let region = region_on_file(office, &checked.personal.business, &checked.postal_code);
    let assignee = {
        let views = office.projections.read();
        let rules = views.public.rules();
        route(&rules, Some(&checked.topic), region.as_ref())
            .filter(|login| {
                views
                    .users
                    .get(login.as_str())
                    .is_some_and(|user| user.status == wifo_domain::user::UserStatus::Active)
            })
            .cloned()
    };
    let inquiry = InquiryId::from(Uuid::now_v7());
    let reference = Reference::of(inquiry);
    let notice = Title::parse(notice.lines().next().unwrap_or_default()).map_err(|error| {
        SubmitError::Invalid(vec![("consent", format!("Datenschutzhinweis: {error}"))])
    })?;
    let command = InquiryCommand::Submit(Box::new(SubmitInquiry {
        inquiry,
        submission: Submission {
            reference: reference.clone(),
            found_via: checked.found_via,
            postal_code: checked.postal_code,
            sender: Uuid::new_v4(),
            consent_notice: notice,
        },
        personal: checked.personal,
        topic: Some(checked.topic),
        description: checked.description,
        received_on: today,
        assignee,
        entered_by: match entry {
            Entry::CitizensOffice(caller) => Some(caller.user.clone()),
            Entry::Public => None,
        },
    }));
    let online_form;
    let caller = match entry {
        Entry::CitizensOffice(caller) => caller,
        Entry::Public => {
            online_form = Caller {
                user: UserName::parse(ONLINE_FORM_ACTOR)
                    .map_err(|error| SubmitError::Invalid(vec![("form", error.to_string())]))?,
                role: Role::Staff,
                csrf_token: None,
                display_name: None,
            };
            &online_form
        }
    };
    office.execute::<Inquiry>(caller, &command, None).await?;
    Ok(reference)
}
