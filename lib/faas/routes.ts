import { fetchWithTimeout } from '../http/fetch-timeout';

/**
 * Tell a sandbox gateway to route `name` only to these addresses for `ttlMs` (the platform-only
 * API in runtime/gateway/platform-api.ts). Resolves false if the gateway would not take it.
 */
export async function pushRoute(gatewayUrl: string, token: string, name: string, addresses: string[], ttlMs = 10_000): Promise<boolean> {
  try {
    const res = await fetchWithTimeout(`${gatewayUrl}/system/faaslab/routes/${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ addresses, ttlMs }),
    }, 2000);
    return res.status === 204;
  } catch {
    return false;
  }
}
