import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMemory, memoryBytes } from './units';

test('memory strings parse as faas-swarm parses them (binary units)', () => {
  assert.equal(memoryBytes('128M'), 128 * 2 ** 20);
  assert.equal(memoryBytes('128Mi'), 128 * 2 ** 20);
  assert.equal(memoryBytes('1G'), 2 ** 30);
  assert.equal(memoryBytes('64k'), 64 * 1024);
  assert.equal(memoryBytes('1000'), 1000);
  assert.throws(() => memoryBytes('lots'), /invalid memory "lots"/);
});

test('bytes format back to the short form', () => {
  assert.equal(formatMemory(128 * 2 ** 20), '128M');
  assert.equal(formatMemory(2 ** 30), '1G');
  assert.equal(formatMemory(1000), '1000');
});
