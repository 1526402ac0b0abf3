import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AppContext } from '../app-context';
import { handleOpenFaaSBuild, payloadSecret } from '../builder/openfaas-builder';
import { AppError } from '../errors';
import { relayToGateway } from './public-gateway';

/**
 * Each participant's gateway at the root of a URL, `http://<host>:<port>`, on a port of its own
 * from FAASLAB_PUBLIC_PORTS, so that every OpenFaaS client works unchanged: OpenFaaS's faas-cli
 * keeps only a gateway URL's scheme and host for `invoke` and for the remote builder (`POST
 * /build`), so a path such as /gateway/<id> cannot carry who it is for. A port needs no DNS
 * (a name per sandbox would need wildcard DNS, and Go programs such as faas-cli do not resolve
 * `*.localhost`). The port is recorded with the sandbox, so it survives restarts; it is given
 * on first need (Lab 1) and closed when the sandbox is gone.
 */
export class PublicPorts {
  private readonly servers = new Map<string, { port: number; server: http.Server }>();
  /** Ports found taken by another program: skipped until the platform restarts. */
  private readonly busy = new Set<number>();
  private chain: Promise<unknown> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  /** Remote builds being answered (shutdown waits for them, as for the shell's builds). */
  builds = 0;

  constructor(private readonly ctx: AppContext, private readonly host: string) {
    this.timer = setInterval(() => void this.reconcile(), 10_000);
    this.timer.unref();
  }

  private get range(): [number, number] {
    const [lo, hi] = this.ctx.cfg.FAASLAB_PUBLIC_PORTS.split('-').map(Number);
    return [lo, hi];
  }

  /** The sandbox's public port, listening (given one from the range if it had none). One at a time, so two sandboxes never pick the same port. */
  ensure(sid: string): Promise<number> {
    const next = this.chain.then(() => this.ensureNow(sid));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async ensureNow(sid: string): Promise<number> {
    const open = this.servers.get(sid);
    if (open) return open.port;
    const row = this.ctx.q.sandbox(sid);
    if (!row) throw new AppError('not_found', 'No such sandbox.');
    if (row.public_port !== null && (await this.listen(sid, row.public_port))) return row.public_port;
    const [lo, hi] = this.range;
    const used = new Set(this.ctx.q.usedPublicPorts());
    for (let port = lo; port <= hi; port++) {
      if (used.has(port) || this.busy.has(port)) continue;
      if (!(await this.listen(sid, port))) continue;
      this.ctx.q.setPublicPort(sid, port);
      return port;
    }
    throw new AppError('unavailable', `No free port is left for your gateway in FAASLAB_PUBLIC_PORTS (${lo}-${hi}).`, {
      hint: 'Tell your instructor: the range is smaller than the number of participants, or other programs use its ports.',
    });
  }

  /** Listen on `port` for sandbox `sid`; false when the port is taken by another program. */
  private listen(sid: string, port: number): Promise<boolean> {
    const server = http.createServer((req, res) => this.serve(sid, req, res));
    server.keepAliveTimeout = 65_000;
    return new Promise((resolve) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES') console.error(`[faaslab] public port ${port}: ${err.message}`);
        this.busy.add(port);
        resolve(false);
      });
      server.listen(port, this.host, () => {
        this.servers.set(sid, { port, server });
        resolve(true);
      });
    });
  }

  private serve(sid: string, req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    if (url === '/build' || url.startsWith('/build?')) {
      const row = this.ctx.q.sandbox(sid);
      if (!row) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('No such sandbox.\n');
      this.builds++;
      res.once('close', () => this.builds--);
      void handleOpenFaaSBuild(this.ctx, { instance: row.instance, sandboxId: sid }, payloadSecret(row.gateway_token), req, res);
      return;
    }
    relayToGateway(this.ctx, sid, url, req, res);
  }

  /** Listen again on every recorded port (after a restart). */
  async restore(): Promise<void> {
    for (const r of this.ctx.q.publicPorts(this.ctx.cfg.FAASLAB_PREFIX)) await this.ensure(r.id).catch(() => undefined);
  }

  /** Close the ports of sandboxes that are gone (removed by the reaper, or by an instructor). */
  async reconcile(): Promise<void> {
    for (const [sid, { server }] of this.servers) {
      if (this.ctx.q.sandbox(sid)) continue;
      this.servers.delete(sid);
      server.close();
      server.closeAllConnections();
    }
  }

  /** Stop accepting connections (those open, such as a running build, go on). */
  close(): void {
    clearInterval(this.timer);
    for (const { server } of this.servers.values()) server.close();
    this.servers.clear();
  }
}

const key = Symbol.for('faaslab.publicPorts');
type Holder = { [key]?: PublicPorts };

/** The process's public ports (made by server.ts; on globalThis so that Next's bundle, which runs the Lab 1 action, finds the same one). */
export function setPublicPorts(p: PublicPorts | undefined): void {
  (globalThis as Holder)[key] = p;
}

export function publicPorts(): PublicPorts {
  const p = (globalThis as Holder)[key];
  if (!p) throw new AppError('unavailable', 'The public gateway ports are not running in this process.', { hint: 'Start FaaS Lab with npm start (server.ts).' });
  return p;
}
