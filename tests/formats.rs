//! Output formats over the same findings: SARIF validated against the official SARIF
//! 2.1.0 schema with a real validator (Python's jsonschema), GitHub annotations and JUnit.

use std::path::{Path, PathBuf};
use std::process::Command;

fn sample() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample/samarkand-2023-04-14.txt"))
        .unwrap_or_default()
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The SARIF 2.1.0 schema as shipped inside the serde-sarif crate.
fn sarif_schema() -> PathBuf {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cargo metadata: {e}"));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let manifest = meta["packages"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "serde-sarif"))
        .and_then(|p| p["manifest_path"].as_str())
        .unwrap_or_else(|| panic!("serde-sarif not in cargo metadata"));
    Path::new(manifest).with_file_name("src").join("schema.json")
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("draft.txt"), sample()).unwrap_or_default();
    let sarif = run(dir.path(), &["check", "draft.txt", "--format", "sarif"]);
    std::fs::write(dir.path().join("out.sarif"), &sarif).unwrap_or_default();
    let schema = sarif_schema();
    assert!(schema.is_file(), "no schema at {}", schema.display());
    let script = "import json,sys,jsonschema\nschema=json.load(open(sys.argv[1]))\ninst=json.load(open(sys.argv[2]))\ncls=jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)\nerrors=sorted(cls(schema).iter_errors(inst), key=str)\nfor e in errors: print(e.message, list(e.path))\nsys.exit(1 if errors else 0)\n";
    let out = Command::new("python3")
        .args([
            "-c",
            script,
            &schema.display().to_string(),
            &dir.path().join("out.sarif").display().to_string(),
        ])
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(
        out.status.success(),
        "SARIF does not validate (is python3 -m pip install jsonschema done?):\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&sarif).unwrap_or_else(|e| panic!("{e}"));
    let run0 = &v["runs"][0];
    let results = run0["results"].as_array().cloned().unwrap_or_default();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["ruleId"], "date/event-date-mismatch");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "draft.txt"
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        13
    );
    let rules = run0["tool"]["driver"]["rules"].as_array().cloned().unwrap_or_default();
    assert!(rules.iter().any(|r| r["id"] == "stance/contradicts-record"));
}

