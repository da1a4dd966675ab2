//! Page chrome told by structure: page layouts of sites that no rule names,
//! written for these tests, each read so that nothing of the statement is
//! set aside and all of the furniture is; and a property: furniture of any
//! kind added around a statement leaves its report unchanged.

use proptest::prelude::*;

use statement_diff::chrome::Chrome;
use statement_diff::compare::{Options, compare};
use statement_diff::document::Document;

/// A statement of this test's own, in English.
const TITLE: &str = "Joint Statement on the Trilateral Coastal Security Dialogue";
const BODY: [&str; 3] = [
    "Senior officials of the three countries met in Lisbon on March 4 and reviewed the work of the coastal security dialogue since its last session.",
    "The officials condemned the repeated launches of ballistic missiles and urged full compliance with the relevant resolutions of the Security Council.",
    "They agreed to hold the next session of the dialogue in the autumn and to report on progress to their ministers.",
];

/// Reads a page and checks it: the statement's title (the first of
/// `statement`) is its title, its paragraphs are kept whole and in order,
/// and each line of furniture is set aside, or taken as metadata (a posting
/// date).
fn check(name: &str, page: &str, statement: &[&str], furniture: &[&str]) {
    let doc = Document::from_text(name, page, &Chrome::builtin());
    let kept: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(doc.title.as_deref(), statement.first().copied(), "{name}");
    assert_eq!(
        kept,
        statement[1..],
        "{name}: kept {kept:#?}\nset aside {:#?}",
        doc.set_aside
    );
    for line in furniture {
        assert!(
            doc.set_aside.iter().any(|s| s.text.contains(line))
                || doc.metadata.iter().any(|m| m.text.contains(line)),
            "{name}: {line:?} is not set aside: {:#?}",
            doc.set_aside
        );
    }
}

fn statement() -> Vec<&'static str> {
    [TITLE].into_iter().chain(BODY).collect()
}

#[test]
fn embassy_page() {
    let furniture = [
        "Skip to main content",
        "Embassy of the Republic of Nowhere",
        "Home > News & Events > Statements",
        "STATEMENTS",
        "March 5, 2031",
        "Topics: Regional Security",
        "Share: Email | Print",
        "Embassy Locations",
    ];
    let page = format!(
        "{}\n{}\n{}\n\n{}\n\n{TITLE}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n{}\n",
        furniture[0],
        furniture[1],
        furniture[2],
        furniture[3],
        furniture[4],
        BODY[0],
        BODY[1],
        BODY[2],
        furniture[5],
        furniture[6],
        furniture[7],
    );
    check("embassy.txt", &page, &statement(), &furniture);
}

#[test]
fn mirror_site_with_a_ticker_and_related_lists() {
    let furniture = [
        "TOP STORIES",
        "Harbour Fees Rise Again – City Council Votes on Parks Budget – Storm Closes Mountain Pass – Regional Rail Strike Ends After Talks",
        "Source: example-wire.net",
        "RELATED COVERAGE",
        "Mar. 3, 2031 - Officials from several ports gathered for a meeting about harbour fees and budgets...",
        "Council Approves New Parks Plan",
    ];
    let page = format!(
        "{}\n{}\n\n{TITLE}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n",
        furniture[0],
        furniture[1],
        furniture[2],
        BODY[0],
        BODY[1],
        BODY[2],
        furniture[3],
        furniture[4],
        furniture[5],
    );
    check("mirror.txt", &page, &statement(), &furniture);
}

#[test]
fn blog_repost_with_date_and_share_bar() {
    let furniture = [
        "Thursday, March 6, 2031",
        "Posted by Reader Desk at 9:14 AM",
        "Email This | BlogThis! | Share to X | Share to Facebook",
        "Labels: Diplomacy, Security",
        "Newer Post Older Post Home",
    ];
    let page = format!(
        "{}\n\n{TITLE}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n",
        furniture[0],
        BODY[0],
        BODY[1],
        BODY[2],
        furniture[1],
        furniture[2],
        furniture[3],
        furniture[4],
    );
    check("blog.txt", &page, &statement(), &furniture);
}

#[test]
fn korean_ministry_page_with_breadcrumb_and_font_size() {
    let title = "제3차 연안안보 대화 공동발표문";
    let body = [
        "3국 고위 당국자들은 3월 4일 리스본에서 만나 지난 회의 이후 연안안보 대화의 성과를 점검하였다.",
        "3국은 탄도미사일의 반복된 발사를 규탄하고 관련 안보리 결의의 완전한 이행을 촉구하였다.",
        "3국은 가을에 다음 회의를 개최하고 그 성과를 각국 장관에게 보고하기로 합의하였다.",
    ];
    let furniture = [
        "본문 바로가기",
        "홈 > 소식 > 보도자료",
        "글자크기 설정",
        "인쇄",
        "2031.03.05",
        "담당부서 대외협력과",
        "이전글",
        "다음글",
    ];
    let page = format!(
        "{}\n{}\n{}\n{}\n\n{title}\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n{}\n",
        furniture[0],
        furniture[1],
        furniture[2],
        furniture[3],
        furniture[4],
        body[0],
        body[1],
        body[2],
        furniture[5],
        furniture[6],
        furniture[7],
    );
    let statement: Vec<&str> = [title].into_iter().chain(body).collect();
    check("ko.txt", &page, &statement, &furniture);
}

