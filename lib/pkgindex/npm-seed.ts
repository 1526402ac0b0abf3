import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import {
  NPM_MANIFEST, npmDir, npmManifestIntact, parseExactSpec, readNpmManifest,
  type NpmManifest, type NpmTarball, type NpmVersionManifest,
} from './npm';
import { run, writeAtomic, type Progress, type RunError } from './wheels';

/**
 * The offline npm registry's content, fetched once on the host at set-up (the host reaches the
 * npm registry; containers reach no TLS registry): a fixed list of packages with their whole
 * dependency closure, as tarballs in `<dataDir>/pkgindex/npm/` with a manifest. A second run
 * with the same list does nothing.
 *
 * Fetched with the host's own npm CLI rather than a library such as pacote: `npm install
 * --package-lock-only` resolves the closure with npm's Arborist exactly as `npm install` in a
 * build will, and `npm pack <name>@<version>` downloads each tarball with pacote, integrity
 * checked, through the host's npm configuration (registry mirror, proxy, CA) and its cache
 * (so a second data directory is filled without the network). pacote alone fetches but does
 * not resolve a closure, and npm is on every host that runs `npm start`: no new dependency.
 */

/**
 * Packages a workshop's node function is likely to use, exact versions (CommonJS, so that the
 * template's `require` works on Node 18): `debug` (needs `ms`) and `chalk` 4 (needs
 * `ansi-styles` → `color-convert` → `color-name`, and `supports-color` → `has-flag`) bring
 * dependencies along.
 */
export const NPM_SEEDS = ['ms@2.1.3', 'debug@4.4.3', 'chalk@4.1.2', 'dayjs@1.11.13', 'uuid@11.1.0'];

/**
 * npm itself, which the node template's builds fetch from this registry (the platform's node
 * image has Debian's nodejs without npm). 10.x is the last npm for Node 18; its tarball
 * bundles all its dependencies.
 */
export const NPM_FOR_BUILDS = 'npm@10.9.9';

export const DEFAULT_NPM_SEEDS = [...NPM_SEEDS, NPM_FOR_BUILDS];

/** Bump when the way the registry is filled changes, so filled registries are filled again. */
export const NPM_REGISTRY_FORMAT = 1;

export function npmRegistryKey(seeds: string[]): string {
  return `format=${NPM_REGISTRY_FORMAT};${[...seeds].sort().join(';')}`;
}

export type LockedPackage = { name: string; version: string; integrity?: string };

/**
 * Every package a lockfile (v2/v3) installs, once per name@version, sorted: the packages npm
 * would fetch. Bundled packages (inside another's tarball) and links are not fetched.
 */
export function lockedPackages(lock: unknown): LockedPackage[] {
  const packages = (lock as { packages?: Record<string, Record<string, unknown>> } | null)?.packages;
  if (!packages || typeof packages !== 'object') throw new Error('npm wrote a lockfile without "packages" (lockfileVersion 2 or later expected)');
  const out = new Map<string, LockedPackage>();
  for (const [key, e] of Object.entries(packages)) {
    if (key === '' || !e || e.inBundle || e.link) continue;
    const name = typeof e.name === 'string' ? e.name : key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const version = String(e.version ?? '');
    if (!parseExactSpec(`${name}@${version}`)) throw new Error(`npm locked ${key} at "${version}", which is not a registry package version`);
    out.set(`${name}@${version}`, { name, version, integrity: typeof e.integrity === 'string' ? e.integrity : undefined });
  }
  return [...out.values()].sort((a, b) => (`${a.name}@${a.version}` < `${b.name}@${b.version}` ? -1 : 1));
}

const pickRecord = (v: unknown): Record<string, string> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) as Record<string, string> : undefined;
const pickStrings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/**
 * The version document npm reads from a registry, from the package.json in the tarball (what
 * the public registry derives it from at publish): dependencies, bins (a string `bin` names
 * the unscoped package), engines/os/cpu, and whether it has install scripts.
 */
