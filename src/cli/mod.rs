//! The command line: clap definitions, and `run`, which reads the inputs,
//! compares them and writes the report. The binary only maps the outcome to
//! an exit status.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, ValueEnum, ValueHint};

use crate::chrome::Chrome;
use crate::commitments::lexicon::Lexicon;
use crate::document::Document;
use crate::error::{EXIT_CHANGED, EXIT_SAME, Error, Result};
use crate::input::{self, ReadOptions};
use crate::report::terminal::{self, Layout, Palette, terminal_safe};
use crate::report::yaml;
use crate::terms::Terms;
use crate::{Options, compare_owned};

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
#[command(name = "statement-diff", bin_name = "statement-diff", version, about, long_about, after_help = EXAMPLES)]
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

    /// Minimum word-level similarity (0-1) for two paragraphs to count as
    /// one reworded or moved paragraph
    #[arg(long, value_name = "RATIO", default_value_t = 0.5, value_parser = parse_ratio)]
    pub threshold: f64,

    /// Also show the unchanged paragraphs
    #[arg(long)]
    pub all: bool,

    /// Keep page chrome (banners, breadcrumbs, related news) as paragraphs
    #[arg(long)]
    pub keep_chrome: bool,

    /// Add the chrome rules in FILE to the built-in ones (format: see
    /// src/chrome/chrome.rules)
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub chrome_rules: Option<PathBuf>,

    /// Use the commitment lexicon in FILE (reporting verbs, intensifiers,
    /// modals) instead of the built-in one (format: see
    /// src/commitments/lexicon.txt)
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub lexicon: Option<PathBuf>,

    /// Count the key terms in FILE instead of the built-in list (format:
    /// see src/terms.txt)
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub terms: Option<PathBuf>,

    /// Read inputs as this format instead of detecting it
    #[arg(long, value_name = "FORMAT", value_enum)]
    pub input_format: Option<InputFormatArg>,

    /// Read inputs that are not UTF-8 in this legacy encoding
    /// (windows-1252, euc-kr, shift_jis, …)
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Print each file's paragraphs as the tool sees them, and what was set
    /// aside, instead of comparing
    #[arg(long)]
    pub show_paragraphs: bool,

    /// Wrap the terminal report to N columns (default: the terminal's width,
    /// or 100)
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,

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

    /// Print nothing; the exit status tells
    #[arg(short, long, conflicts_with = "stat")]
    pub quiet: bool,

    /// Print one line of counts instead of the report
    #[arg(long)]
    pub stat: bool,

    /// Print a man page or shell completions and exit (man, bash, zsh,
    /// fish, elvish, powershell)
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
}

