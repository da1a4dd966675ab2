//! The candidate index: which entries share words with a query, the best
//! few of them first, within a budget of visits.

/// A candidate's rank as one number, smallest first: the most shared
/// words, then the nearest relative position, then the first. (A
/// non-negative float's bits order as the float does.)
pub(crate) fn rank(shared: u32, distance: f64, index: u32) -> u128 {
    (u128::from(u32::MAX - shared) << 96)
        | (u128::from(distance.to_bits()) << 32)
        | u128::from(index)
}

/// The best `limit` of the entries an index lookup touched, by `rank_of`
/// (entry, shared count) as [`rank`] makes it, smallest first, in no
/// particular order; the counts of all touched entries are reset to zero.
pub(crate) fn best_candidates(
    touched: &[u32],
    shared: &mut [u32],
    limit: usize,
    rank_of: impl Fn(u32, u32) -> u128,
) -> Vec<u128> {
    let mut ranked: Vec<u128> = touched
        .iter()
        .map(|&k| rank_of(k, shared[k as usize]))
        .collect();
    if ranked.len() > limit {
        ranked.select_nth_unstable(limit - 1);
        ranked.truncate(limit);
    }
    for &k in touched {
        shared[k as usize] = 0;
    }
    ranked
}

/// The part of an index entry's list that a lookup with `room` visits left
/// reads: all of it when it fits, else the `room` entries around `centre`
/// (where the paragraph would be if nothing had moved), so that a word
/// shared by thousands of paragraphs still finds the nearby ones.
pub(crate) fn window(list: &[u32], room: usize, centre: usize) -> &[u32] {
    if list.len() <= room {
        return list;
    }
    let start = centre.saturating_sub(room / 2).min(list.len() - room);
    &list[start..start + room]
}

/// The distinct words of a list, sorted.
pub(crate) fn distinct(words: &[u32]) -> Vec<u32> {
    let mut out = words.to_vec();
    out.sort_unstable();
    out.dedup();
    out
}
