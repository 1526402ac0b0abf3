import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { config } from '../config';
import { docker } from '../docker/client';
import { NPM_MANIFEST, notFoundBody, packument, readNpmManifest, resolveNpmRoute, type NpmTarball } from './npm';
import { projectPage, resolveRoute, rootPage } from './simple';
import { MANIFEST, pypiDir, readManifest, type IndexFile } from './wheels';

/**
 * The offline package indexes over HTTP, read-only, on one port: Python's (PEP 503 simple API,
 * serving the wheelhouse made by ensureWheelhouse) and, below /npm/, an npm registry (the
 * tarballs fetched by ensureNpmRegistry). It listens on a Docker bridge's gateway address (the
 * host as seen from containers on that network): function builds pass the build network's
 * (lib/pkgindex/for-builds.ts), where their RUN steps run; by default it is the default bridge's.
 * One instance per process, kept on globalThis.
 */

type NetworkInspect = {
  IPAM?: { Config?: { Gateway?: string; Subnet?: string }[] | null } | null;
  Options?: Record<string, string> | null;
};
type Interfaces = NodeJS.Dict<os.NetworkInterfaceInfo[]>;

const isIPv4 = (a: string | undefined): a is string => !!a && /^\d{1,3}(\.\d{1,3}){3}$/.test(a);

/**
 * The host's address on the default bridge: the IPAM gateway when the engine reports one
 * (it often doesn't for the default bridge), else the IPv4 address of the bridge's interface
 * (docker0; node lists it only while a container is attached, libuv skips links that are
 * down), else the first host address of the subnet, which is what Docker assigns to the
 * bridge. Null when there is no IPv4 subnet. Listening fails clearly if it is not local.
 */
export function bridgeGateway(net: NetworkInspect, ifaces: Interfaces = os.networkInterfaces()): string | null {
  const configs = net.IPAM?.Config ?? [];
  for (const c of configs) if (isIPv4(c.Gateway)) return c.Gateway;
  const bridge = net.Options?.['com.docker.network.bridge.name'];
  const onBridge = bridge ? (ifaces[bridge] ?? []).find((i) => i.family === 'IPv4' || (i.family as unknown) === 4) : undefined;
  if (onBridge) return onBridge.address;
  for (const c of configs) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(c.Subnet ?? '');
    if (!m || +m[5] > 30) continue;
    const base = ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | +m[4]) >>> 0;
    const mask = +m[5] === 0 ? 0 : (~0 << (32 - +m[5])) >>> 0;
    const first = ((base & mask) + 1) >>> 0;
    return [first >>> 24, (first >>> 16) & 255, (first >>> 8) & 255, first & 255].join('.');
  }
  return null;
}

/** A value derived from a manifest file, made again only when the file's mtime changes. */
function byManifestMtime<T>(file: string, read: (exists: boolean) => T): () => T {
  let cached: { mtimeMs: number; value: T } | null = null;
  return () => {
    let mtimeMs = -1;
    try { mtimeMs = fs.statSync(file).mtimeMs; } catch { /* not made yet */ }
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, value: read(mtimeMs >= 0) };
    return cached.value;
  };
}

type Send = (status: number, body: string, type?: string, extra?: http.OutgoingHttpHeaders) => void;

