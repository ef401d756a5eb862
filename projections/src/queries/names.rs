//! The German names a person reads instead of codes: topics, offices, regions, WZ sectors and the
//! leadership at visits by
//! their taxonomy entry, staff by their display name, organizations by their current name. One
//! lookup for every page, report line and export, kept current by the taxonomy, user and
//! organization events the views apply. A code nobody defined is shown as it is, so nothing
//! recorded disappears from a page.

use wifo_domain::ids::OrganizationId;

use crate::views::Views;

/// Names over the views; borrow it for the length of one page.
#[derive(Clone, Copy, Debug)]
pub struct Names<'a> {
    views: &'a Views,
}

impl Views {
    /// The name lookup over these views.
    pub fn names(&self) -> Names<'_> {
        Names { views: self }
    }
}

impl<'a> Names<'a> {
    fn entry(&self, kind: &str, code: &str) -> Option<&'a str> {
        self.views
            .taxonomies
            .get(kind)
            .and_then(|taxonomy| taxonomy.entries.get(code))
            .map(|entry| entry.name.as_str())
    }

    fn or_code(name: Option<&str>, code: &str) -> String {
        name.unwrap_or(code).to_owned()
    }

    /// A topic's name (`energie.kosten` → „Energiekosten“).
    pub fn topic(&self, code: &str) -> String {
        Self::or_code(self.entry("topics", code), code)
    }

    /// Topics as one comma-separated line of names.
    pub fn topics<C: AsRef<str>>(&self, codes: &[C]) -> String {
        codes
            .iter()
            .map(|code| self.topic(code.as_ref()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The leadership who took part in a visit as one line of names
    /// (`buergermeister, senator` → „Bürgermeister/in, Senator/in“).
    pub fn leadership<C: AsRef<str>>(&self, codes: &[C]) -> String {
        codes
            .iter()
            .map(|code| Self::or_code(self.entry("leadership", code.as_ref()), code.as_ref()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// An office's name (`bauamt` → „Bau- und Wohnungsaufsichtsamt“).
    pub fn office(&self, code: &str) -> String {
        Self::or_code(self.entry("offices", code), code)
    }

    /// A region's name (`03601142` → „Prenzlauer Berg Nordwest“).
    pub fn region(&self, code: &str) -> String {
        Self::or_code(self.entry("regions", code), code)
    }

    /// A WZ 2008 code with its title (`10.71` → „10.71 Herstellung von Backwaren …“).
    pub fn sector(&self, code: &str) -> String {
        match self.entry("sectors", code) {
            Some(name) => format!("{code} {name}"),
            None => code.to_owned(),
        }
    }

    /// A staff member's display name, or the login where none was given.
    pub fn staff(&self, login: &str) -> String {
        if login == wifo_domain::inquiry::ONLINE_FORM_ACTOR {
            return wifo_domain::contact::Channel::OnlineForm.label().to_owned();
        }
        self.views
            .users
            .get(login)
            .and_then(|user| user.display_name.as_ref())
            .map_or_else(|| login.to_owned(), |name| name.to_string())
    }

    /// Staff as one comma-separated line of display names.
    pub fn staff_list<C: AsRef<str>>(&self, logins: &[C]) -> String {
        logins
            .iter()
            .map(|login| self.staff(login.as_ref()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Organizations as one comma-separated line of their names.
    pub fn organizations<'b>(&self, ids: impl IntoIterator<Item = &'b OrganizationId>) -> String {
        ids.into_iter()
            .map(|id| self.organization(id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// An organization's current name, or its id where it is not (or no longer) known.
    pub fn organization(&self, id: &OrganizationId) -> String {
        self.views
            .organizations
            .get(id)
            .and_then(|record| record.state.name.as_ref())
            .map_or_else(|| id.to_string(), |name| name.to_string())
    }
}
