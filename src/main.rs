//! The `statement-diff` binary: parse the command line, run, exit like diff.

use std::process::ExitCode;

use clap::Parser;
use statement_diff::cli::{Cli, run};
use statement_diff::error::EXIT_TROUBLE;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("statement-diff: {err}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}
