#!/usr/bin/env bash
# How factlint's time and memory grow: with the size of a draft (1, 4, 16 and 64 MB of news
# text made from the fixture drafts) and with the number of findings (10,000, 100,000 and
# 1,000,000, in every output format). Linear growth means each step of 4x (or 10x) input
# takes about 4x (or 10x) the time. Prints a table; needs GNU time (/usr/bin/time).
#
#   bench/scaling.sh                 # everything
#   SIZES="1 4" FINDINGS="10000" bench/scaling.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1 4 16 64"}
FINDINGS=${FINDINGS:-"10000 100000 1000000"}
FORMATS=${FORMATS:-"short json sarif github junit human"}
cargo build --release --quiet
bin=$PWD/target/release/factlint
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" $SIZES <<'EOF'
import glob, sys
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
parts = []
for pattern in ("fixtures/**/*.txt", "fixtures/**/*.md"):
    for f in sorted(glob.glob(pattern, recursive=True)):
        parts.append(open(f, encoding="utf-8").read().strip() + "\n\n")
base = "".join(parts).encode()
for mb in sizes:
    n = mb << 20
    data = (base * (n // len(base) + 1))[:n].decode("utf-8", "ignore")
    open(f"{work}/news{mb}.txt", "w", encoding="utf-8").write(data)
EOF

mkdir -p "$work/pack"
cat > "$work/pack/house.toml" <<'EOF'
[[existence]]
id = "house/xx"
message = "no `{}`"
tokens = ["xx"]
EOF
for n in $FINDINGS; do
  python3 -c "import sys; open(sys.argv[1], 'w').write('xx is here.\n' * int(sys.argv[2]))" "$work/find$n.txt" "$n"
done

measure() { # label, then the command; prints wall seconds, user seconds and peak memory
  local label=$1; shift
  /usr/bin/time -f "%e %U %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
  # GNU time puts "Command exited with non-zero status 1" first when findings fail the run.
  read -r wall user mem < <(tail -n 1 "$work/time")
  printf '%-34s %8.2f s wall %8.2f s user %8d MB\n' "$label" "$wall" "$user" $((mem / 1024))
}

echo "== news text, --format short"
for mb in $SIZES; do
  measure "$mb MB" "$bin" check "$work/news$mb.txt" --format short
done
echo "== findings (one per line), by format"
for n in $FINDINGS; do
  for f in $FORMATS; do
    measure "$n findings, $f" "$bin" check "$work/find$n.txt" --rules "$work/pack" --no-default-rules \
      --format "$f" --color never
  done
done
