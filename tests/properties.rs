//! Property tests (issue 7): invariants of the whole pipeline on generated
//! statements.
//!
//! A statement is a list of paragraphs drawn from statement-like words
//! ("condemned", "pledged", "DPRK", "U.S.") mixed with awkward text: curly
//! quotes, non-breaking spaces, CJK, control and zero-width characters,
//! paragraph numbers ("1.", "(a)", "-"), chrome-like lines and empty lines.
//! The "new" statement is the old one mutated: paragraphs reworded, dropped,
//! inserted, moved and duplicated.
//!
//! Case counts are modest (`CASES`, default 64; `PROPTEST_CASES` overrides)
//! so the file runs in seconds in a debug build.

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::Index;

use statement_diff::chrome::Chrome;
use statement_diff::commitments;
use statement_diff::document::Document;
use statement_diff::model::ChangeKind;
use statement_diff::model::{Commitment, CommitmentKind};
use statement_diff::report::yaml::{self, YamlReport};
use statement_diff::text::normalize::{comparison_key, fold_typography, split_number};
use statement_diff::{Options, Report, compare};

const CASES: u32 = 64;

static CHROME: LazyLock<Chrome> = LazyLock::new(Chrome::builtin);
static OPTIONS: LazyLock<Options> = LazyLock::new(Options::default);

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        // Shrinking a failing statement can take long in a debug build.
        max_shrink_iters: 2048,
        // Only the files of issue 7 belong to this change: no
        // `properties.proptest-regressions` file; known failures are pinned
        // as explicit tests below instead.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Generators

/// Words a joint statement is made of, reporting verbs included so that
/// commitments are found, and YAML 1.1 look-alikes ("no", "10:30").
const VOCABULARY: &[&str] = &[
    "The",
    "the",
    "officials",
    "They",
    "they",
    "three",
    "defense",
    "ministers",
    "United",
    "States",
    "U.S.",
    "Japan",
    "ROK",
    "ROK-U.S.-Japan",
    "DPRK",
    "DPRK's",
    "North",
    "Korea",
    "Russia",
    "China",
    "Ukraine",
    "Taiwan",
    "Strait",
    "UNCLOS",
    "Camp",
    "David",
    "FREEDOM",
    "EDGE",
    "TSCF",
    "nuclear",
    "missile",
    "missiles",
    "ballistic",
    "launches",
    "denuclearization",
    "condemned",
    "strongly",
    "pledged",
    "reaffirmed",
    "affirmed",
    "welcomed",
    "urged",
    "agreed",
    "expressed",
    "serious",
    "grave",
    "concern",
    "noted",
    "discussed",
    "met",
    "reviewed",
    "will",
    "may",
    "intend",
    "to",
    "explore",
    "continue",
    "not",
    "never",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "their",
    "its",
    "ironclad",
    "commitment",
    "cooperation",
    "trilateral",
    "security",
    "exercise",
    "Talks",
    "hold",
    "next",
    "year",
    "Seoul",
    "Tokyo",
    "Washington",
    "15th",
    "16th",
    "2024",
    "September",
    "12,",
    "peace",
    "stability",
    "Indo-Pacific",
    "multi-",
    "year",
    "trilat-",
    "eral",
    "No.",
    "Jan.",
    "no",
    "yes",
    "On",
    "off",
    "y",
    "10:30",
    "2024-04-24",
    "1_000",
    "0x1F",
    "=",
    "<<",
    "~",
    "null",
    "#",
    "&anchor",
    "*alias",
    "!tag",
    "key:",
    "- ",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    ",",
    ".",
    ";",
    ":",
    "(a)",
    "\u{201c}Commitment",
    "to",
    "Consult,\u{201d}",
    "DPRK\u{2019}s",
    "\u{2018}quoted\u{2019}",
    "\u{ab}guillemets\u{bb}",
    "\u{2014}",
    "\u{2013}",
    "\u{2212}",
    "\u{a0}",
    "\u{202f}",
    "\u{3000}",
    "\u{200b}",
    "\u{ad}",
    "\u{feff}",
    "\u{2060}",
    "\u{301}",
    "e\u{301}",
    "\u{e9}",
    "\u{fb01}nal",
    "\u{ff11}\u{ff15}th",
    "\u{d55c}\u{bbf8}\u{c77c}",
    "\u{d55c}\u{bbf8}\u{c77c}\u{c740}",
    "\u{bd81}\u{d55c}\u{c758}",
    "\u{ac15}\u{b825}\u{d788}",
    "\u{b2e4}.",
    "\u{65e5}\u{7c73}\u{97d3}",
    "\u{5317}\u{671d}\u{9bae}\u{306e}",
    "\u{3067}\u{3042}\u{308b}\u{3002}",
    "\u{1f1f0}\u{1f1f7}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{0}",
    "\t",
    "\u{b}",
    "\u{c}",
    "\r",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{202e}",
    "\u{fffd}",
];

