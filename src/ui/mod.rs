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
pub mod timer;
pub mod top_bar;
pub mod widgets;

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::Plan;
use crate::model::calendar::{IsoWeek, YearMonth};
use crate::model::derived::Derived;
use crate::model::timer::Running;

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
    /// The local date and time, for the running timer; `today` is its date.
    pub now: NaiveDateTime,
    /// What the running timer has run so far, if one runs.
    pub running: Option<Running>,
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

    /// Hours of `category` (or of all, with `None`) this week and today,
    /// with what the running timer adds, and whether it adds anything.
    pub fn hours_now(&self, category: Option<crate::model::CategoryId>) -> HoursNow {
        let weekly = &self.derived.weekly_hours;
        let week = self.this_week();
        let (logged_week, logged_today) = match category {
            Some(id) => (weekly.hours(week, id), weekly.day_hours(self.today, id)),
            None => (weekly.total(week), weekly.day_total(self.today)),
        };
        let running = self
            .running
            .filter(|running| category.is_none_or(|id| id == running.category));
        HoursNow {
            week: logged_week + running.map_or(0.0, |r| r.week_hours()),
            today: logged_today + running.map_or(0.0, |r| r.today_hours()),
            running: running.is_some(),
        }
    }

    pub fn money(&self, cents: i64) -> String {
        crate::model::format::format_cents(cents, &self.plan.currency_symbol)
    }
}

/// This week's and today's hours, counting the running timer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HoursNow {
    pub week: f64,
    pub today: f64,
    /// The running timer counts towards these figures.
    pub running: bool,
}
