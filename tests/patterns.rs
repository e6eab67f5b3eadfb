//! Every pattern written in the tree compiles: a broken one fails here, never at run time.
//! And the searching patterns' automata, compiled ahead into `src/pattern/scanners.image`,
//! are those of the patterns written now (`BLESS=1 cargo test --test patterns` rewrites it).

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

/// Every pattern written in the tree, with the call that compiles it and its file.
fn patterns() -> Vec<(&'static str, String, std::path::PathBuf)> {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        for call in ["pattern::compile(", "pattern::scanner(", "regex!(", "scanner!("] {
            for (at, _) in text.match_indices(call) {
                let Some(rest) = text.get(at + call.len()..) else {
                    continue;
                };
                // `regex!(static NAME = r"…")`: the literal after the name.
                let rest = match rest.split_once('=') {
                    Some((head, tail))
                        if call.ends_with("!(") && head.trim_start().starts_with("static ")
                            || head.contains(" static ") =>
                    {
                        tail
                    }
                    _ => rest,
                };
                if let Some(pattern) = raw_literal(rest) {
                    let kind = if call.starts_with("regex") || call.ends_with("compile(") {
                        "pattern::compile("
                    } else {
                        "pattern::scanner("
                    };
                    out.push((kind, pattern.to_string(), f.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn every_pattern_in_the_tree_compiles() {
    let mut count = 0;
    let mut broken = Vec::new();
    {
        for (call, pattern, f) in patterns() {
            let pattern = pattern.as_str();
            {
                count += 1;
                let result = if call.ends_with("compile(") {
                    factlint::pattern::try_compile(pattern)
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                } else {
                    regex::Regex::new(pattern).map(|_| ()).map_err(|e| e.to_string())
                };
                if let Err(e) = result {
                    broken.push(format!("{}: {pattern:?}: {e}", f.display()));
                }
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

/// The image of the searching patterns as it must be: each pattern's forward and reverse
/// sparse DFA, minimised, in the order the patterns are first written in the tree.
fn scanner_image() -> Vec<u8> {
    use regex_automata::dfa::{dense, regex::Regex};
    let mut out = factlint::pattern::MAGIC.to_vec();
    let mut seen = std::collections::BTreeSet::new();
    for (call, pattern, f) in patterns() {
        if !call.ends_with("scanner(") || !seen.insert(pattern.clone()) {
            continue;
        }
        let re = Regex::builder()
            .dense(dense::Config::new().minimize(true))
            .build(&pattern)
            .unwrap_or_else(|e| panic!("{}: {pattern:?} cannot be compiled ahead: {e}", f.display()));
        let forward = re.forward().to_sparse().expect("sparse").to_bytes_little_endian();
        let reverse = re.reverse().to_sparse().expect("sparse").to_bytes_little_endian();
        // What the binary trusts unchecked must pass the full validation here.
        regex_automata::dfa::sparse::DFA::from_bytes(&forward).expect("valid forward DFA");
        regex_automata::dfa::sparse::DFA::from_bytes(&reverse).expect("valid reverse DFA");
        factlint::pattern::write_entry(&mut out, &pattern, &forward, &reverse);
    }
    out
}

#[test]
fn the_scanner_image_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pattern/scanners.image");
    let want = scanner_image();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &want).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let have = std::fs::read(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale: a searching pattern changed; run `BLESS=1 cargo test --test patterns`",
        path.display()
    );
}

#[test]
fn the_scanners_find_what_regex_finds() {
    // The same matches as `regex` on text that exercises them: news copy and its edges.
    let text = "SAMARKAND, 14 April 2023 (TDI) - Both countries, which oppose it, met. They said the \
                Putin-Xi talks and the 15th summit, then-President Ángel Díaz said; critics said \
                its leaders' summit <!-- factlint-disable --> www.example.org/x the two sides \
                2019 state visit to \u{a0}Moscow, the former then acting talks between the 2nd \
                twenty-first as the Ángel";
    for (call, pattern, _) in patterns() {
        if !call.ends_with("scanner(") {
            continue;
        }
        let pattern: &'static str = Box::leak(pattern.into_boxed_str());
        let ours = factlint::pattern::scanner(pattern);
        let theirs = regex::Regex::new(pattern).expect("compiles");
        // Every prefix, so that patterns which end at the end of the text meet their match
        // there ("…the 15th ", "…then-", "…state visit to ").
        for cut in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let hay = &text[..cut];
            let a: Vec<_> = ours.find_iter(hay).map(|m| m.range()).collect();
            let b: Vec<_> = theirs.find_iter(hay).map(|m| m.range()).collect();
            assert_eq!(a, b, "{pattern:?} on {hay:?}");
            // Their groups too, where `regex-lite` can read the pattern.
            if factlint::pattern::try_compile(pattern).is_ok() {
                let a: Vec<_> = ours
                    .captures_iter(hay)
                    .map(|c| c.iter().map(|g| g.map(|g| g.range())).collect::<Vec<_>>())
                    .collect();
                let b: Vec<_> = theirs
                    .captures_iter(hay)
                    .map(|c| c.iter().map(|g| g.map(|g| g.range())).collect::<Vec<_>>())
                    .collect();
                assert_eq!(a, b, "groups of {pattern:?} on {hay:?}");
            }
        }
    }
}

/// A searching pattern read as ending at the end of the text is searched backwards from
/// there, so the reading must agree with the parsed pattern: every match, through every
/// alternative, ends with `$`.
#[test]
fn searching_patterns_read_as_ending_at_the_end_do() {
    use regex_syntax::hir::Look;
    let mut wrong = Vec::new();
    let mut anchored = 0;
    for (call, pattern, f) in patterns() {
        if !call.ends_with("scanner(") {
            continue;
        }
        let Ok(hir) = regex_syntax::parse(&pattern) else {
            continue; // reported by the test above
        };
        let parsed = hir.properties().look_set_suffix().contains(Look::End);
        anchored += usize::from(parsed);
        if parsed != factlint::pattern::ends_at_end(&pattern) {
            wrong.push(format!("{}: {pattern:?}", f.display()));
        }
    }
    assert!(wrong.is_empty(), "patterns read wrongly:\n{}", wrong.join("\n"));
    assert!(anchored >= 5, "only {anchored} patterns end at the end");
}

/// Searched backwards, a pattern that ends at the end finds what a forward search finds.
#[test]
fn a_pattern_that_ends_at_the_end_finds_the_leftmost_match() {
    let s = factlint::pattern::scanner(r"(?i)(?-u:\b)then[\s-]*$");
    let m = s.find("said the then - ").map(|m| m.range());
    assert_eq!(m, Some(9..16));
    assert!(s.find("said the then- minister").is_none());
    assert!(s.find("authen ").is_none());
    let ordinal = factlint::pattern::scanner(r"(?-u:\b)(\d{1,3})(?:st|nd|rd|th)\s+$");
    let c = ordinal.captures("at the 15th  ").expect("a match");
    assert_eq!(c.get(1).map(|g| g.as_str()), Some("15"));
}
