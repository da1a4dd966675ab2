//! Links the `statement-diff` binary as a position-dependent executable on
//! x86-64 Linux.
//!
//! A position-independent executable has every pointer in its read-only
//! data relocated by the dynamic loader at each start: about 30,000
//! relocations and the pages they write, some 0.6 ms of a run that diffs two
//! statements in a few. Linked at a fixed address, those pointers are
//! resolved once, by the linker. The library, tests and benches are built as
//! usual.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && arch == "x86_64" && env == "gnu" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
