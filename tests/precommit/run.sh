#!/usr/bin/env bash
# The pre-commit hook, tested with the real pre-commit: a scratch content repository with
# a correct and an incorrect draft; `pre-commit try-repo` installs the `factlint` hook
# (language: python) from this checkout and must pass the good draft and fail the bad one.
# The hook's package depends on the factlint wheel; as it is not on PyPI yet, the wheel
# built from this checkout is offered to pip (WHEELS, a directory; built here if unset).
# The first run, which creates the hook's environment, is timed.
# HOOK=factlint-rust runs the hook that builds factlint with cargo instead.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
hook="${HOOK:-factlint}"
if [ "$hook" = factlint ]; then
  if [ -z "${WHEELS:-}" ]; then
    WHEELS=$(mktemp -d)
    (cd "$repo/python/wheel" && maturin build --release --quiet -o "$WHEELS")
  fi
  export PIP_FIND_LINKS="$WHEELS"
fi
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (python3 -m pip install pre-commit)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
cd "$work"
git init -q content && cd content
git config user.email "ci@example.org" && git config user.name "CI"
cat > good.md <<'DRAFT'
---
date: 2023-04-14
---

# Ministers meet in Samarkand

Foreign Minister of Russia Sergey Lavrov and Foreign Minister of China Qin Gang met in
Samarkand on Thursday, 13 April 2023, on the sidelines of the 4th Neighbours of
Afghanistan meeting in Uzbekistan.
DRAFT
cat > bad.md <<'DRAFT'
---
date: 2023-04-14
---

# Ministers meet in Samarkand

Foreign Minister of Russia Sergey Lavrov and Foreign Minister of China Qin Gang met in
Samarkand on Monday, 13 April 2023, on the sidelines of the 4th Neighbours of
Afghanistan meeting in Uzbekistan.
DRAFT
git add good.md bad.md
start=$(date +%s.%N)
if ! pre-commit try-repo "$repo" "$hook" --files good.md; then
  echo "FAIL: the hook rejected a correct draft" >&2
  exit 1
fi
first=$(echo "$(date +%s.%N) - $start" | bc)
echo "first run of the $hook hook (environment created): ${first} s"
if pre-commit try-repo "$repo" "$hook" --files bad.md > "$work/bad.log" 2>&1; then
  cat "$work/bad.log"
  echo "FAIL: the hook passed a draft with a wrong weekday" >&2
  exit 1
fi
if ! grep -q "date/weekday-mismatch" "$work/bad.log"; then
  cat "$work/bad.log"
  echo "FAIL: the hook failed, but not with the expected finding" >&2
  exit 1
fi
echo "pre-commit hook: 2 passed, 0 failed"
