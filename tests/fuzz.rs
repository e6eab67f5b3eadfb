//! Property-based fuzzing on stable Rust (proptest) of everything that reads outside
//! input: the draft reader, the Markdown mapper, the date reader, the TOML pack loader and
//! the baseline reader. Each property runs a fixed number of cases from a fixed seed, so
//! that CI is repeatable and quick; `FACTLINT_FUZZ_CASES=100000 cargo test --test fuzz`
//! runs longer, and `FACTLINT_FUZZ_SEED` picks another seed.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn config(cases: u32) -> Config {
    let cases = std::env::var("FACTLINT_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    let seed = std::env::var("FACTLINT_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_FAC7_11A7);
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Text built from pieces that exercise the readers, mixed with arbitrary characters.
fn texty(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(pieces).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[ \\n\\r\\t.,;:!?()\\[\\]{}<>*_`#|\"'=+-]{1,3}",
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

const DRAFT: &[&str] = &[
    "Samarkand, 14 April 2023 (TDI): ",
    "---\ndate: 2023-04-14\n---\n",
    "---\ndate: 2023-02-30\n",
    "+++\ndate = 2023-04-14\n+++\n",
    "Foreign Minister of Russia Sergey Lavrov",
    "President Xi Jinping of China",
    " on 20-21 March 2023",
    " 31-1 March 2023",
    " 2023-13-01",
    "Monday, 14 April 2023",
    " 30 March–2 April",
    " mid-March",
    " yesterday",
    " three years ago today",
    " 04/05/2023",
    "They opposed",
    " the democratization of international relations",
    "Neither Moscow nor Beijing",
    "# Heading\n",
    "```\ncode 31 April 2023\n```\n",
    "~~~\n",
    "`inline`",
    "    indented code\n",
    "> quote\n",
    "- item\n",
    "1. item\n",
    "| a | b |\n|---|---|\n| c | d |\n",
    "<!-- factlint-disable-next-line date/impossible-date -->\n",
    "<!-- factlint-disable -->",
    "<!-- factlint-enable -->",
    "<!-- factlint-disabel -->",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "[link](https://example.org/31-april)",
    "<https://x.y/z>",
    "![img](a.png)",
    "[^1]: note\n",
    "**bold**",
    "\\*",
    "&amp;",
    "&#x1F600;",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "\r\n",
    "\r",
    "é",
    "😀",
    "中文",
];

fn check_spans(text: &str, spans: impl Iterator<Item = std::ops::Range<usize>>) -> Result<(), TestCaseError> {
    for s in spans {
        prop_assert!(
            text.get(s.clone()).is_some(),
            "span {s:?} not inside the text on char boundaries"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(20_000))]

    /// The reader: any bytes are a document or an error, never a panic; a document's prose
    /// is as long as its text, with line breaks in the same places.
    #[test]
    fn reader_takes_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600), md in any::<bool>()) {
        let name = if md { "d.md" } else { "d.txt" };
        if let Ok(doc) = factlint::input::decode(name, bytes) {
            prop_assert_eq!(doc.prose.len(), doc.text.len());
            for (a, b) in doc.text.bytes().zip(doc.prose.bytes()) {
                prop_assert!(a != b'\n' || b == b'\n');
            }
        }
    }
}

proptest! {
    #![proptest_config(config(10_000))]

    /// The Markdown mapper: prose keeps every offset, code spans and the front matter date
    /// lie inside the text, and every line and column is defined.
    #[test]
    fn markdown_mapper_keeps_offsets(text in texty(DRAFT, 40)) {
        let doc = factlint::source::Document::new("d.md", text.clone(), factlint::source::Format::Markdown);
        prop_assert_eq!(&doc.text, &text);
        prop_assert_eq!(doc.prose.len(), text.len());
        for (a, b) in text.bytes().zip(doc.prose.bytes()) {
            prop_assert!(a == b || b == b' ' || b == b'\n', "prose differs from text other than by blanks");
        }
        check_spans(&text, doc.code.iter().cloned())?;
        check_spans(&text, doc.front_matter_date.iter().map(|(_, s)| s.clone()))?;
        check_spans(&text, doc.front_matter_bad_date.iter().cloned())?;
        prop_assert!(doc.breaks.iter().all(|&b| b <= text.len()));
        prop_assert!(doc.body_start <= text.len());
        for offset in [0, text.len() / 2, text.len()] {
            let (line, col) = doc.line_col(offset);
            prop_assert!(line >= 1 && col >= 1);
        }
    }

    /// The date reader: every date found lies inside the text on character boundaries,
    /// and a resolved range never ends before it starts.
    #[test]
    fn date_reader_keeps_to_the_text(text in texty(DRAFT, 30), order in 0..3u8) {
        use factlint::extract::date::{self, NumericOrder};
        let order = match order {
            0 => NumericOrder::Unknown,
            1 => NumericOrder::DayMonth,
            _ => NumericOrder::MonthDay,
        };
        let anchor = date::Anchor { as_of: chrono::NaiveDate::from_ymd_opt(2023, 4, 14).unwrap_or_default() };
        let found = date::extract(&text, order, anchor, &|_| factlint::extract::tense::Tense::Unknown);
        check_spans(&text, found.iter().map(|d| d.span.clone()))?;
        for d in &found {
            if let (Some(a), Some(b)) = (d.start, d.end) {
                prop_assert!(a <= b, "{} resolves to {a}..{b}", d.text);
            }
        }
    }
}

const PACK: &[&str] = &[
    "[[person]]\n",
    "[[office]]\n",
    "[[event]]\n",
    "[[existence]]\n",
    "[[substitution]]\n",
    "[[consistency]]\n",
    "[[term]]\n",
    "[checks.\"date/weekday-mismatch\"]\n",
    "[checks.\"house/x\"]\n",
    "id = \"x\"\n",
    "id = \"house/x\"\n",
    "id = \"\"\n",
    "name = \"Sergey Lavrov\"\n",
    "country = \"RU\"\n",
    "role = \"foreign-minister\"\n",
    "person = \"x\"\n",
    "start = 2004-03-09\n",
    "end = 2003-01-01\n",
    "start = \"garbage\"\n",
    "source = \"s\"\n",
    "message = \"no `{}`\"\n",
    "tokens = [\"U.S.\", \"C++\", \"(\", \"\"]\n",
    "swap = { \"Kiev\" = \"Kyiv\" }\n",
    "either = [[\"a\", \"b\"]]\n",
    "severity = \"error\"\n",
    "severity = \"loud\"\n",
    "enabled = false\n",
    "titles = [\"Foreign Minister\"]\n",
    "aliases = [\"\", \"x\"]\n",
    "\"\"\"",
    "'''",
    "= ",
    "[",
    "]",
    "{",
    "}",
    "#",
    "\n",
];

proptest! {
    #![proptest_config(config(10_000))]

    /// The TOML pack loader: any text is a pack or errors pointing into it, never a panic,
    /// alone or on top of nothing.
    #[test]
    fn pack_loader_takes_any_text(text in texty(PACK, 25)) {
        match factlint::kb::load::parse_file("p.toml", &text) {
            Ok(file) => {
                let files = vec![file];
                if let Err(errors) = factlint::rules::Rules::from_files(&files) {
                    for e in &errors {
                        if let (Some(t), Some(s)) = (&e.text, &e.span) {
                            prop_assert!(t.get(s.clone()).is_some(), "{e}");
                        }
                    }
                }
                if let Ok(kb) = factlint::kb::Kb::build(&files) {
                    let _ = factlint::kb::validate::check(&files, &kb);
                }
            }
            Err(e) => {
                if let Some(s) = &e.span {
                    prop_assert!(text.get(s.clone()).is_some(), "{e}");
                }
            }
        }
    }

    /// The baseline reader: any text is a baseline of this version or an error.
    #[test]
    fn baseline_reader_takes_any_text(text in texty(&[
        "{", "}", "[", "]", ",", ":", "\"version\"", "\"findings\"", "1", "2", "-1", "1e999",
        "\"path\"", "\"rule\"", "\"fingerprint\"", "\"a.md\"", "null", "true", "\"\\u0000\"", " ",
    ], 40)) {
        if let Ok(b) = factlint::baseline::Baseline::parse(&text) {
            prop_assert_eq!(b.version, factlint::baseline::VERSION);
        }
    }

    /// The configuration reader: any text is a configuration or an error pointing into it.
    #[test]
    fn config_reader_takes_any_text(text in texty(&[
        "as-of = ", "\"today\"", "2023-04-14", "\"2023-02-30\"", "fail-on = ", "\"warning\"",
        "max-draft-size = ", "\"64MB\"", "-1", "99999999999999999999", "include = [\"**\"]",
        "packs = [\"../x\"]", "[rules.\"date/weekday-mismatch\"]", "enabled = false", "\n", "=", "[",
    ], 20)) {
        if let Err(e) = factlint::config::Config::parse(std::path::Path::new("factlint.toml"), &text)
            && let Some(s) = &e.span
        {
            prop_assert!(text.get(s.clone()).is_some(), "{e}");
        }
    }
}
