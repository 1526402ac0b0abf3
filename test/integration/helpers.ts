import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../lib/app-context';
import { config } from '../../lib/config';
import { openDb } from '../../lib/db/open';
import { queries } from '../../lib/db/queries';
import { docker } from '../../lib/docker/client';
import { ownedFilter } from '../../lib/docker/labels';
import { names } from '../../lib/docker/names';
import { stopPackageIndex } from '../../lib/pkgindex/server';
import { ensureWheelhouse } from '../../lib/pkgindex/wheels';
import { buildFunction } from '../../lib/builder/build-function';
import { ensurePlatformImages } from '../../lib/platform/ensure-images';
import type { Sandbox } from '../../lib/sandbox/provision';
import { removeAllHomes } from '../../lib/workspace/home';
import { participantWorkspace } from '../../lib/workspace/participant';
import { removeInstance, removeSandbox } from '../../lib/sandbox/remove';
import { newParticipantId } from '../../lib/session/participant';
import { startProviderServer } from './provider-server';
import { INSTRUCTOR_COOKIE } from '../../lib/instructor/session-cookie';
import { startSession, type SessionDeps } from '../../lib/instructor/sessions';

/**
 * A throw-away platform instance for one test file: its own prefix (so its Docker objects are
 * labelled io.faaslab.instance=test…), its own data directory and database.
 */
export async function testContext(): Promise<AppContext & { prefix: string; close: () => void }> {
  const prefix = `test${randomBytes(4).toString('hex').slice(0, 6)}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `faaslab-${prefix}-`));
  let ctx: AppContext | undefined;
  // Gateways call the provider API on the host; serve it on a port of this test's own.
  const provider = await startProviderServer(() => ctx!);
  const cfg = config({ ...process.env, PORT: String(provider.port), FAASLAB_PREFIX: prefix, FAASLAB_DATA_DIR: dataDir });
  const engine = docker();
  const images = await ensurePlatformImages(engine, cfg.root, dataDir, () => {});
  await ensureWheelhouse(dataDir);
  ctx = { cfg, engine, q: queries(openDb(dataDir)), images };
  return { ...ctx, prefix, close: provider.close };
}

export const participant = () => newParticipantId();

/** Every Docker object labelled with this instance, by kind (the tests assert these are empty). */
export async function leftovers(prefix: string): Promise<Record<string, string[]>> {
  const engine = docker();
  const filters = ownedFilter(prefix);
  return {
    services: (await engine.listServices({ filters })).map((s) => s.Spec?.Name ?? s.ID),
    containers: (await engine.listContainers({ all: true, filters })).map((c) => c.Names[0]),
    networks: (await engine.listNetworks({ filters })).map((n) => n.Name),
    images: (await engine.listImages({ filters })).map((i) => i.RepoTags?.[0] ?? i.Id),
    secrets: (await engine.listSecrets({ filters })).map((s) => s.Spec?.Name ?? s.ID),
    volumes: ((await engine.listVolumes({ filters })).Volumes ?? []).map((v) => v.Name),
  };
}

export const nothingLeft = { services: [], containers: [], networks: [], images: [], secrets: [], volumes: [] };

type Ctx = Awaited<ReturnType<typeof testContext>>;

/** Basic-auth header for a sandbox gateway's /system/* API. */
export const gatewayAuth = (sb: Sandbox) => ({ Authorization: `Basic ${Buffer.from(`${sb.credentials.user}:${sb.credentials.password}`).toString('base64')}` });

/**
 * Write a function's files into the participant's workspace, build it and deploy it through
 * the gateway's POST /system/functions (as faas-cli deploy does). Returns the image.
 */
export async function deployFunction(ctx: Ctx, sb: Sandbox, pid: string, fn: string, files: Record<string, string>, lang = 'python3'): Promise<string> {
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  for (const [rel, content] of Object.entries(files)) ws.write(`${fn}/${rel}`, content);
  const { image } = await buildFunction(ctx.engine, { root: ctx.cfg.root, instance: ctx.prefix, sandboxId: sb.id, fn, lang, handlerDir: ws.dir(fn), images: ctx.images }, () => {});
  const res = await fetch(`${sb.gatewayUrl}/system/functions`, { method: 'POST', headers: { ...gatewayAuth(sb), 'Content-Type': 'application/json' }, body: JSON.stringify({ service: fn, image }) });
  if (res.status !== 202) throw new Error(`deploy ${fn}: ${res.status} ${await res.text()}`);
  return image;
}

/**
 * The end of a test file that ran functions as `participants`: their sandboxes, the instance's
 * services and control network are removed and nothing labelled with the instance may be left;
 * the provider server and this process's package index (the builds started it) stop.
 */
export async function removeTestInstance(ctx: Awaited<ReturnType<typeof testContext>>, participants: string[]): Promise<void> {
  for (const pid of participants) {
    const row = ctx.q.sandboxOf(pid);
    if (row) await removeSandbox(ctx.engine, ctx.prefix, row.id);
  }
  try {
    await removeInstance(ctx.engine, ctx.prefix);
    await ctx.engine.getNetwork(names.controlNetwork(ctx.prefix)).remove().catch(() => {});
    assert.deepEqual(await leftovers(ctx.prefix), nothingLeft);
    removeAllHomes(ctx.cfg.dataDir);
  } finally {
    // even when something was left: a provider server still listening would keep the test process alive
    ctx.close();
    await stopPackageIndex();
  }
}

/** A Cookie header for a fresh server-side login of instructor `id` (what logging in gives the browser). */
export async function instructorLogin(deps: SessionDeps, id: string): Promise<string> {
  return `${INSTRUCTOR_COOKIE}=${await startSession(deps, id)}`;
}
