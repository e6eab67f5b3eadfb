//! `[[existence]]`: a phrase that must not appear.

use super::{Matcher, UserCheck, words_regex};
use crate::checks::{Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{LoadError, Origin};
use crate::kb::pack::ExistenceSpec;

pub const RULE: Rule = Rule {
    id: "existence",
    severity: Severity::Warning,
    summary: "a phrase a pack says must not appear",
    doc: "A kind of check a pack declares with `[[existence]]`: each of its `tokens` found in the running text is reported with its `message`, in which `{}` stands for the text found. Matches are whole words; `ignorecase = true` ignores case.

## Example
```toml
[[existence]]
id = \"house/cliches\"
message = \"avoid the cliché `{}`\"
tokens = [\"at the end of the day\", \"in the wake of\"]
ignorecase = true
```
`In the wake of the summit, …` is reported at `In the wake of`.",
    kind: Kind::User,
};

#[derive(Debug)]
struct Existence {
    message: String,
    re: regex::Regex,
}

impl UserCheck {
    pub fn existence(spec: &ExistenceSpec, at: Origin) -> Result<Self, LoadError> {
        UserCheck::new(spec.common(), &RULE, at, |at| {
            let tokens: Vec<&str> = spec.tokens.iter().map(String::as_str).collect();
            if tokens.is_empty() {
                return Err(at.error("`tokens` is empty"));
            }
            Ok(Box::new(Existence {
                message: spec.message.clone(),
                re: words_regex(&tokens, spec.ignorecase, at)?,
            }))
        })
    }
}

impl Matcher for Existence {
    fn run(&self, check: &UserCheck, prose: &str, severity: Severity, out: &mut Vec<Diagnostic>) {
        for m in self.re.find_iter(prose) {
            out.push(
                Diagnostic::new(&check.id, severity, m.range(), self.message.replace("{}", m.as_str()))
                    .label("here")
                    .note(check.note()),
            );
        }
    }
}
