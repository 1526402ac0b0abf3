import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_PACKAGES, writeRegistry } from './npm-fixtures';
import { packageIndexHandler } from './server';

/**
 * The npm registry over HTTP (one server with the PyPI index), then real clients against it:
 * the host's npm installing a package with a scoped dependency, and the node template's own
 * scripts fetching "npm" from it, all on 127.0.0.1 with registries made on the spot.
 */

const root = path.resolve(import.meta.dirname, '../..');

/** This process's environment without the npm_config_* that `npm run` sets (e.g. loglevel=silent from `npm run -s`). */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_'))) as NodeJS.ProcessEnv;

/** Run a command without blocking this process's event loop (the registry answers from it). */
function exec(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b; });
    child.stderr.on('data', (b: Buffer) => { stderr += b; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
let tmp: string;
let registryDir: string;
let server: http.Server;
let base: string;

const fakeNpm = {
  pkg: { name: 'npm', version: '10.9.9', bin: { npm: 'bin/npm-cli.js' } },
  // records how it was called and "installs" by writing a marker, like npm would fill node_modules
  files: { 'bin/npm-cli.js': "const fs = require('fs');\nfs.writeFileSync('node_modules/.fake-npm', process.argv.slice(2).join(' '));\nconsole.log('fake npm ran');\n" },
};

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-npmreg-'));
  registryDir = path.join(tmp, 'pkgindex', 'npm');
  await writeRegistry(registryDir, [...FIXTURE_PACKAGES, fakeNpm]);
  server = http.createServer(packageIndexHandler({ pypi: path.join(tmp, 'pkgindex', 'pypi'), npm: registryDir }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('packuments and tarballs over HTTP; the PyPI index keeps the rest of the paths', async () => {
  const res = await fetch(`${base}/npm/@faaslab%2fshout`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^application\/json/);
  const doc = await res.json() as { 'dist-tags': { latest: string }; versions: Record<string, { dist: { tarball: string; integrity: string; shasum: string } }> };
  assert.equal(doc['dist-tags'].latest, '1.1.0');
  const dist = doc.versions['1.1.0'].dist;
  assert.equal(dist.tarball, `${base}/npm/@faaslab/shout/-/shout-1.1.0.tgz`, 'tarball URLs use the host the client reached');
  const tgz = Buffer.from(await (await fetch(dist.tarball)).arrayBuffer());
  assert.equal(`sha512-${createHash('sha512').update(tgz).digest('base64')}`, dist.integrity);
  assert.equal(createHash('sha1').update(tgz).digest('hex'), dist.shasum);
  const head = await fetch(dist.tarball, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), String(tgz.length));
  assert.equal((await fetch(`${base}/simple/`)).status, 200, 'the PyPI index still answers (empty)');
});

test('unknown packages, writes and traversal get JSON errors, never a file', async () => {
  const missing = await fetch(`${base}/npm/left-pad`);
  assert.equal(missing.status, 404);
  assert.match((await missing.json() as { error: string }).error, /^left-pad is not in this workshop's offline npm registry \(it has: @faaslab\/shout, greet, hello-cli, npm\)$/);
  const put = await fetch(`${base}/npm/greet`, { method: 'PUT', body: '{}' });
  assert.equal(put.status, 405);
  assert.match((await put.json() as { error: string }).error, /read-only/);
  const files = fs.readdirSync(registryDir);
  for (const p of ['/npm/index.json', `/npm/${files.find((f) => f.endsWith('.tgz'))}`, '/npm/greet/-/..%2F..%2Fnpm%2Findex.json', '/npm/%2e%2e%2findex.json', '/npm/..%2f..%2f..%2fetc%2fpasswd', '/npm']) {
    const res = await fetch(`${base}${p}`);
    assert.equal(res.status, 404, p);
    assert.ok((await res.json() as { error: string }).error, p);
  }
});

test("the host's npm installs a package and its scoped dependency from the registry, and names a missing one", async () => {
  const project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0', dependencies: { greet: '^1.0.0', 'hello-cli': '*' } }));
  const npm = (args: string[]) => exec('npm', [...args, '--registry', `${base}/npm/`, '--cache', path.join(tmp, 'npm-cache'), '--no-audit', '--no-fund', '--no-update-notifier', '--fetch-retries=0'], { cwd: project });
  const ok = await npm(['install']);
  assert.equal(ok.status, 0, ok.stderr);
  const run = spawnSync(process.execPath, ['-e', "console.log(require('greet')('workshop'))"], { cwd: project, encoding: 'utf8' });
  assert.equal(run.stdout, 'HELLO WORKSHOP!\n', 'the newest matching version of the dependency (1.1.0, not the prerelease)');
  assert.ok(fs.existsSync(path.join(project, 'node_modules/.bin/hello-cli')), 'bins are linked');

  const missing = await npm(['install', 'faaslab-no-such@^1.0.0']);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /404 Not Found - GET \S+\/npm\/faaslab-no-such - faaslab-no-such is not in this workshop's offline npm registry/);
});

/** install-dependencies.sh as the node template runs it: no npm on PATH, only node and the shell's tools. */
async function runInstallScript(registry: string, pkgJson: string) {
  const work = fs.mkdtempSync(path.join(tmp, 'build-'));
  const bin = path.join(work, 'bin');
  fs.mkdirSync(bin);
  for (const tool of ['sh', 'node', 'tar', 'gzip', 'mkdir', 'rm', 'dirname']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    fs.symlinkSync(found, path.join(bin, tool));
  }
  for (const f of ['install-dependencies.sh', 'fetch-npm.js']) fs.copyFileSync(path.join(root, 'templates/node', f), path.join(work, f));
  fs.mkdirSync(path.join(work, 'function'));
  fs.writeFileSync(path.join(work, 'function/package.json'), pkgJson);
  // fetch-npm.js unpacks into /tmp/npm in the image; here into the work folder
  const script = fs.readFileSync(path.join(work, 'install-dependencies.sh'), 'utf8').replaceAll('/tmp/npm', path.join(work, 'npm'));
  fs.writeFileSync(path.join(work, 'install-dependencies.sh'), script);
  const r = await exec(path.join(bin, 'sh'), ['install-dependencies.sh', 'function'], { cwd: work, env: { PATH: bin, NPM_REGISTRY: registry } as unknown as NodeJS.ProcessEnv });
  return { status: r.status, out: r.stdout + r.stderr, work };
}

test('the node template fetches npm from the registry (integrity checked), runs it, and leaves no npm behind', async () => {
  const r = await runInstallScript(`${base}/npm/`, '{"dependencies": {"greet": "^1.0.0"}}');
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, new RegExp(`^npm 10\\.9\\.9 from ${base}/npm/$`, 'm'));
  assert.match(r.out, /fake npm ran/);
  assert.match(fs.readFileSync(path.join(r.work, 'function/node_modules/.fake-npm'), 'utf8'), new RegExp(`^install --omit=dev .*--registry ${base}/npm/ `));
  assert.ok(!fs.existsSync(path.join(r.work, 'npm')) && !fs.existsSync(path.join(r.work, 'npm.tgz')) && !fs.existsSync(path.join(r.work, 'npm-cache')), 'npm and its cache are removed');
});

test("a registry without npm, an unreachable one, or a tampered npm tarball fails the install, saying so", async () => {
  const empty = await runInstallScript(`${base}/npm-nowhere/`, '{"dependencies": {"greet": "1"}}');
  assert.equal(empty.status, 1);
  assert.match(empty.out, /Fetching npm failed: http:\S+ has no "npm" package \(HTTP 404/);
  assert.match(empty.out, /^Cannot install greet: npm could not be fetched from the workshop's npm registry/m);

  const down = await runInstallScript('http://127.0.0.1:9/npm/', '{"dependencies": {"greet": "1"}}');
  assert.equal(down.status, 1);
  assert.match(down.out, /Fetching npm failed: cannot reach http:\/\/127\.0\.0\.1:9\/npm\/: .*ECONNREFUSED/);

  const npmFile = (await (await fetch(`${base}/npm/npm`)).json() as { versions: Record<string, { dist: { shasum: string } }> }).versions['10.9.9'].dist.shasum;
  const file = path.join(registryDir, `${npmFile}.tgz`);
  const original = fs.readFileSync(file);
  try {
    fs.writeFileSync(file, Buffer.concat([original, Buffer.from('tampered')]));
    const tampered = await runInstallScript(`${base}/npm/`, '{"dependencies": {"greet": "1"}}');
    assert.equal(tampered.status, 1);
    assert.match(tampered.out, /does not match its integrity sha512-/);
    assert.ok(!fs.existsSync(path.join(tampered.work, 'function/node_modules/.fake-npm')), 'nothing ran');
  } finally {
    fs.writeFileSync(file, original);
  }
});
