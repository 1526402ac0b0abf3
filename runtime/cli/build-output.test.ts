import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLines, errorExcerpt, LineSplitter, parseBuildEvent } from './build-output';

test('ndjson lines survive any chunk boundary, including inside a UTF-8 character', () => {
  const text = Buffer.from('{"type":"log","line":"Step 1/9 : FROM x"}\n{"type":"log","line":"café ✓"}\n{"type":"result","image":"hello:latest","seconds":0.6}');
  const lines = new LineSplitter();
  const got: string[] = [];
  for (let i = 0; i < text.length; i += 7) got.push(...lines.push(text.subarray(i, i + 7)));
  got.push(...lines.end());
  assert.deepEqual(got.map(parseBuildEvent), [
    { type: 'log', line: 'Step 1/9 : FROM x' },
    { type: 'log', line: 'café ✓' },
    { type: 'result', image: 'hello:latest', seconds: 0.6 },
  ]);
});

test('every event type is read; a line that is not one is kept as a log line', () => {
  assert.deepEqual(parseBuildEvent('{"type":"queue","position":2}'), { type: 'queue', position: 2 });
  assert.deepEqual(parseBuildEvent('{"type":"error","message":"boom","hint":"fix it","detail":{"excerpt":"  File \\"handler.py\\", line 3"}}'),
    { type: 'error', message: 'boom', hint: 'fix it', detail: { excerpt: '  File "handler.py", line 3' } });
  assert.deepEqual(parseBuildEvent('not json'), { type: 'log', line: 'not json' });
  assert.deepEqual(parseBuildEvent('{"type":"surprise"}'), { type: 'log', line: '{"type":"surprise"}' });
  assert.equal(errorExcerpt({ excerpt: 'x' }), 'x');
  assert.equal(errorExcerpt({ step: 'RUN false' }), undefined);
});

test("faas-cli's build lines: worker markers, %1.2fs durations, and [n] on every line only when builds run side by side", () => {
  assert.equal(buildLines.start(0, 'hello-openfaas'), '[0] > Building hello-openfaas.');
  assert.equal(buildLines.done(0, 'hello-openfaas', 850, true), '[0] < Building hello-openfaas done in 0.85s.');
  assert.equal(buildLines.done(1, 'second', 1234, false), '[1] < Building second failed in 1.23s.');
  assert.equal(buildLines.worker(1), '[1] Worker done.');
  assert.equal(buildLines.total(12_345), 'Total build time: 12.35s');
  assert.equal(buildLines.of(1, true, 'Step 1/9 : FROM x'), '[1] Step 1/9 : FROM x');
  assert.equal(buildLines.of(0, false, 'Step 1/9 : FROM x'), 'Step 1/9 : FROM x');
});
