//! The tense a clause reports something in, read from the words before (or, for a
//! sentence-initial "On 5 May, …", after) a date or event mention. Scheduling verbs,
//! modals, conditionals and reported plans give no verdict: LanguageTool's tracker shows
//! how often "was scheduled to start on …" is misread as the past.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

const PAST: &[&str] = &[
    "held",
    "met",
    "visited",
    "attended",
    "hosted",
    "signed",
    "ended",
    "concluded",
    "opened",
    "closed",
    "convened",
    "gathered",
    "participated",
    "agreed",
    "discussed",
    "reached",
    "adopted",
    "endorsed",
    "approved",
    "pledged",
    "addressed",
    "spoke",
    "paid",
    "travelled",
    "traveled",
    "arrived",
    "began",
    "started",
    "took",
    "wrapped",
    "chaired",
    "joined",
    "welcomed",
    "marked",
];
/// Present-tense verbs: the clause speaks of now, which says nothing about the past.
const PRESENT: &[&str] = &[
    "is",
    "are",
    "runs",
    "continues",
    "lasts",
    "remains",
    "begins",
    "starts",
    "ends",
    "takes",
    "holds",
    "hosts",
];
const FUTURE: &[&str] = &["will", "shall", "upcoming", "forthcoming", "next"];
/// Words that make the tense of the clause no evidence of whether the thing happened.
const NEUTRAL: &[&str] = &[
    "would",
    "could",
    "might",
    "may",
    "should",
    "must",
    "scheduled",
    "expected",
    "due",
    "planned",
    "plans",
    "plan",
    "planning",
    "set",
    "announced",
    "said",
    "says",
    "say",
    "if",
    "unless",
    "ahead",
    "before",
    "after",
    "preparations",
    "prepare",
    "preparing",
    "prepared",
    "invited",
    "invitation",
    "postponed",
    "cancelled",
    "canceled",
    "proposed",
    "since",
    "when",
    "whether",
    "hoped",
    "hopes",
    "intend",
    "intends",
    "intended",
    "anniversary",
    "results",
    "outcome",
    "outcomes",
    "aftermath",
];

crate::scanner!(static WORD = r"[A-Za-z']+|[;:—–,]");

/// Whether the words after a verb of going end in its destination, the mention: "on to
/// the", "for the" ("travelled to Moscow on" ends in the day of the journey instead).
fn towards(rest: &[&str]) -> bool {
    let rest: Vec<String> = rest.iter().map(|w| w.to_ascii_lowercase()).collect();
    let rest: &[String] = match rest.split_last() {
        Some((last, init)) if matches!(last.as_str(), "the" | "a" | "this" | "its") => init,
        _ => &rest,
    };
    rest.last().is_some_and(|w| matches!(w.as_str(), "to" | "for"))
}

/// Verbs of going somewhere: "travelled to the summit" may be on the eve of it.
const MOTION: &[&str] = &[
    "travelled",
    "traveled",
    "arrived",
    "flew",
    "headed",
    "left",
    "departed",
    "went",
];

/// Irregular past participles of what happens to officials and meetings: "was sworn in".
const IRREGULAR_PARTICIPLES: &[&str] = &["sworn", "chosen", "given", "begun", "won", "undertaken"];

/// "was held", "were overshadowed", "was sworn in": a past passive, whatever the verb.
fn past_passive(prev: Option<&str>, word: &str) -> bool {
    prev.is_some_and(|p| p.eq_ignore_ascii_case("was") || p.eq_ignore_ascii_case("were"))
        && (word.len() > 4 && word.ends_with("ed")
            || IRREGULAR_PARTICIPLES.contains(&word.to_ascii_lowercase().as_str()))
}

fn classify(word: &str) -> Option<Tense> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches("'ll");
    if NEUTRAL.contains(&w) || PRESENT.contains(&w) {
        Some(Tense::Unknown)
    } else if FUTURE.contains(&w) || word.ends_with("'ll") {
        Some(Tense::Future)
    } else if PAST.contains(&w) {
        Some(Tense::Past)
    } else {
        None
    }
}

