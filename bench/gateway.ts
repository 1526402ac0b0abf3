/**
 * Gateway benchmark: sync invoke latency (p50/p99) and throughput at concurrency 8, through
 * the sandbox gateway vs directly to the function's task, both from a container on the same
 * sandbox network (bench/load.py); and idle memory (docker stats) of the gateway and of one
 * idle python3 function before and after the load. Writes its section of docs/benchmarks.md.
 *   npx tsx bench/gateway.ts        (BENCH_SECONDS=n per run, default 15)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LABEL, ownedLabels } from '../lib/docker/labels';
import { names } from '../lib/docker/names';
import { pushRoute } from '../lib/faas/routes';
import { createJob } from '../lib/jobs/jobs';
import { deployFunction } from '../lib/provider/deploy';
import { MAX_LIMITS } from '../lib/provider/spec';
import { runFunction } from '../lib/runner/run-function';
import { removeInstance } from '../lib/sandbox/remove';
import { ensureSandbox } from '../lib/sandbox/provision';
import { newParticipantId } from '../lib/session/participant';
import { testContext } from '../test/integration/helpers';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ctx = await testContext();
const pid = newParticipantId();

async function memoryMiB(containerName: RegExp): Promise<number> {
  const [c] = (await ctx.engine.listContainers({ filters: { label: [`${LABEL.instance}=${ctx.prefix}`] } })).filter((x) => containerName.test(x.Names[0]));
  const stats = await ctx.engine.getContainer(c.Id).stats({ stream: false }) as any;
  // docker stats' "MEM USAGE": usage minus page cache (cgroup v1 total_inactive_file / v2 inactive_file).
  const cache = stats.memory_stats.stats?.total_inactive_file ?? stats.memory_stats.stats?.inactive_file ?? 0;
  return (stats.memory_stats.usage - cache) / 2 ** 20;
}

async function load(url: string, networkId: string): Promise<{ count: number; rps: number; p50: number; p90: number; p99: number; errors: number }> {
  const container = await ctx.engine.createContainer({
    Image: ctx.images.base,
    Cmd: ['python3', '-c', fs.readFileSync(path.join(ctx.cfg.root, 'bench/load.py'), 'utf8'), url, '8', String(SECONDS)],
    Labels: ownedLabels(ctx.prefix, 'function'),
    HostConfig: { NetworkMode: networkId },
  });
  try {
    await container.start();
    await container.wait();
    const out = (await container.logs({ stdout: true, stderr: true })) as Buffer;
    const text = out.toString('utf8').replace(/[\x00-\x08]/g, '');
    return JSON.parse(text.slice(text.indexOf('{')));
  } finally {
    await container.remove({ force: true });
  }
}

let section = '';
try {
  const job = createJob(pid);
  await runFunction(ctx, job, { participantId: pid, fn: 'echo', lang: 'python3', file: 'handler.py', content: 'def handle(req):\n    return req\n', input: 'warm' });
  if (!job.events.some((e) => e.type === 'result')) throw new Error(JSON.stringify(job.events.filter((e) => e.type === 'error')));
  const sb = await ensureSandbox(ctx, pid);
  const network = await ctx.engine.getNetwork(names.sandboxNetwork(ctx.prefix, sb.id)).inspect();
  // The platform's default ceiling is half a core per function; give the benchmark the most a
  // sandbox may have (one core) so the fork-per-request function is not the only thing measured.
  const image = ctx.q.functionsOf(sb.id)[0].image;
  await deployFunction(ctx.engine, { instance: ctx.prefix, sandboxId: sb.id, networkId: network.Id, endpointMode: 'dnsrr' },
    { name: 'echo', image, limits: { nanoCpus: MAX_LIMITS.NanoCPUs } }, 60_000, (name, addrs) => pushRoute(sb.gatewayUrl, sb.token, name, addrs));
  await new Promise((r) => setTimeout(r, 15_000)); // let both settle to idle
  const idleBefore = { gateway: await memoryMiB(/-gateway\./), fn: await memoryMiB(/-fn-echo\./) };
  const direct = await load('http://echo:8080/', network.Id);
  const viaGateway = await load('http://gateway:8080/function/echo', network.Id);
  await new Promise((r) => setTimeout(r, 15_000));
  const idleAfter = { gateway: await memoryMiB(/-gateway\./), fn: await memoryMiB(/-fn-echo\./) };
  const row = (name: string, r: typeof direct) => `| ${name} | ${r.p50} ms | ${r.p90} ms | ${r.p99} ms | ${r.rps} req/s | ${r.errors} |`;
  section = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, python3 template echo function limited to 1 CPU, concurrency 8, ${SECONDS} s per run, load from a container on the sandbox network (\`npx tsx bench/gateway.ts\`).`,
    '',
    '| path | p50 | p90 | p99 | throughput | errors |',
    '|---|---|---|---|---|---|',
    row('direct to the function task (`http://echo:8080/`)', direct),
    row('through the gateway (`http://gateway:8080/function/echo`)', viaGateway),
    '',
    `Added by the gateway at p50: ${(viaGateway.p50 - direct.p50).toFixed(2)} ms; throughput ratio: ${(viaGateway.rps / direct.rps).toFixed(2)}× direct (targets: ≤ 1 ms, ≥ 0.9×).`,
    '',
    `Idle memory (docker stats, MiB): gateway ${idleBefore.gateway.toFixed(1)} before / ${idleAfter.gateway.toFixed(1)} after the load (target ≤ 48); one idle python3 function ${idleBefore.fn.toFixed(1)} / ${idleAfter.fn.toFixed(1)} (target ≤ 8).`,
  ].join('\n');
  console.log(section);
} finally {
  await removeInstance(ctx.engine, ctx.prefix);
  ctx.close();
}

const file = path.join(ctx.cfg.root, 'docs/benchmarks.md');
const text = fs.readFileSync(file, 'utf8');
const start = '<!-- bench:gateway:start -->';
const end = '<!-- bench:gateway:end -->';
if (section && text.includes(start)) fs.writeFileSync(file, `${text.slice(0, text.indexOf(start) + start.length)}\n${section}\n${text.slice(text.indexOf(end))}`);
