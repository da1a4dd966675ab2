//! Benchmarks of the pipeline's stages on generated statement pairs.
//!
//! `cargo bench --bench pipeline` (add `-- align` to run the benches whose
//! name contains "align"). The pairs are made here, deterministically, from
//! the paragraphs of `corpus/dtt/*.txt`: sentences drawn at random with a
//! fifth of their words swapped for other corpus words, so that paragraphs
//! differ, up to each size; the new statement rewords about 10% of the
//! paragraphs by a few words, drops 3%, adds 3% and moves 2%, like
//! `scripts/bench-cli` (which times the whole program against diff tools).
//!
//! Stages: reading and normalizing (`Document::from_text`), aligning
//! paragraphs (`align::align`), commitments (`commitments::extract` and
//! `commitments::compare`), word redlines of the reworded pairs
//! (`words::redline`) and rendering (`report::yaml::render`,
//! `report::terminal::render`).

use std::sync::OnceLock;

use divan::{Bencher, black_box};
use statement_diff::align::{AlignOptions, align};
use statement_diff::chrome::Chrome;
use statement_diff::commitments::{self, MatchOptions};
use statement_diff::document::Document;
use statement_diff::report::terminal::{self, Layout, Palette};
use statement_diff::report::yaml;
use statement_diff::{Options, Report, classify::redline as words, compare};

fn main() {
    divan::main();
}

/// Sizes of the old statement, in bytes.
const SIZES: [usize; 3] = [8 * 1024, 100 * 1024, 1024 * 1024];

/// A small deterministic random number generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The corpus: its sentences and its words.
struct Corpus {
    sentences: Vec<String>,
    words: Vec<String>,
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dtt");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("corpus/dtt")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        let mut sentences = Vec::new();
        let mut words = Vec::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("corpus file");
            for block in text.split("\n\n") {
                let block = block.split_whitespace().collect::<Vec<_>>().join(" ");
                if block.split(' ').count() < 12 || !block.ends_with('.') {
                    continue;
                }
                for sentence in block.split_inclusive(". ") {
                    if sentence.split(' ').count() >= 6 {
                        sentences.push(sentence.trim().to_string());
                    }
                }
                words.extend(
                    block
                        .split(' ')
                        .filter(|w| w.len() > 3 && w.chars().all(char::is_alphabetic))
                        .map(str::to_string),
                );
            }
        }
        words.sort();
        words.dedup();
        Corpus { sentences, words }
    })
}

/// Changes `count` words of a paragraph: replaced, inserted or deleted.
fn mutate(rng: &mut Rng, text: &str, count: usize) -> String {
    let words = &corpus().words;
    let mut out: Vec<&str> = text.split(' ').collect();
    for _ in 0..count {
        if out.len() < 4 {
            break;
        }
        let at = 1 + rng.below(out.len() - 2);
        match rng.below(5) {
            0..=2 => out[at] = &words[rng.below(words.len())],
            3 => out.insert(at, &words[rng.below(words.len())]),
            _ => {
                out.remove(at);
            }
        }
    }
    out.join(" ")
}

fn fresh_paragraph(rng: &mut Rng) -> String {
    let sentences = &corpus().sentences;
    let n = 1 + rng.below(4);
    let text = (0..n)
        .map(|_| sentences[rng.below(sentences.len())].as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let count = (text.split(' ').count() / 5).max(1);
    mutate(rng, &text, count)
}

/// The old and new statements of about `size` bytes each.
fn pair_texts(size: usize) -> (String, String) {
    let mut rng = Rng(0x5eed_0000 + size as u64);
    let mut old = Vec::new();
    let mut total = 0;
    while total < size {
        let p = fresh_paragraph(&mut rng);
        total += p.len() + 2;
        old.push(p);
    }
    let mut new = Vec::new();
    let mut moved = Vec::new();
    for p in &old {
        match rng.below(100) {
            0..=2 => {}
            3..=4 => moved.push(p.clone()),
            5..=14 => {
                let count = 1 + rng.below(3);
                new.push(mutate(&mut rng, p, count));
            }
            _ => new.push(p.clone()),
        }
        if rng.chance(3) {
            new.push(fresh_paragraph(&mut rng));
        }
    }
    for p in moved {
        let at = rng.below(new.len() + 1);
        new.insert(at, p);
    }
    let text = |title: &str, ps: &[String]| format!("{title}\n\n{}\n", ps.join("\n\n"));
    (
        text("Joint Statement of the 17th Defense Trilateral Talks", &old),
        text("Joint Statement of the 18th Defense Trilateral Talks", &new),
    )
}

/// A generated pair, read, cached per size.
struct Pair {
    old_text: String,
    new_text: String,
    old: Document,
    new: Document,
}

fn pair(size: usize) -> &'static Pair {
    static PAIRS: OnceLock<Vec<(usize, Pair)>> = OnceLock::new();
    let pairs = PAIRS.get_or_init(|| {
        let chrome = Chrome::builtin();
        SIZES
            .iter()
            .map(|&size| {
                let (old_text, new_text) = pair_texts(size);
                let old = Document::from_text("old.txt", &old_text, &chrome);
                let new = Document::from_text("new.txt", &new_text, &chrome);
                (
                    size,
                    Pair {
                        old_text,
                        new_text,
                        old,
                        new,
                    },
                )
            })
            .collect()
    });
    &pairs
        .iter()
        .find(|(s, _)| *s == size)
        .expect("a benchmarked size")
        .1
}

