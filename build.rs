//! With the `fast-start` feature, links the `statement-diff` binary as a
//! position-dependent executable on x86-64 Linux.
//!
//! A position-independent executable has every pointer in its read-only
//! data relocated by the dynamic loader at each start: about 30,000
//! relocations and the pages they write, some 0.6 ms of a run that diffs two
//! short statements in about 4 ms. Linked at a fixed address, those pointers
//! are resolved once, by the linker; the price is that the binary's own code
//! no longer moves with address-space randomisation, a hardening measure,
//! so it is a choice (`cargo install --features fast-start`, or `cargo
//! build --release --features fast-start`), not the default. The library,
//! tests and benches are built as usual either way.

fn main() {
    let wanted = std::env::var_os("CARGO_FEATURE_FAST_START").is_some();
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if wanted && os == "linux" && arch == "x86_64" && env == "gnu" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
