//! The patterns of the built-in checks. A pattern anchored at the start of what it is run
//! on (`^…`, a test of the short gap between two mentions) is compiled with `regex-lite`,
//! which compiles in microseconds where `regex` takes milliseconds: start-up is what a user
//! waits for. A pattern that searches a sentence or a document (a `Scanner`) is a pair of
//! DFAs compiled ahead, which search many times faster and load in microseconds (see
//! `scanner.rs`). `regex-lite`'s
//! `\s` is ASCII only, so `compile` writes `\s` and `\S` out as Unicode's White_Space set:
//! a no-break space (`Prime&nbsp;Minister` in HTML) is a space here as in `regex`.
//! `tests/patterns.rs` compiles every pattern in the tree, so a broken one fails a test.

mod scanner;

pub use regex_lite::{Captures, Match, Regex};
pub use scanner::{MAGIC, Scanner, ends_at_end, entries, scanner, write_entry};

/// Declares a pattern written in the tree, compiled on first use with `compile`:
/// `crate::regex!(static SPACE = r"^\s+$");`. `tests/patterns.rs` compiles every one.
#[macro_export]
macro_rules! regex {
    ($(#[$attr:meta])* $vis:vis static $name:ident = $pattern:literal) => {
        $(#[$attr])*
        $vis static $name: std::sync::LazyLock<$crate::pattern::Regex> =
            std::sync::LazyLock::new(|| $crate::pattern::compile($pattern));
    };
}

/// Declares a searching pattern written in the tree, its automata compiled ahead (see
/// `scanner.rs`): `crate::scanner!(static URL = r"https?://\S+");`.
#[macro_export]
macro_rules! scanner {
    ($(#[$attr:meta])* $vis:vis static $name:ident = $pattern:literal) => {
        $(#[$attr])*
        $vis static $name: std::sync::LazyLock<$crate::pattern::Scanner> =
            std::sync::LazyLock::new(|| $crate::pattern::scanner($pattern));
    };
}

/// Unicode's White_Space characters, as the inside of a character class.
const WHITE_SPACE: &str =
    r"\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// Compile a pattern written in the tree. Panics (naming the pattern) if it does not
/// compile, which `tests/patterns.rs` rules out.
pub fn compile(pattern: &str) -> Regex {
    try_compile(pattern).unwrap_or_else(|e| panic!("the pattern {pattern:?} does not compile: {e}"))
}

pub fn try_compile(pattern: &str) -> Result<Regex, regex_lite::Error> {
    Regex::new(&unicode_spaces(pattern))
}

/// `\s` → `[WHITE_SPACE]` (its contents alone inside a class), `\S` → `[^WHITE_SPACE]`.
fn unicode_spaces(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('s') if in_class => out.push_str(WHITE_SPACE),
                Some('s') => {
                    out.push('[');
                    out.push_str(WHITE_SPACE);
                    out.push(']');
                }
                Some('S') if !in_class => {
                    out.push_str("[^");
                    out.push_str(WHITE_SPACE);
                    out.push(']');
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A `]` or `^]` right after the opening bracket is a literal.
                let rest = chars.as_str();
                for lead in ["^]", "]", "^"] {
                    if rest.starts_with(lead) {
                        out.push_str(lead);
                        for _ in 0..lead.len() {
                            chars.next();
                        }
                        break;
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_unicode_white_space() {
        let r = compile(r"^prime\s+minister$");
        assert!(r.is_match("prime\u{a0}minister"));
        assert!(r.is_match("prime \t minister"));
        let r = compile(r"^[\s-]+$");
        assert!(r.is_match("\u{2009}-\u{a0}"));
        let r = compile(r"^\S+$");
        assert!(r.is_match("abc") && !r.is_match("a\u{a0}b"));
        let r = compile(r"[^\s<>]+");
        assert_eq!(r.find("a\u{a0}b").map(|m| m.as_str()), Some("a"));
    }
}
