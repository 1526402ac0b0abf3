import http from 'node:http';
import { applyRoutesHeader, ROUTES_HEADER, type Routes } from './routes';

export type WakeResult = 'ready' | 'missing' | 'failed';

/**
 * Ask the provider to bring a function that has no running task (scaled to zero) back to one
 * replica; it answers when the task runs, with the task's address, which is routed to at once.
 * Concurrent requests for the same function share one wake-up.
 */
export function makeWaker(providerUrl: string, token: string, routes: Routes, timeoutMs: number): (name: string) => Promise<WakeResult> {
  const pending = new Map<string, Promise<WakeResult>>();
  const call = (name: string) => new Promise<WakeResult>((resolve) => {
    const req = http.request(`${providerUrl}/system/faaslab/wake/${encodeURIComponent(name)}`, {
      method: 'POST', timeout: timeoutMs, headers: { authorization: `Bearer ${token}`, 'content-length': 0 },
    }, (res) => {
      res.resume();
      applyRoutesHeader(res.headers[ROUTES_HEADER], routes);
      resolve(res.statusCode === 404 ? 'missing' : res.statusCode === 202 || res.statusCode === 200 ? 'ready' : 'failed');
    });
    req.on('timeout', () => req.destroy(new Error('wake timeout')));
    req.on('error', () => resolve('failed'));
    req.end();
  });
  return (name) => {
    let p = pending.get(name);
    if (!p) {
      p = call(name).finally(() => pending.delete(name));
      pending.set(name, p);
    }
    return p;
  };
}
