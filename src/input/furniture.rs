//! Running headers and footers of a PDF copy, found by repetition: a short
//! line said again and again at page intervals, the same each time or with
//! only its numbers changing ("Joint Statement 2", "Joint Statement 3").

use std::collections::HashMap;

use super::layout::width;

/// The fewest times a line recurs to be read as a running header or footer.
const MIN_PAGES: usize = 3;

/// The fewest lines between two of its occurrences: a page holds more.
const MIN_PAGE_LINES: usize = 8;

/// The widest running header or footer, in columns.
const MAX_WIDTH: usize = 100;

/// Which lines are running headers or footers: lines that, with each run
/// of digits read as one number, recur at least three times, at least
/// eight lines apart, with no gap more than twice another (the pages of a
/// copy are of about one length).
pub(super) fn running_lines(lines: &[&str]) -> Vec<bool> {
    let mut places: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(key) = key_of(line) {
            places.entry(key).or_default().push(i);
        }
    }
    let mut running = vec![false; lines.len()];
    for at in places.values().filter(|at| at.len() >= MIN_PAGES) {
        let gaps: Vec<usize> = at.windows(2).map(|w| w[1] - w[0]).collect();
        let (Some(&least), Some(&most)) = (gaps.iter().min(), gaps.iter().max()) else {
            continue;
        };
        if least >= MIN_PAGE_LINES && most <= least * 2 {
            for &i in at {
                running[i] = true;
            }
        }
    }
    running
}

/// The line with its white space folded and each run of digits written
/// `#`; `None` for a line too long or too bare to be a running header.
fn key_of(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || width(line) > MAX_WIDTH {
        return None;
    }
    let mut key = String::with_capacity(line.len());
    let mut last = ' ';
    for c in line.chars() {
        let c = if c.is_ascii_digit() {
            '#'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if (c == '#' || c == ' ') && c == last {
            continue;
        }
        key.push(c);
        last = c;
    }
    Some(key)
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
