//! The demo office as a plan: every write is a command of one decider, dated on the simulated day
//! it happened and signed by the staff member who did it. The generators fill the plan first (a
//! pure function of the seed); the executor then sends it through the deciders. Steps dated after
//! "today" are dropped as they are pushed: what is due later stays planned, and because each
//! stream's steps are pushed in date order, the kept steps of a stream are always a valid prefix.

use chrono::NaiveDate;
use rand::{Rng, SeedableRng, rngs::SmallRng};
use uuid::Uuid;
use wifo_domain::{
    Decider,
    contact::{Contact, ContactCommand},
    cooperation::{Cooperation, CooperationCommand},
    gathering::{Gathering, GatheringCommand},
    ids::{InquiryId, PersonId},
    inquiry::{Inquiry, InquiryCommand},
    organization::{Organization, OrganizationCommand},
    person::{ErasureReason, Person, PersonCommand},
    public::{Public, PublicCommand},
    reminder::{Reminder, ReminderCommand},
    retreat::{Retreat, RetreatCommand},
    stream_name,
    taxonomy::{Taxonomy, TaxonomyCommand},
    user::{User, UserCommand},
    values::{Code, Text, Title, UserName},
    visit::{Visit, VisitCommand},
};

/// The actor of steps no staff member did: the initial import of the office's old records.
pub(crate) const DEMO_ACTOR: &str = "demo";

/// A new id of any typed kind, drawn from the rng so a seed always gives the same ids.
pub(crate) fn new_id<T: From<Uuid>>(rng: &mut SmallRng) -> T {
    T::from(uuid::Builder::from_random_bytes(rng.random()).into_uuid())
}

/// A title from the demo's own text, which is never empty nor longer than a title may be.
pub(crate) fn title(text: &str) -> Title {
    Title::parse(text).unwrap_or_else(|_| unreachable!("demo title „{text}“ is valid"))
}

/// Free text from the demo's own sentences.
pub(crate) fn text(text: &str) -> Text {
    Text::parse(text).unwrap_or_default()
}

/// A login name from the demo's team table (a unit test checks every one).
pub(crate) fn user(login: &str) -> UserName {
    UserName::parse(login).unwrap_or_else(|_| unreachable!("demo login {login} is valid"))
}

/// A topic or office code from the default taxonomies (a unit test checks every one).
pub(crate) fn code(slug: &str) -> Code {
    Code::parse(slug).unwrap_or_else(|_| unreachable!("demo code {slug} is valid"))
}

/// One command of one decider, or the erasure workflow (which also deletes a key).
#[derive(Clone, Debug)]
pub(crate) enum Action {
    Organization(OrganizationCommand),
    Person(PersonCommand),
    Visit(VisitCommand),
    Contact(ContactCommand),
    Inquiry(InquiryCommand),
    Cooperation(CooperationCommand),
    Gathering(GatheringCommand),
    Retreat(RetreatCommand),
    Reminder(ReminderCommand),
    Taxonomy(TaxonomyCommand),
    User(UserCommand),
    Public(PublicCommand),
    ErasePerson {
        person: PersonId,
        reason: ErasureReason,
    },
    /// The erasure of a public-form sender (also deletes their key).
    EraseSender {
        inquiry: InquiryId,
        reason: ErasureReason,
    },
}

macro_rules! action_from {
    ($($variant:ident($command:ty)),* $(,)?) => {
        $(impl From<$command> for Action {
            fn from(command: $command) -> Self {
                Action::$variant(command)
            }
        })*
    };
}

action_from!(
    Organization(OrganizationCommand),
    Person(PersonCommand),
    Visit(VisitCommand),
    Contact(ContactCommand),
    Inquiry(InquiryCommand),
    Cooperation(CooperationCommand),
    Gathering(GatheringCommand),
    Retreat(RetreatCommand),
    Reminder(ReminderCommand),
    Taxonomy(TaxonomyCommand),
    User(UserCommand),
    Public(PublicCommand),
);

impl Action {
    /// The stream the action writes to.
    pub(crate) fn stream(&self) -> String {
        fn of<D: Decider>(command: &D::Command) -> String {
            stream_name::<D>(&D::stream_id(command))
        }
        match self {
            Action::Organization(c) => of::<Organization>(c),
            Action::Person(c) => of::<Person>(c),
            Action::Visit(c) => of::<Visit>(c),
            Action::Contact(c) => of::<Contact>(c),
            Action::Inquiry(c) => of::<Inquiry>(c),
            Action::Cooperation(c) => of::<Cooperation>(c),
            Action::Gathering(c) => of::<Gathering>(c),
            Action::Retreat(c) => of::<Retreat>(c),
            Action::Reminder(c) => of::<Reminder>(c),
            Action::Taxonomy(c) => of::<Taxonomy>(c),
            Action::User(c) => of::<User>(c),
            Action::Public(c) => of::<Public>(c),
            Action::ErasePerson { person, .. } => stream_name::<Person>(&person.to_string()),
            Action::EraseSender { inquiry, .. } => stream_name::<Inquiry>(&inquiry.to_string()),
        }
    }
}

/// One dated, signed action.
#[derive(Clone, Debug)]
pub(crate) struct Step {
    pub date: NaiveDate,
    pub actor: String,
    pub correlation: Uuid,
    pub action: Action,
}

/// The steps of the whole office, in the order the generators pushed them.
#[derive(Debug)]
pub(crate) struct Plan {
    today: NaiveDate,
    steps: Vec<Step>,
    correlations: SmallRng,
}

impl Plan {
    pub(crate) fn new(today: NaiveDate, seed: u64) -> Self {
        Self {
            today,
            steps: Vec::new(),
            correlations: SmallRng::seed_from_u64(seed ^ 0x5eed_c0de),
        }
    }

    /// Adds a step; returns `false` (and drops it) if it lies after today.
    pub(crate) fn push(&mut self, date: NaiveDate, actor: &str, action: impl Into<Action>) -> bool {
        if date > self.today {
            return false;
        }
        let correlation = new_id(&mut self.correlations);
        self.steps.push(Step {
            date,
            actor: actor.to_owned(),
            correlation,
            action: action.into(),
        });
        true
    }

    /// Adds the steps of one stream after sorting them by date (stable, so same-day steps keep
    /// their order); stops at the first step after today.
    pub(crate) fn push_stream(&mut self, mut steps: Vec<(NaiveDate, String, Action)>) {
        steps.sort_by_key(|(date, _, _)| *date);
        for (date, actor, action) in steps {
            if !self.push(date, &actor, action) {
                break;
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.steps.len()
    }

    pub(crate) fn into_steps(self) -> Vec<Step> {
        self.steps
    }
}
