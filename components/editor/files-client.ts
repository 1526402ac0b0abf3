'use client';

import type { ErrorView } from '@/lib/errors';

/** The workspace file API (app/api/workspace/*) from the browser; every failure is an ErrorView with what to do. */
export type TreeEntry = { path: string; type: 'file' | 'dir' | 'symlink' | 'other'; size: number };
export type TextFile = { path: string; content: string; version: string };
export type OpenedFile = TextFile | { path: string; binary: true; size: number; version: string };
export type SaveResult = { ok: true; version: string } | { ok: false; error: ErrorView; current?: { content: string; version: string } | null };

export class FileApiError extends Error {
  constructor(readonly view: ErrorView, readonly status: number) { super(view.message); }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: init?.body ? { 'content-type': 'application/json' } : undefined });
  const body = await res.json().catch(() => ({ error: { code: 'internal', message: `The server answered ${res.status} without a readable body.` } }));
  if (!res.ok) throw new FileApiError(body.error, res.status);
  return body as T;
}

const q = (path: string) => `?path=${encodeURIComponent(path)}`;

export const fileApi = {
  tree: () => call<{ entries: TreeEntry[]; truncated: boolean }>('/api/workspace/tree'),
  read: (path: string) => call<OpenedFile>(`/api/workspace/file${q(path)}`),
  async save(path: string, content: string, baseVersion: string | null, force = false): Promise<SaveResult> {
    const res = await fetch('/api/workspace/file', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path, content, baseVersion, force }) });
    const body = await res.json().catch(() => ({}));
    if (res.ok) return { ok: true, version: body.version };
    return { ok: false, error: body.error ?? { code: 'internal', message: `Saving failed (HTTP ${res.status}).` }, current: res.status === 409 ? body.current ?? null : undefined };
  },
  mkdir: (path: string) => call<{ ok: true }>('/api/workspace/entry', { method: 'POST', body: JSON.stringify({ op: 'mkdir', path }) }),
  rename: (from: string, to: string) => call<{ ok: true }>('/api/workspace/entry', { method: 'POST', body: JSON.stringify({ op: 'rename', from, to }) }),
  remove: (path: string) => call<{ ok: true }>(`/api/workspace/file${q(path)}`, { method: 'DELETE' }),
};

export const isText = (f: OpenedFile): f is TextFile => !('binary' in f);
