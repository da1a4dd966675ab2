//! The HTML report (`--format html`): one self-contained page to open
//! offline, send by mail or print.
//!
//! The page carries its own CSS and no script, fonts, images or links to
//! anything outside it. It opens with both statements, the counts, the
//! digest and the key terms, then the commitments that changed, then every
//! paragraph change under an anchor (`#change-N`) with an inline redline
//! (`<del>`/`<ins>`) and a side-by-side view (old paragraph with its
//! deletions, new paragraph with its insertions). Radio buttons choose which
//! of the two views to show, in CSS alone; browsers without `:has()` show
//! both. All statement text is HTML-escaped.

use std::fmt::Write as _;

use crate::model::{Change, ChangeKind, Span, SpanTag};
use crate::model::{CommitmentChange, CommitmentKind};
use std::io;

use super::sink::{self, Sink};
use crate::{Report, SideInfo};

/// The page's style sheet: light colors, readable measure, prints well.
const STYLE: &str = include_str!("html.css");

/// Renders a report as one self-contained HTML page, ending with a newline.
pub fn render(report: &Report) -> String {
    sink::to_string(|out| write(out, report))
}

/// [`render`], written to `out` as it is made.
pub fn write(out: &mut dyn io::Write, report: &Report) -> io::Result<()> {
    let mut out = Sink::new(out);
    let title = format!(
        "statement-diff: {} \u{2192} {}",
        report.old.path, report.new.path
    );
    let (old_lang, new_lang) = languages(report);
    let _ = writeln!(out, "<!DOCTYPE html>\n<html lang=\"{new_lang}\">");
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"{} {}\">",
        env!("CARGO_PKG_NAME"),
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "<title>{}</title>", esc(&title));
    let _ = writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>\n<main>");
    header(&mut out, report);
    if report.is_same() {
        out.push_str("<p class=\"text\">No changes: the two statements say the same thing.</p>\n");
    } else {
        summary(&mut out, report);
        commitments(&mut out, report);
        paragraphs(&mut out, report, old_lang, new_lang);
    }
    inputs(&mut out, report);
    let _ = writeln!(
        out,
        "<footer>{} {} \u{b7} paragraph similarity threshold {} \u{b7} page chrome rules {}</footer>",
        env!("CARGO_PKG_NAME"),
        env!("CARGO_PKG_VERSION"),
        report.settings.threshold,
        if report.settings.chrome_rules {
            "on"
        } else {
            "off"
        }
    );
    out.push_str("</main>\n</body>\n</html>\n");
    out.finish()
}

fn header(out: &mut Sink<'_>, report: &Report) {
    out.push_str("<header>\n<p class=\"eyebrow\">statement-diff report</p>\n");
    let heading = match (&report.old.title, &report.new.title) {
        (Some(o), Some(n)) if o != n => format!("{} \u{2192} {}", esc(o), esc(n)),
        (_, Some(n)) => esc(n),
        (Some(o), None) => esc(o),
        (None, None) => format!(
            "{} \u{2192} {}",
            esc(&report.old.path),
            esc(&report.new.path)
        ),
    };
    let _ = writeln!(out, "<h1>{heading}</h1>");
    let dated = report.old.shown_date().is_some() || report.new.shown_date().is_some();
    out.push_str("<table class=\"files\">\n<thead><tr><th></th><th>file</th><th>title</th>");
    if dated {
        out.push_str("<th>date</th>");
    }
    out.push_str("<th>paragraphs</th></tr></thead>\n<tbody>\n");
    for (name, info) in [("old", &report.old), ("new", &report.new)] {
        side_row(out, name, info, dated);
    }
    out.push_str("</tbody>\n</table>\n");
    let s = report.summary;
    out.push_str("<ul class=\"counts\">\n");
    for (n, label) in [
        (s.unchanged, "unchanged"),
        (s.added, "added"),
        (s.removed, "removed"),
        (s.reworded, "reworded"),
        (s.moved, "moved"),
    ] {
        let _ = writeln!(out, "<li class=\"{label}\"><b>{n}</b> {label}</li>");
    }
    out.push_str("</ul>\n");
    for warning in report.warnings() {
        let _ = writeln!(out, "<p class=\"muted\">Warning: {}</p>", esc(&warning));
    }
    for (name, info) in [("old", &report.old), ("new", &report.new)] {
        let n = info.set_aside.len();
        if n > 0 {
            let _ = writeln!(
                out,
                "<p class=\"muted\">Set aside {n} block{} of page chrome in {name} (see <code>--show-paragraphs</code>).</p>",
                crate::report::digest::plural(n)
            );
        }
    }
    out.push_str("</header>\n");
}

