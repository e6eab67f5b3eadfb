#!/usr/bin/env python3
"""Score factlint's date reader on a set of written expressions.

Input: a TSV with columns id, as_of, sentence, expression, start, end, grain (one
sentence per row, the expression inside it, the expected inclusive interval). For each
row, runs `factlint extract --format json --as-of AS_OF` on the sentence and counts the
expression as read when one extracted date overlapping it has exactly the expected start
and end. Prints the misses and the total.

Usage: bench/score_dates.py EXPRESSIONS.tsv [--bin target/release/factlint]
       [--date-order day-month|month-day] [--quiet]
"""
import argparse
import csv
import json
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tsv")
    ap.add_argument("--bin", default="target/release/factlint")
    ap.add_argument("--date-order")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    rows = list(csv.DictReader(open(args.tsv, encoding="utf-8"), delimiter="\t"))
    right = 0
    by_grain = {}
    for row in rows:
        cmd = [args.bin, "extract", "--format", "json", "--as-of", row["as_of"], "-"]
        if args.date_order:
            cmd += ["--date-order", args.date_order]
        out = subprocess.run(cmd, input=row["sentence"].encode(), capture_output=True)
        dates = json.loads(out.stdout)["extraction"]["dates"] if out.returncode == 0 else []
        sentence = row["sentence"]
        at = sentence.find(row["expression"])
        if at < 0:
            at, width = 0, len(sentence.encode())
        else:
            # spans are byte offsets
            at = len(sentence[:at].encode())
            width = len(row["expression"].encode())
        overlapping = [
            d for d in dates if d["span"]["start"] < at + width and at < d["span"]["end"]
        ]
        ok = any(d["start"] == row["start"] and d["end"] == row["end"] for d in overlapping)
        g = by_grain.setdefault(row["grain"], [0, 0])
        g[1] += 1
        if ok:
            right += 1
            g[0] += 1
        elif not args.quiet:
            got = "; ".join(
                f"{d['text']!r} {d['start']}..{d['end']}" for d in overlapping
            ) or "nothing"
            print(
                f"miss {row['id']:>4} as of {row['as_of']}: {row['expression']!r} "
                f"want {row['start']}..{row['end']} ({row['grain']}), got {got}"
            )
    for grain, (a, n) in sorted(by_grain.items()):
        print(f"  {grain:8} {a}/{n}")
    print(f"read right: {right}/{len(rows)} ({100 * right / max(len(rows), 1):.0f}%)")


if __name__ == "__main__":
    sys.exit(main())
