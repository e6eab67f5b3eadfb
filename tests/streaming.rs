//! Runs at archive scale as a user meets them: `--format jsonl` written as drafts finish,
//! `--files-from` lists (lines, CRLF, NUL-separated, standard input), and `--jobs`, whose
//! output is the same, in the same order, whatever the number of workers.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::{factlint, text};

/// Drafts of very different sizes, so that workers finish them out of order: every third
/// one has a wrong weekday, and a long one is padded with sentences.
fn corpus(dir: &Path, n: usize) -> Vec<String> {
    let mut names = Vec::new();
    std::fs::create_dir_all(dir.join("drafts")).unwrap_or_default();
    for i in 0..n {
        let weekday = if i % 3 == 0 { "Monday" } else { "Friday" };
        let padding = if i % 7 == 0 {
            "The ministers met again and talked at length. ".repeat(2000)
        } else {
            String::new()
        };
        let name = format!("drafts/d{i:03}.txt");
        std::fs::write(
            dir.join(&name),
            format!("It was {weekday}, 14 April 2023, in draft {i}.\n{padding}\n"),
        )
        .unwrap_or_default();
        names.push(name);
    }
    names
}

fn lines_of(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn jsonl_has_a_header_findings_files_and_errors_in_input_order() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let names = corpus(dir.path(), 6);
    std::fs::write(dir.path().join("bin.txt"), b"\x00\x01binary").unwrap_or_default();
    let args = [
        "check",
        &names[0],
        "bin.txt",
        &names[1],
        "missing.txt",
        &names[3],
        "--format",
        "jsonl",
    ];
    let out = factlint(&args, dir.path(), None);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let lines = lines_of(&out);
    let kinds: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            (
                l["type"].as_str().unwrap_or("").to_string(),
                l["path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("header", ""),
        ("finding", "drafts/d000.txt"),
        ("file", "drafts/d000.txt"),
        ("error", "bin.txt"),
        ("file", "drafts/d001.txt"),
        ("error", "missing.txt"),
        ("finding", "drafts/d003.txt"),
        ("file", "drafts/d003.txt"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(kinds, expected);
    assert_eq!(lines[0]["version"], 2);
    assert_eq!(lines[1]["rule"], "date/weekday-mismatch");
    assert_eq!(lines[1]["start"]["line"], 1);
    assert_eq!(lines[2]["findings"], 1);
    assert_eq!(lines[3]["kind"], "input");
    assert_eq!(lines[3]["severity"], "error");
}

#[test]
fn the_output_is_the_same_whatever_the_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let names = corpus(dir.path(), 60);
    let list: String = names.iter().map(|n| format!("{n}\n")).collect();
    std::fs::write(dir.path().join("list.txt"), &list).unwrap_or_default();
    let one = factlint(
        &["check", "--files-from", "list.txt", "--format", "jsonl", "-j", "1"],
        dir.path(),
        None,
    );
    let lines = lines_of(&one);
    assert_eq!(lines.iter().filter(|l| l["type"] == "file").count(), 60);
    assert_eq!(lines.iter().filter(|l| l["type"] == "finding").count(), 20);
    let files: Vec<&str> = lines
        .iter()
        .filter(|l| l["type"] == "file")
        .filter_map(|l| l["path"].as_str())
        .collect();
    assert_eq!(files, names.iter().map(String::as_str).collect::<Vec<_>>());
    for jobs in ["2", "4", "16"] {
        let many = factlint(
            &["check", "--files-from", "list.txt", "--format", "jsonl", "--jobs", jobs],
            dir.path(),
            None,
        );
        assert_eq!(text(&many.stdout), text(&one.stdout), "--jobs {jobs}");
        assert_eq!(many.status.code(), Some(1));
    }
    // A directory walked: the same drafts, in path order, whatever the jobs.
    let walked1 = factlint(&["check", "drafts", "--format", "short", "-j", "1"], dir.path(), None);
    let walked4 = factlint(&["check", "drafts", "--format", "short", "-j", "4"], dir.path(), None);
    assert_eq!(text(&walked1.stdout).lines().count(), 20);
    assert_eq!(text(&walked1.stdout), text(&walked4.stdout));
}

#[test]
fn files_from_reads_lines_crlf_nul_and_standard_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let names = corpus(dir.path(), 4);
    let short = |out: &Output| -> Vec<String> {
        text(&out.stdout)
            .lines()
            .map(|l| l.split(':').next().unwrap_or("").to_string())
            .collect()
    };
    let want = vec![names[0].clone(), names[3].clone()];
    // Lines, with CRLF and a blank line.
    std::fs::write(
        dir.path().join("crlf.txt"),
        format!("{}\r\n\r\n{}\r\n{}\r\n", names[0], names[1], names[3]),
    )
    .unwrap_or_default();
    let out = factlint(
        &["check", "--files-from", "crlf.txt", "--format", "short"],
        dir.path(),
        None,
    );
    assert_eq!(short(&out), want, "{}", text(&out.stderr));
    assert_eq!(out.status.code(), Some(1));
    // NUL-separated, detected; and a path with a newline in its name, which only NUL can list.
    std::fs::write(
        dir.path().join("drafts/two\nlines.txt"),
        "It was Monday, 14 April 2023.\n",
    )
    .unwrap_or_default();
    let nul = format!("{}\0drafts/two\nlines.txt\0{}\0", names[0], names[3]);
    std::fs::write(dir.path().join("nul.list"), &nul).unwrap_or_default();
    let out = factlint(
        &["check", "--files-from", "nul.list", "--format", "jsonl"],
        dir.path(),
        None,
    );
    let files: Vec<String> = lines_of(&out)
        .iter()
        .filter(|l| l["type"] == "file")
        .filter_map(|l| l["path"].as_str().map(str::to_string))
        .collect();
    assert_eq!(files, [names[0].as_str(), "drafts/two\nlines.txt", names[3].as_str()]);
    // --files-from0 says so; standard input as the list.
    let out = factlint(
        &["check", "--files-from0", "-", "--format", "short"],
        dir.path(),
        Some(nul.as_bytes()),
    );
    assert_eq!(
        text(&out.stdout).matches("weekday-mismatch").count(),
        3,
        "{}",
        text(&out.stderr)
    );
    let list = format!("{}\n{}\n", names[0], names[3]);
    let out = factlint(
        &["check", "--files-from", "-", "--format", "short"],
        dir.path(),
        Some(list.as_bytes()),
    );
    assert_eq!(short(&out), want);
    // Paths on the command line come first, then the list's.
    let out = factlint(
        &["check", &names[3], "--files-from", "-", "--format", "short"],
        dir.path(),
        Some(format!("{}\n", names[0]).as_bytes()),
    );
    assert_eq!(short(&out), [names[3].clone(), names[0].clone()]);
}

#[test]
fn files_from_errors_are_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let names = corpus(dir.path(), 1);
    let out = factlint(
        &["check", "--files-from", "no-such-list", "--format", "jsonl"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let lines = lines_of(&out);
    assert_eq!(lines[1]["type"], "error");
    assert!(
        lines[1]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("cannot read the list of paths")),
        "{lines:?}"
    );
    std::fs::write(dir.path().join("list"), format!("missing.txt\n{}\n", names[0])).unwrap_or_default();
    let out = factlint(
        &["check", "--files-from", "list", "--format", "short"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("error: missing.txt: no such file or directory"));
    assert!(text(&out.stdout).starts_with("drafts/d000.txt:1:8: error[date/weekday-mismatch]"));
    // Standard input cannot be the list and a draft at once.
    let out = factlint(&["check", "-", "--files-from", "-"], dir.path(), Some(b""));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot be both"), "{}", text(&out.stderr));
}

#[test]
fn a_reader_that_stops_early_stops_the_run() {
    // `factlint check … | head -1`: the run ends at the closed pipe, with no error printed.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let names = corpus(dir.path(), 200);
    let list: String = names.iter().map(|n| format!("{n}\n")).collect();
    std::fs::write(dir.path().join("list.txt"), list).unwrap_or_default();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' check --files-from list.txt --format jsonl | head -n 2",
            env!("CARGO_BIN_EXE_factlint")
        ))
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text(&out.stdout).lines().count(), 2);
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}
