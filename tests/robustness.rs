//! No input makes factlint panic or hang: thousands of drafts assembled at random from
//! the fragments that exercise the extractors (dates, names, titles, stance words,
//! Markdown, multi-byte characters, broken syntax), each checked, every span checked to
//! lie inside the text on character boundaries.

use std::time::{Duration, Instant};

use factlint::rules::{PackSources, Rules};

const FRAGMENTS: &[&str] = &[
    "Samarkand, 14 April 2023 (TDI): ",
    "BEIJING, March 21 (Xinhua) -- ",
    "---\ndate: 2023-04-14\n---\n",
    "---\ndate: 2023-99-99\n",
    "Foreign Minister of Russia Sergey Lavrov",
    " and ",
    "Foreign Minister of China Qin Gang",
    "President Xi Jinping of China",
    " on 20-21 March 2023",
    " on 31 April 2023",
    "Monday, 14 April 2023",
    " 30 March–2 April",
    " mid-March",
    " in 2004",
    " yesterday",
    " last Tuesday",
    " on Friday",
    " 04/05/2023",
    " 2023-02-29",
    " 29 February",
    " Feb 32.9",
    "They",
    " Both countries",
    " the two sides",
    " opposed",
    " did not oppose",
    " supported",
    " the democratization of international relations",
    " interference in internal affairs",
    ", ",
    ". ",
    "\n\n",
    "\n",
    "; ",
    " — ",
    "“",
    "”",
    "’s",
    "é",
    "😀",
    "中文",
    "\u{feff}",
    "\u{200b}",
    "# Heading\n",
    "```\ncode 31 April 2023\n```\n",
    "`inline`",
    "<!-- factlint-disable-next-line date/impossible-date -->\n",
    "<!-- factlint-disable -->",
    "<!-- factlint-enable",
    "[link](https://example.org/31-april)",
    "https://x.y/z",
    "**bold**",
    "the 4th Neighbours of Afghanistan meeting in Uzbekistan",
    "the 15th BRICS summit in Durban",
    " state visit to Russia",
    "the Chinese leader’s",
    " former",
    " then-",
    " Deputy",
    " acting ",
    "Zelensky",
    " Zelenskyy",
    "Wang Yi",
    " Wang said",
    "critics say China opposes unilateral sanctions",
    " would ",
    "Neither Moscow nor Beijing",
    "(",
    ")",
    "'",
    "\"",
    "-",
    "–",
    "0",
    "31",
    "1999",
    "20",
    "s",
    "the",
    "of",
    "in",
    " ",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_drafts_never_panic_and_spans_stay_inside() {
    let rules = Rules::load(&PackSources::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    for round in 0..1500 {
        let n = (rng.next() % 60) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(FRAGMENTS[(rng.next() % FRAGMENTS.len() as u64) as usize]);
        }
        let name = if round % 2 == 0 { "d.md" } else { "d.txt" };
        let doc = factlint::input::decode(name, text.clone().into_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let (_, diags) = factlint::check(&doc, &rules, &factlint::extract::Options::default());
        let diags = factlint::suppress::apply(&doc.text, diags);
        for d in &diags {
            for span in std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span)) {
                assert!(
                    doc.text.get(span.clone()).is_some(),
                    "span {span:?} of {} outside {text:?}",
                    d.rule
                );
            }
        }
    }
    assert!(started.elapsed() < Duration::from_secs(120), "far too slow: a hang?");
}

#[test]
fn arbitrary_bytes_are_errors_not_panics() {
    let mut rng = Rng(42);
    for _ in 0..500 {
        let n = (rng.next() % 200) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        let _ = factlint::input::decode("x.md", bytes);
    }
}