fn parse_ratio(s: &str) -> std::result::Result<f64, String> {
    let v: f64 = s.parse().map_err(|e| format!("{e}"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is not between 0 and 1"))
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
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto if var("NO_COLOR").is_some() => false,
        ColorWhen::Auto if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorWhen::Auto if var("TERM").is_some_and(|t| t == "dumb") => false,
        ColorWhen::Auto => to_terminal,
    }
}

/// Runs the command line; returns the exit status.
pub fn run(cli: &Cli) -> Result<u8> {
    if let Some(what) = cli.generate {
        return generate(cli, what);
    }
    let chrome = chrome(cli)?;
    let read = ReadOptions {
        format: cli.input_format.map(|f| match f {
            InputFormatArg::Text => input::Format::Text,
            InputFormatArg::Html => input::Format::Html,
            InputFormatArg::Markdown => input::Format::Markdown,
        }),
        encoding: cli.encoding.clone(),
    };
    let files = match &cli.series {
        Some(dir) => series_files(dir)?,
        None => cli.files.clone(),
    };
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(Error::BothStdin);
    }
    let sources = files
        .iter()
        .map(|name| input::read_path(name, &read))
        .collect::<Result<Vec<_>>>()?;
    // Large inputs are read into paragraphs on every core; the first error
    // in file order is the one reported, as when reading one by one.
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    // Each source is dropped once read: the paragraphs keep what is needed.
    let documents = if bytes >= PARALLEL_BYTES {
        use rayon::prelude::*;
        sources
            .into_par_iter()
            .map(|source| read_document(&source, &chrome))
            .collect::<Vec<_>>()
    } else {
        sources
            .into_iter()
            .map(|source| read_document(&source, &chrome))
            .collect::<Vec<_>>()
    };
    let documents = documents.into_iter().collect::<Result<Vec<_>>>()?;

    let to_terminal = cli.output.is_none() && io::stdout().is_terminal();
    let palette = if cli.format == FormatArg::Terminal && use_color(cli.color, to_terminal) {
        Palette::colored()
    } else {
        Palette::plain()
    };
    let width = cli.width.unwrap_or_else(|| terminal_width(to_terminal));

    if cli.show_paragraphs {
        let mut buf = Vec::new();
        for doc in &documents {
            show_paragraphs(&mut buf, doc, &palette, width).map_err(|e| write_error(cli, e))?;
        }
        emit(cli, &buf)?;
        return Ok(EXIT_SAME);
    }
    if cli.series.is_some() || documents.len() > 2 {
        return run_series(cli, documents, &palette, width);
    }
    let [old, new]: [Document; 2] = documents.try_into().map_err(|d: Vec<Document>| {
        Error::Usage(format!(
            "expected two files, OLD and NEW, but got {}",
            d.len()
        ))
    })?;
    for (doc, other) in [(&old, "added"), (&new, "removed")] {
        if doc.paragraphs.is_empty() {
            warn(&format!(
                "{}: warning: empty file; every paragraph of the other side is reported as {other}",
                doc.name
            ));
        }
    }
    let options = options(cli)?;
    // The report holds what it shows: the documents' paragraphs go as soon
    // as the comparison has read them, before the commitments are matched
    // and the report is rendered.
    let report = compare_owned(old, new, &options);
    if let Some(path) = &cli.write_accept {
        write_atomically(path, accept_file(&report).as_bytes()).map_err(|source| Error::Write {
            path: path.display().to_string(),
            source,
        })?;
    }
    let status = status(cli, &report);
    if cli.quiet {
        return Ok(status);
    }
    let mut buf = Vec::new();
    if cli.stat {
        buf.extend_from_slice(stat_line(&report).as_bytes());
        emit(cli, &buf)?;
        return Ok(status);
    }
    match cli.format {
        FormatArg::Terminal => {
            let layout = Layout {
                width,
                all: cli.all,
            };
            terminal::render(&mut buf, &report, &palette, &layout)
                .map_err(|e| write_error(cli, e))?;
        }
        // Written as it is made: a large report is never whole in memory.
        FormatArg::Yaml => {
            emit_streamed(cli, |sink| yaml::render_owned_to(report, sink))?;
            return Ok(status);
        }
        // The rendered text becomes the buffer (no second copy of a large
        // report in memory).
        FormatArg::Json => buf = crate::report::json::render(&report).into_bytes(),
        FormatArg::Markdown => buf = crate::report::markdown::render(&report).into_bytes(),
        FormatArg::Html => buf = crate::report::html::render(&report).into_bytes(),
    }
    emit(cli, &buf)?;
    Ok(status)
}

/// Exit 1 when a change of a `--fail-on` kind is not accepted.
fn status(cli: &Cli, report: &crate::Report) -> u8 {
    use crate::model::ChangeKind;
    use crate::model::Shift;
    let paragraphs = report.changes.iter().any(|c| {
        let kind = match c.kind {
            ChangeKind::Added => FailOn::Added,
            ChangeKind::Removed => FailOn::Removed,
            ChangeKind::Reworded => FailOn::Reworded,
            ChangeKind::Moved => FailOn::Moved,
        };
        cli.fail_on.contains(&kind) && !c.review.accepted
    });
    let shifts = report.commitments.iter().any(|c| {
        let kind = match c.shift {
            Some(Shift::Stronger) => FailOn::Stronger,
            Some(Shift::Weaker) => FailOn::Weaker,
            None => return false,
        };
        cli.fail_on.contains(&kind) && !c.review.accepted
    });
    if paragraphs || shifts {
        EXIT_CHANGED
    } else {
        EXIT_SAME
    }
}

