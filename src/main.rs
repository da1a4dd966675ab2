//! The `statement-diff` binary: parse the command line, run, exit like diff.

use std::process::ExitCode;

use clap::Parser;
use statement_diff::cli::{Cli, one_line, run};
use statement_diff::error::EXIT_TROUBLE;
use statement_diff::report::terminal::terminal_safe;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => {
            eprintln!("statement-diff: {}", one_line(&err.render().to_string()));
            return ExitCode::from(EXIT_TROUBLE);
        }
        // --help and --version.
        Err(err) => err.exit(),
    };
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // Paths come from the user: never let one write escape codes.
            let message = terminal_safe(&err.to_string()).into_owned();
            eprintln!("statement-diff: {message}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}
