//! Edits of the time budget and the time log.

use super::Plan;
use super::command::CommandError;

/// An edit of the time categories or the logged hours.
#[derive(Clone, Debug, PartialEq)]
pub enum TimeCommand {}

impl Plan {
    pub(crate) fn apply_time(&mut self, command: &TimeCommand) -> Result<bool, CommandError> {
        match *command {}
    }
}
