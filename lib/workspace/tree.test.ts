import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { freshWorkspace } from './test-helpers';
import { listTree } from './tree';

test('every entry, sorted by path, with its type and size; links listed and never followed', () => {
  const ws = freshWorkspace();
  ws.write('hello/handler.py', 'abc');
  ws.write('hello.yml', 'functions: {}\n');
  fs.mkdirSync(path.join(ws.root, 'template/python3'), { recursive: true });
  fs.symlinkSync('/etc', path.join(ws.root, 'out'));
  assert.deepEqual(listTree(ws), {
    root: '~',
    truncated: false,
    entries: [
      { path: 'hello', type: 'dir', size: 0 },
      { path: 'hello.yml', type: 'file', size: 14 },
      { path: 'hello/handler.py', type: 'file', size: 3 },
      { path: 'out', type: 'symlink', size: 0 },
      { path: 'template', type: 'dir', size: 0 },
      { path: 'template/python3', type: 'dir', size: 0 },
    ],
  });
});

test('names the API would refuse (made in the shell) are listed as unsafe and not looked into', () => {
  const ws = freshWorkspace();
  fs.mkdirSync(path.join(ws.root, 'what?'));
  fs.writeFileSync(path.join(ws.root, 'what?/inside'), 'x');
  fs.writeFileSync(Buffer.concat([Buffer.from(path.join(ws.root, 'caf')), Buffer.from([0xe9])]), 'latin-1 name');
  const { entries } = listTree(ws);
  assert.deepEqual(entries, [
    { path: 'caf\ufffd', type: 'file', size: 12, unsafe: true },
    { path: 'what?', type: 'dir', size: 0, unsafe: true },
  ]);
});

test('capped: breadth first, so the top is complete when the list is cut; truncated says so', () => {
  const ws = freshWorkspace();
  for (let i = 0; i < 5; i++) ws.write(`top${i}.txt`, '');
  ws.write('a/b/c/d/e.txt', '');
  const cut = listTree(ws, { entries: 6, depth: 12 });
  assert.equal(cut.truncated, true);
  assert.deepEqual(cut.entries.map((e) => e.path), ['a', 'top0.txt', 'top1.txt', 'top2.txt', 'top3.txt', 'top4.txt']);
  const shallow = listTree(ws, { entries: 100, depth: 2 });
  assert.equal(shallow.truncated, true);
  assert.deepEqual(shallow.entries.filter((e) => e.path.startsWith('a')).map((e) => e.path), ['a', 'a/b']);
  assert.equal(listTree(ws).truncated, false);
});
