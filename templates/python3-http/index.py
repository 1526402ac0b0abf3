# The python3-http entry point, after openfaas/python-flask-template (template/python3-http/index.py,
# MIT licence), re-written on Python's standard library because Flask and waitress cannot be
# installed offline. Same contract: handle(event, context) with event.body/.headers/.method/
# .query/.path, returning {"statusCode", "body", "headers"}.
import json
import os
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from function import handler

PORT = int(os.getenv("http_port", "5000"))


class Query(dict):
    """The query string: q["x"] and q.get("x") give the first value, q.getlist("x") all of them
    (as Flask's request.args does)."""

    def __init__(self, pairs):
        super().__init__()
        self._lists = {}
        for key, value in pairs:
            self._lists.setdefault(key, []).append(value)
            self.setdefault(key, value)

    def getlist(self, key):
        return list(self._lists.get(key, []))


class Event:
    def __init__(self, method, path, query, headers, body):
        self.body = body  # bytes, as Flask's request.get_data()
        self.headers = headers  # case-insensitive: event.headers.get("content-type")
        self.method = method
        self.query = query
        self.path = path


class Context:
    def __init__(self):
        self.hostname = os.getenv("HOSTNAME", "localhost")


def format_response(res):
    """Handler result -> (status, headers, body bytes)."""
    if res is None:
        return 200, {}, b""
    if isinstance(res, tuple):  # Flask also accepts (body, status) and (body, status, headers)
        body, status, headers = (list(res) + [200, {}])[:3]
        res = {"body": body, "statusCode": status, "headers": headers}
    if not isinstance(res, dict):
        res = {"body": res}
    status = int(res.get("statusCode", 200))
    headers = dict(res.get("headers") or {})
    declared = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
    body = res.get("body", "")
    if isinstance(body, (dict, list)):
        data, default_type = json.dumps(body).encode(), "application/json"
    elif isinstance(body, (bytes, bytearray)):
        data, default_type = bytes(body), "application/octet-stream"
    elif body is None:
        data, default_type = b"", "text/plain; charset=utf-8"
    else:
        data, default_type = str(body).encode(), "text/plain; charset=utf-8"
    if declared is None and data:
        headers["Content-Type"] = default_type
    return status, headers, data


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive with the watchdog
    server_version = "python3-http"

    def read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def serve(self):
        url = urlsplit(self.path)
        event = Event(self.command, url.path, Query(parse_qsl(url.query, keep_blank_values=True)), self.headers, self.read_body())
        try:
            status, headers, data = format_response(handler.handle(event, Context()))
        except Exception:
            trace = traceback.format_exc()
            sys.stderr.write(trace)
            status, headers, data = 500, {"Content-Type": "text/plain; charset=utf-8"}, ("Internal Server Error\n" + trace).encode()
        self.send_response(status)
        for key, value in headers.items():
            if key.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(key, str(value))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = serve

    def log_message(self, format, *args):
        pass  # the watchdog logs every request already


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    Server(("127.0.0.1", PORT), Handler).serve_forever()
