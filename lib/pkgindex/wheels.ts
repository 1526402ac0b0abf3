import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isServableFileName, normalizeProject, parseDebDepends, requirementFromDeb } from './names';
import { buildMetadata, buildWheel, metadataField, type WheelFile } from './wheel';

/**
 * The offline Python package index's content: pure-Python wheels made from Debian's packages
 * (apt is the one package source the host reaches besides npm), cached in
 * `<dataDir>/pkgindex/pypi/` and keyed by the Debian versions, so a second run does nothing.
 */

export type Progress = (line: string) => void;

/**
 * `requests` (what Lab 3 installs) and every python3-* package it needs in Debian. chardet:
 * with only charset-normalizer 3.x, requests 2.28 warns "doesn't match a supported version"
 * on import; Debian's requests depends on chardet for that reason. six: Debian's urllib3
 * imports the system `six` instead of its vendored copy.
 */
export const SEED_DEBS = [
  'python3-requests',
  'python3-urllib3',
  'python3-idna',
  'python3-certifi',
  'python3-charset-normalizer',
  'python3-chardet',
  'python3-six',
];

/** Bump when the way wheels are made changes, so cached wheelhouses are made again. */
export const WHEELHOUSE_FORMAT = 1;

export type IndexFile = {
  /** PEP 503 normalised project name. */
  project: string;
  /** The name as in METADATA. */
  name: string;
  version: string;
  fileName: string;
  sha256: string;
  size: number;
  requiresPython?: string;
  /** The Debian package it was made from, `pkg=version`. */
  source: string;
};

export type IndexManifest = { format: number; key: string; debs: Record<string, string>; files: IndexFile[] };

export const MANIFEST = 'index.json';

export function pypiDir(dataDir: string): string {
  return path.join(dataDir, 'pkgindex', 'pypi');
}

export function readManifest(dir: string): IndexManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as IndexManifest;
    if (!Array.isArray(m.files) || typeof m.key !== 'string') return null;
    m.files = m.files.filter((f) => isServableFileName(f.fileName) && /^[0-9a-f]{64}$/.test(f.sha256));
    return m;
  } catch {
    return null;
  }
}

/** The cache key: the wheel-making format and every Debian package's exact version. */
export function wheelhouseKey(debs: Record<string, string>): string {
  return `format=${WHEELHOUSE_FORMAT};${Object.keys(debs).sort().map((p) => `${p}=${debs[p]}`).join(';')}`;
}

/** The hex digest of a file, or null when it cannot be read. */
export function fileSha(file: string, algorithm: 'sha1' | 'sha256'): string | null {
  try {
    return createHash(algorithm).update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

/** Every file of the manifest is on disk with its recorded sha256. */
export function manifestIntact(dir: string, m: IndexManifest): boolean {
  return m.files.every((f) => fileSha(path.join(dir, f.fileName), 'sha256') === f.sha256);
}

export type RunResult = { stdout: string; stderr: string };
/** A failed command: its message ends with the last lines it printed; the full output is kept. */
export type RunError = Error & RunResult;

/** Run a command (LC_ALL=C), collecting its output; `onLine` sees stdout lines as they come. */
export function run(cmd: string, args: string[], opts: { cwd?: string; onLine?: Progress } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b;
      if (opts.onLine) for (const l of b.toString().split('\n')) if (l.trim()) opts.onLine(l.trim());
    });
    child.stderr.on('data', (b: Buffer) => { stderr += b; });
    child.on('error', (err) => reject(new Error(`${cmd}: ${err.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else reject(Object.assign(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${(stderr || stdout).trim().split('\n').slice(-15).join('\n')}`), { stdout, stderr }));
    });
  });
}

/** `apt-cache policy` → the candidate version of each package (missing when apt knows none). */
export function parseAptPolicy(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let current = '';
  for (const line of text.split('\n')) {
    const pkg = /^(\S+):\s*$/.exec(line);
    if (pkg) { current = pkg[1]; continue; }
    const cand = /^\s+Candidate:\s*(\S+)/.exec(line);
    if (cand && current && cand[1] !== '(none)') out[current] = cand[1];
  }
  return out;
}

async function aptCandidates(debs: string[]): Promise<Record<string, string>> {
  const { stdout } = await run('apt-cache', ['policy', ...debs]);
  return parseAptPolicy(stdout);
}

