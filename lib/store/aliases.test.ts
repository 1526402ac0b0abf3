import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { aliasFor, normalizeImage, readAliases } from './aliases';
import { readCatalog, storeImageDir } from './catalog';
import { storeImageLookup } from './resolve';

const root = path.resolve(import.meta.dirname, '../..');

test('image names are read as Docker reads them: docker.io/ and library/ dropped, :latest added', () => {
  assert.equal(normalizeImage('functions/alpine'), 'functions/alpine:latest');
  assert.equal(normalizeImage('docker.io/functions/alpine:latest'), 'functions/alpine:latest');
  assert.equal(normalizeImage('docker.io/library/alpine'), 'alpine:latest');
  assert.equal(normalizeImage('ghcr.io/openfaas/figlet:0.13.0'), 'ghcr.io/openfaas/figlet:0.13.0');
  assert.equal(normalizeImage('localhost:5000/figlet'), 'localhost:5000/figlet:latest');
});

test('aliases: exact names, and a * tag for any tag of that repository; anything else is not an alias', () => {
  const aliases = { 'functions/alpine:latest': 'A', 'functions/figlet:*': 'F' };
  assert.equal(aliasFor('functions/alpine:latest', aliases), 'A');
  assert.equal(aliasFor('docker.io/functions/alpine', aliases), 'A');
  assert.equal(aliasFor('functions/alpine:3.12', aliases), null, 'only the tag the workshop names');
  assert.equal(aliasFor('functions/figlet:0.13.0', aliases), 'F');
  assert.equal(aliasFor('functions/figlet', aliases), 'F');
  assert.equal(aliasFor('functions/figlet-extra:latest', aliases), null);
  assert.equal(aliasFor('functions/hubstats:latest', aliases), null);
});

test('the store image lookup: catalog names, their Docker spellings and the workshop aliases map to the local build; others do not', () => {
  const lookup = storeImageLookup([['ghcr.io/openfaas/alpine:latest', 'local-alpine'], ['ghcr.io/openfaas/figlet:latest', 'local-figlet']],
    { 'functions/alpine:latest': 'ghcr.io/openfaas/alpine:latest', 'functions/figlet:*': 'ghcr.io/openfaas/figlet:latest', 'functions/gone:latest': 'ghcr.io/openfaas/gone:latest' });
  assert.equal(lookup('ghcr.io/openfaas/alpine:latest'), 'local-alpine');
  assert.equal(lookup('ghcr.io/openfaas/alpine'), 'local-alpine');
  assert.equal(lookup('functions/alpine:latest'), 'local-alpine');
  assert.equal(lookup('functions/figlet:0.13.0'), 'local-figlet');
  assert.equal(lookup('functions/gone:latest'), undefined, 'an alias whose image was not built');
  assert.equal(lookup('functions/hubstats:latest'), undefined);
  assert.equal(lookup('functions/hubstats:latest') !== undefined, false);
  assert.equal(lookup('functions/alpine:latest') !== undefined, true);
});

test('the repository catalog: every alias names a catalog image, every image has its Dockerfile, names are unique', () => {
  const catalog = readCatalog(root);
  const images = new Set(catalog.map((e) => e.image));
  for (const [alias, target] of Object.entries(readAliases(root))) assert.ok(images.has(target), `${alias} → ${target}, not in store/catalog.json`);
  for (const image of images) assert.ok(fs.existsSync(path.join(root, 'store', storeImageDir(image), 'Dockerfile')), `${image}: store/${storeImageDir(image)}/Dockerfile`);
  assert.equal(new Set(catalog.map((e) => e.name)).size, catalog.length);
  assert.equal(storeImageDir('ghcr.io/openfaas/alpine:latest'), 'alpine');
  assert.equal(catalog.filter((e) => e.image === 'ghcr.io/openfaas/alpine:latest').map((e) => e.name).sort().join(' '), 'base64 echoit env shasum wordcount',
    'the coreutils functions share one image');
});

test("every image of the mirrored sample stack resolves to a store image, except the one it skips", () => {
  const stack = parse(fs.readFileSync(path.join(root, 'store/mirror/openfaas-faas-stack.yml'), 'utf8')) as { functions: Record<string, { image: string }> };
  const built = storeImageLookup(readCatalog(root).map((e) => [e.image, `local-${e.name}`]), readAliases(root));
  const unresolved = Object.entries(stack.functions).filter(([, f]) => !built(f.image)).map(([n]) => n);
  assert.deepEqual(unresolved, ['hubstats']);
});
