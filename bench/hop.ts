/**
 * What one extra hop costs on this machine, whatever does the relaying. From a container on a
 * sandbox network, request by request in turn (concurrency 1): the python3 echo function
 * directly; through the sandbox gateway; through a plain TCP relay (Debian's socat, no HTTP);
 * through the smallest Node HTTP proxy (bench/relay/node-proxy.js, same Node as the gateway).
 * If the relay that parses nothing costs as much as the gateway, the gateway's added latency
 * is the hop, not its code. Then one run per relay alone, reading its container's CPU time
 * (docker stats) before and after: CPU per request. Writes its section of docs/benchmarks.md.
 *   npx tsx bench/hop.ts        (BENCH_SECONDS=n per run, default 20; BENCH_ROUNDS, default 3)
 */
import fs from 'node:fs';
import path from 'node:path';
import { ownedFilter, ownedLabels } from '../lib/docker/labels';
import { readDirContext } from '../lib/platform/context';
import { recipeHash } from '../lib/platform/hash';
import { ensureHashedImage } from '../lib/platform/hashed-image';
import { removeTestInstance, testContext } from '../test/integration/helpers';
import { machine, median, writeSection } from './report';
import { echoSandbox, load } from './sandbox-load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ctx = await testContext();

const files = await readDirContext(path.join(ctx.cfg.root, 'bench/relay'));
const hash = recipeHash({ dockerfile: files.get('Dockerfile')!.content.toString(), files, args: { BASE_IMAGE: ctx.images.base } });
const relayImage = `faaslab-bench-relay:${hash}`;
await ensureHashedImage(ctx.engine, 'relay image', { tag: relayImage, hash, files, buildargs: { BASE_IMAGE: ctx.images.base } }, console.log);

/** A container on the sandbox network, answering to `alias`, labelled as ours. */
async function relay(networkId: string, alias: string, image: string, cmd: string[]) {
  const c = await ctx.engine.createContainer({
    name: `${ctx.prefix}-bench-${alias}`, Image: image, Cmd: cmd, Labels: ownedLabels(ctx.prefix, 'function'),
    HostConfig: { NetworkMode: networkId }, NetworkingConfig: { EndpointsConfig: { [networkId]: { Aliases: [alias] } } },
  });
  await c.start();
}

/** CPU time (ms) a container has used so far, kernel time included. */
async function cpuMs(name: RegExp): Promise<number> {
  const [c] = (await ctx.engine.listContainers({ filters: ownedFilter(ctx.prefix) })).filter((x) => name.test(x.Names[0]));
  const stats = await ctx.engine.getContainer(c.Id).stats({ stream: false }) as any;
  return stats.cpu_stats.cpu_usage.total_usage / 1e6;
}

const PATHS = {
  direct: 'http://echo:8080/',
  gateway: 'http://gateway:8080/function/echo',
  socat: 'http://tcp-relay:8080/',
  'node proxy': 'http://node-proxy:8080/',
};
let section = '';
try {
  const { networkId } = await echoSandbox(ctx);
  await relay(networkId, 'tcp-relay', relayImage, ['socat', 'TCP-LISTEN:8080,fork,reuseaddr,nodelay', 'TCP:echo:8080,nodelay']);
  await relay(networkId, 'node-proxy', ctx.images.node, ['node', '-e', fs.readFileSync(path.join(ctx.cfg.root, 'bench/relay/node-proxy.js'), 'utf8'), 'echo']);
  await new Promise((r) => setTimeout(r, 3000));
  const added: Record<string, number[]> = Object.fromEntries(Object.keys(PATHS).map((k) => [k, []]));
  const direct: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const run = await load(ctx, Object.values(PATHS), networkId, 1, SECONDS);
    direct.push(run[PATHS.direct].p50);
    for (const [name, url] of Object.entries(PATHS)) added[name].push(run[url].p50 - run[PATHS.direct].p50);
    console.log(JSON.stringify(run));
  }
  const containers: Record<string, RegExp> = { gateway: /-gateway\./, socat: /-bench-tcp-relay$/, 'node proxy': /-bench-node-proxy$/ };
  const cpu: Record<string, number> = {};
  for (const [name, container] of Object.entries(containers)) {
    const url = PATHS[name as keyof typeof PATHS];
    const before = await cpuMs(container);
    const run = await load(ctx, [url], networkId, 1, SECONDS);
    cpu[name] = ((await cpuMs(container)) - before) / run[url].count;
  }
  const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
  const rows = Object.keys(containers).map((k) =>
    `| ${k} (\`${PATHS[k as keyof typeof PATHS]}\`) | ${signed(median(added[k]))} ms | ${added[k].map(signed).join(', ')} | ${cpu[k].toFixed(2)} ms |`);
  section = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}: python3 echo function (1 CPU), direct p50 ${median(direct).toFixed(2)} ms; ${ROUNDS} runs of ${SECONDS} s, all four paths in each run taking turns request by request, concurrency 1 (\`npx tsx bench/hop.ts\`).`,
    '',
    '| path | added at p50 (median run) | each run | relay CPU per request |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(section);
} finally {
  // the relays are plain containers on the sandbox network: remove them before the sandbox
  for (const c of await ctx.engine.listContainers({ all: true, filters: ownedFilter(ctx.prefix) })) {
    if (!c.Labels['com.docker.swarm.service.name']) await ctx.engine.getContainer(c.Id).remove({ force: true });
  }
  await removeTestInstance(ctx, []); // everything of the instance, homes included; asserts nothing is left
}

if (section) writeSection(ctx.cfg.root, 'hop', section);
