//! Checks of stance statements: against each other within a draft, and against the
//! documented positions in the knowledge base.

pub mod contradicts_record;
pub mod self_contradiction;

use crate::kb::Kb;
use crate::kb::model::Position;

/// Whether two claims about one actor and topic cannot both be true.
/// A claim is (position, negated): "opposes" is (Oppose, false), "did not oppose" is
/// (Oppose, true). "Did not oppose" is compatible with "supports"; "did not support" is not.
pub fn incompatible(a: (Position, bool), b: (Position, bool)) -> bool {
    match (a, b) {
        ((p, false), (q, false)) => p != q,
        ((p, false), (q, true)) | ((q, true), (p, false)) => p == q,
        ((_, true), (_, true)) => false,
    }
}

/// "China and Russia"
pub fn names(kb: &Kb, actors: &[String]) -> String {
    let names: Vec<String> = actors.iter().map(|a| kb.actor_name(a)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "opposed", "did not support" → how the draft's claim reads in a message.
pub fn claim_text(claim: (Position, bool), plural: bool) -> String {
    match (claim, plural) {
        ((p, false), false) => format!("{}s", p.verb()),
        ((p, false), true) => p.verb().to_string(),
        ((p, true), false) => format!("does not {}", p.verb()),
        ((p, true), true) => format!("do not {}", p.verb()),
    }
}

#[cfg(test)]
mod tests {
    use super::incompatible;
    use crate::kb::model::Position::{Oppose, Support};

    #[test]
    fn negation_is_weaker_than_the_opposite() {
        assert!(incompatible((Support, false), (Oppose, false)));
        assert!(incompatible((Support, false), (Support, true)));
        assert!(!incompatible((Support, false), (Oppose, true)));
        assert!(!incompatible((Oppose, true), (Support, true)));
    }
}
