//! The command line's arguments: every flag defined once, with its help.

use std::path::{Path, PathBuf};

use clap::{Parser, ValueEnum, ValueHint};

const EXAMPLES: &str = "\
Examples:
  statement-diff corpus/dtt/14th.txt corpus/dtt/15th.txt
  statement-diff --format yaml -o changes.yaml old.html new.txt
  statement-diff --show-paragraphs corpus/pages/14th-usindopacom-page.txt
  pdftotext new.pdf - | statement-diff old.txt -

Exit status: 0 if the statements say the same thing, 1 if something changed,
2 on trouble (a file that cannot be read, bad arguments).";

/// Tell exactly what changed between two successive joint statements.
///
/// Reads each statement (plain text, a saved web page, Markdown; UTF-8 or
/// UTF-16), sets page chrome aside, splits it into paragraphs and reports
/// which paragraphs were added, removed, reworded or moved, with the changed
/// words highlighted.
#[derive(Debug, Parser)]
#[command(name = "statement-diff", bin_name = "statement-diff", version, about, long_about, after_help = EXAMPLES, allow_negative_numbers = true)]
pub struct Cli {
    /// OLD and NEW statements ('-' reads standard input); three or more
    /// files are a series, in the order given; with --show-paragraphs, one
    /// or more files
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath, required_unless_present_any = ["series", "generate"], num_args = 1..)]
    pub files: Vec<String>,

    /// Follow every paragraph and commitment through the rounds in DIR
    /// (.txt, .html, .htm, .md files, in natural name order)
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath, conflicts_with = "files")]
    pub series: Option<PathBuf>,

    /// Order of the rounds of a series: by file name, or by the date found
    /// in each statement
    #[arg(long, value_name = "BY", value_enum, default_value_t = OrderArg::Name)]
    pub order: OrderArg,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = FormatArg::Terminal)]
    pub format: FormatArg,

    /// Write the report to FILE instead of standard output (written to a
    /// temporary file, then renamed, so a report is never half-written)
    #[arg(short, long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// When to use colors: auto colors a terminal unless NO_COLOR is set
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// Evidence (0-1) two paragraphs must reach to count as one reworded or
    /// moved paragraph: their share of informative words, plus up to 0.3 for
    /// commitments paired between them, 0.2 for both being the opening or
    /// the closing, 0.2 for keeping the order of their neighbours
    #[arg(long, value_name = "RATIO", default_value_t = 0.5, value_parser = parse_ratio)]
    pub threshold: f64,

    /// Also show the unchanged paragraphs
    #[arg(long)]
    pub all: bool,

    /// Keep page chrome (banners, breadcrumbs, related news) as paragraphs
    #[arg(long)]
    pub keep_chrome: bool,

    /// Add the chrome rules in FILE to the built-in ones (format: as in
    /// the built-in rules, which --generate chrome-rules prints)
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub chrome_rules: Option<PathBuf>,

    /// Use the commitment lexicon in FILE (reporting verbs, intensifiers,
    /// modals) instead of the built-in one (--generate lexicon prints it,
    /// to copy and edit)
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub lexicon: Option<PathBuf>,

    /// Count the key terms in FILE instead of the built-in list
    /// (--generate terms prints it, to copy and edit)
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub terms: Option<PathBuf>,

    /// Read inputs as this format instead of detecting it
    #[arg(long, value_name = "FORMAT", value_enum)]
    pub input_format: Option<InputFormatArg>,

    /// Read inputs that are not UTF-8 in this legacy encoding
    /// (windows-1252, euc-kr, shift_jis, …); a file in UTF-8, or with a
    /// byte order mark, is still read as such
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Print each file's paragraphs as the tool sees them, and what was set
    /// aside, instead of comparing
    #[arg(long)]
    pub show_paragraphs: bool,

    /// Wrap the terminal report to N columns, 20 or more; 0 for no wrapping
    /// (default: the terminal's width, or 100)
    #[arg(long, value_name = "N", value_parser = parse_width)]
    pub width: Option<usize>,

    /// Never page: write the report straight to standard output (by
    /// default a report longer than the terminal is paged with
    /// $STATEMENT_DIFF_PAGER, $PAGER or less)
    #[arg(long)]
    pub no_pager: bool,

    /// Exit 1 only for these kinds of change (comma-separated): added,
    /// removed, reworded, moved, and the commitment shifts stronger, weaker
    #[arg(long, value_name = "KINDS", value_enum, value_delimiter = ',', default_values_t = [FailOn::Added, FailOn::Removed, FailOn::Reworded, FailOn::Moved])]
    pub fail_on: Vec<FailOn>,

    /// Changes listed in FILE (by fingerprint) were reviewed: they are
    /// still reported, marked accepted, but no longer make the run fail
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub accept: Option<PathBuf>,

    /// Write the fingerprints of this comparison's changes to FILE, for
    /// --accept in later runs
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub write_accept: Option<PathBuf>,

    /// Also write the report as FORMAT to FILE, from the same comparison
    /// (repeatable: --write yaml=changes.yaml --write markdown=comment.md);
    /// FORMAT is terminal, yaml, json, markdown or html
    #[arg(long, value_name = "FORMAT=FILE", value_parser = parse_write, action = clap::ArgAction::Append)]
    pub write: Vec<(FormatArg, PathBuf)>,

    /// Cap the Markdown report at N characters (default 60000, under the
    /// 65536 a GitHub comment holds; 0 for no cap): the digest and the
    /// commitments stay whole, the paragraph view is cut with a line that
    /// says how many changes were left out
    #[arg(long, value_name = "N", default_value_t = 60_000)]
    pub markdown_limit: usize,

    /// Print nothing; the exit status tells
    #[arg(short, long, conflicts_with = "stat")]
    pub quiet: bool,

    /// Print one line of counts instead of the report
    #[arg(long)]
    pub stat: bool,

    /// Print a man page, shell completions or a built-in data file and exit
    /// (man, bash, zsh, fish, elvish, powershell; chrome-rules, lexicon,
    /// terms)
    #[arg(long, value_name = "WHAT", value_enum, hide_possible_values = true)]
    pub generate: Option<Generate>,
}

