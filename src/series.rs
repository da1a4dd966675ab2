//! Series: follow every paragraph and every commitment through successive
//! rounds of one statement — the round it first appeared in, each round
//! where it was reworded or moved, the round it was dropped, and a return
//! after a gap.

use rayon::prelude::*;

use crate::align::{AlignOptions, align};
use crate::classify::redline::{edits, redline};
use crate::commitments::{self, MatchOptions};
use crate::compare::Settings;
use crate::compare::compare_step;
use crate::document::{Document, Paragraph};
use crate::model::{Commitment, CommitmentKind};
use crate::model::{Edit, Summary};
use crate::{Options, Report, SideInfo};

/// What a lineage did in one round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Not there yet, or gone since an earlier round.
    Absent,
    /// First appearance.
    New,
    /// As in the round before.
    Same,
    /// Other words, same place.
    Reworded,
    /// Another place (with or without other words).
    Moved,
    /// Dropped in this round.
    Gone,
    /// Back after one or more rounds away.
    Returned,
}

impl State {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            State::Absent => "absent",
            State::New => "new",
            State::Same => "same",
            State::Reworded => "reworded",
            State::Moved => "moved",
            State::Gone => "gone",
            State::Returned => "returned",
        }
    }

    /// True when the lineage is present in the round.
    pub fn present(self) -> bool {
        !matches!(self, State::Absent | State::Gone)
    }
}

/// One round of a lineage.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// What happened in this round.
    pub state: State,
    /// 1-based paragraph in this round, when present.
    pub paragraph: Option<usize>,
    /// Similarity to the previous appearance (reworded, moved, returned).
    pub similarity: Option<f64>,
    /// Word edits from the previous appearance (reworded, moved, returned).
    pub edits: Vec<Edit>,
}

impl Cell {
    fn absent() -> Cell {
        Cell {
            state: State::Absent,
            paragraph: None,
            similarity: None,
            edits: Vec::new(),
        }
    }
}

/// A paragraph or commitment followed through the rounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Lineage {
    /// Its text in its latest appearance.
    pub text: String,
    /// One cell per round.
    pub cells: Vec<Cell>,
}

impl Lineage {
    /// 0-based round of the first appearance.
    pub fn first(&self) -> usize {
        self.cells
            .iter()
            .position(|c| c.state.present())
            .unwrap_or(0)
    }

    /// True when it changed in some round after its first.
    pub fn changed(&self) -> bool {
        self.cells
            .iter()
            .skip(self.first() + 1)
            .any(|c| c.state != State::Same && c.state != State::Absent)
    }
}

/// One step of a series: a round compared with the next.
#[derive(Debug, Clone)]
pub struct Step {
    /// 0-based round compared from.
    pub from: usize,
    /// Paragraph counts of the step.
    pub summary: Summary,
    /// Commitments kept, reworded, added and dropped in the step.
    pub commitments: [usize; 4],
    /// The step's comparison (changes, commitments, key terms), for its
    /// digest; without the unchanged paragraphs.
    pub report: Report,
}

/// A whole series followed.
#[derive(Debug, Clone)]
pub struct SeriesReport {
    /// The rounds, in order.
    pub rounds: Vec<SideInfo>,
    /// Each round compared with the next.
    pub steps: Vec<Step>,
    /// Paragraph lineages, ordered by first appearance then position.
    pub paragraphs: Vec<Lineage>,
    /// Commitment lineages, likewise.
    pub commitments: Vec<Lineage>,
    /// The settings used.
    pub settings: Settings,
}

impl SeriesReport {
    /// True when no round changed anything.
    pub fn is_same(&self) -> bool {
        self.steps.iter().all(|s| s.summary.is_same())
    }
}

/// Something that can be followed: paragraphs or commitments.
trait Item {
    fn text(&self) -> &str;
    fn number(&self) -> usize;
}

impl Item for Paragraph {
    fn text(&self) -> &str {
        &self.text
    }
    fn number(&self) -> usize {
        self.index
    }
}

impl Item for Commitment {
    fn text(&self) -> &str {
        &self.text
    }
    fn number(&self) -> usize {
        self.paragraph
    }
}

/// A link from an item of one round to an item of the next.
struct Link {
    old: usize,
    new: usize,
    state: State,
    similarity: f64,
}