fn side_row(out: &mut Sink<'_>, name: &str, info: &SideInfo, dated: bool) {
    let _ = write!(
        out,
        "<tr><th>{name}</th><td class=\"path\">{}</td><td>{}</td>",
        esc(&info.path),
        info.title.as_deref().map(esc).unwrap_or_default()
    );
    if dated {
        let _ = write!(
            out,
            "<td>{}</td>",
            info.shown_date().map(esc).unwrap_or_default()
        );
    }
    let _ = writeln!(out, "<td class=\"num\">{}</td></tr>", info.paragraphs);
}

/// The digest beside the key-term counts.
fn summary(out: &mut Sink<'_>, report: &Report) {
    let digest = crate::report::digest::digest(report);
    if digest.is_empty() && report.terms.is_empty() {
        return;
    }
    out.push_str("<section id=\"summary\">\n<h2>What changed</h2>\n<div class=\"summary\">\n");
    out.push_str("<ul class=\"digest\">\n");
    for line in &digest {
        let _ = writeln!(out, "<li>{}</li>", esc(line));
    }
    if digest.is_empty() {
        out.push_str("<li>No change in key terms or commitments.</li>\n");
    }
    out.push_str("</ul>\n");
    if !report.terms.is_empty() {
        out.push_str(
            "<table class=\"terms\">\n<thead><tr><th>key term</th><th>old</th><th>new</th><th></th></tr></thead>\n<tbody>\n",
        );
        for t in &report.terms {
            let change = t.change();
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"term-{change}\">{}</td></tr>",
                esc(&t.term),
                t.old,
                t.new,
                if change == "same" { "" } else { change }
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</div>\n</section>\n");
}

/// The anchor of the change that shows a paragraph, if it changed.
fn change_anchor(report: &Report, paragraph: usize, new_side: bool) -> Option<usize> {
    report
        .changes
        .iter()
        .position(|c| {
            let side = if new_side { &c.new } else { &c.old };
            side.as_ref().is_some_and(|s| s.index == paragraph)
        })
        .map(|k| k + 1)
}

/// "¶4 → ¶6", linked to the paragraph's change when there is one.
fn place_link(report: &Report, c: &CommitmentChange) -> String {
    let (text, anchor) = match (&c.old, &c.new) {
        (Some(o), Some(n)) => (
            format!("\u{b6}{} \u{2192} \u{b6}{}", o.paragraph, n.paragraph),
            change_anchor(report, n.paragraph, true)
                .or_else(|| change_anchor(report, o.paragraph, false)),
        ),
        (None, Some(n)) => (
            format!("new \u{b6}{}", n.paragraph),
            change_anchor(report, n.paragraph, true),
        ),
        (Some(o), None) => (
            format!("old \u{b6}{}", o.paragraph),
            change_anchor(report, o.paragraph, false),
        ),
        (None, None) => (String::new(), None),
    };
    match anchor {
        Some(k) => format!("<a class=\"where\" href=\"#change-{k}\">{text}</a>"),
        None => format!("<span class=\"where\">{text}</span>"),
    }
}

fn commitments(out: &mut Sink<'_>, report: &Report) {
    let of_kind = |kind: CommitmentKind| -> Vec<&CommitmentChange> {
        report
            .commitments
            .iter()
            .filter(|c| c.kind == kind)
            .collect()
    };
    let reworded = of_kind(CommitmentKind::Reworded);
    let added = of_kind(CommitmentKind::Added);
    let dropped = of_kind(CommitmentKind::Dropped);
    if reworded.is_empty() && added.is_empty() && dropped.is_empty() {
        return;
    }
    let kept = of_kind(CommitmentKind::Kept).len();
    out.push_str("<section id=\"commitments\">\n<h2>Commitments</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"muted\">{kept} kept word for word \u{b7} {} reworded \u{b7} {} added \u{b7} {} dropped</p>",
        reworded.len(),
        added.len(),
        dropped.len()
    );
    if !reworded.is_empty() {
        out.push_str("<h3>Reworded</h3>\n<ul class=\"commitments\">\n");
        for c in &reworded {
            out.push_str("<li>");
            if let Some(shift) = c.shift {
                let _ = write!(
                    out,
                    "<span class=\"badge {0}\">{0}</span>",
                    esc(shift.name())
                );
            }
            out.push_str(&place_link(report, c));
            out.push_str(accepted_mark(c.review.accepted));
            if !c.notes.is_empty() {
                let notes: Vec<String> = c.notes.iter().map(|n| esc(n)).collect();
                let _ = write!(out, "<span class=\"notes\">{}</span>", notes.join("; "));
            }
            if c.old.is_some() && c.new.is_some() {
                let _ = write!(
                    out,
                    "<p class=\"text clause\">{}</p>",
                    redline(&c.spans, None)
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    for (label, list, new_side) in [("Added", &added, true), ("Dropped", &dropped, false)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h3>{label}</h3>\n<ul class=\"commitments\">");
        for c in list.iter() {
            let clause = if new_side { &c.new } else { &c.old };
            if let Some(clause) = clause {
                let _ = writeln!(
                    out,
                    "<li>{}{} <span class=\"text clause\">{}</span></li>",
                    place_link(report, c),
                    accepted_mark(c.review.accepted),
                    esc(&clause.text)
                );
            }
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn kind_label(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "Added",
        ChangeKind::Removed => "Removed",
        ChangeKind::Reworded => "Reworded",
        ChangeKind::Moved => "Moved",
    }
}

fn place(change: &Change) -> String {
    match (&change.old, &change.new) {
        (Some(o), Some(n)) => format!("\u{b6}{} \u{2192} \u{b6}{}", o.index, n.index),
        (Some(o), None) => format!("old \u{b6}{}", o.index),
        (None, Some(n)) => format!("new \u{b6}{}", n.index),
        (None, None) => String::new(),
    }
}

fn paragraphs(out: &mut Sink<'_>, report: &Report, old_lang: &str, new_lang: &str) {
    if report.changes.is_empty() {
        return;
    }
    out.push_str("<section id=\"paragraphs\">\n<h2>Paragraphs</h2>\n<ul class=\"toc\">\n");
    for (k, change) in report.changes.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li><a href=\"#change-{}\"><span class=\"k\">{}</span> {}</a></li>",
            k + 1,
            kind_label(change.kind),
            place(change)
        );
    }
    out.push_str("</ul>\n");
    if report.summary.unchanged > 0 {
        let n = report.summary.unchanged;
        let _ = writeln!(
            out,
            "<p class=\"muted\">{n} paragraph{} unchanged, not shown.</p>",
            crate::report::digest::plural(n)
        );
    }
    // The radio buttons stand before the changes so that CSS alone shows
    // one view: the inline redline by default, side by side when chosen.
    out.push_str(concat!(
        "<input type=\"radio\" class=\"view\" name=\"view\" id=\"view-inline\" checked>\n",
        "<input type=\"radio\" class=\"view\" name=\"view\" id=\"view-sbs\">\n",
        "<div class=\"controls\"><span class=\"muted\">View</span>\n",
        "<label for=\"view-inline\">inline redline</label>\n",
        "<label for=\"view-sbs\">side by side</label>\n",
        "</div>\n"
    ));
    let langs = Langs {
        old: old_lang,
        new: new_lang,
    };
    for (k, change) in report.changes.iter().enumerate() {
        change_block(out, k + 1, change, langs);
    }
    out.push_str("</section>\n");
}

/// The mark of a change or commitment a reviewer accepted (`--accept`).
fn accepted_mark(accepted: bool) -> &'static str {
    if accepted {
        "<span class=\"sim accepted\">accepted</span>"
    } else {
        ""
    }
}

/// The language of each side, for the side-by-side columns.
#[derive(Clone, Copy)]
struct Langs<'a> {
    old: &'a str,
    new: &'a str,
}

fn change_block(out: &mut Sink<'_>, number: usize, change: &Change, langs: Langs<'_>) {
    let whole = change.spans.is_empty();
    let mut classes = vec![change.kind.name()];
    if whole {
        classes.push("whole");
    }
    let similarity = match change.similarity {
        Some(_) if whole => "same words".to_string(),
        Some(s) => format!("similarity {s:.2}"),
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "<article class=\"change {}\" id=\"change-{number}\">",
        classes.join(" ")
    );
    let _ = write!(
        out,
        "<h3><span class=\"kind\">{}</span>{}",
        kind_label(change.kind),
        place(change)
    );
    if !similarity.is_empty() {
        let _ = write!(out, "<span class=\"sim\">{similarity}</span>");
    }
    out.push_str(accepted_mark(change.review.accepted));
    let _ = writeln!(
        out,
        "<a class=\"anchor\" href=\"#change-{number}\" title=\"Link to this change\">#</a></h3>"
    );
    for note in &change.carried {
        let _ = writeln!(
            out,
            "<p class=\"notes\">\u{21b3} {}</p>",
            esc(&note.to_string())
        );
    }
    if let Some(side) = change.truncated.name() {
        let _ = writeln!(
            out,
            "<p class=\"notes\">\u{21b3} {} ({side} copy cut short here)</p>",
            crate::compare::TRUNCATION_NOTE
        );
    }

    let old_text = change.old.as_ref().map(|s| s.text.as_str());
    let new_text = change.new.as_ref().map(|s| s.text.as_str());
    // Inline redline.
    out.push_str("<div class=\"inline\">");
    match change.kind {
        ChangeKind::Added => {
            let _ = write!(
                out,
                "<ins class=\"whole text\">{}</ins>",
                esc(new_text.unwrap_or_default())
            );
        }
        ChangeKind::Removed => {
            let _ = write!(
                out,
                "<del class=\"whole text\">{}</del>",
                esc(old_text.unwrap_or_default())
            );
        }
        _ if whole => {
            let _ = write!(
                out,
                "<p class=\"text\">{}</p>",
                esc(new_text.unwrap_or_default())
            );
        }
        _ => {
            let _ = write!(
                out,
                "<p class=\"text\">{}</p>",
                redline(&change.spans, None)
            );
        }
    }
    out.push_str("</div>\n");

    // Side by side.
    let column = |head: String, body: String| {
        let lang = if head.starts_with("old") {
            langs.old
        } else {
            langs.new
        };
        let lang = if lang == langs.new {
            String::new()
        } else {
            format!(" lang=\"{lang}\"")
        };
        format!("<div class=\"col\"{lang}><div class=\"col-head\">{head}</div>{body}</div>")
    };
    let old_col = match (&change.old, change.kind) {
        (None, _) => column(
            "old".into(),
            "<p class=\"empty\">Not in the old statement.</p>".into(),
        ),
        (Some(o), ChangeKind::Removed) => column(
            format!("old \u{b6}{}", o.index),
            format!("<del class=\"whole text\">{}</del>", esc(&o.text)),
        ),
        (Some(o), _) if whole => column(
            format!("old \u{b6}{}", o.index),
            format!("<p class=\"text\">{}</p>", esc(&o.text)),
        ),
        (Some(o), _) => column(
            format!("old \u{b6}{}", o.index),
            format!(
                "<p class=\"text\">{}</p>",
                redline(&change.spans, Some(SpanTag::Deleted))
            ),
        ),
    };
    let new_col = match (&change.new, change.kind) {
        (None, _) => column(
            "new".into(),
            "<p class=\"empty\">Not in the new statement.</p>".into(),
        ),
        (Some(n), ChangeKind::Added) => column(
            format!("new \u{b6}{}", n.index),
            format!("<ins class=\"whole text\">{}</ins>", esc(&n.text)),
        ),
        (Some(n), _) if whole => column(
            format!("new \u{b6}{}", n.index),
            format!("<p class=\"text\">{}</p>", esc(&n.text)),
        ),
        (Some(n), _) => column(
            format!("new \u{b6}{}", n.index),
            format!(
                "<p class=\"text\">{}</p>",
                redline(&change.spans, Some(SpanTag::Inserted))
            ),
        ),
    };
    let _ = writeln!(
        out,
        "<div class=\"sbs\">{old_col}{new_col}</div>\n</article>"
    );
}

/// The inputs: each file's SHA-256 (to verify the report against the
/// files) and the blocks set aside as page chrome, collapsed.
fn inputs(out: &mut Sink<'_>, report: &Report) {
    let set_aside = report.old.set_aside.len() + report.new.set_aside.len();
    let _ = writeln!(
        out,
        "<details class=\"inputs\" id=\"inputs\"><summary>Inputs: SHA-256 and {set_aside} block{} set aside as page chrome</summary>",
        crate::report::digest::plural(set_aside)
    );
    for (name, info) in [("old", &report.old), ("new", &report.new)] {
        let _ = writeln!(
            out,
            "<p><b>{name}</b> <span class=\"path\">{}</span><br>SHA-256 <code>{}</code> \u{b7} {} \u{b7} {}</p>",
            esc(&info.path),
            esc(&info.sha256),
            info.format,
            info.encoding
        );
        if !info.set_aside.is_empty() {
            out.push_str("<ol>\n");
            for block in &info.set_aside {
                let line = if block.line > 0 {
                    format!("line {}, ", block.line)
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "<li>{} <span class=\"muted\">({line}{})</span></li>",
                    esc(&block.text),
                    block.rule.name()
                );
            }
            out.push_str("</ol>\n");
        }
    }
    out.push_str("</details>\n");
}

/// The language of each side (BCP 47: "en", "ko", "ja"), from the script
/// its paragraphs are written in.
fn languages(report: &Report) -> (&'static str, &'static str) {
    let mut old = Script::default();
    let mut new = Script::default();
    for change in &report.changes {
        if let Some(o) = &change.old {
            old.count(&o.text);
        }
        if let Some(n) = &change.new {
            new.count(&n.text);
        }
    }
    for u in &report.unchanged {
        old.count(&u.old.text);
        new.count(&u.old.text);
    }
    for (script, info) in [(&mut old, &report.old), (&mut new, &report.new)] {
        if let Some(title) = &info.title {
            script.count(title);
        }
    }
    (old.language(), new.language())
}

/// Letters counted by script.
#[derive(Default)]
struct Script {
    latin: usize,
    hangul: usize,
    kana: usize,
    han: usize,
}

impl Script {
    fn count(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
                    self.hangul += 1
                }
                '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => {
                    self.kana += 1
                }
                '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => self.han += 1,
                c if c.is_alphabetic() => self.latin += 1,
                _ => {}
            }
        }
    }

    /// Korean when Hangul outweighs other letters, Japanese when kana
    /// (with the kanji they go with) do, Chinese for Han alone, else English.
    fn language(&self) -> &'static str {
        let cjk = self.hangul + self.kana + self.han;
        if cjk <= self.latin {
            "en"
        } else if self.hangul >= self.kana + self.han {
            "ko"
        } else if self.kana > 0 {
            "ja"
        } else {
            "zh"
        }
    }
}

