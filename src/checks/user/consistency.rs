//! `[[consistency]]`: two spellings of which a draft keeps to one.

use regex::Regex;

use super::{Matcher, UserCheck, words_regex};
use crate::checks::{Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{LoadError, Origin};
use crate::kb::pack::ConsistencySpec;

pub const RULE: Rule = Rule {
    id: "consistency",
    severity: Severity::Warning,
    summary: "two spellings of which a draft must keep to one",
    doc: "A kind of check a pack declares with `[[consistency]]`: for each pair in `either`, the spelling a draft uses first is its choice, and every use of the other is reported, with the first as the suggested replacement.

## Example
```toml
[[consistency]]
id = \"house/spelling\"
either = [[\"toward\", \"towards\"], [\"judgement\", \"judgment\"]]
```
`They worked toward a deal, and then towards a second one.` is reported at `towards`.",
    kind: Kind::User,
};

#[derive(Debug)]
struct Consistency {
    pairs: Vec<(Regex, Regex, [String; 2])>,
}

impl UserCheck {
    pub fn consistency(spec: &ConsistencySpec, at: Origin) -> Result<Self, LoadError> {
        UserCheck::new(spec.common(), &RULE, at, |at| {
            let mut pairs = Vec::new();
            for pair in &spec.either {
                let a = words_regex(&[pair[0].as_str()], spec.ignorecase, at)?;
                let b = words_regex(&[pair[1].as_str()], spec.ignorecase, at)?;
                pairs.push((a, b, pair.clone()));
            }
            Ok(Box::new(Consistency { pairs }))
        })
    }
}

impl Matcher for Consistency {
    fn run(&self, check: &UserCheck, prose: &str, severity: Severity, out: &mut Vec<Diagnostic>) {
        for (a, b, words) in &self.pairs {
            let (Some(first_a), Some(first_b)) = (a.find(prose), b.find(prose)) else {
                continue;
            };
            // The spelling used first is the draft's choice; flag the other one.
            let (keep, keep_word, other, other_word) = if first_a.start() < first_b.start() {
                (first_a, &words[0], b, &words[1])
            } else {
                (first_b, &words[1], a, &words[0])
            };
            for m in other.find_iter(prose) {
                out.push(
                    Diagnostic::new(
                        &check.id,
                        severity,
                        m.range(),
                        format!("`{}` and `{keep_word}` are both used: keep to one", m.as_str()),
                    )
                    .label(format!("`{other_word}` here"))
                    .with_label(keep.range(), format!("`{keep_word}` first"))
                    .note(check.note())
                    .suggest(m.range(), keep_word.clone()),
                );
            }
        }
    }
}
