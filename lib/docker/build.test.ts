import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredArgs } from './build';

test('declaredArgs keeps only the args the Dockerfile declares; names are taken literally', () => {
  const dockerfile = 'ARG PYTHON_IMAGE\nFROM ${PYTHON_IMAGE}\n  ARG GREETING=hi\n';
  assert.deepEqual(declaredArgs(dockerfile, { PYTHON_IMAGE: 'p', GREETING: 'hello', OTHER: 'x', 'GREET.NG': 'y' }), { PYTHON_IMAGE: 'p', GREETING: 'hello' });
  const started = Date.now();
  assert.deepEqual(declaredArgs(`ARG ${'a'.repeat(40)}!\n`, { '(a+)+$': 'x', '(a|a)*b': 'y' }), {});
  assert.ok(Date.now() - started < 100, 'a pattern-like name does not backtrack');
});
