#!/usr/bin/env bash
# Run factlint on real published HTML pages that no one here wrote: the article pages
# newspaper4k (PyPI, MIT) ships as test data, tests/data/html/*.html in its sdist. Prints
# the findings, checks that every span lands on text (not inside a tag, script, style or
# comment) and that its text is what the diagnostic quotes, and counts the words read.
# Usage: bench/html-pages.sh [FACTLINT]   (default target/release/factlint)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-target/release/factlint}"
CACHE="${NEWS_CORPUS_CACHE:-/tmp/factlint-news-cache}"
mkdir -p "$CACHE/pypi"
if ! ls "$CACHE/pypi/" | grep -q '^newspaper4k-0.9.6.tar.gz$'; then
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --no-binary=:all: \
    -d "$CACHE/pypi" newspaper4k==0.9.6 >&2
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
tar -xzf "$CACHE/pypi/newspaper4k-0.9.6.tar.gz" -C "$WORK" newspaper4k-0.9.6/tests/data/html
PAGES="$WORK/newspaper4k-0.9.6/tests/data/html"
set +e
"$BIN" check "$PAGES" --format json --fail-on info > "$WORK/out.json"
set -e
python3 - "$WORK/out.json" "$PAGES" <<'PY'
import html.parser, json, os, re, sys
out, pages = sys.argv[1], sys.argv[2]
d = json.load(open(out))
SKIP = {"script", "style", "pre", "code", "head", "title", "template", "textarea", "svg", "math",
        "noscript", "select", "kbd", "samp", "var", "iframe", "object"}

class Words(html.parser.HTMLParser):
    """An independent count of the words factlint should read (Python's own parser)."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.words = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
    def handle_data(self, data):
        if not self.stack:
            self.words += len(re.findall(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?", data))

words = 0
for name in sorted(os.listdir(pages)):
    w = Words()
    w.feed(open(os.path.join(pages, name), encoding="utf-8", errors="replace").read())
    words += w.words
bad = 0
spans = 0
for f in d["findings"]:
    text = open(os.path.join(pages, os.path.basename(f["path"])), "rb").read().decode("utf-8", "replace")
    raw = open(os.path.join(pages, os.path.basename(f["path"])), "rb").read()
    for s in [f["span"]] + [l["span"] for l in f["labels"]]:
        spans += 1
        before = raw[: s["start"]].decode("utf-8", "replace")
        piece = raw[s["start"]: s["end"]].decode("utf-8", "replace")
        in_tag = before.rfind("<") > before.rfind(">")
        in_comment = before.rfind("<!--") > before.rfind("-->")
        opened = max(before.rfind("<script"), before.rfind("<style"))
        in_code = opened > max(before.rfind("</script"), before.rfind("</style"))
        if in_tag or in_comment or in_code or "<" in piece or not piece.strip():
            bad += 1
            print("BAD SPAN", f["path"], s, repr(piece))
    print(f'{os.path.basename(f["path"])}:{f["start"]["line"]}: {f["rule"]}: {raw[f["span"]["start"]:f["span"]["end"]].decode()!r}: {f["message"]}')
print(f"{len(d['findings'])} findings on {len(d['files'])} pages, {words} words read; "
      f"{spans} spans checked, {bad} not on the page's text")
sys.exit(1 if bad else 0)
PY
