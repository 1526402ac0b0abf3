/**
 * Provisioning: from "a new participant needs a sandbox" to a shell prompt that answers (a
 * command run in the shell container). One participant at a time, BENCH_RUNS times (default 5;
 * p50/p95), cold and from the warm pool; then BENCH_ROOM participants (default 40) joining at
 * once, cold, and with the pool filled for the room beforehand (as an instructor sets
 * FAASLAB_POOL_SIZE before a session); then the idle footprint per sandbox (gateway + shell,
 * docker stats, MiB). Writes its section of docs/benchmarks.md.   npx tsx bench/provision.ts
 */
import { LABEL, ownedFilter } from '../lib/docker/labels';
import { fillPool } from '../lib/sandbox/pool';
import { ensureSandbox } from '../lib/sandbox/provision';
import { execInShell } from '../lib/sandbox/shell-exec';
import { newParticipantId } from '../lib/session/participant';
import { removeTestInstance, testContext } from '../test/integration/helpers';
import { machine, median, memUsageMiB, pct, seconds, writeSection } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOM = Number(process.env.BENCH_ROOM ?? 40);
const ctx = await testContext();
const s = seconds;

/** One participant, from nothing to a shell that runs a command. */
async function toPrompt(c: typeof ctx, pid: string): Promise<number> {
  const t0 = performance.now();
  const sb = await ensureSandbox(c, pid);
  for (;;) {
    const r = await execInShell(ctx.engine, ctx.prefix, sb.id, 'echo ready').catch(() => null);
    if (r?.stdout.trim() === 'ready') return performance.now() - t0;
    if (performance.now() - t0 > 120_000) throw new Error(`sandbox ${sb.id}: no shell prompt after 120 s`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

async function idleMiB(): Promise<{ gateway: number[]; shell: number[] }> {
  const out = { gateway: [] as number[], shell: [] as number[] };
  for (const c of await ctx.engine.listContainers({ filters: ownedFilter(ctx.prefix) })) {
    const component = c.Labels[LABEL.component];
    if (component !== 'gateway' && component !== 'shell') continue;
    const st = await ctx.engine.getContainer(c.Id).stats({ stream: false }) as any;
    out[component].push(memUsageMiB(st));
  }
  return out;
}

let section = '';
const withPool = (size: number) => ({ ...ctx, cfg: { ...ctx.cfg, FAASLAB_POOL_SIZE: size } });
const noPool = withPool(0);
/** One participant from nothing to a shell that answers, with or without a pool. */
const join = (c: typeof ctx) => toPrompt(c, newParticipantId());
async function room(c: typeof ctx): Promise<{ all: number; each: number[] }> {
  const t0 = performance.now();
  const each = await Promise.all(Array.from({ length: ROOM }, () => join(c)));
  return { all: performance.now() - t0, each };
}
try {
  await ensureSandbox(noPool, newParticipantId()); // control plane (NATS, Prometheus) up first, as on a running platform
  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) cold.push(await join(noPool));
  console.log('cold', cold.map(s).join(', '));
  const warm: number[] = [];
  await fillPool(withPool(RUNS));
  for (let i = 0; i < RUNS; i++) warm.push(await join(withPool(RUNS)));
  console.log('warm', warm.map(s).join(', '));
  const coldRoom = await room(noPool);
  console.log(`cold room of ${ROOM}: all ready in ${s(coldRoom.all)}`);
  const t0 = performance.now();
  await fillPool(withPool(ROOM));
  const filled = performance.now() - t0;
  const warmRoom = await room(withPool(ROOM));
  console.log(`pool of ${ROOM} filled in ${s(filled)}; room all ready in ${s(warmRoom.all)}`);
  await new Promise((r) => setTimeout(r, 20_000)); // let them settle to idle
  const idle = await idleMiB();
  const perSandbox = median(idle.gateway) + median(idle.shell);
  section = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} (\`npx tsx bench/provision.ts\`).`,
    '',
    '| what | result | target |',
    '|---|---|---|',
    `| new participant → shell answers, from the warm pool (${RUNS} runs) | p50 ${s(median(warm))}, p95 ${s(pct(warm, 0.95))} | ≤ 2 s |`,
    `| new participant → shell answers, cold (${RUNS} runs, one at a time) | p50 ${s(median(cold))}, p95 ${s(pct(cold, 0.95))} | ≤ 10 s |`,
    `| ${ROOM} participants at once, no pool: all ready | ${s(coldRoom.all)} (each participant: p50 ${s(median(coldRoom.each))}, p95 ${s(pct(coldRoom.each, 0.95))}; made ${ctx.cfg.FAASLAB_PROVISION_CONCURRENCY} at a time) | ≤ 60 s |`,
    `| ${ROOM} participants at once, pool of ${ROOM} filled beforehand: all ready | ${s(warmRoom.all)} (each participant: p50 ${s(median(warmRoom.each))}, p95 ${s(pct(warmRoom.each, 0.95))}); filling the pool took ${s(filled)}, one sandbox after another | ≤ 60 s |`,
    `| idle footprint per sandbox (gateway + shell, docker stats, median of ${idle.gateway.length}) | ${perSandbox.toFixed(1)} MiB (gateway ${median(idle.gateway).toFixed(1)}, shell ${median(idle.shell).toFixed(1)}) | ≤ 64 MB |`,
  ].join('\n');
  console.log(section);
} finally {
  await removeTestInstance(ctx, []); // everything of the instance, homes included; asserts nothing is left
}

if (section) writeSection(ctx.cfg.root, 'provision', section);
