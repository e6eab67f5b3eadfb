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
