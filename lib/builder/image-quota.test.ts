import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LABEL, ownedLabels, platformImageLabels } from '../docker/labels';
import type { SandboxImage } from '../provider/prune-plan';
import { imageQuotaError, imageUsage, ownBytes, type ImageNode } from './image-quota';

const MB = 2 ** 20;
// A chain as the classic builder leaves it: base ← python (tagged platform images), then one
// untagged image per step of a function build (labels inherited from the FROM), then the tagged
// function image. Sizes include all parents.
const node = (id: string, parent: string, mb: number, tags: string[] = [], labels = platformImageLabels('platform-image', 'p')): ImageNode =>
  ({ id, parent, size: mb * MB, tags, labels });
const fnLabels = (fn: string) => ownedLabels('faaslab', 'function-image', { [LABEL.sandbox]: 'sbx', [LABEL.fn]: fn });
const nodes = new Map([
  node('base', '', 250, ['faaslab-base:b'], platformImageLabels('base', 'b')),
  node('base-step', 'base', 250, [], platformImageLabels('base', 'b')),
  node('python', 'base-step', 350, ['faaslab-python:p']),
  node('watchdog-copy', 'python', 355), // COPY --from=watchdog: +5 MB, shared by every version
  node('deps', 'watchdog-copy', 360), // pip install: +5 MB
  node('v1-handler', 'deps', 360.5),
  node('v1', 'v1-handler', 360.5, ['faaslab-sbx-hello:v1'], fnLabels('hello')),
  node('v2-handler', 'deps', 360.5),
  node('v2', 'v2-handler', 360.5, ['faaslab-sbx-hello:v2'], fnLabels('hello')),
  node('df-user', 'base', 255), // a dockerfile function straight on the base image
  node('df', 'df-user', 255, ['faaslab-sbx-df:v1'], fnLabels('df')),
].map((n) => [n.id, n]));

test('own disk: what the images add above the platform images, layers two versions share counted once', () => {
  assert.equal(ownBytes(['v1'], nodes), 10.5 * MB);
  assert.equal(ownBytes(['v1', 'v2'], nodes), 11 * MB, 'watchdog and deps layers once, each handler layer once');
  assert.equal(ownBytes(['v1', 'v2', 'df'], nodes), 16 * MB);
  assert.equal(ownBytes(['python'], nodes), 0);
});

test('untagged images with platform labels (steps of a function build) are the sandbox\'s; a chain with no tagged platform image counts down to its root', () => {
  const orphan = new Map([node('old-python', '', 350), node('step', 'old-python', 351), node('f', 'step', 351, ['faaslab-sbx-f:1'], fnLabels('f'))].map((n) => [n.id, n]));
  assert.equal(ownBytes(['f'], orphan), 351 * MB);
});

const img = (id: string, fn: string): SandboxImage => ({ id, fn, created: 1, tags: [], labels: fnLabels(fn) });

test('usage counts distinct images by function, with their disk', () => {
  const u = imageUsage([img('v1', 'hello'), img('v2', 'hello'), img('df', 'df')], nodes);
  assert.deepEqual(u, { images: 3, bytes: 16 * MB, byFunction: [{ fn: 'hello', images: 2, bytes: 11 * MB }, { fn: 'df', images: 1, bytes: 5 * MB }] });
  assert.equal(imageUsage([img('v1', 'hello')], null).bytes, 0);
});

test('at the image limit the build is refused, naming what is full and what to do', () => {
  const u = imageUsage([img('v1', 'hello'), img('v2', 'hello'), img('df', 'df')], nodes);
  assert.equal(imageQuotaError('hello', u, { maxImages: 4, diskMb: 100 }), null);
  const err = imageQuotaError('hello', u, { maxImages: 3, diskMb: 100 });
  assert.equal(err?.code, 'quota');
  assert.equal(err?.status, 429);
  assert.equal(err?.message, '"hello" was not built: this sandbox already holds 3 function images (hello: 2, df: 1), the most it may hold.');
  assert.match(err?.hint ?? '', /faas-cli remove <name>/);
  assert.deepEqual(err?.detail, { images: 3, maxImages: 3, megabytes: 16, diskMb: 100 });
});

test('at the disk limit the build is refused, largest function first', () => {
  const u = imageUsage([img('v1', 'hello'), img('v2', 'hello'), img('df', 'df')], nodes);
  const err = imageQuotaError('df', u, { maxImages: 40, diskMb: 16 });
  assert.equal(err?.message, '"df" was not built: this sandbox\'s function images already use 16 MB of disk (hello: 11 MB, df: 5.0 MB), the most they may use is 16 MB.');
  assert.equal(imageQuotaError('df', u, { maxImages: 40, diskMb: 17 }), null);
});

test('0 means no limit', () => {
  const u = imageUsage([img('v1', 'hello'), img('v2', 'hello')], nodes);
  assert.equal(imageQuotaError('hello', u, { maxImages: 0, diskMb: 0 }), null);
});
