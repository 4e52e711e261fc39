//! Edits of the money budget and the expenses.

use super::Plan;
use super::command::CommandError;

/// An edit of the budget lines or the expenses.
#[derive(Clone, Debug, PartialEq)]
pub enum MoneyCommand {}

impl Plan {
    pub(crate) fn apply_money(&mut self, command: &MoneyCommand) -> Result<bool, CommandError> {
        match *command {}
    }
}
