//! Three-way merge of one list of records: which records the merged list
//! holds, and in what order.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::fields::{Fields, Record};

/// The records of the merged list, by key, and the conflicts found on the way
/// (in [`Fields`]).
///
/// - kept on both sides: merged field by field;
/// - added on one side: kept;
/// - deleted on one side and unchanged on the other: gone;
/// - deleted on one side and changed on the other: a conflict, mine kept
///   until the person chooses (so "deleted" when mine deleted it);
/// - deleted on both: gone.
pub(super) fn members<R: Record>(
    fields: &mut Fields<'_>,
    base: &[R],
    mine: &[R],
    theirs: &[R],
) -> HashMap<R::Key, R> {
    let base_by_key = by_key(base);
    let theirs_by_key = by_key(theirs);
    let mine_keys: HashSet<R::Key> = mine.iter().map(Record::key).collect();
    let mut merged = HashMap::with_capacity(mine.len().max(theirs.len()));
    for record in mine {
        let key = record.key();
        let before = base_by_key.get(&key).copied();
        let kept = match theirs_by_key.get(&key) {
            Some(other) => Some(fields.record(before, record, other)),
            None => match before {
                None => Some(record.clone()),
                Some(before) if before == record => None,
                Some(before) => fields.deleted(before, Some(record), None),
            },
        };
        if let Some(kept) = kept {
            merged.insert(key, kept);
        }
    }
    for record in theirs {
        let key = record.key();
        if mine_keys.contains(&key) {
            continue;
        }
        let kept = match base_by_key.get(&key).copied() {
            None => Some(record.clone()),
            Some(before) if before == record => None,
            Some(before) => fields.deleted(before, None, Some(record)),
        };
        if let Some(kept) = kept {
            merged.insert(key, kept);
        }
    }
    merged
}

fn by_key<R: Record>(records: &[R]) -> HashMap<R::Key, &R> {
    records
        .iter()
        .map(|record| (record.key(), record))
        .collect()
}

/// The order of the merged list: the order of the side that reordered the
/// records both it and the base hold (mine when both or neither did), with
/// what only the other side or the base holds placed after the record that
/// comes before it there. `members` are the keys the list ends with; each
/// is given once, and a member no list holds goes last.
pub(super) fn order<K: Clone + Eq + Hash + Ord>(
    base: &[K],
    mine: &[K],
    theirs: &[K],
    members: &HashSet<K>,
) -> Vec<K> {
    let (leading, other) = if reordered(base, mine) || !reordered(base, theirs) {
        (mine, theirs)
    } else {
        (theirs, mine)
    };
    let mut placed: HashSet<&K> = HashSet::with_capacity(members.len());
    let spine: Vec<&K> = leading
        .iter()
        .filter(|key| members.contains(key) && placed.insert(key))
        .collect();
    let spine_set: HashSet<&K> = spine.iter().copied().collect();
    // What goes after each record of the spine (or before all of it).
    let mut after: HashMap<Option<&K>, Vec<&K>> = HashMap::new();
    for list in [other, base] {
        let mut anchor = None;
        for key in list {
            if spine_set.contains(key) {
                anchor = Some(key);
            } else if members.contains(key) && placed.insert(key) {
                after.entry(anchor).or_default().push(key);
            }
        }
    }
    let mut ordered: Vec<&K> = Vec::with_capacity(members.len());
    ordered.extend(after.remove(&None).unwrap_or_default());
    for key in spine {
        ordered.push(key);
        if let Some(following) = after.remove(&Some(key)) {
            ordered.extend(following);
        }
    }
    let mut rest: Vec<&K> = members.iter().filter(|key| !placed.contains(key)).collect();
    rest.sort_unstable();
    ordered.extend(rest);
    ordered.into_iter().cloned().collect()
}

/// Whether `side` holds the records it shares with `base` in another order.
fn reordered<K: Eq + Hash>(base: &[K], side: &[K]) -> bool {
    let in_base: HashSet<&K> = base.iter().collect();
    let in_side: HashSet<&K> = side.iter().collect();
    let mut shared_in_base = base.iter().filter(|key| in_side.contains(key));
    let mut shared_in_side = side.iter().filter(|key| in_base.contains(key));
    loop {
        match (shared_in_base.next(), shared_in_side.next()) {
            (None, None) => return false,
            (Some(a), Some(b)) if a == b => {}
            _ => return true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(keys: &[u32]) -> HashSet<u32> {
        keys.iter().copied().collect()
    }

    #[test]
    fn additions_of_both_sides_land_after_their_neighbours() {
        let base = [1, 2, 3];
        let mine = [1, 10, 2, 3];
        let theirs = [1, 2, 3, 20];
        let merged = order(&base, &mine, &theirs, &all(&[1, 2, 3, 10, 20]));
        assert_eq!(merged, [1, 10, 2, 3, 20]);
    }

    #[test]
    fn the_order_follows_the_side_that_reordered() {
        let base = [1, 2, 3];
        let mine = [1, 2, 3, 4];
        let theirs = [3, 1, 2];
        let merged = order(&base, &mine, &theirs, &all(&[1, 2, 3, 4]));
        // Theirs' order; mine's 4 after the 3 it followed in mine.
        assert_eq!(merged, [3, 4, 1, 2]);
        // Both reordered: mine wins.
        let merged = order(&base, &[2, 1, 3], &theirs, &all(&[1, 2, 3]));
        assert_eq!(merged, [2, 1, 3]);
    }

    #[test]
    fn a_member_only_the_base_holds_keeps_its_place() {
        let base = [1, 2, 3];
        let merged = order(&base, &[1, 3], &[1, 3], &all(&[1, 2, 3, 9]));
        assert_eq!(merged, [1, 2, 3, 9]);
    }

    #[test]
    fn detecting_a_reorder_ignores_additions_and_deletions() {
        assert!(!reordered(&[1, 2, 3], &[0, 1, 3, 4]));
        assert!(reordered(&[1, 2, 3], &[1, 3, 2]));
        assert!(!reordered::<u32>(&[], &[]));
    }
}
