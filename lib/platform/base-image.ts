import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { orNull } from '../docker/not-found';
import { platformImageLabels } from '../docker/labels';
import { readDockerStream } from '../docker/json-stream';

/** Bump when the recipe below changes, so a new base image is made. */
export const BASE_RECIPE = 'bookworm-minbase-python3-v1';
export const DEFAULT_BASE_IMAGE = `faaslab-base:${BASE_RECIPE}`;
const PACKAGES = ['python3', 'ca-certificates'];

export type Progress = (line: string) => void;

/** The Debian mirror apt uses on this host (so debootstrap works wherever apt works). */
export function debianMirror(env = process.env): string {
  if (env.FAASLAB_DEBIAN_MIRROR) return env.FAASLAB_DEBIAN_MIRROR;
  const candidates = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list'];
  for (const f of candidates) {
    const text = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '';
    const m = /^URIs:\s*(\S+\/debian)\s*$/m.exec(text) ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\s+\S+/m.exec(text);
    if (m) return m[1];
  }
  return 'http://deb.debian.org/debian';
}

function run(cmd: string, args: string[], onLine: Progress): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const take = (buf: Buffer) => {
      for (const line of buf.toString().split('\n')) if (line.trim()) { onLine(line); tail.push(line); if (tail.length > 20) tail.shift(); }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}:\n${tail.join('\n')}`))));
  });
}

/**
 * Make sure the base image exists: Debian bookworm (minbase + python3) made with debootstrap
 * and imported, since no registry can be reached here. About 40–90 s the first time; a no-op after.
 */
export async function ensureBaseImage(engine: Docker, progress: Progress, image = process.env.FAASLAB_BASE_IMAGE ?? DEFAULT_BASE_IMAGE): Promise<string> {
  if (await orNull(engine.getImage(image).inspect())) return image;
  if (image !== DEFAULT_BASE_IMAGE) {
    throw new Error(`FAASLAB_BASE_IMAGE=${image} does not exist in the engine; pull or build it first, or unset the variable.`);
  }
  if (process.getuid?.() !== 0 || !fs.existsSync('/usr/sbin/debootstrap')) {
    throw new Error('Making the base image needs root and debootstrap (apt-get install debootstrap); run the set-up as root on Debian/Ubuntu.');
  }
  const mirror = debianMirror();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-rootfs-'));
  const started = Date.now();
  let last = 0;
  const throttled: Progress = (line) => {
    if (Date.now() - last < 2000 && !/^I: (Base system|Retrieving Release|Installing core)/.test(line)) return;
    last = Date.now();
    progress(`base image: ${line.replace(/^I: /, '')} (${Math.round((Date.now() - started) / 1000)} s)`);
  };
  try {
    progress(`base image: debootstrap bookworm from ${mirror} (about a minute)…`);
    await run('debootstrap', ['--variant=minbase', `--include=${PACKAGES.join(',')}`, 'bookworm', dir, mirror], throttled);
    progress('base image: importing into Docker…');
    const [repo, tag] = image.split(':');
    const tarProc = spawn('tar', ['-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const changes = Object.entries(platformImageLabels('base', BASE_RECIPE)).map(([k, v]) => `LABEL ${k}=${v}`);
    const out = await engine.importImage(tarProc.stdout as any, { repo, tag, changes } as any);
    let error = '';
    await readDockerStream(out as unknown as NodeJS.ReadableStream, (m) => { if (m.error) error = m.error; });
    if (error) throw new Error(`docker import failed: ${error}`);
    progress(`base image: ${image} ready (${Math.round((Date.now() - started) / 1000)} s)`);
    return image;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
