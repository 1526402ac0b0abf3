import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { GatewayConfig } from './config';
import { readBody, readBodyOr413 } from './body';
import type { Activity } from './activity';
import type { GatewayMetrics } from './metrics';
import type { WakeResult } from './wake';
import type { Balancer } from './resolve';
import { FUNCTION_NAME_RULE, isValidFunctionName } from './names';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const RETRYABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ECONNRESET', 'ENETUNREACH', 'ECONNTIMEOUT']);
/** A task that just went away leaves an address nobody answers (no RST on the overlay). */
const CONNECT_TIMEOUT_MS = 300; // same-host overlay: a live task connects in well under 1 ms
/** Answers up to this size (with a Content-Length) are relayed in one write. */
const SMALL_ANSWER = 64 * 1024;
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

type Upstream = { status: number; headers: http.IncomingHttpHeaders; body: NodeJS.ReadableStream };

function forward(addr: string, cfg: GatewayConfig, req: IncomingMessage, path: string, body: Buffer, extra: Record<string, string>): Promise<Upstream> {
  const headers: http.OutgoingHttpHeaders = { ...req.headers, ...extra, 'content-length': body.length };
  for (const h of HOP_BY_HOP) delete headers[h];
  return new Promise((resolve, reject) => {
    const up = http.request({ host: addr, port: cfg.functionPort, method: req.method, path, headers, agent, timeout: cfg.upstreamTimeoutMs }, (r) =>
      resolve({ status: r.statusCode ?? 502, headers: r.headers, body: r }),
    );
    up.on('timeout', () => up.destroy(Object.assign(new Error('upstream timeout'), { code: 'ETIMEDOUT' })));
    up.on('socket', (socket) => {
      socket.setNoDelay(true);
      if (!socket.connecting) return;
      const timer = setTimeout(() => up.destroy(Object.assign(new Error('connect timeout'), { code: 'ECONNTIMEOUT' })), CONNECT_TIMEOUT_MS);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    up.on('error', reject);
    up.end(body);
  });
}

/**
 * Proxy one invocation to a function, as OpenFaaS's gateway does: adds X-Call-Id and
 * X-Start-Time, keeps method, sub-path, query, headers and body. A function that is still
 * starting (no DNS entry yet, or refusing connections) is retried until cfg.startWaitMs.
 */
export async function proxyToFunction(
  req: IncomingMessage,
  res: ServerResponse,
  target: { name: string; rest: string },
  cfg: GatewayConfig,
  balancer: Balancer,
  opts: { metrics?: GatewayMetrics; activity?: Activity; wake?: (name: string) => Promise<WakeResult> } = {},
): Promise<void> {
  const { metrics, activity, wake } = opts;
  if (!isValidFunctionName(target.name)) {
    return sendText(res, 400, `Invalid function name "${target.name}": use ${FUNCTION_NAME_RULE}.\n`);
  }
  const counted = (status: number) => metrics?.observe(target.name, status, Number(process.hrtime.bigint() - start) / 1e9);
  const start = process.hrtime.bigint();
  const body = await readBodyOr413(req, res, cfg.maxBodyBytes);
  if (!body) return;
  const callId = (req.headers['x-call-id'] as string | undefined) ?? randomUUID();
  metrics?.started.inc({ function_name: target.name });
  activity?.touch(target.name);
  const extra = {
    'x-call-id': callId,
    'x-start-time': String(BigInt(Date.now()) * 1_000_000n),
    'x-forwarded-for': req.socket.remoteAddress ?? '',
    'x-forwarded-host': req.headers.host ?? '',
  };
  let deadline = Date.now() + cfg.startWaitMs;
  let lastError = 'not found';
  let woken = false;
  for (;;) {
    let addr = balancer.pickKnown(target.name);
    if (addr === undefined) addr = await balancer.pick(target.name);
    if (!addr && wake && !woken) {
      // No running task: the function may be scaled to zero. Hold the request while the
      // provider brings one replica back (or says there is no such function).
      woken = true;
      if ((await wake(target.name)) === 'missing') return sendText(res, 404, `Function "${target.name}" not found.\n`);
      deadline = Date.now() + cfg.startWaitMs;
      addr = await balancer.pick(target.name);
    }
    if (addr) {
      try {
        const up = await forward(addr, cfg, req, target.rest, body, extra);
        const headers: http.OutgoingHttpHeaders = { ...up.headers, 'x-call-id': callId };
        for (const h of HOP_BY_HOP) delete headers[h];
        if (!headers['x-duration-seconds']) headers['x-duration-seconds'] = (Number(process.hrtime.bigint() - start) / 1e9).toFixed(6);
        res.on('finish', () => counted(up.status));
        const length = Number(up.headers['content-length']);
        if (length <= SMALL_ANSWER) {
          // The usual small answer: one write for head and body instead of a stream pipe.
          const answer = await readBody(up.body as IncomingMessage, SMALL_ANSWER);
          res.writeHead(up.status, headers).end(answer);
          return;
        }
        res.writeHead(up.status, headers);
        up.body.pipe(res);
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (code === 'ETIMEDOUT') { counted(504); return sendText(res, 504, `Function "${target.name}" did not answer within ${cfg.upstreamTimeoutMs} ms.\n`); }
        if (!RETRYABLE.has(code)) { counted(502); return sendText(res, 502, `Function "${target.name}" failed: ${(err as Error).message}\n`); }
        lastError = code;
        balancer.forget(target.name);
        if (wake && !woken) {
          // DNS may still list a task that has gone (scaled to zero moments ago): wake it now.
          woken = true;
          if ((await wake(target.name)) === 'missing') return sendText(res, 404, `Function "${target.name}" not found.\n`);
          deadline = Date.now() + cfg.startWaitMs;
          continue;
        }
      }
    }
    if (Date.now() >= deadline) break;
    await sleep(50);
  }
  if (lastError === 'not found') return sendText(res, 404, `Function "${target.name}" not found.\n`);
  counted(502);
  return sendText(res, 502, `Function "${target.name}" is not ready (${lastError}) after ${cfg.startWaitMs} ms; try again shortly.\n`);
}
