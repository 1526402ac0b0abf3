import { LABEL } from '../docker/labels';
import type { TaskView } from '../docker/services';
import { NAMESPACE, type FunctionStatus } from './schema';
import { ANNOTATION_PREFIX } from './spec';
import { formatMemory } from './units';

const INTERNAL_LABEL = /^(io\.faaslab\.|com\.openfaas\.function$|function$)/;

/** Adapter: a function's Swarm service (and its tasks) as OpenFaaS's FunctionStatus. */
export function toFunctionStatus(service: any, tasks: TaskView[]): FunctionStatus {
  const spec = service.Spec ?? {};
  const cs = spec.TaskTemplate?.ContainerSpec ?? {};
  const all: Record<string, string> = spec.Labels ?? {};
  const labels: Record<string, string> = {};
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(ANNOTATION_PREFIX)) annotations[k.slice(ANNOTATION_PREFIX.length)] = v;
    else if (!INTERNAL_LABEL.test(k)) labels[k] = v;
  }
  const env: Record<string, string> = {};
  for (const e of (cs.Env ?? []) as string[]) {
    const i = e.indexOf('=');
    env[e.slice(0, i)] = e.slice(i + 1);
  }
  const { fprocess, ...envVars } = env;
  const lim = spec.TaskTemplate?.Resources?.Limits ?? {};
  const res = spec.TaskTemplate?.Resources?.Reservations ?? {};
  const resources = (r: { MemoryBytes?: number; NanoCPUs?: number }) =>
    r.MemoryBytes || r.NanoCPUs ? { ...(r.MemoryBytes ? { memory: formatMemory(r.MemoryBytes) } : {}), ...(r.NanoCPUs ? { cpu: String(r.NanoCPUs) } : {}) } : undefined;
  return {
    name: all['com.openfaas.function'] ?? all[LABEL.fn],
    image: all[LABEL.image] ?? cs.Image,
    invocationCount: 0,
    replicas: spec.Mode?.Replicated?.Replicas ?? 0,
    availableReplicas: tasks.filter((t) => t.state === 'running' && t.desired === 'running').length,
    envProcess: fprocess ?? '',
    envVars,
    labels,
    annotations,
    constraints: spec.TaskTemplate?.Placement?.Constraints ?? [],
    limits: resources(lim),
    requests: resources(res),
    readOnlyRootFilesystem: Boolean(cs.ReadOnly),
    secrets: ((cs.Secrets ?? []) as { File?: { Name?: string } }[]).map((x) => String(x.File?.Name ?? '').split('/').pop() ?? '').filter(Boolean),
    namespace: NAMESPACE,
    createdAt: service.CreatedAt,
  };
}
