//! The rules of suppression comments, which `crate::suppress` reports while it applies them.

use crate::checks::{Kind, Rule};
use crate::diagnostic::Severity;

pub const UNUSED: Rule = Rule {
    id: crate::suppress::UNUSED,
    severity: Severity::Warning,
    summary: "a suppression comment that suppresses nothing",
    doc: "Reports a `<!-- factlint-disable… -->` comment that no longer suppresses any finding, so stale suppressions do not pile up.

## Example
```markdown
<!-- factlint-disable-next-line date/weekday-mismatch -- the agency's own error, quoted -->
The ministers met on Friday, 14 April 2023.
```
The weekday is right, so the comment hides nothing: remove it.",
    kind: Kind::Suppression,
};

pub const INVALID: Rule = Rule {
    id: crate::suppress::INVALID,
    severity: Severity::Error,
    summary: "a suppression comment that is misspelled, names an unknown rule or is never closed",
    doc: "Reports a `<!-- factlint… -->` comment that is not a suppression factlint understands: a misspelled directive (`factlint-disabel`), a rule id that does not exist, or a comment never closed with `-->` (which would otherwise hide the rest of a Markdown draft). Such a comment suppresses nothing. A directive inside inline code or a code block is an example and is not read.

## Example
```markdown
<!-- factlint-disable-next-line date/weekday-mistmatch -->
The ministers met on Monday, 14 April 2023.
```
`date/weekday-mistmatch` is not a rule, so the weekday error below it is still reported.",
    kind: Kind::Suppression,
};
