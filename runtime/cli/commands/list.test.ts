import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FunctionStatus } from '../functions';
import { formatFunctionList, sortFunctions } from './list';

const fn = (name: string, image: string, invocationCount: number, replicas: number): FunctionStatus =>
  ({ name, image, invocationCount, replicas, availableReplicas: replicas, envProcess: '' });
const functions = [fn('figlet', 'ghcr.io/openfaas/figlet:latest', 3.0, 1), fn('hello-openfaas', `registry.local/${'x'.repeat(40)}:latest`, 12, 2)];

test('list prints faas-cli\'s columns: name 30, invocations 15, replicas, separated by tabs', () => {
  assert.deepEqual(formatFunctionList(functions), [
    'Function                      \tInvocations    \tReplicas',
    'figlet                        \t3              \t1    ',
    'hello-openfaas                \t12             \t2    ',
  ]);
});

test('list -v adds the image (40 wide, longer ones cut with ..)', () => {
  const lines = formatFunctionList(functions, { verbose: true });
  assert.equal(lines[0], 'Function                      \tImage                                   \tInvocations    \tReplicas');
  assert.equal(lines[1], 'figlet                        \tghcr.io/openfaas/figlet:latest          \t3              \t1    ');
  assert.equal(lines[2].split('\t')[1], `registry.local/${'x'.repeat(23)}..`);
});

test('list -q prints only the names', () => {
  assert.deepEqual(formatFunctionList(functions, { quiet: true }), ['figlet', 'hello-openfaas']);
});

test('list --sort: name (the default), invocations (most first), creation (oldest first); other values keep the order', () => {
  const made = (name: string, invocationCount: number, createdAt: string) => ({ ...fn(name, 'i', invocationCount, 1), createdAt });
  const fns = [made('b', 5, '2024-05-01T10:00:00Z'), made('c', 9, '2024-05-01T08:00:00Z'), made('a', 1, '2024-05-01T09:00:00Z')];
  const names = (by: string) => sortFunctions(fns, by).map((f) => f.name).join('');
  assert.equal(names('name'), 'abc');
  assert.equal(names('invocations'), 'cba');
  assert.equal(names('creation'), 'cab');
  assert.equal(names('size'), 'bca');
});
