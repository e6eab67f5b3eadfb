//! Ordinals as copy writes them: `4th`, `fourth`, `twenty-first`. Read by event
//! extraction, written back by the checks that suggest a corrected ordinal.

#[rustfmt::skip]
const UNITS: [&str; 19] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
];
#[rustfmt::skip]
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
#[rustfmt::skip]
const ROUND: [&str; 8] = [
    "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
];

/// The number of an ordinal in words: `tens` is "twenty-" in "twenty-first".
pub fn from_words(tens: Option<&str>, unit: &str) -> Option<u32> {
    let unit = unit.to_ascii_lowercase();
    let base = match tens {
        Some(t) => {
            let t = t.trim_end_matches([' ', '-']).to_ascii_lowercase();
            (TENS.iter().position(|x| *x == t)? as u32 + 2) * 10
        }
        None => 0,
    };
    if let Some(p) = UNITS.iter().position(|x| *x == unit) {
        return Some(base + p as u32 + 1);
    }
    let p = ROUND.iter().position(|x| *x == unit)?;
    (base == 0).then_some((p as u32 + 2) * 10)
}

/// Whether a lowercase word is an ordinal: "24th", "first", "twenty-first".
pub fn is_ordinal(word: &str) -> bool {
    value(word).is_some()
}

/// The number of a lowercase ordinal: "24th" → 24, "twenty-first" → 21.
pub fn value(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return matches!(word.get(digits.len()..), Some("st" | "nd" | "rd" | "th"))
            .then(|| digits.parse().ok())
            .flatten();
    }
    match word.split_once('-') {
        Some((tens, unit)) => from_words(Some(tens), unit),
        None => from_words(None, word),
    }
}

/// `n` written the way `old` was: "4th" → "2nd", "fourth" → "second", "Fourth" → "Second".
pub fn like(old: &str, n: u32) -> String {
    if old.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        return format!("{n}{suffix}");
    }
    let word = words(n).unwrap_or_else(|| like("1", n));
    let mut chars = word.chars();
    match chars.next() {
        Some(f) if old.chars().next().is_some_and(char::is_uppercase) => f.to_uppercase().chain(chars).collect(),
        _ => word,
    }
}

fn words(n: u32) -> Option<String> {
    match n {
        1..=19 => UNITS.get(n as usize - 1).map(|s| s.to_string()),
        20..=99 if n.is_multiple_of(10) => ROUND.get(n as usize / 10 - 2).map(|s| s.to_string()),
        21..=99 => Some(format!(
            "{}-{}",
            TENS.get(n as usize / 10 - 2)?,
            UNITS.get(n as usize % 10 - 1)?
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_ordinals() {
        assert_eq!(from_words(None, "fourth"), Some(4));
        assert_eq!(from_words(Some("twenty-"), "first"), Some(21));
        assert_eq!(from_words(None, "twentieth"), Some(20));
        assert_eq!(like("4th", 2), "2nd");
        assert_eq!(like("4th", 13), "13th");
        assert_eq!(like("Fourth", 22), "Twenty-second");
        assert_eq!(like("fourth", 30), "thirtieth");
        assert_eq!(value("32nd"), Some(32));
        assert_eq!(value("twenty-first"), Some(21));
        assert_eq!(value("32"), None);
        assert_eq!(value("summit"), None);
    }
}
