import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bridgeGateway, pypiHandler } from './server';
import { MANIFEST, type IndexManifest } from './wheels';

test('the bridge gateway: IPAM gateway, else the bridge interface, else the subnet\'s first host', () => {
  const v4 = (address: string) => ({ address, family: 'IPv4', netmask: '255.255.0.0', mac: '', internal: false, cidr: null }) as os.NetworkInterfaceInfo;
  assert.equal(bridgeGateway({ IPAM: { Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] } }, {}), '172.17.0.1');
  assert.equal(bridgeGateway({ IPAM: { Config: [{ Subnet: '10.9.0.0/16' }] }, Options: { 'com.docker.network.bridge.name': 'docker0' } }, { docker0: [v4('10.9.0.254')] }), '10.9.0.254');
  assert.equal(bridgeGateway({ IPAM: { Config: [{ Subnet: '172.17.0.0/16' }] }, Options: { 'com.docker.network.bridge.name': 'docker0' } }, {}), '172.17.0.1');
  assert.equal(bridgeGateway({ IPAM: { Config: [{ Subnet: '192.168.5.128/25' }] } }, {}), '192.168.5.129');
  assert.equal(bridgeGateway({ IPAM: { Config: [{ Subnet: 'fd00::/64' }] } }, {}), null);
  assert.equal(bridgeGateway({ IPAM: null }, {}), null);
});

let dir: string;
let server: http.Server;
let base: string;
const wheel = Buffer.from('not really a wheel');

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-pypi-'));
  fs.writeFileSync(path.join(dir, 'six-1.16.0-py3-none-any.whl'), wheel);
  fs.writeFileSync(path.join(dir, 'secret.whl.txt'), 'secret');
  const manifest: IndexManifest = { format: 1, key: 'k', debs: {}, files: [
    { project: 'six', name: 'six', version: '1.16.0', fileName: 'six-1.16.0-py3-none-any.whl', sha256: 'c'.repeat(64), size: wheel.length, source: 's' },
    // a tampered manifest naming a path outside is ignored
    { project: 'evil', name: 'evil', version: '1', fileName: '../../etc/passwd', sha256: 'd'.repeat(64), size: 1, source: 's' },
  ] };
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest));
  server = http.createServer(pypiHandler(dir));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('serves the index and the files read-only', async () => {
  const root = await fetch(`${base}/simple/`);
  assert.equal(root.status, 200);
  assert.match(root.headers.get('content-type')!, /text\/html/);
  const text = await root.text();
  assert.match(text, /\/simple\/six\//);
  assert.doesNotMatch(text, /evil/);
  const page = await (await fetch(`${base}/simple/six/`)).text();
  assert.match(page, /href="\/files\/six-1\.16\.0-py3-none-any\.whl#sha256=c{64}"/);
  const file = await fetch(`${base}/files/six-1.16.0-py3-none-any.whl`);
  assert.equal(file.status, 200);
  assert.deepEqual(Buffer.from(await file.arrayBuffer()), wheel);
  const redirect = await fetch(`${base}/simple/SIX`, { redirect: 'manual' });
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.get('location'), '/simple/six/');
  assert.equal((await fetch(`${base}/simple/six/`, { method: 'POST', body: 'x' })).status, 405);
  assert.equal((await fetch(`${base}/simple/requests/`)).status, 404);
});

test('no request reaches a file outside the manifest', async () => {
  for (const p of ['/files/secret.whl.txt', `/files/${MANIFEST}`, '/files/..%2F..%2Fetc%2Fpasswd', '/files/%2e%2e/%2e%2e/etc/passwd', '/simple/evil/']) {
    const res = await fetch(`${base}${p}`);
    assert.equal(res.status, 404, p);
    await res.arrayBuffer();
  }
});

test('a rewritten manifest is picked up without a restart', async () => {
  const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as IndexManifest;
  m.files[0] = { ...m.files[0], project: 'six2' };
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(m));
  fs.utimesSync(path.join(dir, MANIFEST), new Date(), new Date(Date.now() + 5000));
  assert.equal((await fetch(`${base}/simple/six2/`)).status, 200);
});