/// Follows the documents (in order) through the series.
pub fn follow(documents: &[Document], options: &Options) -> SeriesReport {
    let align_options = AlignOptions {
        threshold: options.threshold,
        timeout: options.timeout,
    };
    let extracted: Vec<Vec<Commitment>> = documents
        .par_iter()
        .map(|d| commitments::extract(&d.paragraphs, &options.lexicon))
        .collect();
    let match_options = MatchOptions {
        threshold: options.commitment_threshold,
    };

    // Each step on its own (in parallel): the paragraph report and the
    // commitment matches.
    let steps: Vec<(Step, Vec<Link>, Vec<Link>)> = documents
        .par_windows(2)
        .zip(extracted.par_windows(2))
        .enumerate()
        .map(|(k, (docs, cs))| {
            let (report, alignment) = compare_step(&docs[0], &docs[1], &cs[0], &cs[1], options);
            let paragraph_links = alignment
                .pairs
                .iter()
                .map(|p| Link {
                    old: p.old,
                    new: p.new,
                    state: match (p.identical, p.in_place) {
                        (true, true) => State::Same,
                        (false, true) => State::Reworded,
                        _ => State::Moved,
                    },
                    similarity: p.similarity,
                })
                .collect();
            let changes = &report.commitments;
            let index_of = |list: &[Commitment], c: &Commitment| list.iter().position(|x| x == c);
            let mut counts = [0usize; 4];
            let mut commitment_links = Vec::new();
            for c in changes {
                counts[c.kind as usize] += 1;
                if let (Some(o), Some(n)) = (&c.old, &c.new)
                    && let (Some(i), Some(j)) = (index_of(&cs[0], o), index_of(&cs[1], n))
                {
                    let state = if c.kind == CommitmentKind::Kept {
                        State::Same
                    } else {
                        State::Reworded
                    };
                    commitment_links.push(Link {
                        old: i,
                        new: j,
                        state,
                        similarity: c.similarity.unwrap_or(1.0),
                    });
                }
            }
            let mut report = report;
            report.unchanged = Vec::new();
            let step = Step {
                from: k,
                summary: report.summary,
                commitments: counts,
                report,
            };
            (step, paragraph_links, commitment_links)
        })
        .collect();

    let paragraph_rounds: Vec<&[Paragraph]> =
        documents.iter().map(|d| d.paragraphs.as_slice()).collect();
    let commitment_rounds: Vec<&[Commitment]> = extracted.iter().map(Vec::as_slice).collect();
    let paragraph_links: Vec<&[Link]> = steps.iter().map(|s| s.1.as_slice()).collect();
    let commitment_links: Vec<&[Link]> = steps.iter().map(|s| s.2.as_slice()).collect();
    let returns_paragraphs = |gone: &[&Paragraph], added: &[&Paragraph]| {
        let gone: Vec<Paragraph> = gone.iter().map(|p| (*p).clone()).collect();
        let added: Vec<Paragraph> = added.iter().map(|p| (*p).clone()).collect();
        align(&gone, &added, &align_options)
            .pairs
            .into_iter()
            .map(|p| (p.old, p.new, p.similarity))
            .collect()
    };
    let returns_commitments = |gone: &[&Commitment], added: &[&Commitment]| {
        let gone: Vec<Commitment> = gone.iter().map(|c| (*c).clone()).collect();
        let added: Vec<Commitment> = added.iter().map(|c| (*c).clone()).collect();
        commitments::compare(&gone, &added, &match_options)
            .into_iter()
            .filter_map(|c| {
                let i = gone.iter().position(|g| Some(g) == c.old.as_ref())?;
                let j = added.iter().position(|a| Some(a) == c.new.as_ref())?;
                Some((i, j, c.similarity.unwrap_or(1.0)))
            })
            .collect()
    };
    SeriesReport {
        rounds: documents.iter().map(SideInfo::of).collect(),
        paragraphs: lineages(&paragraph_rounds, &paragraph_links, &returns_paragraphs),
        commitments: lineages(&commitment_rounds, &commitment_links, &returns_commitments),
        steps: steps.into_iter().map(|s| s.0).collect(),
        settings: Settings {
            threshold: options.threshold,
            chrome_rules: options.chrome_rules,
        },
    }
}

type Returns<'a, T> = dyn Fn(&[&T], &[&T]) -> Vec<(usize, usize, f64)> + 'a;

