import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidFunctionName, parseFunctionPath } from './names';

test('function routes keep the sub-path and query for the function', () => {
  assert.deepEqual(parseFunctionPath('/function/figlet'), { name: 'figlet', rest: '/' });
  assert.deepEqual(parseFunctionPath('/function/figlet/'), { name: 'figlet', rest: '/' });
  assert.deepEqual(parseFunctionPath('/function/api/users/1?x=1'), { name: 'api', rest: '/users/1?x=1' });
  assert.deepEqual(parseFunctionPath('/function/env?workshop=1'), { name: 'env', rest: '/?workshop=1' });
  assert.equal(parseFunctionPath('/system/functions'), null);
  assert.equal(parseFunctionPath('/function/'), null);
  assert.deepEqual(parseFunctionPath('/async-function/sleep/a?b=1', 'async-function'), { name: 'sleep', rest: '/a?b=1' });
  assert.equal(parseFunctionPath('/async-function/sleep'), null);
  assert.equal(parseFunctionPath('/function/sleep', 'async-function'), null);
});

test('only DNS-label names are functions', () => {
  assert.ok(isValidFunctionName('hello-openfaas'));
  assert.ok(!isValidFunctionName('Hello'));
  assert.ok(!isValidFunctionName('../etc'));
  assert.ok(!isValidFunctionName('-x'));
  assert.ok(!isValidFunctionName('a'.repeat(64)));
});
