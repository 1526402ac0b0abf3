import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ancestors, buildTree } from './tree-model';

const entries = [
  { path: 'lab3', type: 'dir' as const, size: 0 },
  { path: 'lab3/hello.yml', type: 'file' as const, size: 10 },
  { path: 'lab3/hello', type: 'dir' as const, size: 0 },
  { path: 'lab3/hello/handler.py', type: 'file' as const, size: 10 },
  { path: '.bashrc', type: 'file' as const, size: 10 },
  { path: '.cache', type: 'dir' as const, size: 0 },
  { path: '.cache/x', type: 'file' as const, size: 1 },
  { path: 'a.txt', type: 'file' as const, size: 1 },
];

test('folders come first, hidden entries only when asked for', () => {
  const tree = buildTree(entries, false);
  assert.deepEqual(tree.map((n) => n.name), ['lab3', 'a.txt']);
  assert.deepEqual(tree[0].children.map((n) => n.name), ['hello', 'hello.yml']);
  assert.deepEqual(tree[0].children[0].children.map((n) => n.path), ['lab3/hello/handler.py']);
  assert.deepEqual(buildTree(entries, true).map((n) => n.name), ['.cache', 'lab3', '.bashrc', 'a.txt']);
});

test('the folders on the way to a file', () => {
  assert.deepEqual(ancestors('lab3/hello/handler.py'), ['lab3', 'lab3/hello']);
  assert.deepEqual(ancestors('a.txt'), []);
});
