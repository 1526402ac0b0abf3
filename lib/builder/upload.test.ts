import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { extractUpload } from './upload';

type Entry = { name: string; content?: string; type?: 'file' | 'symlink' | 'directory' | 'link'; linkname?: string; mode?: number };

async function tarOf(entries: Entry[]): Promise<Readable> {
  const pack = tar.pack();
  for (const e of entries) {
    const header = { name: e.name, type: e.type ?? 'file', linkname: e.linkname, mode: e.mode } as const;
    if (e.type && e.type !== 'file') pack.entry(header);
    else pack.entry(header, e.content ?? '');
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Readable.from([Buffer.concat(chunks)]);
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'upload-test-'));
const config = { name: "faaslab-build.json", content: "{\"name\":\"hello\",\"lang\":\"python3\"}" };

test('a handler folder and its settings are unpacked; executables keep their bit', async () => {
  const dir = tmp();
  const settings = await extractUpload(await tarOf([
    config,
    { name: 'handler/', type: 'directory' },
    { name: 'handler/handler.py', content: 'def handle(req):\n    return req\n' },
    { name: 'handler/lib/util.py', content: 'X = 1\n' },
    { name: 'handler/run.sh', content: '#!/bin/sh\n', mode: 0o755 },
  ]), dir);
  assert.deepEqual(settings, { name: 'hello', lang: 'python3' });
  assert.equal(fs.readFileSync(path.join(dir, 'handler/handler.py'), 'utf8'), 'def handle(req):\n    return req\n');
  assert.equal(fs.readFileSync(path.join(dir, 'handler/lib/util.py'), 'utf8'), 'X = 1\n');
  assert.equal(fs.statSync(path.join(dir, 'handler/run.sh')).mode & 0o777, 0o755);
});

test('links, traversal, absolute paths and stray entries are refused before anything lands outside', async () => {
  const cases: [Entry, RegExp][] = [
    [{ name: 'handler/evil', type: 'symlink', linkname: '/etc/passwd' }, /"handler\/evil" is a symlink/],
    [{ name: 'handler/hard', type: 'link', linkname: 'handler/x' }, /is a link/],
    [{ name: 'handler/../../escape.txt', content: 'x' }, /'\.' or '\.\.'/],
    [{ name: '/etc/cron.d/x', content: 'x' }, /outside handler\//],
    [{ name: 'other/file', content: 'x' }, /outside handler\//],
  ];
  for (const [entry, message] of cases) {
    const dir = tmp();
    await assert.rejects(extractUpload(await tarOf([config, entry]), dir), (err: Error) => {
      assert.match(err.message, /The build upload was refused/);
      assert.match(err.message, message);
      return true;
    });
    assert.ok(!fs.existsSync(path.join(dir, '..', 'escape.txt')));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'handler')), []);
  }
});

test('an upload without settings, with broken settings, or not a tar at all is refused clearly', async () => {
  await assert.rejects(extractUpload(await tarOf([{ name: 'handler/a.py', content: '' }]), tmp()), /has no faaslab-build.json/);
  await assert.rejects(extractUpload(await tarOf([{ name: 'faaslab-build.json', content: '{nope' }]), tmp()), /not valid JSON/);
  await assert.rejects(extractUpload(Readable.from([Buffer.from('this is not a tar archive at all, just text'.repeat(20))]), tmp()), /refused/);
});
