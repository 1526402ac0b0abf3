import type Docker from 'dockerode';
import { LABEL, ownedFilter } from '../docker/labels';
import { names } from '../docker/names';
import { inspectServiceOrNull, listServiceTasks, updateService, waitForTasks } from '../docker/services';
import { AppError } from '../errors';
import type { Owner } from './deployment';
import type { FunctionStatus } from './schema';
import { toFunctionStatus } from './status';

const notFound = (name: string) => new AppError('not_found', `function "${name}" not found`, { hint: 'Deploy it first (faas-cli deploy or up), or check the name with faas-cli list.' });

/** Every function of a sandbox, as OpenFaaS lists them. */
export async function listFunctions(engine: Docker, owner: Owner): Promise<FunctionStatus[]> {
  const services = await engine.listServices({ filters: ownedFilter(owner.instance, { [LABEL.sandbox]: owner.sandboxId, [LABEL.component]: 'function' }) });
  const statuses = await Promise.all(services.map(async (s) => toFunctionStatus(s, await listServiceTasks(engine, s.Spec!.Name!))));
  return statuses.sort((a, b) => a.name.localeCompare(b.name));
}

/** One function's status, or a not_found AppError naming it. */
export async function getFunction(engine: Docker, owner: Owner, name: string): Promise<FunctionStatus> {
  const service = await inspectServiceOrNull(engine, names.functionService(owner.instance, owner.sandboxId, name));
  if (!service || service.Spec?.Labels?.[LABEL.sandbox] !== owner.sandboxId) throw notFound(name);
  return toFunctionStatus(service, await listServiceTasks(engine, service.Spec.Name));
}

/** Set a function's replica count. */
export async function scaleFunction(engine: Docker, owner: Owner, name: string, replicas: number, max: number): Promise<void> {
  if (replicas > max) throw new AppError('quota', `At most ${max} replicas per function in this sandbox (asked for ${replicas}).`);
  const service = await inspectServiceOrNull(engine, names.functionService(owner.instance, owner.sandboxId, name));
  if (!service || service.Spec?.Labels?.[LABEL.sandbox] !== owner.sandboxId) throw notFound(name);
  await updateService(engine, service.Spec.Name, (s) => ({ ...s.Spec, Mode: { Replicated: { Replicas: replicas } } }), service);
}

export async function assertFunctionExists(engine: Docker, owner: Owner, name: string): Promise<void> {
  await getFunction(engine, owner, name);
}

/**
 * Bring a function scaled to zero back to one replica and wait until its task runs; returns
 * the addresses of its running tasks on the sandbox network (already running: at once).
 */
export async function wakeFunction(engine: Docker, owner: Owner, name: string, networkId: string, timeoutMs: number): Promise<string[]> {
  const service = await inspectServiceOrNull(engine, names.functionService(owner.instance, owner.sandboxId, name));
  if (!service || service.Spec?.Labels?.[LABEL.sandbox] !== owner.sandboxId) throw notFound(name);
  if ((service.Spec?.Mode?.Replicated?.Replicas ?? 0) === 0) {
    await updateService(engine, service.Spec.Name, (s) => ({ ...s.Spec, Mode: { Replicated: { Replicas: 1 } } }), service);
  }
  const { ok, tasks } = await waitForTasks(engine, service.Spec.Name, (ts) => ts.some((t) => t.state === 'running' && t.desired === 'running'), timeoutMs);
  if (!ok) throw new AppError('timeout', `function "${name}" did not start within ${timeoutMs / 1000} s`);
  return tasks.filter((t) => t.state === 'running' && t.desired === 'running').map((t) => t.addresses[networkId]).filter(Boolean);
}
