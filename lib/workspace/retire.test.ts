import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { after } from 'node:test';
import { newParticipantId } from '../session/participant';
import { copyNewer } from './copy-tree';
import { deleteFiles } from './forget';
import { attachWorkspace, sandboxHome } from './home';
import { keptFolder, pointWorkspace, workspacePath, workspaceState } from './links';
import { participantWorkspace } from './participant';
import { catchUp, copyHome, retireHome } from './retire';

// Homes here are plain folders (no quota, no mount): the order of the steps is what is tested.
const made: string[] = [];
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-retire-')); made.push(d); return d; };
after(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });

/** A participant with a sandbox `sid` whose workspace holds `files`. */
function withSandbox(data: string, sid: string, files: Record<string, string>) {
  const pid = newParticipantId();
  attachWorkspace(data, pid, sid);
  const ws = participantWorkspace(data, pid);
  for (const [rel, content] of Object.entries(files)) ws.write(rel, content);
  return { pid, ws };
}

test('an ended sandbox: its files stay in the editor, its home goes, and the next sandbox gets them', () => {
  const data = tmp();
  const { pid, ws } = withSandbox(data, 'sandbox00001', { 'hello/handler.py': 'v1', 'notes.txt': 'n' });
  retireHome(data, 'sandbox00001', pid);
  assert.equal(fs.existsSync(path.join(data, 'homes', 'sandbox00001')), false);
  assert.deepEqual(workspaceState(data, pid), { kind: 'link', target: keptFolder(data, pid) });
  assert.equal(ws.read('hello/handler.py'), 'v1');
  ws.write('hello/handler.py', 'v2'); // the editor works on without a sandbox
  attachWorkspace(data, pid, 'sandbox00002');
  assert.equal(fs.readFileSync(path.join(sandboxHome(data, 'sandbox00002'), 'hello/handler.py'), 'utf8'), 'v2');
  assert.equal(fs.existsSync(keptFolder(data, pid)), false);
  retireHome(data, 'sandbox00002', pid); // and again
  assert.equal(participantWorkspace(data, pid).read('notes.txt'), 'n');
});

test('a pool home, or one nobody links to any more, just goes', () => {
  const data = tmp();
  const { pid } = withSandbox(data, 'sandbox00001', { 'a.txt': 'mine' });
  fs.mkdirSync(sandboxHome(data, 'sandbox00009'), { recursive: true });
  fs.writeFileSync(path.join(sandboxHome(data, 'sandbox00009'), 'a.txt'), 'leftover');
  retireHome(data, 'sandbox00009', 'pool:0123');
  retireHome(data, 'sandbox00009', pid);
  assert.equal(fs.existsSync(path.join(data, 'homes', 'sandbox00009')), false);
  assert.equal(participantWorkspace(data, pid).read('a.txt'), 'mine');
});

test('links are copied as links and never followed; FIFOs are skipped; set-id bits are dropped; odd names kept', () => {
  const data = tmp();
  const outside = tmp();
  fs.writeFileSync(path.join(outside, 'secret'), 'host file');
  const { pid } = withSandbox(data, 'sandbox00001', { 'a.txt': 'a' });
  const home = sandboxHome(data, 'sandbox00001');
  fs.symlinkSync(outside, path.join(home, 'out'));
  fs.symlinkSync('/etc/passwd', path.join(home, 'pw'));
  execFileSync('mkfifo', [path.join(home, 'pipe')]);
  fs.copyFileSync(process.execPath, path.join(home, 'tool'));
  fs.chmodSync(path.join(home, 'tool'), 0o4755);
  const odd = (dir: string) => Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9])]); // Latin-1, not UTF-8
  fs.writeFileSync(odd(home), 'odd name');
  retireHome(data, 'sandbox00001', pid);
  const kept = keptFolder(data, pid);
  assert.equal(fs.readFileSync(odd(kept), 'utf8'), 'odd name');
  assert.equal(fs.readlinkSync(path.join(kept, 'out')), outside);
  assert.equal(fs.readlinkSync(path.join(kept, 'pw')), '/etc/passwd');
  assert.equal(fs.existsSync(path.join(kept, 'pipe')), false);
  assert.equal(fs.statSync(path.join(kept, 'tool')).mode & 0o7777, 0o755);
  assert.throws(() => participantWorkspace(data, pid).read('out/secret'), /symbolic link/);
  deleteFiles(data, pid);
  assert.equal(fs.existsSync(kept), false);
  assert.equal(fs.lstatSync(workspacePath(data, pid), { throwIfNoEntry: false }), undefined);
  assert.equal(fs.readFileSync(path.join(outside, 'secret'), 'utf8'), 'host file');
  assert.ok(fs.existsSync('/etc/passwd'));
});

