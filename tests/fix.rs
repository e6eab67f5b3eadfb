//! `check --fix` and `check --diff` as a user meets them: which suggestions are applied,
//! what is kept of the file (its other bytes, line endings, mode), and what is refused.

use std::path::Path;
use std::process::Output;

mod common;
use common::text;

fn factlint(args: &[&str], dir: &Path) -> Output {
    common::factlint(args, dir, None)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A pack with house-style substitutions: two that overlap (`Kiev` and `Kiev region`),
/// one at info level.
const PACK: &str = r#"
[[substitution]]
id = "house/place-names"
message = "write `{}`, not `{}`"
swap = { "Kiev" = "Kyiv" }
severity = "warning"

[[substitution]]
id = "house/regions"
message = "write `{}`, not `{}`"
swap = { "Kiev region" = "Kyiv Oblast" }
severity = "warning"

[[substitution]]
id = "house/style"
message = "write `{}`, not `{}`"
swap = { "per cent" = "percent" }
severity = "info"
"#;

fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("pack.toml"), PACK).unwrap_or_default();
    dir
}

#[test]
fn fix_applies_suggestions_and_reports_what_is_left() {
    let dir = scratch();
    let p = dir.path().join("d.txt");
    std::fs::write(
        &p,
        "It was Monday, 14 April 2023, in Kiev.\nPrices rose 5 per cent.\nThe talks were on Sunday, 16 April 2023.\n",
    )
    .unwrap_or_default();
    let out = factlint(
        &["check", "d.txt", "--rules", "pack.toml", "--fix", "--format", "short"],
        dir.path(),
    );
    assert_eq!(
        read(&p),
        "It was Friday, 14 April 2023, in Kyiv.\nPrices rose 5 per cent.\nThe talks were on Sunday, 16 April 2023.\n"
    );
    // What is left is reported at its place in the fixed draft: the info-level suggestion.
    assert_eq!(
        text(&out.stdout),
        "d.txt:2:15: info[house/style] write `percent`, not `per cent`\n"
    );
    assert_eq!(text(&out.stderr), "fixed 2 findings in 1 file\n");
    assert_eq!(out.status.code(), Some(0), "nothing at error level is left");
    // A second run has nothing left to fix.
    let again = factlint(
        &["check", "d.txt", "--rules", "pack.toml", "--fix", "--format", "short"],
        dir.path(),
    );
    assert_eq!(text(&again.stderr), "fixed 0 findings in 0 files\n");
}

#[test]
fn the_severity_threshold_chooses_the_suggestions() {
    let dir = scratch();
    let p = dir.path().join("d.md");
    let draft = "# Kiev\n\nIt was Monday, 14 April 2023. Prices rose 5 per cent.\n";
    for (severity, expected) in [
        (
            "error",
            "# Kiev\n\nIt was Friday, 14 April 2023. Prices rose 5 per cent.\n",
        ),
        (
            "warning",
            "# Kyiv\n\nIt was Friday, 14 April 2023. Prices rose 5 per cent.\n",
        ),
        (
            "info",
            "# Kyiv\n\nIt was Friday, 14 April 2023. Prices rose 5 percent.\n",
        ),
    ] {
        std::fs::write(&p, draft).unwrap_or_default();
        let out = factlint(
            &[
                "check",
                "d.md",
                "--rules",
                "pack.toml",
                "--fix",
                "--fix-severity",
                severity,
            ],
            dir.path(),
        );
        assert_eq!(read(&p), expected, "--fix-severity {severity}: {}", text(&out.stderr));
    }
}

#[test]
fn overlapping_suggestions_apply_the_first_and_leave_the_other() {
    let dir = scratch();
    let p = dir.path().join("d.txt");
    std::fs::write(&p, "Shelling hit the Kiev region overnight.\n").unwrap_or_default();
    let out = factlint(
        &["check", "d.txt", "--rules", "pack.toml", "--fix", "--format", "short"],
        dir.path(),
    );
    assert_eq!(read(&p), "Shelling hit the Kyiv region overnight.\n");
    assert_eq!(
        text(&out.stderr),
        "fixed 1 finding in 1 file; 1 overlapping another fix left for another run\n"
    );
}

#[test]
fn crlf_bom_and_mode_are_kept() {
    let dir = scratch();
    let p = dir.path().join("d.txt");
    let draft = "\u{feff}First line.\r\nIt was Monday, 14 April 2023.\r\nLast line, no newline";
    std::fs::write(&p, draft).unwrap_or_default();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o604)).unwrap_or_default();
    }
    let out = factlint(&["check", "d.txt", "--fix"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        read(&p),
        "\u{feff}First line.\r\nIt was Friday, 14 April 2023.\r\nLast line, no newline"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&p)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0);
        assert_eq!(mode, 0o604);
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names.len(), 2, "no temporary file left behind: {names:?}");
}

#[test]
fn a_symlinked_draft_is_fixed_through_the_link() {
    let dir = scratch();
    std::fs::write(dir.path().join("real.txt"), "It was Monday, 14 April 2023.\n").unwrap_or_default();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("real.txt", dir.path().join("link.txt")).unwrap_or_default();
        factlint(&["check", "link.txt", "--fix"], dir.path());
        assert_eq!(read(&dir.path().join("real.txt")), "It was Friday, 14 April 2023.\n");
        let link = std::fs::symlink_metadata(dir.path().join("link.txt")).map(|m| m.file_type().is_symlink());
        assert!(matches!(link, Ok(true)), "the link is still a link");
    }
}

