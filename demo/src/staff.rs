//! The people of the demo office and their user accounts: six account managers
//! (Bestandsbetreuung) split by Ortsteil, the head of department, a planner, an admin, the
//! data-protection officer and the Bürgerbüro's account, which enters the inquiries it forwards. Their
//! story over the years gives every user event: one account manager moves to planning (role
//! change, her businesses go to a new colleague), another is away on parental leave (deactivated
//! and reactivated); while she is away, colleagues stand in.

use chrono::NaiveDate;
use wifo_domain::{
    user::{ChangeUserRole, CreateUser, DeactivateUser, ReactivateUser, UserCommand},
    values::Role,
};

use super::{
    calendar::Calendar,
    plan::{DEMO_ACTOR, Plan, title, user},
};

pub(crate) type Login = &'static str;

pub(crate) const LEAD: Login = "d.krause";
pub(crate) const PLANNER: Login = "s.richter";
pub(crate) const ADMIN: Login = "p.lehmann";
/// The Bürgerbüro's account: enters the inquiries it forwards.
pub(crate) const CITIZENS_OFFICE: Login = "b.weber";
/// The data-protection officer: access log, access exports, retention, erasure.
pub(crate) const DATA_PROTECTION: Login = "r.vogel";
/// Moves from account management to planning.
const MOVES_TO_PLANNING: Login = "l.wagner";
/// Takes over the businesses of the one who moved.
const SUCCESSOR: Login = "c.schulz";
/// Away on parental leave for a while.
const ON_LEAVE: Login = "j.hoffmann";

/// `(login, display name, role)` of everyone at the start.
const TEAM: &[(Login, &str, Role)] = &[
    (ADMIN, "Peter Lehmann", Role::Admin),
    (LEAD, "Dr. Dirk Krause", Role::Lead),
    (PLANNER, "Sabine Richter", Role::Planner),
    ("a.schneider", "Anja Schneider", Role::Staff),
    ("m.yilmaz", "Mehmet Yılmaz", Role::Staff),
    ("k.nowak", "Katarzyna Nowak", Role::Staff),
    ("t.becker", "Thomas Becker", Role::Staff),
    (ON_LEAVE, "Julia Hoffmann", Role::Staff),
    (MOVES_TO_PLANNING, "Lena Wagner", Role::Staff),
    (
        CITIZENS_OFFICE,
        "Birgit Weber (Bürgerbüro)",
        Role::CitizensOffice,
    ),
    (
        DATA_PROTECTION,
        "Dr. Renate Vogel (Datenschutz)",
        Role::DataProtection,
    ),
];

/// Which account managers look after which postcodes at the start.
const TERRITORIES: &[(&[&str], &[Login])] = &[
    (&["13187", "13189"], &["a.schneider", MOVES_TO_PLANNING]),
    (&["10405", "10435"], &["m.yilmaz", "t.becker"]),
    (&["10437", "10439"], &["k.nowak", "m.yilmaz"]),
    (&["13086", "13088", "13089"], &[ON_LEAVE, "t.becker"]),
];
/// Everything else (the north: Buch, Karow, Buchholz, Blankenburg, Niederschönhausen, Rosenthal).
const NORTH: &[Login] = &[MOVES_TO_PLANNING, "k.nowak", "a.schneider"];

/// The team with the dates that shape who does what when.
#[derive(Clone, Debug)]
pub(crate) struct Staff {
    /// When the account manager moving to planning stops managing (and the successor starts).
    pub handover: NaiveDate,
    /// The parental leave, first and last day away.
    pub leave: (NaiveDate, NaiveDate),
}

impl Staff {
    pub(crate) fn new(calendar: &Calendar) -> Self {
        Self {
            handover: calendar.at_fraction(0.40),
            leave: (calendar.at_fraction(0.45), calendar.at_fraction(0.70)),
        }
    }

    /// The account manager a new business in this postcode gets, on that day.
    pub(crate) fn territory_manager(
        &self,
        postal_code: &str,
        pick: usize,
        day: NaiveDate,
    ) -> Login {
        let candidates = TERRITORIES
            .iter()
            .find(|(codes, _)| codes.contains(&postal_code))
            .map_or(NORTH, |(_, logins)| *logins);
        let chosen = candidates[pick % candidates.len()];
        self.successor_if_moved(chosen, day)
    }

    /// The one doing `login`'s account management on that day: the successor after the handover.
    pub(crate) fn successor_if_moved(&self, login: Login, day: NaiveDate) -> Login {
        if login == MOVES_TO_PLANNING && day >= self.handover {
            SUCCESSOR
        } else {
            login
        }
    }

    /// Who actually does the work of `login` on that day: a colleague while they are away.
    pub(crate) fn stand_in(&self, login: Login, day: NaiveDate) -> Login {
        let login = self.successor_if_moved(login, day);
        if login == ON_LEAVE && (self.leave.0..=self.leave.1).contains(&day) {
            "t.becker"
        } else {
            login
        }
    }

    /// All account managers at work on that day.
    pub(crate) fn account_managers_on(&self, day: NaiveDate) -> Vec<Login> {
        let mut logins: Vec<Login> = TEAM
            .iter()
            .filter(|(_, _, role)| *role == Role::Staff)
            .map(|(login, _, _)| self.stand_in(login, day))
            .collect();
        logins.sort_unstable();
        logins.dedup();
        logins
    }

    /// The planners on that day: after the move there are two.
    pub(crate) fn planners_on(&self, day: NaiveDate) -> Vec<Login> {
        if day >= self.handover {
            vec![PLANNER, MOVES_TO_PLANNING]
        } else {
            vec![PLANNER]
        }
    }

    /// The handover: businesses of `login` managed from this day on by the successor.
    pub(crate) fn handover_of(&self, login: Login) -> Option<(NaiveDate, Login)> {
        (login == MOVES_TO_PLANNING).then_some((self.handover, SUCCESSOR))
    }

    /// The user streams: the team at the start, then the move, the successor, the leave.
    pub(crate) fn push_steps(&self, plan: &mut Plan, calendar: &Calendar) {
        for (i, (login, name, role)) in TEAM.iter().enumerate() {
            let actor = if i == 0 { DEMO_ACTOR } else { ADMIN };
            plan.push(calendar.start, actor, create(login, name, *role));
        }
        plan.push(
            self.handover,
            ADMIN,
            create(SUCCESSOR, "Christian Schulz", Role::Staff),
        );
        plan.push(
            self.handover,
            ADMIN,
            UserCommand::ChangeRole(ChangeUserRole {
                user: user(MOVES_TO_PLANNING),
                role: Role::Planner,
            }),
        );
        plan.push(
            self.leave.0,
            ADMIN,
            UserCommand::Deactivate(DeactivateUser {
                user: user(ON_LEAVE),
            }),
        );
        plan.push(
            super::calendar::add_workdays(self.leave.1, 1),
            ADMIN,
            UserCommand::Reactivate(ReactivateUser {
                user: user(ON_LEAVE),
            }),
        );
    }
}

fn create(login: Login, name: &str, role: Role) -> UserCommand {
    UserCommand::Create(CreateUser {
        user: user(login),
        display_name: title(name),
        role,
    })
}

#[cfg(test)]
#[path = "staff_tests.rs"]
mod tests;