/// Kinds of change that can fail a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Paragraphs added
    Added,
    /// Paragraphs removed
    Removed,
    /// Paragraphs reworded
    Reworded,
    /// Paragraphs moved
    Moved,
    /// Commitments whose language got stronger
    Stronger,
    /// Commitments whose language got weaker
    Weaker,
}

/// What `--generate` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// A roff man page
    Man,
    /// Bash completions
    Bash,
    /// Zsh completions
    Zsh,
    /// Fish completions
    Fish,
    /// Elvish completions
    Elvish,
    /// PowerShell completions
    Powershell,
    /// The built-in page-chrome rules
    ChromeRules,
    /// The built-in commitment lexicon
    Lexicon,
    /// The built-in key terms
    Terms,
}

/// The width `--width 0` stands for: lines are never wrapped.
pub const NO_WRAP: usize = usize::MAX;

fn parse_width(s: &str) -> std::result::Result<usize, String> {
    let n: usize = s.parse().map_err(|e| format!("{e}"))?;
    if n == 0 {
        return Ok(NO_WRAP);
    }
    if n < 20 {
        return Err(format!(
            "{n} columns is too narrow to read; give 20 or more, or 0 for no wrapping"
        ));
    }
    Ok(n)
}

fn parse_write(s: &str) -> std::result::Result<(FormatArg, PathBuf), String> {
    let (format, file) = s
        .split_once('=')
        .ok_or_else(|| format!("'{s}' is not FORMAT=FILE (e.g. yaml=changes.yaml)"))?;
    let format = FormatArg::from_str(format, true).map_err(|_| {
        format!("'{format}' is not a format (terminal, yaml, json, markdown, html)")
    })?;
    if file.is_empty() {
        return Err(format!("'{s}' names no file"));
    }
    Ok((format, PathBuf::from(file)))
}

