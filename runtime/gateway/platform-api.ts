import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, BodyTooLarge } from './body';
import { isValidFunctionName } from './names';
import { sendText } from './proxy';
import type { Routes } from './routes';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const MAX_TTL_MS = 30_000;

function authorised(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(String(req.headers.authorization ?? ''));
  const want = Buffer.from(`Bearer ${token}`);
  return token.length > 0 && given.length === want.length && timingSafeEqual(given, want);
}

/**
 * FaaS Lab's own, platform-only API (not OpenFaaS's): PUT /system/faaslab/routes/<name> with
 * {"addresses": [...], "ttlMs": n}. Authorised by a per-sandbox token that only the web app
 * holds (participants know their basic-auth credentials, never this token).
 */
export async function routesHandler(req: IncomingMessage, res: ServerResponse, name: string, token: string, routes: Routes): Promise<void> {
  if (!authorised(req, token)) return sendText(res, 401, 'Unauthorized\n');
  if (req.method !== 'PUT') return sendText(res, 405, 'Method not allowed\n');
  if (!isValidFunctionName(name)) return sendText(res, 400, 'Invalid function name\n');
  let parsed: { addresses?: unknown; ttlMs?: unknown };
  try {
    parsed = JSON.parse((await readBody(req, 16 * 1024)).toString('utf8'));
  } catch (err) {
    return sendText(res, err instanceof BodyTooLarge ? 413 : 400, 'Expected a small JSON body\n');
  }
  const addresses = parsed.addresses;
  const ttl = Number(parsed.ttlMs ?? 10_000);
  // An empty list means "no task runs now" (e.g. just scaled to zero): calls wake it at once.
  if (!Array.isArray(addresses) || !addresses.every((a) => typeof a === 'string' && IPV4.test(a))) {
    return sendText(res, 400, 'addresses must be a list of IPv4 addresses\n');
  }
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > MAX_TTL_MS) return sendText(res, 400, `ttlMs must be 1..${MAX_TTL_MS}\n`);
  routes.set(name, addresses as string[], ttl);
  res.writeHead(204).end();
}

/** FaaS Lab platform-only: GET /system/faaslab/activity → {"<function>": ms since last call}. */
export function activityHandler(req: IncomingMessage, res: ServerResponse, token: string, idle: Record<string, number>): void {
  if (!authorised(req, token)) return sendText(res, 401, 'Unauthorized\n');
  const body = JSON.stringify(idle);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
