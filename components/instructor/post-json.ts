import type { ErrorView } from '@/lib/errors';

export type Posted<T> = { ok: true; value: T } | { ok: false; error: ErrorView };

/** POST a form's values as JSON to one of our APIs (or DELETE); its `{ error }` (or a network failure) as an ErrorView. */
export const postJson = <T>(url: string, body: unknown, method: 'POST' | 'DELETE' = 'POST'): Promise<Posted<T>> =>
  callJson<T>(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** GET one of our APIs' JSON (never cached), answered as postJson answers. */
export const getJson = <T>(url: string): Promise<Posted<T>> => callJson<T>(url, { cache: 'no-store' });

async function callJson<T>(url: string, init: RequestInit): Promise<Posted<T>> {
  try {
    const res = await fetch(url, init);
    const json = await res.json().catch(() => null);
    if (res.ok) return { ok: true, value: json as T };
    return { ok: false, error: json?.error ?? { code: 'internal', message: `The server answered ${res.status}.`, hint: 'Try again in a moment.' } };
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'The server could not be reached.', hint: 'Check your connection and try again.' } };
  }
}
