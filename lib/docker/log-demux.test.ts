import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogDemuxer } from './log-demux';

const frame = (type: number, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

test('lines come out whole whatever the chunking, per stream', () => {
  const seen: string[] = [];
  const d = new LogDemuxer((line, stream) => seen.push(`${stream}:${line}`));
  const all = Buffer.concat([frame(1, 'Forking fprocess.\nWrote 18 By'), frame(2, 'oops\n'), frame(1, 'tes - Duration: 0.01 seconds\n'), frame(1, 'no newline')]);
  for (let i = 0; i < all.length; i += 5) d.push(all.subarray(i, i + 5));
  d.end();
  assert.deepEqual(seen, ['stdout:Forking fprocess.', 'stderr:oops', 'stdout:Wrote 18 Bytes - Duration: 0.01 seconds', 'stdout:no newline']);
});
