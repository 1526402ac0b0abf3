import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveInside } from './safe-path';
import { Workspace } from './files';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ws-'));

test('paths inside the workspace resolve under its root', () => {
  const root = tmp();
  assert.equal(resolveInside(root, 'hello-openfaas/handler.py'), path.join(fs.realpathSync(root), 'hello-openfaas', 'handler.py'));
});

test('traversal, absolute paths and odd names are refused with a clear message', () => {
  const root = tmp();
  for (const p of ['../x', 'a/../../x', '/etc/passwd', '~/x', 'a//b', 'a/./b', 'x\0y', '', 'a'.repeat(300)]) {
    assert.throws(() => resolveInside(root, p), (e: Error) => /is not allowed/.test(e.message), p);
  }
});

test('a symlink planted in the workspace cannot be used to write outside it', () => {
  const root = tmp();
  const outside = tmp();
  fs.symlinkSync(outside, path.join(root, 'link'));
  const ws = new Workspace(root);
  assert.throws(() => ws.write('link/evil.txt', 'x'), /symbolic link/);
  assert.equal(fs.readdirSync(outside).length, 0);
});

test('oversized files are refused and the old content stays', () => {
  const ws = new Workspace(tmp());
  ws.write('a.py', 'ok');
  assert.throws(() => ws.write('a.py', 'x'.repeat(300 * 1024)), /limit is/);
  assert.equal(ws.read('a.py'), 'ok');
});
