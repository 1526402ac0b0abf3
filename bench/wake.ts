/**
 * Scale-to-zero wake-up: time from a call to a function scaled to zero (its last task gone)
 * to its first answer through the gateway, median of BENCH_RUNS (default 5). Writes its
 * section of docs/benchmarks.md.   npx tsx bench/wake.ts
 */
import { names } from '../lib/docker/names';
import { waitForTasks } from '../lib/docker/services';
import { createJob } from '../lib/jobs/jobs';
import { runFunction } from '../lib/runner/run-function';
import { scaleIdleFunctions } from '../lib/sandbox/idle-scaler';
import { ensureSandbox } from '../lib/sandbox/provision';
import { newParticipantId } from '../lib/session/participant';
import { removeTestInstance, testContext } from '../test/integration/helpers';
import { machine, writeSection } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ctx = await testContext();
const pid = newParticipantId();
const samples: number[] = [];
try {
  const job = createJob(pid);
  await runFunction(ctx, job, { participantId: pid, fn: 'sleepy', lang: 'python3', file: 'handler.py', content: 'def handle(req):\n    return "awake"\n', input: '' });
  const sb = await ensureSandbox(ctx, pid);
  const service = names.functionService(ctx.prefix, sb.id, 'sleepy');
  for (let i = 0; i < RUNS; i++) {
    await scaleIdleFunctions(ctx, 0);
    await waitForTasks(ctx.engine, service, (ts) => ts.every((t) => t.state !== 'running'), 30_000);
    const t0 = performance.now();
    const res = await fetch(`${sb.gatewayUrl}/function/sleepy`, { method: 'POST', body: '' });
    const text = await res.text();
    samples.push(performance.now() - t0);
    if (res.status !== 200 || text.trim() !== 'awake') throw new Error(`wake ${i}: ${res.status} ${text}`);
  }
} finally {
  await removeTestInstance(ctx, []); // everything of the instance, homes included; asserts nothing is left
}
const sorted = [...samples].sort((a, b) => a - b);
const section = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} (\`npx tsx bench/wake.ts\`, ${RUNS} runs): median **${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s** from the call to the first answer (min ${(sorted[0] / 1000).toFixed(2)} s, max ${(sorted.at(-1)! / 1000).toFixed(2)} s); target ≤ 1.5 s.`;
console.log(section);
writeSection(ctx.cfg.root, 'wake', section);
