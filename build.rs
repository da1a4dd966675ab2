//! Link options for the `statement-diff` binary on Linux with glibc, where
//! the dynamic loader's work is a fair part of a run that diffs two short
//! statements (about 4 ms).
//!
//! A position-independent executable has every pointer in its read-only
//! data (vtables, panic locations, tables of strings) relocated by the
//! loader at each start: about 30,000 relocations.
//!
//! - **By default**, when the C toolchain and the C library here support it
//!   (binutils 2.38 and glibc 2.36 or later), those relocations are packed
//!   (`-z pack-relative-relocs`, "RELR"): 10 KB of table instead of 740 KB
//!   for the loader to read. About 0.4 ms faster to start and 0.7 MB less
//!   resident memory, and nothing else changes. A small C program is linked
//!   and run with the option first; if any step fails, the binary is linked
//!   as usual.
//! - **With the `fast-start` feature** (x86-64 only), the binary is linked at
//!   a fixed address instead: the pointers are resolved once, by the linker,
//!   about 0.6 ms faster still, but the binary's own code no longer moves
//!   with address-space randomisation, a hardening measure. So it is a
//!   choice (`cargo install --features fast-start`), not the default.
//!
//! The library, tests and benches are built as usual either way.

use std::env;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let var = |name: &str| env::var(name).unwrap_or_default();
    let (os, arch, target_env) = (
        var("CARGO_CFG_TARGET_OS"),
        var("CARGO_CFG_TARGET_ARCH"),
        var("CARGO_CFG_TARGET_ENV"),
    );
    if os != "linux" || target_env != "gnu" {
        return;
    }
    if env::var_os("CARGO_FEATURE_FAST_START").is_some() && arch == "x86_64" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
        return;
    }
    if links_packed_relocations() {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether a program linked here with packed relative relocations links
/// and runs. Only when building for this machine with the default linker
/// (`cc`): a cross build or a chosen linker is left alone. (GNU ld before
/// 2.38 ignores the option with a warning: the binary is then as usual.)
fn links_packed_relocations() -> bool {
    if env::var("TARGET").ok() != env::var("HOST").ok() {
        return false;
    }
    let target = env::var("TARGET").unwrap_or_default();
    let linker_var = format!(
        "CARGO_TARGET_{}_LINKER",
        target.to_uppercase().replace('-', "_")
    );
    // A linker chosen in the flags (`-C linker=…`, `-C link-arg=-fuse-ld=gold`)
    // or in `.cargo/config.toml` (`RUSTC_LINKER`) may not know the option.
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if env::var_os(linker_var).is_some()
        || env::var_os("RUSTC_LINKER").is_some()
        || flags.contains("linker")
        || flags.contains("fuse-ld")
    {
        return false;
    }
    let Some(out) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        return false;
    };
    let source = out.join("relr-probe.c");
    let program = out.join("relr-probe");
    if std::fs::write(&source, "int main(void) { return 0; }\n").is_err() {
        return false;
    }
    let linked = Command::new("cc")
        .args([
            "-fPIE",
            "-pie",
            "-Wl,-z,pack-relative-relocs",
            "-Wl,--fatal-warnings",
            "-o",
        ])
        .arg(&program)
        .arg(&source)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    linked
        && Command::new(&program)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}
