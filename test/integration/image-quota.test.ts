import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildFunction } from '../../lib/builder/build-function';
import { LABEL, ownedFilter } from '../../lib/docker/labels';
import { names } from '../../lib/docker/names';
import { invokeFunction } from '../../lib/faas/invoke';
import { pruneFunctionImages } from '../../lib/provider/prune-images';
import { createJob, type JobEvent } from '../../lib/jobs/jobs';
import { runFunction } from '../../lib/runner/run-function';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { removeSandbox } from '../../lib/sandbox/remove';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { participant, removeTestInstance, testContext } from './helpers';

// Function images per sandbox, as a participant meets them: every Run or faas-cli build makes a
// new image; older ones go once nothing uses them, and a sandbox at its image or disk limit gets
// a clear refusal (lesson Run and faas-cli build alike) while what is deployed keeps serving.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();
const FN = 'hello-openfaas';
const OTHER_SANDBOX = 'othersbx01';

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
});

after(async () => {
  await removeSandbox(ctx.engine, ctx.prefix, OTHER_SANDBOX); // images only: it has no services
  await removeTestInstance(ctx, [pid]);
});

async function run(content: string, input = 'x'): Promise<JobEvent[]> {
  const job = createJob(pid);
  await runFunction(ctx, job, { participantId: pid, fn: FN, lang: 'python3', file: 'handler.py', content, input });
  return job.events;
}
const error = (events: JobEvent[]) => (events.find((e) => e.type === 'error') as Extract<JobEvent, { type: 'error' }> | undefined)?.error;
const body = (events: JobEvent[]) => (events.find((e) => e.type === 'result') as Extract<JobEvent, { type: 'result' }> | undefined)?.body;
const handler = (n: number) => `def handle(req):\n    return "v${n} " + req\n`;

/** The sandbox's images of one function (ids). */
const imagesOf = async (fn: string) => (await ctx.engine.listImages({ filters: ownedFilter(ctx.prefix, { [LABEL.sandbox]: sb.id, [LABEL.fn]: fn }) })).map((i) => i.Id);
/** The image id a function's service runs. */
const serviceImage = async (fn: string) => {
  const service = await ctx.engine.getService(names.functionService(ctx.prefix, sb.id, fn)).inspect();
  return (await ctx.engine.getImage(service.Spec.TaskTemplate.ContainerSpec.Image as string).inspect()).Id;
};
const heldByContainers = async () => new Set((await ctx.engine.listContainers({ all: true })).map((c) => c.ImageID));
const sh = (cmd: string) => execInShell(ctx.engine, ctx.prefix, sb.id, `mkdir -p ~/lab && cd ~/lab && ${cmd}`);

test('after three edits and Runs, only the deployed image and the ones Swarm still holds remain; nobody else\'s images are touched', async (t) => {
  // another sandbox's image of a function with the same name, and the platform's images, must stay
  const otherDir = fs.mkdtempSync(path.join(ctx.cfg.dataDir, 'other-'));
  fs.writeFileSync(path.join(otherDir, 'handler.py'), handler(0));
  const other = await buildFunction(ctx.engine, { root: ctx.cfg.root, instance: ctx.prefix, sandboxId: OTHER_SANDBOX, fn: FN, lang: 'python3', handlerDir: otherDir, images: ctx.images }, () => {});
  const started = Date.now();
  for (const n of [1, 2, 3]) {
    const events = await run(handler(n), 'edit');
    assert.equal(error(events), undefined, JSON.stringify(error(events)));
    assert.equal(body(events), `v${n} edit\n`);
  }
  const current = await serviceImage(FN);
  const held = await heldByContainers();
  const left = await imagesOf(FN);
  assert.ok(left.includes(current), 'the deployed version stays');
  for (const id of left) assert.ok(id === current || held.has(id), `${id} is neither deployed nor used by a container`);
  assert.ok((await ctx.engine.getImage(other.image).inspect()).Id, 'another sandbox\'s image stays');
  for (const ref of [ctx.images.python, ctx.images.base, ctx.images.watchdog]) await ctx.engine.getImage(ref).inspect();
  t.diagnostic(`3 Runs: ${((Date.now() - started) / 1000).toFixed(1)} s; ${left.length} image(s) left for ${FN}`);
});

