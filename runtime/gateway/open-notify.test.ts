import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { route, STAND_IN_DEPLOYMENT, STAND_IN_FUNCTION } from './open-notify';

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
  const catalog = JSON.parse(fs.readFileSync(new URL('../../store/catalog.json', import.meta.url), 'utf8')) as { name: string; image: string; fprocess: string; environment: Record<string, string> }[];
  const astros = catalog.find((c) => c.name === STAND_IN_FUNCTION);
  assert.ok(astros, 'the store has astros');
  assert.equal(STAND_IN_DEPLOYMENT.image, astros.image);
  assert.equal(STAND_IN_DEPLOYMENT.envProcess, astros.fprocess);
  assert.deepEqual(STAND_IN_DEPLOYMENT.envVars, astros.environment);
});
