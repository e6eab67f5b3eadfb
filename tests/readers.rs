//! HTML and Word drafts, and the `[readers]` table: the sample draft in each format gives
//! its two findings, with spans that point at the words in the file.

use std::path::PathBuf;
use std::process::Output;

mod common;
use common::factlint;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> String {
    std::fs::read_to_string(root().join("fixtures/sample/samarkand-2023-04-14.txt")).unwrap_or_default()
}

/// The sample as a CMS would publish it: a head with metadata, navigation, scripts, the
/// paragraphs in `<p>` with their apostrophes as entities, and a footer.
fn sample_html() -> String {
    let mut html = String::from(
        "<!DOCTYPE html>\n<html><head><title>Talks on 31 April 2023</title>\n\
         <meta property=\"article:published_time\" content=\"2023-04-14T09:00:00+05:00\">\n\
         <script>var published = 'Monday, 14 April 2023';</script><style>p { margin: 0 }</style></head>\n\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\" title=\"31 April 2023\">World</a></nav>\n<article>\n",
    );
    for para in sample().split("\n\n").filter(|p| !p.trim().is_empty()) {
        let escaped = para.trim().replace('&', "&amp;").replace('’', "&rsquo;");
        html.push_str(&format!("<p>{escaped}</p>\n"));
    }
    html.push_str("<pre>31 April 2023</pre><code>Monday, 14 April 2023</code>\n</article><footer>&copy; 2023</footer></body></html>\n");
    html
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON: {e}\n{}", String::from_utf8_lossy(&out.stdout)))
}

fn findings(v: &serde_json::Value) -> Vec<serde_json::Value> {
    v["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn html_sample_gives_the_two_findings_at_the_words() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let html = sample_html();
    std::fs::write(dir.path().join("draft.html"), &html).unwrap_or_default();
    let out = factlint(&["check", "draft.html", "--format", "json"], dir.path(), None);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    let f = findings(&v);
    let rules: Vec<&str> = f.iter().filter_map(|f| f["rule"].as_str()).collect();
    assert_eq!(
        rules,
        ["date/event-date-mismatch", "stance/contradicts-record"],
        "{v:#}"
    );
    let at = |f: &serde_json::Value| {
        let (s, e) = (
            f["span"]["start"].as_u64().unwrap_or(0),
            f["span"]["end"].as_u64().unwrap_or(0),
        );
        html.get(s as usize..e as usize).unwrap_or("").to_string()
    };
    assert_eq!(at(&f[0]), "20-21 March 2023");
    assert_eq!(f[0]["fix"]["replacement"], "20-22 March 2023");
    let fix = &f[0]["fix"]["span"];
    let fixed = html.get(fix["start"].as_u64().unwrap_or(0) as usize..fix["end"].as_u64().unwrap_or(0) as usize);
    assert_eq!(fixed, Some("20-21 March 2023"));
    assert_eq!(at(&f[1]), "opposed the democratization of international relations");
    assert_eq!(v["files"][0]["as_of"]["source"], "markup", "{v:#}");
    assert_eq!(v["files"][0]["as_of"]["date"], "2023-04-14");
}

#[test]
fn html_suppression_and_standard_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let html = sample_html().replacen(
        "They unanimously",
        "<!-- factlint-disable-next-line stance/contradicts-record -- quoted -->\nThey unanimously",
        1,
    );
    assert!(html.contains("-- quoted -->"));
    let out = factlint(
        &["check", "-", "--stdin-filename", "story.html", "--format", "short"],
        dir.path(),
        Some(html.as_bytes()),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    assert!(
        lines[0].starts_with("story.html:") && lines[0].contains("date/event-date-mismatch"),
        "{stdout}"
    );
}

#[test]
fn docx_sample_gives_the_two_findings_by_paragraph() {
    let docx = root().join("tests/data/docx/samarkand-2023-04-14.docx");
    let out = factlint(
        &["check", &docx.display().to_string(), "--format", "short"],
        &root(),
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    // The sample's paragraphs 7 and 11 (its lines 13 and 20, without the blank lines).
    assert!(
        lines[0].contains("samarkand-2023-04-14.docx:¶7:222: error[date/event-date-mismatch]"),
        "{stdout}"
    );
    assert!(
        lines[1].contains("samarkand-2023-04-14.docx:¶11:18: error[stance/contradicts-record]"),
        "{stdout}"
    );

    let out = factlint(
        &["check", &docx.display().to_string(), "--format", "json"],
        &root(),
        None,
    );
    let f = findings(&json(&out));
    assert_eq!(f[0]["paragraph"]["index"], 6);
    assert_eq!(f[0]["paragraph"]["start"], 221);
    assert_eq!(f[0]["paragraph"]["end"], 237);
    let para: Vec<String> = sample()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let chars: String = para[6].chars().skip(221).take(16).collect();
    assert_eq!(chars, "20-21 March 2023");
}

#[test]
fn docx_runs_tables_and_broken_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = dir.path();
    std::fs::copy(root().join("tests/data/docx/runs-and-tables.docx"), p.join("runs.docx")).unwrap_or_default();
    std::fs::write(p.join("broken.docx"), b"PK\x03\x04 not really a zip").unwrap_or_default();
    std::fs::write(p.join("text.docx"), "31 April 2023").unwrap_or_default();
    let before = std::fs::read(p.join("runs.docx")).unwrap_or_default();
    let out = factlint(&["check", ".", "--format", "short"], p, None);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("runs.docx:¶2:4: error[date/weekday-mismatch]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("runs.docx:¶4:1: error[date/impossible-date]"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.docx: not a Word document (.docx)"), "{stderr}");
    assert!(stderr.contains("text.docx: not a Word document (.docx)"), "{stderr}");
    assert_eq!(std::fs::read(p.join("runs.docx")).unwrap_or_default(), before);
    assert!(!factlint::source::Format::Docx.writable());
}

#[test]
fn the_walk_finds_html_and_docx_and_the_configured_readers() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = dir.path();
    std::fs::write(p.join("a.htm"), "<p>It was 31 April 2023.</p>").unwrap_or_default();
    std::fs::copy(root().join("tests/data/docx/runs-and-tables.docx"), p.join("b.docx")).unwrap_or_default();
    // Read as HTML only because the configuration says so: as text, the tag hides nothing.
    std::fs::write(p.join("c.story"), "<p title=\"31 April 2023\">On 30 February 2023.</p>").unwrap_or_default();
    std::fs::write(p.join("d.other"), "31 April 2023").unwrap_or_default();
    std::fs::write(p.join("factlint.toml"), "[readers]\n\".story\" = \"html\"\n").unwrap_or_default();
    let out = factlint(&["check", ".", "--format", "short"], p, None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("a.htm:1:11: error[date/impossible-date]"), "{stdout}");
    assert!(stdout.contains("b.docx:¶4:1:"), "{stdout}");
    let story: Vec<&str> = stdout.lines().filter(|l| l.starts_with("c.story")).collect();
    assert_eq!(story.len(), 1, "{stdout}");
    assert!(
        story[0].contains("30 February") || story[0].contains("February"),
        "{stdout}"
    );
    assert!(!stdout.contains("d.other"), "{stdout}");
}