#[test]
fn diff_prints_a_unified_diff_and_changes_nothing() {
    let dir = scratch();
    let p = dir.path().join("d.txt");
    let draft = "One.\nTwo.\nThree.\nFour.\nIt was Monday, 14 April 2023.\nSix.\n";
    std::fs::write(&p, draft).unwrap_or_default();
    std::fs::write(dir.path().join("clean.txt"), "Nothing to fix.\n").unwrap_or_default();
    let out = factlint(&["check", "clean.txt", "d.txt", "--diff"], dir.path());
    assert_eq!(read(&p), draft);
    assert_eq!(
        text(&out.stdout),
        "--- d.txt\n+++ d.txt\n@@ -2,5 +2,5 @@\n Two.\n Three.\n Four.\n-It was Monday, 14 April 2023.\n+It was Friday, 14 April 2023.\n Six.\n"
    );
    assert_eq!(out.status.code(), Some(1), "a diff to apply");
    let clean = factlint(&["check", "clean.txt", "--diff"], dir.path());
    assert_eq!((clean.status.code(), text(&clean.stdout)), (Some(0), String::new()));
    // Standard input can be shown as a diff.
    let out = common::factlint(
        &["check", "-", "--diff", "--stdin-filename", "in.txt"],
        dir.path(),
        Some(b"It was Monday, 14 April 2023.\n"),
    );
    assert_eq!(
        text(&out.stdout),
        "--- in.txt\n+++ in.txt\n@@ -1 +1 @@\n-It was Monday, 14 April 2023.\n+It was Friday, 14 April 2023.\n"
    );
}

#[test]
fn standard_input_and_word_documents_are_refused() {
    let dir = scratch();
    let out = common::factlint(
        &["check", "-", "--fix"],
        dir.path(),
        Some(b"It was Monday, 14 April 2023.\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).is_empty());
    assert!(
        text(&out.stderr).contains("--fix cannot write to standard input: use --diff"),
        "{}",
        text(&out.stderr)
    );
    let docx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/docx/samarkand-2023-04-14.docx");
    let copy = dir.path().join("s.docx");
    std::fs::copy(&docx, &copy).unwrap_or_default();
    let before = std::fs::read(&copy).unwrap_or_default();
    let out = factlint(&["check", "s.docx", "--fix", "--format", "short"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("error: s.docx: not fixed: factlint never writes to a Word document"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout).lines().count(), 2, "the findings are still reported");
    assert_eq!(std::fs::read(&copy).unwrap_or_default(), before);
}

#[test]
fn html_replacements_are_escaped_and_markup_kept() {
    let dir = scratch();
    let p = dir.path().join("d.html");
    std::fs::write(
        &p,
        "<html><body><p class=\"x\">It was <b>Monday</b>, 14 April 2023, in Kiev &amp; Lviv.</p></body></html>\n",
    )
    .unwrap_or_default();
    let pack = "[[substitution]]\nid = \"house/amp\"\nmessage = \"write `{}`\"\nswap = { \"Lviv\" = \"Lviv & Odesa\" }\nseverity = \"warning\"\n";
    std::fs::write(dir.path().join("amp.toml"), pack).unwrap_or_default();
    let out = factlint(&["check", "d.html", "--rules", "amp.toml", "--fix"], dir.path());
    assert_eq!(
        read(&p),
        "<html><body><p class=\"x\">It was <b>Friday</b>, 14 April 2023, in Kiev &amp; Lviv &amp; Odesa.</p></body></html>\n",
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn fix_and_diff_do_not_mix_with_baselines() {
    let dir = scratch();
    std::fs::write(dir.path().join("d.txt"), "x\n").unwrap_or_default();
    for args in [
        &["check", "d.txt", "--fix", "--diff"][..],
        &["check", "d.txt", "--fix", "--write-baseline", "b.json"][..],
        &["check", "d.txt", "--diff", "--format", "json"][..],
    ] {
        let out = factlint(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("cannot be used with"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn findings_in_the_baseline_are_neither_reported_nor_fixed() {
    let dir = scratch();
    let p = dir.path().join("d.txt");
    std::fs::write(&p, "It was Monday, 14 April 2023.\n").unwrap_or_default();
    let out = factlint(&["check", "d.txt", "--write-baseline", "b.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    std::fs::write(
        &p,
        "It was Monday, 14 April 2023.\nThe talks were on Saturday, 16 April 2023.\n",
    )
    .unwrap_or_default();
    let out = factlint(&["check", "d.txt", "--baseline", "b.json", "--diff"], dir.path());
    assert_eq!(
        text(&out.stdout),
        "--- d.txt\n+++ d.txt\n@@ -1,2 +1,2 @@\n It was Monday, 14 April 2023.\n-The talks were on Saturday, 16 April 2023.\n+The talks were on Sunday, 16 April 2023.\n"
    );
    let out = factlint(
        &["check", "d.txt", "--baseline", "b.json", "--fix", "--format", "short"],
        dir.path(),
    );
    assert_eq!(
        read(&p),
        "It was Monday, 14 April 2023.\nThe talks were on Sunday, 16 April 2023.\n"
    );
    assert_eq!(text(&out.stdout), "", "the baselined finding is not reported");
    assert_eq!(out.status.code(), Some(0));
}
