import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { saveSchema } from './api-schemas';
import { openFile, saveFile, versionOf } from './file-api';
import { MAX_FILE_BYTES } from './files';
import { freshWorkspace, outcome } from './test-helpers';

const save = (ws: ReturnType<typeof freshWorkspace>, p: string, content: string, baseVersion: string | null, force = false) => saveFile(ws, { path: p, content, baseVersion, force });

test('a text file opens with its version; binary, oversized and missing files are told apart', () => {
  const ws = freshWorkspace();
  ws.write('hello/handler.py', 'def handle(req):\n    return req\n');
  assert.deepEqual(openFile(ws, 'hello/handler.py'), { path: 'hello/handler.py', content: 'def handle(req):\n    return req\n', version: versionOf(Buffer.from('def handle(req):\n    return req\n')) });
  fs.writeFileSync(path.join(ws.root, 'nul'), Buffer.from('ab\0cd'));
  fs.writeFileSync(path.join(ws.root, 'latin1'), Buffer.from([0x63, 0x61, 0x66, 0xe9])); // not UTF-8
  assert.deepEqual(openFile(ws, 'nul'), { path: 'nul', binary: true, size: 5, version: versionOf(Buffer.from('ab\0cd')) });
  assert.equal((openFile(ws, 'latin1') as { binary?: true }).binary, true);
  fs.writeFileSync(path.join(ws.root, 'big.log'), 'x'.repeat(MAX_FILE_BYTES + 1));
  assert.match(outcome(() => openFile(ws, 'big.log')), /^too_large: big.log is 262145 bytes.*open it in the terminal instead/);
  assert.match(outcome(() => openFile(ws, 'gone.py')), /^not_found: gone.py does not exist/);
  fs.writeFileSync(path.join(ws.root, 'bom.txt'), '\ufeffwith a BOM'); // kept, so a save writes it back
  assert.equal((openFile(ws, 'bom.txt') as { content: string }).content, '\ufeffwith a BOM');
});

test('folders and FIFOs are not opened (a FIFO would block the server) nor saved over, even with force', () => {
  const ws = freshWorkspace();
  execFileSync('mkfifo', [path.join(ws.root, 'pipe')]);
  fs.mkdirSync(path.join(ws.root, 'dir'));
  assert.match(outcome(() => openFile(ws, 'pipe')), /^invalid: pipe is a named pipe \(FIFO\); the editor only opens regular files/);
  assert.match(outcome(() => openFile(ws, 'dir')), /^invalid: dir is a folder; the editor only opens regular files/);
  assert.match(outcome(() => save(ws, 'pipe', 'x', null, true)), /^invalid: pipe is a named pipe \(FIFO\); the editor only saves regular files/);
  assert.match(outcome(() => save(ws, 'dir', 'x', null, true)), /^invalid: dir is a folder/);
  assert.ok(fs.lstatSync(path.join(ws.root, 'pipe')).isFIFO());
  execFileSync('mknod', [path.join(ws.root, 'null'), 'c', '1', '3']); // what /dev/null is (tests run as root)
  assert.match(outcome(() => openFile(ws, 'null')), /^invalid: null is a device file; the editor only opens regular files/);
});

test('a save from an old version is a conflict carrying what is on disk; null means "new"; force overwrites', () => {
  const ws = freshWorkspace();
  const v1 = save(ws, 'f.py', 'one\n', null).version;
  assert.equal(v1, openFile(ws, 'f.py').version);
  assert.match(outcome(() => save(ws, 'f.py', 'again\n', null)), /^conflict: f.py already exists; nothing was saved/);
  fs.writeFileSync(path.join(ws.root, 'f.py'), 'from the shell\n');
  const conflict = (() => { try { save(ws, 'f.py', 'mine\n', v1); } catch (err) { return err as { code: string; detail: unknown }; } })();
  assert.equal(conflict?.code, 'conflict');
  assert.deepEqual(conflict?.detail, { current: { content: 'from the shell\n', version: openFile(ws, 'f.py').version } });
  assert.equal(fs.readFileSync(path.join(ws.root, 'f.py'), 'utf8'), 'from the shell\n', 'nothing written');
  assert.equal(save(ws, 'f.py', 'mine\n', v1, true).version, versionOf(Buffer.from('mine\n')));
  assert.equal(fs.readFileSync(path.join(ws.root, 'f.py'), 'utf8'), 'mine\n');
  fs.rmSync(path.join(ws.root, 'f.py'));
  assert.match(outcome(() => save(ws, 'f.py', 'x', versionOf(Buffer.from('mine\n')))), /^conflict: f.py was deleted on disk/);
});

test('only text is saved: NUL bytes 415, too large 413, a non-string is refused by the schema', () => {
  const ws = freshWorkspace();
  assert.match(outcome(() => save(ws, 'n.py', 'a\0b', null)), /^unsupported: .*the editor only saves text/);
  assert.match(outcome(() => save(ws, 'n.py', 'x'.repeat(MAX_FILE_BYTES + 1), null)), /^too_large: /);
  assert.equal(fs.existsSync(path.join(ws.root, 'n.py')), false);
  const parsed = saveSchema.safeParse({ path: 'n.py', content: 42, baseVersion: null });
  assert.match(parsed.error?.issues[0].message ?? '', /only saves text/);
});

test('a save keeps the file executable, leaves no temporary file, and makes missing folders', () => {
  const ws = freshWorkspace();
  const v = save(ws, 'bin/run.sh', '#!/bin/sh\necho 1\n', null).version;
  fs.chmodSync(path.join(ws.root, 'bin/run.sh'), 0o755);
  save(ws, 'bin/run.sh', '#!/bin/sh\necho 2\n', v);
  assert.equal(fs.statSync(path.join(ws.root, 'bin/run.sh')).mode & 0o777, 0o755);
  assert.deepEqual(fs.readdirSync(path.join(ws.root, 'bin')), ['run.sh']);
});

test('nothing outside the workspace: ../../etc/passwd, /etc/passwd, and a link to /etc are refused for reading and writing', () => {
  const ws = freshWorkspace();
  fs.symlinkSync('/etc', path.join(ws.root, 'out'));
  fs.symlinkSync('/etc/hostname', path.join(ws.root, 'host'));
  for (const p of ['../../etc/passwd', '/etc/passwd', 'out/passwd', 'out/faaslab-was-here']) {
    assert.match(outcome(() => openFile(ws, p)), /^invalid: Path .* is not allowed/, p);
    assert.match(outcome(() => save(ws, p, 'x', null, true)), /^invalid: Path .* is not allowed/, p);
  }
  assert.match(outcome(() => openFile(ws, 'host')), /^invalid: host is a symbolic link; the editor only opens regular files/);
  assert.match(outcome(() => save(ws, 'host', 'x', null, true)), /^invalid: host is a symbolic link/);
  assert.equal(fs.existsSync('/etc/faaslab-was-here'), false);
  assert.equal(fs.readlinkSync(path.join(ws.root, 'host')), '/etc/hostname', 'the link is not replaced either');
});
