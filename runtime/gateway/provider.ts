import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody, readBodyOr413 } from './body';
import { sendText } from './proxy';
import { applyRoutesHeader, ROUTES_HEADER, type Routes } from './routes';

/**
 * The platform's provider API is in the web app on the host: the part of OpenFaaS's provider
 * (faas-swarm) that needs the Docker socket. The host is this container's default gateway
 * (docker_gwbridge), unless provider_url says otherwise.
 */
export function providerBaseUrl(env: Record<string, string | undefined> = process.env, routeTable = '/proc/net/route'): string {
  if (env.provider_url) return env.provider_url.replace(/\/$/, '');
  const gw = defaultGateway(fs.readFileSync(routeTable, 'utf8'));
  if (!gw) throw new Error('no default route: set provider_url');
  return `http://${gw}:${env.provider_port ?? '3000'}/_provider`;
}

/** The default route's gateway from /proc/net/route (little-endian hex). */
export function defaultGateway(table: string): string | null {
  for (const line of table.split('\n').slice(1)) {
    const [, dest, gw] = line.trim().split(/\s+/);
    if (dest === '00000000' && gw && gw !== '00000000') {
      const n = Number.parseInt(gw, 16);
      return [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255].join('.');
    }
  }
  return null;
}

const agent = new http.Agent({ keepAlive: true });
const MAX_SYSTEM_BODY = 256 * 1024;

/**
 * Forward a /system/* call to the provider with the sandbox token, and relay its answer. When
 * a deployment answers with where the new version runs, route there at once (see routes.ts).
 */
/** Rewrites a successful JSON answer before it reaches the client (e.g. to add invocation counts). */
export type Transform = (json: unknown) => Promise<unknown>;

export async function forwardToProvider(base: string, token: string, routes: Routes, req: IncomingMessage, res: ServerResponse, timeoutMs: number, transform?: Transform, streamBody = false): Promise<void> {
  // Buffered with a Content-Length: Node sends no chunked framing for DELETE bodies, and
  // OpenFaaS's DELETE /system/functions carries one. Build uploads (large) stream through.
  const body = streamBody ? null : await readBodyOr413(req, res, MAX_SYSTEM_BODY);
  if (!streamBody && !body) return;
  const length = body ? { 'content-length': body.length } : req.headers['content-length'] ? { 'content-length': req.headers['content-length'] } : { 'transfer-encoding': 'chunked' };
  return new Promise((resolve) => {
    const up = http.request(`${base}${req.url}`, {
      method: req.method,
      agent,
      timeout: timeoutMs,
      headers: { authorization: `Bearer ${token}`, 'content-type': req.headers['content-type'] ?? 'application/json', ...length },
    }, (r) => {
      applyRoutesHeader(r.headers[ROUTES_HEADER], routes);
      const headers = { ...r.headers };
      delete headers[ROUTES_HEADER];
      if (transform && r.statusCode === 200 && String(r.headers['content-type']).startsWith('application/json')) {
        readBody(r, 16 * 1024 * 1024)
          .then((raw) => transform(JSON.parse(raw.toString('utf8'))))
          .then((json) => {
            const text = JSON.stringify(json);
            delete headers['content-length'];
            delete headers['transfer-encoding'];
            res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(text) }).end(text);
          })
          .catch((err) => sendText(res, 502, `Bad answer from the provider: ${(err as Error).message}\n`))
          .finally(resolve);
        return;
      }
      res.writeHead(r.statusCode ?? 502, headers);
      r.pipe(res);
      r.on('end', resolve);
    });
    up.on('timeout', () => up.destroy(new Error(`provider did not answer within ${timeoutMs} ms`)));
    up.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`Provider unavailable: ${err.message}\n`);
      resolve();
    });
    if (body) up.end(body);
    else req.pipe(up);
  });
}

/** Whether the provider knows the function: true/false, or null when it could not be asked. */
export function functionExists(base: string, token: string, name: string, timeoutMs = 5000): Promise<boolean | null> {
  return new Promise((resolve) => {
    const req = http.request(`${base}/system/function/${encodeURIComponent(name)}`, { agent, timeout: timeoutMs, headers: { authorization: `Bearer ${token}` } }, (r) => {
      r.resume();
      resolve(r.statusCode === 200 ? true : r.statusCode === 404 ? false : null);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(null));
    req.end();
  });
}

/** The sandbox's functions and their desired replicas, from the provider (for gateway_service_count). */
export function listReplicas(base: string, token: string, timeoutMs = 5000): Promise<{ name: string; replicas: number }[]> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/system/functions`, { agent, timeout: timeoutMs, headers: { authorization: `Bearer ${token}` } }, (r) => {
      if (r.statusCode !== 200) {
        r.resume();
        return reject(new Error(`provider answered ${r.statusCode}`));
      }
      readBody(r, 16 * 1024 * 1024).then((raw) => {
        const list = JSON.parse(raw.toString('utf8')) as { name?: unknown; replicas?: unknown }[];
        resolve(list.filter((f) => typeof f.name === 'string' && typeof f.replicas === 'number').map((f) => ({ name: f.name as string, replicas: f.replicas as number })));
      }, reject).catch(reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** Deploy a function through the provider (as POST /system/functions); null when accepted, else the provider's text. */
export function deployThroughProvider(base: string, token: string, routes: Routes, body: unknown, timeoutMs = 90_000): Promise<string | null> {
  const text = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(`${base}/system/functions`, {
      method: 'POST', agent, timeout: timeoutMs,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
    }, (r) => {
      applyRoutesHeader(r.headers[ROUTES_HEADER], routes);
      readBody(r, 64 * 1024)
        .then((raw) => resolve(r.statusCode === 200 || r.statusCode === 202 ? null : `${r.statusCode}: ${raw.toString('utf8').trim()}`))
        .catch((err) => resolve((err as Error).message));
    });
    req.on('timeout', () => req.destroy(new Error(`provider did not answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve(err.message));
    req.end(text);
  });
}
