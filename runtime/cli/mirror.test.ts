import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { validateStack } from '../../lib/stack';
import { mirrorDir, mirrorEntry, mirrorKey, readMirrored, readMirrorIndex } from './mirror';
import { parseStore } from './store';

// The repository's store/ folder, laid out as the shell image ships it (/usr/share/faaslab/store).
const dir = path.resolve(import.meta.dirname, '../../store/mirror');
const STACK = 'https://raw.githubusercontent.com/openfaas/faas/master/stack.yml';
const FUNCTIONS = 'https://raw.githubusercontent.com/openfaas/store/master/functions.json';

test('the mirror sits next to the store catalog', () => {
  assert.equal(mirrorDir({}), '/usr/share/faaslab/store/mirror');
  assert.equal(mirrorDir({ FAASLAB_STORE_CATALOG: '/tmp/x/catalog.json' }), '/tmp/x/mirror');
});

test('a URL is mirrored as listed, ignoring the case of scheme and host; any other URL is not', () => {
  const index = readMirrorIndex(dir)!;
  assert.equal(mirrorKey('HTTPS://Raw.GitHubUserContent.com/openfaas/faas/master/stack.yml#x'), STACK);
  assert.equal(mirrorEntry(index, 'HTTPS://RAW.githubusercontent.com/openfaas/faas/master/stack.yml')?.url, STACK);
  assert.equal(mirrorEntry(index, 'https://raw.githubusercontent.com/openfaas/faas/master/STACK.yml'), null, 'paths are case-sensitive');
  assert.equal(mirrorEntry(index, 'https://raw.githubusercontent.com/openfaas/faas/master/docker-compose.yml'), null);
  assert.equal(readMirrored('http://example.com/stack.yml', dir), null);
  assert.equal(readMirrorIndex('/nonexistent'), null, 'a shell without a mirror fetches as before');
});

test("the mirrored sample stack is a valid stack file with the workshop's six functions", () => {
  const m = readMirrored(STACK, dir)!;
  const { stack, errors } = validateStack(m.text, { file: STACK, env: {}, envsubst: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(Object.keys(stack!.functions), ['hubstats', 'nodeinfo', 'echoit', 'wordcount', 'base64', 'markdown']);
  assert.equal(stack!.functions.wordcount.fprocess, 'wc');
  assert.equal(stack!.functions.echoit.image, 'functions/alpine:latest');
  assert.deepEqual(Object.keys(m.skip), ['hubstats']);
});

test("the store's functions.json URL is answered by the store catalog itself", () => {
  const items = parseStore(readMirrored(FUNCTIONS, dir)!.text, FUNCTIONS);
  assert.ok(items.length >= 10);
  assert.equal(items.find((i) => i.name === 'sentimentanalysis')?.title, 'SentimentAnalysis');
  assert.equal(items.find((i) => i.name === 'shasum')?.image, 'ghcr.io/openfaas/alpine:latest');
});
