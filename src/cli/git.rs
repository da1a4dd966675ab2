//! Git's external-diff convention: `GIT_EXTERNAL_DIFF=statement-diff git
//! diff` (or `diff.external`) runs the tool with seven arguments, `path
//! old-file old-hex old-mode new-file new-hex new-mode`, and by default
//! expects exit 0 whether or not the files differ.

/// The seven arguments git passes to an external diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct External {
    /// The path in the repository, for the report's labels.
    pub(super) path: String,
    /// The old version, in a temporary file (or `/dev/null` for an added file).
    pub(super) old_file: String,
    /// The new version.
    pub(super) new_file: String,
}

impl External {
    /// The arguments read as git's, when they have its shape: seven of them,
    /// each hex a blob name (or `.`), each mode six octal digits (or `.`).
    pub(super) fn of(args: &[String]) -> Option<External> {
        let [
            path,
            old_file,
            old_hex,
            old_mode,
            new_file,
            new_hex,
            new_mode,
        ] = args
        else {
            return None;
        };
        let hex = |s: &str| s == "." || (s.len() >= 7 && s.bytes().all(|b| b.is_ascii_hexdigit()));
        let mode =
            |s: &str| s == "." || (s.len() == 6 && s.bytes().all(|b| (b'0'..=b'7').contains(&b)));
        (hex(old_hex) && hex(new_hex) && mode(old_mode) && mode(new_mode)).then(|| External {
            path: path.clone(),
            old_file: old_file.clone(),
            new_file: new_file.clone(),
        })
    }

    /// The exit status git expects of an external diff: 0 whether or not
    /// the files differ (git stops with "external diff died" on any other
    /// unless `diff.trustExitCode` is set, and it does not tell the tool
    /// which). Trouble still exits 2 before this is asked.
    pub(super) fn status(&self, _changed: u8) -> u8 {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn git_arguments_are_recognised() {
        let git = External::of(&args(&[
            "statements/15th.txt",
            "/tmp/a_15th.txt",
            "1f2e3d4c5b6a79880f1e2d3c4b5a69788f9e0d1c",
            "100644",
            "statements/15th.txt",
            "0000000",
            "100644",
        ]));
        assert_eq!(
            git,
            Some(External {
                path: "statements/15th.txt".into(),
                old_file: "/tmp/a_15th.txt".into(),
                new_file: "statements/15th.txt".into(),
            })
        );
        // An added file: /dev/null and "." for the old side.
        assert!(
            External::of(&args(&[
                "x.txt",
                "/dev/null",
                ".",
                ".",
                "x.txt",
                "abcdef1",
                "100644"
            ]))
            .is_some()
        );
    }

    #[test]
    fn seven_statements_are_not_git_arguments() {
        let rounds: Vec<String> = (1..=7).map(|k| format!("round-{k}.txt")).collect();
        assert_eq!(External::of(&rounds), None);
        assert_eq!(External::of(&args(&["a", "b"])), None);
    }
}
