import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickSubnet, staleResolvMounts } from './addresses';

test('the outside world takes a /30 that no address or route of this machine touches', () => {
  const first = pickSubnet({ addresses: [], routes: [] }, () => 0);
  assert.deepEqual(first, { network: '198.51.100.0/30', host: '198.51.100.1', world: '198.51.100.2' });
  const avoid = pickSubnet({ addresses: ['198.51.100.3'], routes: ['198.51.100.4/30'] }, () => 0);
  assert.equal(avoid.network, '198.51.100.8/30', 'an address in use and a route of its own are both avoided');
  const wholeRange = pickSubnet({ addresses: [], routes: ['198.51.100.0/24', '203.0.113.80'] }, () => 0.999);
  assert.equal(wholeRange.network, '203.0.113.252/30');
  assert.match(pickSubnet({ addresses: [], routes: [] }, () => 0.999).network, /^198\.51\.100\./, 'the first range while it has room');
  const mirror = pickSubnet({ addresses: ['203.0.113.80'], routes: ['198.51.100.0/24'] }, () => 20 / 64);
  assert.notEqual(mirror.network, '203.0.113.80/30', "the package mirror's address is never taken");
  assert.throws(() => pickSubnet({ addresses: [], routes: ['198.51.100.0/23', '203.0.113.0/24'] }), /no free \/30 in 198\.51\.100\.0\/24 or 203\.0\.113\.0\/24/);
});

test('stale resolv.conf mounts are those on top whose test process is gone', () => {
  const line = (root: string) => `612 30 0:52 ${root} /etc/resolv.conf rw,relatime - tmpfs tmpfs rw`;
  const info = ['25 1 8:1 / / rw - ext4 /dev/sda1 rw', line('/faaslab-outside-11-a/resolv.conf'), line('/tmp/faaslab-outside-22-b/resolv.conf')].join('\n');
  assert.equal(staleResolvMounts(info, 'faaslab-outside-', () => false), 2);
  assert.equal(staleResolvMounts(info, 'faaslab-outside-', (pid) => pid === 22), 0, 'a live world on top is left alone, and what is under it');
  assert.equal(staleResolvMounts(info, 'faaslab-outside-', (pid) => pid === 11), 1);
  assert.equal(staleResolvMounts('25 1 8:1 / / rw - ext4 /dev/sda1 rw', 'faaslab-outside-', () => false), 0);
});
