//! docs/rules.md and the README's table of rules are generated from `checks::RULES`, the
//! one list of rules (what `factlint explain` and `factlint rules` read too), so none of
//! them drifts. `BLESS=1 cargo test --test docs` rewrites both.

use std::fmt::Write;
use std::path::Path;

use factlint::checks::{Kind, RULES, Rule};

/// The rules a draft can be reported under by that id: built-in checks and suppression
/// rules (a kind of user check is reported under the ids packs give).
fn reported() -> impl Iterator<Item = &'static &'static Rule> {
    RULES.iter().filter(|r| !matches!(r.kind, Kind::User))
}

fn kinds() -> impl Iterator<Item = &'static &'static Rule> {
    RULES.iter().filter(|r| matches!(r.kind, Kind::User))
}

fn anchor(r: &Rule) -> String {
    r.id.replace('/', "-")
}

fn rules_md() -> String {
    let mut md = String::from(
        "# Rules\n\nGenerated from the rules' documentation (`factlint explain RULE` prints the same).\n\n| rule | default severity | flags |\n|---|---|---|\n",
    );
    for r in reported() {
        let _ = writeln!(md, "| [`{}`](#{}) | {} | {} |", r.id, anchor(r), r.severity, r.summary);
    }
    md.push_str(
        "\nA rule pack can declare checks of its own, of these kinds (`factlint explain KIND`):\n\n| kind | default severity | flags |\n|---|---|---|\n",
    );
    for r in kinds() {
        let _ = writeln!(
            md,
            "| [`[[{}]]`](#{}) | {} | {} |",
            r.id,
            anchor(r),
            r.severity,
            r.summary
        );
    }
    for r in reported().chain(kinds()) {
        let title = match r.kind {
            Kind::User => format!("`[[{}]]`", r.id),
            _ => r.id.to_string(),
        };
        let _ = write!(
            md,
            "\n<a id=\"{}\"></a>\n\n## {title}\n\nDefault severity: {}.\n\n{}\n",
            anchor(r),
            r.severity,
            r.doc.replace("\n## ", "\n### ")
        );
    }
    md
}

const START: &str = "<!-- rules: generated from checks::RULES by tests/docs.rs -->\n";
const END: &str = "<!-- end of rules -->\n";

fn readme_table() -> String {
    let mut md = String::from("| rule | severity | what it flags |\n|---|---|---|\n");
    for r in reported() {
        let _ = writeln!(md, "| `{}` | {} | {} |", r.id, r.severity, r.summary);
    }
    md.push_str("\nA rule pack can also declare checks of its own, of these kinds:\n\n| kind | severity | what it flags |\n|---|---|---|\n");
    for r in kinds() {
        let _ = writeln!(md, "| `[[{}]]` | {} | {} |", r.id, r.severity, r.summary);
    }
    md
}

/// `on_disk` with what lies between the markers replaced by `table`.
fn with_table(on_disk: &str, table: &str) -> Option<String> {
    let start = on_disk.find(START)? + START.len();
    let end = start + on_disk.get(start..)?.find(END)?;
    Some(format!("{}{table}{}", on_disk.get(..start)?, on_disk.get(end..)?))
}

fn check_or_bless(path: &Path, want: &str) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, want).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(on_disk == want, "{name} is out of date: BLESS=1 cargo test --test docs");
}

#[test]
fn rules_reference_is_up_to_date() {
    check_or_bless(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"),
        &rules_md(),
    );
}

#[test]
fn readme_table_of_rules_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("README.md: {e}"));
    let want = with_table(&on_disk, &readme_table())
        .unwrap_or_else(|| panic!("README.md has no table of rules between {START:?} and {END:?}"));
    check_or_bless(&path, &want);
}
