# Closed-loop HTTP load from inside the sandbox network: N workers, each POSTing one request
# after another for D seconds, to one URL. Prints JSON: count, rps, p50/p90/p99 ms, errors.
# Plain python3 (the platform's base image), no third-party modules.
import http.client, json, sys, threading, time
from urllib.parse import urlparse

url, workers, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
u = urlparse(url)
lat, errors, lock = [], [0], threading.Lock()
deadline = time.monotonic() + seconds

def work():
    conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=10)
    mine, bad = [], 0
    while time.monotonic() < deadline:
        t0 = time.perf_counter()
        try:
            conn.request("POST", u.path or "/", body=b"hello", headers={"Content-Type": "text/plain"})
            r = conn.getresponse(); r.read()
            if r.status != 200: bad += 1
            else: mine.append(time.perf_counter() - t0)
        except Exception:
            bad += 1
            conn.close(); conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=10)
    with lock:
        lat.extend(mine); errors[0] += bad

start = time.monotonic()
ts = [threading.Thread(target=work) for _ in range(workers)]
for t in ts: t.start()
for t in ts: t.join()
elapsed = time.monotonic() - start
lat.sort()
pct = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 2) if lat else None
print(json.dumps({"count": len(lat), "rps": round(len(lat) / elapsed, 1), "p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99), "errors": errors[0]}))