/// The tense of the clause a mention sits in. `before` is the sentence text up to the
/// mention, `after` the text after it. A mention that opens its clause ("On 5 May, the
/// leaders met", "As is known, the summit … is to be held") takes the verb after it;
/// otherwise the nearest verb before it decides.
pub fn around(before: &str, after: &str) -> Tense {
    // "extended until 1 October 2024", "by 2030": a deadline, whatever the verb's tense.
    let last = WORD.find_iter(before).last().map(|m| m.as_str().to_ascii_lowercase());
    if last
        .as_deref()
        .is_some_and(|w| matches!(w, "until" | "till" | "through" | "by" | "before" | "after"))
    {
        return Tense::Unknown;
    }
    // A dateline ("JOHANNESBURG, Nov 20 (Reuters) - ") or a leading phrase is not part of
    // the clause.
    let clause = [" - ", " -- ", ": ", " — ", " – ", "):", ", "]
        .iter()
        .filter_map(|sep| before.rfind(sep).map(|i| i + sep.len()))
        .max()
        .map_or(before, |i| before.get(i..).unwrap_or(before));
    // The clause's own words first: "since 21 September 2024, is expected" is about "since".
    let own = backward(clause);
    let hedged = WORD
        .find_iter(clause)
        .any(|m| classify(m.as_str()) == Some(Tense::Unknown));
    if own != Tense::Unknown || hedged {
        return own;
    }
    // "…, who presided over COP29 in Baku, is expected to …": a relative clause has its own
    // verb before the mention, and the verb after it is the main clause's.
    let first = WORD.find_iter(clause).next().map(|m| m.as_str().to_ascii_lowercase());
    let relative = first
        .as_deref()
        .is_some_and(|w| matches!(w, "who" | "which" | "whose" | "whom"));
    let count = WORD.find_iter(clause).filter(|m| m.as_str() != ",").count();
    // "At the leaders' plenary on 28 August, leaders endorsed …": an opening phrase of a
    // preposition and its noun, closed by a comma, leaves the tense to the verb after it.
    let opening_phrase = count <= 8
        && after.trim_start().starts_with(',')
        && first
            .as_deref()
            .is_some_and(|w| matches!(w, "at" | "on" | "in" | "during"));
    // "The embassy, reopened in 2015 under Obama, will stay open": a participle of the
    // clause governs the date, and the verb after it is the main clause's.
    let participle = WORD.find_iter(clause).any(|m| {
        let w = m.as_str();
        w.len() > 4 && w.ends_with("ed") && w.starts_with(char::is_lowercase)
    });
    let opens_clause = !relative && !participle && (count <= 3 || opening_phrase);
    if opens_clause {
        let t = forward(after);
        if t != Tense::Unknown {
            return t;
        }
    }
    backward(before)
}