/// Whole paragraphs the chrome rules know, so that chrome is set aside
/// somewhere in the generated statements.
const CHROME_LINES: &[&str] = &[
    "###",
    "NEWS | April 26, 2024",
    "Home : Media : News",
    "Share Print Email",
    "Media contact: press@example.gov",
    "Related: other statements",
    "September 12, 2024",
    "Release No: 24-123",
    "\u{bcf4}\u{b3c4}\u{c790}\u{b8cc}",
];

/// Paragraph numbers and list markers.
const PREFIXES: &[&str] = &[
    "1.", "2.", "12.", "3)", "(4)", "(a)", "a)", "IV.", "iv)", "-", "*", "\u{2022}", "\u{2014}",
    "\u{30fb}", "1. 2.", "- 1.", "(a) -",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(VOCABULARY).prop_map(str::to_string),
        1 => "\\PC{1,6}",
        1 => any::<char>().prop_map(String::from),
    ]
}

#[derive(Debug, Clone)]
struct Para {
    prefix: Option<&'static str>,
    words: Vec<String>,
    /// Hard-wrap the paragraph's lines at this width.
    wrap: Option<usize>,
    /// End with a full stop.
    stop: bool,
}

impl Para {
    fn render(&self) -> String {
        let mut text = String::new();
        if let Some(prefix) = self.prefix {
            text.push_str(prefix);
            text.push(' ');
        }
        text.push_str(&self.words.join(" "));
        if self.stop {
            text.push('.');
        }
        match self.wrap {
            None => text,
            Some(width) => {
                let mut out = String::new();
                let mut column = 0;
                for w in text.split(' ') {
                    if column > 0 && column + w.chars().count() > width {
                        out.push('\n');
                        column = 0;
                    } else if column > 0 {
                        out.push(' ');
                        column += 1;
                    }
                    out.push_str(w);
                    column += w.chars().count();
                }
                out
            }
        }
    }
}

fn para() -> impl Strategy<Value = Para> {
    (
        prop::option::weighted(0.3, prop::sample::select(PREFIXES)),
        prop::collection::vec(word(), 0..24),
        prop::option::weighted(0.2, 8usize..70),
        prop::bool::weighted(0.8),
    )
        .prop_map(|(prefix, words, wrap, stop)| Para {
            prefix,
            words,
            wrap,
            stop,
        })
}

