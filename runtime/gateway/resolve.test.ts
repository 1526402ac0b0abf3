import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { lookup } from 'node:dns/promises';
import { Balancer } from './resolve';
import { Routes } from './routes';
import { parseSubnets } from './subnets';

/** The sandbox network of these tests: 10.0.0.0/24 (unnamed: names are looked up as given). */
const SANDBOX = { subnets: parseSubnets('10.0.0.0/24'), network: '' };

/** A fake resolver (pure logic under test: caching and round robin, not DNS). */
function resolver(answers: Record<string, string[]>) {
  const calls: string[] = [];
  const fn = (async (name: string) => {
    calls.push(name);
    const addrs = answers[name];
    if (!addrs?.length) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addrs.map((address) => ({ address, family: 4 }));
  }) as unknown as typeof lookup;
  return { fn, calls };
}

test('round robin over the addresses a name resolves to; one lookup per second at most', async () => {
  const dns = resolver({ echo: ['10.0.0.2', '10.0.0.3'] });
  const b = new Balancer(new Routes(), SANDBOX, dns.fn);
  assert.deepEqual([await b.pick('echo', 0), await b.pick('echo', 10), await b.pick('echo', 20)], ['10.0.0.2', '10.0.0.3', '10.0.0.2']);
  assert.equal(dns.calls.length, 1);
  await b.pick('echo', 1500);
  assert.equal(dns.calls.length, 2, 'looked up again after the TTL');
});

test('an unknown name is not cached (a new function is found at once); forget drops an answer', async () => {
  const answers: Record<string, string[]> = {};
  const dns = resolver(answers);
  const b = new Balancer(new Routes(), SANDBOX, dns.fn);
  assert.equal(await b.pick('new', 0), null);
  answers.new = ['10.0.0.9'];
  assert.equal(await b.pick('new', 1), '10.0.0.9');
  answers.new = ['10.0.0.10'];
  assert.equal(await b.pick('new', 2), '10.0.0.9', 'cached');
  b.forget('new');
  assert.equal(await b.pick('new', 3), '10.0.0.10');
});

test('only addresses on the sandbox network are used: a name that resolves elsewhere only is unknown', async () => {
  // As Docker's DNS answers in the gateway: `gateways` is every sandbox's gateway on the control
  // network, `nats` the control network's NATS; `2886860801` is 172.18.0.1 (the host) to getaddrinfo.
  const dns = resolver({ gateways: ['10.0.1.4', '10.0.1.6'], nats: ['10.0.1.2'], 2886860801: ['172.18.0.1'], both: ['10.0.1.9', '10.0.0.7'] });
  const b = new Balancer(new Routes(), SANDBOX, dns.fn);
  assert.equal(await b.pick('gateways', 0), null);
  assert.equal(await b.pick('nats', 0), null);
  assert.equal(await b.pick('2886860801', 0), null);
  assert.deepEqual([await b.pick('both', 0), await b.pick('both', 1)], ['10.0.0.7', '10.0.0.7']);
});

test("names are looked up on the sandbox network (`<name>.<network>`), where Docker's DNS answers from it alone", async () => {
  const dns = resolver({ 'nats.sbx': ['10.0.0.5'], nats: ['10.0.1.2'] });
  const b = new Balancer(new Routes(), { ...SANDBOX, network: 'sbx' }, dns.fn);
  assert.equal(await b.pick('nats', 0), '10.0.0.5', "the participant's own function called nats, not the platform's NATS");
  assert.deepEqual(dns.calls, ['nats.sbx']);
});

test('route overrides keep only sandbox addresses', async () => {
  const routes = new Routes((a) => a.startsWith('10.0.0.'));
  routes.set('echo', ['10.0.1.2', '10.0.0.8'], 1000, 0);
  const b = new Balancer(routes, SANDBOX, resolver({}).fn);
  assert.equal(await b.pick('echo', 1), '10.0.0.8');
});