/// Builds lineages from the items of each round and the links of each step.
fn lineages<T: Item>(rounds: &[&[T]], links: &[&[Link]], returns: &Returns<'_, T>) -> Vec<Lineage> {
    let n = rounds.len();
    let mut out: Vec<Lineage> = Vec::new();
    // For each round, the lineage of each item.
    let mut owner: Vec<usize> = Vec::new();
    // Where each lineage was last seen: (round, item).
    let mut last: Vec<(usize, usize)> = Vec::new();
    if let Some(first) = rounds.first() {
        for (i, item) in first.iter().enumerate() {
            let mut cells = vec![Cell::absent(); n];
            cells[0] = Cell {
                state: State::New,
                paragraph: Some(item.number()),
                similarity: None,
                edits: Vec::new(),
            };
            out.push(Lineage {
                text: item.text().to_string(),
                cells,
            });
            owner.push(i);
            last.push((0, i));
        }
    }
    for (k, step_links) in links.iter().enumerate() {
        let round = k + 1;
        let items = rounds[round];
        let mut next_owner = vec![usize::MAX; items.len()];
        for link in step_links.iter() {
            let lineage = owner[link.old];
            let previous = rounds[k][link.old].text();
            let item = &items[link.new];
            out[lineage].cells[round] = changed_cell(link.state, item, previous, link.similarity);
            out[lineage].text = item.text().to_string();
            last[lineage] = (round, link.new);
            next_owner[link.new] = lineage;
        }
        // Lineages present in the previous round and not continued: gone.
        for (lineage, l) in out.iter_mut().enumerate() {
            if l.cells[k].state.present() && last[lineage].0 == k {
                l.cells[round].state = State::Gone;
            }
        }
        // New items: a return of a lineage gone earlier, or a new lineage.
        let added: Vec<usize> = (0..items.len())
            .filter(|&j| next_owner[j] == usize::MAX)
            .collect();
        let gone: Vec<usize> = (0..out.len())
            .filter(|&l| !out[l].cells[round].state.present() && last[l].0 < k)
            .collect();
        if !added.is_empty() && !gone.is_empty() {
            let gone_items: Vec<&T> = gone
                .iter()
                .map(|&l| &rounds[last[l].0][last[l].1])
                .collect();
            let added_items: Vec<&T> = added.iter().map(|&j| &items[j]).collect();
            for (g, a, similarity) in returns(&gone_items, &added_items) {
                let (lineage, j) = (gone[g], added[a]);
                let previous = gone_items[g].text();
                out[lineage].cells[round] =
                    changed_cell(State::Returned, &items[j], previous, similarity);
                out[lineage].text = items[j].text().to_string();
                last[lineage] = (round, j);
                next_owner[j] = lineage;
            }
        }
        for (j, slot) in next_owner.iter_mut().enumerate() {
            if *slot == usize::MAX {
                let mut cells = vec![Cell::absent(); n];
                cells[round] = Cell {
                    state: State::New,
                    paragraph: Some(items[j].number()),
                    similarity: None,
                    edits: Vec::new(),
                };
                out.push(Lineage {
                    text: items[j].text().to_string(),
                    cells,
                });
                last.push((round, j));
                *slot = out.len() - 1;
            }
        }
        owner = next_owner;
    }
    // Order: by first appearance, then by position in that round.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&l| {
        let first = out[l].first();
        (first, out[l].cells[first].paragraph.unwrap_or(0), l)
    });
    order.into_iter().map(|l| out[l].clone()).collect()
}

fn changed_cell<T: Item>(state: State, item: &T, previous: &str, similarity: f64) -> Cell {
    let same_words = previous == item.text();
    let edits = if same_words {
        Vec::new()
    } else {
        edits(&redline(previous, item.text()))
    };
    let state = if state == State::Reworded && edits.is_empty() {
        State::Same
    } else {
        state
    };
    Cell {
        state,
        paragraph: Some(item.number()),
        similarity: (state != State::Same).then_some((similarity * 100.0).round() / 100.0),
        edits,
    }
}

/// Orders files naturally by name: "2" before "10", case-insensitively.
pub fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, text)) if *d == digit => text.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (x, y) = (chunks(a), chunks(b));
    for (p, q) in x.iter().zip(&y) {
        let ord = match (p.0, q.0) {
            (true, true) => {
                let (m, n) = (p.1.trim_start_matches('0'), q.1.trim_start_matches('0'));
                m.len().cmp(&n.len()).then(m.cmp(n))
            }
            _ => p.1.to_lowercase().cmp(&q.1.to_lowercase()),
        };
        if ord.is_ne() {
            return ord;
        }
    }
    x.len().cmp(&y.len()).then(a.cmp(b))
}

