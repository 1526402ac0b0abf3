import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../workspace/files';
import { stackSettings } from './stack-settings';

const workspace = (files: Record<string, string>) => {
  const ws = new Workspace(fs.mkdtempSync(path.join(os.tmpdir(), 'stack-settings-')));
  for (const [rel, content] of Object.entries(files)) ws.write(rel, content);
  return ws;
};

const STACK = `version: 1.0
provider:
  name: openfaas
  gateway: http://127.0.0.1:8080
functions:
  astronaut-finder:
    lang: python3
    handler: ./astronaut-finder
    image: \${DOCKER_USER:-development}/astronaut-finder:latest
    environment:
      write_debug: true
    environment_file:
      - env.yml
    labels:
      team: blue
`;

test("the function's settings come from the stack file that has it, with environment_file merged", async () => {
  const ws = workspace({ 'other.yml': 'not: a stack\n', 'astronaut-finder.yml': STACK, 'env.yml': 'environment:\n  api_url: http://gateway:8080/function/astros\n' });
  const warnings: string[] = [];
  const s = await stackSettings(ws, 'astronaut-finder', (l) => warnings.push(l));
  assert.equal(s?.file, 'astronaut-finder.yml');
  assert.deepEqual(s?.fn.environment, { write_debug: 'true', api_url: 'http://gateway:8080/function/astros' });
  assert.deepEqual(s?.fn.labels, { team: 'blue' });
  assert.equal(s?.fn.image, 'development/astronaut-finder:latest');
  assert.deepEqual(warnings, []);
  assert.equal(await stackSettings(ws, 'hello-openfaas', () => {}), null, 'no stack file has it');
});

test('a broken stack file that names the function is reported with file:line, and Run goes on with defaults', async () => {
  const ws = workspace({ 'hello-openfaas.yml': 'version: 1.0\nprovider:\n  name: openfaas\nfunctions:\n  hello-openfaas:\n    lang: python3\n    handeler: ./hello-openfaas\n    image: hello-openfaas:latest\n' });
  const warnings: string[] = [];
  assert.equal(await stackSettings(ws, 'hello-openfaas', (l) => warnings.push(l)), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^hello-openfaas\.yml:7:5: .*unknown field "handeler".* — deploying hello-openfaas with the template's defaults\.$/);
});

test('a missing environment_file is reported and the rest of the settings still apply', async () => {
  const ws = workspace({ 'astronaut-finder.yml': STACK });
  const warnings: string[] = [];
  const s = await stackSettings(ws, 'astronaut-finder', (l) => warnings.push(l));
  assert.deepEqual(s?.fn.environment, { write_debug: 'true' });
  assert.match(warnings[0], /env\.yml.*deploying astronaut-finder without astronaut-finder\.yml's environment_file/);
});