#[derive(Debug, Clone)]
enum Block {
    Para(Para),
    /// A line the chrome rules match.
    Chrome(&'static str),
    /// An extra empty (or blank-looking) line.
    Empty(&'static str),
}

impl Block {
    fn render(&self) -> String {
        match self {
            Block::Para(p) => p.render(),
            Block::Chrome(s) | Block::Empty(s) => (*s).to_string(),
        }
    }
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        10 => para().prop_map(Block::Para),
        1 => prop::sample::select(CHROME_LINES).prop_map(Block::Chrome),
        1 => prop::sample::select(&["", " ", "\u{a0}", "\t", "\u{3000}", "\u{200b}"][..])
            .prop_map(Block::Empty),
    ]
}

/// A statement: an optional title and up to `MAX_BLOCKS` blocks.
const MAX_BLOCKS: usize = 10;

#[derive(Debug, Clone)]
struct Statement {
    title: Option<String>,
    blocks: Vec<Block>,
    /// How blocks are separated.
    separator: &'static str,
}

impl Statement {
    fn render(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(title) = &self.title {
            parts.push(title.clone());
        }
        parts.extend(self.blocks.iter().map(Block::render));
        parts.join(self.separator)
    }
}

fn statement() -> impl Strategy<Value = Statement> {
    (
        prop::option::weighted(
            0.5,
            prop::collection::vec(word(), 1..8).prop_map(|w| w.join(" ")),
        ),
        prop::collection::vec(block(), 0..=MAX_BLOCKS),
        prop::sample::select(&["\n\n", "\n\n\n", "\r\n\r\n", "\n \u{a0}\n", "\n"][..]),
    )
        .prop_map(|(title, blocks, separator)| Statement {
            title,
            blocks,
            separator,
        })
}

/// One edit turning the old statement into the new one.
#[derive(Debug, Clone)]
enum Mutation {
    /// Replace, insert or delete a word of a paragraph.
    Reword {
        at: Index,
        word: Index,
        how: u8,
        with: String,
    },
    /// Drop a block.
    Drop(Index),
    /// Insert a new block.
    Insert(Index, Block),
    /// Move a block elsewhere.
    Move(Index, Index),
    /// Duplicate a block somewhere else.
    Duplicate(Index, Index),
    /// Renumber a paragraph.
    Renumber(Index, Option<&'static str>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), any::<Index>(), 0u8..3, word())
            .prop_map(|(at, word, how, with)| Mutation::Reword { at, word, how, with }),
        1 => any::<Index>().prop_map(Mutation::Drop),
        1 => (any::<Index>(), block()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Move(a, b)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Duplicate(a, b)),
        1 => (
            any::<Index>(),
            prop::option::of(prop::sample::select(PREFIXES))
        )
            .prop_map(|(a, p)| Mutation::Renumber(a, p)),
    ]
}

fn mutate(old: &Statement, mutations: &[Mutation]) -> Statement {
    let mut new = old.clone();
    let blocks = &mut new.blocks;
    for m in mutations {
        match m {
            Mutation::Reword {
                at,
                word,
                how,
                with,
            } => {
                if blocks.is_empty() {
                    continue;
                }
                let i = at.index(blocks.len());
                if let Block::Para(p) = &mut blocks[i] {
                    let n = p.words.len();
                    match (how, n) {
                        (0, n) if n > 0 => p.words[word.index(n)] = with.clone(),
                        (1, n) if n > 0 => {
                            p.words.remove(word.index(n));
                        }
                        _ => p.words.insert(word.index(n + 1), with.clone()),
                    }
                }
            }
            Mutation::Drop(at) => {
                if !blocks.is_empty() {
                    blocks.remove(at.index(blocks.len()));
                }
            }
            Mutation::Insert(at, block) => {
                if blocks.len() < 2 * MAX_BLOCKS {
                    blocks.insert(at.index(blocks.len() + 1), block.clone());
                }
            }
            Mutation::Move(from, to) => {
                if !blocks.is_empty() {
                    let b = blocks.remove(from.index(blocks.len()));
                    blocks.insert(to.index(blocks.len() + 1), b);
                }
            }
            Mutation::Duplicate(from, to) => {
                if !blocks.is_empty() && blocks.len() < 2 * MAX_BLOCKS {
                    let b = blocks[from.index(blocks.len())].clone();
                    blocks.insert(to.index(blocks.len() + 1), b);
                }
            }
            Mutation::Renumber(at, prefix) => {
                if blocks.is_empty() {
                    continue;
                }
                let i = at.index(blocks.len());
                if let Block::Para(p) = &mut blocks[i] {
                    p.prefix = *prefix;
                }
            }
        }
    }
    new
}

/// An old statement and its mutated new version, as text.
fn statement_pair() -> impl Strategy<Value = (String, String)> {
    (statement(), prop::collection::vec(mutation(), 0..8))
        .prop_map(|(old, mutations)| (old.render(), mutate(&old, &mutations).render()))
}

/// A pair of texts: usually an old statement and its new version, sometimes
/// two unrelated statements.
fn texts() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        4 => statement_pair(),
        1 => (statement(), statement()).prop_map(|(a, b)| (a.render(), b.render())),
    ]
}