fn parse_ratio(s: &str) -> std::result::Result<f64, String> {
    let v: f64 = s.parse().map_err(|e| format!("{e}"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside the allowed range, 0 to 1"))
    }
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A report for a person, colored on a terminal
    Terminal,
    /// The YAML change summary for CI jobs (schema statement-diff/1)
    Yaml,
    /// The same summary as JSON
    Json,
    /// A redline for a pull-request comment (GitHub-flavored Markdown)
    Markdown,
    /// One self-contained HTML page: summary, inline and side-by-side redline
    Html,
}

/// How to order the rounds of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// Natural order of the file names (2 before 10); files given on the
    /// command line keep their order
    Name,
    /// The date detected in each statement (dateline), undated last
    Date,
}

/// When to color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Color when writing to a terminal and NO_COLOR is not set
    Auto,
    /// Always color
    Always,
    /// Never color
    Never,
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// Plain text
    Text,
    /// A web page
    Html,
    /// Markdown
    Markdown,
}

/// Decides once whether to color: --color, then NO_COLOR (set and not
/// empty), then CLICOLOR_FORCE (set and not "0"), then TERM=dumb, then
/// whether the output is a terminal.
pub fn use_color(when: ColorWhen, to_terminal: bool) -> bool {
    color_from(when, to_terminal, |k| std::env::var_os(k))
}

/// [`use_color`] with the environment read through `env`.
fn color_from(
    when: ColorWhen,
    to_terminal: bool,
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> bool {
    let var = |k: &str| env(k).filter(|v| !v.is_empty());
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto if var("NO_COLOR").is_some() => false,
        ColorWhen::Auto if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorWhen::Auto if var("CLICOLOR").is_some_and(|v| v == "0") => false,
        ColorWhen::Auto if var("TERM").is_some_and(|t| t == "dumb") => false,
        ColorWhen::Auto => to_terminal,
    }
}

impl Cli {
    /// Refuses combinations of options that would be silently ignored, and
    /// an output file that is one of the inputs (the report would replace
    /// the statement): the reason, in one line.
    pub fn check(&self) -> Result<(), String> {
        let format = format!("{:?}", self.format).to_lowercase();
        if self.stat && self.format != FormatArg::Terminal {
            return Err(format!(
                "--stat prints one line of counts; it cannot be given with --format {format}"
            ));
        }
        if self.show_paragraphs && self.format != FormatArg::Terminal {
            return Err(format!(
                "--show-paragraphs lists the paragraphs as read; it cannot be given with --format {format}"
            ));
        }
        if self.quiet && self.output.is_some() {
            return Err("-q writes no report; it cannot be given with -o".into());
        }
        if !self.write.is_empty() && (self.stat || self.show_paragraphs || self.series.is_some()) {
            return Err(
                "--write writes the report of two statements; it cannot be given with --stat, --show-paragraphs or --series".into(),
            );
        }
        let targets = [
            ("-o", self.output.as_ref()),
            ("--write-accept", self.write_accept.as_ref()),
        ]
        .into_iter()
        .chain(self.write.iter().map(|(_, path)| ("--write", Some(path))));
        for (flag, target) in targets {
            let Some(target) = target else { continue };
            if let Some(input) = self.files.iter().find(|f| same_file(Path::new(f), target)) {
                return Err(format!(
                    "{input}: is an input; {flag} would overwrite it with the report"
                ));
            }
        }
        Ok(())
    }
}

/// True when two paths name one file (the same path, or the same file
/// reached another way).
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn color(vars: &[(&str, &str)], to_terminal: bool) -> bool {
        color_from(ColorWhen::Auto, to_terminal, |k| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.into())
        })
    }

    #[test]
    fn color_follows_the_usual_variables() {
        assert!(color(&[], true));
        assert!(!color(&[], false));
        assert!(!color(&[("NO_COLOR", "1")], true));
        assert!(!color(&[("CLICOLOR", "0")], true));
        assert!(color(&[("CLICOLOR", "1")], true));
        assert!(color(&[("CLICOLOR_FORCE", "1")], false));
        assert!(color(&[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")], false));
        assert!(!color(&[("TERM", "dumb")], true));
    }
}
