//! One sort for the whole crate: items ordered by a key of two integers,
//! stably. Every `sort_by_key` call site with its own closure compiles to
//! its own copy of the sort (several KB each in the wasm); routing them all
//! through one concrete `sort_unstable` keeps one copy.

/// Sorts `items` by `key`, keeping the original order among equal keys.
pub fn sort_by_rank<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (i64, i64)) {
    let mut keyed: Vec<(i64, i64, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (a, b) = key(t);
            (a, b, i as u32)
        })
        .collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, _, i)| slots[i as usize].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_ties_in_order() {
        let mut v = vec![("b", 2), ("a", 1), ("c", 2), ("d", 0)];
        sort_by_rank(&mut v, |(_, n)| (*n, 0));
        assert_eq!(v, [("d", 0), ("a", 1), ("b", 2), ("c", 2)]);
    }
}
