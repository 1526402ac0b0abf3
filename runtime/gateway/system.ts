import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAuthorised, type Credentials } from './auth';
import type { GatewayMetrics } from './metrics';
import { forwardToProvider, type Transform } from './provider';
import { NAMESPACE } from './namespace';
import { sendText } from './proxy';
import type { Routes } from './routes';

export const VERSION = { release: '0.1.0', sha: 'faaslab', commit_message: 'FaaS Lab gateway' };

export type SystemDeps = { creds: Credentials; providerUrl: string; token: string; routes: Routes; timeoutMs: number; metrics: GatewayMetrics };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** OpenFaaS's /system/* routes: basic auth, then answered here or by the platform's provider. */
export async function handleSystem(req: IncomingMessage, res: ServerResponse, deps: SystemDeps): Promise<void> {
  if (!isAuthorised(req, deps.creds)) {
    res.setHeader('WWW-Authenticate', 'Basic realm="Restricted"');
    return sendText(res, 401, 'Unauthorized\n');
  }
  const path = (req.url ?? '').split('?')[0];
  if (path === '/system/info' && req.method === 'GET') {
    return sendJson(res, 200, {
      provider: { provider: 'faaslab-swarm', orchestration: 'swarm', version: VERSION },
      version: VERSION,
      arch: process.arch === 'x64' ? 'x86_64' : process.arch,
    });
  }
  if (path === '/system/namespaces' && req.method === 'GET') return sendJson(res, 200, [NAMESPACE]);
  if (!/^\/system\/[a-z-]+(\/[A-Za-z0-9._-]+)?$/.test(path)) return sendText(res, 404, `No route for ${req.method} ${path}\n`);
  // Invocation counts live here, in the gateway's metrics: add them to the provider's answers.
  const withCount = async (f: { name?: string; invocationCount?: number }) => ({ ...f, invocationCount: await deps.metrics.invocationCount(String(f.name)) });
  const transform: Transform | undefined = req.method !== 'GET' ? undefined
    : path === '/system/functions' ? async (json) => Promise.all((json as { name?: string }[]).map(withCount))
    : path.startsWith('/system/function/') ? async (json) => withCount(json as { name?: string })
    : undefined;
  // Log streams may follow for as long as the client likes; builds may wait in the queue and
  // install packages; other calls are bounded.
  const build = path === '/system/builds';
  return forwardToProvider(deps.providerUrl, deps.token, deps.routes, req, res, path === '/system/logs' ? 0 : build ? 15 * 60_000 : deps.timeoutMs, transform, build);
}
