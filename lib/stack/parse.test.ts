import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError, toErrorView } from '../errors';
import { StackError } from './errors';
import { astronautFinder, astronautFinderWithVariable, helloOpenfaas, sorter, twoFunctions } from './fixtures';
import { parseStack, validateStack, type ParseStackOptions } from './parse';

function errorOf(text: string, options: ParseStackOptions = {}): StackError {
  try {
    parseStack(text, options);
  } catch (err) {
    assert.ok(err instanceof StackError, `expected a StackError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected parseStack to throw');
}

const allowedFunctionFields = 'lang, handler, image, fprocess, environment, environment_file, secrets, skip_build, constraints, labels, annotations, limits, requests, readonly_root_filesystem, build_options, build_args, namespace, registry_auth, platforms, build_secrets';

test('the Lab 3 hello-openfaas stack file', () => {
  assert.deepEqual(parseStack(helloOpenfaas, { file: 'hello-openfaas.yml' }), {
    version: '1.0',
    provider: { name: 'openfaas', gateway: 'http://gateway:8080' },
    functions: { 'hello-openfaas': { lang: 'python3', handler: './hello-openfaas', image: 'hello-openfaas:latest' } },
  });
});

test('astronaut-finder: write_debug: true becomes the text "true", as faas-cli sends it', () => {
  const stack = parseStack(astronautFinder);
  assert.deepEqual(stack.functions['astronaut-finder'].environment, { write_debug: 'true' });
});

test('numbers stay as written: environment values, and version 1.0 as a float or a string', () => {
  const stack = parseStack(helloOpenfaas.replace('image: hello-openfaas:latest', 'image: hello-openfaas:latest\n    environment:\n      ratio: 1.10\n      mode: 010\n      empty:'));
  assert.deepEqual(stack.functions['hello-openfaas'].environment, { ratio: '1.10', mode: '010', empty: '' });
  assert.equal(parseStack(helloOpenfaas.replace('version: 1.0', 'version: "1.0"')).version, '1.0');
  assert.equal(parseStack(helloOpenfaas.replace('version: 1.0\n', '')).version, '1.0');
});

test('the Lab 3 variable: ${DOCKER_USER:-development} with and without DOCKER_USER, and with --envsubst=false', () => {
  const image = (options: ParseStackOptions) => parseStack(astronautFinderWithVariable, options).functions['astronaut-finder'].image;
  assert.equal(image({}), 'development/astronaut-finder');
  assert.equal(image({ env: { DOCKER_USER: 'functions' } }), 'functions/astronaut-finder');
  assert.equal(image({ env: { DOCKER_USER: 'functions' }, envsubst: false }), '${DOCKER_USER:-development}/astronaut-finder');
});

test('two functions in one stack, in file order', () => {
  const stack = parseStack(twoFunctions);
  assert.deepEqual(Object.keys(stack.functions), ['first', 'second']);
  assert.deepEqual(stack.functions.second, { lang: 'python3', handler: './second', image: 'second:latest' });
});

test('a dockerfile function with fprocess; lang Dockerfile is read as dockerfile', () => {
  assert.deepEqual(parseStack(sorter).functions.sorter, { lang: 'dockerfile', handler: './sorter', image: 'sorter:latest', fprocess: 'sort' });
  assert.equal(parseStack(sorter.replace('lang: dockerfile', 'lang: Dockerfile')).functions.sorter.lang, 'dockerfile');
});

test('every function field faas-cli knows, and the Swarm-era provider.network', () => {
  const text = `version: 1.0
provider:
  name: openfaas
  gateway: https://faas.example.com
  network: func_functions
functions:
  everything:
    lang: python3-http
    handler: ./everything
    image: ghcr.io/alice/everything:0.1
    fprocess: python3 index.py
    environment: {a: b}
    environment_file: [env.yml, secrets-env.yml]
    secrets: [api-key]
    skip_build: false
    constraints: [node.platform.os == linux]
    labels: {com.openfaas.scale.min: 2}
    annotations: {topic: cron-function}
    limits: {memory: 128Mi, cpu: 200m}
    requests: {memory: 64Mi, cpu: 100m}
    readonly_root_filesystem: yes
    build_options: [dev]
    build_args: {ADDITIONAL_PACKAGE: gcc}
    namespace: openfaas-fn
    registry_auth: abc
    platforms: linux/amd64
    build_secrets: {token: ./token.txt}
configuration:
  templates:
    - name: python3-http
      source: https://github.com/openfaas/python-flask-template
    - name: golang-middleware
  copy: [./common]
`;
  assert.deepEqual(parseStack(text), {
    version: '1.0',
    provider: { name: 'openfaas', gateway: 'https://faas.example.com', network: 'func_functions' },
    functions: {
      everything: {
        lang: 'python3-http', handler: './everything', image: 'ghcr.io/alice/everything:0.1', fprocess: 'python3 index.py',
        environment: { a: 'b' }, environment_file: ['env.yml', 'secrets-env.yml'], secrets: ['api-key'], skip_build: false,
        constraints: ['node.platform.os == linux'], labels: { 'com.openfaas.scale.min': '2' }, annotations: { topic: 'cron-function' },
        limits: { memory: '128Mi', cpu: '200m' }, requests: { memory: '64Mi', cpu: '100m' }, readonly_root_filesystem: true,
        build_options: ['dev'], build_args: { ADDITIONAL_PACKAGE: 'gcc' }, namespace: 'openfaas-fn', registry_auth: 'abc',
        platforms: 'linux/amd64', build_secrets: { token: './token.txt' },
      },
    },
    configuration: {
      templates: [{ name: 'python3-http', source: 'https://github.com/openfaas/python-flask-template' }, { name: 'golang-middleware' }],
      copy: ['./common'],
    },
  });
});

test('a store function with skip_build needs no lang or handler', () => {
  const stack = parseStack('provider:\n  name: openfaas\nfunctions:\n  figlet:\n    skip_build: true\n    image: ghcr.io/openfaas/figlet:latest\n');
  assert.deepEqual(stack.functions.figlet, { skip_build: true, image: 'ghcr.io/openfaas/figlet:latest' });
});

test('top-level x- keys hold anchors that functions merge', () => {
  const text = `x-python: &python
  lang: python3
version: 1.0
provider: {name: openfaas}
functions:
  first:
    <<: *python
    handler: ./first
    image: first:latest
`;
  assert.deepEqual(parseStack(text).functions.first, { lang: 'python3', handler: './first', image: 'first:latest' });
});

test('a misspelt field is named with its line, column and the fields allowed, and nothing else is said', () => {
  const text = helloOpenfaas.replace('handler:', 'handeler:');
  const err = errorOf(text);
  assert.equal(String(err), `stack.yml:8:5: functions.hello-openfaas.handeler: unknown field "handeler" — allowed: ${allowedFunctionFields}`);
  assert.equal(err.hint, 'Did you mean "handler"?');
  assert.equal(validateStack(text).errors.length, 1);
});

test('an unknown field with no near name says to remove it', () => {
  const err = errorOf(helloOpenfaas.replace('provider:', 'replicas: 3\nprovider:'));
  assert.equal(String(err), 'stack.yml:2:1: replicas: unknown field "replicas" — allowed: version, provider, functions, configuration');
  assert.equal(err.hint, 'Remove it, or fix its name: field names are lowercase, with "_" between words.');
});

test('provider.name must be openfaas, with faas-cli\'s words', () => {
  const err = errorOf(helloOpenfaas.replace('name: openfaas', 'name: faas'));
  assert.equal(String(err), 'stack.yml:3:3: provider.name: [\'openfaas\'] is the only valid "provider.name" for the OpenFaaS CLI, but you gave: faas');
  assert.equal(errorOf(helloOpenfaas.replace(/provider:\n.*\n.*\n/, '')).message, '[\'openfaas\'] is the only valid "provider.name" for the OpenFaaS CLI, but you gave: ');
});

test('provider.gateway must be an http(s) URL', () => {
  const err = errorOf(helloOpenfaas.replace('http://gateway:8080', 'gateway:8080'), { file: 'hello-openfaas.yml' });
  assert.equal(String(err), 'hello-openfaas.yml:4:3: provider.gateway: "gateway:8080" is not an http(s) URL');
  assert.equal(err.hint, 'The gateway URL, e.g. http://127.0.0.1:8080.');
});

test('version must be 1.0', () => {
  assert.equal(String(errorOf(helloOpenfaas.replace('version: 1.0', 'version: 2.0'))), 'stack.yml:1:1: version: unsupported version "2.0"');
});

test('tabs: the line and column of the first tab', () => {
  const err = errorOf('version: 1.0\nfunctions:\n  hello:\n  \tlang: python3\n');
  assert.equal(String(err), 'stack.yml:4:3: tabs are not allowed for indentation');
  assert.equal(err.hint, 'YAML indents with spaces only: replace the tabs with spaces, two per level.');
});

test('bad indentation: the line that is out of step', () => {
  const err = errorOf(helloOpenfaas.replace('    handler:', '   handler:'));
  assert.equal(String(err), 'stack.yml:8:1: bad indentation: all mapping items must start at the same column');
  assert.equal(err.hint, 'Each line is "key: value" (with a space after ":"), indented two spaces more than the key it belongs to.');
  assert.equal(String(errorOf(helloOpenfaas.replace('hello-openfaas:\n', 'hello-openfaas\n'))), 'stack.yml:6:3: bad indentation, or a missing ":" after a key');
});

test('an unclosed quote is reported where the string starts, not where the file ends', () => {
  const err = errorOf(helloOpenfaas.replace('image: hello-openfaas:latest', 'image: "hello-openfaas:latest'));
  assert.equal(String(err), 'stack.yml:9:12: unclosed quote: this value has no closing "');
});

test('duplicate keys and second documents', () => {
  assert.equal(String(errorOf(twoFunctions.replace('second:', 'first:'))), 'stack.yml:10:3: duplicate key "first"');
  assert.equal(String(errorOf(`${helloOpenfaas}---\nfunctions: {}\n`)), 'stack.yml:10:1: a second YAML document (after "---"): a stack file holds one');
});

test('an empty file, or one with only comments', () => {
  for (const text of ['', '\n\n', '# my functions\n']) {
    const err = errorOf(text, { file: 'empty.yml' });
    assert.equal(String(err), 'empty.yml:1: the stack file is empty');
    assert.match(err.hint ?? '', /^It should look like this:\nversion: 1\.0\nprovider:\n {2}name: openfaas\n/);
  }
});

test('a top-level list says what a stack file should hold', () => {
  assert.equal(String(errorOf('- hello-openfaas\n- astronaut-finder\n')), 'stack.yml:1:1: the stack file should be a map with the fields version, provider, functions, configuration, but it is a list');
  assert.equal(errorOf('hello-openfaas\n').message, 'the stack file should be a map with the fields version, provider, functions, configuration, but it is a single value');
});

test('missing or empty functions', () => {
  const missing = errorOf('version: 1.0\nprovider:\n  name: openfaas\n');
  assert.equal(String(missing), 'stack.yml:1:1: missing field "functions"');
  assert.match(missing.hint ?? '', /^One entry per function: its name, then its fields indented under it, e\.g\.\n {2}hello-openfaas:\n/);
  assert.equal(String(errorOf('version: 1.0\nprovider:\n  name: openfaas\nfunctions:\n')), 'stack.yml:4:1: functions: expected a map ("key: value" lines), got nothing');
});

test('a function without image, or without lang when it is built', () => {
  assert.equal(String(errorOf(helloOpenfaas.replace('    image: hello-openfaas:latest\n', ''))), 'stack.yml:6:3: functions.hello-openfaas: missing field "image"');
  const err = errorOf(helloOpenfaas.replace('    lang: python3\n', ''));
  assert.equal(String(err), 'stack.yml:6:3: functions.hello-openfaas: missing field "lang" (needed to build, unless skip_build: true)');
  assert.equal(err.hint, 'The template to build with, e.g. python3 or dockerfile.');
  assert.equal(errorOf(helloOpenfaas.replace('lang: python3', 'lang: "${LANG}"')).message, '"lang" is empty (needed to build, unless skip_build: true)');
});

test('wrong types name what was expected and what was found, in file order', () => {
  const text = astronautFinder.replace('      write_debug: true\n', `      - write_debug=true
    secrets: api-key
    skip_build: maybe
    limits: 128Mi
`);
  assert.deepEqual(validateStack(text, { file: 'astronaut-finder.yml' }).errors.map(String), [
    'astronaut-finder.yml:10:5: functions.astronaut-finder.environment: expected a map ("key: value" lines), got a list',
    'astronaut-finder.yml:12:5: functions.astronaut-finder.secrets: expected a list ("- item" lines), got "api-key"',
    'astronaut-finder.yml:13:5: functions.astronaut-finder.skip_build: expected true or false, got "maybe"',
    'astronaut-finder.yml:14:5: functions.astronaut-finder.limits: expected a map ("key: value" lines), got "128Mi"',
  ]);
  assert.equal(errorOf(text).hint, 'Environment variables as NAME: value pairs, e.g. write_debug: true.');
});

test('function names must be lowercase DNS labels', () => {
  const err = errorOf(helloOpenfaas.replace('  hello-openfaas:', '  Hello_OpenFaaS:'));
  assert.equal(String(err), 'stack.yml:6:3: functions.Hello_OpenFaaS: "Hello_OpenFaaS" is not a valid function name');
  assert.equal(err.hint, "Use lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (e.g. hello-openfaas).");
  const long = 'a'.repeat(64);
  assert.equal(errorOf(helloOpenfaas.replace('  hello-openfaas:', `  ${long}:`)).message, `"${long}" is too long for a function name (64 characters)`);
});

test('a bad substitution is a StackError at its place in the file', () => {
  const err = errorOf(astronautFinderWithVariable.replace('development}', 'development'), { file: 'astronaut-finder.yml' });
  assert.equal(String(err), 'astronaut-finder.yml:9:12: bad substitution "${DOCKER_USER:-development/astronaut-finder": no closing "}"');
});

test('a StackError is an invalid AppError that the web app shows with its position', () => {
  const err = errorOf(helloOpenfaas.replace('handler:', 'handeler:'));
  assert.ok(isAppError(err));
  assert.equal(err.status, 400);
  assert.deepEqual(toErrorView(err), {
    code: 'invalid',
    message: `unknown field "handeler" — allowed: ${allowedFunctionFields}`,
    hint: 'Did you mean "handler"?',
    detail: { file: 'stack.yml', line: 8, column: 5, path: 'functions.hello-openfaas.handeler' },
  });
});
