import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BuildQueue } from './queue';

const deferred = () => { let resolve!: () => void; const p = new Promise<void>((r) => { resolve = r; }); return { p, resolve }; };

test('no more than the limit run at once; the rest wait in order and see their positions move', async () => {
  const q = new BuildQueue(2);
  const gates = [deferred(), deferred(), deferred(), deferred()];
  const order: number[] = [];
  const positions: Record<number, number[]> = { 2: [], 3: [] };
  const runs = gates.map((g, i) => q.run(async () => { order.push(i); await g.p; return i; }, (n) => positions[i]?.push(n)));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(order, [0, 1]);
  assert.deepEqual(q.stats, { running: 2, waiting: 2 });
  gates[0].resolve();
  await runs[0];
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(order, [0, 1, 2]);
  assert.deepEqual(positions[3], [2, 1]);
  gates[1].resolve(); gates[2].resolve(); gates[3].resolve();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3]);
  assert.deepEqual(q.stats, { running: 0, waiting: 0 });
});

test('a failing build frees its slot', async () => {
  const q = new BuildQueue(1);
  await assert.rejects(q.run(async () => { throw new Error('boom'); }), /boom/);
  assert.equal(await q.run(async () => 'next'), 'next');
});
