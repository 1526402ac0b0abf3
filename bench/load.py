# Closed-loop HTTP load from inside the sandbox network: N workers, each POSTing one request
# after another for D seconds. With several URLs each worker takes them in turn, request by
# request, so every path sees the same conditions (drift of the machine hits all alike).
# Prints JSON: {url: {count, rps, p50, p90, p99, errors}} (rps counts that URL's requests only).
# Plain python3 (the platform's base image), no third-party modules.
import http.client, json, sys, threading, time
from urllib.parse import urlparse

workers, seconds, urls = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]
lat = {u: [] for u in urls}
errors = {u: 0 for u in urls}
lock = threading.Lock()
deadline = time.monotonic() + seconds

def connect(u):
    p = urlparse(u)
    return http.client.HTTPConnection(p.hostname, p.port or 80, timeout=10)

def work(offset):
    conns = {u: connect(u) for u in urls}
    mine, bad = {u: [] for u in urls}, {u: 0 for u in urls}
    k = offset
    while time.monotonic() < deadline:
        u = urls[k % len(urls)]; k += 1
        t0 = time.perf_counter()
        try:
            conns[u].request("POST", urlparse(u).path or "/", body=b"hello", headers={"Content-Type": "text/plain"})
            r = conns[u].getresponse(); r.read()
            if r.status != 200: bad[u] += 1
            else: mine[u].append(time.perf_counter() - t0)
        except Exception:
            bad[u] += 1
            conns[u].close(); conns[u] = connect(u)
    with lock:
        for u in urls:
            lat[u].extend(mine[u]); errors[u] += bad[u]

start = time.monotonic()
ts = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
for t in ts: t.start()
for t in ts: t.join()
elapsed = time.monotonic() - start

def summary(u):
    xs = sorted(lat[u])
    pct = lambda p: round(xs[min(len(xs) - 1, int(p * len(xs)))] * 1000, 2) if xs else None
    return {"count": len(xs), "rps": round(len(xs) / elapsed, 1), "p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99), "errors": errors[u]}

print(json.dumps({u: summary(u) for u in urls}))
