'use client';

import type { ErrorView } from '@/lib/errors';
import type { PortalFunction } from '@/lib/portal/functions';
import type { InvokeRequest, InvokeResult } from '@/lib/portal/invoke';
import type { PortalStoreItem } from '@/lib/portal/store';

export type { PortalFunction, PortalStoreItem, InvokeRequest, InvokeResult };

/** A failed portal call, carrying what went wrong and what to do (the server's ErrorView). */
export class PortalError extends Error {
  constructor(readonly view: ErrorView) { super(view.message); }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: init?.body ? { 'content-type': 'application/json' } : undefined });
  } catch {
    throw new PortalError({ code: 'unavailable', message: 'Could not reach the workshop server.', hint: 'Check your connection; the portal retries by itself.' });
  }
  const body = await res.json().catch(() => ({ error: { code: 'internal', message: `The server answered ${res.status} without a readable body.` } }));
  if (!res.ok) throw new PortalError(body.error);
  return body as T;
}

const fn = (name: string) => `/api/portal/functions/${encodeURIComponent(name)}`;
const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

/** The portal's API (app/api/portal/*): the participant's own gateway, through the web app. */
export const portalApi = {
  functions: () => call<{ functions: PortalFunction[]; maxReplicas: number }>('/api/portal/functions'),
  store: () => call<{ items: PortalStoreItem[] }>('/api/portal/store'),
  deploy: (store: string, name?: string) => call<{ name: string }>('/api/portal/functions', json('POST', name ? { store, name } : { store })),
  invoke: (name: string, req: InvokeRequest) => call<InvokeResult>(`${fn(name)}/invoke`, json('POST', req)),
  scale: (name: string, replicas: number) => call<{ ok: true }>(`${fn(name)}/scale`, json('POST', { replicas })),
  remove: (name: string) => call<{ ok: true }>(fn(name), { method: 'DELETE' }),
};

export const errorView = (err: unknown): ErrorView =>
  err instanceof PortalError ? err.view : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
