import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayMetrics } from './metrics';

test('invocations are counted per function and status code, in OpenFaaS names', async () => {
  const m = new GatewayMetrics(false);
  m.started.inc({ function_name: 'figlet' });
  m.observe('figlet', 200, 0.01);
  m.observe('figlet', 200, 0.02);
  m.observe('figlet', 500, 0.03);
  m.observe('markdown', 200, 0.01);
  assert.equal(await m.invocationCount('figlet'), 3);
  assert.equal(await m.invocationCount('nope'), 0);
  const text = await m.registry.metrics();
  assert.match(text, /gateway_function_invocation_total\{function_name="figlet",code="200"\} 2/);
  assert.match(text, /gateway_function_invocation_total\{function_name="figlet",code="500"\} 1/);
  assert.match(text, /gateway_functions_seconds_count\{function_name="markdown",code="200"\} 1/);
});

test('gateway_service_count shows each function\'s replicas as the provider lists them, and nothing stale when it fails', async () => {
  let answer: () => Promise<{ name: string; replicas: number }[]> = async () => [{ name: 'figlet', replicas: 3 }, { name: 'env', replicas: 0 }];
  const m = new GatewayMetrics(false, 'sb1', () => answer());
  let text = await m.text();
  assert.match(text, /gateway_service_count\{function_name="figlet",sandbox="sb1"\} 3/);
  assert.match(text, /gateway_service_count\{function_name="env",sandbox="sb1"\} 0/);
  answer = async () => { throw new Error('provider down'); };
  text = await m.text();
  assert.doesNotMatch(text, /gateway_service_count\{/);
});
