import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildFunction } from '../../lib/builder/build-function';
import { execIptables, firewallComment, unlockBuildBridge } from '../../lib/builder/firewall';
import { buildIsolation } from '../../lib/builder/isolation';
import { newSandboxId } from '../../lib/docker/names';
import { AppError } from '../../lib/errors';
import { removeSandbox } from '../../lib/sandbox/remove';
import { removeTestInstance, testContext } from './helpers';

// Build steps' confinement, beyond what the security suite attacks: the time limit stops the
// step's container; firewall rules flushed under a running platform are back before the next
// build; a sandbox builds FROM its own images only; and removing the instance leaves no build
// network, firewall rule or cgroup behind. Builds only: no sandbox services are needed.

let ctx: Awaited<ReturnType<typeof testContext>>;
const sid = newSandboxId();
const nonce = randomBytes(4).toString('hex');

before(async () => { ctx = await testContext(); });

after(async () => {
  await removeSandbox(ctx.engine, ctx.prefix, sid); // this sandbox's images (it has no services)
  await removeTestInstance(ctx, []);
  const rules = (await execIptables(['-S'])).stdout;
  assert.ok(!rules.includes(firewallComment(ctx.prefix)), `firewall rules left:\n${rules}`);
  const cgroups = fs.readdirSync('/sys/fs/cgroup').filter((h) => fs.existsSync(path.join('/sys/fs/cgroup', h, `${ctx.prefix}-builds`)));
  assert.deepEqual(cgroups, [], 'cgroup parents left');
});

/** Build a `dockerfile` function from this Dockerfile in sandbox `sid`; the log lines come back with the outcome. */
async function build(fn: string, dockerfile: string, extra: { timeoutMs?: number } = {}, files: Record<string, string> = {}) {
  const dir = path.join(ctx.cfg.dataDir, 'handlers', fn);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries({ ...files, Dockerfile: dockerfile })) fs.writeFileSync(path.join(dir, name), content);
  const lines: string[] = [];
  const started = Date.now();
  try {
    const { image } = await buildFunction(ctx.engine, { root: ctx.cfg.root, instance: ctx.prefix, sandboxId: sid, fn, lang: 'dockerfile', handlerDir: dir, images: ctx.images, ...extra }, (l) => lines.push(l));
    return { image, error: null, log: lines.join('\n'), ms: Date.now() - started };
  } catch (error) {
    return { image: '', error, log: lines.join('\n'), ms: Date.now() - started };
  }
}

test('a build that runs past its time limit is stopped with a clear error, and its step container goes', async () => {
  const mark = `never-ends-${nonce}`;
  const b = await build('sleeper', `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nRUN echo ${mark} && sleep 600\n`, { timeoutMs: 4000 });
  assert.ok(b.error instanceof AppError, `${b.error}\n${b.log}`);
  assert.equal(b.error.code, 'timeout');
  assert.match(b.error.message, /longer than 4 s and was stopped/);
  assert.ok(b.log.includes(mark), 'the step had started');
  assert.ok(b.ms < 10_000, `stopped after ${b.ms} ms`);
  let left: string[] = [];
  for (let i = 0; i < 40; i++) {
    left = (await ctx.engine.listContainers({ all: true })).filter((c) => c.Command.includes(mark)).map((c) => `${c.Id.slice(0, 12)} ${c.State}`);
    if (left.length === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.deepEqual(left, [], 'the engine removed the step container');
});

test('firewall rules removed while the platform runs are back before the next build', async () => {
  const { network } = await buildIsolation(ctx.engine, ctx.prefix);
  const host = http.createServer((_, res) => res.end('host')).listen(0, '0.0.0.0');
  await new Promise((r) => host.once('listening', r));
  try {
    const port = (host.address() as { port: number }).port;
    await unlockBuildBridge(execIptables, ctx.prefix); // as a firewall reload would
    const probe = `import socket\ns = socket.socket()\ns.settimeout(3)\nprint("PROBE", s.connect_ex(("${network.gateway}", ${port})))\n`;
    const b = await build('probe', 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY probe.py /\nRUN python3 /probe.py\n', {}, { 'probe.py': probe });
    assert.equal(b.error, null, `${b.error}\n${b.log}`);
    const result = /^PROBE (\d+)$/m.exec(b.log);
    assert.ok(result, b.log);
    assert.notEqual(result[1], '0', `a build step reached a host port on ${network.gateway}`);
    assert.ok((await execIptables(['-S'])).stdout.includes(firewallComment(ctx.prefix)), 'the rules are back');
  } finally {
    host.close();
  }
});

test("a sandbox builds FROM its own image, and only from an image that is its own and exists", async () => {
  const base = await build('mybase', `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nRUN echo mine-${nonce} > /mine\n`);
  assert.equal(base.error, null, `${base.error}\n${base.log}`);
  const derived = await build('derived', `FROM ${base.image}\nRUN cat /mine\n`);
  assert.equal(derived.error, null, `${derived.error}\n${derived.log}`);
  assert.match(derived.log, new RegExp(`^mine-${nonce}$`, 'm'));
  const missing = await build('missing', `FROM ${ctx.prefix}-${sid}/never-built\n`);
  assert.ok(missing.error instanceof AppError);
  assert.match(missing.error.message, new RegExp(`builds from ${ctx.prefix}-${sid}/never-built:latest, which is not an image of your sandbox`));
});
