//! The knowledge base: the default pack validates, validation finds what it should, and
//! Wikidata results import into a pack that keeps terms and precision.

use std::path::Path;
use std::process::Command;

use factlint::kb::Kb;
use factlint::rules::{PackSources, Rules};

fn factlint(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn default_pack_passes_kb_check() {
    let files = Rules::load_files(&PackSources::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let kb = Kb::build(&files).unwrap_or_else(|e| panic!("{e:?}"));
    let problems = factlint::kb::validate::check(&files, &kb);
    assert!(
        problems.is_empty(),
        "{}",
        problems.iter().map(|e| format!("{e}\n")).collect::<String>()
    );
    let out = factlint(&["kb", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn kb_check_reports_problems_with_spans() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("bad.toml"),
        r#"
[[person]]
id = "test-person-one"
name = "Testa Personne"
aliases = ["Lavrov"]
country = "RU"

[[person]]
id = "test-person-two"
name = "Other Personne"
country = "RU"
source = "https://example.org"

[[person]]
id = "test-person-two"
name = "Other Personne Again"
country = "RU"
source = "https://example.org"

[[office]]
id = "ru-test-office"
country = "RU"
role = "foreign-minister"
source = "https://example.org"

[[office.term]]
person = "test-person-two"
start = 2001-01-01
end = 2005-01-01
source = "https://example.org"

[[office.term]]
person = "test-person-one"
start = 2003-01-01
end = 2002-01-01
source = "https://example.org"
"#,
    )
    .unwrap_or_default();
    let out = factlint(&["kb", "check", &dir.path().display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr.contains("ends before it starts"), "{stderr}");
    // Once the impossible term is fixed, the rest shows.
    let text = std::fs::read_to_string(dir.path().join("bad.toml"))
        .unwrap_or_default()
        .replace("end = 2002-01-01", "end = 2006-01-01");
    std::fs::write(dir.path().join("bad.toml"), text).unwrap_or_default();
    let out = factlint(&["kb", "check", &dir.path().display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("person `test-person-two` is defined twice"), "{stderr}");
    assert!(stderr.contains("person `test-person-one` has no `source`"), "{stderr}");
    assert!(
        stderr.contains("`Lavrov` names both person `sergey-lavrov` and person `test-person-one`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("but `test-person-two` held `ru-test-office` until 2005-01-01"),
        "{stderr}"
    );
    assert!(stderr.contains("bad.toml:"), "errors point into the file: {stderr}");
}

#[test]
fn meeting_participants_must_be_known() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pack = r#"
[[event]]
id = "test-meeting"
name = "test talks"
participants = ["sergey-lavrov", "CN", "nobody-known"]
start = 2023-04-13
place = "Samarkand"
country = "UZ"
source = "https://example.org"
"#;
    std::fs::write(dir.path().join("meetings.toml"), pack).unwrap_or_default();
    let out = factlint(&["kb", "check", &dir.path().display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("event `test-meeting` names unknown participant `nobody-known`"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("`sergey-lavrov`") && !stderr.contains("`CN`"),
        "{stderr}"
    );
    std::fs::write(dir.path().join("meetings.toml"), pack.replace(", \"nobody-known\"", "")).unwrap_or_default();
    let out = factlint(&["kb", "check", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_term_with_no_holder_after_it_is_a_warning() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pack = r#"
[[country]]
id = "XQ"
name = "Quovadia"
source = "https://example.org"

[[role]]
id = "foreign-minister"
titles = ["Foreign Minister"]

[[person]]
id = "ana-testa"
name = "Ana Testa"
country = "XQ"
source = "https://example.org"

[[person]]
id = "ben-testa"
name = "Ben Testa"
country = "XQ"
source = "https://example.org"

[[office]]
id = "xq-foreign-minister"
country = "XQ"
role = "foreign-minister"
source = "https://example.org"

[[office.term]]
person = "ana-testa"
start = 2015-01-01
end = 2019-06-30
source = "https://example.org"

[[office.term]]
person = "ana-testa"
start = 2021-01-01
end = 2024-06-30
source = "https://example.org"
"#;
    std::fs::write(dir.path().join("pack.toml"), pack).unwrap_or_default();
    let out = factlint(&["kb", "check", "--no-default-rules", &dir.path().display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "warnings do not fail the check: {stderr}");
    assert!(
        stderr.contains("warning: the term of `ana-testa` in `xq-foreign-minister` ends on 2019-06-30, and no holder is recorded after it until their next term on 2021-01-01"),
        "{stderr}"
    );
    assert!(
        stderr.contains("ends on 2024-06-30, and no holder is recorded after it:"),
        "{stderr}"
    );
    assert!(stderr.contains("pack.toml:"), "{stderr}");
    // A successor within a month fills the gap.
    let filled = pack.to_string()
        + r#"
[[office.term]]
person = "ben-testa"
start = 2019-07-15
end = 2021-01-01
source = "https://example.org"
"#;
    std::fs::write(dir.path().join("pack.toml"), filled).unwrap_or_default();
    let out = factlint(&["kb", "check", "--no-default-rules", &dir.path().display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("2019-06-30"), "{stderr}");
    assert!(stderr.contains("ends on 2024-06-30"), "{stderr}");
}

#[test]
fn stale_offices_are_warned_of() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let office = |id: &str, term: &str| {
        format!(
            "[[office]]\nid = \"{id}\"\ncountry = \"XQ\"\nrole = \"r\"\nsource = \"https://example.org\"\n\n[[office.term]]\nperson = \"ana-testa\"\nstart = 2020-01-01\n{term}\nsource = \"https://example.org\"\n\n"
        )
    };
    let pack = String::from(
        "[[country]]\nid = \"XQ\"\nname = \"Quovadia\"\nsource = \"https://example.org\"\n\n[[role]]\nid = \"r\"\ntitles = [\"Chief Testing Officer\"]\n\n[[person]]\nid = \"ana-testa\"\nname = \"Ana Testa\"\ncountry = \"XQ\"\nsource = \"https://example.org\"\n\n",
    ) + &office("xq-old", "")
        + &office("xq-confirmed", "confirmed = 2025-09-01")
        + &office("xq-fixed-term", "end = 2027-01-01")
        + &office("xq-recent", "end = 2025-03-01");
    std::fs::write(dir.path().join("pack.toml"), pack).unwrap_or_default();
    let path = dir.path().display().to_string();
    let out = factlint(&["kb", "check", "--no-default-rules", &path, "--stale", "2026-01-15"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stale offices are a warning: {stderr}");
    assert!(
        stderr.contains(
            "office `xq-old` last changed on 2020-01-01 (`ana-testa` took office), more than a year before 2026-01-15"
        ),
        "{stderr}"
    );
    for fresh in ["xq-confirmed", "xq-fixed-term", "xq-recent"] {
        assert!(!stderr.contains(&format!("office `{fresh}`")), "{fresh}: {stderr}");
    }
    // Without --stale, nothing is said of it.
    let out = factlint(&["kb", "check", "--no-default-rules", &path]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("last changed"));
}

#[test]
fn pack_tests_run_and_failures_point_into_the_pack() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pack = dir.path().join("house");
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["init", "--pack", "house"])
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let path = pack.display().to_string();
    // The starter pack's own tests pass, with the default pack's.
    let out = factlint(&["kb", "check", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("pack tests passed"));
    // A test whose expectation is wrong fails, at its text in the pack.
    let file = pack.join("pack.toml");
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let broken = text.replacen(
        "text = \"The minister flew to Kiev on Monday.\"\nexpect = [\"house/place-names\"]",
        "text = \"The minister flew to Kiev on Monday.\"\nexpect = []",
        1,
    ) + "\n[[existence]]\nid = \"house/never\"\nmessage = \"no `{}`\"\ntokens = [\"Ruritania\"]\n\n[[existence.test]]\ntext = \"Nothing here.\"\nexpect = [\"house/never\", \"house/no-such-rule\"]\n";
    assert_ne!(broken, text);
    std::fs::write(&file, broken).unwrap_or_default();
    let out = factlint(&["kb", "check", &path]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("test of check `house/place-names` failed: unexpected house/place-names:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("pack.toml:16:8"),
        "the failure points at the test's text: {stderr}"
    );
    assert!(
        stderr.contains("test of check `house/never` expects unknown rule `house/no-such-rule`"),
        "{stderr}"
    );
    // Once the rule id is right, the test fails because the rule does not fire.
    let fixed = std::fs::read_to_string(&file)
        .unwrap_or_default()
        .replace(", \"house/no-such-rule\"", "");
    std::fs::write(&file, fixed).unwrap_or_default();
    let out = factlint(&["kb", "check", &path]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("test of check `house/never` failed: expected `house/never` to fire"),
        "{stderr}"
    );
}

#[test]
fn tests_of_a_check_a_pack_turns_off_are_skipped() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("off.toml"),
        "[checks.\"style/doubled-word\"]\nenabled = false\n",
    )
    .unwrap_or_default();
    let out = factlint(&["kb", "check", &dir.path().display().to_string()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("2 of checks turned off skipped"), "{stdout}");
}

#[test]
fn wikidata_import_keeps_terms_and_precision() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/wikidata-position-held.json");
    let json = std::fs::read_to_string(file).unwrap_or_default();
    let opts = factlint::kb::wikidata::ImportOptions {
        role: "foreign-minister".into(),
        office_id: Some("ru-example-office".into()),
        titles: vec!["Minister of Examples".into()],
        ..Default::default()
    };
    let toml = factlint::kb::wikidata::import(&json, &opts).unwrap_or_else(|e| panic!("{e}"));
    let pack = factlint::kb::load::parse_file("imported.toml", &toml).unwrap_or_else(|e| panic!("{e}\n{toml}"));
    assert_eq!(pack.pack.person.len(), 2);
    let office = &pack.pack.office[0];
    // Ada held it twice: two statements, two terms. The deprecated statement is gone.
    assert_eq!(office.term.len(), 3, "{toml}");
    let ada: Vec<_> = office
        .term
        .iter()
        .filter(|t| t.person.get_ref() == "ada-testperson")
        .collect();
    assert_eq!(ada.len(), 2);
    assert!(ada[1].end.is_none());
    let bo = office
        .term
        .iter()
        .find(|t| t.person.get_ref() == "bo-sandbox")
        .unwrap_or_else(|| panic!("{toml}"));
    assert_eq!(bo.end_precision, factlint::kb::model::Precision::Year);

    // With the pack loaded: in 2007 Bo holds the office; in 2008, the year Bo's term ends
    // (known only to the year), factlint must stay quiet rather than draw a day-level
    // conclusion about Ada; in 2003 Ada, not Bo, held it.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("pack.toml"), &toml).unwrap_or_default();
    let rules = Rules::load(&PackSources {
        no_default: false,
        dirs: vec![dir.path().join("pack.toml")],
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    let check = |text: &str| {
        let doc = factlint::input::decode("d.txt", text.as_bytes().to_vec()).unwrap_or_else(|e| panic!("{e}"));
        let diags = factlint::check(&doc, &rules, &Default::default()).diagnostics;
        diags.into_iter().map(|d| d.rule).collect::<Vec<_>>()
    };
    assert!(check("MOSCOW, 3 May 2007 (TASS) - Minister of Examples Bo Sandbox spoke.").is_empty());
    assert!(
        check("MOSCOW, 3 May 2008 (TASS) - Minister of Examples Ada Testperson spoke.").is_empty(),
        "year-precision end: no day-level finding"
    );
    assert_eq!(
        check("MOSCOW, 3 May 2003 (TASS) - Minister of Examples Bo Sandbox spoke."),
        vec!["title/wrong-holder"]
    );
}

#[test]
fn stats_and_show() {
    let out = factlint(&["kb", "stats"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("countries") && text.contains("terms of office"), "{text}");
    let out = factlint(&["kb", "show", "Qin Gang"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("foreign minister of China: 30 December 2022 – 25 July 2023"),
        "{text}"
    );
    // An organisation shows its members, its stances and the meetings of its series; a
    // country, the organisations it belongs to.
    let out = factlint(&["kb", "show", "NATO"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("organization NATO (NATO)"), "{text}");
    assert!(text.contains("SE (since 7 March 2024)"), "{text}");
    assert!(text.contains("supports sweden-nato-accession"), "{text}");
    assert!(text.contains("meetings (nato-summit,"), "{text}");
    let out = factlint(&["kb", "show", "Sweden"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("member of NATO (since 7 March 2024)"), "{text}");
    let out = factlint(&["kb", "show", "no such thing at all"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_organization_series_must_be_known() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("org.toml"),
        "[[organization]]\nid = \"XO\"\nname = \"Xorg\"\nseries = [\"no-such-series\"]\nsource = \"https://example.org\"\n",
    )
    .unwrap_or_default();
    let out = factlint(&["kb", "check", &dir.path().display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("organization `XO` names unknown series `no-such-series`"),
        "{stderr}"
    );
}

#[test]
fn an_empty_key_group_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("topic.toml"),
        "[[topic]]\nid = \"widget-tax\"\nnames = [\"the widget tax\"]\nkeys = [[\"widget\"], []]\n",
    )
    .unwrap_or_default();
    let out = factlint(&["kb", "check", &dir.path().display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("topic `widget-tax` has a key group or phrase that is empty"),
        "{stderr}"
    );
}

/// A pack's topic is read from a paraphrase its keys describe, in an active clause and a
/// passive one, and not from an object that lacks one of the groups.
#[test]
fn a_topic_is_read_from_a_paraphrase_its_keys_describe() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("topic.toml"),
        r#"
[[topic]]
id = "widget-tax"
names = ["the widget tax"]
keys = [["widget", "widgets"], ["tax", "taxes", "taxing", "levy"]]
source = "https://example.org/topic"

[[stance]]
actor = "FR"
topic = "widget-tax"
position = "support"
since = 2020-01-01
source = "https://example.org/stance"
"#,
    )
    .unwrap_or_default();
    let draft = dir.path().join("draft.txt");
    std::fs::write(
        &draft,
        "PARIS, 3 March 2024 (AFP) -\n\
         France has long opposed a levy on imported widgets.\n\
         Taxing widgets has been rejected by Paris.\n\
         France has long opposed taxes on gadgets.\n\
         France opposed the widget fair, which taxes visitors.\n",
    )
    .unwrap_or_default();
    let rules = dir.path().join("topic.toml").display().to_string();
    let out = factlint(&[
        "check",
        "--rules",
        &rules,
        "--format",
        "short",
        &draft.display().to_string(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("stance/contradicts-record"))
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].contains(":2:"), "{stdout}");
    assert!(lines[1].contains(":3:"), "{stdout}");
}

#[test]
fn a_key_with_capitals_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("topic.toml"),
        "[[topic]]\nid = \"widget-tax\"\nnames = [\"the widget tax\"]\nkeys = [[\"Widget\"], [\"tax\"]]\n",
    )
    .unwrap_or_default();
    let out = factlint(&["kb", "check", &dir.path().display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("topic `widget-tax` has a key `Widget` with capitals"),
        "{stderr}"
    );
}
