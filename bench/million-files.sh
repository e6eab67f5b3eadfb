#!/usr/bin/env bash
# Archive scale: factlint over a million small drafts with `--format jsonl --files-from`,
# showing that memory stays flat as the number of drafts grows. Generates N drafts of
# about 300 bytes (1,000 a directory; one in five with a wrong weekday, one in seven with
# a wrong holder of an office) under $WORK once, then for each size lists the first N and
# checks them, printing wall time, peak RSS (GNU time's "Maximum resident set size") and
# the lines of output. Needs GNU time (/usr/bin/time) and about 4 GB of disk for 1M files.
#
#   bench/million-files.sh                        # 10k, 100k and 1M drafts
#   SIZES="10000 100000" bench/million-files.sh
#   JOBS=1 bench/million-files.sh                 # one worker (default: every core)
#   WORK=/tmp/x KEEP=1 bench/million-files.sh     # keep the drafts for the next run
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 100000 1000000"}
WORK=${WORK:-/tmp/factlint-million}
JOBS=${JOBS:-}
max=0
for n in $SIZES; do [ "$n" -gt "$max" ] && max=$n; done

cargo build --release --quiet
bin=$PWD/target/release/factlint
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

mkdir -p "$WORK"
have=$(cat "$WORK/.count" 2>/dev/null || echo 0)
if [ "$have" -lt "$max" ]; then
  echo "generating $max drafts in $WORK ..." >&2
  python3 - "$WORK" "$have" "$max" <<'PY'
import os, sys
work, have, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
months = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
import datetime
for i in range(have, n):
    d = datetime.date(2015, 1, 1) + datetime.timedelta(days=i % 3000)
    weekday = days[d.weekday()] if i % 5 else days[(d.weekday() + 1) % 7]
    minister = "Sergey Lavrov" if i % 7 else "Wang Yi"
    text = (f"MOSCOW, {d.day} {months[d.month - 1]} {d.year} (Wire) -- Russian Foreign Minister "
            f"{minister} said on {weekday}, {d.day} {months[d.month - 1]} {d.year}, that talks "
            f"on trade would continue next month. Item {i}: officials from both sides met in the "
            f"capital and agreed to meet again before the end of the year.\n")
    sub = os.path.join(work, f"{i // 1000:04d}")
    if i % 1000 == 0:
        os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"{i % 1000:03d}.txt"), "w") as f:
        f.write(text)
open(os.path.join(work, ".count"), "w").write(str(n))
PY
fi

printf '%-9s %10s %14s %12s %10s\n' drafts "wall (s)" "peak RSS (MB)" "out lines" findings
for n in $SIZES; do
  list="$WORK/list-$n"
  python3 - "$WORK" "$n" > "$list" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    print(f"{work}/{i // 1000:04d}/{i % 1000:03d}.txt")
PY
  out="$WORK/out-$n.jsonl"
  /usr/bin/time -v -o "$WORK/time-$n" "$bin" check --format jsonl --files-from "$list" \
    ${JOBS:+--jobs "$JOBS"} > "$out" || true
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$WORK/time-$n")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$WORK/time-$n")
  lines=$(wc -l < "$out")
  findings=$(grep -c '"type":"finding"' "$out" || true)
  printf '%-9s %10s %14s %12s %10s\n' "$n" "$wall" "$rss" "$lines" "$findings"
  rm -f "$out" "$list"
done
if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; fi
