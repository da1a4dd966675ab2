//! Errors and exit codes.

use std::path::PathBuf;

/// Exit status when the statements say the same thing.
pub const EXIT_SAME: u8 = 0;
/// Exit status when something changed.
pub const EXIT_CHANGED: u8 = 1;
/// Exit status on trouble: a file that cannot be read, bad arguments.
pub const EXIT_TROUBLE: u8 = 2;

/// Everything that can stop a comparison. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{path}: {reason}")]
    Read {
        /// The file as the user named it.
        path: String,
        /// A plain reason ("no such file", "permission denied", …).
        reason: String,
    },
    /// The file holds bytes that are not text in its encoding.
    #[error("{path}: {reason}")]
    NotText {
        /// The file as the user named it.
        path: String,
        /// What is wrong, with the byte offset.
        reason: String,
    },
    /// The file is text but holds no statement.
    #[error("{path}: {reason}")]
    Empty {
        /// The file as the user named it.
        path: String,
        /// What was found instead.
        reason: String,
    },
    /// The command line names the wrong number of files.
    #[error("{0}")]
    Usage(String),
    /// Standard input was named for both sides.
    #[error("-: standard input can be read only once; name a file for the other side")]
    BothStdin,
    /// An unknown `--encoding` label.
    #[error("unknown encoding '{0}' (try windows-1252, euc-kr, shift_jis, utf-16le)")]
    UnknownEncoding(String),
    /// A rules or data file given on the command line is malformed.
    #[error("{path}: {reason}")]
    BadDataFile {
        /// The file.
        path: PathBuf,
        /// The line and what is wrong.
        reason: String,
    },
    /// Writing the report failed.
    #[error("{path}: {source}")]
    Write {
        /// Where the report was going.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// A library result.
pub type Result<T> = std::result::Result<T, Error>;
