//! Paging a long report on a terminal, as git does, and the width of the
//! terminal the user sits at.
//!
//! A report is paged only when standard output is a terminal, `--no-pager`
//! is not given and the report is longer than the screen. The pager is
//! `$STATEMENT_DIFF_PAGER`, else `$PAGER`, else `less`; an empty value or
//! `cat` means none. `less` gets `LESS=FRX` (quit if one screen, keep
//! colors, leave the text on screen) unless `LESS` is set, in which case the
//! user's own options stand.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

use unicode_width::UnicodeWidthChar;

/// A pager to run: a shell command line and the variables to set for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// The command line, run by the shell.
    pub command: String,
    /// Variables set for the pager (only those the user has not set).
    pub env: Vec<(&'static str, &'static str)>,
}

/// The pager to use, from the environment, or none.
pub fn choose(
    no_pager: bool,
    to_terminal: bool,
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<Pager> {
    if no_pager || !to_terminal {
        return None;
    }
    let var = |k: &str| env(k).map(|v| v.to_string_lossy().trim().to_string());
    let command = var("STATEMENT_DIFF_PAGER")
        .or_else(|| var("PAGER"))
        .unwrap_or_else(|| "less".to_string());
    if command.is_empty() || command == "cat" {
        return None;
    }
    let mut set = Vec::new();
    if env("LESS").is_none() {
        set.push(("LESS", "FRX"));
    }
    if env("LV").is_none() {
        set.push(("LV", "-c"));
    }
    Some(Pager { command, env: set })
}

/// How many screen rows `text` takes on a terminal `columns` wide (escape
/// sequences take none, long lines wrap).
pub fn screen_rows(text: &[u8], columns: usize) -> usize {
    let text = String::from_utf8_lossy(text);
    let columns = columns.max(1);
    text.lines()
        .map(|line| {
            let mut width = 0;
            let mut escape = false;
            for c in line.chars() {
                match (escape, c) {
                    (false, '\u{1b}') => escape = true,
                    (true, c) if c.is_ascii_alphabetic() => escape = false,
                    (true, _) => {}
                    (false, c) => width += c.width().unwrap_or(0),
                }
            }
            width.div_ceil(columns).max(1)
        })
        .sum()
}

/// Writes `bytes` to standard output, through the pager when one is chosen
/// and the text is longer than the screen. A pager that cannot be started
/// is passed over: the report goes to standard output.
pub(super) fn write(pager: Option<&Pager>, bytes: &[u8]) -> io::Result<()> {
    if let Some(pager) = pager {
        let size = terminal_size::terminal_size().map(|(w, h)| (w.0 as usize, h.0 as usize));
        let long = size.is_none_or(|(w, h)| screen_rows(bytes, w) >= h);
        if long && let Some(result) = through(pager, bytes) {
            return result;
        }
    }
    let mut out = io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush())
}

/// Runs the pager on `bytes`; None when it cannot be started.
fn through(pager: &Pager, bytes: &[u8]) -> Option<io::Result<()>> {
    let mut command = shell(&pager.command);
    command.stdin(Stdio::piped());
    for (k, v) in &pager.env {
        command.env(k, v);
    }
    let mut child = command.spawn().ok()?;
    // Ctrl-C is the pager's to handle: the report stays until it quits.
    let _guard = IgnoreInterrupt::new();
    let written = child.stdin.take().map_or(Ok(()), |mut stdin| {
        stdin.write_all(bytes)
        // Dropping stdin tells the pager the report is whole.
    });
    let waited = child.wait();
    Some(match written {
        // The user quit the pager before the end: not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e),
        Ok(()) => waited.map(|_| ()),
    })
}

#[cfg(unix)]
fn shell(line: &str) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c").arg(line);
    c
}

#[cfg(not(unix))]
fn shell(line: &str) -> Command {
    let mut words = line.split_whitespace();
    let mut c = Command::new(words.next().unwrap_or("more"));
    c.args(words);
    c
}

/// SIGINT ignored while the pager runs, restored when dropped.
struct IgnoreInterrupt {
    #[cfg(unix)]
    previous: libc::sighandler_t,
}

impl IgnoreInterrupt {
    fn new() -> IgnoreInterrupt {
        IgnoreInterrupt {
            // SAFETY: setting a signal's disposition to SIG_IGN runs no code
            // in the handler; the previous disposition is restored on drop.
            #[cfg(unix)]
            previous: unsafe { libc::signal(libc::SIGINT, libc::SIG_IGN) },
        }
    }
}