fn report(size: usize) -> &'static Report {
    static REPORTS: OnceLock<Vec<(usize, Report)>> = OnceLock::new();
    let reports = REPORTS.get_or_init(|| {
        SIZES
            .iter()
            .map(|&size| {
                let p = pair(size);
                (size, compare(&p.old, &p.new, &Options::default()))
            })
            .collect()
    });
    &reports
        .iter()
        .find(|(s, _)| *s == size)
        .expect("a benchmarked size")
        .1
}

/// Reading and normalizing both statements: blocks, chrome, paragraphs and
/// their keys and words.
#[divan::bench(args = SIZES, sample_count = 20)]
fn read_normalize(bencher: Bencher, size: usize) {
    let p = pair(size);
    let chrome = Chrome::builtin();
    bencher
        .counter(divan::counter::BytesCount::new(
            p.old_text.len() + p.new_text.len(),
        ))
        .bench(|| {
            (
                Document::from_text("old.txt", black_box(&p.old_text), &chrome),
                Document::from_text("new.txt", black_box(&p.new_text), &chrome),
            )
        });
}

/// Aligning the paragraphs: the Patience diff of the keys, then pairing
/// the rest by word similarity, then the moves.
#[divan::bench(args = SIZES, sample_count = 20)]
fn align_paragraphs(bencher: Bencher, size: usize) {
    let p = pair(size);
    let options = AlignOptions::default();
    bencher.bench(|| align(black_box(&p.old.paragraphs), &p.new.paragraphs, &options));
}

/// Commitments: extracted from both statements, then paired.
#[divan::bench(args = SIZES, sample_count = 20)]
fn commitments_extract_compare(bencher: Bencher, size: usize) {
    let p = pair(size);
    let options = Options::default();
    bencher.bench(|| {
        let old = commitments::extract(black_box(&p.old.paragraphs), &options.lexicon);
        let new = commitments::extract(black_box(&p.new.paragraphs), &options.lexicon);
        commitments::compare(&old, &new, &MatchOptions::default())
    });
}

/// Pairing the commitments only (extracted once).
#[divan::bench(args = SIZES, sample_count = 20)]
fn commitments_compare(bencher: Bencher, size: usize) {
    let p = pair(size);
    let options = Options::default();
    let old = commitments::extract(&p.old.paragraphs, &options.lexicon);
    let new = commitments::extract(&p.new.paragraphs, &options.lexicon);
    bencher.bench(|| commitments::compare(black_box(&old), &new, &MatchOptions::default()));
}

/// Word redlines of every paired paragraph that is not identical.
#[divan::bench(args = SIZES, sample_count = 20)]
fn word_edits(bencher: Bencher, size: usize) {
    let p = pair(size);
    let alignment = align(
        &p.old.paragraphs,
        &p.new.paragraphs,
        &AlignOptions::default(),
    );
    let pairs: Vec<(&str, &str)> = alignment
        .pairs
        .iter()
        .filter(|pair| !pair.identical)
        .map(|pair| {
            (
                p.old.paragraphs[pair.old].text.as_str(),
                p.new.paragraphs[pair.new].text.as_str(),
            )
        })
        .collect();
    bencher.bench(|| {
        pairs
            .iter()
            .map(|(a, b)| words::edits(&words::redline(black_box(a), b)).len())
            .sum::<usize>()
    });
}

/// The YAML report.
#[divan::bench(args = SIZES, sample_count = 20)]
fn render_yaml(bencher: Bencher, size: usize) {
    let report = report(size);
    bencher.bench(|| yaml::render(black_box(report)));
}

/// The terminal report, without colors.
#[divan::bench(args = SIZES, sample_count = 20)]
fn render_terminal(bencher: Bencher, size: usize) {
    let report = report(size);
    let layout = Layout {
        width: 100,
        all: false,
    };
    bencher.bench(|| {
        let mut out = Vec::new();
        terminal::render(&mut out, black_box(report), &Palette::plain(), &layout)
            .map(|()| out.len())
    });
}

/// The whole comparison (everything but reading and rendering).
#[divan::bench(args = SIZES, sample_count = 10)]
fn compare_all(bencher: Bencher, size: usize) {
    let p = pair(size);
    let options = Options::default();
    bencher.bench(|| compare(black_box(&p.old), &p.new, &options));
}
