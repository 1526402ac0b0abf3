import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { lookup } from 'node:dns/promises';
import { Balancer } from './resolve';
import { Routes } from './routes';

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
  const b = new Balancer(new Routes(), dns.fn);
  assert.deepEqual([await b.pick('echo', 0), await b.pick('echo', 10), await b.pick('echo', 20)], ['10.0.0.2', '10.0.0.3', '10.0.0.2']);
  assert.equal(dns.calls.length, 1);
  await b.pick('echo', 1500);
  assert.equal(dns.calls.length, 2, 'looked up again after the TTL');
});

test('an unknown name is not cached (a new function is found at once); forget drops an answer', async () => {
  const answers: Record<string, string[]> = {};
  const dns = resolver(answers);
  const b = new Balancer(new Routes(), dns.fn);
  assert.equal(await b.pick('new', 0), null);
  answers.new = ['10.0.0.9'];
  assert.equal(await b.pick('new', 1), '10.0.0.9');
  answers.new = ['10.0.0.10'];
  assert.equal(await b.pick('new', 2), '10.0.0.9', 'cached');
  b.forget('new');
  assert.equal(await b.pick('new', 3), '10.0.0.10');
});