/// `--stat`: one line of counts.
fn stat_line(report: &crate::Report) -> String {
    use crate::model::{CommitmentKind, Shift};
    let s = report.summary;
    let count = |k| report.commitments.iter().filter(|c| c.kind == k).count();
    let shift = |k| {
        report
            .commitments
            .iter()
            .filter(|c| c.shift == Some(k))
            .count()
    };
    format!(
        "{} \u{2192} {}: {} unchanged, {} added, {} removed, {} reworded, {} moved; commitments: {} kept, {} reworded ({} stronger, {} weaker), {} added, {} dropped\n",
        terminal_safe(&report.old.path),
        terminal_safe(&report.new.path),
        s.unchanged,
        s.added,
        s.removed,
        s.reworded,
        s.moved,
        count(CommitmentKind::Kept),
        count(CommitmentKind::Reworded),
        shift(Shift::Stronger),
        shift(Shift::Weaker),
        count(CommitmentKind::Added),
        count(CommitmentKind::Dropped),
    )
}

/// The accept file of a report: one reviewed change per line, its
/// fingerprint first; the rest of the line says what it was.
fn accept_file(report: &crate::Report) -> String {
    let mut out = format!(
        "# statement-diff accept file: changes reviewed between\n#   {} (sha256 {})\n#   {} (sha256 {})\n# One fingerprint per line; text after it is a reminder. Pass with --accept.\n",
        report.old.path, report.old.sha256, report.new.path, report.new.sha256
    );
    let words = |text: &str| {
        text.split_whitespace()
            .take(10)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let first_words =
        |old: Option<&str>, new: Option<&str>| new.or(old).map(words).unwrap_or_default();
    for c in &report.changes {
        let text = first_words(
            c.old.as_ref().map(|s| s.text.as_str()),
            c.new.as_ref().map(|s| s.text.as_str()),
        );
        out.push_str(&format!(
            "{}  {:<9} {text}\n",
            c.review.fingerprint,
            c.kind.name()
        ));
    }
    let reviewed = report
        .commitments
        .iter()
        .filter(|c| c.kind != crate::model::CommitmentKind::Kept);
    for c in reviewed {
        let label = crate::fingerprint::commitment_label(c);
        let text = first_words(
            c.old.as_ref().map(|s| s.text.as_str()),
            c.new.as_ref().map(|s| s.text.as_str()),
        );
        out.push_str(&format!(
            "{}  commitment {label} {text}\n",
            c.review.fingerprint
        ));
    }
    out
}

/// Reads an accept file: the first word of each line that is not blank or
/// a comment.
fn read_accept(path: &Path) -> Result<std::collections::BTreeSet<String>> {
    let bad = |reason: String| Error::BadDataFile {
        path: path.to_path_buf(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    let mut out = std::collections::BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let word = line.split_whitespace().next().unwrap_or("");
        if word.len() != 16 || !word.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(format!(
                "line {}: '{word}' is not a fingerprint (16 hex digits)",
                i + 1
            )));
        }
        out.insert(word.to_ascii_lowercase());
    }
    Ok(out)
}

/// `--generate`: a man page or shell completions, from the clap definition.
fn generate(cli: &Cli, what: Generate) -> Result<u8> {
    use clap::CommandFactory;
    use clap_complete::Shell;
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    let shell = match what {
        Generate::Man => {
            clap_mangen::Man::new(cmd.clone())
                .render(&mut buf)
                .map_err(|e| write_error(cli, e))?;
            None
        }
        Generate::Bash => Some(Shell::Bash),
        Generate::Zsh => Some(Shell::Zsh),
        Generate::Fish => Some(Shell::Fish),
        Generate::Elvish => Some(Shell::Elvish),
        Generate::Powershell => Some(Shell::PowerShell),
    };
    if let Some(shell) = shell {
        clap_complete::generate(shell, &mut cmd, "statement-diff", &mut buf);
    }
    emit(cli, &buf)?;
    Ok(EXIT_SAME)
}

/// A source read into a document. A file that is empty (or only white
/// space) is a statement with no paragraphs; a file with text in which no
/// statement is found (a web page of navigation only) is an error, never an
/// empty report presented as complete.
/// Above this many bytes of input in all, the files are read into
/// paragraphs in parallel.
const PARALLEL_BYTES: usize = 256 * 1024;

fn read_document(source: &input::Source, chrome: &Chrome) -> Result<Document> {
    let doc = Document::from_source(source, chrome);
    if doc.paragraphs.is_empty() && !crate::text::normalize::tidy_spaces(&source.text).is_empty() {
        let reason = if doc.set_aside.is_empty() {
            "no statement text found".to_string()
        } else {
            format!(
                "no statement text found ({} blocks set aside as page chrome; try --keep-chrome)",
                doc.set_aside.len()
            )
        };
        return Err(Error::Empty {
            path: source.name.clone(),
            reason,
        });
    }
    Ok(doc)
}

