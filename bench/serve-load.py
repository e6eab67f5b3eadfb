#!/usr/bin/env python3
"""A bounded load test of `factlint serve`, on 127.0.0.1 only: 2,000 requests from 32
concurrent clients, mixing good checks (the sample draft and short drafts, on kept-alive
connections) with bad requests (malformed, wrong method, unknown path, wrong Host, over
the size cap, half-sent). Every good request must succeed with the right findings and every
bad one get its error status; prints p50/p99 latency of the good ones and the server's
resident memory (after warm-up, at the end, and its peak).

Usage: [ROUNDS=3] bench/serve-load.py [path/to/factlint]   (default target/release/factlint)
The rounds run against one server, so the memory after each shows whether it stays flat.
Not a cargo test: timings on a shared machine are for reading, not for asserting.
"""

import http.client
import json
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/factlint"
TOTAL, CLIENTS = 2000, 32
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = open(os.path.join(ROOT, "fixtures/sample/samarkand-2023-04-14.txt"), encoding="utf-8").read()


def rss(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024  # MB
    return 0


def raw(port, data, half_close=True):
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        s.sendall(data)
        if half_close:
            s.shutdown(socket.SHUT_WR)
        out = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
        return int(out.split(b" ", 2)[1]) if out else 0
    except (ConnectionResetError, BrokenPipeError):
        return -1
    finally:
        s.close()


BAD = [
    (b"GARBAGE\r\n\r\n", 400),
    (b"DELETE /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405),
    (b"GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 404),
    (b"GET /v2/languages HTTP/1.1\r\nHost: evil.example\r\n\r\n", 403),
    (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 11\r\n\r\nlanguage=en", 400),
    (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000000\r\n\r\ntext=", 413),
    (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nlang", 400),  # half-sent
]


def main():
    server = subprocess.Popen([BIN, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    started = time.perf_counter()
    line = server.stdout.readline()
    startup = time.perf_counter() - started
    port = int(re.search(r"127\.0\.0\.1:(\d+)", line).group(1))
    print(f"serve start-up (process start to address printed): {startup * 1000:.0f} ms")
    body_sample = urllib.parse.urlencode({"language": "en-US", "text": SAMPLE})
    body_short = urllib.parse.urlencode({"language": "en-US", "text": "Foreign Minister Qin Gang met Lavrov on Friday, 14 April 2023."})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Host": f"127.0.0.1:{port}"}

    # One sample check on a fresh connection, after one warm-up.
    def one():
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        t = time.perf_counter()
        c.request("POST", "/v2/check", body_sample, headers)
        r = c.getresponse()
        r.read()
        c.close()
        return time.perf_counter() - t

    one()
    singles = sorted(one() for _ in range(20))
    print(f"one sample check over HTTP (new connection each): median {singles[10] * 1000:.1f} ms, min {singles[0] * 1000:.1f} ms")
    warm_rss = rss(server.pid, "VmRSS")

    rounds = int(os.environ.get("ROUNDS", "3"))
    after_round = []
    latencies, failures = [], []
    t0 = time.perf_counter()
    for round_no in range(rounds):
        plan = [("good", body_sample)] * 1000 + [("good", body_short)] * 500 + [("bad", i % len(BAD)) for i in range(500)]
        random.Random(7).shuffle(plan)
        lock = threading.Lock()
        nxt = [0]

        def client():
            conn = None
            while True:
                with lock:
                    if nxt[0] >= len(plan):
                        break
                    kind, what = plan[nxt[0]]
                    nxt[0] += 1
                if kind == "bad":
                    data, want = BAD[what]
                    got = raw(port, data)
                    # Over the cap the server may close before the client has sent it all.
                    if got != want and not (want == 413 and got == -1):
                        with lock:
                            failures.append(f"bad request {data[:30]!r}: got {got}, wanted {want}")
                    continue
                t = time.perf_counter()
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    conn.request("POST", "/v2/check", what, headers)
                    r = conn.getresponse()
                    payload = r.read()
                    ok = r.status == 200 and (what is not body_sample or len(json.loads(payload)["matches"]) == 2)
                except (OSError, http.client.HTTPException) as e:
                    ok, payload, conn = False, str(e).encode(), None
                dt = time.perf_counter() - t
                with lock:
                    latencies.append(dt)
                    if not ok:
                        failures.append(f"good request failed: {payload[:200]!r}")

        peak_during = [0]

        def watch():
            while server.poll() is None and nxt[0] < len(plan):
                peak_during[0] = max(peak_during[0], rss(server.pid, "VmRSS"))
                time.sleep(0.05)

        threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
        w = threading.Thread(target=watch)
        w.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        w.join()
        after_round.append(rss(server.pid, "VmRSS"))
    wall = time.perf_counter() - t0
    alive = raw(port, f"GET /v2/healthcheck HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()) == 200
    end_rss, hwm = rss(server.pid, "VmRSS"), rss(server.pid, "VmHWM")
    server.terminate()
    server.wait(timeout=10)
    latencies.sort()
    q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
    print(f"{rounds} rounds of {TOTAL} requests from {CLIENTS} clients in {wall:.1f} s ({rounds * TOTAL / wall:.0f} requests/s); "
          f"{len(latencies)} good, {rounds * TOTAL - len(latencies)} bad")
    print("server memory after each round (MB): " + ", ".join(str(m) for m in after_round))
    print(f"good requests: p50 {q(0.50):.1f} ms, p99 {q(0.99):.1f} ms, max {latencies[-1] * 1000:.1f} ms")
    print(f"server memory: {warm_rss} MB after warm-up, {end_rss} MB at the end, peak {hwm} MB (largest seen during the run {peak_during[0]} MB)")
    print(f"server still answering: {alive}")
    if failures or not alive:
        print(f"{len(failures)} failures, e.g.:", *failures[:5], sep="\n  ")
        sys.exit(1)


main()