impl Drop for IgnoreInterrupt {
    fn drop(&mut self) {
        // SAFETY: restores the disposition saved in `new`.
        #[cfg(unix)]
        unsafe {
            libc::signal(libc::SIGINT, self.previous);
        }
    }
}

/// The width of the terminal the user sits at when standard output is not
/// one (a pipe into `less -R`): standard error's, else the controlling
/// terminal's when standard input is a terminal too.
pub(super) fn user_terminal_columns() -> Option<usize> {
    let stderr = io::stderr();
    if stderr.is_terminal() {
        return terminal_size::terminal_size_of(&stderr).map(|(w, _)| w.0 as usize);
    }
    if io::stdin().is_terminal() {
        let tty = std::fs::File::open("/dev/tty").ok()?;
        return terminal_size::terminal_size_of(&tty).map(|(w, _)| w.0 as usize);
    }
    None
}

/// Where the report goes, for its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// Standard output is a terminal this many columns wide (if known).
    Terminal(Option<usize>),
    /// Standard output is a pipe; the user's terminal is this wide (if
    /// known).
    Pipe(Option<usize>),
    /// A file (`-o`).
    File,
}

/// The report's width: `--width`, else `COLUMNS`, else the terminal's (the
/// one written to, or the one the user sits at when writing to a pipe);
/// 100 for a file or when nothing is known. A terminal's width is taken
/// between 40 and 160 columns.
pub fn width(explicit: Option<usize>, columns: Option<&str>, to: Destination) -> usize {
    if let Some(n) = explicit {
        return n;
    }
    let terminal = match to {
        Destination::File => return 100,
        Destination::Terminal(cols) | Destination::Pipe(cols) => cols,
    };
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .or(terminal)
        .filter(|&c| c >= 40)
        .map_or(100, |c| c.min(160))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pager(vars: &[(&str, &str)]) -> Option<Pager> {
        choose(false, true, |k| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.into())
        })
    }

    #[test]
    fn the_pager_comes_from_the_environment_like_git() {
        let less = pager(&[]).unwrap();
        assert_eq!(less.command, "less");
        assert_eq!(less.env, [("LESS", "FRX"), ("LV", "-c")]);
        assert_eq!(pager(&[("PAGER", "more")]).unwrap().command, "more");
        let own = pager(&[("PAGER", "more"), ("STATEMENT_DIFF_PAGER", "less -S")]).unwrap();
        assert_eq!(own.command, "less -S");
        // The user's LESS options stand.
        assert_eq!(pager(&[("LESS", "-R")]).unwrap().env, [("LV", "-c")]);
        assert_eq!(pager(&[("PAGER", "cat")]), None);
        assert_eq!(pager(&[("STATEMENT_DIFF_PAGER", "")]), None);
        assert_eq!(
            pager(&[("STATEMENT_DIFF_PAGER", "cat"), ("PAGER", "less")]),
            None
        );
    }

    #[test]
    fn never_a_pager_with_no_pager_or_without_a_terminal() {
        assert_eq!(choose(true, true, |_| None), None);
        assert_eq!(choose(false, false, |_| None), None);
    }

    #[test]
    fn rows_count_wrapped_lines_and_skip_escapes() {
        assert_eq!(screen_rows(b"a\nb\n", 80), 2);
        assert_eq!(screen_rows(b"\n\n", 80), 2);
        assert_eq!(screen_rows("x".repeat(100).as_bytes(), 80), 2);
        let colored = format!("\u{1b}[1;31m{}\u{1b}[0m", "x".repeat(80));
        assert_eq!(screen_rows(colored.as_bytes(), 80), 1);
        assert_eq!(screen_rows("한국어".repeat(14).as_bytes(), 80), 2);
    }

    #[test]
    fn width_from_the_flag_the_variable_or_the_terminal() {
        use Destination::*;
        assert_eq!(width(Some(72), Some("120"), Terminal(Some(90))), 72);
        assert_eq!(width(None, Some("120"), Terminal(Some(90))), 120);
        assert_eq!(width(None, None, Terminal(Some(90))), 90);
        // A pipe into a pager: the user's terminal.
        assert_eq!(width(None, None, Pipe(Some(80))), 80);
        assert_eq!(width(None, Some("70"), Pipe(Some(80))), 70);
        assert_eq!(width(None, None, Pipe(None)), 100);
        assert_eq!(width(None, Some("70"), File), 100);
        assert_eq!(width(None, None, Terminal(Some(300))), 160);
        assert_eq!(width(None, None, Terminal(Some(20))), 100);
    }
}
