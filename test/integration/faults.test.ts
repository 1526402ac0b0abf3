import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { names } from '../../lib/docker/names';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { reconcileSandboxes } from '../../lib/sandbox/reconcile';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { participantWorkspace } from '../../lib/workspace/participant';
import { deployFunction, participant, removeTestInstance, testContext } from './helpers';

// Faults: a function, gateway or shell container killed, the web app killed half-way through
// making a sandbox, dockerd restarted. Each time the sandbox comes back to a working state
// and no workspace file is lost.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();
const late = participant();
const FILE = 'notes/keep.txt';
const CONTENT = 'written before the fault\n';

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
  await deployFunction(ctx, sb, pid, 'survivor', { 'handler.py': 'def handle(req):\n    return "alive"\n' });
  participantWorkspace(ctx.cfg.dataDir, pid).write(FILE, CONTENT);
});

after(() => removeTestInstance(ctx, [pid, late]));

/** Poll `check` until it returns true (or `ms` pass); the last error is in the message. */
async function eventually(ms: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`${what} did not recover within ${ms / 1000} s ${last}`);
}

/** The sandbox as the web app sees it now (a restarted gateway publishes a new port). */
const current = () => ensureSandbox(ctx, pid, () => {}, { activity: false });
const answers = async () => {
  const r = await fetch(`${(await current()).gatewayUrl}/function/survivor`, { method: 'POST', body: '' });
  return r.status === 200 && (await r.text()).trim() === 'alive';
};
const filesIntact = async () => {
  const r = await execInShell(ctx.engine, ctx.prefix, (await current()).id, `cat ${FILE}`);
  return r.stdout === CONTENT && participantWorkspace(ctx.cfg.dataDir, pid).read(FILE) === CONTENT;
};

async function killContainerOf(service: string): Promise<string> {
  const [c] = await ctx.engine.listContainers({ filters: { label: [`com.docker.swarm.service.name=${service}`], status: ['running'] } });
  assert.ok(c, `${service} has a running container`);
  await ctx.engine.getContainer(c.Id).kill();
  return c.Id;
}

test('a function container killed: Swarm starts another and the function answers again', async () => {
  await killContainerOf(names.functionService(ctx.prefix, sb.id, 'survivor'));
  await eventually(60_000, 'the function', answers);
});

test('the gateway container killed: it comes back, with its functions reachable', async () => {
  await killContainerOf(names.gatewayService(ctx.prefix, sb.id));
  await eventually(60_000, 'the gateway', answers);
});

test('the shell container killed: it comes back with every workspace file', async () => {
  const old = await killContainerOf(names.shellService(ctx.prefix, sb.id));
  await eventually(60_000, 'the shell', async () => {
    const [c] = await ctx.engine.listContainers({ filters: { label: [`com.docker.swarm.service.name=${names.shellService(ctx.prefix, sb.id)}`], status: ['running'] } });
    return Boolean(c && c.Id !== old) && (await filesIntact());
  });
});

test('the web app killed (SIGKILL) while making a sandbox: at the next start it is finished, files kept', async () => {
  participantWorkspace(ctx.cfg.dataDir, late).write(FILE, CONTENT);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ctx.cfg.root, 'test/integration/fixtures/provision-child.ts'), late], {
    cwd: ctx.cfg.root, env: { ...process.env, FAASLAB_PREFIX: ctx.prefix, FAASLAB_DATA_DIR: ctx.cfg.dataDir, PORT: String(ctx.cfg.PORT) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  // Kill it as soon as the gateway and shell are being started (the network and secrets exist).
  await eventually(60_000, 'the child starting the sandbox', async () => /progress: Starting your (shell|gateway)/.test(out));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  assert.doesNotMatch(out, /^ready$/m, 'killed before it finished');
  assert.equal(ctx.q.sandboxOf(late)?.status, 'creating');
  const result = await reconcileSandboxes(ctx);
  assert.deepEqual(result.failed, []);
  const sandbox = await ensureSandbox(ctx, late);
  assert.equal(ctx.q.sandboxOf(late)?.status, 'ready');
  assert.equal((await fetch(`${sandbox.gatewayUrl}/healthz`)).status, 200);
  assert.equal((await execInShell(ctx.engine, ctx.prefix, sandbox.id, `cat ${FILE}`)).stdout, CONTENT);
});

// Restarting the engine is only done where the set-up started it (root, no systemd managing it),
// as on CI and the workshop VM; elsewhere the test says why it did not run.
const canRestartDockerd = process.getuid?.() === 0 && !fs.existsSync('/run/systemd/system');
test('dockerd restarted: every part of the sandbox comes back, files kept', { skip: canRestartDockerd ? false : 'restarting dockerd needs a machine where the set-up started it (root, no systemd)' }, async () => {
  execFileSync('pkill', ['-TERM', '-x', 'dockerd']);
  await eventually(60_000, 'dockerd stopping', async () => { try { execFileSync('pgrep', ['-x', 'dockerd']); return false; } catch { return true; } });
  execFileSync('bash', [path.join(ctx.cfg.root, 'scripts/ensure-docker.sh')], { stdio: 'ignore' });
  await eventually(120_000, 'the function after the engine restart', answers);
  await eventually(60_000, 'the shell after the engine restart', filesIntact);
  const result = await reconcileSandboxes(ctx);
  assert.deepEqual(result.failed, []);
});
