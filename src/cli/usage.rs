//! Argument errors in one line, as every other error: clap's several lines
//! (the error, its context, a tip, the usage) folded into
//! `error: … (see --help)`.

/// The one-line form of a clap error's rendered text.
pub fn one_line(rendered: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for line in rendered.lines() {
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if text.starts_with("Usage:") || text.starts_with("For more information") {
            break;
        }
        let text = text.strip_prefix("error: ").unwrap_or(text);
        match text.strip_prefix("tip: ") {
            Some(tip) => parts.push(format!("; {tip}")),
            None if parts.is_empty() => parts.push(text.to_string()),
            // Context under the error ("<FILE>...", "[possible values: …]").
            None => parts.push(format!(" {text}")),
        }
    }
    let message = parts.concat();
    let message = message.trim_end_matches(':').replace(": ;", ";");
    format!("error: {message} (see --help)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn error_of(args: &[&str]) -> String {
        let mut argv = vec!["statement-diff"];
        argv.extend_from_slice(args);
        let err = Cli::try_parse_from(argv).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        one_line(&err.render().to_string())
    }

    #[test]
    fn argument_errors_fit_one_line() {
        for args in [
            &["--format", "xml", "a", "b"][..],
            &[],
            &["--seris", "x"],
            &["--threshold", "-1", "a", "b"],
            &["--width", "abc", "a", "b"],
        ] {
            let line = error_of(args);
            assert!(!line.contains('\n'), "{line}");
            assert!(
                line.starts_with("error: ") && line.ends_with(" (see --help)"),
                "{line}"
            );
        }
        let format = error_of(&["--format", "xml", "a", "b"]);
        assert!(
            format.contains("'xml'") && format.contains("possible values: terminal"),
            "{format}"
        );
        assert!(error_of(&[]).contains("<FILE>"), "{}", error_of(&[]));
        assert!(error_of(&["--seris", "x"]).contains("'--series'"));
    }

    #[test]
    fn a_negative_threshold_gets_the_range_not_a_dash_dash_tip() {
        let line = error_of(&["--threshold", "-1", "a", "b"]);
        assert!(line.contains("allowed range, 0 to 1"), "{line}");
        assert!(!line.contains("-- -1"), "{line}");
    }
}
