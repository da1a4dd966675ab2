//! Placeholder replaced by the stage benchmarks.
fn main() {}
