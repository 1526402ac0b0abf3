/**
 * Shared by the gateway benchmarks: a python3 echo function in a fresh sandbox (limited to the
 * most a sandbox may have, one core) and bench/load.py run from a container on its network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ownedLabels } from '../lib/docker/labels';
import { names } from '../lib/docker/names';
import { pushRoute } from '../lib/faas/routes';
import { createJob } from '../lib/jobs/jobs';
import { deployFunction } from '../lib/provider/deploy';
import { MAX_LIMITS } from '../lib/provider/spec';
import { runFunction } from '../lib/runner/run-function';
import { ensureSandbox } from '../lib/sandbox/provision';
import { newParticipantId } from '../lib/session/participant';
import type { testContext } from '../test/integration/helpers';

export type BenchContext = Awaited<ReturnType<typeof testContext>>;
export type LoadResult = { count: number; rps: number; p50: number; p90: number; p99: number; errors: number };

/** Deploy `echo` (python3, returns its input) in a new sandbox; answers the sandbox and its network id. */
export async function echoSandbox(ctx: BenchContext) {
  const pid = newParticipantId();
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
  return { sb, networkId: network.Id as string };
}

/** Run bench/load.py (closed loop, `concurrency` workers, `seconds` long) against `urls` in turn. */
export async function load(ctx: BenchContext, urls: string[], networkId: string, concurrency: number, seconds: number): Promise<Record<string, LoadResult>> {
  const container = await ctx.engine.createContainer({
    Image: ctx.images.base,
    Cmd: ['python3', '-c', fs.readFileSync(path.join(ctx.cfg.root, 'bench/load.py'), 'utf8'), String(concurrency), String(seconds), ...urls],
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
