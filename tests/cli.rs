//! The command line as a user meets it: exit statuses, bad input, formats.

use std::path::Path;
use std::process::{Command, Output};

fn factlint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run factlint: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn sample() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample/samarkand-2023-04-14.txt"))
        .unwrap_or_default()
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

#[test]
fn sample_draft_gives_exactly_two_errors_and_exit_1() {
    let dir = scratch();
    std::fs::write(dir.path().join("draft.txt"), sample()).unwrap_or_default();
    let out = factlint(&["check", "draft.txt", "--format", "short"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with("draft.txt:13:"), "{}", lines[0]);
    assert!(lines[0].contains("error[date/event-date-mismatch]"));
    assert!(lines[1].starts_with("draft.txt:20:"), "{}", lines[1]);
    assert!(lines[1].contains("error[stance/contradicts-record]"));
}

#[test]
fn bad_files_are_reported_and_the_rest_still_checked() {
    let dir = scratch();
    let p = dir.path();
    std::fs::write(p.join("good.txt"), sample()).unwrap_or_default();
    std::fs::write(p.join("latin1.txt"), b"Caf\xe9 on 31 April 2023").unwrap_or_default();
    std::fs::write(p.join("binary.md"), b"\x00\x01\x02ELF").unwrap_or_default();
    std::fs::write(p.join("empty.md"), b"").unwrap_or_default();
    let out = factlint(
        &[
            "check",
            "latin1.txt",
            "binary.md",
            "empty.md",
            "missing.md",
            "good.txt",
            "--format",
            "short",
        ],
        p,
    );
    let stderr = text(&out.stderr);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("error: latin1.txt: not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("error: binary.md: binary file"), "{stderr}");
    assert!(
        stderr.contains("error: missing.md: no such file or directory"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    assert_eq!(stdout.lines().count(), 2, "good.txt is still checked: {stdout}");
}

#[test]
fn empty_file_and_empty_directory() {
    let dir = scratch();
    std::fs::write(dir.path().join("empty.md"), "").unwrap_or_default();
    std::fs::create_dir(dir.path().join("nothing")).unwrap_or_default();
    std::fs::write(dir.path().join("nothing/image.png"), [137u8, 80, 78, 71]).unwrap_or_default();
    let out = factlint(&["check", "empty.md"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let out = factlint(&["check", "nothing"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("warning: nothing: no drafts found"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn broken_rule_file_points_into_the_toml_and_exits_2() {
    let dir = scratch();
    let p = dir.path();
    std::fs::create_dir(p.join("pack")).unwrap_or_default();
    std::fs::write(p.join("pack/people.toml"), "[[person]]\nid = \"x\"\nname = 3\n").unwrap_or_default();
    std::fs::write(p.join("draft.md"), "Nothing to see.\n").unwrap_or_default();
    let out = factlint(&["check", "draft.md", "--rules", "pack"], p);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("pack/people.toml:3:8"), "{stderr}");
    assert!(stderr.contains("invalid type"), "{stderr}");
}

#[test]
fn a_pack_can_turn_a_check_off_and_add_a_user_check() {
    let dir = scratch();
    let p = dir.path();
    std::fs::write(
        p.join("house.toml"),
        "[checks.\"stance/contradicts-record\"]\nenabled = false\n\n[[substitution]]\nid = \"house/kyiv\"\nswap = { \"Kiev\" = \"Kyiv\" }\nseverity = \"error\"\n",
    )
    .unwrap_or_default();
    std::fs::write(
        p.join("draft.txt"),
        sample() + "\nThe ministers will meet again in Kiev.\n",
    )
    .unwrap_or_default();
    let out = factlint(&["check", "draft.txt", "--rules", "house.toml", "--format", "short"], p);
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("stance/"), "{stdout}");
    assert!(
        stdout.contains("error[house/kyiv] write `Kyiv`, not `Kiev`"),
        "{stdout}"
    );
    let out = factlint(&["check", "draft.txt", "--rules", "nope.toml"], p);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unknown_check_in_a_pack_is_an_error_with_its_span() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("p.toml"),
        "[checks.\"date/no-such-check\"]\nenabled = false\n",
    )
    .unwrap_or_default();
    std::fs::write(dir.path().join("d.md"), "x\n").unwrap_or_default();
    let out = factlint(&["check", "d.md", "--rules", "p.toml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("unknown check `date/no-such-check`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn json_output_is_versioned_with_positions() {
    let dir = scratch();
    std::fs::write(dir.path().join("d.txt"), sample()).unwrap_or_default();
    let out = factlint(&["check", "d.txt", "--format", "json"], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["version"], 2);
    let f = &v["findings"][0];
    assert_eq!(f["path"], "d.txt");
    assert_eq!(f["rule"], "date/event-date-mismatch");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["start"]["line"], 13);
    assert_eq!(f["fix"]["replacement"], "20-22 March 2023");
    let (s, e) = (
        f["span"]["start"].as_u64().unwrap_or(0) as usize,
        f["span"]["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(sample().get(s..e), Some("20-21 March 2023"));
    assert_eq!(v["files"][0]["as_of"]["source"], "dateline");
}

#[test]
fn stdin_as_of_and_explain() {
    let dir = scratch();
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args([
            "check",
            "-",
            "--stdin-filename",
            "in.md",
            "--format",
            "short",
            "--as-of",
            "2023-04-14",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .current_dir(dir.path())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        stdin
            .write_all(b"The talks were held on Monday, 14 April 2023.\n")
            .unwrap_or_default();
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        text(&out.stdout).starts_with("in.md:1:24: error[date/weekday-mismatch]"),
        "{}",
        text(&out.stdout)
    );
    let out = factlint(&["explain", "date/weekday-mismatch"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("## Example"));
    let out = factlint(&["explain", "date/nope"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

/// `explain` and `rules` read the one list of rules: every rule is explained, and every rule
/// a run can report is listed, with the pack's own checks under their kinds.
#[test]
fn every_rule_is_explained_and_listed() {
    let dir = scratch();
    for r in factlint::checks::RULES {
        let out = factlint(&["explain", r.id], dir.path());
        assert_eq!(out.status.code(), Some(0), "explain {}", r.id);
        assert!(text(&out.stdout).contains(r.doc), "explain {}", r.id);
    }
    let out = factlint(&["explain", "style/spelling"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).contains(factlint::checks::user::consistency::RULE.doc),
        "{}",
        text(&out.stdout)
    );
    let out = factlint(&["rules"], dir.path());
    let listed: Vec<String> = text(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    for r in factlint::checks::RULES
        .iter()
        .filter(|r| factlint::checks::is_reported(r.id))
    {
        assert!(listed.iter().any(|id| id == r.id), "`rules` does not list {}", r.id);
    }
    assert!(listed.iter().any(|id| id == "style/spelling"), "{listed:?}");
}

#[test]
fn extract_shows_resolved_values() {
    let dir = scratch();
    std::fs::write(dir.path().join("d.txt"), sample()).unwrap_or_default();
    let out = factlint(&["extract", "d.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let ex = &v["extraction"];
    assert_eq!(ex["as_of"]["date"], "2023-04-14");
    let range = ex["dates"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["text"] == "20-21 March 2023"))
        .cloned();
    let range = range.unwrap_or_default();
    assert_eq!(range["start"], "2023-03-20");
    assert_eq!(range["end"], "2023-03-21");
    let stance = ex["stances"]
        .as_array()
        .and_then(|s| {
            s.iter()
                .find(|s| s["topic_id"] == "democratization-of-international-relations")
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(stance["subject_span_text"], "They");
    assert_eq!(stance["antecedent_text"], "Both countries");
}

#[test]
fn two_names_for_one_event_give_one_finding() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("cop.txt"),
        "PARIS, 20 December 2015 - The text was adopted at COP21, the UN climate conference, \
         which ran in Paris from 30 November to 13 December 2015.\n",
    )
    .unwrap_or_default();
    let out = factlint(&["check", "cop.txt", "--format", "short"], dir.path());
    let stdout = text(&out.stdout);
    assert_eq!(stdout.matches("date/event-date-mismatch").count(), 1, "{stdout}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn suppression_comments_silence_a_finding() {
    let dir = scratch();
    let mut lines: Vec<String> = sample().split_inclusive('\n').map(str::to_string).collect();
    lines.insert(
        12,
        "<!-- factlint-disable-next-line date/event-date-mismatch -- the agency's own error, quoted -->\n".to_string(),
    );
    let path = dir.path().join("draft.txt");
    std::fs::write(&path, lines.concat()).unwrap_or_else(|e| panic!("{e}"));
    let out = factlint(&["check", "draft.txt", "--format", "short"], dir.path());
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("date/event-date-mismatch"), "{stdout}");
    assert!(stdout.contains("stance/contradicts-record"), "{stdout}");
    assert!(!stdout.contains("suppression/unused"), "{stdout}");
}

#[test]
fn claims_in_json() {
    let dir = scratch();
    std::fs::write(dir.path().join("draft.txt"), sample()).unwrap_or_else(|e| panic!("{e}"));
    let out = factlint(&["check", "draft.txt", "--format", "json", "--claims"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc["findings"].as_array().map(Vec::len), Some(2));
    let claims = doc["files"][0]["claims"].as_array().cloned().unwrap_or_default();
    let lavrov = claims
        .iter()
        .find(|c| c["statement"] == "Sergey Lavrov, foreign minister of Russia on 14 April 2023")
        .unwrap_or_else(|| panic!("{claims:#?}"));
    assert_eq!(lavrov["status"], "consistent");
    assert_eq!(lavrov["kind"], "title");
    assert!(
        lavrov["record"]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("offices.toml"))
    );
    assert!(lavrov["source"].as_str().is_some_and(|s| s.starts_with("http")));
    assert!(claims.iter().any(|c| c["status"] == "unchecked"), "{claims:#?}");
    let plain = factlint(&["check", "draft.txt", "--claims"], dir.path());
    assert_eq!(plain.status.code(), Some(2));
}

/// The library neither prints nor reads the command line: the binary (`src/main.rs`,
/// `src/cli/`) does both, so `lsp`, `serve` and other callers of the library choose where
/// output goes.
#[test]
fn the_library_neither_prints_nor_parses_the_command_line() {
    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let binary = |p: &Path| p == src.join("main.rs") || p.starts_with(src.join("cli"));
    let mut found = Vec::new();
    for f in files.iter().filter(|f| !binary(f)) {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            for bad in [
                "println!",
                "eprintln!",
                "print!(",
                "eprint!(",
                "dbg!(",
                "clap",
                "io::stdout()",
                "io::stderr()",
            ] {
                if line.contains(bad) {
                    found.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the library prints or uses clap:\n{}",
        found.join("\n")
    );
    assert!(
        files.iter().any(|f| binary(f)),
        "the binary's sources are in src/main.rs and src/cli/"
    );
}
