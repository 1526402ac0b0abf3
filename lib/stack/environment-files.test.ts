import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEnvironmentFiles } from './environment-files';
import { StackError } from './errors';
import { astronautFinder } from './fixtures';
import { parseStack } from './parse';

const stack = parseStack(astronautFinder.replace('      write_debug: true\n', '      write_debug: true\n      mode: inline\n    environment_file:\n      - env.yml\n      - env.local.yml\n'));

function files(contents: Record<string, string>) {
  const read: string[] = [];
  const readFile = async (path: string) => {
    read.push(path);
    if (!(path in contents)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return contents[path];
  };
  return { read, readFile };
}

async function rejection(promise: Promise<unknown>): Promise<StackError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof StackError, `expected a StackError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a rejection');
}

test('files override the inline environment, and a later file overrides an earlier one', async () => {
  const { read, readFile } = files({
    'env.yml': 'environment:\n  mode: shared\n  db_host: db\n  retries: 3\n',
    'env.local.yml': '# my own settings\nenvironment:\n  db_host: localhost\n',
  });
  const loaded = await loadEnvironmentFiles(stack, readFile);
  assert.deepEqual(read, ['env.yml', 'env.local.yml']);
  assert.deepEqual(loaded.functions['astronaut-finder'].environment, { write_debug: 'true', mode: 'shared', db_host: 'localhost', retries: '3' });
  assert.deepEqual(stack.functions['astronaut-finder'].environment, { write_debug: 'true', mode: 'inline' }, 'the parsed stack is left as it was');
});

test('functions without environment_file are left alone and nothing is read', async () => {
  const { read, readFile } = files({});
  const plain = parseStack(astronautFinder);
  assert.deepEqual(await loadEnvironmentFiles(plain, readFile), plain);
  assert.deepEqual(read, []);
});

test('a file that cannot be read is named, with the function that wants it', async () => {
  const { readFile } = files({ 'env.yml': 'environment:\n  a: b\n' });
  const err = await rejection(loadEnvironmentFiles(stack, readFile));
  assert.equal(String(err), 'env.local.yml: cannot read this environment_file of function "astronaut-finder": ENOENT: no such file or directory, open \'env.local.yml\'');
});

test('each file must hold an environment: map; errors name the file and line', async () => {
  const cases: Record<string, string> = {
    'db_host: localhost\n': 'env.yml:1:1: missing field "environment"',
    'environment:\n  - db_host=localhost\n': 'env.yml:1:1: environment: expected a map ("key: value" lines), got a list',
    'environment:\n\tdb_host: localhost\n': 'env.yml:2:1: tabs are not allowed for indentation',
    '': 'env.yml:1: the environment file is empty',
    '- a\n': 'env.yml:1:1: the environment file should be a map with the fields environment, but it is a list',
  };
  for (const [text, expected] of Object.entries(cases)) {
    const { readFile } = files({ 'env.yml': text, 'env.local.yml': 'environment: {}\n' });
    const err = await rejection(loadEnvironmentFiles(stack, readFile));
    assert.equal(String(err), expected);
  }
  const { readFile } = files({ 'env.yml': 'db_host: localhost\n', 'env.local.yml': '' });
  assert.equal((await rejection(loadEnvironmentFiles(stack, readFile))).hint, 'Environment variables as NAME: value pairs, under environment:.');
});
