//! `[[substitution]]`: a phrase with the replacement to offer.

use super::{Matcher, UserCheck, words_regex};
use crate::checks::{Kind, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{LoadError, Origin};
use crate::kb::pack::SubstitutionSpec;

pub const RULE: Rule = Rule {
    id: "substitution",
    severity: Severity::Warning,
    summary: "a phrase a pack replaces with another, offered as a fix",
    doc: "A kind of check a pack declares with `[[substitution]]`: each phrase on the left of `swap` found in the running text is reported, with the phrase on its right as the suggested replacement (`factlint check --fix` applies it). `message` may give the wording, `{}` standing for the replacement, then the text found; without it the message is ``write `Kyiv`, not `Kiev` ``.

## Example
```toml
[[substitution]]
id = \"house/place-names\"
swap = { \"Kiev\" = \"Kyiv\", \"Bombay\" = \"Mumbai\" }
```
`The minister flew to Kiev.` is reported at `Kiev`, with `Kyiv` to write instead.",
    kind: Kind::User,
};

#[derive(Debug)]
struct Substitution {
    message: Option<String>,
    re: regex::Regex,
    swaps: Vec<(String, String)>,
    ignorecase: bool,
}

impl UserCheck {
    pub fn substitution(spec: &SubstitutionSpec, at: Origin) -> Result<Self, LoadError> {
        UserCheck::new(spec.common(), &RULE, at, |at| {
            let found: Vec<&str> = spec.swap.keys().map(String::as_str).collect();
            if found.is_empty() {
                return Err(at.error("`swap` is empty"));
            }
            Ok(Box::new(Substitution {
                message: spec.message.clone(),
                re: words_regex(&found, spec.ignorecase, at)?,
                swaps: spec.swap.iter().map(|(a, b)| (a.clone(), b.clone())).collect(),
                ignorecase: spec.ignorecase,
            }))
        })
    }
}

impl Matcher for Substitution {
    fn run(&self, check: &UserCheck, prose: &str, severity: Severity, out: &mut Vec<Diagnostic>) {
        for m in self.re.find_iter(prose) {
            let Some((_, to)) = self.swaps.iter().find(|(from, _)| {
                if self.ignorecase {
                    from.eq_ignore_ascii_case(m.as_str())
                } else {
                    from == m.as_str()
                }
            }) else {
                continue;
            };
            let text = match &self.message {
                Some(msg) => msg.replacen("{}", to, 1).replacen("{}", m.as_str(), 1),
                None => format!("write `{to}`, not `{}`", m.as_str()),
            };
            out.push(
                Diagnostic::new(&check.id, severity, m.range(), text)
                    .label(format!("write `{to}`"))
                    .note(check.note())
                    .suggest(m.range(), to.clone()),
            );
        }
    }
}
