//! The window's contents: one file per tab, plus small shared widgets. Tabs
//! read the plan through a [`PlanView`] and emit commands; they never change
//! the plan themselves.

pub mod budget;
pub mod ledger;
pub mod merge;
pub mod metrics;
pub mod overview;
pub mod shared;
pub mod swimlanes;
pub mod time;
pub mod top_bar;
pub mod widgets;

use chrono::NaiveDate;

use crate::model::Plan;
use crate::model::calendar::{IsoWeek, YearMonth};
use crate::model::derived::Derived;

/// The five tabs of the window, in the order of Ctrl+1…5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    #[default]
    Overview,
    Swimlanes,
    Time,
    Budget,
    MetricsReviews,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Swimlanes,
        Tab::Time,
        Tab::Budget,
        Tab::MetricsReviews,
    ];

    pub fn from_index(index: usize) -> Option<Tab> {
        Tab::ALL.get(index).copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Swimlanes => "Swimlanes",
            Tab::Time => "Time",
            Tab::Budget => "Budget",
            Tab::MetricsReviews => "Metrics & reviews",
        }
    }
}

/// A random starting point for a new id. Ids of new tasks, blocks and lanes
/// are drawn at random (then checked for clashes) so that two people adding
/// tasks to copies of the same plan file do not pick the same id, and the
/// copies still merge.
pub fn fresh_id_candidate() -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    // RandomState is seeded from the OS. All 64 bits: two machines that
    // each add thousands of entries to copies of one plan must not pick the
    // same id, or the merge would take two entries for one.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u8(0);
    hasher.finish()
}

/// What a tab needs to draw itself.
pub struct PlanView<'a> {
    pub plan: &'a Plan,
    pub derived: &'a Derived,
    pub today: NaiveDate,
    /// Changes whenever the plan does, so tabs can cache what they derive.
    pub revision: u64,
}

impl PlanView<'_> {
    pub fn this_week(&self) -> IsoWeek {
        IsoWeek::of(self.today)
    }

    pub fn this_month(&self) -> YearMonth {
        YearMonth::of(self.today)
    }

    pub fn money(&self, cents: i64) -> String {
        crate::model::format::format_cents(cents, &self.plan.currency_symbol)
    }
}
