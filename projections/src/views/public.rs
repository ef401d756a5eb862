//! What the office publishes, as the public pages and the admin forms read it: each topic's
//! Handreichung entry, each office's contact details, and the contact details staff members
//! chose to publish. The routing rules are derived from the topic entries (`rules`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wifo_domain::{
    public::{
        PublicEvent, PublishContact, RoutingRule, WriteGuideOffice, WriteGuideTopic, rules_of,
    },
    values::Code,
};

use super::Views;

/// The `public` streams folded: the latest write of each entry.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PublicView {
    pub topics: BTreeMap<Code, WriteGuideTopic>,
    pub offices: BTreeMap<Code, WriteGuideOffice>,
    /// By login name: staff members whose publication stands.
    pub staff: BTreeMap<String, PublishContact>,
}

impl PublicView {
    /// The routing rules of every topic entry, public or not (an inquiry may be routed by a
    /// topic the Handreichung does not show).
    pub fn rules(&self) -> Vec<RoutingRule> {
        rules_of(self.topics.values())
    }
}

impl Views {
    pub(super) fn apply_public(&mut self, event: &PublicEvent) {
        use PublicEvent as E;
        let public = &mut self.public;
        match event {
            E::TopicWritten {
                topic,
                guidance,
                offices,
                responsible,
                public: shown,
            } => {
                public.topics.insert(
                    topic.clone(),
                    WriteGuideTopic {
                        topic: topic.clone(),
                        guidance: guidance.clone(),
                        offices: offices.clone(),
                        responsible: responsible.clone(),
                        public: *shown,
                    },
                );
            }
            E::OfficeWritten {
                office,
                address,
                phone,
                email,
                website,
                hours,
                public: shown,
            } => {
                public.offices.insert(
                    office.clone(),
                    WriteGuideOffice {
                        office: office.clone(),
                        address: address.clone(),
                        phone: phone.clone(),
                        email: email.clone(),
                        website: website.clone(),
                        hours: hours.clone(),
                        public: *shown,
                    },
                );
            }
            E::ContactPublished { user, phone, email } => {
                public.staff.insert(
                    user.to_string(),
                    PublishContact {
                        user: user.clone(),
                        phone: phone.clone(),
                        email: email.clone(),
                    },
                );
            }
            E::ContactWithdrawn { user } => {
                public.staff.remove(user.as_str());
            }
        }
    }
}
