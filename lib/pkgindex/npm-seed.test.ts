import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { npmDir, readNpmManifest } from './npm';
import { FIXTURE_PACKAGES, makeTarball, writeRegistry } from './npm-fixtures';
import { ensureNpmRegistry, lockedPackages, npmRegistryKey, tarballPackageJson, versionManifest } from './npm-seed';
import { npmHandler } from './server';

test('a lockfile gives every package to fetch once, without the root, bundled packages or links', () => {
  const lock = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'seed', dependencies: { debug: '4.4.3' } },
      'node_modules/debug': { version: '4.4.3', integrity: 'sha512-a' },
      'node_modules/ms': { version: '2.1.3', integrity: 'sha512-b' },
      'node_modules/other/node_modules/ms': { version: '2.0.0' },
      'node_modules/x/node_modules/ms': { version: '2.0.0' },
      'node_modules/npm': { version: '10.9.9' },
      'node_modules/npm/node_modules/abbrev': { version: '3.0.0', inBundle: true },
      'node_modules/@scope/y': { version: '1.0.0' },
      'node_modules/aliased': { name: 'real-name', version: '1.2.3' },
      'node_modules/local': { resolved: 'packages/local', link: true },
    },
  };
  assert.deepEqual(lockedPackages(lock).map((p) => `${p.name}@${p.version}`), [
    '@scope/y@1.0.0', 'debug@4.4.3', 'ms@2.0.0', 'ms@2.1.3', 'npm@10.9.9', 'real-name@1.2.3',
  ]);
  assert.equal(lockedPackages(lock).find((p) => p.name === 'debug')?.integrity, 'sha512-a');
  assert.throws(() => lockedPackages({ lockfileVersion: 1, dependencies: {} }), /without "packages"/);
  assert.throws(() => lockedPackages({ packages: { 'node_modules/g': { version: 'github:a/b' } } }), /not a registry package version/);
});

test('the version document keeps what npm install reads, and notices install scripts', () => {
  const m = versionManifest({
    name: '@s/tool', version: '1.0.0', bin: 'cli.js', dependencies: { a: '^1' }, devDependencies: { b: '1' },
    scripts: { test: 'x', postinstall: 'node setup.js' }, engines: { node: '>=18' }, bundledDependencies: ['a'], readme: 'long',
  });
  assert.deepEqual(m, {
    name: '@s/tool', version: '1.0.0', dependencies: { a: '^1' }, bundleDependencies: ['a'], bin: { tool: 'cli.js' },
    engines: { node: '>=18' }, hasInstallScript: true,
  });
  assert.equal(versionManifest({ name: 'n', version: '1.0.0' }, true).hasInstallScript, true, 'binding.gyp means node-gyp runs');
  assert.equal(versionManifest({ name: 'n', version: '1.0.0', scripts: { test: 'x' } }).hasInstallScript, undefined);
});

test("a tarball's package.json is found in its top folder, whatever that is called", async () => {
  const a = await tarballPackageJson(await makeTarball({ 'package.json': '{"name":"a","version":"1.0.0"}', 'lib/package.json': '{"name":"inner"}' }));
  assert.deepEqual(a, { pkg: { name: 'a', version: '1.0.0' }, hasBindingGyp: false });
  const b = await tarballPackageJson(await makeTarball({ 'package.json': '{"name":"b","version":"1.0.0"}', 'binding.gyp': '{}' }, 'b-1.0.0'));
  assert.equal(b.pkg.name, 'b');
  assert.equal(b.hasBindingGyp, true);
  await assert.rejects(tarballPackageJson(await makeTarball({ 'README.md': 'x' })), /no package\.json/);
  await assert.rejects(tarballPackageJson(Buffer.from('not gzip')));
});

