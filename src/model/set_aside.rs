//! Page chrome set aside: what was left out of the statement, and why.

/// Where a rule applies (see the header of `chrome.rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// A line above the statement's first paragraph.
    Header,
    /// A header line that carries the publication date.
    Dateline,
    /// A whole paragraph, wherever it stands.
    Anywhere,
    /// A page header or footer of a PDF copy ("Page 2 of 3", "- 2 -"):
    /// set aside like `Anywhere`, and a paragraph it interrupts goes on
    /// past it.
    Page,
    /// This paragraph and all that follow are not the statement.
    End,
    /// A label that ends the statement ("Tags", "Attachments") when no
    /// paragraph of prose follows it; else it is a heading of the statement.
    Tail,
    /// The statement starts after this line ("Begin text:"): it and all
    /// above it are not the statement.
    Start,
    /// Set aside for what the block is, not by a rule: its shape (a menu,
    /// a link list, a label, a date alone) or where it stands on the page
    /// (above the title, after the statement, in a web page's navigation
    /// or footer).
    Structure,
}

impl RuleKind {
    /// The kind named in a rule file.
    pub(crate) fn parse(word: &str) -> Option<RuleKind> {
        Some(match word {
            "header" => RuleKind::Header,
            "dateline" => RuleKind::Dateline,
            "anywhere" => RuleKind::Anywhere,
            "page" => RuleKind::Page,
            "end" => RuleKind::End,
            "tail" => RuleKind::Tail,
            "start" => RuleKind::Start,
            _ => return None,
        })
    }

    /// The name used in rule files and reports.
    pub fn name(self) -> &'static str {
        match self {
            RuleKind::Header => "header",
            RuleKind::Dateline => "dateline",
            RuleKind::Anywhere => "anywhere",
            RuleKind::Page => "page",
            RuleKind::End => "end",
            RuleKind::Tail => "tail",
            RuleKind::Start => "start",
            RuleKind::Structure => "structure",
        }
    }
}

/// One block set aside as page chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// 1-based source line (0 when unknown).
    pub line: usize,
    /// The block's text.
    pub text: String,
    /// The kind of rule that set it aside.
    pub rule: RuleKind,
    /// For [`RuleKind::Structure`], what showed the block to be page
    /// furniture ("links", "label", "nav", "above the title"); else empty.
    pub why: &'static str,
}

/// What the chrome rules make of one line of plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineChrome {
    /// No rule matches: statement text.
    None,
    /// A page rule matches: a page header or footer.
    Page,
    /// Some other rule matches.
    Other,
}

/// What tells the plain-text reader which lines are page chrome: the chrome
/// rules of the next stage, handed to the reader as this trait so that
/// reading needs no knowledge of the rules.
pub trait ChromeLines {
    /// What the rules make of one line of plain text.
    fn line_chrome(&self, line: &str) -> LineChrome;
}
