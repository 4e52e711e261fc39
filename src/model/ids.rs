//! Where record ids come from.
//!
//! A new record gets a random 64-bit id, so two machines adding records to
//! copies of one file never pick the same one and the copies merge record by
//! record. The model has no clock and no randomness of its own: the app
//! draws a seed and [`FreshIds`] stretches it into as many ids as an import
//! needs.
//!
//! A record read without an id (every record of a file older than format 3,
//! or one a person wrote by hand) gets one derived from its content and its
//! position among the records with the same content (the first "1 h
//! Learning on 2 March", the second…), so two copies of the same old file
//! give their records the same ids, and a merge of copies edited apart still
//! lines up, even when a line was added or deleted by hand in one of them
//! before Yearplan first saved it.

use std::collections::HashSet;

use super::{
    CadenceId, EntryId, Expense, ExpenseId, Plan, Review, ReviewCadence, ReviewId, TimeEntry,
};

/// A sequence of ids from one seed (SplitMix64): well spread, never 0.
#[derive(Clone, Debug)]
pub struct FreshIds(u64);

impl FreshIds {
    pub fn new(seed: u64) -> FreshIds {
        FreshIds(seed)
    }

    /// The next id of the sequence; never 0, which reads as "no id".
    pub fn next_id(&mut self) -> u64 {
        loop {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            if z != 0 {
                return z;
            }
        }
    }
}

/// FNV-1a, 64 bits: a hash whose value is fixed by its definition, so an id
/// derived today is the id derived by every later build (std's hasher makes
/// no such promise).
struct Fnv(u64);

impl Fnv {
    fn new(kind: &str, position: usize) -> Fnv {
        let mut hash = Fnv(0xCBF2_9CE4_8422_2325);
        hash.text(kind);
        hash.number(position as u64);
        hash
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }

    fn number(&mut self, number: u64) {
        self.bytes(&number.to_le_bytes());
    }

    /// Length first, so ("ab", "c") and ("a", "bc") differ.
    fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.bytes(text.as_bytes());
    }
}

/// A record that may have been read without an id.
trait Identified {
    const KIND: &'static str;
    fn id(&self) -> u64;
    fn set_id(&mut self, id: u64);
    fn content(&self, hash: &mut Fnv);

    /// The id a record read without one gets: a hash of its kind, its
    /// content, and how many records with the same content came before it.
    fn derived_id(&self, same_before: usize) -> u64 {
        let mut hash = Fnv::new(Self::KIND, same_before);
        self.content(&mut hash);
        hash.0
    }
}

impl Identified for TimeEntry {
    const KIND: &'static str = "time entry";
    fn id(&self) -> u64 {
        self.id.0
    }
    fn set_id(&mut self, id: u64) {
        self.id = EntryId(id);
    }
    fn content(&self, hash: &mut Fnv) {
        hash.text(&self.date.to_string());
        hash.number(self.category.0);
        hash.number(self.hours.to_bits());
        hash.text(&self.note);
    }
}

impl Identified for Expense {
    const KIND: &'static str = "expense";
    fn id(&self) -> u64 {
        self.id.0
    }
    fn set_id(&mut self, id: u64) {
        self.id = ExpenseId(id);
    }
    fn content(&self, hash: &mut Fnv) {
        hash.text(&self.date.to_string());
        hash.number(self.line.0);
        hash.number(self.cents.cast_unsigned());
        hash.text(&self.note);
    }
}

impl Identified for Review {
    const KIND: &'static str = "review";
    fn id(&self) -> u64 {
        self.id.0
    }
    fn set_id(&mut self, id: u64) {
        self.id = ReviewId(id);
    }
    fn content(&self, hash: &mut Fnv) {
        hash.text(&self.date.to_string());
        hash.text(self.period.label());
        hash.text(&self.summary);
        hash.text(&self.notes);
    }
}

impl Identified for ReviewCadence {
    const KIND: &'static str = "review cadence";
    fn id(&self) -> u64 {
        self.id.0
    }
    fn set_id(&mut self, id: u64) {
        self.id = CadenceId(id);
    }
    fn content(&self, hash: &mut Fnv) {
        hash.text(self.period.label());
    }
    /// A cadence read without an id gets the one a new cadence of its
    /// period gets, wherever it stands, for the reason given there.
    fn derived_id(&self, _same_before: usize) -> u64 {
        CadenceId::for_period(self.period).0
    }
}