#[test]
fn japanese_ministry_page_with_print_and_english_links() {
    let title = "第3回沿岸安全保障対話共同声明";
    let body = [
        "3か国の高官は、3月4日にリスボンで会合し、前回の会合以降の沿岸安全保障対話の成果を確認した。",
        "3か国は、弾道ミサイルの度重なる発射を非難し、関連する安保理決議の完全な履行を求めた。",
        "3か国は、秋に次回の会合を開催し、その成果を各国の閣僚に報告することで一致した。",
    ];
    let furniture = [
        "ホーム > 報道・広報 > 報道資料",
        "英語版/English",
        "印刷用",
        "令和13年3月5日",
        "このページの先頭へ",
    ];
    let page = format!(
        "{}\n{title}\n{}\n{}\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n",
        furniture[0],
        furniture[3],
        furniture[1],
        furniture[2],
        body[0],
        body[1],
        body[2],
        furniture[4],
    );
    let statement: Vec<&str> = [title].into_iter().chain(body).collect();
    check("ja.txt", &page, &statement, &furniture);
}

#[test]
fn saved_page_with_nav_aside_and_footer() {
    let page = format!(
        r#"<!doctype html><html><head><title>x</title><script>var x = 1;</script></head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/press">Press</a></li></ul></nav>
        <div class="crumbs"><a href="/">Home</a> / <a href="/press">Press</a></div>
        <main><h1>{TITLE}</h1><p class="meta">March 5, 2031</p>
        <p>{}</p><p>{}</p><p>{}</p>
        <ul class="tags"><li><a href="/t/1">Security</a></li><li><a href="/t/2">Diplomacy</a></li></ul>
        </main>
        <aside><h2>Most Read</h2><p><a href="/a">Harbour fees rise again</a></p></aside>
        <footer><p>Contact</p><p>Privacy</p></footer></body></html>"#,
        BODY[0], BODY[1], BODY[2],
    );
    let furniture = [
        "Home",
        "Press",
        "Home / Press",
        "March 5, 2031",
        "Security",
        "Diplomacy",
        "Most Read",
        "Harbour fees rise again",
        "Contact",
        "Privacy",
    ];
    check("page.html", &page, &statement(), &furniture);
    let doc = Document::from_text("page.html", &page, &Chrome::builtin());
    // Every block of navigation, aside and footer is listed, with what marks it.
    assert!(
        doc.set_aside.len() >= furniture.len(),
        "{:#?}",
        doc.set_aside
    );
    assert!(doc.set_aside.iter().all(|s| !s.text.contains("var x")));
    assert!(doc.set_aside.iter().any(|s| s.why == "footer"));
    assert!(doc.set_aside.iter().any(|s| s.why == "aside"));
}

/// Furniture of the kinds a page carries, in words of its own.
fn furniture() -> impl Strategy<Value = Vec<String>> {
    let menu = prop::collection::vec(
        prop::sample::select(vec![
            "Home",
            "About Us",
            "News",
            "Contact",
            "Search",
            "Press Room",
            "Events",
        ]),
        1..5,
    )
    .prop_map(|items| items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let share = prop::collection::vec(
        prop::sample::select(vec!["Email", "Print", "Share", "Post"]),
        2..4,
    )
    .prop_map(|items| vec![items.join(" | ")]);
    let ticker = prop::collection::vec(
        prop::sample::select(vec![
            "Harbour Fees Rise Again",
            "Storm Closes Mountain Pass",
            "Rail Strike Ends",
            "Council Votes on Parks Budget",
        ]),
        3..5,
    )
    .prop_map(|items| vec![items.join(" \u{2013} ")]);
    let links = prop::collection::vec(
        prop::sample::select(vec!["Home", "Media", "News", "Statements", "Releases"]),
        2..5,
    )
    .prop_map(|items| vec![items.join(" > ")]);
    let footer = prop::sample::select(vec![
        vec![
            "PRIVACY POLICY".to_string(),
            "Copyright \u{a9} 2031 Example Office".to_string(),
        ],
        vec!["Next Article: Talks With Partners".to_string()],
        vec!["March 5, 2031".to_string(), "Views: 1,204".to_string()],
        vec![
            "RELATED NEWS".to_string(),
            "Mar. 3, 2031 - Officials met about harbour fees...".to_string(),
        ],
    ]);
    prop_oneof![menu, share, ticker, links, footer]
}

fn page(parts: &[Vec<String>]) -> String {
    parts
        .iter()
        .map(|lines| lines.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Furniture added above, between the statement and a photo caption,
    /// or below it leaves the report against the bare statement unchanged.
    #[test]
    fn furniture_around_a_statement_changes_nothing(
        above in furniture(),
        below in furniture(),
        caption in any::<bool>(),
    ) {
        let chrome = Chrome::builtin();
        let bare: Vec<Vec<String>> = statement().iter().map(|s| vec![s.to_string()]).collect();
        let mut parts = vec![above.clone(), vec![TITLE.to_string()]];
        if caption {
            parts.push(vec!["The officials before the session.".to_string()]);
            parts.push(vec!["(Photo by the Office of Information)".to_string()]);
        }
        parts.extend(BODY.iter().map(|s| vec![s.to_string()]));
        parts.push(below.clone());
        let old = Document::from_text("bare.txt", &page(&bare), &chrome);
        let new = Document::from_text("page.txt", &page(&parts), &chrome);
        let report = compare(&old, &new, &Options::default());
        prop_assert!(report.is_same(), "{:?}\n{:#?}\n{:#?}", report.summary, new.paragraphs, new.set_aside);
        for line in above.iter().chain(&below) {
            prop_assert!(new.set_aside.iter().any(|s| s.text.contains(line.as_str())), "{line:?}");
        }
    }
}
