import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colourOf, formatValue, isSecondary, tick } from './format';

test('durations read in ms under a second, rates in req/s, counts as whole numbers, gaps as a dash', () => {
  assert.equal(formatValue('s', 0.0123), '12.3 ms');
  assert.equal(formatValue('s', 2.5), '2.5 s');
  assert.equal(formatValue('req/s', 0.2), '0.2 req/s');
  assert.equal(formatValue('calls', 50), '50');
  assert.equal(formatValue('replicas', null), '–');
});

test('a function keeps its colour in every panel; p95 and error codes are the dashed ones', () => {
  const fns = ['figlet', 'markdown'];
  assert.equal(colourOf(fns, 'markdown 200'), colourOf(fns, 'markdown p95'));
  assert.notEqual(colourOf(fns, 'figlet 200'), colourOf(fns, 'markdown 200'));
  assert.ok(isSecondary('figlet p95') && isSecondary('figlet 502') && !isSecondary('figlet p50') && !isSecondary('figlet 200'));
});

test('axis ticks are short: the unit is in the axis title, except ms / s for durations', () => {
  assert.equal(tick('req/s', 0.30000000000000004), '0.3');
  assert.equal(tick('s', 0.02), '20 ms');
  assert.equal(tick('calls', 15), '15');
});
