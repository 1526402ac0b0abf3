/**
 * The FaaS Lab web server: Next.js behind a plain Node HTTP server, so that the same process
 * can own WebSocket upgrades (the terminals) and shut down gracefully.
 *   tsx server.ts          production (after `next build`)
 *   tsx server.ts --dev    development (Next compiles on demand)
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { config } from './lib/config';
import { appContext } from './lib/app-context';
import { runningJobs } from './lib/jobs/jobs';
import { ensureFirstInstructor } from './lib/instructor/accounts';
import { PEER_HEADER } from './lib/instructor/request';
import { STATIC_PREFIX, staticAssets } from './lib/http/static-assets';
import { handleProviderRequest, PROVIDER_PREFIX } from './lib/provider/api';
import { startHousekeeping } from './lib/sandbox/housekeeping';
import { handlePublicGateway, PUBLIC_GATEWAY_PREFIX } from './lib/sandbox/public-gateway';
import { PublicPorts, setPublicPorts } from './lib/sandbox/public-ports';
import { terminalServer } from './lib/terminal/server';
import { sessionSecret } from './lib/instructor/secret';
import { watchServer } from './lib/room/watch-server';

const dev = process.argv.includes('--dev');
const cfg = config();

const app = next({ dev, hostname: 'localhost', port: cfg.PORT });
const handle = app.getRequestHandler();
const ready = app.prepare();
const assets = dev ? null : staticAssets(path.resolve(import.meta.dirname, '.next', 'static'));

let stopping = false;
/** Provider calls that change something (a build from a shell's faas-cli, a deploy…): shutdown waits for them. */
let providerCalls = 0;

const server = http.createServer((req, res) => {
  // The sandbox gateways' provider API (token-authorised) is served beside the app, also while
  // stopping: the builds and deploys still running need it.
  if (req.url?.startsWith(`${PROVIDER_PREFIX}/`)) {
    if (req.method !== 'GET') { providerCalls++; res.once('close', () => providerCalls--); }
    if (handleProviderRequest(appContext(), req, res)) return;
  }
  // While stopping, the running jobs' event streams go on; anything new is refused.
  if (stopping && !req.url?.startsWith('/api/jobs/')) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5', Connection: 'close' })
      .end('FaaS Lab is restarting: try again in a few seconds.\n');
    return;
  }
  // Each participant's gateway, for their own faas-cli: /gateway/<sandbox id>/…
  if (req.url?.startsWith(PUBLIC_GATEWAY_PREFIX) && handlePublicGateway(appContext(), req, res)) return;
  // The client's address as the socket knows it, for the instructor login limit (a client's own
  // x-forwarded-for, which Next keeps, would let it pick a new address for every guess).
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? 'unknown';
  const toNext = () => ready.then(() => handle(req, res)).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end('Internal error');
  });
  // Scripts and styles of the build, precompressed (lib/http/static-assets.ts).
  if (assets && req.url?.startsWith(STATIC_PREFIX)) assets(req, res, toNext);
  else void toNext();
});

// The participants' terminals (WebSocket at /api/terminal). Other upgrades are left to Next,
// which adds its own listener for development's hot reload.
const terminals = terminalServer(appContext);
// An instructor watching (or taking over) a member's terminal (WebSocket at /api/instructor/terminal).
let secret: string | undefined;
const watchers = watchServer(() => ({ ctx: appContext(), secret: (secret ??= sessionSecret(cfg.dataDir, cfg)) }));
server.on('upgrade', (req, socket, head) => { if (!terminals.handleUpgrade(req, socket, head)) watchers.handleUpgrade(req, socket, head); });

server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') {
    console.error(`[faaslab] ERROR: port ${cfg.PORT} is already in use by another program.`);
    console.error(`[faaslab]        Stop that program, or choose another port, e.g.:  PORT=3001 npm start`);
  } else {
    console.error(`[faaslab] ERROR: cannot listen on ${cfg.HOST}:${cfg.PORT}: ${err.message}`);
  }
  process.exit(1);
});

// The first instructor account, from FAASLAB_INSTRUCTOR_EMAIL/PASSWORD (nothing without them: self-paced use needs none).
ensureFirstInstructor(appContext().q, cfg).then(
  (r) => { if (r !== 'not_configured') console.log(`[faaslab] instructor ${cfg.FAASLAB_INSTRUCTOR_EMAIL}: ${r === 'created' ? 'account made' : 'account exists'}; log in at /instructor`); },
  (err) => { console.error(`[faaslab] ERROR: ${err.message}${err.hint ? `\n[faaslab]        ${err.hint}` : ''}`); process.exit(1); },
);

// Reconcile sandboxes with Docker, keep the warm pool full, reap expired sandboxes, scale idle functions to zero.
startHousekeeping(appContext());

// Each participant's gateway and builder at the root of a URL of its own (a port per sandbox), for OpenFaaS's own clients.
const publicPorts = new PublicPorts(appContext(), cfg.HOST);
setPublicPorts(publicPorts);
void publicPorts.restore();

// Which process serves this instance: `kill -TERM $(cat <data>/server.pid)` stops it gracefully.
const pidFile = path.join(cfg.dataDir, 'server.pid');
server.listen(cfg.PORT, cfg.HOST, () => {
  fs.writeFileSync(pidFile, `${process.pid}\n`);
  ready.then(() => console.log(`[faaslab] ready on http://localhost:${cfg.PORT} (${dev ? 'development' : 'production'})`));
});
process.on('exit', () => { try { if (fs.readFileSync(pidFile, 'utf8').trim() === String(process.pid)) fs.rmSync(pidFile); } catch { /* gone already */ } });

/**
 * On stop, refuse new work and let running builds/deploys finish (bounded), so nothing is
 * left half-made in the swarm; the sandboxes themselves persist across restarts. The server
 * keeps listening meanwhile: a deploy's faas-cli reaches the builder through the provider API.
 */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[faaslab] ${signal}: stopping; waiting for ${runningJobs().length} running job(s)`);
  terminals.close();
  watchers.close();
  publicPorts.close();
  const deadline = Date.now() + 60_000;
  while ((runningJobs().length > 0 || providerCalls > 0 || publicPorts.builds > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  server.close();
  // Let the last job events reach the browsers following them before the process ends.
  setTimeout(() => process.exit(0), 300);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
