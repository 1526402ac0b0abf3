import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stackFileName } from './stack-file';

test('without -f, faas-cli 0.17 reads stack.yaml, else stack.yml; -f wins', () => {
  const here = (...files: string[]) => (f: string) => files.includes(f);
  assert.equal(stackFileName(undefined, here('stack.yml', 'stack.yaml')), 'stack.yaml');
  assert.equal(stackFileName(undefined, here('stack.yml')), 'stack.yml');
  assert.equal(stackFileName(undefined, here()), null);
  assert.equal(stackFileName('x.yml', here('stack.yaml')), 'x.yml');
});
