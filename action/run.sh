#!/usr/bin/env bash
# The GitHub Action's one script (action.yml runs it; tests/action/run.sh runs it outside
# GitHub). Installs the pinned factlint wheel into its own virtualenv, writes SARIF, prints
# the findings in the chosen format (`github` annotates the diff) and records the exit
# status in $GITHUB_OUTPUT as `status`, so that the SARIF can be uploaded before the step
# fails. Inputs come as environment variables:
#   INPUT_PATHS (default "."), INPUT_FAIL_ON (error), INPUT_FORMAT (github),
#   INPUT_VERSION (the factlint version to install), INPUT_AS_OF (empty: the drafts'),
#   INPUT_SARIF (factlint.sarif), INPUT_FIND_LINKS (a directory of wheels to offer pip).
set -euo pipefail
paths="${INPUT_PATHS:-.}"
fail_on="${INPUT_FAIL_ON:-error}"
format="${INPUT_FORMAT:-github}"
version="${INPUT_VERSION:?the factlint version to install}"
sarif="${INPUT_SARIF:-factlint.sarif}"
out="${GITHUB_OUTPUT:-/dev/null}"

venv="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/factlint-$version"
if [ ! -x "$venv/bin/factlint" ]; then
  python3 -m venv "$venv"
  pip_args=(-q --disable-pip-version-check)
  if [ -n "${INPUT_FIND_LINKS:-}" ]; then
    pip_args+=(--find-links "$INPUT_FIND_LINKS")
  fi
  "$venv/bin/python" -m pip install "${pip_args[@]}" "factlint==$version"
fi
"$venv/bin/factlint" --version

# shellcheck disable=SC2206 # paths are split on whitespace, as the input documents
args=(check $paths --fail-on "$fail_on")
if [ -n "${INPUT_AS_OF:-}" ]; then
  args+=(--as-of "$INPUT_AS_OF")
fi
set +e
"$venv/bin/factlint" "${args[@]}" --format sarif > "$sarif"
"$venv/bin/factlint" "${args[@]}" --format "$format"
status=$?
set -e
echo "sarif=$sarif" >> "$out"
echo "status=$status" >> "$out"
echo "factlint exit status $status; SARIF in $sarif"