test('stopped after a partial copy: the home is still the workspace; the next attempt copies afresh', () => {
  const data = tmp();
  const { pid, ws } = withSandbox(data, 'sandbox00001', { 'a.txt': 'a', 'b/c.txt': 'c' });
  copyHome(data, 'sandbox00001', pid);
  fs.rmSync(path.join(keptFolder(data, pid), 'b'), { recursive: true }); // as if cut short
  fs.writeFileSync(path.join(keptFolder(data, pid), 'half'), 'x');
  assert.equal(ws.read('b/c.txt'), 'c', 'the editor still sees the home');
  retireHome(data, 'sandbox00001', pid);
  assert.equal(ws.read('b/c.txt'), 'c');
  assert.equal(ws.read('half'), null);
});

test('stopped after relinking: a save that landed in the home meanwhile is caught up, a newer one in the editor wins', () => {
  const data = tmp();
  const { pid, ws } = withSandbox(data, 'sandbox00001', { 'a.txt': 'a', 'b.txt': 'b' });
  const home = sandboxHome(data, 'sandbox00001');
  const minuteAgo = new Date(Date.now() - 60_000); // saved a while before (times are compared to the millisecond)
  for (const f of ['a.txt', 'b.txt']) fs.utimesSync(path.join(home, f), minuteAgo, minuteAgo);
  copyHome(data, 'sandbox00001', pid);
  pointWorkspace(data, pid, keptFolder(data, pid));
  fs.writeFileSync(path.join(home, 'late.txt'), 'late'); // saves that resolved the old link
  fs.writeFileSync(path.join(home, 'a.txt'), 'a2');
  ws.write('b.txt', 'b-from-editor');
  retireHome(data, 'sandbox00001', pid);
  assert.deepEqual([ws.read('late.txt'), ws.read('a.txt'), ws.read('b.txt')], ['late', 'a2', 'b-from-editor']);
  assert.equal(fs.existsSync(home), false);
});

test('an attach cut short while moving files in (workspace still a folder): nothing is lost', () => {
  const data = tmp();
  const pid = newParticipantId();
  participantWorkspace(data, pid).write('left.txt', 'still in the folder');
  fs.mkdirSync(sandboxHome(data, 'sandbox00001'), { recursive: true });
  fs.writeFileSync(path.join(sandboxHome(data, 'sandbox00001'), 'moved.txt'), 'already moved');
  retireHome(data, 'sandbox00001', pid);
  const ws = participantWorkspace(data, pid);
  assert.deepEqual([ws.read('left.txt'), ws.read('moved.txt')], ['still in the folder', 'already moved']);
  catchUp(data, 'sandbox00001', pid); // no home any more: nothing to do
});

test('copyNewer: fills gaps, replaces older files, never overwrites newer ones', () => {
  const [a, b] = [tmp(), tmp()];
  fs.writeFileSync(path.join(a, 'new'), 'from a');
  fs.writeFileSync(path.join(a, 'old'), 'from a');
  fs.writeFileSync(path.join(a, 'gap'), 'from a');
  fs.writeFileSync(path.join(b, 'new'), 'from b');
  fs.writeFileSync(path.join(b, 'old'), 'from b');
  const past = new Date(Date.now() - 3600_000);
  fs.utimesSync(path.join(b, 'new'), past, past);
  fs.utimesSync(path.join(a, 'old'), past, past);
  copyNewer(a, b);
  assert.deepEqual(['new', 'old', 'gap'].map((f) => fs.readFileSync(path.join(b, f), 'utf8')), ['from a', 'from b', 'from a']);
  const before = fs.statSync(path.join(b, 'gap')).ino;
  copyNewer(a, b); // the copy has its original's time: not copied again
  assert.equal(fs.statSync(path.join(b, 'gap')).ino, before);
});

test('no workspace at all (an attach cut short between its steps): the home is added to what the kept folder has', () => {
  const data = tmp();
  const { pid } = withSandbox(data, 'sandbox00001', { 'a.txt': 'a' });
  fs.mkdirSync(keptFolder(data, pid), { recursive: true });
  fs.writeFileSync(path.join(keptFolder(data, pid), 'only-here.txt'), 'kept');
  fs.rmSync(workspacePath(data, pid));
  retireHome(data, 'sandbox00001', pid);
  const ws = participantWorkspace(data, pid);
  assert.deepEqual([ws.read('a.txt'), ws.read('only-here.txt')], ['a', 'kept']);
});
