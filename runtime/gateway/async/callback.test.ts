import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { lookup } from 'node:dns/promises';
import { parseSubnets } from '../subnets';
import { callbackTarget } from './callback';

/** The sandbox network `sbx` (10.0.30.0/24) and a fake DNS as the gateway sees it (pure logic under test). */
const SANDBOX = { subnets: parseSubnets('10.0.30.0/24'), network: 'sbx' };
const ANSWERS: Record<string, string[]> = {
  'receiver.sbx': ['10.0.30.6'],
  'gateway.sbx': ['10.0.30.3'],
  'nats.sbx': ['10.0.30.9'], // the participant's own function called nats
  'outside.example': ['198.51.100.9'],
  'mixed.example': ['10.0.29.6', '10.0.30.7'],
  // names on the control network, unqualified (Docker's DNS answers `gateways.sbx` with nothing)
  gateways: ['10.0.29.4', '10.0.29.6'],
  'test1-b-gateway': ['10.0.29.6'],
};
function dns() {
  const calls: string[] = [];
  const fn = (async (name: string) => {
    calls.push(name);
    const addrs = ANSWERS[name];
    if (!addrs) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addrs.map((address) => ({ address, family: 4 }));
  }) as unknown as typeof lookup;
  return { fn, calls };
}

test("a callback to the sandbox's own gateway goes to this process, without a lookup", async () => {
  const d = dns();
  const t = await callbackTarget('http://gateway:8080/function/r?x=1', 8080, SANDBOX, d.fn);
  assert.ok(t.ok);
  assert.deepEqual([t.address, t.port, t.url.host, `${t.url.pathname}${t.url.search}`], ['127.0.0.1', 8080, 'gateway:8080', '/function/r?x=1']);
  assert.deepEqual(d.calls, []);
  const other = await callbackTarget('http://gateway/function/r', 8080, SANDBOX, d.fn);
  assert.deepEqual(other.ok && [other.address, other.port], ['10.0.30.3', 80], 'another port: the gateway by its sandbox address');
});

test('a callback to a function of the sandbox connects to the address checked (looked up once, on the sandbox network)', async () => {
  const d = dns();
  const t = await callbackTarget('http://receiver:8080/cb', 8080, SANDBOX, d.fn);
  assert.deepEqual(t.ok && [t.address, t.port], ['10.0.30.6', 8080]);
  assert.deepEqual(d.calls, ['receiver.sbx']);
  const nats = await callbackTarget('http://nats:8080/', 8080, SANDBOX, d.fn);
  assert.deepEqual(nats.ok && nats.address, '10.0.30.9');
  const literal = await callbackTarget('http://10.0.30.6:8080/', 8080, SANDBOX, d.fn);
  assert.deepEqual(literal.ok && literal.address, '10.0.30.6');
  const mixed = await callbackTarget('https://mixed.example/cb', 8080, SANDBOX, d.fn);
  assert.deepEqual(mixed.ok && [mixed.address, mixed.port], ['10.0.30.7', 443], 'only the inside address is used');
});

test('a callback outside the sandbox is refused, saying what and why, and not retried', async () => {
  const outside = {
    'http://outside.example/cb': /^outside\.example resolves only outside this sandbox's network \(10\.0\.30\.0\/24\)/,
    'http://172.18.0.1:3000/_provider': /^172\.18\.0\.1 is outside/, // the host via docker_gwbridge
    'http://gateways:8080/metrics': /^gateways resolves only outside/, // every sandbox's gateway
    'http://test1-b-gateway:8080/function/victim': /^test1-b-gateway resolves only outside/, // another sandbox's gateway
    'http://10.0.29.6:8080/function/victim': /outside/, // another sandbox's gateway on the control network
    'http://2886860801:8080/': /172\.18\.0\.1/, // the URL parser makes this 172.18.0.1
    'http://127.0.0.1:8080/function/x': /outside/,
    'http://[::1]:8080/': /outside/,
    'http://gateway:8080@172.18.0.1:3000/': /outside/,
  };
  const d = dns();
  for (const [url, reason] of Object.entries(outside)) {
    const t = await callbackTarget(url, 8080, SANDBOX, d.fn);
    assert.equal(t.ok, false, url);
    if (t.ok) continue;
    assert.match(t.reason, reason, url);
    assert.match(t.reason, /e\.g\. http:\/\/gateway:8080\/function\/<name>/);
  }
  for (const url of ['http://outside.example/cb', 'http://gateways:8080/']) {
    const refused = await callbackTarget(url, 8080, SANDBOX, d.fn);
    assert.equal(!refused.ok && refused.retry, false, url);
    assert.doesNotMatch(!refused.ok ? refused.reason : '', /10\.0\.29|93\.184/, 'addresses outside are not named');
  }
});

test('a name that does not resolve is a failure to retry (a function may be starting); a non-http URL is refused', async () => {
  const t = await callbackTarget('http://starting:8080/', 8080, SANDBOX, dns().fn);
  assert.deepEqual(!t.ok && [t.retry, /starting is not a name on this sandbox's network/.test(t.reason)], [true, true]);
  const ftp = await callbackTarget('ftp://receiver/x', 8080, SANDBOX, dns().fn);
  assert.deepEqual(!ftp.ok && ftp.retry, false);
});
