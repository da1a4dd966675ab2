//! The YAML change summary (`--format yaml`): schema `statement-diff/1`.
//!
//! Builds the document of [`schema`](super::schema) types from a report
//! and writes it; all YAML calls live here.

use serde::Serialize;

use crate::Report;
use crate::model::{Change, Edit};

pub use super::schema::*;

/// How many words of each set-aside block the report quotes.
const SET_ASIDE_WORDS: usize = 8;

impl YamlReport {
    /// Builds the YAML document of a report.
    pub fn from_report(report: &Report) -> YamlReport {
        YamlReport::build(
            report,
            crate::report::digest::digest(report),
            report.changes.iter().cloned(),
            report.commitments.iter().cloned(),
        )
    }

    /// [`YamlReport::from_report`], moving the report's texts into the
    /// document instead of copying them: a large report is not held twice.
    pub fn from_owned(mut report: Report) -> YamlReport {
        let digest = crate::report::digest::digest(&report);
        let changes = std::mem::take(&mut report.changes);
        let commitments = std::mem::take(&mut report.commitments);
        report.unchanged = Vec::new();
        YamlReport::build(&report, digest, changes, commitments)
    }

    /// The document from a report's header and terms, its digest, and its
    /// changes and commitments given one at a time.
    fn build(
        report: &Report,
        digest: Vec<String>,
        changes: impl IntoIterator<Item = Change>,
        commitments: impl IntoIterator<Item = crate::model::CommitmentChange>,
    ) -> YamlReport {
        YamlReport {
            schema: SCHEMA.into(),
            tool: Tool {
                name: env!("CARGO_PKG_NAME").into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            settings: Settings {
                threshold: report.settings.threshold,
                chrome_rules: report.settings.chrome_rules,
            },
            old: side(&report.old),
            new: side(&report.new),
            summary: YamlSummary::from(report.summary),
            changes: changes.into_iter().map(change).collect(),
            commitments: commitments.into_iter().map(commitment).collect(),
            terms: terms(&report.terms),
            digest,
            warnings: report.warnings(),
        }
    }
}

/// The key terms' counts as the YAML lists them.
pub(super) fn terms(terms: &[crate::model::TermCount]) -> Vec<YamlTerm> {
    terms
        .iter()
        .map(|t| YamlTerm {
            term: t.term.clone(),
            old: t.old,
            new: t.new,
            change: t.change().into(),
        })
        .collect()
}

fn side(info: &crate::SideInfo) -> YamlSide {
    YamlSide {
        path: info.path.clone(),
        paragraphs: info.paragraphs,
        format: info.format.into(),
        encoding: info.encoding.into(),
        sha256: info.sha256.clone(),
        title: info.title.clone(),
        date: info.date.clone(),
        place: info.place.clone(),
        kind: info.kind.clone(),
        meeting_date: info.meeting_date.clone(),
        attribution: info.attribution.clone(),
        truncated: info.truncated.map(Into::into),
        set_aside: SetAsideSummary {
            count: info.set_aside.len(),
            blocks: info
                .set_aside
                .iter()
                .map(|b| first_words(&b.text, SET_ASIDE_WORDS))
                .collect(),
        },
    }
}

fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
}

fn change(c: Change) -> YamlChange {
    let paragraph = |s: crate::model::Side| YamlParagraph {
        index: s.index,
        line: s.line,
        text: s.text,
    };
    YamlChange {
        kind: c.kind.name().into(),
        old: c.old.map(paragraph),
        new: c.new.map(paragraph),
        similarity: c.similarity,
        evidence: c.evidence.map(|e| YamlEvidence {
            score: two_decimals(e.score),
            words: two_decimals(e.words),
            commitments: e.commitments,
            role: e.role.map(|r| r.name().into()),
            order: e.order.map(|o| o.name().into()),
        }),
        accepted: c.review.accepted,
        fingerprint: c.review.fingerprint,
        edits: c.edits.iter().map(YamlEdit::from).collect(),
        notes: c.carried.iter().map(ToString::to_string).collect(),
        truncated: c.truncated.name().map(Into::into),
    }
}

