import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StackError } from './errors';
import { astronautFinderWithVariable, helloOpenfaas, sorter, twoFunctions } from './fixtures';
import { parseStack } from './parse';
import { appendFunction, stringifyStack } from './stringify';

const sorterFunction = { lang: 'dockerfile', handler: './sorter', image: 'sorter:latest' };

function errorOf(run: () => unknown): StackError {
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof StackError, `expected a StackError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a StackError');
}

test('faas-cli new: the stack file it writes, field for field', () => {
  const text = stringifyStack({
    provider: { name: 'openfaas', gateway: 'http://127.0.0.1:8080' },
    functions: { 'hello-openfaas': { image: 'hello-openfaas:latest', handler: './hello-openfaas', lang: 'python3' } },
  });
  assert.equal(text, `version: 1.0
provider:
  name: openfaas
  gateway: http://127.0.0.1:8080
functions:
  hello-openfaas:
    lang: python3
    handler: ./hello-openfaas
    image: hello-openfaas:latest
`);
});

test('a parsed workshop stack file is written back as it was', () => {
  for (const text of [helloOpenfaas, twoFunctions, sorter]) assert.equal(stringifyStack(parseStack(text)), text);
});

test('values that YAML would read as something else are quoted, so they read back the same', () => {
  const stack = parseStack(helloOpenfaas);
  stack.functions['hello-openfaas'] = { ...stack.functions['hello-openfaas'], environment: { write_debug: 'true', ratio: '1.10' }, limits: { memory: '40m' } };
  const text = stringifyStack(stack);
  assert.match(text, /\n {4}environment:\n {6}write_debug: "true"\n {6}ratio: "1.10"\n {4}limits:\n {6}memory: 40m\n$/);
  assert.deepEqual(parseStack(text), stack);
});

test('faas-cli new --append: the file is kept byte for byte, the function goes after the last one', () => {
  const text = `# Lab 3
version: 1.0
provider:
  name: openfaas
  gateway: http://gateway:8080 # the sandbox's gateway

functions:
  # finds people in space
  astronaut-finder:
    lang: python3
    handler: ./astronaut-finder
    image: \${DOCKER_USER:-development}/astronaut-finder
    secrets:
    - api-key
`;
  assert.equal(appendFunction(text, 'sorter', sorterFunction), `${text}
  sorter:
    lang: dockerfile
    handler: ./sorter
    image: sorter:latest
`);
});

test('--append before a later section, without a final newline, and with four-space indentation', () => {
  const withConfiguration = `${helloOpenfaas}configuration:\n  copy:\n    - ./common\n`;
  assert.equal(appendFunction(withConfiguration, 'sorter', sorterFunction),
    `${helloOpenfaas}\n  sorter:\n    lang: dockerfile\n    handler: ./sorter\n    image: sorter:latest\nconfiguration:\n  copy:\n    - ./common\n`);
  const fourSpaces = 'provider:\n    name: openfaas\nfunctions:\n    first:\n        lang: python3\n        handler: ./first\n        image: first:latest';
  assert.equal(appendFunction(fourSpaces, 'sorter', sorterFunction),
    `${fourSpaces}\n\n    sorter:\n        lang: dockerfile\n        handler: ./sorter\n        image: sorter:latest\n`);
});

test('--append to a file with no functions yet', () => {
  const expected = 'version: 1.0\nprovider:\n  name: openfaas\nfunctions:\n  sorter:\n    lang: dockerfile\n    handler: ./sorter\n    image: sorter:latest\n';
  assert.equal(appendFunction('version: 1.0\nprovider:\n  name: openfaas\n', 'sorter', sorterFunction), expected);
  assert.equal(appendFunction('version: 1.0\nprovider:\n  name: openfaas\nfunctions: {}\n', 'sorter', sorterFunction), expected);
  assert.equal(appendFunction('version: 1.0\nprovider:\n  name: openfaas\nfunctions:\n', 'sorter', sorterFunction), expected);
});

test('the appended file parses, with the new function and the old ones', () => {
  const text = appendFunction(astronautFinderWithVariable, 'sorter', { ...sorterFunction, fprocess: 'sort', environment: { LC_ALL: 'C' } });
  const stack = parseStack(text, { env: { DOCKER_USER: 'alice' } });
  assert.deepEqual(Object.keys(stack.functions), ['astronaut-finder', 'sorter']);
  assert.equal(stack.functions['astronaut-finder'].image, 'alice/astronaut-finder');
  assert.deepEqual(stack.functions.sorter, { ...sorterFunction, fprocess: 'sort', environment: { LC_ALL: 'C' } });
});

test('a duplicate name is refused with faas-cli\'s words, at the existing function', () => {
  const err = errorOf(() => appendFunction(twoFunctions, 'second', sorterFunction, { file: 'example.yml' }));
  assert.equal(String(err), 'example.yml:10:3: functions.second: Function second already exists in example.yml file.');
  assert.equal(err.hint, 'Cannot have duplicate function names in same yaml file: choose another name, or change the function that is there.');
});

test('a bad name, a broken file or something that is not a stack file is refused', () => {
  assert.equal(String(errorOf(() => appendFunction(helloOpenfaas, 'Sorter', sorterFunction))), 'stack.yml: "Sorter" is not a valid function name');
  assert.equal(String(errorOf(() => appendFunction('functions:\n\tx: 1\n', 'sorter', sorterFunction))), 'stack.yml:2:1: tabs are not allowed for indentation');
  assert.equal(String(errorOf(() => appendFunction('- a\n', 'sorter', sorterFunction))), 'stack.yml:1: cannot append a function: this is not a stack file');
  assert.equal(String(errorOf(() => appendFunction('functions:\n  - a\n', 'sorter', sorterFunction))), 'stack.yml:1:1: functions: cannot append a function: "functions" is not a map');
});
