import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CODE_ALPHABET, displayCode, isJoinCode, normaliseCode } from './join-code';
import { newJoinCode } from './new-join-code';

test('join codes are six characters with no look-alikes (0/O, 1/I/L) and rarely repeat', () => {
  assert.doesNotMatch(CODE_ALPHABET, /[0O1IL]/);
  const codes = Array.from({ length: 2000 }, newJoinCode);
  for (const c of codes) assert.ok(isJoinCode(c), c);
  assert.ok(new Set(codes).size > 1990);
});

test('a typed code is read without case, spaces or dashes; what is shown splits it in two', () => {
  assert.equal(normaliseCode(' k7m-q2x '), 'K7MQ2X');
  assert.equal(normaliseCode('k7m q2x'), 'K7MQ2X');
  assert.equal(isJoinCode(normaliseCode('K7M Q2X')), true);
  assert.equal(isJoinCode('K0MQ2X'), false, 'a zero is never in a code');
  assert.equal(isJoinCode('K7MQ2'), false);
  assert.equal(displayCode('K7MQ2X'), 'K7M Q2X');
});