/// Writes spans as HTML: same text plain, deletions in `<del>`, insertions
/// in `<ins>`. With `only`, the other side's edits are left out (the old
/// column keeps its deletions, the new one its insertions). White space at
/// an edit's ends stays outside the tag.
fn redline(spans: &[Span], only: Option<SpanTag>) -> String {
    let mut out = String::new();
    for span in spans {
        let tag = match span.tag {
            SpanTag::Same => {
                out.push_str(&esc(&span.text));
                continue;
            }
            t if only.is_some_and(|o| o != t) => continue,
            SpanTag::Deleted => "del",
            SpanTag::Inserted => "ins",
        };
        let core = span.text.trim();
        if core.is_empty() {
            out.push_str(&esc(&span.text));
            continue;
        }
        let start = span.text.len() - span.text.trim_start().len();
        let end = start + core.len();
        let _ = write!(
            out,
            "{}<{tag}>{}</{tag}>{}",
            esc(&span.text[..start]),
            esc(core),
            esc(&span.text[end..])
        );
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_all_five() {
        assert_eq!(
            esc(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn redline_keeps_spaces_outside_tags_and_filters_sides() {
        let spans = [
            Span {
                tag: SpanTag::Same,
                text: "the".into(),
            },
            Span {
                tag: SpanTag::Deleted,
                text: " 15th".into(),
            },
            Span {
                tag: SpanTag::Inserted,
                text: " <16th>".into(),
            },
            Span {
                tag: SpanTag::Same,
                text: " Talks".into(),
            },
        ];
        assert_eq!(
            redline(&spans, None),
            "the <del>15th</del> <ins>&lt;16th&gt;</ins> Talks"
        );
        assert_eq!(
            redline(&spans, Some(SpanTag::Deleted)),
            "the <del>15th</del> Talks"
        );
        assert_eq!(
            redline(&spans, Some(SpanTag::Inserted)),
            "the <ins>&lt;16th&gt;</ins> Talks"
        );
    }
}
