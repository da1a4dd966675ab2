//! The command line: clap definitions, and `run`, which reads the inputs,
//! compares them and writes the report. The binary only maps the outcome to
//! an exit status.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

mod accept;
mod args;
mod git;
mod output;
mod pager;
mod reports;
mod usage;

pub use args::{Cli, ColorWhen, FailOn, FormatArg, Generate, InputFormatArg, OrderArg, use_color};
pub use usage::one_line;

use crate::chrome::Chrome;
use crate::commitments::lexicon::Lexicon;
use crate::document::Document;
use crate::error::{EXIT_CHANGED, EXIT_SAME, Error, Result};
use crate::input::{self, ReadOptions};
use crate::report::terminal::{Palette, terminal_safe};
use crate::report::yaml;
use crate::terms::Terms;
use crate::{Options, compare_owned};
use accept::{Accepted, accept_file, accept_legacy, read_accept};
use output::{emit, emit_streamed, write_atomically, write_error};

/// Runs the command line; returns the exit status.
pub fn run(cli: &Cli) -> Result<u8> {
    if let Some(what) = cli.generate {
        return generate(cli, what);
    }
    cli.check().map_err(Error::Usage)?;
    let chrome = chrome(cli)?;
    let read = ReadOptions {
        format: cli.input_format.map(|f| match f {
            InputFormatArg::Text => input::Format::Text,
            InputFormatArg::Html => input::Format::Html,
            InputFormatArg::Markdown => input::Format::Markdown,
        }),
        encoding: cli.encoding.clone(),
    };
    let git = cli
        .series
        .is_none()
        .then(|| git::External::of(&cli.files))
        .flatten();
    let files = match (&cli.series, &git) {
        (Some(dir), _) => series_files(dir)?,
        (None, Some(git)) => vec![git.old_file.clone(), git.new_file.clone()],
        (None, None) => cli.files.clone(),
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
    let mut documents = documents.into_iter().collect::<Result<Vec<_>>>()?;
    if let (Some(git), [old, new]) = (&git, documents.as_mut_slice()) {
        old.name = format!("a/{}", git.path);
        new.name = format!("b/{}", git.path);
    }

    let to_terminal = cli.output.is_none() && io::stdout().is_terminal();
    let palette = if cli.format == FormatArg::Terminal && use_color(cli.color, to_terminal) {
        Palette::colored()
    } else {
        Palette::plain()
    };
    let destination = match (&cli.output, to_terminal) {
        (Some(_), _) => pager::Destination::File,
        (None, true) => pager::Destination::Terminal(
            terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)),
        ),
        (None, false) => pager::Destination::Pipe(pager::user_terminal_columns()),
    };
    let columns = std::env::var("COLUMNS").ok();
    let width = pager::width(cli.width, columns.as_deref(), destination);

    if cli.show_paragraphs {
        let mut buf = Vec::new();
        for doc in &documents {
            crate::report::paragraphs::render(&mut buf, doc, &palette, width)
                .map_err(|e| write_error(cli, e))?;
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
    if old.paragraphs.is_empty() && new.paragraphs.is_empty() {
        warn("warning: both files are empty; there is nothing to compare");
    }
    for (doc, other) in [(&old, "added"), (&new, "removed")] {
        if doc.paragraphs.is_empty() && !other_is_empty(doc, &old, &new) {
            warn(&format!(
                "{}: warning: empty file; every paragraph of the other side is reported as {other}",
                doc.name
            ));
        }
    }
    let accepted = match &cli.accept {
        Some(path) => read_accept(path)?,
        None => Accepted::default(),
    };
    let mut options = options(cli)?;
    options.accepted = accepted.set.clone();
    // The report holds what it shows: the documents' paragraphs go as soon
    // as the comparison has read them, before the commitments are matched
    // and the report is rendered.
    let mut report = compare_owned(old, new, &options);
    for warning in report.warnings() {
        warn(&format!("warning: {warning}"));
    }
    if let Some(path) = &cli.accept
        && accept_legacy(&mut report, &accepted) > 0
    {
        warn(&format!(
            "{}: warning: fingerprints of an earlier version (a one-sentence paragraph and its commitment shared one); rewrite the file with --write-accept",
            path.display()
        ));
    }
    if let Some(path) = &cli.write_accept {
        write_atomically(path, accept_file(&report).as_bytes())
            .map_err(|source| output::file_error(path, source))?;
    }
    reports::write_extra(cli, &report)?;
    let status = match &git {
        Some(git) => git.status(status(cli, &report)),
        None => status(cli, &report),
    };
    if cli.quiet {
        return Ok(status);
    }
    if cli.stat {
        emit(cli, crate::report::stat::render(&report).as_bytes())?;
        return Ok(status);
    }
    // Every report is written as it is made: a large one is never whole in
    // memory twice (the YAML moves the report's texts into its document).
    if cli.format == FormatArg::Yaml {
        emit_streamed(cli, |sink| yaml::render_owned_to(report, sink))?;
    } else {
        let look = reports::Look {
            palette: &palette,
            width,
        };
        emit_streamed(cli, |mut sink| {
            reports::render(cli, cli.format, &report, &look, &mut *sink).map(|()| sink)
        })?;
    }
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
            let page = String::from_utf8_lossy(&buf).into_owned();
            buf = usage::with_synopsis(&page, &usage::man_synopsis(&cmd)).into_bytes();
            None
        }
        Generate::Bash => Some(Shell::Bash),
        Generate::Zsh => Some(Shell::Zsh),
        Generate::Fish => Some(Shell::Fish),
        Generate::Elvish => Some(Shell::Elvish),
        Generate::Powershell => Some(Shell::PowerShell),
        Generate::ChromeRules => return data(cli, crate::chrome::BUILTIN_RULES),
        Generate::Lexicon => return data(cli, crate::commitments::lexicon::BUILTIN),
        Generate::Terms => return data(cli, crate::terms::BUILTIN),
    };
    if let Some(shell) = shell {
        clap_complete::generate(shell, &mut cmd, "statement-diff", &mut buf);
    }
    emit(cli, &buf)?;
    Ok(EXIT_SAME)
}