/// A warning on standard error, made safe for the terminal.
fn warn(message: &str) {
    eprintln!("statement-diff: {}", terminal_safe(message));
}

/// The statement files of a series folder, in natural name order.
fn series_files(dir: &Path) -> Result<Vec<String>> {
    let name = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Read {
        path: name.clone(),
        reason: if e.kind() == io::ErrorKind::NotFound {
            "no such folder".into()
        } else {
            e.to_string().to_lowercase()
        },
    })?;
    let mut files: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            matches!(ext.as_str(), "txt" | "html" | "htm" | "md" | "markdown")
        })
        .map(|p| p.display().to_string())
        .collect();
    files.sort_by(|a, b| crate::series::natural_order(a, b));
    if files.len() < 2 {
        return Err(Error::Usage(format!(
            "{name}: a series needs at least two statements (.txt, .html, .md), found {}",
            files.len()
        )));
    }
    Ok(files)
}

/// Compares each round of a series with the next and follows every
/// paragraph and commitment.
fn run_series(
    cli: &Cli,
    mut documents: Vec<Document>,
    palette: &Palette,
    width: usize,
) -> Result<u8> {
    for doc in &documents {
        if doc.paragraphs.is_empty() {
            warn(&format!(
                "{}: warning: empty file; the round has no paragraphs",
                doc.name
            ));
        }
    }
    if cli.order == OrderArg::Date {
        documents.sort_by_key(|d| crate::series::date_key(d.date.as_deref()));
    }
    let options = options(cli)?;
    let report = crate::series::follow(&documents, &options);
    let mut buf = Vec::new();
    match cli.format {
        FormatArg::Terminal => {
            crate::report::series::render_terminal(&mut buf, &report, palette, width)
                .map_err(|e| write_error(cli, e))?
        }
        FormatArg::Yaml => {
            buf.extend_from_slice(crate::report::series::render_yaml(&report).as_bytes())
        }
        other => {
            return Err(Error::Usage(format!(
                "--format {} is for two statements; a series reports as terminal or yaml",
                format!("{other:?}").to_lowercase()
            )));
        }
    }
    emit(cli, &buf)?;
    Ok(if report.is_same() {
        EXIT_SAME
    } else {
        EXIT_CHANGED
    })
}

/// The comparison options of the command line.
fn options(cli: &Cli) -> Result<Options> {
    let mut options = Options {
        accepted: match &cli.accept {
            Some(path) => read_accept(path)?,
            None => Default::default(),
        },
        threshold: cli.threshold,
        chrome_rules: !cli.keep_chrome,
        ..Options::default()
    };
    if let Some(path) = &cli.lexicon {
        options.lexicon = data_file(path, Lexicon::parse)?;
    }
    if let Some(path) = &cli.terms {
        options.terms = data_file(path, Terms::parse)?;
    }
    Ok(options)
}

