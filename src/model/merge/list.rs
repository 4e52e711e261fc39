//! Three-way merge of one list of records: which records the merged list
//! holds, and in what order.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::fields::{Fields, Record, keys};

/// A list merged whole: its records (as [`members`] decides) in the order
/// [`order`] gives. For the long lists (time entries, expenses), so it
/// avoids what work it can: a list one side left as it was is the other
/// side's list, and the records all three hold at the same places at the
/// start (a log that only grew at its end) are merged without looking up.
pub(super) fn merge_list<R: Record>(
    fields: &mut Fields<'_>,
    base: &[R],
    mine: &[R],
    theirs: &[R],
) -> Vec<R> {
    if theirs == base {
        return mine.to_vec();
    }
    if mine == base || mine == theirs {
        return theirs.to_vec();
    }
    // Keys are unique within a list, so a key of the shared start appears
    // nowhere after it in any of the three.
    let shared = base
        .iter()
        .zip(mine)
        .zip(theirs)
        .take_while(|((b, m), t)| b.key() == m.key() && m.key() == t.key())
        .count();
    let mut merged = Vec::with_capacity(mine.len().max(theirs.len()));
    for ((b, m), t) in base.iter().zip(mine).zip(theirs).take(shared) {
        merged.push(fields.record(Some(b), m, t));
    }
    let (base, mine, theirs) = (&base[shared..], &mine[shared..], &theirs[shared..]);
    let rest = members(fields, base, mine, theirs);
    merged.extend(ordered(base, mine, theirs, rest));
    merged
}

/// The records of `members` in the order [`order`] gives them.
pub(super) fn ordered<R: Record>(
    base: &[R],
    mine: &[R],
    theirs: &[R],
    mut members: HashMap<R::Key, R>,
) -> Vec<R> {
    let wanted: HashSet<R::Key> = members.keys().cloned().collect();
    order(&keys(base), &keys(mine), &keys(theirs), &wanted)
        .into_iter()
        .filter_map(|key| members.remove(&key))
        .collect()
}

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
    let mut mine_keys: HashSet<R::Key> = HashSet::with_capacity(mine.len());
    mine_keys.extend(mine.iter().map(Record::key));
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
    let mut by_key = HashMap::with_capacity(records.len());
    by_key.extend(records.iter().map(|record| (record.key(), record)));
    by_key
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
    let in_base = set_of(base);
    let (leading, other) = if reordered(base, &in_base, mine) || !reordered(base, &in_base, theirs)
    {
        (mine, theirs)
    } else {
        (theirs, mine)
    };
    let mut placed: HashSet<&K> = HashSet::with_capacity(members.len());
    let spine: Vec<&K> = leading
        .iter()
        .filter(|key| members.contains(key) && placed.insert(key))
        .collect();
    let mut spine_set: HashSet<&K> = HashSet::with_capacity(spine.len());
    spine_set.extend(spine.iter().copied());
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

fn set_of<K: Eq + Hash>(keys: &[K]) -> HashSet<&K> {
    let mut set = HashSet::with_capacity(keys.len());
    set.extend(keys.iter());
    set
}

/// Whether `side` holds the records it shares with `base` (whose keys are
/// `in_base`) in another order.
fn reordered<K: Eq + Hash>(base: &[K], in_base: &HashSet<&K>, side: &[K]) -> bool {
    let in_side = set_of(side);
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
        let base = [1, 2, 3];
        assert!(!reordered(&base, &set_of(&base), &[0, 1, 3, 4]));
        assert!(reordered(&base, &set_of(&base), &[1, 3, 2]));
        assert!(!reordered::<u32>(&[], &HashSet::new(), &[]));
    }
}
