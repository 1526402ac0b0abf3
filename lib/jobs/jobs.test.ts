import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createJob, getJob, runningJobs, type JobEvent } from './jobs';

test('a viewer that connects late gets the history first, then live events until done', () => {
  const job = createJob('alice-participant-id-0001');
  job.emit({ type: 'stage', stage: 'build', at: 1 });
  job.emit({ type: 'log', line: 'Step 1/2' });
  const seen: JobEvent[] = [];
  job.follow((e) => seen.push(e));
  job.emit({ type: 'log', line: 'Step 2/2' });
  job.emit({ type: 'done' });
  job.emit({ type: 'log', line: 'after done is ignored' });
  assert.deepEqual(seen.map((e) => (e.type === 'log' ? e.line : e.type)), ['stage', 'Step 1/2', 'Step 2/2', 'done']);
  assert.ok(!runningJobs().includes(job));
});

test("a job is visible only to its owner", () => {
  const job = createJob('alice-participant-id-0001');
  assert.equal(getJob(job.id, 'alice-participant-id-0001'), job);
  assert.equal(getJob(job.id, 'mallory-participant-id-01'), null);
  assert.ok(runningJobs().includes(job));
});
