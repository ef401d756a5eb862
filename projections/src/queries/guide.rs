//! The public face as businesses read it: the Handreichung (public topics with their guidance,
//! the responsible offices' public contact details and the responsible staff who published
//! theirs) and the Ansprechpartner (staff who published their contact details, with the topics
//! and regions they answer). Only what a write marked public appears; a staff member appears
//! only while their own publication stands and their account is active.

use serde::Serialize;
use wifo_domain::{
    public::{RoutingRule, WriteGuideOffice, WriteGuideTopic},
    user::UserStatus,
};

use crate::views::Views;

/// An office as the Handreichung prints it.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ShownOffice {
    pub code: String,
    pub name: String,
    pub address: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: String,
}

/// A staff member who published their contact details.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ShownPerson {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub topic_names: Vec<String>,
    pub region_names: Vec<String>,
}

/// One topic of the Handreichung.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ShownTopic {
    pub code: String,
    pub name: String,
    pub guidance: String,
    pub offices: Vec<ShownOffice>,
    pub people: Vec<ShownPerson>,
}

fn topic_is_public(views: &Views, entry: &WriteGuideTopic) -> bool {
    entry.public
        && views
            .taxonomies
            .get("topics")
            .and_then(|topics| topics.entries.get(entry.topic.as_str()))
            .is_some_and(|defined| !defined.retired)
}

fn shown_office(views: &Views, office: &WriteGuideOffice) -> ShownOffice {
    ShownOffice {
        code: office.office.to_string(),
        name: views.names().office(office.office.as_str()),
        address: office.address.to_string(),
        phone: office.phone.as_ref().map(ToString::to_string),
        email: office.email.as_ref().map(ToString::to_string),
        website: office.website.as_ref().map(ToString::to_string),
        hours: office.hours.to_string(),
    }
}

/// The staff member behind `login`, if their publication stands and their account is active.
fn published(views: &Views, login: &str, rules: &[RoutingRule]) -> Option<ShownPerson> {
    let contact = views.public.staff.get(login)?;
    let active = views
        .users
        .get(login)
        .is_some_and(|user| user.status == UserStatus::Active);
    if !active {
        return None;
    }
    let names = views.names();
    let mut topics = Vec::new();
    let mut regions = Vec::new();
    for rule in rules.iter().filter(|rule| rule.assignee.as_str() == login) {
        if let Some(topic) = &rule.topic {
            let public = views
                .public
                .topics
                .get(topic)
                .is_some_and(|entry| topic_is_public(views, entry));
            if public {
                push_new(&mut topics, names.topic(topic.as_str()));
            }
        }
        if let Some(region) = &rule.region {
            push_new(&mut regions, names.region(region.as_str()));
        }
    }
    Some(ShownPerson {
        name: names.staff(login),
        phone: contact.phone.as_ref().map(ToString::to_string),
        email: contact.email.as_ref().map(ToString::to_string),
        topic_names: topics,
        region_names: regions,
    })
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The public topic `code`, or `None` if it is not public.
pub fn topic(views: &Views, code: &str) -> Option<ShownTopic> {
    let entry = views
        .public
        .topics
        .iter()
        .find(|(topic, _)| topic.as_str() == code)
        .map(|(_, entry)| entry)?;
    if !topic_is_public(views, entry) {
        return None;
    }
    let rules = views.public.rules();
    let offices = entry
        .offices
        .iter()
        .filter_map(|office| views.public.offices.get(office))
        .filter(|office| office.public)
        .map(|office| shown_office(views, office))
        .collect();
    let mut people: Vec<ShownPerson> = Vec::new();
    for row in &entry.responsible {
        if let Some(person) = published(views, row.staff.as_str(), &rules)
            && !people.iter().any(|known| known.name == person.name)
        {
            people.push(person);
        }
    }
    Some(ShownTopic {
        code: entry.topic.to_string(),
        name: views.names().topic(entry.topic.as_str()),
        guidance: entry.guidance.to_string(),
        offices,
        people,
    })
}

/// Every public topic, by name.
pub fn guide(views: &Views) -> Vec<ShownTopic> {
    let mut topics: Vec<ShownTopic> = views
        .public
        .topics
        .keys()
        .filter_map(|code| topic(views, code.as_str()))
        .collect();
    topics.sort_by(|a, b| a.name.cmp(&b.name));
    topics
}

/// Every staff member who published their contact details, by name.
pub fn people(views: &Views) -> Vec<ShownPerson> {
    let rules = views.public.rules();
    let mut people: Vec<ShownPerson> = views
        .public
        .staff
        .keys()
        .filter_map(|login| published(views, login, &rules))
        .collect();
    people.sort_by(|a, b| a.name.cmp(&b.name));
    people
}

#[cfg(test)]
#[path = "guide_tests.rs"]
mod tests;