/// The nearest verb before the mention.
fn backward(before: &str) -> Tense {
    let words: Vec<&str> = WORD.find_iter(before).map(|m| m.as_str()).collect();
    for (k, w) in words.iter().enumerate().rev().take(16) {
        if matches!(*w, ";" | ":" | "—" | "–") {
            break;
        }
        let prev = k
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .map(|p| p.to_ascii_lowercase());
        let present_aux = prev.as_deref().is_some_and(|p| matches!(p, "is" | "are" | "'s" | "am"));
        // "is scheduled to", "are due to", "is to host": a plan in the present is the future.
        if present_aux
            && matches!(
                w.to_ascii_lowercase().as_str(),
                "scheduled" | "set" | "due" | "expected" | "planned" | "to"
            )
        {
            return Tense::Future;
        }
        // "the summit hosted by China": a participle describing, not a past event.
        let passive = words.get(k + 1).is_some_and(|n| n.eq_ignore_ascii_case("by"));
        // "agreed to invite six countries to become members from January": the date belongs
        // to the infinitive, a plan, not to the past verb.
        let plan = prev.as_deref().is_some_and(|p| {
            matches!(
                p,
                "is" | "are"
                    | "was"
                    | "were"
                    | "scheduled"
                    | "set"
                    | "due"
                    | "expected"
                    | "planned"
                    | "going"
                    | "about"
            )
        });
        let infinitive = w.eq_ignore_ascii_case("to")
            && !plan
            && words.get(k + 1).is_some_and(|n| {
                n.chars().next().is_some_and(char::is_lowercase)
                    && !matches!(
                        n.to_ascii_lowercase().as_str(),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that"
                    )
            });
        // "will arrive fresh from the summit": coming from it puts it behind, whatever the
        // verb's tense. (A date after "from" opens a range and is left to the verb; `words`
        // holds no digits, so "from 22 to 24 August" shows as "from to August".)
        let source = w.eq_ignore_ascii_case("from")
            && words
                .get(k + 1)
                .is_some_and(|n| !crate::calendar::is_month(n) && !matches!(*n, "to" | "until" | "till" | "through"));
        if infinitive || source {
            return Tense::Unknown;
        }
        match classify(w) {
            Some(Tense::Past) if passive => return Tense::Unknown,
            // "travelled on to the NATO summit": a journey towards a meeting may end on its
            // eve; it does not say the meeting has been held.
            Some(Tense::Past) if MOTION.contains(&w.to_ascii_lowercase().as_str()) && towards(&words[k + 1..]) => {
                return Tense::Unknown;
            }
            Some(Tense::Past) => return auxiliaries(&words[k.saturating_sub(3)..k]),
            // "will be remembered for …" says nothing about when the event is.
            Some(Tense::Future) if is_modal_future(w) && !event_verb_follows(&words[k + 1..]) => return Tense::Unknown,
            Some(t) => return t,
            None if past_passive(prev.as_deref(), w) => return Tense::Past,
            // Another participle ("a chat conducted June 3") governs the date: no verdict.
            None if w.len() > 4 && w.ends_with("ed") => return Tense::Unknown,
            None => {}
        }
    }
    Tense::Unknown
}

/// The first verb after a mention that opens its clause.
fn forward(after: &str) -> Tense {
    let ahead: Vec<&str> = WORD.find_iter(after).map(|m| m.as_str()).take(21).collect();
    for (k, w) in ahead.iter().enumerate().take(20) {
        if matches!(*w, ";" | ":") {
            break;
        }
        if *w == "," {
            continue;
        }
        // "the summit … is to be held", "is scheduled to open": a plan.
        let next = ahead.get(k + 1).map(|n| n.to_ascii_lowercase());
        if matches!(w.to_ascii_lowercase().as_str(), "is" | "are")
            && next
                .as_deref()
                .is_some_and(|n| matches!(n, "to" | "scheduled" | "due" | "set" | "expected" | "planned"))
        {
            return Tense::Future;
        }
        let prev = k.checked_sub(1).and_then(|p| ahead.get(p)).copied();
        // "COP30, to be held in the Amazon": a participle after a bare "be" (an infinitive
        // or a modal's) is no past tense.
        if prev.is_some_and(|p| p.eq_ignore_ascii_case("be")) && classify(w) == Some(Tense::Past) {
            return Tense::Unknown;
        }
        if past_passive(prev, w) && classify(w).is_none() {
            return Tense::Past;
        }
        // "the first held in France in 33 years": a participle after "first", not a verb.
        if prev.is_some_and(|p| {
            matches!(
                p.to_ascii_lowercase().as_str(),
                "first" | "second" | "third" | "last" | "only" | "ever"
            )
        }) && classify(w) == Some(Tense::Past)
        {
            continue;
        }
        if let Some(t) = classify(w) {
            let passive = ahead.get(k + 1).is_some_and(|n| n.eq_ignore_ascii_case("by"));
            let idle_future = t == Tense::Future && is_modal_future(w) && !event_verb_follows(&ahead[k + 1..]);
            return if (passive && t == Tense::Past) || idle_future {
                Tense::Unknown
            } else {
                t
            };
        }
    }
    Tense::Unknown
}

/// A past participle after "will be", "to be" or a modal is not the past tense.
fn is_modal_future(w: &str) -> bool {
    w.eq_ignore_ascii_case("will") || w.eq_ignore_ascii_case("shall") || w.ends_with("'ll")
}

