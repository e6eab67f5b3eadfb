#!/usr/bin/env bash
# The GitHub Action outside GitHub: action.yml's steps, run the same way (the script with
# the inputs as environment variables, then the exit step), on a scratch content directory
# with one good and one bad draft. The factlint wheel is offered from WHEELS (a directory).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
: "${WHEELS:?a directory holding the factlint wheel}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -n1)
# action.yml must run this script, pin this version and offer the documented inputs.
grep -q 'run: bash "$GITHUB_ACTION_PATH/action/run.sh"' "$repo/action.yml"
grep -q "default: \"$version\"" "$repo/action.yml"
for input in paths fail-on format version as-of; do
  grep -q "^  $input:" "$repo/action.yml" || { echo "FAIL: action.yml has no input $input" >&2; exit 1; }
done
mkdir -p "$work/content"
printf 'Lavrov met Qin Gang in Samarkand on Monday, 13 April 2023.\n' > "$work/content/bad.md"
printf '<p>Lavrov met Qin Gang in Samarkand on Thursday, 13 April 2023.</p>\n' > "$work/content/good.html"
cd "$work"
export GITHUB_OUTPUT="$work/output" RUNNER_TEMP="$work/runner"
mkdir -p "$RUNNER_TEMP"
INPUT_PATHS="content" INPUT_VERSION="$version" INPUT_FIND_LINKS="$WHEELS" INPUT_AS_OF="2023-04-14" \
  bash "$repo/action/run.sh" > "$work/log"
cat "$work/log"
grep -q '^::error file=content/bad.md,line=1,.*date/weekday-mismatch' "$work/log"
if grep -q 'good.html' "$work/log"; then echo "FAIL: a finding on the good draft" >&2; exit 1; fi
grep -qx 'status=1' "$GITHUB_OUTPUT"
grep -qx 'sarif=factlint.sarif' "$GITHUB_OUTPUT"
python3 - <<'PY'
import json
s = json.load(open("factlint.sarif"))
results = s["runs"][0]["results"]
assert s["version"] == "2.1.0", s["version"]
assert [r["ruleId"] for r in results] == ["date/weekday-mismatch"], results
assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("bad.md")
PY
# The last step of action.yml fails the job with factlint's status.
status=$(sed -n 's/^status=//p' "$GITHUB_OUTPUT")
if (exit "$status"); then
  echo "FAIL: the action would pass with a finding" >&2
  exit 1
fi
echo "action: passed"
