//! Tests inside packs: any entry or check may carry examples (`[[person.test]]`,
//! `[[existence.test]]`, `[checks."id".test]`), each a text, an optional as-of date and the
//! rule ids that must fire on it (`expect = []`: nothing may). `factlint kb check` runs
//! them against the rules the packs build and reports each failure at its text in the pack.

use std::collections::{BTreeSet, HashMap};

use crate::error::LoadError;
use crate::error::Origin;
use crate::kb::load::LoadedFile;
use crate::kb::model::PackTest;
use crate::rules::Rules;

/// One example, with where it was written.
#[derive(Debug, Clone)]
pub struct Case {
    /// What it belongs to: "person `sergey-lavrov`".
    pub owner: String,
    pub test: PackTest,
    pub at: Origin,
    /// The check it belongs to, for a check's examples.
    check: Option<String>,
}

/// Every example of `files`, in order. An entry a later pack replaces (same table and
/// id) takes its examples with it.
pub fn collect(files: &[LoadedFile]) -> Vec<Case> {
    let mut groups: Vec<Vec<Case>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for f in files {
        let p = &f.pack;
        let mut add = |table: &str, id: &str, tests: &[PackTest]| {
            let cases: Vec<Case> = tests
                .iter()
                .map(|t| Case {
                    owner: format!("{table} `{id}`"),
                    test: t.clone(),
                    at: f.origin(t.text.span()),
                    check: (table == "check").then(|| id.to_string()),
                })
                .collect();
            let key = format!("{table}\u{0}{id}");
            match index.get(&key) {
                Some(&i) => groups[i] = cases,
                None => {
                    index.insert(key, groups.len());
                    groups.push(cases);
                }
            }
        };
        p.country.iter().for_each(|x| add("country", x.id.get_ref(), &x.test));
        p.organization
            .iter()
            .for_each(|x| add("organization", x.id.get_ref(), &x.test));
        p.membership.iter().for_each(|x| {
            let key = format!("{} in {}", x.country, x.organization.get_ref());
            add("membership", &key, &x.test)
        });
        p.person.iter().for_each(|x| add("person", x.id.get_ref(), &x.test));
        p.role.iter().for_each(|x| add("role", x.id.get_ref(), &x.test));
        p.office.iter().for_each(|x| add("office", x.id.get_ref(), &x.test));
        p.series.iter().for_each(|x| add("series", x.id.get_ref(), &x.test));
        p.event.iter().for_each(|x| add("event", x.id.get_ref(), &x.test));
        p.topic.iter().for_each(|x| add("topic", x.id.get_ref(), &x.test));
        p.predicate
            .iter()
            .for_each(|x| add("predicate", x.id.get_ref(), &x.test));
        p.stance
            .iter()
            .for_each(|x| add("stance", &format!("{} on {}", x.actor.get_ref(), x.topic), &x.test));
        p.user_checks().for_each(|x| add("check", x.id.get_ref(), x.test));
        // Settings add to a check rather than define it: their examples add up.
        for (id, setting) in &p.checks {
            let key = format!("settings\u{0}{}\u{0}{}", id.get_ref(), f.path);
            index.insert(key, groups.len());
            groups.push(
                setting
                    .test
                    .iter()
                    .map(|t| Case {
                        owner: format!("check `{}`", id.get_ref()),
                        test: t.clone(),
                        at: f.origin(t.text.span()),
                        check: Some(id.get_ref().to_string()),
                    })
                    .collect(),
            );
        }
    }
    groups.into_iter().flatten().collect()
}

/// Run every example against `rules`, built from `files`: the failures, each pointing at
/// the example's text. An example of a check that a pack turns off, or one expecting such
/// a check to fire, is skipped; the number skipped is returned too.
pub fn run(rules: &Rules, files: &[LoadedFile], cases: &[Case]) -> (Vec<LoadError>, usize) {
    let defined: BTreeSet<&str> = files
        .iter()
        .flat_map(|f| f.pack.user_checks().map(|x| x.id.get_ref().as_str()))
        .collect();
    let known = |id: &str| crate::checks::find(id).is_some() || defined.contains(id);
    let enabled = |id: &str| rules.enabled.contains_key(id) || rules.user.iter().any(|u| u.id == id);
    let mut failures = Vec::new();
    let mut skipped = 0;
    for case in cases {
        let off = case.check.as_deref().is_some_and(|c| known(c) && !enabled(c))
            || case
                .test
                .expect
                .iter()
                .any(|e| known(e.get_ref()) && !enabled(e.get_ref()));
        if off {
            skipped += 1;
            continue;
        }
        let mut unknown = false;
        for e in &case.test.expect {
            if !known(e.get_ref()) {
                unknown = true;
                let at = Origin::new(case.at.path.clone(), case.at.text.clone(), e.span());
                failures.push(at.error(format!(
                    "test of {} expects unknown rule `{}` (see `factlint rules`)",
                    case.owner,
                    e.get_ref()
                )));
            }
        }
        if unknown {
            continue;
        }
        let doc = crate::source::Document::new(
            "pack-test.txt",
            case.test.text.get_ref().to_string(),
            crate::source::Format::Text,
        );
        let opts = crate::extract::Options {
            as_of: crate::extract::asof::AsOfOptions {
                flag: case.test.as_of,
                ..Default::default()
            },
            ..Default::default()
        };
        let found = crate::check(&doc, rules, &crate::CheckConfig::new(opts)).diagnostics;
        let fired: BTreeSet<&str> = found.iter().map(|d| d.rule.as_str()).collect();
        let expected: BTreeSet<&str> = case.test.expect.iter().map(|e| e.get_ref().as_str()).collect();
        if fired != expected {
            let missing: Vec<&str> = expected.difference(&fired).copied().collect();
            let extra: Vec<String> = found
                .iter()
                .filter(|d| !expected.contains(d.rule.as_str()))
                .map(|d| format!("{}: {}", d.rule, d.message))
                .collect();
            let mut why = Vec::new();
            if !missing.is_empty() {
                why.push(format!("expected {} to fire", list(&missing)));
            }
            if !extra.is_empty() {
                why.push(format!("unexpected {}", extra.join("; ")));
            }
            failures.push(
                case.at
                    .error(format!("test of {} failed: {}", case.owner, why.join(", and "))),
            );
        }
    }
    (failures, skipped)
}

fn list(ids: &[&str]) -> String {
    ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
}
