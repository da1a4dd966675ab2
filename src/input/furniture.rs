//! Running headers and footers of a PDF copy, found by repetition: a short
//! line said again and again at page intervals, the same each time or with
//! only its numbers changing ("Joint Statement 2", "Joint Statement 3").

use std::collections::HashMap;

use super::layout::{ends_sentence, width};

/// The fewest times a line recurs to be read as a running header or footer.
const MIN_PAGES: usize = 3;

/// The fewest lines between two of its occurrences: a page holds more.
const MIN_PAGE_LINES: usize = 8;

/// The widest running header or footer, in columns.
const MAX_WIDTH: usize = 100;

/// Which lines are running headers or footers: short lines that end no
/// sentence and, with each run of digits read as one number, recur at
/// least three times, at least eight lines apart, at about one interval
/// (the gaps differ by a quarter of the shortest at most: the pages of a
/// copy are of one length), between lines that differ from page to page.
pub(super) fn running_lines(lines: &[&str]) -> Vec<bool> {
    // Lines grouped by a hash of their folded text, then each group split
    // by the text itself (a hash says nothing for sure), without building
    // a key for every line of a long text.
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(hash) = hash_of(line) {
            by_hash.entry(hash).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for at in by_hash.into_values().filter(|at| at.len() >= MIN_PAGES) {
        let mut left = at;
        while let Some(&first) = left.first() {
            let (same, other): (Vec<usize>, Vec<usize>) = left
                .into_iter()
                .partition(|&i| folded(lines[i]).eq(folded(lines[first])));
            groups.push(same);
            left = other;
        }
    }
    let mut running = vec![false; lines.len()];
    for at in groups.iter().filter(|at| at.len() >= MIN_PAGES) {
        let gaps: Vec<usize> = at.windows(2).map(|w| w[1] - w[0]).collect();
        let (Some(&least), Some(&most)) = (gaps.iter().min(), gaps.iter().max()) else {
            continue;
        };
        if least < MIN_PAGE_LINES || most - least > (least / 4).max(3) {
            continue;
        }
        // A header stands between different text on each page; text said
        // again with what comes before and after it is repeated content.
        let mostly_same = |step: fn(usize) -> Option<usize>| {
            let mut counts: HashMap<Option<&str>, usize> = HashMap::new();
            for &i in at {
                let neighbour = std::iter::successors(step(i), |&j| step(j))
                    .take_while(|&j| j < lines.len())
                    .find(|&j| !lines[j].trim().is_empty())
                    .map(|j| lines[j].trim());
                *counts.entry(neighbour).or_default() += 1;
            }
            counts.values().max().is_some_and(|&n| n * 2 > at.len())
        };
        if !(mostly_same(|i| i.checked_sub(1)) && mostly_same(|i| i.checked_add(1))) {
            for &i in at {
                running[i] = true;
            }
        }
    }
    running
}

/// The line with its white space folded and each run of digits written
/// `#`.
fn folded(line: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = ' ';
    line.trim().chars().filter_map(move |c| {
        let c = if c.is_ascii_digit() {
            '#'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        let repeat = (c == '#' || c == ' ') && c == last;
        last = c;
        (!repeat).then_some(c)
    })
}

/// A hash of the folded line; `None` for a line too long or too bare to be
/// a running header.
fn hash_of(line: &str) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let line = line.trim();
    // Four bytes a character at most: a longer line is too wide.
    if line.is_empty() || line.len() > 4 * MAX_WIDTH || width(line) > MAX_WIDTH {
        return None;
    }
    // A header or footer is a label: it does not go on with a sentence in
    // lower case, nor end one.
    if line.starts_with(char::is_lowercase) || ends_sentence(line) {
        return None;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    folded(line).for_each(|c| c.hash(&mut hasher));
    Some(hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(header: impl Fn(usize) -> String, body: usize, count: usize) -> Vec<String> {
        let mut lines = Vec::new();
        for page in 1..=count {
            lines.push(header(page));
            for n in 0..body {
                lines.push(format!("body line {page} {n} of the talks"));
            }
        }
        lines
    }

    #[test]
    fn a_header_with_a_page_number_recurs_at_page_intervals() {
        let lines = pages(|p| format!("Trilateral Talks  {p}"), 10, 3);
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let running = running_lines(&lines);
        assert_eq!(running.iter().filter(|&&r| r).count(), 3);
        assert!(running[0] && running[11] && running[22]);
    }

    #[test]
    fn lines_said_twice_or_close_together_are_not_furniture() {
        let lines = pages(|_| "Agreed Actions".to_string(), 10, 2);
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert!(!running_lines(&lines).contains(&true));
        let close = ["Note", "a", "Note", "b", "Note", "c"];
        assert!(!running_lines(&close).contains(&true));
        // Irregular: two near, one far.
        let mut far: Vec<String> = (0..60).map(|n| format!("line {n} text")).collect();
        for at in [0, 9, 50] {
            far[at] = "Joint Statement".into();
        }
        let far: Vec<&str> = far.iter().map(String::as_str).collect();
        assert!(!running_lines(&far).contains(&true));
    }
}
