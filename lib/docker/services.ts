import type Docker from 'dockerode';
import { orNull } from './not-found';

export type TaskView = {
  id: string;
  state: string;
  desired: string;
  image: string;
  message: string;
  error?: string;
  publishedPort?: number;
  /** IPv4 address of the task on each network it is attached to, by network id. */
  addresses: Record<string, string>;
};

/** Our view of a service's tasks (adapter over dockerode's loosely typed task objects). */
export async function listServiceTasks(engine: Docker, serviceName: string): Promise<TaskView[]> {
  const tasks = await engine.listTasks({ filters: { service: [serviceName] } });
  return tasks.map((t: any) => ({
    id: t.ID,
    state: t.Status?.State ?? 'unknown',
    desired: t.DesiredState ?? 'unknown',
    image: t.Spec?.ContainerSpec?.Image ?? '',
    message: t.Status?.Message ?? '',
    error: t.Status?.Err,
    publishedPort: t.Status?.PortStatus?.Ports?.[0]?.PublishedPort,
    addresses: Object.fromEntries((t.NetworksAttachments ?? []).map((a: any) => [a.Network?.ID, String(a.Addresses?.[0] ?? '').split('/')[0]])),
  }));
}

export async function inspectServiceOrNull(engine: Docker, name: string): Promise<any | null> {
  return orNull(engine.getService(name).inspect());
}

/**
 * Create a platform service from its spec, or update it when its image changed (a new platform
 * version); otherwise leave the running service alone. For instance-wide services (NATS, Prometheus).
 */
export async function ensureServiceImage(engine: Docker, spec: { Name: string; TaskTemplate: { ContainerSpec: { Image: string } } }): Promise<void> {
  const existing = await inspectServiceOrNull(engine, spec.Name);
  if (!existing) await engine.createService(spec);
  else if (existing.Spec?.TaskTemplate?.ContainerSpec?.Image !== spec.TaskTemplate.ContainerSpec.Image) {
    await engine.getService(spec.Name).update({ ...spec, version: existing.Version.Index });
  }
}

/**
 * Update a service to the spec `specFor(current)` makes from its current state. Swarm bumps a
 * service's version itself when a rolling update completes (~2 s after it started), so the
 * version read just before can be stale ("update out of sequence": an edit-and-Run every ~2 s,
 * or a scale right after a deploy): then it is read again, once.
 */
export async function updateService(engine: Docker, name: string, specFor: (current: any) => Record<string, unknown>, current?: any): Promise<void> {
  const update = (s: any) => engine.getService(name).update({ ...specFor(s), version: s.Version.Index });
  await update(current ?? (await engine.getService(name).inspect())).catch(async (err) => {
    if (!/update out of sequence/.test(String((err as Error)?.message))) throw err;
    await update(await engine.getService(name).inspect());
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait between two looks at a service's tasks: every 100 ms for 1.5 s (a deploy is there in ~1 s), then less and less often, up to 1 s. */
export function pollDelay(elapsedMs: number): number {
  return elapsedMs < 1500 ? 100 : Math.min(1000, Math.round(100 * 1.5 ** ((elapsedMs - 1500) / 1000 + 1)));
}

/**
 * Poll until `done(tasks)` holds, or the deadline passes. Returns the last tasks seen.
 * Swarm gives no event for "task running" through the API we use, so polling is the cheap,
 * reliable option (tasks reach running in 0.5–1 s here). It backs off after 1.5 s: with 40
 * sandboxes being made at once, 80 waiters polling every 100 ms cost the engine and the web
 * app CPU the sandboxes needed.
 */
export async function waitForTasks(
  engine: Docker,
  serviceName: string,
  done: (tasks: TaskView[]) => boolean,
  timeoutMs: number,
): Promise<{ ok: boolean; tasks: TaskView[] }> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let tasks: TaskView[] = [];
  for (;;) {
    tasks = await listServiceTasks(engine, serviceName);
    if (done(tasks)) return { ok: true, tasks };
    if (Date.now() > deadline) return { ok: false, tasks };
    await sleep(Math.min(pollDelay(Date.now() - started), Math.max(0, deadline - Date.now())));
  }
}

/** Remove a service and wait until its task containers are gone (they linger ~10 s otherwise). */
export async function removeServiceAndWait(engine: Docker, name: string, timeoutMs = 30_000): Promise<void> {
  await orNull(engine.getService(name).remove());
  const deadline = Date.now() + timeoutMs;
  // Once the service is gone its tasks can no longer be listed by service name, but the
  // containers keep Swarm's service-name label until they are removed.
  const filters = { label: [`com.docker.swarm.service.name=${name}`] };
  while ((await engine.listContainers({ all: true, filters })).length > 0) {
    if (Date.now() > deadline) throw new Error(`Containers of service ${name} still exist after ${timeoutMs} ms`);
    await sleep(200);
  }
}
