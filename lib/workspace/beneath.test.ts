import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openParent } from './beneath';
import { tmpDir } from './test-helpers';

test('a folder swapped for a link after it was checked is not followed: the opened folder is used', () => {
  // What the shell could do between a check of the path and its use (the server is root).
  const root = tmpDir();
  const outside = tmpDir('outside');
  fs.mkdirSync(path.join(root, 'fn'));
  const parent = openParent(root, 'fn/handler.py')!;
  try {
    fs.renameSync(path.join(root, 'fn'), path.join(root, 'moved'));
    fs.symlinkSync(outside, path.join(root, 'fn'));
    fs.writeFileSync(`${parent.dir}/${parent.name}`, 'x');
  } finally {
    parent.close();
  }
  assert.deepEqual(fs.readdirSync(outside), []);
  assert.equal(fs.readFileSync(path.join(root, 'moved/handler.py'), 'utf8'), 'x');
});

test('folders on the way are made only when asked; a link on the way is refused', () => {
  const root = tmpDir();
  assert.equal(openParent(root, 'a/b/c.txt'), null);
  const made = openParent(root, 'a/b/c.txt', { create: true })!;
  made.close();
  assert.ok(fs.statSync(path.join(root, 'a/b')).isDirectory());
  fs.symlinkSync(tmpDir('outside'), path.join(root, 'a/link'));
  assert.throws(() => openParent(root, 'a/link/x', { create: true }), /goes through a symbolic link/);
});
