//! The `reminder` stream: a follow-up (Wiedervorlage) that stands on its own — a task for a staff
//! member, due on a day, about an organization, an inquiry or a cooperation. It can be changed
//! (task, assignee, due day), completed, or withdrawn when it was set by mistake or is no longer
//! needed. A follow-up left by a visit lives in the `visit` stream; work lists and calendars show
//! both alike.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    dates::BusinessDate,
    decider::{Decider, DomainEvent},
    ids::{CooperationId, InquiryId, OrganizationId, ReminderId},
    values::{Text, Title, UserName},
};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReminderError {
    #[error("Die Wiedervorlage gibt es bereits")]
    AlreadySet,
    #[error("Die Wiedervorlage gibt es nicht")]
    NotSet,
    #[error("Die Wiedervorlage ist bereits erledigt")]
    AlreadyCompleted,
    #[error("Die Wiedervorlage wurde zurückgezogen")]
    Withdrawn,
}

// ---------------------------------------------------------------------------------------------
// Values

/// What a reminder is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReminderSubject {
    Organization(OrganizationId),
    Inquiry(InquiryId),
    Cooperation(CooperationId),
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetReminder {
    pub reminder: ReminderId,
    pub about: ReminderSubject,
    pub task: Title,
    pub assignee: UserName,
    pub due_on: NaiveDate,
}

/// Replaces task, assignee and due day of an open reminder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChangeReminder {
    pub reminder: ReminderId,
    pub task: Title,
    pub assignee: UserName,
    pub due_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CompleteReminder {
    pub reminder: ReminderId,
    pub completed_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WithdrawReminder {
    pub reminder: ReminderId,
    pub withdrawn_on: NaiveDate,
    pub reason: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum ReminderCommand {
    Set(SetReminder),
    Change(ChangeReminder),
    Complete(CompleteReminder),
    Withdraw(WithdrawReminder),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum ReminderEvent {
    #[serde(rename = "ReminderSet")]
    Set {
        reminder: ReminderId,
        about: ReminderSubject,
        task: Title,
        assignee: UserName,
        due_on: NaiveDate,
    },
    #[serde(rename = "ReminderChanged")]
    Changed {
        reminder: ReminderId,
        task: Title,
        assignee: UserName,
        due_on: NaiveDate,
    },
    #[serde(rename = "ReminderCompleted")]
    Completed {
        reminder: ReminderId,
        completed_on: NaiveDate,
    },
    #[serde(rename = "ReminderWithdrawn")]
    Withdrawn {
        reminder: ReminderId,
        withdrawn_on: NaiveDate,
        reason: Text,
    },
}

impl ReminderEvent {
    /// The reminder the event is about.
    pub fn reminder(&self) -> ReminderId {
        match self {
            Self::Set { reminder, .. }
            | Self::Changed { reminder, .. }
            | Self::Completed { reminder, .. }
            | Self::Withdrawn { reminder, .. } => *reminder,
        }
    }
}

impl DomainEvent for ReminderEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "ReminderSet",
        "ReminderChanged",
        "ReminderCompleted",
        "ReminderWithdrawn",
    ];
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum ReminderStatus {
    #[default]
    Unset,
    Open,
    Completed,
    Withdrawn,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReminderState {
    pub status: ReminderStatus,
    pub about: Option<ReminderSubject>,
    pub task: Option<Title>,
    pub assignee: Option<UserName>,
    pub due_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub withdrawn_on: Option<NaiveDate>,
}

/// The decider of the `reminder` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Reminder;

impl Decider for Reminder {
    const CATEGORY: &'static str = "reminder";
    type Command = ReminderCommand;
    type Event = ReminderEvent;
    type State = ReminderState;
    type Error = ReminderError;

    fn stream_id(command: &ReminderCommand) -> String {
        use ReminderCommand as C;
        let id = match command {
            C::Set(c) => c.reminder,
            C::Change(c) => c.reminder,
            C::Complete(c) => c.reminder,
            C::Withdraw(c) => c.reminder,
        };
        id.to_string()
    }

    fn evolve(mut state: ReminderState, event: &ReminderEvent) -> ReminderState {
        use ReminderEvent as E;
        match event {
            E::Set {
                about,
                task,
                assignee,
                due_on,
                ..
            } => {
                state.status = ReminderStatus::Open;
                state.about = Some(*about);
                state.task = Some(task.clone());
                state.assignee = Some(assignee.clone());
                state.due_on = Some(*due_on);
            }
            E::Changed {
                task,
                assignee,
                due_on,
                ..
            } => {
                state.task = Some(task.clone());
                state.assignee = Some(assignee.clone());
                state.due_on = Some(*due_on);
            }
            E::Completed { completed_on, .. } => {
                state.status = ReminderStatus::Completed;
                state.completed_on = Some(*completed_on);
            }
            E::Withdrawn { withdrawn_on, .. } => {
                state.status = ReminderStatus::Withdrawn;
                state.withdrawn_on = Some(*withdrawn_on);
            }
        }
        state
    }

    fn dates(command: &Self::Command) -> Vec<BusinessDate> {
        use ReminderCommand as C;
        match command {
            C::Set(c) => vec![BusinessDate::planned("Wiedervorlage fällig am", c.due_on)],
            C::Change(c) => vec![BusinessDate::planned("Wiedervorlage fällig am", c.due_on)],
            C::Complete(c) => vec![BusinessDate::happened("erledigt am", c.completed_on)],
            C::Withdraw(c) => vec![BusinessDate::happened("zurückgezogen am", c.withdrawn_on)],
        }
    }

    fn decide(
        command: &ReminderCommand,
        state: &ReminderState,
    ) -> Result<Vec<ReminderEvent>, ReminderError> {
        use ReminderCommand as C;
        use ReminderEvent as E;
        if let C::Set(c) = command {
            if state.status != ReminderStatus::Unset {
                return Err(ReminderError::AlreadySet);
            }
            return Ok(vec![E::Set {
                reminder: c.reminder,
                about: c.about,
                task: c.task.clone(),
                assignee: c.assignee.clone(),
                due_on: c.due_on,
            }]);
        }
        match state.status {
            ReminderStatus::Unset => return Err(ReminderError::NotSet),
            ReminderStatus::Completed => return Err(ReminderError::AlreadyCompleted),
            ReminderStatus::Withdrawn => return Err(ReminderError::Withdrawn),
            ReminderStatus::Open => {}
        }
        let event = match command {
            C::Set(_) => return Err(ReminderError::AlreadySet),
            C::Change(c) => {
                let unchanged = state.task.as_ref() == Some(&c.task)
                    && state.assignee.as_ref() == Some(&c.assignee)
                    && state.due_on == Some(c.due_on);
                if unchanged {
                    return Ok(vec![]);
                }
                E::Changed {
                    reminder: c.reminder,
                    task: c.task.clone(),
                    assignee: c.assignee.clone(),
                    due_on: c.due_on,
                }
            }
            C::Complete(c) => E::Completed {
                reminder: c.reminder,
                completed_on: c.completed_on,
            },
            C::Withdraw(c) => E::Withdrawn {
                reminder: c.reminder,
                withdrawn_on: c.withdrawn_on,
                reason: c.reason.clone(),
            },
        };
        Ok(vec![event])
    }

    fn retry_on_conflict(command: &ReminderCommand) -> bool {
        // A change replaces what the user saw; redoing it on fresh state could silently undo
        // someone else's change.
        !matches!(command, ReminderCommand::Change(_))
    }
}

#[cfg(test)]
#[path = "reminder_tests.rs"]
mod tests;
