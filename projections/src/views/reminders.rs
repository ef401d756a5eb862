//! Applying reminder events: each reminder's state (folded with the domain's `evolve`) and the
//! index of open reminders by assignee and due day that work lists and calendars read.

use wifo_domain::{
    Decider,
    reminder::{Reminder, ReminderEvent, ReminderStatus},
};

use super::Views;

impl Views {
    pub(super) fn apply_reminder(&mut self, event: &ReminderEvent) {
        let id = event.reminder();
        let state = self.reminders.remove(&id).unwrap_or_default();
        if let (ReminderStatus::Open, Some(assignee), Some(due_on)) =
            (state.status, &state.assignee, state.due_on)
        {
            self.open_reminders.remove(&(assignee.clone(), due_on, id));
        }
        let state = Reminder::evolve(state, event);
        if let (ReminderStatus::Open, Some(assignee), Some(due_on)) =
            (state.status, &state.assignee, state.due_on)
        {
            self.open_reminders.insert((assignee.clone(), due_on, id));
        }
        self.reminders.insert(id, state);
    }
}
