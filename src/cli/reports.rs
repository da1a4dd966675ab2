//! A report rendered in one of the formats, to standard output or a file:
//! the main report (`--format`, `-o`) and each `--write FORMAT=FILE`, all
//! from one comparison.

use std::io::{self, Write};
use std::path::Path;

use super::{Cli, FormatArg, output};
use crate::Report;
use crate::error::Result;
use crate::report::terminal::{self, Layout, Palette};

/// How the terminal format is drawn.
pub(super) struct Look<'a> {
    pub palette: &'a Palette,
    pub width: usize,
}

/// Writes `report` as `format` to `out`.
pub(super) fn render(
    cli: &Cli,
    format: FormatArg,
    report: &Report,
    look: &Look<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        FormatArg::Terminal => {
            let layout = Layout {
                width: look.width,
                all: cli.all,
            };
            let mut out = out;
            terminal::render(&mut out, report, look.palette, &layout)
        }
        FormatArg::Yaml => out.write_all(crate::report::yaml::render(report).as_bytes()),
        FormatArg::Json => crate::report::json::write(out, report),
        FormatArg::Markdown => {
            let limit = (cli.markdown_limit > 0).then_some(cli.markdown_limit);
            crate::report::markdown::write_capped(out, report, limit)
        }
        FormatArg::Html => crate::report::html::write(out, report),
    }
}

/// Each `--write FORMAT=FILE`: the report as FORMAT, written atomically to
/// FILE (plain, at `--width` or 100 columns for the terminal format).
pub(super) fn write_extra(cli: &Cli, report: &Report) -> Result<()> {
    let palette = Palette::plain();
    let look = Look {
        palette: &palette,
        width: super::pager::width(cli.width, None, super::pager::Destination::File),
    };
    for (format, path) in &cli.write {
        write_to(path, |out| render(cli, *format, report, &look, out))?;
    }
    Ok(())
}

/// Writes to a temporary file beside `path`, renamed over it when whole.
fn write_to(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let mut buffer = Vec::new();
    write(&mut buffer)
        .and_then(|()| output::write_atomically(path, &buffer))
        .map_err(|e| output::file_error(path, e))
}
