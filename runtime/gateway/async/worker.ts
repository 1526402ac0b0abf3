import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { SandboxScope } from '../sandbox-dns';
import { callbackTarget } from './callback';
import type { QueuedRequest } from './request';

export type WorkerConfig = {
  /** This gateway's own port: queued calls go through /function/<name> like any other (metrics, wake-up, balancing). */
  gatewayPort: number;
  timeoutMs: number;
  maxResultBytes: number;
  /** The sandbox network: callbacks go there (or to this gateway) and nowhere else. */
  scope: SandboxScope;
};

type Result = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; seconds: number };

/** Send to `address` (already checked), naming `url`'s host only in the Host header and for TLS. */
function send(url: URL, address: string, port: number, method: string, headers: Record<string, string | number>, body: Uint8Array, timeoutMs: number, maxBytes: number): Promise<Result> {
  const started = process.hrtime.bigint();
  const lib = url.protocol === 'https:' ? https : http;
  const auth = url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
  return new Promise((resolve, reject) => {
    const req = lib.request({
      host: address, port, path: `${url.pathname}${url.search}`, method, auth, timeout: timeoutMs,
      servername: url.protocol === 'https:' && !isIP(url.hostname) ? url.hostname : undefined,
      headers: { ...headers, host: url.host, 'content-length': body.length },
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= maxBytes) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Run one queued invocation, as OpenFaaS's queue-worker does: call the function through the
 * gateway, then POST its answer to X-Callback-Url (if any) with X-Call-Id, X-Function-Name,
 * X-Function-Status and X-Duration-Seconds. A failing function is a result, not a retry; a
 * callback that fails is logged and dropped (the invocation is not repeated), and one outside
 * the sandbox (see callback.ts) is refused with a log line, never contacted. Throws only when
 * the gateway itself could not be reached (then NATS delivers the request again).
 */
export async function runQueued(req: QueuedRequest, body: Uint8Array, cfg: WorkerConfig, log: (line: string) => void = console.log): Promise<void> {
  const waited = ((Date.now() - req.queuedAt) / 1000).toFixed(3);
  const url = new URL(`http://127.0.0.1:${cfg.gatewayPort}/function/${encodeURIComponent(req.fn)}${req.path}`);
  const result = await send(url, '127.0.0.1', cfg.gatewayPort, req.method, { ...req.headers, 'x-call-id': req.callId }, body, cfg.timeoutMs, cfg.maxResultBytes);
  log(`async: invoked ${req.fn} [${result.status}] in ${result.seconds.toFixed(3)}s (queued ${waited}s) call ${req.callId}`);
  if (!req.callbackUrl) return;
  const headers: Record<string, string> = {
    'x-call-id': req.callId,
    'x-function-name': req.fn,
    'x-function-status': String(result.status),
    'x-duration-seconds': String(result.headers['x-duration-seconds'] ?? result.seconds.toFixed(6)),
    'content-type': String(result.headers['content-type'] ?? 'application/octet-stream'),
  };
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= CALLBACK_ATTEMPTS;
    try {
      const target = await callbackTarget(req.callbackUrl, cfg.gatewayPort, cfg.scope);
      if (!target.ok && !target.retry) {
        log(`async: refused callback to ${req.callbackUrl} for ${req.fn}: ${target.reason} call ${req.callId}`);
        return;
      }
      if (!target.ok) throw new Error(target.reason);
      const cb = await send(target.url, target.address, target.port, 'POST', headers, result.body, cfg.timeoutMs, 64 * 1024);
      log(`async: posted result of ${req.fn} to ${req.callbackUrl} [${cb.status}] call ${req.callId}`);
      return;
    } catch (err) {
      log(`async: callback to ${req.callbackUrl} for ${req.fn} failed: ${(err as Error).message}${last ? '; giving up' : '; retrying'} call ${req.callId}`);
      if (last) return;
    }
    await new Promise((r) => setTimeout(r, 1000 * attempt));
  }
}

const CALLBACK_ATTEMPTS = 3;
