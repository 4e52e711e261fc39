//! Import rules: what the plan remembers of how an outside file's values map
//! to its own categories and lines, so the next export of the same tool maps
//! itself. A rule reads "rows whose text contains X go to Y", or "… are left
//! out"; the rules of a ledger are tried in order and the first match wins.
//!
//! The rules are kept in the plan file (format 2 on), and an import adds its
//! new buckets, rules and records as one [`ImportBatch`], so one undo takes
//! the whole import back.

use serde::{Deserialize, Serialize};

use super::ledger::{BucketId, LedgerRecord};
use super::{CategoryId, LineId};

/// "Rows whose text contains `contains` (any case) go to `into`"; `into: None` leaves such
/// rows out on purpose (a "nowhere" choice, remembered).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportRule<Id> {
    /// The text looked for, as a person typed or picked it; trimmed when a
    /// command stores it.
    pub contains: String,
    /// The category or line such rows go to; `None` leaves them out.
    pub into: Option<Id>,
}

/// The plan's rules for each ledger, in the order they are tried: the first match wins.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportRules {
    /// Rules for imported hours, into time categories.
    #[serde(default)]
    pub hours: Vec<ImportRule<CategoryId>>,
    /// Rules for imported expenses, into budget lines.
    #[serde(default)]
    pub expenses: Vec<ImportRule<LineId>>,
}

impl ImportRules {
    /// Whether neither ledger has a rule.
    pub fn is_empty(&self) -> bool {
        self.hours.is_empty() && self.expenses.is_empty()
    }
}

impl<Id> ImportRule<Id> {
    /// Whether any of `texts` contains the rule's text, ignoring case (Unicode-aware
    /// lowercase, e.g. "ÄPFEL" matches "äpfel"); an empty rule text matches nothing.
    ///
    /// The rule's text is trimmed first, as a command stores it, so a rule of
    /// spaces written by hand is empty too rather than matching every row
    /// with a space in it.
    pub fn matches(&self, texts: &[&str]) -> bool {
        let folded: Vec<String> = texts.iter().map(|text| text.to_lowercase()).collect();
        self.matches_folded(&folded)
    }

    /// Whether the rule's text is `text`, ignoring case and the spaces around
    /// both: such a rule is the one a new choice for `text` replaces.
    pub fn has_text(&self, text: &str) -> bool {
        let own = self.contains.trim();
        !own.is_empty() && own.to_lowercase() == text.trim().to_lowercase()
    }

    /// [`ImportRule::matches`] against texts already lowercased.
    fn matches_folded(&self, folded: &[String]) -> bool {
        let needle = self.contains.trim().to_lowercase();
        !needle.is_empty() && folded.iter().any(|text| text.contains(&needle))
    }
}

/// The first rule of `rules` that matches any of `texts`.
pub fn first_match<'a, Id>(
    rules: &'a [ImportRule<Id>],
    texts: &[&str],
) -> Option<&'a ImportRule<Id>> {
    // Lowercased once for all the rules: an import tries every rule on
    // every row.
    let folded: Vec<String> = texts.iter().map(|text| text.to_lowercase()).collect();
    rules.iter().find(|rule| rule.matches_folded(&folded))
}

/// What one import adds to a ledger, applied as one edit (one undo step): new buckets first
/// (ids chosen by the caller with Plan::unused_bucket_id), then rules, then records, each
/// checked before anything changes, so a refused part changes nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportBatch<R: LedgerRecord> {
    /// Categories or lines to add after the plan's own, whole: a new
    /// category with its weekly range, a new line with its kind.
    pub new_buckets: Vec<R::Bucket>,
    /// Rules to remember; one whose text is an existing rule's (any case)
    /// replaces it in place, the others are added after the plan's own.
    pub rules: Vec<ImportRule<BucketId<R>>>,
    /// The records to add, filed under existing or new buckets.
    pub records: Vec<R>,
}

impl<R: LedgerRecord> ImportBatch<R> {
    /// Whether the batch adds nothing at all.
    pub fn is_empty(&self) -> bool {
        self.new_buckets.is_empty() && self.rules.is_empty() && self.records.is_empty()
    }
}

impl<R: LedgerRecord> Default for ImportBatch<R> {
    fn default() -> Self {
        ImportBatch {
            new_buckets: Vec::new(),
            rules: Vec::new(),
            records: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn rule(contains: &str, into: Option<u64>) -> ImportRule<CategoryId> {
        ImportRule {
            contains: contains.to_owned(),
            into: into.map(CategoryId),
        }
    }

    #[test]
    fn a_rule_matches_any_of_the_texts_in_any_case() {
        let orga = rule("Orga", Some(2));
        assert!(orga.matches(&["Client X", "ORGANISATION meeting"]));
        assert!(orga.matches(&["", "", "reorganise"]));
        assert!(!orga.matches(&["Org", "or ga"]));
        assert!(!orga.matches(&[]));
    }

    #[test]
    fn case_is_ignored_beyond_ascii() {
        assert!(rule("ÄPFEL", None).matches(&["Grüne äpfel"]));
        assert!(rule("äpfel", None).matches(&["GRÜNE ÄPFEL"]));
        assert!(rule("Σοφία", None).matches(&["σοφία"]));
        // Not a folding of letters into others: "a" is not "ä".
        assert!(!rule("apfel", None).matches(&["Äpfel"]));
    }

    #[test]
    fn an_empty_rule_matches_nothing() {
        assert!(!rule("", Some(1)).matches(&["anything", ""]));
        assert!(!rule("   ", Some(1)).matches(&["two  spaces"]));
        // Spaces around the text are not part of it.
        assert!(rule(" book ", Some(1)).matches(&["Notebook"]));
    }

    #[test]
    fn the_first_matching_rule_wins() {
        let rules = vec![
            rule("", Some(9)),
            rule("meeting", Some(3)),
            rule("orga", Some(2)),
            rule("orga meeting", None),
        ];
        assert_eq!(
            first_match(&rules, &["Project: Orga", "Weekly MEETING"]),
            Some(&rules[1])
        );
        assert_eq!(first_match(&rules, &["orga meeting"]), Some(&rules[1]));
        assert_eq!(first_match(&rules, &["Orga"]), Some(&rules[2]));
        assert_eq!(first_match(&rules, &["Lunch"]), None);
        assert_eq!(first_match::<CategoryId>(&[], &["Lunch"]), None);
    }

    #[test]
    fn has_text_compares_whole_texts_in_any_case() {
        assert!(rule("Orga", None).has_text(" ORGA "));
        assert!(!rule("Orga", None).has_text("orga meeting"));
        assert!(!rule("", None).has_text(""));
    }

    #[test]
    fn empty_rules_and_batches() {
        assert!(ImportRules::default().is_empty());
        let rules = ImportRules {
            hours: Vec::new(),
            expenses: vec![ImportRule {
                contains: "aws".to_owned(),
                into: Some(LineId(2)),
            }],
        };
        assert!(!rules.is_empty());
        assert!(ImportBatch::<crate::model::TimeEntry>::default().is_empty());
    }
}
