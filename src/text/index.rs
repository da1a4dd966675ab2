//! The candidate index: which entries share words with a query, the best
//! few of them first, within a budget of visits.
//!
//! [`Postings`] lists, for each word (a number below the vocabulary's
//! size), the entries that use it; a [`Lookup`], one a thread, holds the
//! scratch space of the queries and finds each query's best candidates:
//! those sharing the most words with it, then the nearest to where it would
//! be if nothing had moved, then the first.

/// Word → the entries that use it, in entry order.
pub(crate) struct Postings {
    lists: Vec<Vec<u32>>,
    entries: usize,
}

impl Postings {
    /// The index of `entries`, the `k`-th entry numbered `k`, each given by
    /// its word numbers (each below `words`; a word an entry has more than
    /// once is listed once).
    pub(crate) fn new<E: AsRef<[u32]>>(
        words: usize,
        entries: impl IntoIterator<Item = E>,
    ) -> Postings {
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); words];
        let mut count = 0;
        for (k, ids) in entries.into_iter().enumerate() {
            for w in distinct(ids.as_ref()) {
                lists[w as usize].push(k as u32);
            }
            count = k + 1;
        }
        Postings {
            lists,
            entries: count,
        }
    }

    /// The entries that use a word, in order.
    fn list(&self, word: u32) -> &[u32] {
        &self.lists[word as usize]
    }
}

/// How far a lookup reads the index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reach {
    /// How many index entries one query visits at most: past it, the
    /// rarest words are read first and, of a word's long list, the entries
    /// nearest the query's own place.
    pub budget: usize,
    /// A word found in more than this many entries is too common to look
    /// up.
    pub common: usize,
    /// How many candidates a query gets at most.
    pub limit: usize,
}

/// A thread's lookups in one index: the index, how far to read it, and
/// scratch space sized to its entries (left clean after each query).
pub(crate) struct Lookup<'p> {
    postings: &'p Postings,
    reach: Reach,
    /// The words a query counts each entry as sharing, zero once read.
    shared: Vec<u32>,
    /// The entries with a count, in the order first reached.
    touched: Vec<u32>,
    /// The query's words that are looked up.
    words: Vec<(u32, u32)>,
}

