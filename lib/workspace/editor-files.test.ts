import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Workspace } from './files';
import { deleteEntry, listTree, readForEditor, renameEntry, saveFromEditor } from './editor-files';

const fresh = () => new Workspace(fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-editor-files-')));
const code = (fn: () => unknown) => { try { fn(); return 'ok'; } catch (err) { return `${(err as { code?: string }).code}: ${(err as Error).message}`; } };

test('text opens with a version; binary and oversized files are told apart; devices and pipes are refused', () => {
  const ws = fresh();
  ws.write('a/handler.py', 'def handle(req):\n    return req\n');
  const opened = readForEditor(ws, 'a/handler.py');
  assert.ok('content' in opened && opened.content.startsWith('def handle'));
  fs.writeFileSync(path.join(ws.root, 'blob'), Buffer.from([0x7f, 0x45, 0x00, 0xff]));
  assert.equal((readForEditor(ws, 'blob') as { binary?: boolean }).binary, true);
  fs.writeFileSync(path.join(ws.root, 'big'), 'x'.repeat(300 * 1024));
  assert.match(code(() => readForEditor(ws, 'big')), /more than the editor opens.*terminal/);
  execFileSync('mkfifo', [path.join(ws.root, 'pipe')]);
  assert.match(code(() => readForEditor(ws, 'pipe')), /^invalid: pipe is a device, pipe or socket/);
  assert.match(code(() => saveFromEditor(ws, 'pipe', 'x', null, true)), /^invalid: pipe is a device/);
  assert.match(code(() => readForEditor(ws, 'gone.py')), /^not_found/);
});

test('a save from an old version is a conflict that carries what is on disk; force overwrites; null means new', () => {
  const ws = fresh();
  const v1 = saveFromEditor(ws, 'f.py', 'one\n', null).version;
  assert.match(code(() => saveFromEditor(ws, 'f.py', 'again\n', null)), /^conflict: f.py changed on disk/);
  fs.writeFileSync(path.join(ws.root, 'f.py'), 'from the shell\n');
  try { saveFromEditor(ws, 'f.py', 'mine\n', v1); assert.fail('no conflict'); } catch (err) {
    assert.deepEqual((err as { detail: unknown }).detail, { current: { content: 'from the shell\n', version: readForEditor(ws, 'f.py').version } });
  }
  saveFromEditor(ws, 'f.py', 'mine\n', v1, true);
  assert.equal(fs.readFileSync(path.join(ws.root, 'f.py'), 'utf8'), 'mine\n');
  assert.match(code(() => saveFromEditor(ws, 'n.py', 'a\0b', null)), /NUL bytes/);
  assert.match(code(() => saveFromEditor(ws, 'n.py', 42, null)), /only saves text/);
});

test('nothing outside the workspace: .., absolute paths, and symbolic links out are refused; deleting a link keeps its target', () => {
  const ws = fresh();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-outside-'));
  fs.writeFileSync(path.join(outside, 'secret'), 'keep');
  fs.symlinkSync(outside, path.join(ws.root, 'out'));
  for (const p of ['../../etc/passwd', '/etc/passwd', 'out/secret']) {
    assert.match(code(() => readForEditor(ws, p)), /^invalid: Path .* is not allowed/, p);
    assert.match(code(() => saveFromEditor(ws, p, 'x', null, true)), /^invalid: Path .* is not allowed/, p);
  }
  assert.match(code(() => renameEntry(ws, 'out', '../moved')), /not allowed/);
  assert.deepEqual(listTree(ws).entries, [{ path: 'out', type: 'symlink', size: 0 }]);
  deleteEntry(ws, 'out');
  assert.equal(fs.readFileSync(path.join(outside, 'secret'), 'utf8'), 'keep');
  assert.match(code(() => deleteEntry(ws, 'gone')), /^not_found/);
});

test('rename never lands on an existing entry', () => {
  const ws = fresh();
  ws.write('a.txt', 'a');
  ws.write('b.txt', 'b');
  assert.match(code(() => renameEntry(ws, 'a.txt', 'b.txt')), /^conflict: b.txt already exists/);
  renameEntry(ws, 'a.txt', 'dir/c.txt');
  assert.deepEqual(listTree(ws).entries.map((e) => e.path), ['b.txt', 'dir', 'dir/c.txt']);
});
