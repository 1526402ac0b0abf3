import http from 'node:http';
import type { AppContext } from '../../lib/app-context';
import { handleProviderRequest } from '../../lib/provider/api';

/**
 * The provider API on its own HTTP server, as server.ts serves it, for tests that have no web
 * app running. Listens on all interfaces: gateways reach it through their default route.
 */
export async function startProviderServer(getCtx: () => AppContext): Promise<{ port: number; close: () => void }> {
  const server = http.createServer((req, res) => {
    if (!handleProviderRequest(getCtx(), req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}
