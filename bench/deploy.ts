/**
 * Deploy → first 200, as `faas-cli deploy` sees it: the image is already built; the clock runs
 * from POST /system/functions on the sandbox gateway to the first 200 from /function/<name>
 * (polled every 10 ms). A new function each run, BENCH_RUNS (default 5) runs, median reported.
 * Writes its section of docs/benchmarks.md.   npx tsx bench/deploy.ts
 */
import { buildFunction } from '../lib/builder/build-function';
import { ensureSandbox } from '../lib/sandbox/provision';
import { newParticipantId } from '../lib/session/participant';
import { participantWorkspace } from '../lib/workspace/participant';
import { gatewayAuth, removeTestInstance, testContext } from '../test/integration/helpers';
import { machine, median, writeSection } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ctx = await testContext();
const pid = newParticipantId();
const samples: { accepted: number; first200: number }[] = [];

try {
  const sb = await ensureSandbox(ctx, pid);
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  for (let i = 0; i < RUNS; i++) {
    const fn = `deploy${i}`;
    ws.write(`${fn}/handler.py`, `def handle(req):\n    return "deployed ${i}"\n`);
    const { image } = await buildFunction(ctx.engine, { root: ctx.cfg.root, instance: ctx.prefix, sandboxId: sb.id, fn, lang: 'python3', handlerDir: ws.dir(fn), images: ctx.images }, () => {});
    await new Promise((r) => setTimeout(r, 2000)); // let the build's containers go
    const t0 = performance.now();
    const res = await fetch(`${sb.gatewayUrl}/system/functions`, { method: 'POST', headers: { ...gatewayAuth(sb), 'Content-Type': 'application/json' }, body: JSON.stringify({ service: fn, image }) });
    if (res.status !== 202) throw new Error(`deploy ${fn}: ${res.status} ${await res.text()}`);
    const accepted = performance.now() - t0;
    for (;;) {
      const r = await fetch(`${sb.gatewayUrl}/function/${fn}`, { method: 'POST', body: '' });
      const text = await r.text();
      if (r.status === 200 && text.trim() === `deployed ${i}`) break;
      if (performance.now() - t0 > 30_000) throw new Error(`${fn} not answering after 30 s: ${r.status} ${text}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    samples.push({ accepted, first200: performance.now() - t0 });
  }
} finally {
  await removeTestInstance(ctx, []); // everything of the instance, homes included; asserts nothing is left
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const first = samples.map((x) => x.first200);
const section = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} (\`npx tsx bench/deploy.ts\`, ${RUNS} new functions, image already built): median **${s(median(first))}** from POST /system/functions to the first 200 (min ${s(Math.min(...first))}, max ${s(Math.max(...first))}); the POST itself answered 202 after a median ${s(median(samples.map((x) => x.accepted)))}. Target ≤ 1.2 s; OpenFaaS on this machine: 3.6 s.`;
console.log(section);
writeSection(ctx.cfg.root, 'deploy', section);
