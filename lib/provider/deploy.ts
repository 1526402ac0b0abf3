import type Docker from 'dockerode';
import { LABEL, ownedFilter } from '../docker/labels';
import { inspectServiceOrNull, listServiceTasks, updateService, waitForTasks, type TaskView } from '../docker/services';
import { AppError } from '../errors';
import { pruneAfterDeploy } from './prune-images';
import { functionServiceSpec, type FunctionDeployment, type SandboxTarget } from './spec';

const FAILED = new Set(['failed', 'rejected', 'orphaned']);

/** Tell the sandbox gateway to route a name to exactly these addresses; false if it could not. */
export type Routing = (name: string, addresses: string[]) => Promise<boolean>;

/**
 * Create or update a function's service and wait until the new version is the only one
 * routed to, so the next invocation is answered by the new code. A version that fails to start
 * is reported with the engine's reason while the previous one keeps serving. Then the
 * function's older images that nothing uses any more are removed.
 */
export async function deployFunction(engine: Docker, target: SandboxTarget, d: FunctionDeployment, timeoutMs: number, routing?: Routing): Promise<{ created: boolean }> {
  const spec = functionServiceSpec(target, d);
  const name = spec.Name as string;
  const existing = await inspectServiceOrNull(engine, name);
  // Tasks that exist before the change are the previous version, even with the same image tag
  // (a PUT may change only env or labels); ForceUpdate makes a redeploy always start new tasks.
  const before = new Set(existing ? (await listServiceTasks(engine, name)).map((t) => t.id) : []);
  if (!existing && target.maxFunctions !== undefined) await assertRoomForOneMore(engine, target, d.name, target.maxFunctions);
  if (existing) {
    await updateService(engine, name, (s) => ({ ...spec, TaskTemplate: { ...(spec.TaskTemplate as object), ForceUpdate: (s.Spec?.TaskTemplate?.ForceUpdate ?? 0) + 1 } }), existing);
  } else {
    await engine.createService(spec);
  }
  const isNew = (t: TaskView) => !before.has(t.id) && t.image === d.image;
  // Swarm marks an old task for shutdown as soon as the new one runs, but keeps it in the
  // network's DNS a while longer and stops it only after a fixed 2 s "gossip" delay (moby's
  // defaultGossipConvergeDelay). Rather than wait ~2 s for that on every edit, tell the gateway
  // to route to the new tasks now; without a gateway that listens, wait for the old tasks.
  const started = (tasks: TaskView[]) => tasks.some((t) => isNew(t) && t.desired === 'running' && t.state === 'running');
  let failure: TaskView | undefined;
  const { ok, tasks } = await waitForTasks(engine, name, (tasks) => {
    failure = tasks.find((t) => isNew(t) && FAILED.has(t.state));
    return Boolean(failure) || started(tasks);
  }, timeoutMs);
  if (failure) {
    throw new AppError('deploy_failed', `Function "${d.name}" failed to start: ${failure.error ?? failure.message}.`, {
      hint: 'Check the function logs; the previous version, if any, keeps serving.',
    });
  }
  if (!ok) {
    const states = tasks.map((t) => `${t.state}${t.error ? ` (${t.error})` : ''}`).join(', ') || 'no tasks';
    throw new AppError('timeout', `Function "${d.name}" was not running after ${timeoutMs / 1000} s (tasks: ${states}).`);
  }
  await waitForRouting(engine, name, target.networkId, isNew, d.name, routing, timeoutMs);
  await pruneAfterDeploy(engine, target, d.name);
  return { created: !existing };
}

/** The functions quota: a sandbox already at its maximum gets a clear refusal naming what it has. */
async function assertRoomForOneMore(engine: Docker, t: SandboxTarget, fn: string, max: number): Promise<void> {
  const services = await engine.listServices({ filters: ownedFilter(t.instance, { [LABEL.sandbox]: t.sandboxId, [LABEL.component]: 'function' }) });
  if (services.length < max) return;
  const have = services.map((s) => s.Spec?.Labels?.['com.openfaas.function']).filter(Boolean).sort().join(', ');
  throw new AppError('quota', `Function "${fn}" was not deployed: this sandbox already has ${services.length} functions (${have}), the most it may have.`, {
    hint: 'Remove one you no longer need (faas-cli remove <name>), then deploy again.',
  });
}

/** Route to the new version at once (gateway override), or wait until no other task runs. */
async function waitForRouting(engine: Docker, service: string, networkId: string, isNew: (t: TaskView) => boolean, fn: string, routing: Routing | undefined, timeoutMs: number): Promise<void> {
  const tasks = await listServiceTasks(engine, service);
  const fresh = tasks.filter((t) => isNew(t) && t.state === 'running').map((t) => t.addresses[networkId]).filter(Boolean);
  if (routing && fresh.length > 0 && (await routing(fn, fresh))) return;
  const { ok } = await waitForTasks(engine, service, (ts) => ts.every((t) => isNew(t) || t.state !== 'running'), timeoutMs);
  if (!ok) throw new AppError('timeout', `Function "${fn}" is running but its previous version did not stop within ${timeoutMs / 1000} s.`);
}
