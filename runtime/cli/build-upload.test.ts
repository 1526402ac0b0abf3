import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { extractUpload } from '../../lib/builder/upload';
import { checkLimits, collectHandlerFiles, packBuildUpload, UPLOAD_LIMITS } from './build-upload';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cli-upload-'));

function handlerFolder(): string {
  const dir = tmp();
  const write = (rel: string, content = 'x') => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };
  write('handler.py', 'def handle(req):\n    return req\n');
  write('requirements.txt', 'requests\n');
  write('lib/util.py', 'X = 1\n');
  write('lib/build/keep.txt');            // only the top-level build/ is faas-cli's
  write('build/hello/Dockerfile');         // faas-cli's shrinkwrap output
  write('template/python3/template.yml');  // faas-cli's templates
  write('node_modules/left-pad/index.js');
  write('lib/node_modules/x.js');
  write('.git/HEAD');
  write('__pycache__/handler.cpython-311.pyc');
  write('lib/__pycache__/util.cpython-311.pyc');
  write('run.sh', '#!/bin/sh\n');
  fs.chmodSync(path.join(dir, 'run.sh'), 0o755);
  fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd'));
  return dir;
}

test('the handler folder is uploaded without faas-cli\'s build/ and template/, packages, .git, caches or links', () => {
  const files = collectHandlerFiles(handlerFolder());
  assert.deepEqual(files.entries.map((e) => `${e.rel}${e.type === 'directory' ? '/' : ''}`), [
    'handler.py', 'lib/', 'lib/build/', 'lib/build/keep.txt', 'lib/util.py', 'requirements.txt', 'run.sh',
  ]);
  assert.deepEqual(files.skipped, ['passwd (a link: only files and folders are uploaded)']);
  assert.equal(files.files, 5);
});

test('the upload is what the platform\'s builder unpacks: its settings and the files under handler/', async () => {
  const files = collectHandlerFiles(handlerFolder());
  const body = await packBuildUpload(files, { name: 'hello', lang: 'python3', image: 'hello:latest', buildArgs: { A: '1' }, noCache: true });
  const out = tmp();
  const settings = await extractUpload(Readable.from([body]), out);
  assert.deepEqual(settings, { name: 'hello', lang: 'python3', image: 'hello:latest', buildArgs: { A: '1' }, noCache: true });
  assert.equal(fs.readFileSync(path.join(out, 'handler/handler.py'), 'utf8'), 'def handle(req):\n    return req\n');
  assert.equal(fs.readFileSync(path.join(out, 'handler/lib/build/keep.txt'), 'utf8'), 'x');
  assert.equal(fs.statSync(path.join(out, 'handler/run.sh')).mode & 0o777, 0o755);
  assert.equal(fs.existsSync(path.join(out, 'handler/node_modules')), false);
  assert.equal(fs.existsSync(path.join(out, 'handler/passwd')), false);
});

test('a folder over the builder\'s limits is refused here, naming the folder', () => {
  const base = { entries: [], skipped: [] };
  assert.throws(() => checkLimits('./big', { ...base, files: UPLOAD_LIMITS.files, bytes: 10 }), /\.\/big has 2000 files; a build can upload at most 1999/);
  assert.throws(() => checkLimits('./big', { ...base, files: 3, bytes: UPLOAD_LIMITS.bytes + 1 }), /\.\/big holds 16\.0 MB; a build can upload at most 16\.0 MB/);
  assert.doesNotThrow(() => checkLimits('./ok', { ...base, files: UPLOAD_LIMITS.files - 1, bytes: UPLOAD_LIMITS.bytes }));
});
