import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeSlotsInUse, withMakeSlot } from './make-slots';

const tick = () => new Promise((r) => setTimeout(r, 5));

test('at most `limit` run at once; the rest start in arrival order, told how many are ahead', async () => {
  const started: number[] = [];
  const lines = new Map<number, string[]>();
  const gates = new Map<number, () => void>();
  const runs = [0, 1, 2, 3, 4].map((i) => withMakeSlot(2, (l) => lines.set(i, [...(lines.get(i) ?? []), l]), async () => {
    started.push(i);
    await new Promise<void>((r) => gates.set(i, r));
    return i;
  }));
  await tick();
  assert.deepEqual(started, [0, 1]);
  assert.deepEqual(makeSlotsInUse(), { running: 2, waiting: 3 });
  assert.match(lines.get(4)!.at(-1)!, /3 ahead of yours/);
  gates.get(1)!();
  await tick();
  assert.deepEqual(started, [0, 1, 2]);
  assert.match(lines.get(4)!.at(-1)!, /2 ahead of yours/);
  assert.equal(lines.get(0), undefined, 'the first ones never wait');
  for (const i of [0, 2, 3]) { gates.get(i)!(); await tick(); }
  gates.get(4)!();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4]);
  assert.deepEqual(started, [0, 1, 2, 3, 4]);
  assert.deepEqual(makeSlotsInUse(), { running: 0, waiting: 0 });
});

test('a failed make frees its slot for the next', async () => {
  const first = withMakeSlot(1, () => {}, async () => { await tick(); throw new Error('engine said no'); });
  const second = withMakeSlot(1, () => {}, async () => 'made');
  await assert.rejects(first, /engine said no/);
  assert.equal(await second, 'made');
  assert.deepEqual(makeSlotsInUse(), { running: 0, waiting: 0 });
});