type Extracted = {
  pkg: string;
  debVersion: string;
  depends: string;
  name: string;
  version: string;
  metadata: string;
  requiresTxt?: string;
  infoFiles: Record<string, Buffer>;
  files: WheelFile[];
  skipped: string[];
};

const SITE = path.join('usr', 'lib', 'python3', 'dist-packages');
/** Files of an egg-info/dist-info folder that are not carried into the wheel's .dist-info. */
const DROPPED_INFO = new Set(['PKG-INFO', 'METADATA', 'RECORD', 'WHEEL', 'INSTALLER', 'REQUESTED', 'direct_url.json', 'requires.txt', 'SOURCES.txt', 'dependency_links.txt', 'not-zip-safe', 'zip-safe', 'installed-files.txt']);

function walk(root: string, rel: string, files: WheelFile[], skipped: string[]): void {
  for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.name === '__pycache__' || entry.name.endsWith('.pyc')) continue;
    if (entry.isSymbolicLink()) { skipped.push(`${r} (symlink)`); continue; }
    if (entry.isDirectory()) walk(root, r, files, skipped);
    else if (entry.isFile()) {
      const full = path.join(root, r);
      files.push({ path: r, data: fs.readFileSync(full), mode: fs.statSync(full).mode & 0o777 });
    }
  }
}

async function extractDeb(debFile: string, into: string): Promise<Extracted> {
  const fields = (await run('dpkg-deb', ['-f', debFile, 'Package', 'Version', 'Depends'])).stdout;
  const field = (n: string) => new RegExp(`^${n}:\\s*(.*)$`, 'm').exec(fields)?.[1].trim() ?? '';
  const pkg = field('Package');
  fs.mkdirSync(into, { recursive: true });
  await run('dpkg-deb', ['-x', debFile, into]);
  const site = path.join(into, SITE);
  if (!fs.existsSync(site)) throw new Error(`${pkg}: no ${SITE} in the package (not a Python 3 library?)`);
  const entries = fs.readdirSync(site, { withFileTypes: true });
  const infos = entries.filter((e) => e.isDirectory() && /\.(dist-info|egg-info)$/.test(e.name));
  if (infos.length !== 1) throw new Error(`${pkg}: expected one .dist-info or .egg-info folder, found ${infos.map((e) => e.name).join(', ') || 'none'}`);
  const infoDir = path.join(site, infos[0].name);
  const isDist = infos[0].name.endsWith('.dist-info');
  const metadata = fs.readFileSync(path.join(infoDir, isDist ? 'METADATA' : 'PKG-INFO'), 'utf8');
  const requiresPath = path.join(infoDir, 'requires.txt');
  const infoFiles: Record<string, Buffer> = {};
  for (const f of fs.readdirSync(infoDir, { withFileTypes: true })) {
    if (f.isFile() && !DROPPED_INFO.has(f.name)) infoFiles[f.name] = fs.readFileSync(path.join(infoDir, f.name));
  }
  const files: WheelFile[] = [];
  const skipped: string[] = [];
  for (const e of entries) {
    if (e === infos[0] || e.name === '__pycache__') continue;
    if (e.isSymbolicLink()) { skipped.push(`${e.name} (symlink)`); continue; }
    if (e.isDirectory()) walk(site, e.name, files, skipped);
    else if (e.isFile() && !e.name.endsWith('.pth')) files.push({ path: e.name, data: fs.readFileSync(path.join(site, e.name)), mode: fs.statSync(path.join(site, e.name)).mode & 0o777 });
  }
  const name = metadataField(metadata, 'Name');
  const version = metadataField(metadata, 'Version');
  if (!name || !version) throw new Error(`${pkg}: no Name/Version in ${infos[0].name}`);
  return {
    pkg, debVersion: field('Version'), depends: field('Depends'), name, version, metadata,
    requiresTxt: fs.existsSync(requiresPath) ? fs.readFileSync(requiresPath, 'utf8') : undefined,
    infoFiles, files, skipped,
  };
}

/** Packages a python3-* library may depend on that are not Python distributions. */
const NOT_DISTRIBUTIONS = new Set(['python3', 'python3-minimal', 'python3-all', 'python3-distutils', 'python3-lib2to3']);

