import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { openFile, saveFile } from '../../lib/workspace/file-api';
import type { Workspace } from '../../lib/workspace/files';
import { participantWorkspace } from '../../lib/workspace/participant';
import { listTree } from '../../lib/workspace/tree';
import { watchWorkspace } from '../../lib/workspace/watch';
import { participant, removeTestInstance, testContext } from './helpers';

// The editor's file API and the participant's shell on the same files (the workspace is the
// shell's home): what one does, the other sees, and the watcher tells the editor.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
let ws: Workspace;
const pid = participant();
const sh = async (cmd: string) => {
  const r = await execInShell(ctx.engine, ctx.prefix, sb.id, cmd);
  assert.equal(r.code, 0, `${cmd}: ${r.stderr}`);
  return r.stdout;
};

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
  ws = participantWorkspace(ctx.cfg.dataDir, pid);
});

after(() => removeTestInstance(ctx, [pid]));

test('what the shell makes is reported by the watcher within a second and listed in the tree', async (t) => {
  let stop = () => {};
  const heard = new Promise<string[]>((resolve) => { stop = watchWorkspace(ws.root, resolve); });
  try {
    await new Promise((r) => setTimeout(r, 100)); // the watch is in place
    const t0 = Date.now();
    await sh('mkdir demo && echo hi > demo/x.txt');
    const paths = await Promise.race([heard, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('nothing heard in 1 s')), 1000))]);
    assert.ok(paths.includes('demo'), `heard ${paths}`);
    t.diagnostic(`heard ${JSON.stringify(paths)} ${Date.now() - t0} ms after the command started`);
  } finally {
    stop();
  }
  const { entries } = listTree(ws);
  assert.deepEqual(entries.filter((e) => e.path.startsWith('demo')), [{ path: 'demo', type: 'dir', size: 0 }, { path: 'demo/x.txt', type: 'file', size: 3 }]);
  assert.deepEqual(openFile(ws, 'demo/x.txt'), { path: 'demo/x.txt', content: 'hi\n', version: openFile(ws, 'demo/x.txt').version });
});

test("the editor's save is what the shell reads; a change in the shell makes a save from the old version a conflict", async () => {
  const { version } = saveFile(ws, { path: 'hello/handler.py', content: 'def handle(req):\n    return req\n', baseVersion: null });
  assert.equal(await sh('cat hello/handler.py'), 'def handle(req):\n    return req\n');
  await sh('echo "# from the shell" >> hello/handler.py');
  const attempt = (() => { try { saveFile(ws, { path: 'hello/handler.py', content: 'mine\n', baseVersion: version }); return null; } catch (err) { return err as { code: string; detail?: { current?: { content: string } } }; } })();
  assert.equal(attempt?.code, 'conflict');
  assert.equal(attempt?.detail?.current?.content, 'def handle(req):\n    return req\n# from the shell\n');
  assert.equal(await sh('tail -1 hello/handler.py'), '# from the shell\n', 'nothing was written');
});

test('a link the shell makes to the host is listed as a link, and the editor neither reads nor writes through it', async () => {
  await sh('ln -s /etc out');
  assert.deepEqual(listTree(ws).entries.find((e) => e.path === 'out'), { path: 'out', type: 'symlink', size: 0 });
  assert.throws(() => openFile(ws, 'out/passwd'), /symbolic link/);
  assert.throws(() => saveFile(ws, { path: 'out/faaslab-test', content: 'x', baseVersion: null, force: true }), /symbolic link/);
  assert.equal(fs.existsSync('/etc/faaslab-test'), false, "the host's /etc is untouched");
});
