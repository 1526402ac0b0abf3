import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatGoTime, RFC3339, timeLayout } from './go-time';

const ts = '2024-05-01T09:08:07.123456789Z';

test('Go time layouts for --time-format', () => {
  assert.equal(formatGoTime(ts, RFC3339), '2024-05-01T09:08:07Z');
  assert.equal(formatGoTime(ts, '15:04:05.000'), '09:08:07.123');
  assert.equal(formatGoTime(ts, '2006/01/02 3:04PM'), '2024/05/01 9:08AM');
  assert.equal(formatGoTime(ts, 'Mon Jan _2 15:04:05 MST 2006'), 'Wed May  1 09:08:07 UTC 2024');
  assert.equal(formatGoTime('2024-05-01T09:08:07.100Z', '05.999'), '07.1');
  assert.equal(formatGoTime('2024-05-01T09:08:07Z', '05.999'), '07');
});

test('--time-format shortcuts name Go layouts, in any case; other text is a layout', () => {
  assert.equal(formatGoTime(ts, timeLayout('RFC1123')), 'Wed, 01 May 2024 09:08:07 UTC');
  assert.equal(formatGoTime(ts, timeLayout('rfc3339nano')), '2024-05-01T09:08:07.123456789Z');
  assert.equal(timeLayout('15:04'), '15:04');
});