/// Whether one of the next few words is a verb of something taking place: "will host",
/// "will be held", "shall meet".
fn event_verb_follows(rest: &[&str]) -> bool {
    const VERBS: &[&str] = &[
        "hold", "host", "meet", "take", "be", "open", "begin", "start", "convene", "gather", "visit", "attend",
        "travel", "arrive", "sign", "chair", "head", "go", "fly", "come", "return", "run", "end", "close", "wrap",
        "conclude", "welcome", "receive", "discuss",
    ];
    rest.iter()
        .take(3)
        .any(|w| VERBS.contains(&w.to_ascii_lowercase().as_str()))
        && !rest.iter().take(3).any(|w| {
            let w = w.to_ascii_lowercase();
            w == "remembered" || w == "seen" || w == "judged" || w == "known" || w == "recalled"
        })
}

fn auxiliaries(before: &[&str]) -> Tense {
    let lower: Vec<String> = before.iter().map(|w| w.to_ascii_lowercase()).collect();
    // "is to be held", "are to be hosted": a plan.
    if lower
        .windows(2)
        .any(|p| matches!(p[0].as_str(), "is" | "are") && p[1] == "to")
    {
        return Tense::Future;
    }
    let mut verdict = Tense::Past;
    for w in before.iter().rev() {
        // "Diplomats said leaders attended …": the verb that reports is another clause's.
        if matches!(w.to_ascii_lowercase().as_str(), "said" | "says" | "say" | "announced") {
            break;
        }
        match classify(w) {
            Some(Tense::Future) => return Tense::Future,
            Some(Tense::Unknown) => return Tense::Unknown,
            _ => {}
        }
        if matches!(w.to_ascii_lowercase().as_str(), "be" | "to" | "being") {
            verdict = Tense::Unknown;
        }
    }
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_nearest_verb() {
        assert_eq!(around("The leaders met on ", ""), Tense::Past);
        assert_eq!(around("The summit will be held on ", ""), Tense::Future);
        assert_eq!(around("The summit was scheduled to open on ", ""), Tense::Unknown);
        assert_eq!(around("Russia is scheduled to host the ", ""), Tense::Future);
        assert_eq!(around("Kazan is to host the ", ""), Tense::Future);
        assert_eq!(around("He said the ministers would meet on ", ""), Tense::Unknown);
        assert_eq!(around("On ", ", the ministers met in Samarkand."), Tense::Past);
        assert_eq!(
            around("- ", " in Baku, the second COP in a row hosted by a producer"),
            Tense::Unknown
        );
        assert_eq!(around("The summit chaired by Lula on ", ""), Tense::Unknown);
        assert_eq!(around("The 16th summit is to be held on ", ""), Tense::Future);
        assert_eq!(
            around("The Osaka summit will be remembered less for the ", ""),
            Tense::Unknown
        );
        assert_eq!(
            around(
                "Leaders agreed to invite six countries to become full members from ",
                ""
            ),
            Tense::Unknown
        );
        assert_eq!(around("Xi travelled to Moscow on ", ""), Tense::Past);
        assert_eq!(
            around(
                "The ",
                " summit in Kananaskis on 15-17 June 2025 was overshadowed by the war"
            ),
            Tense::Past
        );
        assert_eq!(
            around(
                "As is known, the ",
                " in the city of Kazan is to be held on 22-24 October"
            ),
            Tense::Future
        );
        assert_eq!(
            around("The ", " summit in Osaka will be remembered less for its communiqué"),
            Tense::Unknown
        );
        assert_eq!(
            around("JOHANNESBURG, Nov 20 (Reuters) - The ", " took place on Saturday."),
            Tense::Past
        );
        assert_eq!(around("The deal, signed in May, will run until ", ""), Tense::Unknown);
        assert_eq!(around("His term was extended in July until ", ""), Tense::Unknown);
        assert_eq!(
            around("We will be posting the transcript of a chat conducted ", ""),
            Tense::Unknown
        );
        assert_eq!(
            around("Ramaphosa will arrive fresh from hosting the ", ""),
            Tense::Unknown
        );
        assert_eq!(around("Ramaphosa will discuss the results of the ", ""), Tense::Unknown);
        assert_eq!(around("Leaders met from 22 to 24 August at the ", ""), Tense::Past);
        assert_eq!(around("At the ", ", leaders endorsed a plan."), Tense::Past);
    }
}
