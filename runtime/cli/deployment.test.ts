import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStack } from '../../lib/stack';
import { functionDeployment, resourcesFromFlags } from './deployment';

const stack = parseStack(`version: 1.0
provider:
  name: openfaas
  gateway: http://gateway:8080
functions:
  astronaut-finder:
    lang: python3
    handler: ./astronaut-finder
    image: astronaut-finder:latest
    environment:
      write_debug: true
    labels:
      team: blue
    annotations:
      topic: space
    secrets:
      - api-key
    constraints:
      - node.platform.os == linux
    limits:
      memory: 128M
    readonly_root_filesystem: true
  sorter:
    lang: dockerfile
    handler: ./sorter
    image: sorter:latest
    fprocess: sort
`);

test('a stack function becomes the FunctionDeployment faas-cli sends, with the template\'s fprocess', () => {
  assert.deepEqual(functionDeployment('astronaut-finder', stack.functions['astronaut-finder'], 'astronaut-finder:latest', {}, 'python3 index.py'), {
    service: 'astronaut-finder',
    image: 'astronaut-finder:latest',
    envProcess: 'python3 index.py',
    envVars: { write_debug: 'true' },
    labels: { team: 'blue' },
    annotations: { topic: 'space' },
    constraints: ['node.platform.os == linux'],
    secrets: ['api-key'],
    limits: { memory: '128M' },
    readOnlyRootFilesystem: true,
  });
});

test('flags add to and override the stack: -e, -l, --annotation, --secret; --fprocess wins; --constraint only when the stack has none', () => {
  const d = functionDeployment('astronaut-finder', stack.functions['astronaut-finder'], 'astronaut-finder:latest-abc1234', {
    env: ['write_debug=false', 'LEVEL=2'], label: ['canary=true'], annotation: ['topic=moon'], secret: ['db', 'api-key'],
    constraint: ['node.role == manager'], fprocess: 'python3 -u index.py',
  }, 'python3 index.py');
  assert.deepEqual(d.envVars, { write_debug: 'false', LEVEL: '2' });
  assert.deepEqual(d.labels, { team: 'blue', canary: 'true' });
  assert.deepEqual(d.annotations, { topic: 'moon' });
  assert.deepEqual(d.secrets, ['db', 'api-key']);
  assert.deepEqual(d.constraints, ['node.platform.os == linux']);
  assert.equal(d.envProcess, 'python3 -u index.py');
  assert.equal(d.image, 'astronaut-finder:latest-abc1234');
});

test("the stack's fprocess wins over the template's; nothing empty is sent", () => {
  assert.deepEqual(functionDeployment('sorter', stack.functions.sorter, 'sorter:latest', { constraint: ['node.role == manager'], readonly: false }), {
    service: 'sorter', image: 'sorter:latest', envProcess: 'sort', constraints: ['node.role == manager'],
  });
  assert.deepEqual(functionDeployment('env', { image: 'functions/alpine:latest' }, 'functions/alpine:latest', { fprocess: 'env', readonly: true }), {
    service: 'env', image: 'functions/alpine:latest', envProcess: 'env', readOnlyRootFilesystem: true,
  });
});

test('a malformed -e is faas-cli\'s error, naming the flag', () => {
  assert.throws(() => functionDeployment('sorter', stack.functions.sorter, 'sorter:latest', { env: ['LEVEL'] }), /env format is not correct, needs key=value/);
});

test('-n openfaas-fn (or the stack\'s namespace:) goes into the body; another namespace is an error', () => {
  const fn = stack.functions['astronaut-finder'];
  assert.equal(functionDeployment('a', fn, 'i', { namespace: 'openfaas-fn' }).namespace, 'openfaas-fn');
  assert.equal(functionDeployment('a', { ...fn, namespace: 'openfaas-fn' }, 'i', {}).namespace, 'openfaas-fn');
  assert.equal(functionDeployment('a', fn, 'i', {}).namespace, undefined);
  assert.throws(() => functionDeployment('a', fn, 'i', { namespace: 'staging' }), /namespace "staging" is not available/);
  assert.throws(() => functionDeployment('a', { ...fn, namespace: 'staging' }, 'i', {}), /namespace "staging"/);
});

test('--cpu-*/--memory-* become requests and limits as given, only those that are set', () => {
  assert.deepEqual(resourcesFromFlags({ memoryLimit: '128M', cpuLimit: '500000000', memoryRequest: '64M' }), {
    limits: { memory: '128M', cpu: '500000000' }, requests: { memory: '64M' },
  });
  assert.deepEqual(resourcesFromFlags({}), {});
});
