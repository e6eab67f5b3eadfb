//! Every pattern written in the tree compiles: a broken one fails here, never at run time.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
    {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The raw string literal at the start of `s` (`r"…"` or `r#"…"#`), if any.
fn raw_literal(s: &str) -> Option<&str> {
    let s = s.trim_start().strip_prefix('r')?;
    let hashes = s.len() - s.trim_start_matches('#').len();
    let body = s.get(hashes..)?.strip_prefix('"')?;
    let close = format!("\"{}", "#".repeat(hashes));
    body.find(&close).and_then(|end| body.get(..end))
}

#[test]
fn every_pattern_in_the_tree_compiles() {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut count = 0;
    let mut broken = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        for (at, _) in text.match_indices("pattern::compile(") {
            let Some(pattern) = text.get(at + "pattern::compile(".len()..).and_then(raw_literal) else {
                continue;
            };
            count += 1;
            if let Err(e) = factlint::pattern::try_compile(pattern) {
                broken.push(format!("{}: {pattern:?}: {e}", f.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "patterns that do not compile:\n{}",
        broken.join("\n")
    );
    assert!(
        count >= 30,
        "only {count} patterns found: has the way they are written changed?"
    );
}
