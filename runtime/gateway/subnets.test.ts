import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inSubnets, ipv4ToInt, parseSubnets } from './subnets';

test('an address is inside a subnet only when its network bits match', () => {
  const sandbox = parseSubnets('10.0.30.0/24');
  for (const inside of ['10.0.30.0', '10.0.30.3', '10.0.30.255']) assert.equal(inSubnets(inside, sandbox), true, inside);
  // the control network, the host via docker_gwbridge, loopback, the internet
  for (const outside of ['10.0.29.4', '10.0.31.1', '172.18.0.1', '127.0.0.1', '198.51.100.1', '0.0.0.0', '255.255.255.255']) assert.equal(inSubnets(outside, sandbox), false, outside);
});

test('only dotted-quad IPv4 is an address: names, IPv6 and odd forms are never inside', () => {
  const sandbox = parseSubnets('10.0.30.0/24');
  for (const odd of ['gateway', '10.0.30', '10.0.30.3.1', '10.0.30.256', '::ffff:10.0.30.3', '[::1]', '0x0a.0.30.3', ' 10.0.30.3', '']) {
    assert.equal(inSubnets(odd, sandbox), false, odd);
  }
  assert.equal(ipv4ToInt('255.255.255.255'), 0xffffffff);
  assert.equal(ipv4ToInt('10.0.30.3'), (10 << 24) + (30 << 8) + 3);
});

test('several subnets, any prefix length; host bits in the base are ignored', () => {
  const s = parseSubnets(' 10.0.30.0/24 , 192.168.4.7/30');
  assert.deepEqual(s.map((x) => x.cidr), ['10.0.30.0/24', '192.168.4.7/30']);
  assert.equal(inSubnets('192.168.4.4', s), true);
  assert.equal(inSubnets('192.168.4.8', s), false);
  assert.equal(inSubnets('203.0.113.9', parseSubnets('0.0.0.0/0')), true);
  assert.equal(inSubnets('10.0.30.4', parseSubnets('10.0.30.3/32')), false);
  assert.deepEqual(parseSubnets(''), []);
});

test('a subnet that is not IPv4 CIDR is refused, naming it', () => {
  for (const bad of ['10.0.30.0', '10.0.30.0/33', '10.0.30.0/x', 'fd00::/64', '10.0.30/24', '10.0.30.0/24/1']) {
    assert.throws(() => parseSubnets(bad), new RegExp(`"${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" is not an IPv4 subnet`), bad);
  }
});