/// Prints a built-in data file.
fn data(cli: &Cli, text: &str) -> Result<u8> {
    emit(cli, text.as_bytes())?;
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
            let n = doc.set_aside.len();
            format!(
                "no statement text found ({n} block{} set aside as page chrome; try --keep-chrome)",
                if n == 1 { "" } else { "s" }
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
        documents.sort_by_key(|d| crate::series::date_key(d.order_date()));
    }
    let options = options(cli)?;
    let report = crate::series::follow(&documents, &options);
    let status = if report.is_same() {
        EXIT_SAME
    } else {
        EXIT_CHANGED
    };
    if cli.quiet {
        return Ok(status);
    }
    let mut buf = Vec::new();
    if cli.stat {
        buf.extend_from_slice(crate::report::series::render_stat(&report).as_bytes());
        emit(cli, &buf)?;
        return Ok(status);
    }
    match cli.format {
        FormatArg::Terminal => {
            crate::report::series::render_terminal(&mut buf, &report, palette, width)
                .map_err(|e| write_error(cli, e))?
        }
        FormatArg::Yaml => {
            buf.extend_from_slice(crate::report::series::render_yaml(&report).as_bytes())
        }
        FormatArg::Json => {
            buf.extend_from_slice(crate::report::series::render_json(&report).as_bytes())
        }
        other => {
            return Err(Error::Usage(format!(
                "--format {} is for two statements; a series reports as terminal, yaml or json",
                format!("{other:?}").to_lowercase()
            )));
        }
    }
    emit(cli, &buf)?;
    Ok(status)
}

/// True when the side other than `doc` is empty too (one warning says so).
fn other_is_empty(doc: &Document, old: &Document, new: &Document) -> bool {
    let other = if std::ptr::eq(doc, old) { new } else { old };
    other.paragraphs.is_empty()
}

/// The comparison options of the command line.
fn options(cli: &Cli) -> Result<Options> {
    // A report of one pair is shown (not a series, a count or nothing).
    let shown = !cli.quiet && !cli.stat && cli.series.is_none();
    // The formats written: the one shown, and each --write.
    let formats = shown
        .then_some(cli.format)
        .into_iter()
        .chain(cli.write.iter().map(|(f, _)| *f));
    let mut options = Options {
        threshold: cli.threshold,
        chrome_rules: !cli.keep_chrome,
        commitment_spans: formats
            .clone()
            .any(|f| matches!(f, FormatArg::Markdown | FormatArg::Html)),
        commitment_edits: formats.clone().any(|f| f == FormatArg::Terminal),
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

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
