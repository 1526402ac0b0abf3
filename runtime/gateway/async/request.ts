import type { IncomingHttpHeaders } from 'node:http';

/** One queued asynchronous invocation, as it travels through NATS (the body is the message data). */
export type QueuedRequest = {
  fn: string;
  /** Sub-path and query after /async-function/<name>, e.g. `/` or `/items?x=1`. */
  path: string;
  method: string;
  /** The caller's headers, minus hop-by-hop ones and the ones the gateway sets itself. */
  headers: Record<string, string>;
  callId: string;
  callbackUrl: string | null;
  /** When the gateway accepted it (ms since the epoch). */
  queuedAt: number;
};

/** The NATS header that carries a QueuedRequest (JSON on one line). */
export const REQUEST_HEADER = 'Faaslab-Request';

const DROP = new Set([
  'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer',
  'content-length', 'host', 'x-callback-url', 'x-call-id', 'authorization',
]);

/**
 * The headers worth replaying to the function later. Authorization is dropped: OpenFaaS's
 * /async-function needs none, and a queue is no place to keep someone's credentials.
 */
export function replayableHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || DROP.has(k)) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export type CallbackCheck = { ok: true; url: string } | { ok: false; reason: string };

/** X-Callback-Url must be an absolute http(s) URL; anything else is refused before queueing. */
export function checkCallbackUrl(raw: string | string[] | undefined): CallbackCheck | null {
  if (raw === undefined || raw === '') return null;
  const value = Array.isArray(raw) ? raw[0] : raw;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch { /* refused below */ }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return { ok: true, url: url.toString() };
  return { ok: false, reason: `X-Callback-Url "${value}" is not an absolute http(s) URL (e.g. http://gateway:8080/function/receiver).` };
}

export function encodeRequest(r: QueuedRequest): string {
  return JSON.stringify(r);
}

/** Parse a queued request; null when the header is missing or not one of ours (the message is dropped). */
export function decodeRequest(raw: string | undefined): QueuedRequest | null {
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as QueuedRequest;
    if (typeof r.fn !== 'string' || typeof r.path !== 'string' || typeof r.method !== 'string' || typeof r.callId !== 'string') return null;
    return { ...r, headers: r.headers ?? {}, callbackUrl: r.callbackUrl ?? null };
  } catch {
    return null;
  }
}
