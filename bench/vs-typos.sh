#!/usr/bin/env bash
# factlint beside typos (crate-ci/typos, the fastest dictionary-based prose checker we know
# of), as whole processes on one core: start-up, loading and output included.
#
#   1. one ~5 KB draft, a process started cold for it (what a pre-commit hook pays);
#   2. ~5 MB of ~5 KB drafts, one core (factlint --jobs 1, typos --threads 1);
#   3. the same with factlint given the drafts' date (--as-of 2024-06-01).
#
# The drafts are real published news text from bench/news-corpus.sh, cut at paragraph or
# sentence ends into ~5 KB pieces; the corpus has about 2.5 MB of text, so its texts are
# used again, cut at other places, until the set holds 5 MB. typos-cli is installed pinned
# into a cache directory (skipped when present). Every command runs RUNS times (default 7,
# after one warm-up) pinned to CPU 0 with taskset, factlint and typos in turn; the median
# wall time of each and their ratio are printed. Needs taskset (util-linux) and python3.
#
#   bench/vs-typos.sh
#   RUNS=11 bench/vs-typos.sh
#   BENCH_CACHE=~/.cache/factlint-bench bench/vs-typos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TYPOS_VERSION=${TYPOS_VERSION:-1.52.0}
CACHE=${BENCH_CACHE:-/tmp/factlint-bench-cache}
RUNS=${RUNS:-7}
WORK=${WORK:-/tmp/factlint-vs-typos}
NEWS=${NEWS:-/tmp/factlint-news}

typos="$CACHE/typos-$TYPOS_VERSION/bin/typos"
if [ ! -x "$typos" ]; then
  echo "installing typos-cli $TYPOS_VERSION into $CACHE (several minutes) ..." >&2
  cargo install typos-cli --locked --version "$TYPOS_VERSION" --root "$CACHE/typos-$TYPOS_VERSION" --quiet
fi
cargo build --release --quiet
factlint=$PWD/target/release/factlint

[ -n "$(ls "$NEWS" 2>/dev/null)" ] || bench/news-corpus.sh "$NEWS" >/dev/null
rm -rf "$WORK"
mkdir -p "$WORK/set"
python3 - "$NEWS" "$WORK/set" <<'PY'
import glob, os, re, sys
news, out = sys.argv[1], sys.argv[2]
texts = [open(f, encoding="utf-8").read().strip() for f in sorted(glob.glob(os.path.join(news, "*.txt")))]
text = "\n\n".join(t for t in texts if t)
TARGET, TOTAL = 5000, 5 * 1000 * 1000

def pieces(text, shift):
    """~5 KB drafts cut at a paragraph end, or else a sentence end, after TARGET bytes."""
    at = 0
    if shift:
        m = re.compile(r"[.!?]\s").search(text, shift)
        at = m.end() if m else 0
    while at < len(text):
        end = at + TARGET
        if end >= len(text):
            yield text[at:]
            return
        cut = text.find("\n\n", end, end + 2000)
        if cut < 0:
            m = re.compile(r"[.!?]\s").search(text, end)
            cut = m.end() if m else len(text)
        yield text[at:cut].strip()
        at = cut

written, n, shift = 0, 0, 0
while written < TOTAL:
    for p in pieces(text, shift):
        if written >= TOTAL:
            break
        data = (p + "\n").encode("utf-8")
        with open(os.path.join(out, f"draft-{n:04d}.txt"), "wb") as f:
            f.write(data)
        written += len(data)
        n += 1
    shift += TARGET // 2 + 777
print(f"{n} drafts, {written / 1e6:.2f} MB", file=sys.stderr)
PY
drafts=("$WORK"/set/*.txt)
cp "${drafts[0]}" "$WORK/one.txt"
echo "one draft: $(wc -c < "$WORK/one.txt") bytes" >&2

# The median wall time of RUNS runs of a command, in seconds (the command's output is
# thrown away; each run is pinned to CPU 0).
median() {
  python3 - "$RUNS" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
def once():
    t = time.perf_counter()
    subprocess.run(["taskset", "-c", "0", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
once()
print(f"{statistics.median(once() for _ in range(runs)):.4f}")
PY
}

row() { # label, factlint command..., --, typos command...
  local label=$1; shift
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done; shift
  b=("$@")
  local fa fb
  fa=$(median "${a[@]}")
  fb=$(median "${b[@]}")
  printf '%-34s %12s %12s %8s\n' "$label" "$fa" "$fb" "$(python3 -c "print(f'{$fa / $fb:.2f}')")"
}

printf '%-34s %12s %12s %8s\n' "case (median wall s, CPU 0)" factlint typos ratio
row "one 5 KB draft, cold" \
  "$factlint" check "$WORK/one.txt" --format short -- "$typos" --format brief "$WORK/one.txt"
row "5 MB of 5 KB drafts, one core" \
  "$factlint" check "$WORK/set" --format short --jobs 1 -- "$typos" --format brief --threads 1 "$WORK/set"
row "5 MB, one core, --as-of 2024-06-01" \
  "$factlint" check "$WORK/set" --format short --jobs 1 --as-of 2024-06-01 -- \
  "$typos" --format brief --threads 1 "$WORK/set"
