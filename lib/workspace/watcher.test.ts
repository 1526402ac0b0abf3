import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Workspace } from './files';
import { watchWorkspace } from './watcher';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('every change is heard, also to a file the editor replaced by a rename, and in folders made later', async () => {
  const ws = new Workspace(fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-watch-')));
  ws.write('a/f.py', 'one\n');
  const heard: string[] = [];
  const stop = watchWorkspace(ws.root, (paths) => heard.push(...paths));
  try {
    await settle(500);
    ws.write('a/f.py', 'two\n'); // temp file + rename, as the editor saves
    await settle(400);
    assert.ok(heard.includes('a/f.py'), `heard ${heard}`);
    heard.length = 0;
    fs.appendFileSync(path.join(ws.root, 'a/f.py'), 'three\n'); // as `echo >>` in the shell
    await settle(400);
    assert.deepEqual([...new Set(heard)], ['a/f.py']);
    fs.mkdirSync(path.join(ws.root, 'b/c'), { recursive: true });
    await settle(300);
    fs.writeFileSync(path.join(ws.root, 'b/c/g'), 'x');
    await settle(400);
    assert.ok(heard.includes('b/c/g'), `heard ${heard}`);
  } finally {
    stop();
  }
});
