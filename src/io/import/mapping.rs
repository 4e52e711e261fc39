//! Where a row goes: the person's choice for its value, else the first rule
//! whose text it contains (this import's `--map` rules, then the plan's),
//! else the bucket named like its value. Nothing else: a row nothing maps is
//! reported, never given to a guess.

use std::collections::HashMap;
use std::hash::Hash;

use super::recognise::folded;
use crate::model::import_rules::{ImportRule, first_match};

/// Where the person sends a value of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapTo<Id> {
    Bucket(Id),
    /// A new category or line of this name.
    New(String),
    /// Rows with this value are left out.
    Nowhere,
}

/// What decided where a row goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappedBy {
    /// The person, in the mapping table.
    Choice,
    /// A rule with this text.
    Rule(String),
    /// The value is the bucket's name.
    Name,
}

/// Where a row goes, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mapping<Id> {
    Bucket(Id, MappedBy),
    New(String),
    Nowhere(MappedBy),
    Unmapped,
}

/// Everything that maps rows, looked up once per import.
pub(super) struct Mapper<'a, Id> {
    choices: HashMap<String, &'a MapTo<Id>>,
    run_rules: &'a [ImportRule<Id>],
    plan_rules: &'a [ImportRule<Id>],
    names: HashMap<String, Id>,
    /// Yearplan's own export names the bucket of every row, so a rule
    /// matching a note must not send the row elsewhere.
    names_before_rules: bool,
}

impl<'a, Id: Copy + Eq + Hash> Mapper<'a, Id> {
    /// `buckets` are the names a value maps itself by; where two are the
    /// same text, the first one given wins.
    pub(super) fn new<Name: AsRef<str>>(
        choices: &'a [(String, MapTo<Id>)],
        run_rules: &'a [ImportRule<Id>],
        plan_rules: &'a [ImportRule<Id>],
        buckets: impl Iterator<Item = (Name, Id)>,
        names_before_rules: bool,
    ) -> Self {
        let mut names = HashMap::new();
        for (name, id) in buckets {
            names.entry(folded(name.as_ref())).or_insert(id);
        }
        Mapper {
            choices: choices
                .iter()
                .map(|(value, to)| (folded(value), to))
                .collect(),
            run_rules,
            plan_rules,
            names,
            names_before_rules,
        }
    }

    /// Where a row with `value` and these texts goes.
    pub(super) fn map(&self, value: &str, texts: &[&str]) -> Mapping<Id> {
        let key = folded(value);
        if let Some(to) = self.choices.get(&key) {
            return match to {
                MapTo::Bucket(id) => Mapping::Bucket(*id, MappedBy::Choice),
                MapTo::New(name) => match self.names.get(&folded(name)) {
                    Some(id) => Mapping::Bucket(*id, MappedBy::Choice),
                    None => Mapping::New(name.trim().to_owned()),
                },
                MapTo::Nowhere => Mapping::Nowhere(MappedBy::Choice),
            };
        }
        let by_name = self.names.get(&key).filter(|_| !key.is_empty());
        if let Some(id) = by_name.filter(|_| self.names_before_rules) {
            return Mapping::Bucket(*id, MappedBy::Name);
        }
        let rule =
            first_match(self.run_rules, texts).or_else(|| first_match(self.plan_rules, texts));
        if let Some(rule) = rule {
            let by = MappedBy::Rule(rule.contains.clone());
            return match rule.into {
                Some(id) => Mapping::Bucket(id, by),
                None => Mapping::Nowhere(by),
            };
        }
        match by_name {
            Some(id) => Mapping::Bucket(*id, MappedBy::Name),
            None => Mapping::Unmapped,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn rule(contains: &str, into: Option<u32>) -> ImportRule<u32> {
        ImportRule {
            contains: contains.to_owned(),
            into,
        }
    }

    #[test]
    fn choice_then_run_rules_then_plan_rules_then_names() {
        let choices = vec![("Orga".to_owned(), MapTo::Bucket(3))];
        let run = vec![rule("heating", Some(2))];
        let plan = vec![rule("repair", Some(4)), rule("lunch", None)];
        let buckets = [("Learning", 1), ("Building", 2)];
        let mapper = Mapper::new(&choices, &run, &plan, buckets.into_iter(), false);
        assert_eq!(
            mapper.map("orga", &["orga"]),
            Mapping::Bucket(3, MappedBy::Choice)
        );
        assert_eq!(
            mapper.map("#HeatingRepair", &["#HeatingRepair"]),
            Mapping::Bucket(2, MappedBy::Rule("heating".to_owned()))
        );
        assert_eq!(
            mapper.map("x", &["x", "Bike repair"]),
            Mapping::Bucket(4, MappedBy::Rule("repair".to_owned()))
        );
        assert_eq!(
            mapper.map("shop", &["shop", "Lunch"]),
            Mapping::Nowhere(MappedBy::Rule("lunch".to_owned()))
        );
        assert_eq!(
            mapper.map(" LEARNING ", &["LEARNING"]),
            Mapping::Bucket(1, MappedBy::Name)
        );
        assert_eq!(mapper.map("Other", &["Other"]), Mapping::Unmapped);
        assert_eq!(mapper.map("", &[""]), Mapping::Unmapped);
    }

    #[test]
    fn a_new_bucket_named_like_an_existing_one_is_that_one() {
        let choices = vec![
            ("a".to_owned(), MapTo::New("building".to_owned())),
            ("b".to_owned(), MapTo::New(" Reading ".to_owned())),
            ("c".to_owned(), MapTo::Nowhere),
        ];
        let buckets = [("Building", 2)];
        let mapper = Mapper::new(&choices, &[], &[], buckets.into_iter(), false);
        assert_eq!(mapper.map("A", &[]), Mapping::Bucket(2, MappedBy::Choice));
        assert_eq!(mapper.map("b", &[]), Mapping::New("Reading".to_owned()));
        assert_eq!(
            mapper.map("c", &["Building"]),
            Mapping::Nowhere(MappedBy::Choice)
        );
    }
}