/// Arbitrary strings, biased towards line structure.
fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "(\\PC|\n|\r|\t|\u{a0}|\u{200b}|\u{0}|\u{7}){0,300}",
        "([a-z]{1,8}|\\.|-|\n|\n\n|1\\. |\\(a\\) |<p>|</p>|<html>|# |\\* ){0,80}",
        // Markers, invisibles and combining marks next to each other.
        "(1\\. |- |\\(a\\) |IV\\. |\u{2022} |e|\u{301}|\u{308}|\u{1100}|\u{1161}|\u{200b}|\u{ad}|\u{feff}| |\u{a0}|\u{2019}|\u{ff11}|\u{fb01}|x){0,20}",
    ]
}

// ---------------------------------------------------------------------------
// Helpers

fn doc(name: &str, text: &str) -> Document {
    Document::from_text(name, text, &CHROME)
}

fn diff(old: &Document, new: &Document) -> Report {
    compare(old, new, &OPTIONS)
}

/// Checks that every paragraph of each side is in exactly one change or in
/// the unchanged list, and that the summary counts agree with the lists.
fn check_accounting(report: &Report, old: &Document, new: &Document) -> Result<(), TestCaseError> {
    prop_assert_eq!(report.old.paragraphs, old.paragraphs.len());
    prop_assert_eq!(report.new.paragraphs, new.paragraphs.len());
    let mut olds: Vec<usize> = report
        .changes
        .iter()
        .filter_map(|c| c.old.as_ref().map(|s| s.index))
        .chain(report.unchanged.iter().map(|u| u.old.index))
        .collect();
    let mut news: Vec<usize> = report
        .changes
        .iter()
        .filter_map(|c| c.new.as_ref().map(|s| s.index))
        .chain(report.unchanged.iter().map(|u| u.new_index))
        .collect();
    olds.sort_unstable();
    news.sort_unstable();
    prop_assert_eq!(olds, (1..=old.paragraphs.len()).collect::<Vec<_>>());
    prop_assert_eq!(news, (1..=new.paragraphs.len()).collect::<Vec<_>>());

    // Each side of a change is the paragraph it names.
    for c in &report.changes {
        prop_assert_eq!(c.old.is_some(), c.kind != ChangeKind::Added);
        prop_assert_eq!(c.new.is_some(), c.kind != ChangeKind::Removed);
        if let Some(s) = &c.old {
            prop_assert_eq!(&s.text, &old.paragraphs[s.index - 1].text);
        }
        if let Some(s) = &c.new {
            prop_assert_eq!(&s.text, &new.paragraphs[s.index - 1].text);
        }
    }
    for u in &report.unchanged {
        prop_assert_eq!(
            old.paragraphs[u.old.index - 1].key(),
            new.paragraphs[u.new_index - 1].key()
        );
    }

    let count = |kind| report.changes.iter().filter(|c| c.kind == kind).count();
    let s = report.summary;
    prop_assert_eq!(s.added, count(ChangeKind::Added));
    prop_assert_eq!(s.removed, count(ChangeKind::Removed));
    prop_assert_eq!(s.reworded, count(ChangeKind::Reworded));
    prop_assert_eq!(s.moved, count(ChangeKind::Moved));
    prop_assert_eq!(s.unchanged, report.unchanged.len());
    prop_assert_eq!(
        s.unchanged + s.removed + s.reworded + s.moved,
        old.paragraphs.len()
    );
    prop_assert_eq!(
        s.unchanged + s.added + s.reworded + s.moved,
        new.paragraphs.len()
    );
    Ok(())
}

