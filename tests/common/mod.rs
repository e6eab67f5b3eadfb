//! Running the built `factlint` binary as a user would, for the command-line test suites.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `factlint ARGS` in `dir`, with `stdin` piped in (or none), colours off.
pub fn factlint(args: &[&str], dir: &Path, stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run factlint: {e}"));
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // A run that refuses standard input may exit before reading it: a broken pipe then
        // is not the test's failure.
        pipe.write_all(bytes).unwrap_or_default();
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("factlint: {e}"))
}

/// An output stream as text.
#[allow(dead_code)] // not every suite reads its output as text
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
