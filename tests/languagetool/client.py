"""LanguageTool's own Python client (language_tool_python, remote-server mode) against
`factlint serve` on loopback: the sample's two findings at the right offsets, also after
emoji. Run by tests/languagetool/run.sh."""

import re
import subprocess
import sys

import language_tool_python

binary, sample_path = sys.argv[1], sys.argv[2]
server = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    line = server.stdout.readline()
    url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
    print("factlint serve at", url)
    tool = language_tool_python.LanguageTool("en-US", remote_server=url)
    text = open(sample_path, encoding="utf-8").read()
    for prefix in ["", "🗞️📰 Breaking 🇺🇿 news: "]:
        draft = prefix + text
        matches = tool.check(draft)
        got = [(m.rule_id, draft[m.offset : m.offset + m.error_length]) for m in matches]
        print(got)
        assert got == [
            ("date/event-date-mismatch", "20-21 March 2023"),
            ("stance/contradicts-record", "opposed the democratization of international relations"),
        ], got
        assert matches[0].replacements == ["20-22 March 2023"], matches[0].replacements
        assert matches[0].category == "FACTLINT"
        assert "source: http" in matches[0].message
    # A correction applied by the client's own helper gives a draft with one finding left.
    fixed = language_tool_python.utils.correct(text, tool.check(text)[:1])
    assert "20-22 March 2023" in fixed
    assert len(tool.check(fixed)) == 1
    tool.close()
    print("language_tool_python: ok")
finally:
    server.terminate()
    server.wait(timeout=10)