/// Reads and parses a data file given on the command line.
fn data_file<T>(path: &Path, parse: impl Fn(&str) -> std::result::Result<T, String>) -> Result<T> {
    let bad = |reason: String| Error::BadDataFile {
        path: path.to_path_buf(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    parse(&text).map_err(bad)
}

fn chrome(cli: &Cli) -> Result<Chrome> {
    if cli.keep_chrome {
        return Ok(Chrome::none());
    }
    let mut rules = crate::chrome::BUILTIN_RULES.to_string();
    if let Some(path) = &cli.chrome_rules {
        let extra = std::fs::read_to_string(path).map_err(|e| Error::BadDataFile {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        // Validate the user's file on its own so errors name its lines.
        Chrome::parse(&extra).map_err(|e| Error::BadDataFile {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        rules.push('\n');
        rules.push_str(&extra);
    }
    Chrome::parse(&rules).map_err(|e| Error::BadDataFile {
        path: PathBuf::from("chrome.rules"),
        reason: e.to_string(),
    })
}

/// The report's width: the terminal's (COLUMNS first, as set by shells),
/// or 100 columns when writing to a file or pipe.
fn terminal_width(to_terminal: bool) -> usize {
    if !to_terminal {
        return 100;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok());
    let size = terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    columns
        .or(size)
        .filter(|&c| c >= 40)
        .map_or(100, |c| c.min(160))
}

fn write_error(cli: &Cli, source: io::Error) -> Error {
    let path = cli
        .output
        .as_ref()
        .map_or_else(|| "-".to_string(), |p| p.display().to_string());
    Error::Write { path, source }
}

/// Writes the finished report to standard output or, atomically, to the
/// output file. A reader that goes away early (`statement-diff a b | head
/// -1`) is not an error: the run ends quietly with its usual status.
fn emit(cli: &Cli, bytes: &[u8]) -> Result<()> {
    match &cli.output {
        None => {
            let mut out = io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(write_error(cli, e)),
                _ => Ok(()),
            }
        }
        Some(path) => write_atomically(path, bytes).map_err(|e| write_error(cli, e)),
    }
}

/// [`emit`] for a report written a piece at a time: to standard output, or
/// to a temporary file renamed over the output file once all is written.
fn emit_streamed(
    cli: &Cli,
    write: impl FnOnce(Box<dyn Write>) -> io::Result<Box<dyn Write>>,
) -> Result<()> {
    const BUFFER: usize = 64 * 1024;
    let finish = |sink: io::Result<Box<dyn Write>>| sink.and_then(|mut sink| sink.flush());
    match &cli.output {
        None => {
            let out = io::BufWriter::with_capacity(BUFFER, io::stdout());
            match finish(write(Box::new(out))) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(write_error(cli, e)),
                _ => Ok(()),
            }
        }
        Some(path) => {
            let tmp = temporary_beside(path);
            let result = std::fs::File::create(&tmp)
                .and_then(|file| {
                    finish(write(Box::new(io::BufWriter::with_capacity(BUFFER, file))))
                })
                .and_then(|()| std::fs::rename(&tmp, path));
            if result.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            result.map_err(|e| write_error(cli, e))
        }
    }
}

/// A temporary file name in the output file's folder (so that renaming it
/// over the output is atomic).
fn temporary_beside(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temporary_beside(path);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `--show-paragraphs`: the numbered paragraphs and what was set aside.
fn show_paragraphs(
    out: &mut impl Write,
    doc: &Document,
    p: &Palette,
    width: usize,
) -> io::Result<()> {
    use owo_colors::OwoColorize;
    writeln!(
        out,
        "{} ({} paragraphs, {}, {})",
        terminal_safe(&doc.name).style(p.strong),
        doc.paragraphs.len(),
        doc.format.name(),
        doc.encoding
    )?;
    if let Some(title) = &doc.title {
        writeln!(out, "  title: {}", terminal_safe(title))?;
    }
    if let Some(date) = &doc.date {
        writeln!(out, "  date: {date}")?;
    }
    for para in &doc.paragraphs {
        let mut text = terminal_safe(&para.text).into_owned();
        let room = width.saturating_sub(14).max(30);
        if text.chars().count() > room {
            text = text
                .chars()
                .take(room.saturating_sub(1))
                .collect::<String>()
                + "\u{2026}";
        }
        writeln!(out, "  \u{b6}{:<3} {}", para.index, text)?;
    }
    if !doc.set_aside.is_empty() {
        writeln!(
            out,
            "  {}",
            format!("set aside ({}):", doc.set_aside.len()).style(p.dim)
        )?;
        for block in &doc.set_aside {
            let mut text = terminal_safe(&block.text).into_owned();
            if text.chars().count() > 70 {
                text = text.chars().take(69).collect::<String>() + "\u{2026}";
            }
            let line = format!(
                "    {:<8} line {:<4} {}",
                block.rule.name(),
                block.line,
                text
            );
            writeln!(out, "{}", line.style(p.dim))?;
        }
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_values() {
        let cli = Cli::try_parse_from([
            "statement-diff",
            "-f",
            "yaml",
            "--color=never",
            "a.txt",
            "-",
        ])
        .unwrap();
        assert_eq!(cli.format, FormatArg::Yaml);
        assert_eq!(cli.files, ["a.txt", "-"]);
        let err =
            Cli::try_parse_from(["statement-diff", "--threshold", "1.5", "a", "b"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn color_flag_beats_environment() {
        assert!(use_color(ColorWhen::Always, false));
        assert!(!use_color(ColorWhen::Never, true));
    }
}
