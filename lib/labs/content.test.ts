import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from './catalogue';
import { compileStep } from './compile';

// The lesson content shipped in labs/: every step must load, compile, and only use the
// components the lesson renderer provides; every FunctionRunner needs its starter files.
const labsDir = path.resolve(import.meta.dirname, '../../labs');
const KNOWN = new Set(['Note', 'Warning', 'FunctionRunner', 'GatewayCredentials']);

test('Labs 1-3 are all there, in order, with their steps', () => {
  const labs = loadCatalogue(labsDir);
  assert.deepEqual(labs.map((l) => l.slug), ['01-prepare', '02-test-things-out', '03-functions']);
  assert.ok(labs.every((l) => l.steps.length >= 3));
});

test('every step compiles and uses only known components, with starter files for each runner', async () => {
  for (const lab of loadCatalogue(labsDir)) {
    for (const step of lab.steps) {
      await compileStep(step.dir);
      const source = fs.readFileSync(path.join(step.dir, 'content.mdx'), 'utf8');
      for (const [, name] of source.matchAll(/<([A-Z][A-Za-z]*)/g)) assert.ok(KNOWN.has(name), `${step.dir}: unknown component <${name}>`);
      for (const [, fn] of source.matchAll(/<FunctionRunner[^>]*fn="([^"]+)"/g)) {
        assert.ok(fs.existsSync(path.join(step.dir, '_files', fn, 'handler.py')), `${step.dir}: no _files/${fn}/handler.py`);
      }
    }
  }
});