// ensureNpmRegistry against a registry of our own on 127.0.0.1 (the same server code, serving
// fixtures), with an empty npm cache: the whole fill with the real npm CLI, and no internet.
let tmp: string;
let upstream: http.Server;
let registry: string;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-npmseed-'));
  const dir = path.join(tmp, 'upstream');
  await writeRegistry(dir, FIXTURE_PACKAGES);
  upstream = http.createServer(npmHandler(dir));
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  registry = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/npm/`;
});
after(async () => {
  upstream.closeAllConnections();
  await new Promise((r) => upstream.close(r));
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the registry is filled with the seeds and their dependencies; a second run does nothing', async () => {
  const dataDir = path.join(tmp, 'data');
  const lines: string[] = [];
  const opts = { seeds: ['greet@1.0.0', 'hello-cli@0.1.0'], registry, cache: path.join(tmp, 'cache'), retries: 0 };
  const m = await ensureNpmRegistry(dataDir, (l) => lines.push(l), opts);
  assert.deepEqual(m.packages.map((p) => `${p.name}@${p.version}`), ['@faaslab/shout@1.1.0', 'greet@1.0.0', 'hello-cli@0.1.0']);
  assert.equal(m.key, npmRegistryKey(opts.seeds));
  assert.deepEqual(m.packages.find((p) => p.name === 'greet')?.manifest.dependencies, { '@faaslab/shout': '^1.0.0' });
  assert.deepEqual(m.packages.find((p) => p.name === 'hello-cli')?.manifest.bin, { 'hello-cli': 'cli.js' });
  assert.ok(lines.every((l) => l.startsWith('npm registry: ')), lines.join('\n'));
  assert.ok(lines.some((l) => /^npm registry: greet@1\.0\.0 \(1 kB; depends on @faaslab\/shout\)$/.test(l)), lines.join('\n'));
  const dir = npmDir(dataDir);
  assert.deepEqual(fs.readdirSync(dir).sort(), [...m.packages.map((p) => p.file), 'index.json'].sort());
  assert.deepEqual(readNpmManifest(dir), m);

  const mtimes = fs.readdirSync(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs);
  const started = Date.now();
  const again = await ensureNpmRegistry(dataDir, (l) => lines.push(l), { ...opts, registry: 'http://127.0.0.1:9/' });
  assert.ok(Date.now() - started < 1000, 'no npm run');
  assert.deepEqual(again, m);
  assert.match(lines.at(-1)!, /^npm registry: 3 packages up to date/);
  assert.deepEqual(fs.readdirSync(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs), mtimes, 'nothing rewritten');

  // a changed seed list fetches only what is new and drops what is no longer needed
  const fewer = await ensureNpmRegistry(dataDir, (l) => lines.push(l), { ...opts, seeds: ['greet@1.0.0'] });
  assert.deepEqual(fewer.packages.map((p) => p.name), ['@faaslab/shout', 'greet']);
  assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith('.tgz')).length, 2);

  // unreachable registry, seed list changed: the earlier registry keeps serving, with a warning
  const kept = await ensureNpmRegistry(dataDir, (l) => lines.push(l), { ...opts, seeds: ['greet@1.0.0', 'ms@2.1.3'], registry: 'http://127.0.0.1:9/', cache: path.join(tmp, 'empty-cache') });
  assert.deepEqual(kept, fewer);
  assert.match(lines.at(-1)!, /^npm registry: resolving greet@1\.0\.0, ms@2\.1\.3 failed \(.*ECONNREFUSED.*\); keeping the 2 packages fetched earlier$/);
});

test('without a registry to reach and nothing fetched before, the set-up stops saying what failed and what to do', async () => {
  const dataDir = path.join(tmp, 'offline');
  await assert.rejects(
    ensureNpmRegistry(dataDir, () => {}, { seeds: ['ms@2.1.3'], registry: 'http://127.0.0.1:9/', cache: path.join(tmp, 'offline-cache'), retries: 0 }),
    (err: Error) => {
      assert.match(err.message, /^Could not fill the offline npm registry: resolving ms@2\.1\.3 from http:\/\/127\.0\.0\.1:9\/ failed: .*ECONNREFUSED/);
      assert.match(err.message, /check that this host reaches that registry \(npm ping; a proxy: npm config get proxy\), then run the set-up again\.$/);
      return true;
    },
  );
  await assert.rejects(ensureNpmRegistry(dataDir, () => {}, { seeds: ['ms@^2'] }), /exact name@version: ms@\^2/);
});
