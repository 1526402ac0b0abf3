import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MANIFEST, manifestIntact, parseAptPolicy, readManifest, wheelhouseKey, type IndexManifest } from './wheels';

test('apt-cache policy output gives each candidate version', () => {
  const text = [
    'python3-requests:', '  Installed: (none)', '  Candidate: 2.28.1+dfsg-1', '  Version table:', '     2.28.1+dfsg-1 500',
    'python3-nothing:', '  Installed: (none)', '  Candidate: (none)',
    'python3-idna:', '  Installed: 3.3-1', '  Candidate: 3.3-1+deb12u1',
  ].join('\n');
  assert.deepEqual(parseAptPolicy(text), { 'python3-requests': '2.28.1+dfsg-1', 'python3-idna': '3.3-1+deb12u1' });
});

test('the cache key depends on every Debian version, not on their order', () => {
  const a = wheelhouseKey({ 'python3-a': '1-1', 'python3-b': '2-1' });
  assert.equal(a, wheelhouseKey({ 'python3-b': '2-1', 'python3-a': '1-1' }));
  assert.notEqual(a, wheelhouseKey({ 'python3-a': '1-2', 'python3-b': '2-1' }));
});

test('a manifest is read defensively and checked against the files on disk', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-wh-'));
  try {
    assert.equal(readManifest(dir), null);
    fs.writeFileSync(path.join(dir, MANIFEST), '{not json');
    assert.equal(readManifest(dir), null);
    const data = Buffer.from('wheel');
    fs.writeFileSync(path.join(dir, 'a-1-py3-none-any.whl'), data);
    const m: IndexManifest = { format: 1, key: 'k', debs: {}, files: [
      { project: 'a', name: 'a', version: '1', fileName: 'a-1-py3-none-any.whl', sha256: createHash('sha256').update(data).digest('hex'), size: 5, source: 's' },
      { project: 'b', name: 'b', version: '1', fileName: '../b.whl', sha256: 'e'.repeat(64), size: 5, source: 's' },
    ] };
    fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(m));
    const read = readManifest(dir)!;
    assert.deepEqual(read.files.map((f) => f.fileName), ['a-1-py3-none-any.whl']);
    assert.ok(manifestIntact(dir, read));
    fs.writeFileSync(path.join(dir, 'a-1-py3-none-any.whl'), 'changed');
    assert.ok(!manifestIntact(dir, read));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