#[test]
fn sarif_fingerprints_survive_unrelated_edits() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let prints = |text: &str| {
        std::fs::write(dir.path().join("draft.txt"), text).unwrap_or_default();
        let v: serde_json::Value =
            serde_json::from_str(&run(dir.path(), &["check", "draft.txt", "--format", "sarif"])).unwrap_or_default();
        v["runs"][0]["results"]
            .as_array()
            .map(|r| {
                r.iter()
                    .map(|x| x["partialFingerprints"]["primaryLocationLineHash"].to_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let before = prints(&sample());
    let edited = sample().replacen(
        "The purpose of the meeting",
        "An added sentence. The purpose of the meeting",
        1,
    );
    assert_eq!(before.len(), 2);
    assert_eq!(before, prints(&edited));
}

#[test]
fn github_annotations_and_junit() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("draft, one.txt"), sample()).unwrap_or_default();
    let gh = run(dir.path(), &["check", "draft, one.txt", "--format", "github"]);
    let lines: Vec<&str> = gh.lines().collect();
    assert_eq!(lines.len(), 2, "{gh}");
    assert!(lines[0].starts_with("::error file=draft%2C one.txt,line=13,col=222,endLine=13,endColumn=238,title=factlint date/event-date-mismatch::"), "{}", lines[0]);
    assert!(lines[0].contains("%0Ahelp: write `20-22 March 2023`"));
    let junit = run(dir.path(), &["check", "draft, one.txt", "--format", "junit"]);
    assert!(junit.starts_with("<?xml"));
    assert_eq!(junit.matches("<failure ").count(), 2);
    assert!(junit.contains(r#"failures="2""#));
}

/// Status, standard output and standard error of a run.
fn run_full(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A draft with one finding, a rule pack with a type error on line 2, and a draft that
/// cannot be read (binary: root reads any file, so permissions cannot make one here).
fn broken_setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = dir.path();
    std::fs::write(p.join("d.txt"), "It was Monday, 14 April 2023.\n").unwrap_or_default();
    std::fs::write(p.join("bin.txt"), b"ab\x00\x01\x02").unwrap_or_default();
    std::fs::create_dir(p.join("pack")).unwrap_or_default();
    std::fs::write(p.join("pack/bad.toml"), "[[person]]\nid = 3\n").unwrap_or_default();
    dir
}

const BROKEN_PACK: &[&str] = &["check", "d.txt", "--rules", "pack", "--format"];
const UNREADABLE: &[&str] = &["check", "d.txt", "bin.txt", "--format"];

fn with<'a>(args: &[&'a str], format: &'a str) -> Vec<&'a str> {
    args.iter().copied().chain([format]).collect()
}

#[test]
fn human_and_short_report_errors_on_stderr() {
    let dir = broken_setup();
    for format in ["human", "short"] {
        let (code, out, err) = run_full(dir.path(), &with(BROKEN_PACK, format));
        assert_eq!(code, Some(2), "{format}: {err}");
        assert!(out.is_empty(), "{format}: {out}");
        assert!(err.contains("┌─ pack/bad.toml:2:6"), "{format}: {err}");
        let (code, out, err) = run_full(dir.path(), &with(UNREADABLE, format));
        assert_eq!(code, Some(2), "{format}: {err}");
        assert!(out.contains("weekday-mismatch"), "{format}: {out}");
        assert!(err.contains("error: bin.txt: binary file"), "{format}: {err}");
    }
}

#[test]
fn json_carries_load_and_input_errors() {
    let dir = broken_setup();
    let (code, out, err) = run_full(dir.path(), &with(BROKEN_PACK, "json"));
    assert_eq!(code, Some(2), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["version"], 2);
    let e = &v["errors"][0];
    assert_eq!(e["kind"], "load", "{v:#}");
    assert_eq!(e["severity"], "error");
    assert_eq!(e["path"], "pack/bad.toml");
    assert_eq!((e["line"].as_u64(), e["column"].as_u64()), (Some(2), Some(6)));
    // One line on standard error for whoever watches the run, not the human rendering.
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: pack/bad.toml:2:6: "), "{err}");

    let (code, out, err) = run_full(dir.path(), &with(UNREADABLE, "json"));
    assert_eq!(code, Some(2), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["files"][0]["path"], "d.txt");
    assert_eq!(v["findings"][0]["rule"], "date/weekday-mismatch");
    let e = &v["errors"][0];
    assert_eq!(
        (&e["kind"], &e["severity"], &e["path"]),
        (&"input".into(), &"error".into(), &"bin.txt".into())
    );
    assert!(
        e["message"].as_str().is_some_and(|m| m.starts_with("binary file")),
        "{e}"
    );
    assert!(e.get("line").is_none(), "{e}");
}

/// Validate a SARIF log against the official schema with Python's jsonschema.
fn validate_sarif(dir: &Path, sarif: &str) {
    std::fs::write(dir.join("out.sarif"), sarif).unwrap_or_default();
    let script = "import json,sys,jsonschema\nschema=json.load(open(sys.argv[1]))\ninst=json.load(open(sys.argv[2]))\ncls=jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)\nerrors=sorted(cls(schema).iter_errors(inst), key=str)\nfor e in errors: print(e.message, list(e.path))\nsys.exit(1 if errors else 0)\n";
    let out = Command::new("python3")
        .args([
            "-c",
            script,
            &sarif_schema().display().to_string(),
            &dir.join("out.sarif").display().to_string(),
        ])
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(
        out.status.success(),
        "SARIF does not validate:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sarif_carries_errors_as_tool_execution_notifications() {
    let dir = broken_setup();
    let (code, out, _) = run_full(dir.path(), &with(BROKEN_PACK, "sarif"));
    assert_eq!(code, Some(2));
    validate_sarif(dir.path(), &out);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let n = &inv["toolExecutionNotifications"][0];
    assert_eq!(n["level"], "error");
    assert_eq!(n["descriptor"]["id"], "load-error");
    let loc = &n["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "pack/bad.toml");
    assert_eq!(loc["region"]["startLine"], 2);

    let (code, out, _) = run_full(dir.path(), &with(UNREADABLE, "sarif"));
    assert_eq!(code, Some(2));
    validate_sarif(dir.path(), &out);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    let run0 = &v["runs"][0];
    assert_eq!(run0["results"][0]["ruleId"], "date/weekday-mismatch");
    assert!(run0["results"][0]["ruleIndex"].is_u64(), "{run0:#}");
    let n = &run0["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(n["descriptor"]["id"], "input-error");
    assert_eq!(
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "bin.txt"
    );

    // A clean run says it succeeded, with no notifications.
    let (_, out, _) = run_full(dir.path(), &["check", "d.txt", "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn github_carries_errors_as_error_annotations() {
    let dir = broken_setup();
    let (code, out, err) = run_full(dir.path(), &with(BROKEN_PACK, "github"));
    assert_eq!(code, Some(2));
    assert!(err.is_empty(), "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with(
            "::error file=pack/bad.toml,line=2,col=6,title=factlint%3A cannot load the rules::invalid type"
        ),
        "{out}"
    );
    let (code, out, _) = run_full(dir.path(), &with(UNREADABLE, "github"));
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("::error file=d.txt,line=1,"), "{out}");
    assert!(
        lines[1].starts_with("::error file=bin.txt,title=factlint%3A draft not checked::binary file"),
        "{out}"
    );
}

/// Parse XML with Python's standard library and print each test case as
/// `classname|name|outcome|type`.
fn junit_cases(xml: &str) -> Vec<String> {
    let script = "import sys,xml.etree.ElementTree as ET\nroot=ET.fromstring(sys.stdin.read())\nprint('totals', root.get('tests'), root.get('failures'), root.get('errors'))\nfor c in root.iter('testcase'):\n  kids=list(c)\n  k=kids[0] if kids else None\n  print('|'.join([c.get('classname'), c.get('name'), k.tag if k is not None else 'pass', (k.get('type') or '') if k is not None else '']))\n";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        stdin.write_all(xml.as_bytes()).unwrap_or_default();
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "not well-formed XML: {}\n{xml}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn junit_carries_errors_as_errored_test_cases() {
    let dir = broken_setup();
    let (code, out, _) = run_full(dir.path(), &with(BROKEN_PACK, "junit"));
    assert_eq!(code, Some(2));
    assert_eq!(
        junit_cases(&out),
        ["totals 1 0 1", "factlint.load-error|pack/bad.toml|error|load-error"]
    );
    assert!(out.contains("pack/bad.toml:2:6: error: invalid type"), "{out}");
    let (code, out, _) = run_full(dir.path(), &with(UNREADABLE, "junit"));
    assert_eq!(code, Some(2));
    assert_eq!(
        junit_cases(&out),
        [
            "totals 2 1 1",
            "date/weekday-mismatch|date/weekday-mismatch d.txt:1:8|failure|error",
            "factlint.input-error|bin.txt|error|input-error"
        ]
    );
}
