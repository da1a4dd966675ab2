//! The JSON change summary (`--format json`): the same schema as the YAML
//! report (`statement-diff/1`, [`YamlReport`]), for tools that would rather
//! read JSON.
//!
//! The document is built by [`YamlReport::from_report`], so the two formats
//! cannot drift apart: same fields, same order, same values. Field order is
//! fixed and there are no hash maps, so the output is byte-identical across
//! runs.

use crate::Report;
use crate::report::yaml::YamlReport;

/// Renders a report as pretty-printed JSON (two-space indent), ending with a
/// newline.
pub fn render(report: &Report) -> String {
    to_json(&YamlReport::from_report(report))
}

/// [`render`], written to `out` as it is made.
pub fn write(out: &mut dyn std::io::Write, report: &Report) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &YamlReport::from_report(report))?;
    out.write_all(b"\n")
}

/// Serializes a report document as pretty JSON with a trailing newline.
pub fn to_json(document: &YamlReport) -> String {
    match serde_json::to_string_pretty(document) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Plain structs of strings and numbers cannot fail to serialize; say
        // so in valid JSON rather than panic if it ever happens.
        Err(e) => format!(
            "{{\"error\": {}}}\n",
            serde_json::Value::String(e.to_string())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::Chrome;
    use crate::document::Document;
    use crate::{Options, compare};

    #[test]
    fn reads_back_as_the_yaml_document() {
        let chrome = Chrome::builtin();
        let old = Document::from_text(
            "a.txt",
            "They condemned the launches.\n\nThey met.",
            &chrome,
        );
        let new = Document::from_text("b.txt", "They strongly condemned the launches.", &chrome);
        let report = compare(&old, &new, &Options::default());
        let text = render(&report);
        assert!(text.ends_with("}\n"));
        let back: YamlReport = serde_json::from_str(&text).unwrap();
        assert_eq!(back.schema, "statement-diff/1");
        assert_eq!(back.changes.len(), report.changes.len());
        assert_eq!(text, render(&report));
    }
}
