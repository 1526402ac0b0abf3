import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultGateway, listReplicas, providerBaseUrl } from './provider';

const table = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t000A000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
eth1\t00000000\t010012AC\t0003\t0\t0\t0\t00000000\t0\t0\t0
`;

test('the default gateway is read from /proc/net/route', () => {
  assert.equal(defaultGateway(table), '172.18.0.1');
  assert.equal(defaultGateway('Iface\tDestination\tGateway\n'), null);
});

test('provider_url wins; otherwise the host is reached through the default gateway', () => {
  assert.equal(providerBaseUrl({ provider_url: 'http://10.1.2.3:9/_provider/' }), 'http://10.1.2.3:9/_provider');
  const file = `${os.tmpdir()}/route-${process.pid}`;
  fs.writeFileSync(file, table);
  assert.equal(providerBaseUrl({ provider_port: '3100' }, file), 'http://172.18.0.1:3100/_provider');
});

test('replicas are read from the provider\'s function list with the sandbox token; a refusal is an error, not an empty list', async () => {
  let auth = '';
  const server = http.createServer((req, res) => {
    auth = String(req.headers.authorization);
    if (req.url !== '/system/functions') return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify([{ name: 'figlet', replicas: 2, image: 'x' }, { name: 'broken' }]));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    assert.deepEqual(await listReplicas(base, 'tok'), [{ name: 'figlet', replicas: 2 }]);
    assert.equal(auth, 'Bearer tok');
    await assert.rejects(listReplicas(`${base}/nope`, 'tok'), /provider answered 404/);
  } finally {
    server.close();
  }
});