/// Gives each record of `records` whose id is 0 an id derived from its
/// kind, its content and how many records with that content came before it,
/// unless another record already has that id: then the next free one.
/// Records that have ids keep them.
fn give_ids<R: Identified>(records: &mut [R]) {
    if records.iter().all(|record| record.id() != 0) {
        return;
    }
    let mut used: HashSet<u64> = records.iter().map(Identified::id).collect();
    let mut seen: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    for record in records.iter_mut() {
        if record.id() != 0 {
            continue;
        }
        let same_before = seen.entry(R::derived_id(record, 0)).or_default();
        let mut id = R::derived_id(record, *same_before);
        *same_before += 1;
        while id == 0 || used.contains(&id) {
            id = id.wrapping_add(1);
        }
        used.insert(id);
        record.set_id(id);
    }
}

impl CadenceId {
    /// The id a new cadence of `period` gets. Not random, unlike other new
    /// records: a plan keeps one cadence per period, so two machines that
    /// each add a weekly cadence have added the same record, and their
    /// copies merge into one cadence rather than two.
    ///
    /// The period's place in the year's rhythm (weekly 1, monthly 2,
    /// quarterly 3, yearly 4) keeps the file readable.
    pub fn for_period(period: super::Period) -> CadenceId {
        CadenceId(match period {
            super::Period::Weekly => 1,
            super::Period::Monthly => 2,
            super::Period::Quarterly => 3,
            super::Period::Yearly => 4,
        })
    }
}

impl Plan {
    /// Gives every record read without an id one derived from its content
    /// and its place among equal records; see the module's documentation. Records with ids are
    /// left as they are.
    pub fn give_missing_ids(&mut self) {
        give_ids(&mut self.time_entries);
        give_ids(&mut self.expenses);
        give_ids(&mut self.reviews);
        give_ids(&mut self.review_cadences);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use chrono::NaiveDate;

    use super::*;
    use crate::model::{CategoryId, Period};

    fn entry(id: u64, hours: f64) -> TimeEntry {
        TimeEntry {
            id: EntryId(id),
            date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            category: CategoryId(1),
            hours,
            note: String::new(),
        }
    }

    #[test]
    fn fresh_ids_are_never_zero_and_do_not_repeat_soon() {
        let mut ids = FreshIds::new(0);
        let drawn: HashSet<u64> = (0..10_000).map(|_| ids.next_id()).collect();
        assert_eq!(drawn.len(), 10_000);
        assert!(!drawn.contains(&0));
        // Two seeds give different sequences.
        assert_ne!(FreshIds::new(1).next_id(), FreshIds::new(2).next_id());
    }

    #[test]
    fn derived_ids_depend_on_content_and_position_only() {
        let mut plan = Plan::empty("A", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        plan.time_entries = vec![entry(0, 1.0), entry(0, 1.0), entry(7, 2.0)];
        plan.review_cadences.push(ReviewCadence {
            id: CadenceId(0),
            period: Period::Weekly,
            purpose: "Progress".to_owned(),
        });
        let mut copy = plan.clone();
        plan.give_missing_ids();
        copy.give_missing_ids();
        assert_eq!(plan, copy, "two copies of one file get the same ids");

        let ids: Vec<u64> = plan.time_entries.iter().map(|e| e.id.0).collect();
        assert_eq!(ids[2], 7, "an id in the file is kept");
        assert_ne!(ids[0], ids[1], "equal entries get an id each");
        assert!(ids.iter().all(|id| *id != 0));
        assert_ne!(plan.review_cadences[0].id.0, 0);

        // The same entry with other hours gets another id.
        let mut other = Plan::empty("A", plan.start_date);
        other.time_entries = vec![entry(0, 1.5)];
        other.give_missing_ids();
        assert_ne!(other.time_entries[0].id.0, ids[0]);

        // A line deleted or added by hand before the file was first saved
        // by Yearplan leaves the other records' ids as they were.
        let mut edited = Plan::empty("A", plan.start_date);
        edited.time_entries = vec![entry(0, 3.0), entry(0, 1.0), entry(0, 1.0)];
        edited.give_missing_ids();
        let edited_ids: Vec<u64> = edited.time_entries.iter().map(|e| e.id.0).collect();
        assert_eq!(&edited_ids[1..], &ids[..2]);
    }

    #[test]
    fn derived_ids_are_fixed_by_definition() {
        // A change of this figure would give every old file new ids on its
        // next load, and copies migrated by two builds would no longer merge.
        let mut plan = Plan::empty("A", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        plan.time_entries = vec![entry(0, 1.0)];
        plan.give_missing_ids();
        let mut hash = Fnv::new("time entry", 0);
        hash.text("2026-03-02");
        hash.number(1);
        hash.number(1.0_f64.to_bits());
        hash.text("");
        assert_eq!(plan.time_entries[0].id.0, hash.0);
        // FNV-1a's published test vector for "a".
        let mut fnv = Fnv(0xCBF2_9CE4_8422_2325);
        fnv.bytes(b"a");
        assert_eq!(fnv.0, 0xAF63_DC4C_8601_EC8C);
    }
}
