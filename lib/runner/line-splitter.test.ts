import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineSplitter } from './line-splitter';

test('lines cut across chunks come out whole, without colours or blank lines', () => {
  const lines: string[] = [];
  const s = lineSplitter((l) => lines.push(l));
  s.push('[0] > Buil');
  s.push(Buffer.from('ding hello.\n\x1b[32mok\x1b[0m\r\n\n'));
  assert.deepEqual(lines, ['[0] > Building hello.', 'ok']);
  const euro = Buffer.from('€ tail');
  s.push(euro.subarray(0, 1));
  s.push(euro.subarray(1));
  s.end();
  assert.deepEqual(lines, ['[0] > Building hello.', 'ok', '€ tail']);
});
