#!/bin/sh
# Headless Neovim as a real client of `factlint lsp`: open the sample draft, wait for
# diagnostics, and check there are exactly two at the right ranges (plus the quick fix and
# hover). Needs nvim 0.7 or later on PATH.
#
#   tests/nvim/run.sh FACTLINT_BIN
#
# Exit status: 0 pass, 1 wrong diagnostics, 2 usage or missing nvim, 3 client error.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 FACTLINT_BIN" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case $1 in
    /*) bin=$1 ;;
    *) bin=$(pwd)/$1 ;;
esac
if [ ! -x "$bin" ]; then
    echo "$0: $bin is not an executable" >&2
    exit 2
fi
if ! command -v nvim >/dev/null 2>&1; then
    echo "$0: nvim not found (apt-get install neovim)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
# A copy, so that no factlint.toml above the checkout changes the rules.
cp "$root/fixtures/sample/samarkand-2023-04-14.txt" "$work/draft.txt"

export FACTLINT_BIN="$bin"
export FACTLINT_DRAFT="$work/draft.txt"
export FACTLINT_OUT="$work/diagnostics.json"
# Keep Neovim's state, logs and shada out of the user's home.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"

limit=""
if command -v timeout >/dev/null 2>&1; then
    limit="timeout 120"
fi

status=0
$limit nvim --headless --clean -n -i NONE -c "luafile $here/diagnostics.lua" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
    echo "$0: the Neovim client failed (status $status)" >&2
    [ -f "$FACTLINT_OUT" ] && cat "$FACTLINT_OUT" >&2
    [ -f "$work/cache/nvim/lsp.log" ] && tail -n 40 "$work/cache/nvim/lsp.log" >&2
    exit 3
fi
$limit nvim --headless --clean -n -i NONE -c "luafile $here/check.lua" </dev/null
