import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, readZip, writeZip } from './zip';

test('crc32 matches the standard check value', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.equal(crc32(Buffer.alloc(0)), 0);
});

const entries = [
  { name: 'pkg/__init__.py', data: Buffer.from('x = 1\n'.repeat(100)) },
  { name: 'pkg/empty.txt', data: Buffer.alloc(0) },
  { name: 'pkg/tool', data: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
  { name: 'pkg/ünï.txt', data: Buffer.from([1, 2, 3]) },
];

test('a zip reads back with the same entries, and the same input gives the same bytes', () => {
  const zip = writeZip(entries);
  assert.deepEqual(zip, writeZip(entries));
  const back = readZip(zip);
  assert.deepEqual(back.map((e) => e.name), entries.map((e) => e.name));
  back.forEach((e, i) => assert.deepEqual(e.data, entries[i].data));
  assert.equal(back[2].mode, 0o755);
  assert.equal(back[0].mode, 0o644);
});

test('unsafe or duplicate entry names are refused', () => {
  for (const name of ['/abs', '../up', 'a/../b', 'a\\b', '']) assert.throws(() => writeZip([{ name, data: Buffer.alloc(1) }]), name);
  assert.throws(() => writeZip([{ name: 'a', data: Buffer.alloc(1) }, { name: 'a', data: Buffer.alloc(1) }]), /duplicate/);
});

test("python's zipfile accepts it (when the host has python3)", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-zip-'));
  try {
    const file = path.join(dir, 't.zip');
    fs.writeFileSync(file, writeZip(entries));
    const r = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(",".join(z.namelist()))', file], { encoding: 'utf8' });
    if (r.error) return t.skip('no python3');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), entries.map((e) => e.name).join(','));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
