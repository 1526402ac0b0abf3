import type Docker from 'dockerode';
import type { Config } from '../config';
import { LABEL, ownedLabels } from '../docker/labels';
import { names } from '../docker/names';
import { inspectServiceOrNull, listServiceTasks, waitForTasks } from '../docker/services';
import { AppError } from '../errors';
import { fetchWithTimeout } from '../http/fetch-timeout';
import type { ImageManifest } from '../platform/manifest';
import { gatewayServiceSpec } from './gateway-spec';
import { ensureSecret } from './secrets';

export const GATEWAY_USER = 'admin';

export type GatewaySecrets = { user: { id: string; name: string }; password: { id: string; name: string } };
type GatewayInput = { sid: string; token: string; secrets: GatewaySecrets; controlNetworkId: string; sandboxNetworkId: string; sandboxSubnets: string[] };

/** The Swarm secrets with the participant's gateway user and password (the gateway checks them; the shell logs in with them). */
export async function ensureGatewaySecrets(engine: Docker, instance: string, sid: string, password: string): Promise<GatewaySecrets> {
  const labels = ownedLabels(instance, 'gateway', { [LABEL.sandbox]: sid });
  const userName = names.gatewaySecret(instance, sid, 'user');
  const passwordName = names.gatewaySecret(instance, sid, 'password');
  return {
    user: { id: await ensureSecret(engine, userName, GATEWAY_USER, instance, labels), name: userName },
    password: { id: await ensureSecret(engine, passwordName, password, instance, labels), name: passwordName },
  };
}

/**
 * Make the sandbox gateway exist and match the spec this version of the platform wants (a new
 * gateway image or setting after an upgrade updates it in place), then return its URL as
 * reached from the host: the published port, read from the running task.
 */
export async function ensureGateway(engine: Docker, cfg: Config, images: ImageManifest, g: GatewayInput, progress: (line: string) => void): Promise<string> {
  const instance = cfg.FAASLAB_PREFIX;
  const secrets = g.secrets;
  const spec = gatewayServiceSpec({
    instance, sandboxId: g.sid, image: images.gateway, controlNetworkId: g.controlNetworkId, sandboxNetworkId: g.sandboxNetworkId, sandboxSubnets: g.sandboxSubnets,
    publishMode: cfg.FAASLAB_PUBLISH_MODE, endpointMode: cfg.FAASLAB_ENDPOINT_MODE, token: g.token, secrets, providerPort: cfg.PORT,
  });
  const service = spec.Name as string;
  const existing = await inspectServiceOrNull(engine, service);
  if (!existing) {
    progress('Starting your gateway…');
    await engine.createService(spec);
  } else if (drifted(existing, spec)) {
    progress('Updating your gateway…');
    await engine.getService(service).update({ ...spec, version: existing.Version.Index });
  }
  const wanted = (spec.TaskTemplate as { ContainerSpec: { Image: string } }).ContainerSpec.Image;
  const { ok, tasks } = await waitForTasks(engine, service, (ts) => ts.some((t) => t.state === 'running' && t.desired === 'running' && t.image === wanted && t.publishedPort), cfg.FAASLAB_DEPLOY_TIMEOUT_MS);
  const port = tasks.find((t) => t.state === 'running' && t.desired === 'running' && t.image === wanted)?.publishedPort;
  if (!ok || !port) {
    throw new AppError('unavailable', `Your gateway did not start (${tasks.map((t) => t.error ?? t.state).join(', ') || 'no task'}).`, { hint: 'Try again in a moment; if it persists, tell your instructor.' });
  }
  const url = `http://${cfg.FAASLAB_GATEWAY_HOST}:${port}`;
  await waitHealthy(url, 15_000);
  return url;
}

/** A sandbox gateway's URL as reached from the host (its published port), or null while it does not run. */
export async function runningGatewayUrl(engine: Docker, cfg: Config, sid: string): Promise<string | null> {
  const tasks = await listServiceTasks(engine, names.gatewayService(cfg.FAASLAB_PREFIX, sid));
  const port = tasks.find((t) => t.state === 'running' && t.desired === 'running')?.publishedPort;
  return port ? `http://${cfg.FAASLAB_GATEWAY_HOST}:${port}` : null;
}

/** Image, environment, secrets or DNS settings differ from what we would create now. */
function drifted(existing: any, spec: Record<string, any>): boolean {
  const a = existing.Spec?.TaskTemplate?.ContainerSpec ?? {};
  const b = spec.TaskTemplate.ContainerSpec;
  const secretIds = (x: any) => (x.Secrets ?? []).map((s: any) => s.SecretID).sort().join(',');
  const dns = (x: any) => (x.DNSConfig?.Nameservers ?? []).join(',');
  return a.Image !== b.Image || JSON.stringify(a.Env ?? []) !== JSON.stringify(b.Env) || secretIds(a) !== secretIds(b) || dns(a) !== dns(b);
}

async function waitHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetchWithTimeout(`${url}/healthz`, {}, 1000)).ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new AppError('unavailable', `Your gateway at ${url} is not answering.`, { hint: 'Try again in a moment.' });
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Per function, milliseconds since its last call through the gateway (the gateway's platform-only API). */
export async function gatewayActivity(url: string, token: string): Promise<Record<string, number> | null> {
  const res = await fetchWithTimeout(`${url}/system/faaslab/activity`, { headers: { Authorization: `Bearer ${token}` } }, 2000);
  return res.ok ? ((await res.json()) as Record<string, number>) : null;
}