export function versionManifest(pkg: Record<string, unknown>, hasBindingGyp = false): NpmVersionManifest {
  const name = String(pkg.name);
  const scripts = pickRecord(pkg.scripts) ?? {};
  const bin = typeof pkg.bin === 'string' ? { [name.slice(name.lastIndexOf('/') + 1)]: pkg.bin } : pickRecord(pkg.bin);
  const bundled = pkg.bundleDependencies ?? pkg.bundledDependencies;
  const m: NpmVersionManifest = {
    name,
    version: String(pkg.version),
    description: typeof pkg.description === 'string' ? pkg.description : undefined,
    license: typeof pkg.license === 'string' ? pkg.license : undefined,
    dependencies: pickRecord(pkg.dependencies),
    optionalDependencies: pickRecord(pkg.optionalDependencies),
    peerDependencies: pickRecord(pkg.peerDependencies),
    peerDependenciesMeta: pkg.peerDependenciesMeta && typeof pkg.peerDependenciesMeta === 'object' ? pkg.peerDependenciesMeta as NpmVersionManifest['peerDependenciesMeta'] : undefined,
    bundleDependencies: typeof bundled === 'boolean' ? bundled : pickStrings(bundled),
    bin,
    engines: pickRecord(pkg.engines),
    os: pickStrings(pkg.os),
    cpu: pickStrings(pkg.cpu),
    hasInstallScript: ['preinstall', 'install', 'postinstall'].some((s) => s in scripts) || hasBindingGyp || undefined,
  };
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as NpmVersionManifest;
}

/** The package.json of an npm tarball (the one in its top folder, usually `package/`). */
export async function tarballPackageJson(tgz: Buffer): Promise<{ pkg: Record<string, unknown>; hasBindingGyp: boolean }> {
  const extract = tar.extract();
  Readable.from([tgz]).pipe(createGunzip()).on('error', (err) => extract.destroy(err)).pipe(extract);
  let pkg: Record<string, unknown> | null = null;
  let hasBindingGyp = false;
  for await (const entry of extract) {
    const top = /^[^/]+\/(package\.json|binding\.gyp)$/.exec(entry.header.name);
    if (top?.[1] === 'package.json' && !pkg) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      pkg = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      continue;
    }
    if (top?.[1] === 'binding.gyp') hasBindingGyp = true;
    entry.resume();
  }
  if (!pkg) throw new Error('no package.json in the tarball');
  return { pkg, hasBindingGyp };
}

export type NpmSeedOptions = {
  /** Exact `name@version` specs; default DEFAULT_NPM_SEEDS. */
  seeds?: string[];
  /** The registry to fetch from; default the host's npm configuration. */
  registry?: string;
  /** npm's cache folder; default the host's (~/.npm). */
  cache?: string;
  /** npm's fetch retries (default 2). */
  retries?: number;
};

/** npm's own report of a failed command: its `npm error` lines, without the log-file notice. */
function npmSays(err: unknown): string {
  const e = err as Partial<RunError>;
  const lines = `${e.stderr ?? ''}\n${e.stdout ?? ''}`.split('\n')
    .filter((l) => /^npm (error|ERR!)/.test(l) && !/complete log of this run|^npm (error|ERR!)\s*$/.test(l))
    .map((l) => l.replace(/^npm (error|ERR!)\s*/, ''))
    .filter((l) => !/^(syscall|errno) /.test(l));
  return lines.slice(0, 4).join(' / ') || (err instanceof Error ? err.message.split('\n')[0] : String(err));
}

/**
 * Make sure `<dataDir>/pkgindex/npm/` holds the seed packages and everything they depend on.
 * When npm cannot fetch them, an intact earlier registry is kept and served (with a warning);
 * without one this throws, saying what failed and what to do.
 */
