import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StackError } from './errors';
import { filterFunctions } from './filter';
import { twoFunctions } from './fixtures';
import { globToRegExp } from './glob';
import { parseStack } from './parse';

const stack = parseStack(twoFunctions.replace('functions:\n', 'functions:\n  astronaut-finder:\n    lang: python3\n    handler: ./astronaut-finder\n    image: astronaut-finder:latest\n'));
const names = (filter: Parameters<typeof filterFunctions>[1]) => Object.keys(filterFunctions(stack, filter).functions);

function errorOf(run: () => unknown): StackError {
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof StackError);
    return err;
  }
  assert.fail('expected a StackError');
}

test('no filter keeps every function', () => {
  assert.deepEqual(names({}), ['astronaut-finder', 'first', 'second']);
});

test('--filter is a glob on the whole name', () => {
  assert.deepEqual(names({ filter: '*-finder' }), ['astronaut-finder']);
  assert.deepEqual(names({ filter: 'f*' }), ['first']);
  assert.deepEqual(names({ filter: 's?cond' }), ['second']);
  assert.deepEqual(names({ filter: 'first' }), ['first']);
  assert.throws(() => names({ filter: 'irst' }), StackError);
});

test('--regex is found anywhere in the name, as Go regexp.MatchString', () => {
  assert.deepEqual(names({ regex: 'i' }), ['astronaut-finder', 'first']);
  assert.deepEqual(names({ regex: '^s' }), ['second']);
  assert.deepEqual(names({ regex: 'st$' }), ['first']);
  assert.deepEqual(names({ regex: '(?i)^FIRST' }), ['first']);
});

test('the rest of the stack is kept', () => {
  const filtered = filterFunctions(stack, { regex: '^first$' });
  assert.deepEqual(filtered, { ...stack, functions: { first: stack.functions.first } });
});

test("faas-cli's messages: both flags, no match, and a regex that does not compile", () => {
  assert.equal(String(errorOf(() => filterFunctions(stack, { filter: '*', regex: '.*' }))), 'stack.yml: pass in a regex or a filter, not both');
  const none = errorOf(() => filterFunctions(stack, { filter: 'hello-*', file: 'example.yml' }));
  assert.equal(String(none), 'example.yml: no functions matching --filter/--regex were found in the YAML file');
  assert.equal(none.hint, 'The functions in example.yml are: astronaut-finder, first, second.');
  assert.equal(errorOf(() => filterFunctions(stack, { regex: '(' })).message, '--regex "(" is not a valid regular expression');
});

test('globs treat everything but * and ? as literal text', () => {
  assert.equal(globToRegExp('a.b').test('a.b'), true);
  assert.equal(globToRegExp('a.b').test('axb'), false);
  assert.equal(globToRegExp('fn-(1)[2]+').test('fn-(1)[2]+'), true);
  assert.equal(globToRegExp('*/file').test('path/to/file'), true);
});
