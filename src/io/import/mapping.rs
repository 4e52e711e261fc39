//! Where a row goes: the person's choice for its value, else the first rule
//! whose text it contains (this import's `--map` rules, then the plan's as
//! this import will leave them), else the bucket named like its value.
//! Nothing else: a row nothing maps is reported, never given to a guess.
//!
//! The import keeps each choice as a rule, so the plan's rules are read as
//! they will be after it: a choice stands in for the rule with its text, and
//! the other choices follow as rules of their own. A row therefore goes where
//! the same file would send it next time, and importing it again adds nothing.

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

/// Where a rule of the plan sends a row: its own bucket, or the person's
/// choice for the rule's text.
#[derive(Clone, Copy, Debug)]
enum Target<'a, Id> {
    Rule(Option<Id>),
    Choice(&'a MapTo<Id>),
}

/// Everything that maps rows, looked up once per import.
pub(super) struct Mapper<'a, Id> {
    choices: HashMap<String, &'a MapTo<Id>>,
    run_rules: &'a [ImportRule<Id>],
    /// The plan's rules with the choices kept as rules, in the order the
    /// next import will try them.
    plan_rules: Vec<ImportRule<Target<'a, Id>>>,
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
        let chosen = |rule: &ImportRule<Id>| {
            choices
                .iter()
                .find(|(value, _)| rule.has_text(value))
                .map(|(_, to)| to)
        };
        let mut after_import: Vec<ImportRule<Target<'a, Id>>> = plan_rules
            .iter()
            .map(|rule| ImportRule {
                contains: rule.contains.clone(),
                into: Some(chosen(rule).map_or(Target::Rule(rule.into), Target::Choice)),
            })
            .collect();
        for (value, to) in choices {
            if !value.trim().is_empty() && !after_import.iter().any(|rule| rule.has_text(value)) {
                after_import.push(ImportRule {
                    contains: value.trim().to_owned(),
                    into: Some(Target::Choice(to)),
                });
            }
        }
        Mapper {
            choices: choices
                .iter()
                .map(|(value, to)| (folded(value), to))
                .collect(),
            run_rules,
            plan_rules: after_import,
            names,
            names_before_rules,
        }
    }

    /// Where a row with `value` and these texts goes.
    pub(super) fn map(&self, value: &str, texts: &[&str]) -> Mapping<Id> {
        let key = folded(value);
        if let Some(to) = self.choices.get(&key) {
            return self.chosen(to, MappedBy::Choice);
        }
        let by_name = self.names.get(&key).filter(|_| !key.is_empty());
        if let Some(id) = by_name.filter(|_| self.names_before_rules) {
            return Mapping::Bucket(*id, MappedBy::Name);
        }
        if let Some(rule) = first_match(self.run_rules, texts) {
            return ruled(rule.into, &rule.contains);
        }
        if let Some(rule) = first_match(&self.plan_rules, texts) {
            let by = MappedBy::Rule(rule.contains.clone());
            return match rule.into {
                Some(Target::Choice(to)) => self.chosen(to, by),
                Some(Target::Rule(into)) => ruled(into, &rule.contains),
                None => Mapping::Unmapped,
            };
        }
        match by_name {
            Some(id) => Mapping::Bucket(*id, MappedBy::Name),
            None => Mapping::Unmapped,
        }
    }

    /// Where the person's choice `to` sends a row.
    fn chosen(&self, to: &MapTo<Id>, by: MappedBy) -> Mapping<Id> {
        match to {
            MapTo::Bucket(id) => Mapping::Bucket(*id, by),
            MapTo::New(name) => match self.names.get(&folded(name)) {
                Some(id) => Mapping::Bucket(*id, by),
                None => Mapping::New(name.trim().to_owned()),
            },
            MapTo::Nowhere => Mapping::Nowhere(by),
        }
    }
}

/// Where a rule with this text and bucket sends a row.
fn ruled<Id>(into: Option<Id>, contains: &str) -> Mapping<Id> {
    let by = MappedBy::Rule(contains.to_owned());
    match into {
        Some(id) => Mapping::Bucket(id, by),
        None => Mapping::Nowhere(by),
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
    fn a_choice_is_a_rule_for_the_other_rows_as_the_next_import_will_read_it() {
        let choices = vec![
            ("Reading".to_owned(), MapTo::New("Books".to_owned())),
            ("lunch".to_owned(), MapTo::Bucket(2)),
        ];
        // The plan's "lunch" rule leaves rows out; the choice replaces it.
        let plan = vec![rule("lunch", None), rule("repair", Some(4))];
        let mapper = Mapper::new(
            &choices,
            &[],
            &plan,
            std::iter::empty::<(&str, u32)>(),
            false,
        );
        assert_eq!(
            mapper.map("", &["Reading group"]),
            Mapping::New("Books".to_owned())
        );
        assert_eq!(
            mapper.map("", &["Team lunch"]),
            Mapping::Bucket(2, MappedBy::Rule("lunch".to_owned()))
        );
        // The plan's rules still come before the choices kept after them.
        assert_eq!(
            mapper.map("", &["Reading about repair"]),
            Mapping::Bucket(4, MappedBy::Rule("repair".to_owned()))
        );
        assert_eq!(mapper.map("", &["Walk"]), Mapping::Unmapped);
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
