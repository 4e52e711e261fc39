//! The one timer a plan can have running: what it has run so far, and the
//! entries it leaves when it stops.
//!
//! The timer is part of the plan file, so it survives a restart, a crash and
//! a trip to another machine. Its start is a local date and time, as a
//! person reads it on a clock; "now" always comes from the caller.

use std::collections::{BTreeMap, HashSet};

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::calendar::IsoWeek;
use super::ids::FreshIds;
use super::plan::first_unused_in;
use super::{CategoryId, EntryId, Plan, TimeEntry};

/// A timer running on a category since `started`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    pub category: CategoryId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Local date and time, to the second: `"2026-12-03T09:15:00"`.
    #[serde(with = "local_time")]
    pub started: NaiveDateTime,
}

/// A timer running longer than this when its plan opens was most likely
/// forgotten: the person is asked what to record.
pub const FORGOTTEN_AFTER_SECS: i64 = 12 * 3600;

/// The longest run one stop records: a month. Longer, it is a clock gone
/// wrong or a timer long forgotten, and a day-by-day record of it would be
/// hundreds of 24-hour entries; the person says when it stopped instead.
pub const MAX_RUN_SECS: i64 = 31 * 86_400;

const MINUTES_PER_DAY: i64 = 24 * 60;

impl Timer {
    /// Seconds run by `now`; none for a start later than `now` (a clock set
    /// differently on another machine).
    pub fn elapsed_secs(&self, now: NaiveDateTime) -> i64 {
        (now - self.started).num_seconds().max(0)
    }

    /// Whole minutes run by `now`, as a running clock shows them.
    pub fn elapsed_minutes(&self, now: NaiveDateTime) -> i64 {
        self.elapsed_secs(now) / 60
    }

    pub fn is_forgotten(&self, now: NaiveDateTime) -> bool {
        self.elapsed_secs(now) > FORGOTTEN_AFTER_SECS
    }

    /// The minutes the timer would record if it stopped at `at`, day by day:
    /// the run rounded to the minute, then split at each midnight. The
    /// days' minutes are rounded together (each cut at its running total),
    /// so they add up to the whole run's; a day whose share rounds to
    /// nothing is left out.
    pub fn day_shares(&self, at: NaiveDateTime) -> Vec<DayShare> {
        let secs = self.elapsed_secs(at);
        if !(60..=MAX_RUN_SECS).contains(&secs) {
            return Vec::new();
        }
        let minutes = (secs + 30) / 60;
        let end = self.started + chrono::Duration::minutes(minutes);
        let mut shares = Vec::new();
        let mut day_start = self.started;
        let mut counted_minutes = 0;
        while day_start < end {
            let next_midnight = day_start
                .date()
                .checked_add_days(Days::new(1))
                .map_or(end, |next| next.and_time(NaiveTime::MIN));
            let day_end = next_midnight.min(end);
            let secs_so_far = (day_end - self.started).num_seconds();
            let minutes_so_far = (secs_so_far + 30) / 60;
            let share = minutes_so_far - counted_minutes;
            counted_minutes = minutes_so_far;
            if share > 0 {
                shares.push(DayShare {
                    date: day_start.date(),
                    minutes: share,
                });
            }
            day_start = day_end;
        }
        shares
    }

    /// What the timer has run by `now` on `today` and in its week, for the
    /// "today" and "this week" figures.
    pub fn running(&self, now: NaiveDateTime) -> Running {
        let today = now.date();
        // Whole minutes from whichever is later, the start or the midnight
        // that began the day (or the week), as the running clock counts
        // them; a stop rounds to the nearest minute.
        let minutes_since = |from: NaiveDate| {
            let from = from.and_time(NaiveTime::MIN).max(self.started);
            (now - from).num_seconds().max(0) / 60
        };
        Running {
            category: self.category,
            elapsed_minutes: self.elapsed_minutes(now),
            today_minutes: minutes_since(today),
            week_minutes: minutes_since(IsoWeek::of(today).monday()),
        }
    }
}

/// One day's minutes of a timer's run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayShare {
    pub date: NaiveDate,
    pub minutes: i64,
}

/// A running timer's figures at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Running {
    pub category: CategoryId,
    /// Whole minutes since it started, as its clock shows them.
    pub elapsed_minutes: i64,
    /// The minutes it would record on today's date, and in this ISO week.
    pub today_minutes: i64,
    pub week_minutes: i64,
}

impl Running {
    pub fn today_hours(&self) -> f64 {
        minutes_to_hours(self.today_minutes)
    }

    pub fn week_hours(&self) -> f64 {
        minutes_to_hours(self.week_minutes)
    }
}

