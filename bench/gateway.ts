/**
 * Gateway benchmark: sync invoke latency (p50/p99) and throughput at concurrency 1 and 8, through
 * the sandbox gateway vs directly to the function's task, both from a container on the same
 * sandbox network (bench/load.py); and idle memory (docker stats) of the gateway and of one
 * idle python3 function before and after the load. Writes its section of docs/benchmarks.md.
 * At concurrency 1 (the gateway's own latency) each run takes both paths in turn, request by
 * request; at concurrency 8 (throughput) runs of each path alternate. ROUNDS of each; the
 * table shows the median run.
 *   npx tsx bench/gateway.ts        (BENCH_SECONDS=n per run, default 10; BENCH_ROUNDS, default 3)
 */
import { LABEL } from '../lib/docker/labels';
import { removeTestInstance, testContext } from '../test/integration/helpers';
import { machine, memUsageMiB, writeSection } from './report';
import { echoSandbox, load as loadIn, type LoadResult } from './sandbox-load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ctx = await testContext();

async function memoryMiB(containerName: RegExp): Promise<number> {
  const [c] = (await ctx.engine.listContainers({ filters: { label: [`${LABEL.instance}=${ctx.prefix}`] } })).filter((x) => containerName.test(x.Names[0]));
  const stats = await ctx.engine.getContainer(c.Id).stats({ stream: false }) as any;
  return memUsageMiB(stats);
}

const load = (urls: string[], networkId: string, concurrency: number) => loadIn(ctx, urls, networkId, concurrency, SECONDS);

let section = '';
try {
  const network = { Id: (await echoSandbox(ctx)).networkId };
  await new Promise((r) => setTimeout(r, 15_000)); // let both settle to idle
  const idleBefore = { gateway: await memoryMiB(/-gateway\./), fn: await memoryMiB(/-fn-echo\./) };
  const median = (runs: LoadResult[], key: keyof LoadResult) => [...runs].sort((x, y) => x[key] - y[key])[Math.floor(runs.length / 2)][key];
  const summary = (runs: LoadResult[]): LoadResult => ({
    count: runs.reduce((n, r) => n + r.count, 0), rps: median(runs, 'rps'), p50: median(runs, 'p50'), p90: median(runs, 'p90'), p99: median(runs, 'p99'), errors: runs.reduce((n, r) => n + r.errors, 0),
  });
  const [DIRECT, GATEWAY] = ['http://echo:8080/', 'http://gateway:8080/function/echo'];
  // Concurrency 1: both paths in one run, request by request in turn (same conditions for both).
  const c1: { direct: LoadResult[]; viaGateway: LoadResult[] } = { direct: [], viaGateway: [] };
  // Concurrency 8: separate runs (throughput needs the function to itself), alternating.
  const c8: { direct: LoadResult[]; viaGateway: LoadResult[] } = { direct: [], viaGateway: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const both = await load([DIRECT, GATEWAY], network.Id, 1);
    c1.direct.push(both[DIRECT]);
    c1.viaGateway.push(both[GATEWAY]);
    c8.direct.push((await load([DIRECT], network.Id, 8))[DIRECT]);
    c8.viaGateway.push((await load([GATEWAY], network.Id, 8))[GATEWAY]);
  }
  console.log(JSON.stringify({ c1, c8 }));
  const results: Record<number, { direct: LoadResult; viaGateway: LoadResult }> = {
    1: { direct: summary(c1.direct), viaGateway: summary(c1.viaGateway) },
    8: { direct: summary(c8.direct), viaGateway: summary(c8.viaGateway) },
  };
  await new Promise((r) => setTimeout(r, 15_000));
  const idleAfter = { gateway: await memoryMiB(/-gateway\./), fn: await memoryMiB(/-fn-echo\./) };
  const row = (c: number, name: string, r: LoadResult) => `| ${c} | ${name} | ${r.p50} ms | ${r.p90} ms | ${r.p99} ms | ${c === 1 ? '— (shared run)' : `${r.rps} req/s`} | ${r.errors} |`;
  const added = (c: number) => (results[c].viaGateway.p50 - results[c].direct.p50).toFixed(2);
  section = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, python3 template echo function limited to 1 CPU, load from a container on the sandbox network; ${ROUNDS} rounds of ${SECONDS} s runs, median run shown: at concurrency 1 both paths in the same run, taking turns request by request; at concurrency 8 one path per run, alternating (\`npx tsx bench/gateway.ts\`).`,
    '',
    '| concurrency | path | p50 | p90 | p99 | throughput | errors |',
    '|---|---|---|---|---|---|---|',
    ...[1, 8].flatMap((c) => [
      row(c, 'direct to the function task (`http://echo:8080/`)', results[c].direct),
      row(c, 'through the gateway (`http://gateway:8080/function/echo`)', results[c].viaGateway),
    ]),
    '',
    `Added by the gateway at p50: ${added(1)} ms at concurrency 1, ${added(8)} ms at concurrency 8; throughput ratio at concurrency 8: ${(results[8].viaGateway.rps / results[8].direct.rps).toFixed(2)}× direct (targets: ≤ 1 ms, ≥ 0.9×).`,
    '',
    `Idle memory (docker stats, MiB): gateway ${idleBefore.gateway.toFixed(1)} before / ${idleAfter.gateway.toFixed(1)} after the load (target ≤ 48); one idle python3 function ${idleBefore.fn.toFixed(1)} / ${idleAfter.fn.toFixed(1)} (target ≤ 8).`,
  ].join('\n');
  console.log(section);
} finally {
  await removeTestInstance(ctx, []); // everything of the instance, homes included; asserts nothing is left
}

if (section) writeSection(ctx.cfg.root, 'gateway', section);