function sender(req: http.IncomingMessage, res: http.ServerResponse): Send {
  return (status, body, type = 'text/plain; charset=utf-8', extra = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache', ...extra });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Stream a file the manifest names (content-addressed, so cacheable forever). */
function sendFile(req: http.IncomingMessage, res: http.ServerResponse, full: string, etag: string, notFound: () => void): void {
  let size: number;
  try { size = fs.statSync(full).size; } catch { return notFound(); }
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream', 'Content-Length': size, ETag: `"${etag}"`,
    'Cache-Control': 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(full).on('error', () => res.destroy()).pipe(res);
}

/** A request handler serving the wheelhouse in `dir` (the manifest is re-read when it changes). */
export function pypiHandler(dir: string): http.RequestListener {
  const filesNow = byManifestMtime(path.join(dir, MANIFEST), (exists): IndexFile[] => (exists ? readManifest(dir)?.files ?? [] : []));
  return (req, res) => {
    const send = sender(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'read-only index\n', undefined, { Allow: 'GET, HEAD' });
    const files = filesNow();
    const route = resolveRoute(req.url ?? '/', files);
    switch (route.kind) {
      case 'root': return send(200, rootPage(files), 'text/html; charset=utf-8');
      case 'project': return send(200, projectPage(route.project, files), 'text/html; charset=utf-8');
      case 'redirect': return send(301, `see ${route.location}\n`, undefined, { Location: route.location });
      case 'not-found': return send(404, `Not found: ${route.reason}\n`);
      case 'file': return sendFile(req, res, path.join(dir, route.file.fileName), route.file.sha256, () => send(404, 'Not found: file missing on disk\n'));
    }
  };
}

/** The path under which the package index server answers as an npm registry. */
export const NPM_PREFIX = '/npm';

/** Host headers used to build tarball URLs: a name or IPv4/[IPv6] address with an optional port. */
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * A request handler serving the npm registry in `dir` below NPM_PREFIX (read-only: packuments
 * and tarballs; the manifest is re-read when it changes). Tarball URLs point back at the host
 * and port the client used, so they work from wherever the registry is reached.
 */
export function npmHandler(dir: string): http.RequestListener {
  const packagesNow = byManifestMtime(path.join(dir, NPM_MANIFEST), (exists): NpmTarball[] => (exists ? readNpmManifest(dir)?.packages ?? [] : []));
  return (req, res) => {
    const send = sender(req, res);
    const json = (status: number, body: unknown, extra?: http.OutgoingHttpHeaders) => send(status, `${JSON.stringify(body)}\n`, 'application/json', extra);
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(405, { error: "This workshop's npm registry is read-only" }, { Allow: 'GET, HEAD' });
    const url = req.url ?? '/';
    if (!url.startsWith(`${NPM_PREFIX}/`)) return json(404, { error: 'Not found (unknown path)' });
    const packages = packagesNow();
    const route = resolveNpmRoute(url.slice(NPM_PREFIX.length), packages);
    switch (route.kind) {
      case 'not-found': return json(404, notFoundBody(route, packages));
      case 'tarball': return sendFile(req, res, path.join(dir, route.pkg.file), route.pkg.shasum, () => json(404, { error: `${route.pkg.name}@${route.pkg.version}: tarball missing on disk` }));
      case 'packument': {
        const host = req.headers.host && HOST_HEADER.test(req.headers.host) ? req.headers.host : `${req.socket.localAddress}:${req.socket.localPort}`;
        return json(200, packument(route.name, packages, `http://${host}${NPM_PREFIX}/`));
      }
    }
  };
}

/** One server for both indexes: the npm registry below NPM_PREFIX, PyPI's simple API elsewhere. */
export function packageIndexHandler(dirs: { pypi: string; npm: string }): http.RequestListener {
  const pypi = pypiHandler(dirs.pypi);
  const npm = npmHandler(dirs.npm);
  return (req, res) => {
    const url = req.url ?? '/';
    return (url === NPM_PREFIX || url.startsWith(`${NPM_PREFIX}/`) ? npm : pypi)(req, res);
  };
}

/** `url`: pip's index (…/simple/); `npmUrl`: the npm registry (…/npm/), on the same server. */
export type PackageIndex = { url: string; npmUrl: string; host: string; port: number; dir: string; npmDir: string; server: http.Server };

const key = Symbol.for('faaslab.pkgindex');
type Holder = { [key]?: Promise<PackageIndex> };

export type StartOptions = {
  /** The wheelhouse; default that of the configured data directory. */
  dir?: string;
  /** The npm registry's folder; default the `npm` folder beside `dir` (npmDir of the same data directory). */
  npmDir?: string;
  host?: string;
  /**
   * A fixed port keeps the index URL (a build arg) the same across restarts, so the engine's
   * cache of a template's pip layer survives them; taken → an ephemeral port. Default 0.
   */
  port?: number;
  engine?: Docker;
};

async function start(opts: StartOptions): Promise<PackageIndex> {
  const dir = opts.dir ?? pypiDir(config().dataDir);
  const npm = opts.npmDir ?? path.join(path.dirname(dir), 'npm'); // pypiDir and npmDir are siblings
  let host = opts.host;
  if (!host) {
    const net = (await (opts.engine ?? docker()).getNetwork('bridge').inspect()) as NetworkInspect;
    const found = bridgeGateway(net);
    if (!found) throw new Error('The package index cannot find the Docker bridge gateway address (is the engine remote, or the default bridge disabled?)');
    host = found;
  }
  const server = http.createServer(packageIndexHandler({ pypi: dir, npm }));
  server.keepAliveTimeout = 5_000;
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRNOTAVAIL'
      ? new Error(`The package index cannot listen on ${host}, the Docker bridge gateway: it is not an address of this machine (a remote engine?)`)
      : err);
    server.once('error', onError);
    server.listen(port, host, () => { server.off('error', onError); resolve(); });
  });
  try {
    await listen(opts.port ?? 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !opts.port) throw err;
    await listen(0);
  }
  server.unref(); // never keeps a process (a test, the set-up) alive on its own
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}/simple/`, npmUrl: `http://${host}:${port}${NPM_PREFIX}/`, host, port, dir, npmDir: npm, server };
}

/** Start the index once per process (later calls get the same instance). */
export function startPackageIndex(opts: StartOptions = {}): Promise<PackageIndex> {
  const g = globalThis as Holder;
  if (!g[key]) {
    g[key] = start(opts);
    g[key].catch(() => { delete g[key]; }); // a failed start may be retried
  }
  return g[key];
}

/** The index URL for pip inside `docker build`, e.g. `http://172.17.0.1:41234/simple/`. */
export async function packageIndexUrl(): Promise<string> {
  return (await startPackageIndex()).url;
}

/**
 * Build args for pip: the index, and the host as trusted (pip ignores plain-HTTP indexes
 * other than localhost otherwise). Pass as buildargs; templates declare them with ARG.
 */
export async function pipBuildArgs(): Promise<{ PIP_INDEX_URL: string; PIP_TRUSTED_HOST: string }> {
  const index = await startPackageIndex();
  return { PIP_INDEX_URL: index.url, PIP_TRUSTED_HOST: index.host };
}

/** Stop the instance of this process, if any (tests). */
export async function stopPackageIndex(): Promise<void> {
  const g = globalThis as Holder;
  const running = g[key];
  delete g[key];
  if (!running) return;
  const index = await running.catch(() => null);
  if (index) await new Promise<void>((resolve) => { index.server.closeAllConnections?.(); index.server.close(() => resolve()); });
}
