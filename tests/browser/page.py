"""The page of `factlint serve` in a real browser: headless Chromium (Debian's `chromium`)
driven over the DevTools protocol on a pipe (no extra packages). It opens the page, loads
the sample, checks that the two findings are underlined over the right words in their
severity's colour, opens one, applies its fix, sees one finding left, and saves a
screenshot. Loopback only. Run by tests/browser/run.sh."""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

binary, screenshot = sys.argv[1], sys.argv[2]
chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if not chromium:
    sys.exit("no chromium on PATH (apt-get install chromium)")


class Browser:
    def __init__(self):
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Move the child's ends out of the way before placing them at 3 and 4.
        a, b = os.dup(to_browser_r), os.dup(from_browser_w)
        hi_a, hi_b = 200, 201
        os.dup2(a, hi_a)
        os.dup2(b, hi_b)

        def place():
            os.dup2(hi_a, 3)
            os.dup2(hi_b, 4)

        self.profile = tempfile.mkdtemp(prefix="factlint-chromium-")
        self.proc = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-sync", "--disable-dev-shm-usage",
             f"--user-data-dir={self.profile}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=place, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in (to_browser_r, from_browser_w, a, b, hi_a, hi_b):
            os.close(fd)
        self.w = os.fdopen(to_browser_w, "wb")
        self.r = os.fdopen(from_browser_r, "rb")
        self.buf = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        self.w.write(json.dumps(msg).encode() + b"\0")
        self.w.flush()
        while True:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def read(self):
        while b"\0" not in self.buf:
            chunk = self.r.read1(65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def js(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.1)
        raise RuntimeError(f"timed out waiting for {expression}")

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


server = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
browser = None
try:
    url = re.search(r"http://127\.0\.0\.1:\d+/", server.stdout.readline()).group(0)
    browser = Browser()
    target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
    browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 1100, "deviceScaleFactor": 1, "mobile": False})
    browser.send("Page.enable")
    browser.send("Page.navigate", {"url": url})
    browser.wait_for("document.readyState === 'complete' && !!document.getElementById('sample')")

    browser.js("document.getElementById('sample').click()")
    browser.wait_for("document.querySelectorAll('#view .finding').length === 2")
    underlined = browser.js("""[...document.querySelectorAll('#view .finding')].map(e => ({
        text: e.textContent, rule: e.dataset.rule, error: e.classList.contains('error'),
        colour: getComputedStyle(e).textDecorationColor, line: getComputedStyle(e).textDecorationLine }))""")
    print(json.dumps(underlined, indent=1))
    assert [u["text"] for u in underlined] == ["20-21 March 2023", "opposed the democratization of international relations"], underlined
    assert [u["rule"] for u in underlined] == ["date/event-date-mismatch", "stance/contradicts-record"], underlined
    assert all(u["error"] and u["line"] == "underline" and u["colour"] == "rgb(196, 20, 27)" for u in underlined), underlined
    counts = browser.js("document.querySelector('#summary .counts').textContent")
    assert "2 errors" in counts, counts
    assert "14 April 2023" in browser.js("document.getElementById('asof-used').textContent")
    claims = browser.js("document.getElementById('consistent').textContent")
    assert "Sergey Lavrov, foreign minister of Russia on 14 April 2023" in claims, claims

    # Open the date finding: message, notes with the source as a link, and the fix.
    browser.js("document.querySelector('#view .finding[data-rule=\"date/event-date-mismatch\"]').click()")
    browser.wait_for("!document.getElementById('detail').hidden && !!document.getElementById('apply')")
    links = browser.js("[...document.querySelectorAll('#detail .notes a')].map(a => a.href)")
    assert any(l.startswith("http://en.people.cn/") for l in links), links
    browser.send("Page.captureScreenshot", {"format": "png"})  # the page settles
    shot = browser.send("Page.captureScreenshot", {"format": "png"})
    with open(screenshot, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    print("screenshot:", screenshot)

    browser.js("document.getElementById('apply').click()")
    browser.wait_for("document.querySelectorAll('#view .finding').length === 1 && document.getElementById('view').textContent.includes('20-22 March 2023')")
    left = browser.js("[...document.querySelectorAll('#view .finding')].map(e => e.dataset.rule)")
    assert left == ["stance/contradicts-record"], left
    print("browser page test: ok")
finally:
    if browser:
        browser.close()
    server.terminate()
    server.wait(timeout=10)
