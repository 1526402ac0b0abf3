import { AppError } from '../errors';

/** A participant's gateway as the portal reaches it from the host, with their basic-auth login. */
export type PortalGateway = { url: string; user: string; password: string };

export type GatewayReply = { status: number; headers: [string, string][]; body: Buffer; truncated: boolean; durationMs: number };

type RequestOptions = { body?: string; headers?: Record<string, string>; auth?: boolean; timeoutMs?: number; maxBytes?: number };

/** An answer's body is read up to this by default (lists of 15 functions are a few KiB). */
const DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * One HTTP call to the gateway, as faas-cli makes it: basic auth on /system/* (the gateway
 * checks it, as OpenFaaS does), a deadline, and a body read only up to `maxBytes` so a
 * function that answers with gigabytes cannot fill the web app's memory.
 */
export async function gatewayRequest(gw: PortalGateway, method: string, path: string, o: RequestOptions = {}): Promise<GatewayReply> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.auth) headers.Authorization = `Basic ${Buffer.from(`${gw.user}:${gw.password}`).toString('base64')}`;
  const ctl = new AbortController();
  const timeoutMs = o.timeoutMs ?? 30_000;
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  const started = performance.now();
  try {
    const res = await fetch(`${gw.url}${path}`, { method, headers, body: o.body, signal: ctl.signal });
    const { body, truncated } = await readCapped(res, o.maxBytes ?? DEFAULT_MAX_BYTES);
    return { status: res.status, headers: [...res.headers], body, truncated, durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    if (ctl.signal.aborted) throw new AppError('timeout', `Your gateway did not answer within ${Math.round(timeoutMs / 1000)} s.`, { hint: 'The function may still be busy; try again, or look at its logs with faas-cli logs in the terminal.' });
    throw new AppError('unavailable', `Could not reach your gateway: ${(err as Error).message}`, { hint: 'Your sandbox may be restarting; wait a few seconds and try again.', cause: err });
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(res: Response, max: number): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
    const room = max - size;
    if (r.value.length > room) {
      chunks.push(Buffer.from(r.value.subarray(0, room)));
      await reader!.cancel();
      return { body: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(Buffer.from(r.value));
    size += r.value.length;
  }
  return { body: Buffer.concat(chunks), truncated: false };
}