/// What stopping the timer records: an entry per day it ran on, each cut
/// where its day would otherwise hold more than 24 hours.
#[derive(Clone, Debug, PartialEq)]
pub struct Stopped {
    pub timer: Timer,
    pub at: NaiveDateTime,
    /// Seconds from its start to `at` (none when `at` is before the start).
    pub ran_secs: i64,
    pub entries: Vec<TimeEntry>,
    /// Minutes left out, and the day each belonged to.
    pub cut: Vec<DayShare>,
}

impl Stopped {
    /// Minutes recorded in all.
    pub fn recorded_minutes(&self) -> i64 {
        self.entries
            .iter()
            .map(|entry| hours_to_minutes(entry.hours))
            .sum()
    }

    /// What happened, for the status line or the terminal: "Recorded 1:42
    /// of Learning on Thu 3 Dec 2026." and what was cut, or why nothing was
    /// recorded.
    pub fn describe(&self, plan: &Plan) -> String {
        use super::format::{format_date, format_minutes};
        let category = plan
            .category(self.timer.category)
            .map_or("the timer's category", |category| category.name.as_str());
        let mut said = if self.entries.is_empty() && self.cut.is_empty() {
            if self.at < self.timer.started {
                format!(
                    "The timer was stopped before its start ({}); nothing was recorded.",
                    format_date_time(self.timer.started)
                )
            } else {
                "The timer ran under a minute; nothing was recorded.".to_owned()
            }
        } else if self.entries.is_empty() {
            "Nothing was recorded.".to_owned()
        } else if let [entry] = self.entries.as_slice() {
            format!(
                "Recorded {} of {category} on {}.",
                format_minutes(self.recorded_minutes()),
                format_date(entry.date)
            )
        } else {
            let days: Vec<String> = self
                .entries
                .iter()
                .map(|entry| {
                    format!(
                        "{} on {}",
                        format_minutes(hours_to_minutes(entry.hours)),
                        format_date(entry.date)
                    )
                })
                .collect();
            format!(
                "Recorded {} of {category} as {} entries, one per day: {}.",
                format_minutes(self.recorded_minutes()),
                self.entries.len(),
                days.join(", ")
            )
        };
        for cut in &self.cut {
            said.push_str(&format!(
                " Left out {} on {}: a day holds at most 24 hours.",
                format_minutes(cut.minutes),
                format_date(cut.date)
            ));
        }
        said
    }
}

/// What stopping the plan's timer at `at` would record; `None` when no
/// timer runs. New entries get ids from `seed` that no entry has.
pub fn stop(plan: &Plan, at: NaiveDateTime, seed: u64) -> Option<Stopped> {
    let timer = plan.timer.clone()?;
    let shares = timer.day_shares(at);
    let days: HashSet<NaiveDate> = shares.iter().map(|share| share.date).collect();
    let mut logged: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for entry in plan
        .time_entries
        .iter()
        .filter(|entry| days.contains(&entry.date))
    {
        *logged.entry(entry.date).or_insert(0.0) += entry.hours;
    }
    let mut used: HashSet<u64> = plan.time_entries.iter().map(|entry| entry.id.0).collect();
    let mut ids = FreshIds::new(seed);
    let mut entries = Vec::new();
    let mut cut = Vec::new();
    for share in shares {
        let already = logged.get(&share.date).copied().unwrap_or(0.0);
        // A millionth of an hour of slack, so a day summed to 23.999999 h
        // by float drift still has its last minute free.
        #[allow(clippy::cast_possible_truncation)] // at most 1440 minutes
        let room = (((24.0 - already) * 60.0) + 1e-6).floor().max(0.0) as i64;
        let minutes = share.minutes.min(room);
        if minutes < share.minutes {
            cut.push(DayShare {
                date: share.date,
                minutes: share.minutes - minutes,
            });
        }
        if minutes > 0 {
            let id = first_unused_in(ids.next_id(), &used);
            used.insert(id);
            entries.push(TimeEntry {
                id: EntryId(id),
                date: share.date,
                category: timer.category,
                hours: minutes_to_hours(minutes),
                note: timer.note.clone(),
            });
        }
    }
    Some(Stopped {
        ran_secs: timer.elapsed_secs(at),
        timer,
        at,
        entries,
        cut,
    })
}

/// Minutes as the hours an entry holds: 90 → 1.5.
pub fn minutes_to_hours(minutes: i64) -> f64 {
    #[allow(clippy::cast_precision_loss)] // minutes of a timer, far below 2^52
    let minutes = minutes as f64;
    minutes / 60.0
}

/// Hours as whole minutes, rounded: 1.5 → 90.
pub fn hours_to_minutes(hours: f64) -> i64 {
    #[allow(clippy::cast_possible_truncation)] // hours of one entry, at most 24
    let minutes = (hours * 60.0).round() as i64;
    minutes.clamp(0, MINUTES_PER_DAY)
}

