import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { NPM_MANIFEST, type NpmManifest, type NpmTarball } from './npm';
import { versionManifest } from './npm-seed';

/** Test fixtures: npm tarballs and registry folders made on the spot (no network). */

/** An npm tarball: `package/<path>` for each file, gzipped. */
export async function makeTarball(files: Record<string, string>, top = 'package'): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name: `${top}/${name}`, mode: 0o644, mtime: new Date(0) }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

export type FixturePackage = { pkg: Record<string, unknown> & { name: string; version: string }; files?: Record<string, string> };

/** A registry folder as ensureNpmRegistry leaves it, holding `packages`. */
export async function writeRegistry(dir: string, packages: FixturePackage[]): Promise<NpmManifest> {
  fs.mkdirSync(dir, { recursive: true });
  const entries: NpmTarball[] = [];
  for (const { pkg, files = {} } of packages) {
    const data = await makeTarball({ 'package.json': JSON.stringify(pkg), ...files });
    const shasum = createHash('sha1').update(data).digest('hex');
    fs.writeFileSync(path.join(dir, `${shasum}.tgz`), data);
    entries.push({
      name: pkg.name, version: pkg.version, file: `${shasum}.tgz`, shasum, size: data.length,
      integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`, manifest: versionManifest(pkg),
    });
  }
  const manifest: NpmManifest = { format: 1, key: 'fixture', seeds: [], source: 'fixture', packages: entries };
  fs.writeFileSync(path.join(dir, NPM_MANIFEST), JSON.stringify(manifest));
  return manifest;
}

/** `greet` (needs `@faaslab/shout`, scoped), two versions of that, and a package with a bin. */
export const FIXTURE_PACKAGES: FixturePackage[] = [
  {
    pkg: { name: 'greet', version: '1.0.0', main: 'index.js', dependencies: { '@faaslab/shout': '^1.0.0' } },
    files: { 'index.js': "const shout = require('@faaslab/shout');\nmodule.exports = (who) => shout(`hello ${who}`);\n" },
  },
  { pkg: { name: '@faaslab/shout', version: '1.0.0' }, files: { 'index.js': 'module.exports = (s) => s.toUpperCase();\n' } },
  { pkg: { name: '@faaslab/shout', version: '1.1.0' }, files: { 'index.js': "module.exports = (s) => s.toUpperCase() + '!';\n" } },
  { pkg: { name: '@faaslab/shout', version: '2.0.0-beta.1' }, files: { 'index.js': "module.exports = () => 'beta';\n" } },
  { pkg: { name: 'hello-cli', version: '0.1.0', bin: 'cli.js' }, files: { 'cli.js': "#!/usr/bin/env node\nconsole.log('hi');\n" } },
];
