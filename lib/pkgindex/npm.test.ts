import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  compareVersions, isNpmName, notFoundBody, NPM_MANIFEST, npmManifestIntact, packument, parseExactSpec,
  readNpmManifest, resolveNpmRoute, tarballName, type NpmManifest, type NpmTarball,
} from './npm';

const pkg = (name: string, version: string, deps?: Record<string, string>): NpmTarball => ({
  name, version, file: `${'a'.repeat(39)}${version.length % 10}.tgz`, shasum: `${'a'.repeat(39)}${version.length % 10}`, size: 1,
  integrity: 'sha512-x', manifest: { name, version, ...(deps ? { dependencies: deps } : {}) },
});
const packages = [pkg('ms', '2.1.3'), pkg('debug', '4.4.3', { ms: '^2.1.3' }), pkg('@scope/x', '1.0.0'), pkg('@scope/x', '1.10.0'), pkg('@scope/x', '2.0.0-rc.1')];

test('names and exact specs follow npm\'s rules', () => {
  for (const ok of ['ms', 'lodash.merge', '@scope/x', '@types/node', 'a-b_c~d']) assert.ok(isNpmName(ok), ok);
  for (const bad of ['', 'Upper', '.hidden', '_under', '@scope', '@scope/', '@a/b/c', '../x', 'a b', '%2e%2e', 'x'.repeat(215)]) assert.ok(!isNpmName(bad), bad);
  assert.deepEqual(parseExactSpec('@scope/x@1.2.3'), { name: '@scope/x', version: '1.2.3' });
  assert.deepEqual(parseExactSpec('ms@2.1.3'), { name: 'ms', version: '2.1.3' });
  for (const bad of ['ms', 'ms@^2', 'ms@latest', '@scope/x', '@1.0.0']) assert.equal(parseExactSpec(bad), null, bad);
  assert.equal(tarballName('@scope/x', '1.0.0'), 'x-1.0.0.tgz');
  assert.equal(tarballName('ms', '2.1.3'), 'ms-2.1.3.tgz');
});

test('versions compare by semver precedence', () => {
  const sorted = ['1.10.0', '1.2.0', '1.2.0-rc.1', '1.2.0-beta.11', '1.2.0-beta.2', '0.9.9', '1.2.0-beta'].sort(compareVersions);
  assert.deepEqual(sorted, ['0.9.9', '1.2.0-beta', '1.2.0-beta.2', '1.2.0-beta.11', '1.2.0-rc.1', '1.2.0', '1.10.0']);
  assert.equal(compareVersions('1.0.0+build.1', '1.0.0'), 0);
});

test('packument and tarball paths, scoped names escaped or not', () => {
  assert.deepEqual(resolveNpmRoute('/ms', packages), { kind: 'packument', name: 'ms' });
  assert.deepEqual(resolveNpmRoute('/@scope%2fx', packages), { kind: 'packument', name: '@scope/x' });
  assert.deepEqual(resolveNpmRoute('/@scope%2Fx?write=true', packages), { kind: 'packument', name: '@scope/x' });
  assert.deepEqual(resolveNpmRoute('/@scope/x', packages), { kind: 'packument', name: '@scope/x' });
  assert.equal(resolveNpmRoute('/ms/-/ms-2.1.3.tgz', packages).kind, 'tarball');
  const scoped = resolveNpmRoute('/@scope/x/-/x-1.10.0.tgz', packages);
  assert.equal(scoped.kind === 'tarball' && `${scoped.pkg.name}@${scoped.pkg.version}`, '@scope/x@1.10.0');
  assert.equal(resolveNpmRoute('/@scope%2fx/-/x-1.0.0.tgz', packages).kind, 'tarball');
  assert.deepEqual(resolveNpmRoute('/left-pad', packages), { kind: 'not-found', missing: 'left-pad', reason: 'no such package' });
  assert.deepEqual(resolveNpmRoute('/ms/-/ms-9.9.9.tgz', packages), { kind: 'not-found', missing: 'ms/-/ms-9.9.9.tgz', reason: 'no such tarball' });
  // the tarball's file name must be the one of that very package
  assert.equal(resolveNpmRoute('/ms/-/debug-4.4.3.tgz', packages).kind, 'not-found');
});

