import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStack } from '../../lib/stack';
import { helloOpenfaas } from '../../lib/stack/fixtures';
import { appendedStackText, gitignoreWith, newFunctionEntry, newStackText } from './new-function';

test('faas-cli new --lang python3 hello-openfaas writes the stack file Lab 3 shows', () => {
  const entry = newFunctionEntry({ name: 'hello-openfaas', lang: 'python3' });
  assert.equal(newStackText('http://gateway:8080', 'hello-openfaas', entry), helloOpenfaas);
});

test('--prefix, --handler and the resource flags go into the entry', () => {
  assert.deepEqual(newFunctionEntry({
    name: 'sorter', lang: 'dockerfile', handler: 'fns/sorter', prefix: ' alice ',
    limits: { memory: '64Mi' }, requests: { cpu: '100m', memory: undefined },
  }), { lang: 'dockerfile', handler: './fns/sorter', image: 'alice/sorter:latest', limits: { memory: '64Mi' }, requests: { cpu: '100m' } });
  assert.equal(newFunctionEntry({ name: 'x', lang: 'node', handler: './src/x' }).handler, './src/x');
});

test('--append adds the second function of Lab 3\'s example.yml; a duplicate name is refused with its line', () => {
  const first = newStackText('http://gateway:8080', 'first', newFunctionEntry({ name: 'first', lang: 'python3' }));
  const both = appendedStackText(first, './first.yml', 'second', newFunctionEntry({ name: 'second', lang: 'python3' }));
  assert.deepEqual(Object.keys(parseStack(both).functions), ['first', 'second']);
  assert.match(both, /\n {2}second:\n {4}lang: python3\n {4}handler: \.\/second\n {4}image: second:latest\n$/);
  assert.throws(() => appendedStackText(both, './first.yml', 'first', newFunctionEntry({ name: 'first', lang: 'python3' })),
    (err: Error) => String(err) === './first.yml:6:3: functions.first: Function first already exists in ./first.yml file.');
});

test('.gitignore gets template and build once', () => {
  assert.equal(gitignoreWith(''), 'template\nbuild\n');
  assert.equal(gitignoreWith('*.pyc'), '*.pyc\ntemplate\nbuild\n');
  assert.equal(gitignoreWith('build\ntemplate\n'), 'build\ntemplate\n');
});