/// True when two paragraphs of the document have the same key.
fn has_repeated_keys(d: &Document) -> bool {
    let mut keys: Vec<&str> = d.paragraphs.iter().map(|p| p.key()).collect();
    keys.sort_unstable();
    keys.windows(2).any(|w| w[0] == w[1])
}

/// Removes one commitment equal to `c` from `pool`; false if there is none.
fn take(pool: &mut Vec<Commitment>, c: &Commitment) -> bool {
    match pool.iter().position(|p| p == c) {
        Some(at) => {
            pool.remove(at);
            true
        }
        None => false,
    }
}

// ---------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config())]

    /// A statement compared with itself reports nothing.
    #[test]
    fn a_statement_compared_with_itself_reports_nothing(s in statement()) {
        let text = s.render();
        let a = doc("a.txt", &text);
        let b = doc("b.txt", &text);
        let report = diff(&a, &b);
        prop_assert!(report.is_same(), "{:?}", report.summary);
        prop_assert!(report.changes.is_empty());
        prop_assert_eq!(report.summary.unchanged, a.paragraphs.len());
        prop_assert!(
            report.commitments.iter().all(|c| c.kind == CommitmentKind::Kept),
            "{:?}",
            report.commitments.iter().map(|c| c.kind).collect::<Vec<_>>()
        );
        prop_assert!(report.commitments.iter().all(|c| c.shift.is_none()));
        prop_assert_eq!(
            report.commitments.len(),
            commitments::extract(&a.paragraphs, &OPTIONS.lexicon).len()
        );
        prop_assert!(report.terms.iter().all(|t| t.old == t.new));
    }

    /// Every paragraph of each side is accounted for exactly once.
    #[test]
    fn every_paragraph_is_accounted_for_once((old, new) in texts()) {
        let a = doc("old.txt", &old);
        let b = doc("new.txt", &new);
        check_accounting(&diff(&a, &b), &a, &b)?;
    }

    /// Swapping the sides swaps added and removed and keeps the rest.
    ///
    /// Known bug, pinned below
    /// (`duplicated_paragraph_in_place_pairs_with_the_copy_that_keeps_order`):
    /// when a paragraph occurs more than once on a side, which copy it is
    /// paired with can still depend on the direction, so only added and
    /// removed are checked for such statements.
    #[test]
    fn swapping_sides_swaps_added_and_removed((old, new) in texts()) {
        let a = doc("old.txt", &old);
        let b = doc("new.txt", &new);
        let ab = diff(&a, &b).summary;
        let ba = diff(&b, &a).summary;
        prop_assert_eq!(ab.added, ba.removed, "{:?} vs {:?}", ab, ba);
        prop_assert_eq!(ab.removed, ba.added, "{:?} vs {:?}", ab, ba);
        if !has_repeated_keys(&a) && !has_repeated_keys(&b) {
            prop_assert_eq!(ab.reworded + ab.moved, ba.reworded + ba.moved, "{:?} vs {:?}", ab, ba);
            prop_assert_eq!(ab.unchanged, ba.unchanged, "{:?} vs {:?}", ab, ba);
        }
    }

    /// The YAML report is deterministic and reads back to the same bytes.
    #[test]
    fn yaml_is_deterministic_and_round_trips((old, new) in texts()) {
        let a = doc("old.txt", &old);
        let b = doc("new.txt", &new);
        let first = yaml::render(&diff(&a, &b));
        let second = yaml::render(&diff(&a, &b));
        prop_assert_eq!(&first, &second);
        let parsed = match yaml::from_yaml(&first) {
            Ok(parsed) => parsed,
            Err(e) => return Err(TestCaseError::fail(format!("{e}\n{first}"))),
        };
        prop_assert_eq!(&parsed, &YamlReport::from_report(&diff(&a, &b)));
        prop_assert_eq!(yaml::to_yaml(&parsed), first);
    }

    /// Every commitment of each side appears exactly once in the report.
    #[test]
    fn every_commitment_appears_once((old, new) in texts()) {
        let a = doc("old.txt", &old);
        let b = doc("new.txt", &new);
        let report = diff(&a, &b);
        let mut olds = commitments::extract(&a.paragraphs, &OPTIONS.lexicon);
        let mut news = commitments::extract(&b.paragraphs, &OPTIONS.lexicon);
        for c in &report.commitments {
            match c.kind {
                CommitmentKind::Kept | CommitmentKind::Reworded => {
                    prop_assert!(c.old.is_some() && c.new.is_some());
                }
                CommitmentKind::Dropped => prop_assert!(c.old.is_some() && c.new.is_none()),
                CommitmentKind::Added => prop_assert!(c.old.is_none() && c.new.is_some()),
            }
            if let Some(o) = &c.old {
                prop_assert!(take(&mut olds, o), "old commitment reported twice or unknown: {:?}", o);
            }
            if let Some(n) = &c.new {
                prop_assert!(take(&mut news, n), "new commitment reported twice or unknown: {:?}", n);
            }
        }
        prop_assert!(olds.is_empty(), "old commitments missing: {:?}", olds);
        prop_assert!(news.is_empty(), "new commitments missing: {:?}", news);
    }

    /// Reading any string as text, HTML or Markdown never panics, and gives
    /// numbered paragraphs with non-empty keys.
    #[test]
    fn reading_never_panics(text in arbitrary_text()) {
        for name in ["x.txt", "x.html", "x.md"] {
            let d = doc(name, &text);
            for (i, p) in d.paragraphs.iter().enumerate() {
                prop_assert_eq!(p.index, i + 1);
                prop_assert!(!p.key().is_empty());
            }
        }
    }

    /// Reading generated statements as any format never panics, and the
    /// comparison of any two such documents keeps the accounting.
    #[test]
    fn any_format_keeps_the_accounting((old, new) in texts(), format in 0usize..3) {
        let name = ["x.txt", "x.html", "x.md"][format];
        let a = doc(name, &old);
        let b = doc(name, &new);
        check_accounting(&diff(&a, &b), &a, &b)?;
    }

    /// The comparison key of a paragraph of a generated statement is its own
    /// key (paragraph numbers and typography already folded).
    #[test]
    fn comparison_key_is_idempotent_on_statements(s in statement()) {
        for p in doc("a.txt", &s.render()).paragraphs {
            prop_assert_eq!(fold_typography(p.key()), p.key(), "text {:?}", p.text);
            prop_assert_eq!(split_number(p.key()).0, None, "text {:?}", p.text);
            prop_assert_eq!(comparison_key(p.key()), p.key(), "text {:?}", p.text);
        }
    }

    /// The comparison key of any string is its own key.
    #[test]
    fn comparison_key_is_idempotent(text in arbitrary_text()) {
        let key = comparison_key(&text);
        prop_assert_eq!(fold_typography(&key), key.clone());
        prop_assert_eq!(comparison_key(&key), key);
    }
}

