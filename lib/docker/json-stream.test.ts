import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { DockerJsonStreamParser, readDockerStream, type DockerStreamMessage } from './json-stream';

test('messages split across chunks come out whole and in order', () => {
  const p = new DockerJsonStreamParser();
  const out = [
    ...p.push('{"stream":"Step 1/4 : FROM base"}\n{"str'),
    ...p.push('eam":"Step 2/4"}'),
    ...p.push('\n{"aux":{"ID":"sha256:abc"}}\n'),
    ...p.end(),
  ];
  assert.deepEqual(out, [{ stream: 'Step 1/4 : FROM base' }, { stream: 'Step 2/4' }, { aux: { ID: 'sha256:abc' } }]);
});

test('a multi-byte character split between two chunks is not mangled', () => {
  const p = new DockerJsonStreamParser();
  const bytes = new TextEncoder().encode('{"stream":"héllo"}\n');
  const cut = bytes.indexOf(0xc3) + 1; // inside the two-byte é
  const out = [...p.push(bytes.slice(0, cut)), ...p.push(bytes.slice(cut)), ...p.end()];
  assert.deepEqual(out, [{ stream: 'héllo' }]);
});

test('a last line without newline is flushed at the end; plain text is kept as output', async () => {
  const seen: DockerStreamMessage[] = [];
  await readDockerStream(Readable.from([Buffer.from('not json\n{"error":"boom","errorDetail":{"message":"boom"}}')]), (m) => seen.push(m));
  assert.deepEqual(seen, [{ stream: 'not json\n' }, { error: 'boom', errorDetail: { message: 'boom' } }]);
});
