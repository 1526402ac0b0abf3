import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { deleteEntry, makeFolder, renameEntry } from './entries';
import { freshWorkspace, outcome, outcomeOf, tmpDir } from './test-helpers';

test('mkdir makes a folder with its parents, once', () => {
  const ws = freshWorkspace();
  makeFolder(ws, 'a/b/c');
  assert.ok(fs.statSync(path.join(ws.root, 'a/b/c')).isDirectory());
  assert.match(outcome(() => makeFolder(ws, 'a/b')), /^conflict: a\/b already exists/);
  ws.write('f.txt', 'x');
  assert.match(outcome(() => makeFolder(ws, 'f.txt/sub')), /^invalid: f.txt\/sub cannot be used: f.txt is not a folder/);
});

test('rename never lands on an existing entry, nor moves a folder into itself; both paths are checked', () => {
  const ws = freshWorkspace();
  ws.write('a.txt', 'a');
  ws.write('b.txt', 'b');
  assert.match(outcome(() => renameEntry(ws, 'a.txt', 'b.txt')), /^conflict: b.txt already exists/);
  assert.equal(fs.readFileSync(path.join(ws.root, 'b.txt'), 'utf8'), 'b');
  assert.match(outcome(() => renameEntry(ws, 'gone', 'c.txt')), /^not_found: gone does not exist/);
  renameEntry(ws, 'a.txt', 'dir/c.txt');
  assert.equal(fs.readFileSync(path.join(ws.root, 'dir/c.txt'), 'utf8'), 'a');
  assert.match(outcome(() => renameEntry(ws, 'dir', 'dir/inner')), /^invalid: dir cannot be moved into itself/);
  assert.match(outcome(() => renameEntry(ws, 'b.txt', '../b.txt')), /^invalid: Path "..\/b.txt" is not allowed/);
  assert.match(outcome(() => renameEntry(ws, '/etc/passwd', 'p')), /^invalid: Path "\/etc\/passwd" is not allowed/);
});

test('a link is renamed and moved as a link; nothing is moved through one', () => {
  const ws = freshWorkspace();
  const outside = tmpDir('outside');
  fs.writeFileSync(path.join(outside, 'secret'), 'host file');
  fs.symlinkSync(outside, path.join(ws.root, 'out'));
  renameEntry(ws, 'out', 'link');
  assert.equal(fs.readlinkSync(path.join(ws.root, 'link')), outside);
  assert.match(outcome(() => renameEntry(ws, 'link/secret', 'stolen')), /^invalid: .*symbolic link/);
  ws.write('mine.txt', 'x');
  assert.match(outcome(() => renameEntry(ws, 'mine.txt', 'link/planted')), /^invalid: .*symbolic link/);
  assert.deepEqual(fs.readdirSync(outside), ['secret']);
});

test('delete: a file, a folder with all it holds, a link as the link alone; never the workspace itself', async () => {
  const ws = freshWorkspace();
  const outside = tmpDir('outside');
  fs.writeFileSync(path.join(outside, 'secret'), 'host file');
  fs.symlinkSync('/etc', path.join(ws.root, 'out'));
  await deleteEntry(ws, 'out');
  assert.equal(fs.lstatSync(path.join(ws.root, 'out'), { throwIfNoEntry: false }), undefined);
  assert.ok(fs.existsSync('/etc/passwd'));
  ws.write('fn/handler.py', 'x');
  ws.write('fn/deep/er/file.txt', 'y');
  fs.symlinkSync(outside, path.join(ws.root, 'fn/deep/escape')); // inside the folder: removed as a link, not followed
  fs.writeFileSync(Buffer.concat([Buffer.from(path.join(ws.root, 'fn/caf')), Buffer.from([0xe9])]), 'odd name from the shell');
  await deleteEntry(ws, 'fn');
  assert.deepEqual(fs.readdirSync(ws.root), []);
  assert.equal(fs.readFileSync(path.join(outside, 'secret'), 'utf8'), 'host file');
  for (const root of ['', '.', '~', '/']) assert.match(await outcomeOf(() => deleteEntry(ws, root)), /^invalid: Your workspace itself cannot be deleted/);
  assert.match(await outcomeOf(() => deleteEntry(ws, 'gone')), /^not_found/);
  assert.match(await outcomeOf(() => deleteEntry(ws, '../x')), /^invalid: Path/);
  assert.ok(fs.existsSync(ws.root));
});