export async function ensureNpmRegistry(dataDir: string, progress: Progress = () => {}, opts: NpmSeedOptions = {}): Promise<NpmManifest> {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const say = (line: string) => progress(`npm registry: ${line}`);
  const seeds = opts.seeds ?? DEFAULT_NPM_SEEDS;
  const bad = seeds.filter((s) => !parseExactSpec(s));
  if (bad.length) throw new Error(`npm registry seeds must be exact name@version: ${bad.join(', ')}`);
  const dir = npmDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const previous = readNpmManifest(dir);
  const usable = previous && npmManifestIntact(dir, previous) ? previous : null;
  const key = npmRegistryKey(seeds);
  if (usable && usable.key === key) {
    say(`${usable.packages.length} packages up to date (${seconds()})`);
    return usable;
  }

  const npmFlags = [
    ...(opts.registry ? ['--registry', opts.registry] : []),
    ...(opts.cache ? ['--cache', opts.cache] : []),
    '--prefer-offline', `--fetch-retries=${opts.retries ?? 2}`, '--fetch-timeout=30000',
    '--fetch-retry-mintimeout=2000', '--fetch-retry-maxtimeout=10000',
    '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error',
  ];
  const registry = opts.registry ?? ((await run('npm', ['config', 'get', 'registry']).catch(() => null))?.stdout.trim() || 'the npm registry');
  const failed = (what: string, err: unknown): NpmManifest => {
    if (usable) {
      say(`${what} failed (${npmSays(err)}); keeping the ${usable.packages.length} packages fetched earlier`);
      return usable;
    }
    throw new Error(`Could not fill the offline npm registry: ${what} from ${registry} failed: ${npmSays(err)}. ` +
      'The set-up fetches these packages once, on this host, with npm (function builds then install them offline): ' +
      "check that this host reaches that registry (npm ping; a proxy: npm config get proxy), then run the set-up again.");
  };

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-npm-'));
  try {
    const dependencies = Object.fromEntries(seeds.map((s) => { const p = parseExactSpec(s)!; return [p.name, p.version]; }));
    fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'faaslab-npm-seed', version: '0.0.0', private: true, dependencies }));
    say(`resolving ${seeds.join(', ')} and their dependencies with npm (${registry})…`);
    try {
      await run('npm', ['install', '--package-lock-only', '--ignore-scripts', ...npmFlags], { cwd: tmp });
    } catch (err) {
      return failed(`resolving ${seeds.join(', ')}`, err);
    }
    const locked = lockedPackages(JSON.parse(fs.readFileSync(path.join(tmp, 'package-lock.json'), 'utf8')));
    const have = new Map((usable?.packages ?? []).map((p) => [`${p.name}@${p.version}`, p]));
    const toFetch = locked.filter((l) => !have.has(`${l.name}@${l.version}`));
    const packedFiles = new Map<string, string>();
    if (toFetch.length) {
      say(`fetching ${toFetch.length} tarballs with npm pack…`);
      const into = path.join(tmp, 'tarballs');
      fs.mkdirSync(into);
      let out: string;
      try {
        out = (await run('npm', ['pack', ...toFetch.map((l) => `${l.name}@${l.version}`), '--json', '--pack-destination', into, ...npmFlags], { cwd: tmp })).stdout;
      } catch (err) {
        return failed(`fetching ${toFetch.length} tarballs`, err);
      }
      for (const p of JSON.parse(out) as { name: string; version: string; filename: string }[]) {
        packedFiles.set(`${p.name}@${p.version}`, path.join(into, path.basename(p.filename)));
      }
    }

    const packages: NpmTarball[] = [];
    for (const l of locked) {
      const spec = `${l.name}@${l.version}`;
      const kept = have.get(spec);
      if (kept) { packages.push(kept); continue; }
      const packed = packedFiles.get(spec);
      if (!packed || !fs.existsSync(packed)) throw new Error(`npm pack gave no tarball for ${spec}`);
      const data = fs.readFileSync(packed);
      const integrity = `sha512-${createHash('sha512').update(data).digest('base64')}`;
      if (l.integrity?.startsWith('sha512-') && l.integrity !== integrity) throw new Error(`${spec}: the tarball's sha512 does not match the lockfile's integrity`);
      const { pkg, hasBindingGyp } = await tarballPackageJson(data).catch((err: Error) => { throw new Error(`${spec}: ${err.message}`); });
      if (pkg.name !== l.name || pkg.version !== l.version) throw new Error(`${spec}: the tarball's package.json says ${String(pkg.name)}@${String(pkg.version)}`);
      const shasum = createHash('sha1').update(data).digest('hex');
      writeAtomic(path.join(dir, `${shasum}.tgz`), data);
      const manifest = versionManifest(pkg, hasBindingGyp);
      packages.push({ name: l.name, version: l.version, file: `${shasum}.tgz`, integrity, shasum, size: data.length, manifest });
      const deps = Object.keys(manifest.dependencies ?? {});
      const needs = manifest.bundleDependencies ? '; its dependencies bundled' : deps.length ? `; depends on ${deps.join(', ')}` : '';
      say(`${spec} (${Math.max(1, Math.round(data.length / 1024))} kB${needs})`);
    }
    const manifest: NpmManifest = { format: NPM_REGISTRY_FORMAT, key, seeds, source: registry, packages };
    writeAtomic(path.join(dir, NPM_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const keep = new Set(packages.map((p) => p.file));
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.tgz') && !keep.has(f)) fs.rmSync(path.join(dir, f), { force: true });
    say(`${packages.length} packages ready in ${dir} (${seconds()})`);
    return manifest;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