/// "Thu 3 Dec 2026 09:15".
pub fn format_date_time(at: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        super::format::format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// A local date and time with the seconds dropped, as the file keeps a
/// timer's start (a clock's fractions of a second mean nothing here).
pub fn to_the_second(at: NaiveDateTime) -> NaiveDateTime {
    at.with_nanosecond(0).unwrap_or(at)
}

/// Reads a date and time as people and programs write it: `2026-12-03T09:15:00`,
/// `2026-12-03 09:15`, with or without seconds.
pub fn parse_date_time(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

/// The timer's start in the file: `"2026-12-03T09:15:00"`; read also
/// without seconds or with a space, as a person may write it by hand.
mod local_time {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&at.format("%Y-%m-%dT%H:%M:%S"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NaiveDateTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_date_time(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{text:?} is not a local date and time such as \"2026-12-03T09:15:00\""
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn at(day: u32, hour: u32, minute: u32, second: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, day)
            .unwrap()
            .and_hms_opt(hour, minute, second)
            .unwrap()
    }

    fn timer(started: NaiveDateTime) -> Timer {
        Timer {
            category: CategoryId(1),
            note: String::new(),
            started,
        }
    }

    #[test]
    fn a_run_is_rounded_to_the_minute() {
        let t = timer(at(3, 9, 0, 10));
        // 1:42:29 → 102 minutes; 1:42:30 → 103.
        assert_eq!(t.day_shares(at(3, 10, 42, 39))[0].minutes, 102);
        assert_eq!(t.day_shares(at(3, 10, 42, 40))[0].minutes, 103);
        assert!(
            t.day_shares(at(3, 9, 1, 9)).is_empty(),
            "59 s records nothing"
        );
        assert_eq!(t.day_shares(at(3, 9, 1, 10))[0].minutes, 1);
    }

    #[test]
    fn a_run_across_midnight_is_split_per_day_and_adds_up() {
        // 22:50:20 to 01:10:50 the day after: 2:20:30 → 141 minutes, of which
        // 1:09:40 (→ 70 at the running total) before midnight, 71 after.
        let t = timer(at(1, 22, 50, 20));
        let shares = t.day_shares(at(2, 1, 10, 50));
        assert_eq!(
            shares,
            vec![
                DayShare {
                    date: at(1, 0, 0, 0).date(),
                    minutes: 70
                },
                DayShare {
                    date: at(2, 0, 0, 0).date(),
                    minutes: 71
                },
            ]
        );
        // Two midnights: 23:00 on the 1st to 01:00 on the 3rd is 26 h.
        let long = timer(at(1, 23, 0, 0)).day_shares(at(3, 1, 0, 0));
        let minutes: Vec<i64> = long.iter().map(|share| share.minutes).collect();
        assert_eq!(minutes, vec![60, 1440, 60]);
    }

    #[test]
    fn running_figures_count_today_and_this_week() {
        // Sunday 6 Dec 23:30 to Monday 7 Dec 00:45: the Monday starts a new
        // ISO week, so this week holds only today's 45 minutes.
        let t = timer(at(6, 23, 30, 0));
        let running = t.running(at(7, 0, 45, 0));
        assert_eq!(running.elapsed_minutes, 75);
        assert_eq!(running.today_minutes, 45);
        assert_eq!(running.week_minutes, 45);
        let saturday = timer(at(5, 23, 30, 0)).running(at(6, 0, 45, 0));
        assert_eq!((saturday.today_minutes, saturday.week_minutes), (45, 75));
    }

    #[test]
    fn a_start_in_the_future_has_run_nothing() {
        let t = timer(at(3, 18, 0, 0));
        assert_eq!(t.elapsed_secs(at(3, 17, 0, 0)), 0);
        assert!(t.day_shares(at(3, 17, 0, 0)).is_empty());
    }

    #[test]
    fn forgotten_after_twelve_hours() {
        let t = timer(at(3, 8, 0, 0));
        assert!(!t.is_forgotten(at(3, 20, 0, 0)));
        assert!(t.is_forgotten(at(3, 20, 0, 1)));
    }

    #[test]
    fn dates_and_times_read_with_or_without_seconds() {
        assert_eq!(
            parse_date_time("2026-12-03T09:15:00"),
            Some(at(3, 9, 15, 0))
        );
        assert_eq!(parse_date_time(" 2026-12-03 09:15 "), Some(at(3, 9, 15, 0)));
        assert_eq!(parse_date_time("2026-12-03T9:15:07"), Some(at(3, 9, 15, 7)));
        assert_eq!(parse_date_time("2026-12-03"), None);
        assert_eq!(parse_date_time("2026-13-03 09:15"), None);
        assert_eq!(parse_date_time("2026-12-03 25:00"), None);
    }
}