impl<'p> Lookup<'p> {
    /// Lookups in `postings`, as far as `reach` says.
    pub(crate) fn new(postings: &'p Postings, reach: Reach) -> Lookup<'p> {
        Lookup {
            postings,
            reach,
            shared: vec![0; postings.entries],
            touched: Vec::new(),
            words: Vec::new(),
        }
    }

    /// The best candidates of a query, at most [`Reach::limit`], in no
    /// particular order: by the most shared words, then the nearest by
    /// `distance`, then the first entry.
    ///
    /// `words` are the query's words in increasing order, each once with
    /// the times it counts (at least 1): an entry that has the word shares
    /// that many. Words in no entry or in more than [`Reach::common`] are
    /// skipped; when the rest would visit more than [`Reach::budget`]
    /// entries, the rarest are read first, and of each word's list, the
    /// entries around `expected` (by `position`, which increases with the
    /// entry) while the budget lasts. Entries that are not `free` cost
    /// their visit but are not counted. `distance` is that of an entry's
    /// `position` to the query's (a non-negative number).
    pub(crate) fn best(
        &mut self,
        words: impl IntoIterator<Item = (u32, u32)>,
        expected: usize,
        position: impl Fn(u32) -> usize,
        distance: impl Fn(usize) -> f64,
        free: impl Fn(u32) -> bool,
    ) -> Vec<u32> {
        let postings = self.postings;
        let Reach {
            budget,
            common,
            limit,
        } = self.reach;
        self.words.clear();
        self.words.extend(words);
        self.words
            .retain(|&(w, _)| (1..=common).contains(&postings.list(w).len()));
        let visits: usize = self
            .words
            .iter()
            .map(|&(w, _)| postings.list(w).len())
            .sum();
        if visits > budget {
            self.words
                .sort_by_key(|&(w, _)| (postings.list(w).len(), w));
        }
        let mut visited = 0;
        for &(w, times) in &self.words {
            let list = postings.list(w);
            let centre = list.partition_point(|&k| position(k) < expected);
            let list = window(list, budget - visited, centre);
            if list.is_empty() {
                break;
            }
            visited += list.len();
            for &k in list.iter().filter(|&&k| free(k)) {
                if self.shared[k as usize] == 0 {
                    self.touched.push(k);
                }
                self.shared[k as usize] += times;
            }
        }
        let ranked = best_candidates(&self.touched, &mut self.shared, limit, |k, n| {
            rank(n, distance(position(k)), k)
        });
        self.touched.clear();
        ranked.into_iter().map(|r| r as u32).collect()
    }
}

/// A candidate's rank as one number, smallest first: the most shared
/// words, then the nearest relative position, then the first. (A
/// non-negative float's bits order as the float does.)
fn rank(shared: u32, distance: f64, index: u32) -> u128 {
    (u128::from(u32::MAX - shared) << 96)
        | (u128::from(distance.to_bits()) << 32)
        | u128::from(index)
}

/// The best `limit` of the entries an index lookup touched, by `rank_of`
/// (entry, shared count) as [`rank`] makes it, smallest first, in no
/// particular order; the counts of all touched entries are reset to zero.
fn best_candidates(
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
fn window(list: &[u32], room: usize, centre: usize) -> &[u32] {
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

#[cfg(test)]
mod tests {
    use super::*;

    const WIDE: Reach = Reach {
        budget: 1000,
        common: 1000,
        limit: 10,
    };

    /// The candidates of a query of words counted once, sorted, with
    /// entries at their own number, distance to `expected` and all free.
    fn best_of(lookup: &mut Lookup<'_>, words: &[u32], expected: usize) -> Vec<u32> {
        let mut found = lookup.best(
            words.iter().map(|&w| (w, 1)),
            expected,
            |k| k as usize,
            |j| j.abs_diff(expected) as f64,
            |_| true,
        );
        found.sort_unstable();
        found
    }

    #[test]
    fn postings_list_each_entry_once_per_word_in_entry_order() {
        let postings = Postings::new(4, [vec![2, 0, 2], vec![], vec![0, 3]]);
        assert_eq!(postings.entries, 3);
        assert_eq!(postings.list(0), [0, 2]);
        assert_eq!(postings.list(1), [] as [u32; 0]);
        assert_eq!(postings.list(2), [0]);
        assert_eq!(postings.list(3), [2]);
    }

    #[test]
    fn the_entries_sharing_the_most_words_come_first() {
        let postings = Postings::new(5, [vec![0, 1], vec![0, 1, 2], vec![3], vec![1]]);
        let mut lookup = Lookup::new(&postings, Reach { limit: 2, ..WIDE });
        assert_eq!(best_of(&mut lookup, &[0, 1, 2], 0), [0, 1]);
        // Among equals, the nearest to the expected place, then the first.
        let mut lookup = Lookup::new(&postings, Reach { limit: 1, ..WIDE });
        assert_eq!(best_of(&mut lookup, &[1], 3), [3]);
        assert_eq!(best_of(&mut lookup, &[1], 0), [0]);
        assert_eq!(
            lookup.best([(1, 1)], 0, |k| k as usize, |_| 0.0, |_| true),
            [0]
        );
        // A word in no entry finds nothing, and the scratch space is clean.
        assert!(best_of(&mut lookup, &[4], 0).is_empty());
        assert!(lookup.shared.iter().all(|&n| n == 0) && lookup.touched.is_empty());
    }

    #[test]
    fn times_weigh_a_word_and_entries_not_free_are_skipped() {
        let postings = Postings::new(2, [vec![0, 1], vec![1], vec![0]]);
        let mut lookup = Lookup::new(&postings, Reach { limit: 1, ..WIDE });
        let at = |k: u32| k as usize;
        let flat = |_: usize| 0.0;
        assert_eq!(lookup.best([(0, 1), (1, 1)], 0, at, flat, |_| true), [0]);
        // Word 1 three times: entry 1 (word 1) beats entry 2 (word 0).
        assert_eq!(lookup.best([(0, 1), (1, 3)], 0, at, flat, |k| k != 0), [1]);
        assert_eq!(lookup.best([(0, 3), (1, 1)], 0, at, flat, |k| k != 0), [2]);
        assert!(lookup.best([(1, 1)], 0, at, flat, |_| false).is_empty());
    }

    #[test]
    fn common_words_are_not_looked_up() {
        let postings = Postings::new(2, [vec![0, 1], vec![0], vec![0]]);
        let mut lookup = Lookup::new(&postings, Reach { common: 2, ..WIDE });
        assert_eq!(best_of(&mut lookup, &[0], 0), [] as [u32; 0]);
        assert_eq!(best_of(&mut lookup, &[0, 1], 0), [0]);
    }

    #[test]
    fn over_budget_the_rarest_words_and_the_nearest_entries_are_read() {
        // Word 0 is in every entry; word 1 only in entries 0 and 9.
        let entries: Vec<Vec<u32>> = (0..10)
            .map(|k| {
                if k == 0 || k == 9 {
                    vec![0, 1]
                } else {
                    vec![0]
                }
            })
            .collect();
        let postings = Postings::new(2, &entries);
        let reach = Reach {
            budget: 4,
            common: 10,
            limit: 10,
        };
        let mut lookup = Lookup::new(&postings, reach);
        // Word 1 first (2 visits), then 2 entries of word 0 around 5.
        assert_eq!(best_of(&mut lookup, &[0, 1], 5), [0, 4, 5, 9]);
        // Near the end, the window stays inside the list.
        assert_eq!(best_of(&mut lookup, &[0], 9), [6, 7, 8, 9]);
        // Entries not free still use up the budget.
        let found = lookup.best([(0, 1), (1, 1)], 5, |k| k as usize, |_| 0.0, |k| k != 5);
        assert_eq!(found.len(), 3);
        // Within the budget, every list is read whole.
        let wide = Reach {
            budget: 20,
            ..reach
        };
        let mut lookup = Lookup::new(&postings, wide);
        assert_eq!(best_of(&mut lookup, &[0, 1], 5).len(), 10);
    }

    #[test]
    fn positions_place_the_window() {
        // Entries numbered 0..6 stand at positions 10, 20, …, 60.
        let entries: Vec<Vec<u32>> = (0..6).map(|_| vec![0]).collect();
        let postings = Postings::new(1, &entries);
        let reach = Reach {
            budget: 2,
            common: 6,
            limit: 6,
        };
        let mut lookup = Lookup::new(&postings, reach);
        let at = |k: u32| 10 * (k as usize + 1);
        let mut found = lookup.best([(0, 1)], 45, at, |p| p.abs_diff(45) as f64, |_| true);
        found.sort_unstable();
        assert_eq!(found, [3, 4]);
    }

    #[test]
    fn rank_orders_shared_then_distance_then_index() {
        assert!(rank(3, 0.5, 9) < rank(2, 0.0, 0));
        assert!(rank(2, 0.1, 9) < rank(2, 0.2, 0));
        assert!(rank(2, 0.1, 1) < rank(2, 0.1, 2));
        assert_eq!(rank(7, 0.25, 42) as u32, 42);
    }

    #[test]
    fn best_candidates_keeps_the_best_and_resets_the_counts() {
        let mut shared = vec![1, 3, 0, 2];
        let mut best = best_candidates(&[0, 1, 3], &mut shared, 2, |k, n| rank(n, 0.0, k));
        best.sort_unstable();
        assert_eq!(best.iter().map(|&r| r as u32).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(shared, [0, 0, 0, 0]);
    }

    #[test]
    fn window_reads_around_the_centre_within_the_list() {
        let list: Vec<u32> = (0..10).collect();
        assert_eq!(window(&list, 20, 3), &list[..]);
        assert_eq!(window(&list, 4, 5), [3, 4, 5, 6]);
        assert_eq!(window(&list, 4, 0), [0, 1, 2, 3]);
        assert_eq!(window(&list, 4, 10), [6, 7, 8, 9]);
        assert!(window(&list, 0, 5).is_empty());
    }

    #[test]
    fn distinct_sorts_and_dedups() {
        assert_eq!(distinct(&[3, 1, 3, 2, 1]), [1, 2, 3]);
    }
}
