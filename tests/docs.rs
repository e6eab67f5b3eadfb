//! docs/rules.md is generated from the checks' own documentation (what `factlint explain`
//! prints), so the two never drift. `BLESS=1 cargo test --test docs` rewrites it.

use std::fmt::Write;
use std::path::Path;

#[test]
fn rules_reference_is_up_to_date() {
    let mut md = String::from(
        "# Rules\n\nGenerated from the checks' documentation (`factlint explain RULE` prints the same).\n\n| rule | default severity | flags |\n|---|---|---|\n",
    );
    for c in factlint::checks::ALL {
        let anchor = c.id.replace('/', "-");
        let _ = writeln!(md, "| [`{}`](#{anchor}) | {} | {} |", c.id, c.severity, c.summary);
    }
    let _ = writeln!(
        md,
        "| [`{0}`](#suppression-unused) | warning | a suppression comment that suppresses nothing |",
        factlint::suppress::UNUSED
    );
    let _ = writeln!(
        md,
        "| [`{0}`](#suppression-invalid) | error | a suppression comment that is misspelled, names an unknown rule or is never closed |",
        factlint::suppress::INVALID
    );
    for c in factlint::checks::ALL {
        let _ = write!(
            md,
            "\n<a id=\"{}\"></a>\n\n## {}\n\nDefault severity: {}.\n\n{}\n",
            c.id.replace('/', "-"),
            c.id,
            c.severity,
            c.doc.replace("\n## ", "\n### ")
        );
    }
    let _ = write!(
        md,
        "\n<a id=\"suppression-unused\"></a>\n\n## {}\n\nDefault severity: warning.\n\nReports a `<!-- factlint-disable… -->` comment that no longer suppresses any finding, so stale suppressions do not pile up.\n",
        factlint::suppress::UNUSED
    );
    let _ = write!(
        md,
        "\n<a id=\"suppression-invalid\"></a>\n\n## {}\n\nDefault severity: error.\n\n{}\n",
        factlint::suppress::INVALID,
        factlint::report::INVALID_DOC
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &md).unwrap_or_else(|e| panic!("{e}"));
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == md,
        "docs/rules.md is out of date: BLESS=1 cargo test --test docs"
    );
}
