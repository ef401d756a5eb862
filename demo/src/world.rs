//! What the generators know about the demo office while they write its story: the businesses
//! with the days they are active, the persons and their consents, the district office, chambers
//! and associations, and the inquiry topics seen so far (for the retreat's statistics). Later
//! generators read what earlier ones decided, so a visit only goes to a business that exists on
//! that day, with people who work there then.

use chrono::NaiveDate;
use wifo_domain::{
    ids::{OrganizationId, PersonId},
    organization::{OrganizationKind, Profile},
    values::SizeClass,
};

use super::{
    calendar::Calendar,
    names::LegalForm,
    places::{Area, ShoppingStreet},
    regions::RegionSet,
    sectors::Sector,
    staff::{Login, Staff},
};

/// A business of the district (company or sole trader).
#[derive(Clone, Debug)]
pub(crate) struct Business {
    pub id: OrganizationId,
    pub name: String,
    pub surname: Option<&'static str>,
    pub domain: String,
    pub kind: OrganizationKind,
    pub sector: &'static Sector,
    pub size: SizeClass,
    pub legal_form: LegalForm,
    pub profile: Profile,
    pub area: &'static Area,
    pub street: &'static str,
    pub registered_on: NaiveDate,
    /// Set when the business closes; it is active until the day before.
    pub closed_on: Option<NaiveDate>,
    /// The account manager it was given at registration.
    pub manager: Login,
    /// Membership in the Wirtschaftskreis: from, until.
    pub network: Option<(NaiveDate, Option<NaiveDate>)>,
    /// Indices into [`World::persons`].
    pub persons: Vec<usize>,
}

impl Business {
    pub(crate) fn active_on(&self, day: NaiveDate) -> bool {
        day >= self.registered_on && self.closed_on.is_none_or(|closed| day < closed)
    }

    /// The days of `[from, until]` on which it is active, if any.
    pub(crate) fn active_within(
        &self,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let from = from.max(self.registered_on);
        let until = match self.closed_on {
            Some(closed) => until.min(super::calendar::sub_days(closed, 1)),
            None => until,
        };
        (from <= until).then_some((from, until))
    }

    pub(crate) fn network_member_on(&self, day: NaiveDate) -> bool {
        self.network
            .is_some_and(|(from, until)| day >= from && until.is_none_or(|until| day < until))
    }

    /// Head count at least ten.
    pub(crate) fn is_larger(&self) -> bool {
        self.size >= SizeClass::From10To19
    }
}

/// A contact person as far as other generators care: where, when, and whether they may be
/// invited.
#[derive(Clone, Debug)]
pub(crate) struct PersonRecord {
    pub id: PersonId,
    pub organization: OrganizationId,
    /// Index into [`World::businesses`], `None` for people of chambers and associations.
    pub business: Option<usize>,
    pub from: NaiveDate,
    /// Unlinked or erased from this day on.
    pub until: Option<NaiveDate>,
    /// The consent to invitations, from this day on.
    pub invitations_from: Option<NaiveDate>,
}

impl PersonRecord {
    pub(crate) fn active_on(&self, day: NaiveDate) -> bool {
        day >= self.from && self.until.is_none_or(|until| day < until)
    }

    pub(crate) fn invitable_on(&self, day: NaiveDate) -> bool {
        self.active_on(day) && self.invitations_from.is_some_and(|from| day >= from)
    }
}

/// The organizations that are not businesses of the district.
#[derive(Clone, Debug)]
pub(crate) struct Specials {
    /// The district office itself: Bezirksamt Pankow, Wirtschaftsförderung.
    pub office: OrganizationId,
    pub ihk: OrganizationId,
    pub hwk: OrganizationId,
    /// Wirtschaftskreis Pankow e.V., the cooperation partner.
    pub network: OrganizationId,
    pub streets: Vec<(OrganizationId, &'static ShoppingStreet)>,
}

#[derive(Debug)]
pub(crate) struct World {
    pub calendar: Calendar,
    pub staff: Staff,
    pub regions: RegionSet,
    pub specials: Specials,
    pub businesses: Vec<Business>,
    pub persons: Vec<PersonRecord>,
    /// Duplicates registered and merged.
    pub duplicates: usize,
    /// Day and topic family of every inquiry received up to today.
    pub inquiry_topics: Vec<(NaiveDate, &'static str)>,
}

impl World {
    /// Whoever does the work of the business's account manager on that day.
    pub(crate) fn manager_on(&self, business: &Business, day: NaiveDate) -> Login {
        self.staff.stand_in(business.manager, day)
    }

    /// The business's people on that day.
    pub(crate) fn persons_of(&self, business: &Business, day: NaiveDate) -> Vec<PersonId> {
        business
            .persons
            .iter()
            .filter_map(|&i| self.persons.get(i))
            .filter(|person| person.active_on(day))
            .map(|person| person.id)
            .collect()
    }

    /// Indices of the businesses active on that day.
    pub(crate) fn active_on(&self, day: NaiveDate) -> Vec<usize> {
        (0..self.businesses.len())
            .filter(|&i| self.businesses[i].active_on(day))
            .collect()
    }
}