test('once Swarm lets go of old task containers, the images of those versions go too', async (t) => {
  const history: number = (await ctx.engine.swarmInspect()).Spec?.Orchestration?.TaskHistoryRetentionLimit ?? 5;
  const runs = history + 3;
  for (let n = 4; n < 4 + runs; n++) assert.equal(error(await run(handler(n))), undefined);
  // Swarm keeps the containers of `history` ended tasks besides the running one, and removes
  // older ones on its own time. Once it has, what the next build does first (a prune) leaves at
  // most one image per container; without pruning all ${runs + 3} would still be there.
  const service = names.functionService(ctx.prefix, sb.id, FN);
  const containers = async () => (await ctx.engine.listContainers({ all: true, filters: { label: [`com.docker.swarm.service.name=${service}`] } })).length;
  for (const deadline = Date.now() + 60_000; (await containers()) > history + 1;) {
    assert.ok(Date.now() < deadline, `Swarm still has ${await containers()} containers of ${FN} after 60 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  await pruneFunctionImages(ctx.engine, { instance: ctx.prefix, sandboxId: sb.id }, { building: FN });
  const left = await imagesOf(FN);
  assert.ok(left.length <= history + 1, `${left.length} images left after ${runs + 3} Runs (task history ${history})`);
  assert.ok(left.includes(await serviceImage(FN)));
  t.diagnostic(`${left.length} image(s) left for ${FN} after ${runs + 3} Runs (task history ${history})`);
});

test('at the image limit the next Run and faas-cli build are refused with what is full; the deployed function still answers', async () => {
  ctx.cfg.FAASLAB_MAX_IMAGES = 1; // the provider serving this test's gateways reads the same configuration
  try {
    const refused = error(await run(handler(100)));
    assert.equal(refused?.code, 'quota');
    assert.match(refused!.message, new RegExp(`^"${FN}" was not built: this sandbox already holds (\\d+) function images \\(${FN}: \\1\\), the most it may hold\\.$`));
    assert.match(refused?.hint ?? '', /faas-cli remove <name>/);
    const still = await invokeFunction(sb.gatewayUrl, FN, 'still here');
    assert.equal(still.status, 200);
    assert.match(still.body, /^v\d+ still here\n$/);

    const created = await sh('faas-cli template pull >/dev/null && faas-cli new --lang python3 other >/dev/null && echo ok');
    assert.equal(created.stdout.trim(), 'ok', created.stderr);
    const cli = await sh('faas-cli build -f other.yml; echo "exit=$?"');
    assert.match(cli.stdout + cli.stderr, new RegExp(`"other" was not built: this sandbox already holds \\d+ function images \\(${FN}: \\d+\\), the most it may hold\\.`));
    assert.match(cli.stdout + cli.stderr, /faas-cli remove <name>/);
    assert.match(cli.stdout, /exit=[1-9]/);
    assert.deepEqual(await imagesOf('other'), [], 'nothing was built');

    // removing the function frees its images, and the build goes through
    const removed = await sh(`faas-cli remove ${FN}`);
    assert.equal(removed.code, 0, removed.stdout + removed.stderr);
    assert.deepEqual(await imagesOf(FN), []);
    const up = await sh('faas-cli up -f other.yml');
    assert.equal(up.code, 0, up.stdout + up.stderr);
    assert.equal((await invokeFunction(sb.gatewayUrl, 'other', 'hi')).status, 200);
  } finally {
    ctx.cfg.FAASLAB_MAX_IMAGES = 60;
  }
});

test('at the disk limit the next build is refused naming the megabytes; a higher limit lets it through', async (t) => {
  ctx.cfg.FAASLAB_IMAGE_DISK_MB = 1; // one python3 function adds ~5 MB over the platform's image
  try {
    const refused = error(await run(handler(200)));
    assert.equal(refused?.code, 'quota');
    assert.match(refused!.message, new RegExp(`^"${FN}" was not built: this sandbox's function images already use (\\d+(\\.\\d)?) MB of disk \\(other: \\1 MB\\), the most they may use is 1 MB\\.$`));
    const mb = Number(/use ([\d.]+) MB/.exec(refused!.message)![1]);
    assert.ok(mb > 1 && mb < 20, `a python3 function adds ${mb} MB`);
    t.diagnostic(`one python3 function (other) adds ${mb} MB`);
    ctx.cfg.FAASLAB_IMAGE_DISK_MB = 1024;
    assert.equal(error(await run(handler(201))), undefined);
  } finally {
    ctx.cfg.FAASLAB_IMAGE_DISK_MB = 1024;
  }
});
