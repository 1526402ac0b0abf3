import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { stdio } from './context';
import { loadStack, stackFileName } from './stack-file';

test('without -f, faas-cli 0.17 reads stack.yaml, else stack.yml; -f wins', () => {
  const here = (...files: string[]) => (f: string) => files.includes(f);
  assert.equal(stackFileName(undefined, here('stack.yml', 'stack.yaml')), 'stack.yaml');
  assert.equal(stackFileName(undefined, here('stack.yml')), 'stack.yml');
  assert.equal(stackFileName(undefined, here()), null);
  assert.equal(stackFileName('x.yml', here('stack.yaml')), 'x.yml');
});

test('-f with the workshop sample stack URL reads the offline mirror, says so, and skips hubstats with its reason', async () => {
  const errors: string[] = [];
  const saved = { error: stdio.error, env: process.env.FAASLAB_STORE_CATALOG };
  process.env.FAASLAB_STORE_CATALOG = path.resolve(import.meta.dirname, '../../store/catalog.json');
  stdio.error = (l) => errors.push(l);
  try {
    const { stack } = await loadStack('https://raw.githubusercontent.com/openfaas/faas/master/stack.yml', {});
    assert.deepEqual(Object.keys(stack.functions), ['nodeinfo', 'echoit', 'wordcount', 'base64', 'markdown']);
    assert.equal(errors.length, 2);
    assert.match(errors[0], /^https:\/\/raw\.githubusercontent\.com\/openfaas\/faas\/master\/stack\.yml: served from FaaS Lab's offline mirror/);
    assert.match(errors[1], /^Skipping hubstats: .*Docker Hub/);
    const filtered = await loadStack('https://raw.githubusercontent.com/openfaas/faas/master/stack.yml', { filter: 'echo*' });
    assert.deepEqual(Object.keys(filtered.stack.functions), ['echoit']);
    assert.equal(errors.length, 3, 'hubstats is not mentioned when --filter leaves it out');
  } finally {
    stdio.error = saved.error;
    if (saved.env === undefined) delete process.env.FAASLAB_STORE_CATALOG;
    else process.env.FAASLAB_STORE_CATALOG = saved.env;
  }
});

test('-f with a URL that is not mirrored is fetched, and a refused one fails with the no-internet hint', async () => {
  await assert.rejects(loadStack('http://127.0.0.1:9/stack.yml', {}), (err: Error & { hint?: string }) =>
    /^cannot fetch the stack file http:\/\/127\.0\.0\.1:9\/stack\.yml: ECONNREFUSED/.test(err.message) && /no internet/.test(err.hint ?? ''));
});
