//! The integration tests, in one binary (`cargo test --test integration`)
//! so that they are linked once rather than once per file. Each file in
//! `tests/` is a module here; run one with a filter, e.g.
//! `cargo test --test integration cli::`. Snapshots keep the names they had
//! as separate binaries (see `util::assert_snapshot!`).

mod util;

mod chrome;
mod cli;
mod digest;
mod formats;
mod inputs;
mod limits;
mod properties;
mod series;
mod snapshots;
mod workflow;

/// `autotests = false` in Cargo.toml: a file in `tests/` that is not a
/// module above would not be compiled or run at all, so say so.
#[test]
fn every_test_file_is_a_module() {
    let root = include_str!("tests.rs");
    let dir = format!("{}/tests", util::ROOT);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "rs") && stem != "tests" {
            assert!(
                root.contains(&format!("\nmod {stem};\n")),
                "tests/{stem}.rs is not a module of tests/tests.rs"
            );
        }
    }
}
