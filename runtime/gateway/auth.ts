import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';

export type Credentials = { user: string; password: string } | null;

/**
 * Basic-auth credentials for /system/*, read once from Swarm secret files as OpenFaaS's
 * gateway does (basic-auth-user, basic-auth-password). Missing files disable auth, which the
 * platform never does (it always mounts both).
 */
export function readCredentials(dir: string): Credentials {
  try {
    const user = fs.readFileSync(path.join(dir, 'basic-auth-user'), 'utf8').trim();
    const password = fs.readFileSync(path.join(dir, 'basic-auth-password'), 'utf8').trim();
    return user && password ? { user, password } : null;
  } catch {
    return null;
  }
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function isAuthorised(req: IncomingMessage, creds: Credentials): boolean {
  if (!creds) return true;
  const m = /^Basic (.+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!m) return false;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i > 0 && same(decoded.slice(0, i), creds.user) && same(decoded.slice(i + 1), creds.password);
}
