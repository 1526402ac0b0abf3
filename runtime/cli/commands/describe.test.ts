import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDescription } from './describe';

test('describe prints faas-cli\'s fields aligned, with URLs from the gateway in use', () => {
  const text = formatDescription({
    name: 'figlet', image: 'ghcr.io/openfaas/figlet:latest', invocationCount: 7, replicas: 1, availableReplicas: 1,
    envProcess: 'figlet', labels: { team: 'a', com: 'b' }, annotations: { topic: 'x' },
  }, 'http://gateway:8080/');
  assert.equal(text, [
    'Name:                figlet',
    'Status:              Ready',
    'Replicas:            1',
    'Available replicas:  1',
    'Invocations:         7',
    'Image:               ghcr.io/openfaas/figlet:latest',
    'Function process:    figlet',
    'URL:                 http://gateway:8080/function/figlet',
    'Async URL:           http://gateway:8080/async-function/figlet',
    'Labels:              com : b',
    '                     team : a',
    'Annotations:         topic : x',
    '',
  ].join('\n'));
});

test('no running replica is Not Ready; empty labels and annotations are left out', () => {
  const text = formatDescription({ name: 'a', image: 'i', invocationCount: 0, replicas: 1, availableReplicas: 0, envProcess: '', labels: {}, annotations: null }, 'http://g:8080');
  assert.match(text, /^Status: +Not Ready$/m);
  assert.doesNotMatch(text, /Labels|Annotations/);
});

test('describe -v adds environment, secrets, constraints, requests and limits; -n names the namespace in the URLs', () => {
  const f = {
    name: 'a', image: 'i', invocationCount: 0, replicas: 1, availableReplicas: 1, envProcess: '', labels: {}, annotations: {},
    envVars: { write_debug: 'true' }, secrets: ['api-key'], limits: { memory: '128M' },
  };
  assert.doesNotMatch(formatDescription(f, 'http://g:8080'), /Environment|Secrets|Limits/);
  const text = formatDescription(f, 'http://g:8080', { verbose: true, namespace: 'openfaas-fn' });
  assert.match(text, /^Environment: +write_debug : true$/m);
  assert.match(text, /^Secrets: +api-key$/m);
  assert.match(text, /^Limits: +memory : 128M$/m);
  assert.match(text, /^URL: +http:\/\/g:8080\/function\/a\.openfaas-fn$/m);
});
