import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readCatalog } from '../../lib/store/catalog';
import { makeStandIn, route, STAND_IN_DEPLOYMENT, STAND_IN_FUNCTION, type StandInDeps } from './open-notify';

test('the api.open-notify.org stand-in serves GET and HEAD /astros.json (with or without a query) and says what it serves otherwise', () => {
  assert.equal(route('GET', '/astros.json').status, 200);
  assert.equal(route('GET', '/astros.json?x=1').status, 200);
  assert.equal(route('HEAD', '/astros.json').status, 200);
  for (const [method, url] of [['GET', '/iss-now.json'], ['POST', '/astros.json'], ['GET', '/']]) {
    const r = route(method, url);
    assert.equal(r.status, 404);
    assert.match(r.text!, /only GET http:\/\/api\.open-notify\.org\/astros\.json is served/);
  }
});

test('the stand-in deploys what the store lists as astros (store/catalog.json)', () => {
  const catalog = readCatalog(fileURLToPath(new URL('../..', import.meta.url)));
  const astros = catalog.find((c) => c.name === STAND_IN_FUNCTION);
  assert.ok(astros, 'the store has astros');
  assert.equal(STAND_IN_DEPLOYMENT.image, astros.image);
  assert.equal(STAND_IN_DEPLOYMENT.envProcess, astros.fprocess);
  assert.deepEqual(STAND_IN_DEPLOYMENT.envVars, astros.environment);
});

/** The stand-in on a port of its own, with the gateway's /function/astros played by `fn`. */
async function standIn(deps: Partial<StandInDeps>, fn: http.RequestListener = (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"message": "success", "number": 1, "people": [{"craft": "ISS", "name": "A"}]}\n')) {
  const gateway = http.createServer(fn);
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const handler = makeStandIn({ exists: async () => true, deploy: async () => null, gatewayPort: (gateway.address() as AddressInfo).port, ...deps });
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => { server.close(); gateway.close(); } };
}

test('astros.json is the astros function\'s answer; a missing astros is deployed once for concurrent first calls', async () => {
  let deploys = 0;
  let deployed = false;
  const s = await standIn({ exists: async () => deployed, deploy: async (body) => { deploys++; assert.equal(body.service, 'astros'); await new Promise((r) => setTimeout(r, 50)); deployed = true; return null; } });
  try {
    const answers = await Promise.all([1, 2, 3].map(() => fetch(`${s.url}/astros.json`)));
    for (const a of answers) {
      assert.equal(a.status, 200);
      assert.equal(((await a.json()) as { people: { name: string }[] }).people[0].name, 'A');
    }
    assert.equal(deploys, 1);
  } finally {
    s.close();
  }
});

test('when astros cannot be deployed, the answer is a 503 whose JSON message says why and what to run', async () => {
  const s = await standIn({ exists: async () => false, deploy: async () => '429: this sandbox already has 15 functions' });
  const logged = console.error;
  console.error = () => {};
  try {
    const r = await fetch(`${s.url}/astros.json`);
    assert.equal(r.status, 503);
    const body = (await r.json()) as { message: string; people: unknown[] };
    assert.match(body.message, /emulated in this sandbox by the store's astros function, which could not be deployed \(429: this sandbox already has 15 functions\)\. Try: faas-cli store deploy astros/);
    assert.deepEqual(body.people, []);
  } finally {
    console.error = logged;
    s.close();
  }
});
