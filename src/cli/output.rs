//! Writing the report: to standard output (a reader that goes away early is
//! no error) or atomically to the output file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Cli;
use crate::error::{Error, Result};

pub(super) fn write_error(cli: &Cli, source: io::Error) -> Error {
    match &cli.output {
        Some(path) => file_error(path, source),
        None => Error::Write {
            path: "-".into(),
            source,
        },
    }
}

/// A failure to write `path`, with a plain reason: the folder that does not
/// exist, permission denied, and so on.
pub(super) fn file_error(path: &Path, source: io::Error) -> Error {
    let folder = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let reason = match source.kind() {
        io::ErrorKind::NotFound if !folder.is_dir() => {
            format!("cannot write: no such folder {}", folder.display())
        }
        io::ErrorKind::PermissionDenied => "cannot write: permission denied".into(),
        io::ErrorKind::IsADirectory => "cannot write: is a folder".into(),
        _ => {
            let text = source.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            format!("cannot write: {}", text.to_lowercase())
        }
    };
    Error::Write {
        path: path.display().to_string(),
        source: io::Error::new(source.kind(), reason),
    }
}

/// Writes the finished report to standard output or, atomically, to the
/// output file. A reader that goes away early (`statement-diff a b | head
/// -1`) is not an error: the run ends quietly with its usual status.
pub(super) fn emit(cli: &Cli, bytes: &[u8]) -> Result<()> {
    match &cli.output {
        None => match super::pager::write(pager(cli).as_ref(), bytes) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(write_error(cli, e)),
            _ => Ok(()),
        },
        Some(path) => write_atomically(path, bytes).map_err(|e| write_error(cli, e)),
    }
}

/// [`emit`] for a report written a piece at a time: to standard output, or
/// to a temporary file renamed over the output file once all is written.
pub(super) fn emit_streamed(
    cli: &Cli,
    write: impl FnOnce(Box<dyn Write>) -> io::Result<Box<dyn Write>>,
) -> Result<()> {
    const BUFFER: usize = 64 * 1024;
    let finish = |sink: io::Result<Box<dyn Write>>| sink.and_then(|mut sink| sink.flush());
    match &cli.output {
        // A report for the pager is made whole first, to know its length.
        None if pager(cli).is_some() => {
            let buffer = Shared::default();
            match finish(write(Box::new(buffer.clone()))) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(write_error(cli, e)),
                _ => emit(cli, &buffer.0.borrow()),
            }
        }
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

/// The pager for a report to standard output, if any.
fn pager(cli: &Cli) -> Option<super::pager::Pager> {
    use std::io::IsTerminal;
    let to_terminal = cli.output.is_none() && io::stdout().is_terminal();
    super::pager::choose(cli.no_pager, to_terminal, |k| std::env::var_os(k))
}

/// A buffer the report is written into, read back once whole.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
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

pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temporary_beside(path);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