/// A sortable form of a detected date ("April 26, 2024" → 20240426), for
/// `--order date`. Unknown dates sort last.
pub fn date_key(date: Option<&str>) -> u32 {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let Some(date) = date else { return u32::MAX };
    let numbers: Vec<u32> = date
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    let lower = date.to_lowercase();
    let month_name = MONTHS
        .iter()
        .position(|m| lower.contains(m))
        .map(|m| m as u32 + 1);
    let (y, m, d) = match (month_name, numbers.as_slice()) {
        (Some(m), [d, y]) if *y > 31 => (*y, m, *d),
        (Some(m), [y, d]) if *y > 31 => (*y, m, *d),
        (None, [y, m, d]) if *y > 31 => (*y, *m, *d),
        _ => return u32::MAX,
    };
    y * 10_000 + m * 100 + d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::Chrome;

    fn round(name: &str, paragraphs: &[&str]) -> Document {
        Document::from_text(name, &paragraphs.join("\n\n"), &Chrome::none())
    }

    const A: &str = "The officials met in Seoul to review the regional security environment.";
    const B: &str = "They condemned the launches of ballistic missiles by the DPRK.";
    const B2: &str = "They strongly condemned the launches of ballistic missiles by the DPRK.";
    const B3: &str =
        "They strongly condemned the repeated launches of ballistic missiles by the DPRK.";
    const C: &str =
        "The officials reaffirmed their commitment to stand with Ukraine against aggression.";
    const D: &str =
        "The United States reaffirmed its ironclad commitment to the defense of its allies.";
    const E: &str = "They welcomed the signing of the framework on security cooperation in Tokyo.";
    const F: &str = "They agreed to hold the next talks in Tokyo next year.";

    fn states(l: &Lineage) -> Vec<&'static str> {
        l.cells.iter().map(|c| c.state.name()).collect()
    }

    fn find<'a>(report: &'a SeriesReport, needle: &str) -> &'a Lineage {
        report
            .paragraphs
            .iter()
            .find(|l| l.text.contains(needle))
            .unwrap()
    }

    /// A hand-checked five-round series: E added in round 2 and dropped in
    /// round 4; B reworded twice; D moved; C gone in rounds 2–3 and back in 4.
    #[test]
    fn hand_checked_lineages() {
        let rounds = [
            round("r1", &[A, B, C, D, F]),
            round("r2", &[A, B2, E, D, F]),
            round("r3", &[A, B2, E, D, F]),
            round("r4", &[D, A, B3, C, F]),
            round("r5", &[D, A, B3, C, F]),
        ];
        let report = follow(&rounds, &Options::default());
        assert_eq!(
            states(find(&report, "signing of the framework")),
            ["absent", "new", "same", "gone", "absent"]
        );
        assert_eq!(
            states(find(&report, "launches of ballistic")),
            ["new", "reworded", "same", "reworded", "same"]
        );
        let b = find(&report, "launches of ballistic");
        assert_eq!(b.cells[1].edits[0].inserted, "strongly");
        assert_eq!(b.cells[3].edits[0].inserted, "repeated");
        let d = find(&report, "ironclad");
        assert_eq!(d.cells[3].state, State::Moved);
        assert_eq!(
            states(find(&report, "stand with Ukraine")),
            ["new", "gone", "absent", "returned", "same"]
        );
        assert_eq!(
            states(find(&report, "met in Seoul")),
            ["new", "same", "same", "same", "same"]
        );
        assert_eq!(report.paragraphs.len(), 6);
        assert!(!report.is_same());
        assert_eq!(
            report.steps[1].summary,
            Summary {
                unchanged: 5,
                ..Summary::default()
            }
        );
    }

    #[test]
    fn commitments_are_followed_too() {
        let rounds = [
            round("r1", &[B, C]),
            round("r2", &[B2]),
            round("r3", &[B2, C]),
        ];
        let report = follow(&rounds, &Options::default());
        let ukraine = report
            .commitments
            .iter()
            .find(|l| l.text.contains("Ukraine"))
            .unwrap();
        assert_eq!(states(ukraine), ["new", "gone", "returned"]);
        let condemned = report
            .commitments
            .iter()
            .find(|l| l.text.contains("condemned"))
            .unwrap();
        assert_eq!(states(condemned), ["new", "reworded", "same"]);
    }

    #[test]
    fn identical_rounds_are_the_same() {
        let rounds = [
            round("r1", &[A, B]),
            round("r2", &[A, B]),
            round("r3", &[A, B]),
        ];
        let report = follow(&rounds, &Options::default());
        assert!(report.is_same());
        assert!(report.paragraphs.iter().all(|l| !l.changed()));
    }

    #[test]
    fn natural_order_puts_2_before_10() {
        let mut names = vec!["r10.txt", "r2.txt", "R1.txt", "r02b.txt"];
        names.sort_by(|a, b| natural_order(a, b));
        assert_eq!(names, ["R1.txt", "r2.txt", "r02b.txt", "r10.txt"]);
    }

    #[test]
    fn dates_sort() {
        assert_eq!(date_key(Some("April 26, 2024")), 20240426);
        assert_eq!(date_key(Some("26 April 2024")), 20240426);
        assert_eq!(date_key(Some("2024-09-10")), 20240910);
        assert_eq!(date_key(Some("2024년 9월 10일")), 20240910);
        assert_eq!(date_key(None), u32::MAX);
        assert!(date_key(Some("Sept. 3, 2023")) < date_key(Some("Jan. 5, 2024")));
    }
}
