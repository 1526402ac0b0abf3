/**
 * Edit-loop benchmark: time from an edited handler to the function's output, through the
 * builder and deployer that every deploy uses (lib/runner: save → sandbox → build → deploy → invoke through
 * the sandbox gateway). Runs against the real engine with a throw-away instance, then
 * removes it. Writes the figures into docs/benchmarks.md between the run-loop markers.
 *   npm run bench            (5 runs of each case; BENCH_RUNS=n to change)
 */
import os from 'node:os';
import { createJob, type JobEvent } from '../lib/jobs/jobs';
import { runFunction } from '../lib/runner/run-function';
import { newParticipantId } from '../lib/session/participant';
import { removeTestInstance, testContext } from '../test/integration/helpers';
import { machine, median, writeSection } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ctx = await testContext();

async function run(pid: string, fn: string, body: string): Promise<{ ms: number; timings: Record<string, number> }> {
  const job = createJob(pid);
  const t0 = performance.now();
  await runFunction(ctx, job, { participantId: pid, fn, lang: 'python3', file: 'handler.py', content: `def handle(req):\n    return "${body}"\n`, input: '' });
  const ms = performance.now() - t0;
  const r = job.events.find((e) => e.type === 'result') as Extract<JobEvent, { type: 'result' }> | undefined;
  if (!r || r.body.trim() !== body) throw new Error(`run failed: ${JSON.stringify(job.events.filter((e) => e.type !== 'log'))}`);
  return { ms, timings: r.timings };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cases: { name: string; samples: { ms: number; timings: Record<string, number> }[] }[] = [];

try {
  const cold = [];
  for (let i = 0; i < RUNS; i++) cold.push(await run(newParticipantId(), 'hello-openfaas', `cold ${i}`));
  cases.push({ name: 'Cold: new participant (sandbox: gateway and shell created; first build, deploy, invoke)', samples: cold });

  const pid = newParticipantId();
  await run(pid, 'warmup', 'warm-up');
  const first = [];
  for (let i = 0; i < RUNS; i++) first.push(await run(pid, `fn${i}`, `first ${i}`));
  cases.push({ name: 'First deploy of a new function in an existing sandbox', samples: first });

  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await run(pid, 'fn0', `edit ${i}`));
  cases.push({ name: 'Warm: handler-only change of a deployed function', samples: warm });
} finally {
  await removeTestInstance(ctx, []); // everything of the instance, homes included; asserts nothing is left
}

const stages = ['sandbox', 'build', 'deploy', 'invoke'];
const rows = cases.map((c) => `| ${c.name} | **${fmt(median(c.samples.map((s) => s.ms)))}** | ${fmt(Math.min(...c.samples.map((s) => s.ms)))} – ${fmt(Math.max(...c.samples.map((s) => s.ms)))} | ${stages.map((st) => fmt(median(c.samples.map((s) => s.timings[st] ?? 0)))).join(' / ')} |`);
const section = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Docker engine ${(await ctx.engine.version()).Version}, single-node Swarm, ${RUNS} runs per case (\`npm run bench\`).`,
  '',
  '| case | median | min – max | median sandbox / build / deploy / invoke |',
  '|---|---|---|---|',
  ...rows,
].join('\n');
console.log(section);

writeSection(ctx.cfg.root, 'run-loop', section);
