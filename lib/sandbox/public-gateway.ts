import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AppContext } from '../app-context';
import { isNotFound } from '../docker/not-found';
import { runningGatewayUrl } from './gateway';

/** Path under the web app's own port at which each sandbox's gateway is reachable from outside. */
export const PUBLIC_GATEWAY_PREFIX = '/gateway/';
const SID = /^[a-z0-9]{10}$/;
const cache = new Map<string, { url: string; at: number }>();
const agent = new http.Agent({ keepAlive: true });

/** The participant-facing gateway URL (what OPENFAAS_URL is set to on a laptop). */
export function publicGatewayUrl(origin: string, sid: string): string {
  return `${origin.replace(/\/$/, '')}${PUBLIC_GATEWAY_PREFIX}${sid}`;
}

async function gatewayUrl(ctx: AppContext, sid: string): Promise<string | null> {
  const hit = cache.get(sid);
  if (hit && Date.now() - hit.at < 5000) return hit.url;
  if (!ctx.q.sandbox(sid)) return null;
  const url = await runningGatewayUrl(ctx.engine, ctx.cfg, sid).catch((err) => { if (isNotFound(err)) return null; throw err; });
  if (url) cache.set(sid, { url, at: Date.now() });
  return url;
}

/**
 * Relay /gateway/<sid>/<path> to that sandbox's gateway, so a participant's own faas-cli
 * (OPENFAAS_URL=http://<host>:3000/gateway/<sid>) works against their stack for the commands
 * that keep the URL's path (OpenFaaS's invoke and builder do not: those need the sandbox's own
 * port, see public-ports.ts). Returns false for paths it does not own.
 */
export function handlePublicGateway(ctx: AppContext, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '';
  if (!url.startsWith(PUBLIC_GATEWAY_PREFIX)) return false;
  const rest = url.slice(PUBLIC_GATEWAY_PREFIX.length);
  const slash = rest.search(/[/?]/);
  const sid = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '/' : rest[slash] === '?' ? `/${rest.slice(slash)}` : rest.slice(slash);
  if (!SID.test(sid)) { fail(res, 404, 'No such sandbox gateway.\n'); return true; }
  relayToGateway(ctx, sid, path, req, res);
  return true;
}

function fail(res: ServerResponse, status: number, text: string): void {
  if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain' });
  res.end(text);
}

/**
 * Relay one request to sandbox `sid`'s gateway as `path`, streaming both ways. The gateway
 * itself enforces basic auth on /system/*, as OpenFaaS does; the platform's own routes
 * (/system/faaslab/*) are not reachable from outside.
 */
export function relayToGateway(ctx: AppContext, sid: string, path: string, req: IncomingMessage, res: ServerResponse): void {
  if (path.startsWith('/system/faaslab/')) return fail(res, 404, 'No such route.\n');
  gatewayUrl(ctx, sid).then((base) => {
    if (!base) return fail(res, 503, `The gateway of sandbox ${sid} is not running; open the workshop page to start it.\n`);
    const headers = { ...req.headers };
    delete headers.host;
    const up = http.request(`${base}${path}`, { method: req.method, headers, agent }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', (err) => { cache.delete(sid); fail(res, 502, `Gateway unavailable: ${err.message}\n`); });
    req.pipe(up);
  }, (err) => fail(res, 500, `${(err as Error).message}\n`));
}
