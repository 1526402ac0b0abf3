import assert from 'node:assert/strict';
import { test } from 'node:test';
import { functionOfFile, functionsOfStack } from './stack-functions';

const stack = 'version: 1.0\nprovider:\n  name: openfaas\nfunctions:\n  hello:\n    lang: python3\n    handler: ./hello\n  deep:\n    handler: fns/deep/\n  escape:\n    handler: ../../etc\n';

test('a stack file names its functions and the folder each builds from, relative to the stack file', () => {
  assert.deepEqual(functionsOfStack('lab3/stack.yml', stack), [
    { stackFile: 'lab3/stack.yml', name: 'hello', handlerDir: 'lab3/hello' },
    { stackFile: 'lab3/stack.yml', name: 'deep', handlerDir: 'lab3/fns/deep' },
  ]);
  assert.deepEqual(functionsOfStack('x.yml', 'a: [broken'), []);
  assert.deepEqual(functionsOfStack('x.yml', 'just: text'), []);
});

test("a file belongs to the function whose folder holds it; files elsewhere to none", () => {
  const fns = functionsOfStack('stack.yml', stack);
  assert.equal(functionOfFile('hello/handler.py', fns)?.name, 'hello');
  assert.equal(functionOfFile('fns/deep/a/b.py', fns)?.name, 'deep');
  assert.equal(functionOfFile('hellothere/handler.py', fns), undefined);
  assert.equal(functionOfFile('stack.yml', fns), undefined);
});
