import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import type { Config } from '../config';
import type { Queries } from '../db/queries';
import { LABEL, ownedLabels } from '../docker/labels';
import { names, newSandboxId } from '../docker/names';
import { ensureOverlayNetwork } from '../docker/networks';
import { inspectServiceOrNull, waitForTasks } from '../docker/services';
import { AppError } from '../errors';
import type { ImageManifest } from '../platform/manifest';
import { fetchWithTimeout } from '../http/fetch-timeout';
import { gatewayServiceSpec } from './gateway-spec';
import { serialised } from './locks';

/** A participant's stack as the rest of the app sees it; `token` authorises the platform-only gateway API. */
export type Sandbox = { id: string; instance: string; networkId: string; gatewayUrl: string; token: string };
export type SandboxDeps = { engine: Docker; q: Queries; cfg: Config; images: ImageManifest };

/**
 * The participant's sandbox, made on first need and re-made where parts are missing (a
 * restart or a removed service loses nothing that the database and labels can't restore).
 */
export function ensureSandbox(deps: SandboxDeps, participantId: string, progress: (line: string) => void = () => {}): Promise<Sandbox> {
  return serialised(`sandbox:${participantId}`, async () => {
    const { q, cfg } = deps;
    q.touchParticipant(participantId);
    let row = q.sandboxOf(participantId);
    if (!row) {
      q.insertSandbox({ id: newSandboxId(), participant_id: participantId, instance: cfg.FAASLAB_PREFIX, gateway_token: randomBytes(24).toString('base64url') });
      row = q.sandboxOf(participantId)!;
    }
    try {
      const sandbox = await provision(deps, row.id, row.gateway_token, progress);
      if (row.status !== 'ready') q.setSandboxStatus(row.id, 'ready');
      return sandbox;
    } catch (err) {
      q.setSandboxStatus(row.id, 'failed');
      throw err;
    }
  });
}

async function provision({ engine, cfg, images }: SandboxDeps, sid: string, token: string, progress: (line: string) => void): Promise<Sandbox> {
  const instance = cfg.FAASLAB_PREFIX;
  const controlNetworkId = await ensureOverlayNetwork(engine, {
    name: names.controlNetwork(instance), instance, internal: false, labels: ownedLabels(instance, 'control-network'),
  });
  const networkId = await ensureOverlayNetwork(engine, {
    name: names.sandboxNetwork(instance, sid), instance, internal: true,
    labels: ownedLabels(instance, 'sandbox-network', { [LABEL.sandbox]: sid }),
  });
  const service = names.gatewayService(instance, sid);
  if (!(await inspectServiceOrNull(engine, service))) {
    progress('Starting your gateway…');
    await engine.createService(gatewayServiceSpec({
      instance, sandboxId: sid, image: images.gateway, controlNetworkId, sandboxNetworkId: networkId, token,
      publishMode: cfg.FAASLAB_PUBLISH_MODE, endpointMode: cfg.FAASLAB_ENDPOINT_MODE,
    }));
  }
  const { ok, tasks } = await waitForTasks(engine, service, (ts) => ts.some((t) => t.state === 'running' && t.publishedPort), cfg.FAASLAB_DEPLOY_TIMEOUT_MS);
  const port = tasks.find((t) => t.state === 'running')?.publishedPort;
  if (!ok || !port) {
    throw new AppError('unavailable', `Your gateway did not start (${tasks.map((t) => t.error ?? t.state).join(', ') || 'no task'}).`, { hint: 'Try again in a moment; if it persists, tell your instructor.' });
  }
  const gatewayUrl = `http://${cfg.FAASLAB_GATEWAY_HOST}:${port}`;
  await waitHealthy(gatewayUrl, 15_000);
  return { id: sid, instance, networkId, gatewayUrl, token };
}

async function waitHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetchWithTimeout(`${url}/healthz`, {}, 1000);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new AppError('unavailable', `Your gateway at ${url} is not answering.`, { hint: 'Try again in a moment.' });
    await new Promise((r) => setTimeout(r, 100));
  }
}
