import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogPath, findStoreItem, parseStore, readCatalog, type StoreItem } from '../store';
import { formatStoreItem, formatStoreList, wordWrap } from './store';

const item = (over: Partial<StoreItem>): StoreItem => ({
  name: 'figlet', title: 'figlet', description: 'OpenFaaS Figlet image', image: 'ghcr.io/openfaas/figlet:latest', fprocess: 'figlet',
  labels: {}, annotations: {}, environment: {}, ...over,
});

test('store list: FUNCTION (title) and DESCRIPTION aligned, long descriptions cut unless -v', () => {
  const items = [item({}), item({ name: 'markdown', title: 'Markdown to HTML', description: 'Renders Markdown as HTML with Python-Markdown.' })];
  assert.equal(formatStoreList(items), '\nFUNCTION         DESCRIPTION\nfiglet           OpenFaaS Figlet image\nMarkdown to HTML Renders Markdown as HTML with Python-...\n\n');
  assert.match(formatStoreList(items, true), /Renders Markdown as HTML with Python-Markdown\.\n/);
  assert.equal(formatStoreList([]), 'The store is empty.\n');
});

test('store describe shows image, process and the environment it sets', () => {
  const text = formatStoreItem(item({ environment: { content_type: 'text/plain' } }));
  assert.equal(text, 'Title:       figlet\nDescription: \nOpenFaaS Figlet image\n\nImage:   ghcr.io/openfaas/figlet:latest\nProcess: figlet\nEnvironment:\n-  content_type: text/plain\n\n');
});

test('descriptions wrap at 80 columns', () => {
  const lines = wordWrap('word '.repeat(40)).split('\n');
  assert.ok(lines.every((l) => l.length <= 80));
  assert.equal(lines.join(' '), 'word '.repeat(40).trim());
});

test('a store function is found by name or title, ignoring case; a missing one says how to list them', () => {
  const items = [item({}), item({ name: 'markdown', title: 'Markdown to HTML' })];
  assert.equal(findStoreItem(items, 'Markdown to HTML').name, 'markdown');
  assert.equal(findStoreItem(items, 'Figlet').name, 'figlet');
  assert.throws(() => findStoreItem(items, 'nope'), (err: Error & { hint?: string }) => /function 'nope' not found/.test(err.message) && /faas-cli store list/.test(err.hint ?? ''));
});

test('the catalog comes from FAASLAB_STORE_CATALOG; a broken or missing one is a clear error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-store-'));
  const file = path.join(dir, 'catalog.json');
  fs.writeFileSync(file, JSON.stringify([{ name: 'figlet', title: 'figlet', description: 'd', image: 'i', fprocess: 'figlet', labels: {}, annotations: {}, environment: {}, author: 'openfaas' }]));
  assert.equal(catalogPath({ FAASLAB_STORE_CATALOG: file }), file);
  assert.equal(readCatalog(file)[0].author, 'openfaas');
  fs.writeFileSync(file, '{"name": 1}');
  assert.throws(() => readCatalog(file), /cannot parse the function store/);
  assert.throws(() => readCatalog(path.join(dir, 'missing.json')), /cannot read the function store at .*ENOENT/);
  fs.rmSync(dir, { recursive: true });
});

test("the store's format 0.2.0 (an image per platform) is read with this machine's image; one without it is refused", () => {
  const items = parseStore(JSON.stringify({ version: '0.2.0', functions: [{ name: 'shasum', title: 'shasum', description: 'd', images: { x86_64: 'ghcr.io/openfaas/alpine:latest', arm64: 'other' }, fprocess: 'sha512sum', icon: 'ignored' }] }), 'test');
  assert.deepEqual(items.map((i) => [i.name, i.image, i.fprocess]), [['shasum', 'ghcr.io/openfaas/alpine:latest', 'sha512sum']]);
  assert.throws(() => parseStore(JSON.stringify({ version: '0.2.0', functions: [{ name: 'x', images: { armhf: 'y' } }] }), 'https://example/functions.json'),
    (err: Error & { hint?: string }) => /cannot parse the function store at https:\/\/example\/functions\.json/.test(err.message) && /"version": "0\.2\.0"/.test(err.hint ?? ''));
});

test('the repository catalog reads as a store, with the workshop functions', () => {
  const items = readCatalog(path.resolve(import.meta.dirname, '../../../store/catalog.json'));
  for (const name of ['figlet', 'markdown', 'nodeinfo', 'env', 'astros', 'echoit', 'wordcount', 'base64', 'shasum', 'sentimentanalysis']) {
    assert.ok(items.some((i) => i.name === name), name);
  }
  assert.equal(findStoreItem(items, 'SentimentAnalysis').fprocess, 'python3 /home/app/sentiment.py');
});
