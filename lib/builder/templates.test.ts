import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { AppError } from '../errors';
import { buildContext } from './context';
import { templateDir } from './templates';

const root = path.resolve(import.meta.dirname, '../..');
const langs = ['dockerfile', 'node', 'python3', 'python3-http'];

test('every template has a template.yml naming its language, with fprocess (if it has one) and a welcome message', () => {
  for (const lang of langs) {
    const dir = templateDir(root, lang);
    const yml = YAML.parse(fs.readFileSync(path.join(dir, 'template.yml'), 'utf8'));
    assert.equal(yml.language, lang);
    assert.ok(typeof yml.welcome_message === 'string' && yml.welcome_message.length > 20, lang);
    const dockerfile = fs.readFileSync(path.join(dir, lang === 'dockerfile' ? 'function/Dockerfile' : 'Dockerfile'), 'utf8');
    const fprocess = /^ENV fprocess="([^"]+)"/m.exec(dockerfile)?.[1];
    if (lang !== 'dockerfile') assert.equal(yml.fprocess, fprocess, `${lang}: template.yml and Dockerfile agree on fprocess`);
    assert.match(dockerfile, /^CMD \["fwatchdog"\]$/m, lang);
  }
});

test('the handler is copied last, so that a handler edit rebuilds only that layer', () => {
  for (const lang of ['node', 'python3', 'python3-http']) {
    const steps = fs.readFileSync(path.join(templateDir(root, lang), 'Dockerfile'), 'utf8').split('\n').filter((l) => /^[A-Z]+ /.test(l));
    assert.equal(steps.at(-1), 'COPY --chown=app:app function function', lang);
  }
});

test('both python templates install requirements with the same script', () => {
  const a = fs.readFileSync(path.join(root, 'templates/python3/install-requirements.sh'), 'utf8');
  assert.equal(fs.readFileSync(path.join(root, 'templates/python3-http/install-requirements.sh'), 'utf8'), a);
});

test('a handler folder without requirements.txt gets the template default; a dockerfile function is its own context', () => {
  const handler = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-ctx-'));
  try {
    fs.writeFileSync(path.join(handler, 'handler.py'), 'def handle(req):\n    return req\n');
    const py = buildContext('python3', templateDir(root, 'python3'), handler);
    assert.equal(py.get('function/requirements.txt')?.content.toString(), '');
    assert.ok(py.has('Dockerfile') && py.has('index.py') && py.has('function/handler.py'));
    assert.ok(!py.has('function/__init__.py'), "the template's own function/ is not mixed in");

    assert.throws(() => buildContext('dockerfile', templateDir(root, 'dockerfile'), handler), (e: unknown) => e instanceof AppError && e.code === 'invalid' && /has no Dockerfile/.test(e.message));
    fs.writeFileSync(path.join(handler, 'Dockerfile'), 'FROM scratch\n');
    assert.deepEqual([...buildContext('dockerfile', templateDir(root, 'dockerfile'), handler).keys()].sort(), ['Dockerfile', 'handler.py']);
  } finally {
    fs.rmSync(handler, { recursive: true, force: true });
  }
});
