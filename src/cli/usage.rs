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

/// The man page's SYNOPSIS section in roff, with each option's value name
/// (`[--series DIR]`, `FILE...`), which clap_mangen leaves out: the forms
/// for a pair or more files, a series folder, and `--generate`.
pub fn man_synopsis(cmd: &clap::Command) -> String {
    let esc = |s: &str| s.replace('-', "\\-");
    let name = esc(cmd.get_name());
    let special = ["series", "generate", "help", "version"];
    let option = |arg: &clap::Arg| -> Option<String> {
        let long = arg.get_long()?;
        let mut flag = format!("\\fB\\-\\-{}\\fR", esc(long));
        if let Some(short) = arg.get_short() {
            flag = format!("\\fB\\-{short}\\fR|{flag}");
        }
        if arg.get_action().takes_values() {
            let value = arg
                .get_value_names()
                .and_then(|v| v.first().map(|n| n.to_string()))
                .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
            flag.push_str(&format!(" \\fI{}\\fR", esc(&value)));
        }
        Some(flag)
    };
    let options: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_positional() && !a.is_hide_set())
        .filter(|a| !special.contains(&a.get_id().as_str()))
        .filter_map(|a| option(a).map(|o| format!("[{o}]")))
        .collect();
    let by_id = |id: &str| {
        cmd.get_arguments()
            .find(|a| a.get_id() == id)
            .and_then(option)
            .unwrap_or_default()
    };
    let files = cmd
        .get_positionals()
        .next()
        .and_then(|a| {
            a.get_value_names()
                .and_then(|v| v.first().map(|n| n.to_string()))
        })
        .unwrap_or_else(|| "FILE".into());
    format!(
        ".SH SYNOPSIS\n\\fB{name}\\fR {} \\fI{files}\\fR...\n.br\n\\fB{name}\\fR [\\fIoptions\\fR] {}\n.br\n\\fB{name}\\fR {}\n",
        options.join(" "),
        by_id("series"),
        by_id("generate"),
    )
}

/// A rendered man page with its SYNOPSIS section replaced by `synopsis`.
pub fn with_synopsis(page: &str, synopsis: &str) -> String {
    let Some(start) = page.find(".SH SYNOPSIS") else {
        return page.to_string();
    };
    let end = page[start + 1..]
        .find("\n.SH ")
        .map_or(page.len(), |i| start + 1 + i + 1);
    format!("{}{synopsis}{}", &page[..start], &page[end..])
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
    fn the_man_synopsis_names_every_value() {
        use clap::CommandFactory;
        let cmd = Cli::command();
        let synopsis = man_synopsis(&cmd);
        for needle in [
            "[\\fIoptions\\fR] \\fB\\-\\-series\\fR \\fIDIR\\fR",
            "\\fIFILE\\fR...",
            "[\\fB\\-f\\fR|\\fB\\-\\-format\\fR \\fIFORMAT\\fR]",
            "[\\fB\\-\\-threshold\\fR \\fIRATIO\\fR]",
            "[\\fB\\-\\-all\\fR]",
            "\\fB\\-\\-generate\\fR \\fIWHAT\\fR",
        ] {
            assert!(synopsis.contains(needle), "{needle} in {synopsis}");
        }
        let page = ".TH x\n.SH NAME\nx\n.SH SYNOPSIS\nold\n.SH DESCRIPTION\nd\n";
        let replaced = with_synopsis(page, ".SH SYNOPSIS\nnew\n");
        assert_eq!(
            replaced,
            ".TH x\n.SH NAME\nx\n.SH SYNOPSIS\nnew\n.SH DESCRIPTION\nd\n"
        );
    }

    #[test]
    fn a_negative_threshold_gets_the_range_not_a_dash_dash_tip() {
        let line = error_of(&["--threshold", "-1", "a", "b"]);
        assert!(line.contains("allowed range, 0 to 1"), "{line}");
        assert!(!line.contains("-- -1"), "{line}");
    }
}
