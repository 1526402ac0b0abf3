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
