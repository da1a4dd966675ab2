//! Helpers shared by the modules of the integration-test binary.

use std::io::Write;

use assert_cmd::Command;

/// The crate root, where `corpus/`, `scripts/` and `tests/fixtures/` are.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The path of a file under `corpus/`.
pub fn corpus(path: &str) -> String {
    format!("{ROOT}/corpus/{path}")
}

/// The binary with a predictable environment: no colors, and none of the
/// variables that would force them back on.
pub fn cmd() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("statement-diff");
    cmd.env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS");
    cmd
}

/// A temporary file holding `bytes`, its name ending in `suffix` ("" for
/// none); removed when dropped.
pub fn temp(suffix: &str, bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(suffix).tempfile().unwrap();
    f.write_all(bytes).unwrap();
    f
}

/// `insta::assert_snapshot!(value)` for test `name`, stored under the file
/// name it had when each file in `tests/` was a test binary of its own:
/// `tests/snapshots/<file>__<name>.snap`.
///
/// Insta puts the module path in front of the name, and here that is
/// `integration::<file>` (`integration__digest__…`); so the prefix is turned
/// off and the last segment, the file's module, is written into the name.
macro_rules! assert_snapshot {
    ($name:literal, $value:expr $(,)?) => {
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(
                $crate::util::snapshot_name(module_path!(), $name),
                $value
            );
        })
    };
}
pub(crate) use assert_snapshot;

/// `<last segment of module_path>__<name>`: "integration::digest" and
/// "digest_next_round" give "digest__digest_next_round".
pub fn snapshot_name(module_path: &str, name: &str) -> String {
    let module = module_path.rsplit("::").next().unwrap_or(module_path);
    format!("{module}__{name}")
}
