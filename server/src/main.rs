//! The `wifo` binary.
fn main() {}
