import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ownedLabels, platformImageLabels, LABEL } from '../docker/labels';
import { imagesToPrune, normaliseRef, removalSteps, type PruneFacts, type SandboxImage } from './prune-plan';

const I = 'faaslab';
const S = 'sandboxaaa';
const fnImage = (fn: string, created: number, extraTags: string[] = [], id = `sha256:${fn}-${created}`): SandboxImage => ({
  id, fn, created, tags: [`${I}-${S}-${fn}:t${created}`, ...extraTags],
  labels: ownedLabels(I, 'function-image', { [LABEL.sandbox]: S, [LABEL.fn]: fn }),
});
const facts = (images: SandboxImage[], services: Record<string, string> = {}, inUse: string[] = []): PruneFacts =>
  ({ instance: I, sandboxId: S, images, services: new Map(Object.entries(services)), inUse: new Set(inUse) });
const ids = (imgs: SandboxImage[]) => imgs.map((i) => i.id).sort();

test('after three edits and deploys, the two older versions may go, the one deployed stays', () => {
  const [v1, v2, v3] = [fnImage('hello', 100), fnImage('hello', 200), fnImage('hello', 300)];
  const f = facts([v1, v2, v3], { hello: `${I}-${S}-hello:t300` });
  assert.deepEqual(ids(imagesToPrune(f, { deployed: 'hello' })), ids([v1, v2]));
});

test('an image a container uses (Swarm\'s task history) stays for a later prune', () => {
  const [v1, v2, v3] = [fnImage('hello', 100), fnImage('hello', 200), fnImage('hello', 300)];
  const f = facts([v1, v2, v3], { hello: `${I}-${S}-hello:t300` }, [v2.id]);
  assert.deepEqual(ids(imagesToPrune(f, { deployed: 'hello' })), ids([v1]));
});

test('a build newer than the deployed version (waiting for its deploy) stays; so does one of the same second', () => {
  const [old, now, same, next] = [fnImage('hello', 100), fnImage('hello', 200), fnImage('hello', 200, [], 'sha256:same'), fnImage('hello', 300)];
  const f = facts([old, now, same, next], { hello: `${I}-${S}-hello:t200` });
  assert.deepEqual(ids(imagesToPrune(f, { deployed: 'hello' })), ids([old]));
});

test('a deploy prunes only its own function; a build prunes every function, and the built one\'s undeployed leftovers', () => {
  const a1 = fnImage('a', 100), a2 = fnImage('a', 200);
  const b1 = fnImage('b', 100), b2 = fnImage('b', 200);
  const c1 = fnImage('c', 100); // built, never deployed (deploy refused): no service
  const cNamed = fnImage('c', 150, [`${I}-${S}/c:latest`]); // faas-cli build, deploy still to come
  const d1 = fnImage('d', 100); // another function's undeployed build: its Run may be deploying right now
  const f = facts([a1, a2, b1, b2, c1, cNamed, d1], { a: `${I}-${S}-a:t200`, b: `${I}-${S}-b:t200` });
  assert.deepEqual(ids(imagesToPrune(f, { deployed: 'a' })), ids([a1]));
  assert.deepEqual(ids(imagesToPrune(f, { building: 'c' })), ids([a1, b1, c1]));
  assert.deepEqual(ids(imagesToPrune(f, { building: 'a' })), ids([a1, b1]));
});

test('removing a function frees all its images, except one another function runs or a container uses', () => {
  const a1 = fnImage('a', 100), a2 = fnImage('a', 200, [`${I}-${S}/shared:latest`]), a3 = fnImage('a', 300);
  const f = facts([a1, a2, a3, fnImage('b', 100)], { b: `${I}-${S}/shared` }, [a3.id]);
  assert.deepEqual(ids(imagesToPrune(f, { removed: 'a' })), ids([a1]));
});

test('faas-cli build moving the name the service runs makes the new image the current one', () => {
  const old = fnImage('hello', 100), built = fnImage('hello', 200, [`${I}-${S}/hello-openfaas:latest`]);
  const f = facts([old, built], { hello: `${I}-${S}/hello-openfaas:latest` });
  assert.deepEqual(ids(imagesToPrune(f, { building: 'x' })), ids([old]));
});

test('a service running an image that is not the sandbox\'s (the store\'s) keeps all of that function\'s images', () => {
  const f = facts([fnImage('hello', 100), fnImage('hello', 200)], { hello: 'faaslab-store-figlet:abc' });
  assert.deepEqual(imagesToPrune(f, { deployed: 'hello' }), []);
});

test('never an image without this instance\'s and sandbox\'s labels, a platform image, or one named outside the sandbox', () => {
  const base = fnImage('hello', 100);
  const foreign: SandboxImage[] = [
    { ...base, id: 'sha256:other-sandbox', labels: { ...base.labels, [LABEL.sandbox]: 'sandboxbbb' } },
    { ...base, id: 'sha256:other-instance', labels: { ...base.labels, [LABEL.instance]: 'other' } },
    { ...base, id: 'sha256:unmanaged', labels: { ...base.labels, [LABEL.managed]: 'false' } },
    { ...base, id: 'sha256:platform', labels: platformImageLabels('platform-image', 'h1'), tags: ['faaslab-python:p1'] },
    { ...base, id: 'sha256:base', labels: { ...platformImageLabels('base', 'h1'), [LABEL.instance]: I, [LABEL.sandbox]: S, [LABEL.fn]: 'hello' } },
    { ...base, id: 'sha256:no-fn', labels: ownedLabels(I, 'function-image', { [LABEL.sandbox]: S }) },
    { ...base, id: 'sha256:named-elsewhere', tags: [...base.tags, `${I}-sandboxbbb/hello:latest`] },
  ];
  const f = facts([...foreign, fnImage('hello', 300)], { hello: `${I}-${S}-hello:t300` });
  for (const why of [{ deployed: 'hello' }, { removed: 'hello' }, { building: 'hello' }]) assert.deepEqual(imagesToPrune(f, why), [], JSON.stringify(why));
});

test('removal without force: per-build tags are dropped by name first, a participant\'s name only with the image', () => {
  assert.deepEqual(removalSteps(fnImage('f', 1), I, S), { untag: [], id: 'sha256:f-1' });
  const twice = { ...fnImage('f', 1), tags: [`${I}-${S}-f:a`, `${I}-${S}-f:b`, `${I}-${S}-f:c`] };
  assert.deepEqual(removalSteps(twice, I, S), { untag: [`${I}-${S}-f:b`, `${I}-${S}-f:c`], id: 'sha256:f-1' });
  const named = fnImage('f', 1, [`${I}-${S}/f:latest`]);
  assert.deepEqual(removalSteps(named, I, S), { untag: [`${I}-${S}-f:t1`], id: 'sha256:f-1' });
  assert.equal(removalSteps(fnImage('f', 1, [`${I}-${S}/f:latest`, `${I}-${S}/f:v2`]), I, S), null);
  assert.deepEqual(removalSteps({ ...fnImage('f', 1), tags: [] }, I, S), { untag: [], id: 'sha256:f-1' });
});

test('service image references are compared as the engine lists tags', () => {
  assert.equal(normaliseRef('faaslab-x/hello'), 'faaslab-x/hello:latest');
  assert.equal(normaliseRef('faaslab-x-hello:lz1'), 'faaslab-x-hello:lz1');
  assert.equal(normaliseRef('faaslab-x/hello:v1@sha256:abc'), 'faaslab-x/hello:v1');
  assert.equal(normaliseRef('localhost:5000/hello'), 'localhost:5000/hello:latest');
});
