import fs from 'node:fs';
import path from 'node:path';
import { fileSha } from './wheels';

/**
 * The offline npm registry as pure functions: the manifest of seeded tarballs (made on the host
 * by ensureNpmRegistry), request path → what to answer, and the packument (a package's
 * document: its versions, each with dependencies and `dist`) npm reads. Only what `npm install`
 * needs: GET `/<name>`, `/@scope%2fname` and the tarballs. Tarballs are looked up by exact
 * name and version in the manifest and stored under content-hash names, so no request path
 * ever reaches a path on disk.
 */

/** The fields of a package.json that `npm install` reads from a registry's version document. */
export type NpmVersionManifest = {
  name: string;
  version: string;
  description?: string;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  bundleDependencies?: string[] | boolean;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  hasInstallScript?: boolean;
};

export type NpmTarball = {
  name: string;
  version: string;
  /** File name in the registry folder: `<shasum>.tgz`. */
  file: string;
  /** Subresource integrity (`sha512-…`) and sha1 hex, as the public registry gives them. */
  integrity: string;
  shasum: string;
  size: number;
  manifest: NpmVersionManifest;
};

export type NpmManifest = {
  format: number;
  /** The seed list and format: the same key means nothing to do. */
  key: string;
  seeds: string[];
  /** Where the tarballs were fetched from (the host's npm registry). */
  source: string;
  packages: NpmTarball[];
};

export const NPM_MANIFEST = 'index.json';

export function npmDir(dataDir: string): string {
  return path.join(dataDir, 'pkgindex', 'npm');
}

/** npm's rules for new package names (lower case, URL-safe, at most one scope). */
const NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
export const isNpmName = (name: string): boolean => name.length <= 214 && NAME.test(name);
const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
export const isExactVersion = (v: string): boolean => VERSION.test(v);
const FILE = /^[0-9a-f]{40}\.tgz$/;

/** `name@version` (scoped too) → its parts; null unless both are valid and the version exact. */
export function parseExactSpec(spec: string): { name: string; version: string } | null {
  const at = spec.lastIndexOf('@');
  if (at <= 0) return null;
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  return isNpmName(name) && isExactVersion(version) ? { name, version } : null;
}

/** The tarball's name in its URL, as the public registry has it: `<unscoped name>-<version>.tgz`. */
export function tarballName(name: string, version: string): string {
  return `${name.slice(name.lastIndexOf('/') + 1)}-${version}.tgz`;
}

/** Semver precedence (build metadata ignored); enough to pick `latest` among exact versions. */
export function compareVersions(a: string, b: string): number {
  const pa = VERSION.exec(a);
  const pb = VERSION.exec(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 1; i <= 3; i++) if (+pa[i] !== +pb[i]) return +pa[i] - +pb[i];
  if (!pa[4] || !pb[4]) return (pa[4] ? -1 : 0) - (pb[4] ? -1 : 0);
  const xa = pa[4].split('.');
  const xb = pb[4].split('.');
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    if (xa[i] === undefined) return -1;
    if (xb[i] === undefined) return 1;
    const na = /^\d+$/.test(xa[i]);
    const nb = /^\d+$/.test(xb[i]);
    if (na && nb && +xa[i] !== +xb[i]) return +xa[i] - +xb[i];
    if (na !== nb) return na ? -1 : 1;
    if (xa[i] !== xb[i]) return xa[i] < xb[i] ? -1 : 1;
  }
  return 0;
}

export function readNpmManifest(dir: string): NpmManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, NPM_MANIFEST), 'utf8')) as NpmManifest;
    if (!Array.isArray(m.packages) || typeof m.key !== 'string') return null;
    // Entries naming anything but a content-hash tarball (a tampered manifest) are ignored.
    m.packages = m.packages.filter((p) => isNpmName(p.name) && isExactVersion(p.version) && FILE.test(p.file) && p.file === `${p.shasum}.tgz`);
    return m;
  } catch {
    return null;
  }
}

/** Every tarball of the manifest is on disk with its recorded sha1 (its file name). */
export function npmManifestIntact(dir: string, m: NpmManifest): boolean {
  return m.packages.every((p) => fileSha(path.join(dir, p.file), 'sha1') === p.shasum);
}

export type NpmRoute =
  | { kind: 'packument'; name: string }
  | { kind: 'tarball'; pkg: NpmTarball }
  /** `missing`: the package (or `name/-/file` tarball) asked for, when the path named one. */
  | { kind: 'not-found'; missing?: string; reason: string };

/**
 * A request path below the registry's prefix (`/uuid`, `/@scope%2fname`,
 * `/uuid/-/uuid-11.1.0.tgz`) → what to answer. npm escapes the scope's slash; both forms work.
 */
export function resolveNpmRoute(rawPath: string, packages: NpmTarball[]): NpmRoute {
  const raw = rawPath.split('?')[0];
  const m = /^\/((?:@[^/]+(?:\/|%2[fF]))?[^/@][^/]*)(?:\/-\/([^/]+))?$/.exec(raw);
  if (!m) return { kind: 'not-found', reason: 'unknown path' };
  let name: string;
  let file: string | undefined;
  try {
    name = decodeURIComponent(m[1]);
    file = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
  } catch {
    return { kind: 'not-found', reason: 'bad escape in path' };
  }
  if (!isNpmName(name)) return { kind: 'not-found', reason: 'invalid package name' };
  if (file === undefined) {
    return packages.some((p) => p.name === name) ? { kind: 'packument', name } : { kind: 'not-found', missing: name, reason: 'no such package' };
  }
  const pkg = packages.find((p) => p.name === name && tarballName(p.name, p.version) === file);
  return pkg ? { kind: 'tarball', pkg } : { kind: 'not-found', missing: `${name}/-/${file}`, reason: 'no such tarball' };
}

/**
 * The packument of `name`: every seeded version with its dependencies and `dist` (tarball URL
 * under `base`, the registry's URL as the client reached it, ending in `/`), and `latest` =
 * the highest release (npm installs it when it satisfies the requested range).
 */
export function packument(name: string, packages: NpmTarball[], base: string): Record<string, unknown> {
  const mine = packages.filter((p) => p.name === name).sort((a, b) => compareVersions(a.version, b.version));
  const releases = mine.filter((p) => !p.version.includes('-'));
  const latest = (releases.length ? releases : mine).at(-1)?.version;
  const versions = Object.fromEntries(mine.map((p) => [p.version, {
    ...p.manifest,
    name: p.name,
    version: p.version,
    dist: { tarball: `${base}${p.name}/-/${tarballName(p.name, p.version)}`, shasum: p.shasum, integrity: p.integrity },
  }]));
  return { name, 'dist-tags': latest ? { latest } : {}, versions };
}

/** The body of a 404: npm prints its `error` after "404 Not Found - GET <url> - ". */
export function notFoundBody(route: Extract<NpmRoute, { kind: 'not-found' }>, packages: NpmTarball[]): { error: string } {
  if (!route.missing) return { error: `Not found (${route.reason})` };
  const names = [...new Set(packages.map((p) => p.name))].sort();
  if (names.length === 0) {
    return { error: `${route.missing} is not in this workshop's offline npm registry, which is empty: the platform's set-up (npm start) fills it` };
  }
  const list = names.length > 30 ? `${names.slice(0, 30).join(', ')}, …` : names.join(', ');
  return { error: `${route.missing} is not in this workshop's offline npm registry (it has: ${list})` };
}
