import http from 'node:http';
import { readConfig } from './config';
import { parseFunctionPath } from './names';
import { proxyToFunction, sendText } from './proxy';
import { readCredentials } from './auth';
import { Activity } from './activity';
import { activityHandler, routesHandler } from './platform-api';
import { makeWaker } from './wake';
import { deployThroughProvider, functionExists, listReplicas, providerBaseUrl } from './provider';
import { makeStandIn } from './open-notify';
import { handleAsync } from './async/handler';
import { AsyncQueue } from './async/queue';
import { runQueued } from './async/worker';
import { Balancer } from './resolve';
import { GatewayMetrics } from './metrics';
import { Routes } from './routes';
import { inSubnets } from './subnets';
import { handleSystem } from './system';
import { withoutNamespace } from './namespace';

/**
 * The sandbox's OpenFaaS-compatible gateway. It runs in a container on the sandbox network
 * (alias `gateway`) and the control network, and holds no Docker credentials. Requests made
 * for a participant (functions, callbacks) go only to the sandbox network (cfg.sandbox).
 */
const cfg = readConfig();
const routes = new Routes((address) => inSubnets(address, cfg.sandbox.subnets));
const providerUrl = providerBaseUrl();
const metrics = new GatewayMetrics(true, process.env.sandbox_id, () => listReplicas(providerUrl, cfg.platformToken, 3000));
const activity = new Activity();
const balancer = new Balancer(routes, cfg.sandbox);
const system = {
  creds: readCredentials(process.env.secret_mount_path ?? '/run/secrets'),
  providerUrl,
  token: cfg.platformToken,
  routes,
  timeoutMs: 90_000,
  metrics,
};
const wake = makeWaker(system.providerUrl, cfg.platformToken, routes, cfg.wakeTimeoutMs);
const queue = new AsyncQueue({ url: cfg.natsUrl, stream: cfg.natsStream, sandboxId: cfg.sandboxId, maxInflight: cfg.asyncMaxInflight, ackWaitMs: cfg.asyncAckWaitMs });
if (cfg.natsUrl) {
  const worker = { gatewayPort: cfg.port, timeoutMs: cfg.upstreamTimeoutMs + cfg.wakeTimeoutMs, maxResultBytes: cfg.maxBodyBytes, scope: cfg.sandbox };
  queue.start((req, body) => runQueued(req, body, worker));
}
const asyncDeps = {
  queue,
  maxBodyBytes: cfg.maxBodyBytes,
  exists: (name: string) => functionExists(system.providerUrl, cfg.platformToken, name),
};

const server = http.createServer((req, res) => {
  // `<name>.openfaas-fn` and `?namespace=openfaas-fn`, as OpenFaaS's clients send them, mean this sandbox.
  const scoped = withoutNamespace(req.url ?? '/');
  if ('status' in scoped) return sendText(res, scoped.status, scoped.text);
  const url = (req.url = scoped.url);
  const fn = parseFunctionPath(url);
  const handle = async () => {
    if (fn) return proxyToFunction(req, res, fn, cfg, balancer, { metrics, activity, wake });
    const queued = parseFunctionPath(url, 'async-function');
    if (queued) return handleAsync(req, res, queued, asyncDeps);
    if (url === '/metrics' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
      return void res.end(await metrics.text());
    }
    if (url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return sendText(res, 200, 'OK');
    if (url === '/system/faaslab/activity' && req.method === 'GET') return activityHandler(req, res, cfg.platformToken, activity.idleMs());
    const route = /^\/system\/faaslab\/routes\/([^/?]+)$/.exec(url);
    if (route) return routesHandler(req, res, route[1], cfg.platformToken, routes);
    if (url.startsWith('/system/')) return handleSystem(req, res, system);
    return sendText(res, 404, `No route for ${req.method} ${url.split('?')[0]}\n`);
  };
  handle().catch((err) => {
    console.error(`gateway: ${req.method} ${url}: ${(err as Error).stack ?? err}`);
    if (!res.headersSent) sendText(res, 500, 'Internal gateway error\n');
    else res.destroy();
  });
});

server.keepAliveTimeout = 65_000;
server.listen(cfg.port, () => console.log(`gateway listening on :${cfg.port}`));

// http://api.open-notify.org/astros.json for the workshop's astronaut finder (alias on the sandbox network).
const standIn = cfg.openNotifyPort ? http.createServer((req, res) => {
  makeStandInHandler(req, res).catch((err) => {
    console.error(`open-notify stand-in: ${req.method} ${req.url}: ${(err as Error).stack ?? err}`);
    if (!res.headersSent) sendText(res, 500, 'Internal gateway error\n');
    else res.destroy();
  });
}) : null;
const makeStandInHandler = makeStandIn({
  exists: asyncDeps.exists,
  deploy: (body) => deployThroughProvider(system.providerUrl, cfg.platformToken, routes, body),
  gatewayPort: cfg.port,
});
standIn?.listen(cfg.openNotifyPort, () => console.log(`api.open-notify.org stand-in listening on :${cfg.openNotifyPort}`));

for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.on(sig, () => {
    void queue.stop(); // hands requests still running back to NATS at once
    standIn?.close();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
