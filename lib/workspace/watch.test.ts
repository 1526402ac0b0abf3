import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Workspace } from './files';
import { pointWorkspace } from './links';
import { tmpDir } from './test-helpers';
import { watchWorkspace, watchedWorkspaces } from './watch';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FAST = { relinkMs: 100 };

/** Listen on `root`: get() is every path reported so far and how many events brought them. */
function listen(root: string) {
  const log = { heard: [] as string[], events: 0 };
  const stop = watchWorkspace(root, (paths) => { log.events++; log.heard.push(...paths); }, FAST);
  return { get: () => log, clear: () => { log.heard.length = 0; log.events = 0; }, stop };
}

test('saves (a rename), appends, new folders and what is made in them are heard, as paths from the workspace', async () => {
  const ws = new Workspace(tmpDir());
  ws.write('a/f.py', 'one\n');
  const l = listen(ws.root);
  try {
    ws.write('a/f.py', 'two\n');
    await settle(250);
    assert.deepEqual([...new Set(l.get().heard)], ['a/f.py'], 'the save, not its temporary file');
    l.clear();
    fs.appendFileSync(path.join(ws.root, 'a/f.py'), 'three\n'); // as `echo >>` in the shell
    await settle(250);
    assert.deepEqual([...new Set(l.get().heard)], ['a/f.py']);
    fs.mkdirSync(path.join(ws.root, 'b/c'), { recursive: true });
    await settle(250);
    assert.ok(l.get().heard.includes('b'), `heard ${l.get().heard}`);
    fs.writeFileSync(path.join(ws.root, 'b/c/g'), 'x');
    await settle(250);
    assert.ok(l.get().heard.includes('b/c/g'), `heard ${l.get().heard}`);
    l.clear();
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(ws.root, `n${i}`), 'x');
    await settle(300);
    assert.equal(l.get().events, 1, 'a burst is one event');
    assert.equal(new Set(l.get().heard).size, 50);
  } finally {
    l.stop();
  }
});

test('a link to a folder outside is not followed: changes there are not heard', async () => {
  const ws = new Workspace(tmpDir());
  const outside = tmpDir('outside');
  fs.symlinkSync(outside, path.join(ws.root, 'out'));
  const l = listen(ws.root);
  try {
    await settle(50);
    fs.writeFileSync(path.join(outside, 'host-file'), 'x');
    fs.mkdirSync(path.join(outside, 'd'));
    await settle(250);
    assert.deepEqual(l.get().heard, []);
  } finally {
    l.stop();
  }
});

test("one watch for all of a participant's tabs, closed with the last", async () => {
  const root = tmpDir();
  const before = watchedWorkspaces();
  const [a, b] = [listen(root), listen(root)];
  assert.equal(watchedWorkspaces(), before + 1);
  fs.writeFileSync(path.join(root, 'x'), '1');
  await settle(250);
  assert.deepEqual([a.get().heard, b.get().heard], [['x'], ['x']]);
  a.stop();
  a.stop(); // twice (abort, then cancel) is once
  assert.equal(watchedWorkspaces(), before + 1);
  b.stop();
  assert.equal(watchedWorkspaces(), before);
});

test('follows the workspace link when a new sandbox re-points it, and survives its folder going and coming back', async () => {
  const data = tmpDir('data');
  const pid = 'participant1';
  const [home1, home2] = [path.join(data, 'homes/s1/files'), path.join(data, 'homes/s2/files')];
  fs.mkdirSync(home1, { recursive: true });
  fs.mkdirSync(home2, { recursive: true });
  fs.writeFileSync(path.join(home1, 'old.txt'), '');
  fs.writeFileSync(path.join(home2, 'new.txt'), '');
  pointWorkspace(data, pid, home1);
  const root = path.join(data, 'workspaces', pid);
  const l = listen(root);
  try {
    pointWorkspace(data, pid, home2);
    await settle(350);
    assert.deepEqual([...new Set(l.get().heard)].sort(), ['new.txt', 'old.txt']);
    l.clear();
    fs.writeFileSync(path.join(home1, 'stale'), '');
    fs.writeFileSync(path.join(home2, 'fresh'), '');
    await settle(250);
    assert.deepEqual(l.get().heard, ['fresh']);
    fs.rmSync(home2, { recursive: true });
    await settle(350);
    l.clear();
    fs.mkdirSync(home2);
    await settle(350); // seen again by the next relink
    fs.writeFileSync(path.join(home2, 'back'), '');
    await settle(250);
    assert.ok(l.get().heard.includes('back'), `heard ${l.get().heard}`);
  } finally {
    l.stop();
  }
});