export function writeAtomic(file: string, data: Buffer | string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

export type WheelhouseOptions = { debs?: string[] };

/**
 * Make sure `<dataDir>/pkgindex/pypi/` holds wheels for the seed packages at the versions apt
 * offers now. Offline (apt knows no candidate or the download fails) an intact earlier
 * wheelhouse is kept and served; without one this throws with the reason.
 */
export async function ensureWheelhouse(dataDir: string, progress: Progress = () => {}, opts: WheelhouseOptions = {}): Promise<IndexManifest> {
  const started = Date.now();
  const debs = opts.debs ?? SEED_DEBS;
  const dir = pypiDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const previous = readManifest(dir);
  const usable = previous && manifestIntact(dir, previous) ? previous : null;
  const say = (line: string) => progress(`python index: ${line}`);

  let candidates: Record<string, string>;
  try {
    candidates = await aptCandidates(debs);
  } catch (err) {
    candidates = {};
    say(`apt-cache failed: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
  }
  const missing = debs.filter((d) => !candidates[d]);
  if (missing.length) {
    if (usable) {
      say(`apt knows no version of ${missing.join(', ')}; keeping the ${usable.files.length} wheels made earlier`);
      return usable;
    }
    throw new Error(`apt knows no version of ${missing.join(', ')}: run \`apt-get update\` (as root) on this host, then the set-up again.`);
  }
  const pinned: Record<string, string> = Object.fromEntries(debs.map((d) => [d, candidates[d]]));
  const key = wheelhouseKey(pinned);
  if (usable && usable.key === key) {
    say(`${usable.files.length} wheels up to date (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return usable;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-wheels-'));
  try {
    say(`downloading ${debs.length} Debian packages with apt-get…`);
    try {
      await run('apt-get', ['download', '-q', ...debs.map((d) => `${d}=${pinned[d]}`)], {
        cwd: tmp,
        onLine: (l) => { if (/^Get:/.test(l)) say(l); },
      });
    } catch (err) {
      if (usable) {
        say(`apt-get download failed; keeping the ${usable.files.length} wheels made earlier (${err instanceof Error ? err.message.split('\n')[0] : err})`);
        return usable;
      }
      throw err;
    }
    const debFiles = fs.readdirSync(tmp).filter((f) => f.endsWith('.deb')).sort();
    const extracted: Extracted[] = [];
    for (const f of debFiles) extracted.push(await extractDeb(path.join(/*turbopackIgnore: true*/ tmp, f), path.join(/*turbopackIgnore: true*/ tmp, 'x', f.replace(/\.deb$/, ''))));
    const projectOf = new Map(extracted.map((e) => [e.pkg, e.name]));
    for (const d of debs) if (!projectOf.has(d)) throw new Error(`apt-get download gave no .deb for ${d}`);

    const files: IndexFile[] = [];
    for (const e of extracted) {
      const requires: string[] = [];
      const leftOut: string[] = [];
      for (const dep of parseDebDepends(e.depends)) {
        const project = projectOf.get(dep.pkg);
        if (project) requires.push(requirementFromDeb(dep, project));
        else if (dep.pkg.startsWith('python3-') && !NOT_DISTRIBUTIONS.has(dep.pkg)) leftOut.push(dep.pkg);
      }
      const metadata = buildMetadata(e.metadata, e.requiresTxt, requires);
      const wheel = buildWheel({ name: e.name, version: e.version, files: e.files, metadata, infoFiles: e.infoFiles });
      writeAtomic(path.join(dir, wheel.fileName), wheel.data);
      files.push({
        project: normalizeProject(e.name), name: e.name, version: e.version, fileName: wheel.fileName,
        sha256: wheel.sha256, size: wheel.data.length, requiresPython: metadataField(metadata, 'Requires-Python'),
        source: `${e.pkg}=${e.debVersion}`,
      });
      say(`${e.pkg} ${e.debVersion} → ${wheel.fileName} (${(wheel.data.length / 1024).toFixed(0)} kB${requires.length ? `; requires ${requires.join(', ')}` : ''})`);
      if (leftOut.length) say(`  ${e.pkg}: Debian also depends on ${leftOut.join(', ')}, not in the index: left out`);
      if (e.skipped.length) say(`  ${e.pkg}: skipped ${e.skipped.join(', ')}`);
    }
    const manifest: IndexManifest = { format: WHEELHOUSE_FORMAT, key, debs: pinned, files };
    writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const keep = new Set(files.map((f) => f.fileName));
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.whl') && !keep.has(f)) fs.rmSync(path.join(dir, f), { force: true });
    say(`${files.length} wheels ready in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return manifest;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
