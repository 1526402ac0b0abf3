import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseControl } from './control';

test('a resize message is read and its numbers clamped to a screen', () => {
  assert.deepEqual(parseControl('{"type":"resize","cols":120,"rows":40}'), { type: 'resize', cols: 120, rows: 40 });
  assert.deepEqual(parseControl('{"type":"resize","cols":1e9,"rows":-5}'), { type: 'resize', cols: 500, rows: 2 });
  assert.deepEqual(parseControl('{"type":"resize","cols":80.6,"rows":24.2}'), { type: 'resize', cols: 81, rows: 24 });
});

test('anything else is not a control message (and so reaches nothing)', () => {
  for (const text of ['', 'ls -la', '{"type":"resize","cols":"80","rows":24}', '{"type":"exec","cmd":"id"}', '{"type":"resize","cols":null}', '[]', 'null']) {
    assert.equal(parseControl(text), null, text);
  }
});
