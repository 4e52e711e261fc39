//! STUB (lead's stand-in until the helper's lands)
use super::ledger::{BucketId, LedgerRecord};
use serde::{Deserialize, Serialize};
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRule<Id> {
    pub contains: String,
    pub into: Option<Id>,
}
impl<Id> ImportRule<Id> {
    pub fn matches(&self, texts: &[&str]) -> bool {
        let c = self.contains.trim().to_lowercase();
        !c.is_empty() && texts.iter().any(|t| t.to_lowercase().contains(&c))
    }
}
pub fn first_match<'a, Id>(
    rules: &'a [ImportRule<Id>],
    texts: &[&str],
) -> Option<&'a ImportRule<Id>> {
    rules.iter().find(|r| r.matches(texts))
}
pub struct ImportBatch<R: LedgerRecord> {
    pub new_buckets: Vec<R::Bucket>,
    pub rules: Vec<ImportRule<BucketId<R>>>,
    pub records: Vec<R>,
}
