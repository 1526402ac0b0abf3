import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig } from './config';

test('the sandbox network comes from the environment; without its subnets the gateway does not start', () => {
  const cfg = readConfig({ sandbox_subnets: '10.0.30.0/24', sandbox_network: 'faaslab-abc' });
  assert.deepEqual([cfg.sandbox.subnets.map((s) => s.cidr), cfg.sandbox.network], [['10.0.30.0/24'], 'faaslab-abc']);
  assert.throws(() => readConfig({}), /sandbox_subnets is not set: give the sandbox network's IPv4 subnets/);
  assert.throws(() => readConfig({ sandbox_subnets: '10.0.30.0' }), /sandbox_subnets: "10\.0\.30\.0" is not an IPv4 subnet in CIDR notation/);
});