// ---------------------------------------------------------------------------
// Bugs found by the properties above, pinned at their minimal inputs (the
// ones fixed since stay as regression tests).

/// `comparison_key` set aside only the first of stacked list markers, so a
/// key was not its own key ("1. 2. The" → "2. The"), and a
/// bulleted-and-numbered copy of a paragraph ("• 1. The officials met.") did
/// not compare equal to the plain one, though a numbered copy did. Fixed.
#[test]
fn stacked_paragraph_markers_are_all_set_aside() {
    assert_eq!(comparison_key("1. 2. The"), "The");
    assert_eq!(comparison_key("- 1. x"), "x");
    assert_eq!(comparison_key("(a) - x"), "x");
    let plain = doc("a.txt", "Title\n\nThe officials met in Seoul.");
    let marked = doc("b.txt", "Title\n\n\u{2022} 1. The officials met in Seoul.");
    let report = diff(&plain, &marked);
    assert!(report.is_same(), "{:?}", report.summary);
}

/// `comparison_key` (and `fold_typography`) applied NFKC before dropping
/// zero-width characters and soft hyphens, so a base letter and a combining
/// mark they separated stayed decomposed ("e\u{200b}\u{301}" →
/// "e\u{301}"): the key was not in NFKC and keying it again composed it.
/// Fixed.
#[test]
fn invisible_characters_do_not_block_composition() {
    assert_eq!(comparison_key("e\u{200b}\u{301}"), "\u{e9}");
    assert_eq!(comparison_key("a\u{ad}\u{301}"), "\u{e1}");
    assert_eq!(fold_typography("e\u{200b}\u{301}"), "\u{e9}");
}