fn two_decimals(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn commitment(c: crate::model::CommitmentChange) -> YamlCommitment {
    let clause = |c: crate::model::Commitment| YamlClause {
        paragraph: c.paragraph,
        subject: c.subject,
        verb: c.verb,
        text: c.text,
    };
    YamlCommitment {
        kind: c.kind.name().into(),
        old: c.old.map(clause),
        new: c.new.map(clause),
        similarity: c.similarity,
        shift: c.shift.map(|s| s.name().into()),
        notes: c.notes,
        accepted: c.review.accepted,
        fingerprint: c.review.fingerprint,
    }
}

impl From<&Edit> for YamlEdit {
    fn from(e: &Edit) -> YamlEdit {
        YamlEdit {
            before: e.before.clone(),
            deleted: e.deleted.clone(),
            inserted: e.inserted.clone(),
            after: e.after.clone(),
        }
    }
}

impl From<crate::model::Summary> for YamlSummary {
    fn from(s: crate::model::Summary) -> YamlSummary {
        YamlSummary {
            unchanged: s.unchanged,
            added: s.added,
            removed: s.removed,
            reworded: s.reworded,
            moved: s.moved,
        }
    }
}

/// Renders a report as YAML.
pub fn render(report: &Report) -> String {
    let doc = YamlReport::from_report(report);
    let capacity = doc.size_hint();
    to_yaml_with_capacity(&doc, capacity)
}

/// [`render`], consuming the report (its texts move into the document
/// rather than being copied) and written to `sink` as it is made: the same
/// text. The sink is given back to be flushed.
pub fn render_owned_to(
    report: Report,
    sink: Box<dyn std::io::Write>,
) -> std::io::Result<Box<dyn std::io::Write>> {
    crate::yaml::to_writer(&YamlReport::from_owned(report), sink)
}

/// Serializes any report type to YAML that both YAML 1.2 readers
/// (serde_yaml) and YAML 1.1 readers (PyYAML) read back as the same
/// values: see [`yaml_writer`](crate::yaml) for how each string is
/// quoted.
pub fn to_yaml<T: Serialize>(value: &T) -> String {
    to_yaml_with_capacity(value, 4096)
}

fn to_yaml_with_capacity<T: Serialize>(value: &T, capacity: usize) -> String {
    match crate::yaml::to_string_with_capacity(value, capacity) {
        Ok(text) => text,
        // The report types are plain structs of strings and numbers, which
        // always serialize; say so in the output rather than panic if one
        // ever does not.
        Err(e) => {
            #[derive(Serialize)]
            struct Failure {
                error: String,
            }
            crate::yaml::to_string(&Failure {
                error: e.to_string(),
            })
            .unwrap_or_else(|_| "error: the report could not be written\n".into())
        }
    }
}

/// Reads a report back (for tests and tools that post-process reports).
pub fn from_yaml(text: &str) -> Result<YamlReport, String> {
    serde_yaml::from_str(text).map_err(|e| e.to_string())
}

impl YamlReport {
    /// About how many bytes the YAML document takes: the text it carries
    /// and some room for keys and numbers.
    fn size_hint(&self) -> usize {
        let paragraph = |p: &Option<YamlParagraph>| p.as_ref().map_or(0, |p| p.text.len() + 48);
        let clause = |c: &Option<YamlClause>| {
            c.as_ref().map_or(0, |c| {
                c.text.len() + c.verb.len() + c.subject.as_ref().map_or(0, String::len) + 64
            })
        };
        let changes: usize = self
            .changes
            .iter()
            .map(|c| {
                let edits: usize = c
                    .edits
                    .iter()
                    .map(|e| {
                        e.before.len() + e.deleted.len() + e.inserted.len() + e.after.len() + 64
                    })
                    .sum();
                let notes: usize = c.notes.iter().map(|n| n.len() + 4).sum();
                paragraph(&c.old) + paragraph(&c.new) + edits + notes + 128
            })
            .sum();
        let commitments: usize = self
            .commitments
            .iter()
            .map(|c| {
                clause(&c.old)
                    + clause(&c.new)
                    + c.notes.iter().map(|n| n.len() + 4).sum::<usize>()
                    + 128
            })
            .sum();
        let digest: usize = self.digest.iter().map(|d| d.len() + 4).sum();
        let blocks: usize = [&self.old, &self.new]
            .iter()
            .flat_map(|side| &side.set_aside.blocks)
            .map(|b| b.len() + 4)
            .sum();
        // A little over, so that a report of long paragraphs (written as
        // block scalars, one indented line each) does not grow the buffer.
        let text = changes + commitments + digest + blocks + self.terms.len() * 64 + 1024;
        text + text / 8
    }
}

/// The YAML writing this crate used before [`yaml_writer`](crate::yaml):
/// serde_yaml, then a line-by-line pass quoting the words YAML 1.1 readers
/// would read as something else. Kept for tests, as the reference the
/// writer is compared with.
#[cfg(test)]
pub(crate) mod reference {
    use serde::Serialize;

    /// The document as serde_yaml writes it, with YAML 1.1 words quoted.
    pub(crate) fn to_yaml<T: Serialize>(value: &T) -> String {
        match serde_yaml::to_string(value) {
            Ok(text) => quote_yaml11_words(&text),
            Err(e) => format!("error: {}\n", quote_scalar(&e.to_string())),
        }
    }

    /// Quotes plain string scalars that a YAML 1.1 reader (PyYAML) would
    /// read as something else; block scalars (`|`, `|-`) are left alone.
    pub(crate) fn quote_yaml11_words(text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut block_indent: Option<usize> = None;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            let indent = body.len() - body.trim_start().len();
            if let Some(level) = block_indent {
                if body.trim().is_empty() || indent > level {
                    out.push_str(line);
                    continue;
                }
                block_indent = None;
            }
            let (prefix, value) = split_scalar(body);
            if value.starts_with('|') || value.starts_with('>') {
                block_indent = Some(indent);
            }
            if yaml11_reads_differently(value) {
                out.push_str(prefix);
                out.push_str(&quote_scalar(value));
                out.push_str(&line[body.len()..]);
            } else {
                out.push_str(line);
            }
        }
        out
    }

    /// PyYAML's implicit resolvers (YAML 1.1), less what YAML 1.2 already
    /// resolves the same way.
    fn yaml11_reads_differently(value: &str) -> bool {
        use std::sync::OnceLock;
        static YAML11: OnceLock<(regex::Regex, regex::Regex)> = OnceLock::new();
        let (yaml11, yaml12) = YAML11.get_or_init(|| {
            let yaml11 = regex::Regex::new(concat!(
                r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N",
                r"|[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?",
                r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
                r"|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
                r"|<<|~|null|Null|NULL|=",
                r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]",
                r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$",
            ))
            .unwrap();
            let yaml12 = regex::Regex::new(
                r"^(?:true|false|null|~|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|[-+]?\.inf|\.nan)$",
            )
            .unwrap();
            (yaml11, yaml12)
        });
        yaml11.is_match(value) && !yaml12.is_match(value)
    }

    /// Splits "  key: value" or "  - value" or "- key: value" into the part
    /// before the scalar and the scalar.
    fn split_scalar(line: &str) -> (&str, &str) {
        let mut rest_start = line.len() - line.trim_start().len();
        while let Some(after) = line[rest_start..].strip_prefix("- ") {
            rest_start = line.len() - after.len();
        }
        let rest = &line[rest_start..];
        if let Some(colon) = rest.find(": ") {
            let key = &rest[..colon];
            if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                let start = rest_start + colon + 2;
                return (&line[..start], &line[start..]);
            }
        }
        (&line[..rest_start], rest)
    }

    fn quote_scalar(s: &str) -> String {
        format!("'{}'", s.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::Chrome;
    use crate::document::Document;
    use serde::Deserialize;

    #[test]
    fn reference_quotes_yaml11_words_outside_block_scalars() {
        let text = "a: no\nb:\n- yes\n- - on\nc: |-\n  no\n  yes\nd: noted\ne: 'no'\n";
        assert_eq!(
            reference::quote_yaml11_words(text),
            "a: 'no'\nb:\n- 'yes'\n- - 'on'\nc: |-\n  no\n  yes\nd: noted\ne: 'no'\n"
        );
    }

    #[test]
    fn round_trips_words_yaml11_reads_differently() {
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct T {
            words: Vec<String>,
            text: String,
        }
        let words = [
            "no",
            "yes",
            "On",
            "off",
            "y",
            "N",
            "2024-04-24",
            "10:30",
            "1_000",
            "=",
            "<<",
            "0x1F",
            "017",
        ];
        let t = T {
            words: words.iter().map(|s| s.to_string()).collect(),
            text: "no\nyes\n".into(),
        };
        let text = to_yaml(&t);
        assert!(text.contains("- 'no'"), "{text}");
        assert!(text.contains("text: |\n  no\n  yes\n"), "{text}");
        let back: T = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, t);
        assert_eq!(text, reference::to_yaml(&t));
    }

    fn document(path: &str) -> Document {
        let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
        Document::from_text(path, &text, &Chrome::builtin())
    }

    /// Every report of the corpus and of the test fixtures.
    const PAIRS: &[(&str, &str)] = &[
        ("corpus/dtt/14th.txt", "corpus/dtt/15th.txt"),
        ("corpus/dtt/15th.txt", "corpus/dtt/16th.txt"),
        ("corpus/dtt/16th.txt", "corpus/dtt/17th.txt"),
        ("corpus/dtt/17th.txt", "corpus/dtt/18th.txt"),
        ("corpus/dtt/14th.txt", "corpus/dtt/18th.txt"),
        ("corpus/dtt-ko/14th.txt", "corpus/dtt-ko/15th.txt"),
        (
            "corpus/pages/14th-usindopacom-page.txt",
            "corpus/dtt/14th.txt",
        ),
        ("corpus/pages/15th.html", "corpus/dtt/15th.txt"),
        ("corpus/dtt/15th.txt", "corpus/dtt-ko/15th.txt"),
        (
            "tests/fixtures/07-strengthened-and-removed/old.txt",
            "tests/fixtures/07-strengthened-and-removed/new.txt",
        ),
        (
            "tests/fixtures/14-next-round/old.txt",
            "tests/fixtures/14-next-round/new.txt",
        ),
        (
            "tests/fixtures/15-rewritten-round/old.txt",
            "tests/fixtures/15-rewritten-round/new.txt",
        ),
    ];

    #[test]
    fn corpus_reports_are_written_as_serde_yaml_wrote_them() {
        for (old, new) in PAIRS {
            let report = crate::compare(&document(old), &document(new), &Default::default());
            let doc = YamlReport::from_report(&report);
            let text = render(&report);
            let expected = reference::to_yaml(&doc);
            assert!(
                text == expected,
                "{old} → {new}: the writer differs from serde_yaml:\n{}",
                first_difference(&text, &expected)
            );
            assert_eq!(from_yaml(&text).as_ref(), Ok(&doc), "{old} → {new}");
            // What the program writes: the owned report, streamed.
            let written = crate::yaml::Kept::default();
            render_owned_to(report, Box::new(written.clone())).unwrap();
            assert_eq!(
                *written.0.borrow(),
                text.as_bytes(),
                "{old} → {new}: streamed"
            );
        }
    }

    #[test]
    fn corpus_series_is_written_as_serde_yaml_wrote_it() {
        let documents: Vec<Document> = [
            "corpus/dtt/14th.txt",
            "corpus/dtt/15th.txt",
            "corpus/dtt/16th.txt",
            "corpus/dtt/17th.txt",
            "corpus/dtt/18th.txt",
        ]
        .iter()
        .map(|p| document(p))
        .collect();
        let report = crate::series::follow(&documents, &Default::default());
        let doc = super::super::series::YamlSeries::from_report(&report);
        let text = super::super::series::render_yaml(&report);
        let expected = reference::to_yaml(&doc);
        assert!(
            text == expected,
            "the writer differs from serde_yaml:\n{}",
            first_difference(&text, &expected)
        );
        let back: super::super::series::YamlSeries = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, doc);
    }

    /// The first differing line of two documents, with its neighbours.
    fn first_difference(a: &str, b: &str) -> String {
        let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        let i = (0..a.len().max(b.len()))
            .find(|&i| a.get(i) != b.get(i))
            .unwrap_or(0);
        format!(
            "line {}:\n  writer:     {:?}\n  serde_yaml: {:?}",
            i + 1,
            a.get(i.saturating_sub(1)..(i + 2).min(a.len())),
            b.get(i.saturating_sub(1)..(i + 2).min(b.len())),
        )
    }

    #[test]
    fn size_hint_covers_the_document() {
        let report = crate::compare(
            &document("corpus/dtt/14th.txt"),
            &document("corpus/dtt/15th.txt"),
            &Default::default(),
        );
        let doc = YamlReport::from_report(&report);
        let text = to_yaml(&doc);
        assert!(
            doc.size_hint() >= text.len(),
            "{} < {}",
            doc.size_hint(),
            text.len()
        );
        assert!(
            doc.size_hint() < text.len() * 2,
            "{} ≥ 2 × {}",
            doc.size_hint(),
            text.len()
        );
    }
}