test('no path outside a name or a manifest entry resolves: traversal, bad escapes, odd shapes', () => {
  const bad = [
    '/', '', '/..', '/../index.json', '/%2e%2e', '/%2e%2e%2findex.json', '/..%2F..%2Fetc%2Fpasswd', '/ms/-/..%2F..%2Findex.json',
    '/ms/-/%2e%2e', '/ms/../debug', '/@scope/x/y', '/ms/-/', '/ms/-/a/b.tgz', '/%', '/ms%00', '/MS', '/-/ping', '/-/v1/search',
    `/${'a'.repeat(39)}0.tgz`, '/index.json',
  ];
  for (const p of bad) assert.equal(resolveNpmRoute(p, packages).kind, 'not-found', p);
});

test('the packument lists every version with its dependencies and a tarball URL back at the registry', () => {
  const doc = packument('@scope/x', packages, 'http://172.17.0.1:47001/npm/') as { name: string; 'dist-tags': { latest: string }; versions: Record<string, { dist: { tarball: string; shasum: string; integrity: string } }> };
  assert.equal(doc.name, '@scope/x');
  assert.deepEqual(Object.keys(doc.versions), ['1.0.0', '1.10.0', '2.0.0-rc.1']);
  assert.equal(doc['dist-tags'].latest, '1.10.0', 'the highest release, not the prerelease');
  assert.equal(doc.versions['1.10.0'].dist.tarball, 'http://172.17.0.1:47001/npm/@scope/x/-/x-1.10.0.tgz');
  const debug = packument('debug', packages, 'http://h/npm/') as { versions: Record<string, { dependencies: unknown; name: string }> };
  assert.deepEqual(debug.versions['4.4.3'].dependencies, { ms: '^2.1.3' });
  const onlyPre = packument('p', [pkg('p', '1.0.0-alpha')], 'http://h/npm/') as { 'dist-tags': { latest: string } };
  assert.equal(onlyPre['dist-tags'].latest, '1.0.0-alpha');
});

test('a 404 names the missing package and what the registry has, or says it is empty', () => {
  const missing = resolveNpmRoute('/left-pad', packages);
  assert.equal(missing.kind, 'not-found');
  if (missing.kind !== 'not-found') return;
  assert.equal(notFoundBody(missing, packages).error, "left-pad is not in this workshop's offline npm registry (it has: @scope/x, debug, ms)");
  assert.match(notFoundBody(missing, []).error, /^left-pad is not in this workshop's offline npm registry, which is empty: the platform's set-up \(npm start\) fills it$/);
  assert.equal(notFoundBody({ kind: 'not-found', reason: 'unknown path' }, packages).error, 'Not found (unknown path)');
});

test('a tampered manifest naming other files is ignored; intact means every tarball hashes to its name', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-npm-'));
  const good = { ...pkg('ms', '2.1.3'), file: 'ab3cb7f3ebd1c4a8a6d0f2b4b0b9b3d4f3e1a8c0.tgz', shasum: 'ab3cb7f3ebd1c4a8a6d0f2b4b0b9b3d4f3e1a8c0' };
  const m: NpmManifest = { format: 1, key: 'k', seeds: [], source: 's', packages: [
    good,
    { ...good, name: 'evil', file: '../../etc/passwd' },
    { ...good, name: 'evil2', file: 'index.json' },
    { ...good, name: '../evil3' },
    { ...good, name: 'evil4', version: '1.0' },
  ] };
  fs.writeFileSync(path.join(dir, NPM_MANIFEST), JSON.stringify(m));
  assert.deepEqual(readNpmManifest(dir)?.packages.map((p) => p.name), ['ms']);
  assert.equal(npmManifestIntact(dir, readNpmManifest(dir)!), false, 'the tarball is missing');
  fs.writeFileSync(path.join(dir, NPM_MANIFEST), '{not json');
  assert.equal(readNpmManifest(dir), null);
  fs.rmSync(dir, { recursive: true, force: true });
});