/// A paragraph that occurs twice in the new statement was paired with its
/// first free copy before the in-place chain was chosen, not with the copy
/// that keeps the order: old `P D Q R` → new `D P R D Q` reported two moves
/// (P before D, R) where one (R) suffices, and the reverse comparison found
/// that one: 3 unchanged and 1 moved one way, 2 unchanged and 2 moved the
/// other. (Shrunk by `swapping_sides_swaps_added_and_removed` from
/// "The", ".", "The.", "the" → ".", "The", "the", ".", "The.".) Fixed.
#[test]
fn duplicated_paragraph_pairs_with_the_copy_that_keeps_order() {
    let p = "The officials met in Seoul.";
    let d = "They condemned the launches.";
    let q = "They agreed to hold the next talks in Tokyo.";
    let r = "The United States reaffirmed its ironclad commitment.";
    let old = doc("old.txt", &[p, d, q, r].join("\n\n"));
    let new = doc("new.txt", &[d, p, r, d, q].join("\n\n"));
    let ab = diff(&old, &new).summary;
    let ba = diff(&new, &old).summary;
    assert_eq!((ba.unchanged, ba.moved, ba.removed), (3, 1, 1), "{ba:?}");
    assert_eq!((ab.unchanged, ab.moved, ab.added), (3, 1, 1), "{ab:?}");
}

/// The same bug where the wrongly chosen copy stays in place (`repair_duplicates`
/// at first retried only pairs that moved). Old `X D Y Z` → new `D X Z D Y` (X shorter
/// than D, so the chain prefers D at its first copy over X) pairs D with its
/// first copy, in place, and reports X and Z moved (2 unchanged, 2 moved);
/// pairing D with its second copy keeps X D Y in place and moves only Z,
/// which is what the reverse comparison reports (3 unchanged, 1 moved).
/// Shrunk by `swapping_sides_swaps_added_and_removed` from
/// "The The", ".", "The", "The.", "strongly" →
/// "The The", "The", ".", "strongly", "The", "The.".
#[test]
fn duplicated_paragraph_in_place_pairs_with_the_copy_that_keeps_order() {
    let x = "They met.";
    let d = "They condemned the launches of ballistic missiles.";
    let y = "They agreed to hold the next talks in Tokyo.";
    let z = "The United States reaffirmed its ironclad commitment.";
    let old = doc("old.txt", &[x, d, y, z].join("\n\n"));
    let new = doc("new.txt", &[d, x, z, d, y].join("\n\n"));
    let ab = diff(&old, &new).summary;
    let ba = diff(&new, &old).summary;
    assert_eq!((ba.unchanged, ba.moved, ba.removed), (3, 1, 1), "{ba:?}");
    assert_eq!((ab.unchanged, ab.moved, ab.added), (3, 1, 1), "{ab:?}");
}
