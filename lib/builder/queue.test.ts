import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BuildQueue, Preempted } from './queue';

const deferred = () => { let resolve!: () => void; const p = new Promise<void>((r) => { resolve = r; }); return { p, resolve }; };
const tick = () => new Promise((r) => setImmediate(r));

/** A task that runs until released (or until its signal aborts, as a build does), noting each start. */
function held(log: string[], name: string) {
  const gate = deferred();
  const task = (signal: AbortSignal) => {
    log.push(name);
    return new Promise<string>((resolve, reject) => {
      gate.p.then(() => resolve(name));
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return { task, release: gate.resolve };
}

test('no more than the limit run at once; the rest wait in order and see their positions move', async () => {
  const q = new BuildQueue(2);
  const log: string[] = [];
  const tasks = ['a', 'b', 'c', 'd'].map((n) => held(log, n));
  const positions: Record<string, number[]> = { c: [], d: [] };
  const runs = tasks.map((t, i) => q.run(`owner${i}`, t.task, { onPosition: (n) => positions['abcd'[i]]?.push(n) }));
  await tick();
  assert.deepEqual(log, ['a', 'b']);
  assert.deepEqual(q.stats, { running: 2, waiting: 2 });
  tasks[0].release();
  await runs[0];
  await tick();
  assert.deepEqual(log, ['a', 'b', 'c']);
  assert.deepEqual(positions, { c: [1], d: [2, 1] });
  tasks.forEach((t) => t.release());
  assert.deepEqual(await Promise.all(runs), ['a', 'b', 'c', 'd']);
  assert.deepEqual(q.stats, { running: 0, waiting: 0 });
});

test('a failing build frees its slot', async () => {
  const q = new BuildQueue(1);
  await assert.rejects(q.run('a', async () => { throw new Error('boom'); }), /boom/);
  assert.equal(await q.run('a', async () => 'next'), 'next');
});

test("other sandboxes' builds go ahead of a sandbox's second one, and positions say so", async () => {
  const q = new BuildQueue(1, 1);
  const log: string[] = [];
  const [a1, a2, b1, c1] = ['a1', 'a2', 'b1', 'c1'].map((n) => held(log, n));
  const positions: Record<string, number[]> = { a2: [], b1: [], c1: [] };
  const runs = [q.run('A', a1.task), q.run('A', a2.task, { onPosition: (n) => positions.a2.push(n) })];
  await tick();
  runs.push(q.run('B', b1.task, { onPosition: (n) => positions.b1.push(n) }), q.run('C', c1.task, { onPosition: (n) => positions.c1.push(n) }));
  await tick();
  assert.deepEqual(positions, { a2: [1, 2, 3], b1: [1], c1: [2] }, 'B and C, who came later, are served before A again');
  for (const t of [a1, b1, c1, a2]) {
    t.release();
    await tick();
  }
  assert.deepEqual(await Promise.all(runs), ['a1', 'a2', 'b1', 'c1']);
  assert.deepEqual(log, ['a1', 'b1', 'c1', 'a2']);
});

test("a sandbox may use idle builders beyond its share, and yields one as soon as another sandbox waits", async () => {
  const q = new BuildQueue(2, 1);
  const log: string[] = [];
  const [a1, a2, b1] = ['a1', 'a2', 'b1'].map((n) => held(log, n));
  let paused = 0;
  const runA1 = q.run('A', a1.task);
  const runA2 = q.run('A', a2.task, { onPaused: () => paused++ });
  await tick();
  assert.deepEqual(log, ['a1', 'a2'], 'nobody else waits: A uses both builders');
  const runB1 = q.run('B', b1.task);
  await tick();
  assert.deepEqual(log, ['a1', 'a2', 'b1'], "A's second build was stopped for B's");
  assert.equal(paused, 1);
  assert.deepEqual(q.stats, { running: 2, waiting: 1 });
  b1.release();
  assert.equal(await runB1, 'b1');
  await tick();
  assert.deepEqual(log, ['a1', 'a2', 'b1', 'a2'], "A's second build starts again on the free builder");
  a1.release(); a2.release();
  assert.deepEqual(await Promise.all([runA1, runA2]), ['a1', 'a2']);
});

test('a build within its share is never stopped, and only one build yields per waiting build', async () => {
  const q = new BuildQueue(3, 1);
  const log: string[] = [];
  const reasons: unknown[] = [];
  const tasks = ['a1', 'a2', 'a3', 'b1'].map((n) => held(log, n));
  const watch = (t: ReturnType<typeof held>) => (s: AbortSignal) => { s.addEventListener('abort', () => reasons.push(s.reason)); return t.task(s); };
  const runs = tasks.slice(0, 3).map((t) => q.run('A', watch(t)));
  await tick();
  runs.push(q.run('B', tasks[3].task));
  await tick();
  assert.equal(reasons.length, 1);
  assert.ok(reasons[0] instanceof Preempted);
  assert.deepEqual(log, ['a1', 'a2', 'a3', 'b1'], "A's newest build (a3) made room");
  tasks.forEach((t) => t.release());
  await tick();
  tasks.forEach((t) => t.release());
  assert.deepEqual(await Promise.all(runs), ['a1', 'a2', 'a3', 'b1']);
});

test('giving up: a waiting build leaves the queue, a running one is aborted with the reason', async () => {
  const q = new BuildQueue(1, 1);
  const log: string[] = [];
  const [a1, b1] = ['a1', 'b1'].map((n) => held(log, n));
  const stopA = new AbortController();
  const stopB = new AbortController();
  const runA = q.run('A', a1.task, { signal: stopA.signal });
  const runB = q.run('B', b1.task, { signal: stopB.signal });
  await tick();
  stopB.abort(new Error('client went away'));
  await assert.rejects(runB, /client went away/);
  assert.deepEqual(q.stats, { running: 1, waiting: 0 });
  stopA.abort(new Error('timed out'));
  await assert.rejects(runA, /timed out/);
  assert.deepEqual(q.stats, { running: 0, waiting: 0 });
  assert.deepEqual(log, ['a1']);
});
