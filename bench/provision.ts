/**
 * Provisioning: from "a new participant needs a sandbox" to a shell prompt that answers (a
 * command run in the shell container) — cold, one participant at a time, BENCH_RUNS times
 * (default 5; p50/p95); then BENCH_ROOM participants (default 40) joining at once, until all
 * are ready; then the idle footprint per sandbox (gateway + shell, docker stats, MiB) after
 * they settle. Writes its section of docs/benchmarks.md.   npx tsx bench/provision.ts
 */
import { LABEL, ownedFilter } from '../lib/docker/labels';
import { ensureSandbox } from '../lib/sandbox/provision';
import { removeInstance } from '../lib/sandbox/remove';
import { execInShell } from '../lib/sandbox/shell-exec';
import { newParticipantId } from '../lib/session/participant';
import { testContext } from '../test/integration/helpers';
import { machine, median, writeSection } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOM = Number(process.env.BENCH_ROOM ?? 40);
const ctx = await testContext();
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One participant, from nothing to a shell that runs a command. */
async function toPrompt(pid: string): Promise<number> {
  const t0 = performance.now();
  const sb = await ensureSandbox(ctx, pid);
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
    const cache = st.memory_stats.stats?.total_inactive_file ?? st.memory_stats.stats?.inactive_file ?? 0;
    out[component].push((st.memory_stats.usage - cache) / 2 ** 20);
  }
  return out;
}

let section = '';
try {
  await ensureSandbox(ctx, newParticipantId()); // control plane (NATS, Prometheus) up first, as on a running platform
  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) cold.push(await toPrompt(newParticipantId()));
  console.log('cold', cold.map(s).join(', '));
  const t0 = performance.now();
  const room = await Promise.all(Array.from({ length: ROOM }, () => toPrompt(newParticipantId())));
  const allReady = performance.now() - t0;
  console.log(`room of ${ROOM}: all ready in ${s(allReady)}; each ${s(median(room))} median, ${s(Math.max(...room))} max`);
  await new Promise((r) => setTimeout(r, 20_000)); // let them settle to idle
  const idle = await idleMiB();
  const perSandbox = median(idle.gateway) + median(idle.shell);
  section = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} (\`npx tsx bench/provision.ts\`; no warm pool yet: every sandbox is made on demand).`,
    '',
    '| what | result | target |',
    '|---|---|---|',
    `| cold, one at a time (${RUNS} runs): new participant → shell answers | p50 ${s(median(cold))}, p95 ${s(pct(cold, 0.95))} | ≤ 10 s |`,
    `| ${ROOM} participants joining at once: all ready | ${s(allReady)} (each: median ${s(median(room))}, slowest ${s(Math.max(...room))}) | ≤ 60 s |`,
    `| idle footprint per sandbox (gateway + shell, docker stats, median of ${idle.gateway.length}) | ${perSandbox.toFixed(1)} MiB (gateway ${median(idle.gateway).toFixed(1)}, shell ${median(idle.shell).toFixed(1)}) | ≤ 64 MB |`,
  ].join('\n');
  console.log(section);
} finally {
  await removeInstance(ctx.engine, ctx.prefix);
  ctx.close();
}

if (section) writeSection(ctx.cfg.root, 'provision', section);
