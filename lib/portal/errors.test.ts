import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatewayRefusal } from './errors';

const reply = (status: number, text: string) => ({ status, headers: [], body: Buffer.from(text), truncated: false, durationMs: 1 });

test('the provider\'s message and hint lines become the error\'s message and hint; the status its code', () => {
  const err = gatewayRefusal(reply(429, 'Function "x" was not deployed: this sandbox already has 15 functions.\nRemove one first: faas-cli remove <name>\n'), 'deploy "x"');
  assert.equal(err.code, 'quota');
  assert.equal(err.message, 'Could not deploy "x": Function "x" was not deployed: this sandbox already has 15 functions.');
  assert.equal(err.hint, 'Remove one first: faas-cli remove <name>');
  assert.equal(gatewayRefusal(reply(404, 'function "y" not found'), 'delete "y"').code, 'not_found');
  assert.equal(gatewayRefusal(reply(400, 'Invalid request: replicas must be 0 or more'), 'scale "y"').code, 'invalid');
});

test('a refused login and an unready function are said in a participant\'s words', () => {
  const auth = gatewayRefusal(reply(401, 'Unauthorized'), 'list your functions');
  assert.equal(auth.code, 'unauthorized');
  assert.match(auth.message, /refused the portal's login while trying to list your functions/);
  assert.match(auth.hint ?? '', /Reload the page/);
  const busy = gatewayRefusal(reply(503, ''), 'scale "z"');
  assert.equal(busy.message, 'Could not scale "z": the function is not ready yet.');
  assert.match(busy.hint ?? '', /status shows Ready/);
  assert.equal(gatewayRefusal(reply(500, ''), 'delete "z"').message, 'Could not delete "z" (the gateway answered 500).');
  // a deploy whose container would not start is said as the platform says it, not as "not ready"
  const failed = gatewayRefusal(reply(502, 'Function "f" failed to start: exec format error.\nCheck the image.'), 'deploy "f"');
  assert.equal(failed.code, 'deploy_failed');
  assert.equal(failed.message, 'Could not deploy "f": Function "f" failed to start: exec format error.');
});
