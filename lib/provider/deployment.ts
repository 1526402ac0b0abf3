import type Docker from 'dockerode';
import { LABEL } from '../docker/labels';
import { names, validateFunctionName } from '../docker/names';
import { orNull } from '../docker/not-found';
import { AppError } from '../errors';
import { functionDeploymentSchema } from './schema';
import { secretMounts } from './secrets';
import { MAX_LIMITS, MAX_REPLICAS, type FunctionDeployment } from './spec';
import { memoryBytes } from './units';
import type { StoreImageLookup } from '../store/resolve';

const RESERVED_LABEL = /^(io\.faaslab\.|com\.docker\.|com\.openfaas\.function$|function$)/;

export type Owner = { instance: string; sandboxId: string };

function invalid(message: string, hint?: string): AppError {
  return new AppError('invalid', message, { hint });
}

/**
 * Turn an OpenFaaS FunctionDeployment body into what the provider deploys, refusing what a
 * sandbox must not do: reserved labels, limits above the sandbox's ceiling, and images it did
 * not build itself (a participant must not run another sandbox's or the platform's images),
 * except the function store's, named as the store catalog names them.
 */
export async function toDeployment(engine: Docker, owner: Owner, body: unknown, store: StoreImageLookup = () => undefined): Promise<FunctionDeployment> {
  const parsed = functionDeploymentSchema.safeParse(body);
  if (!parsed.success) throw invalid(`Invalid deployment: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  const r = parsed.data;
  const name = validateFunctionName(r.service, owner.instance, owner.sandboxId);
  for (const key of Object.keys(r.labels ?? {})) {
    if (RESERVED_LABEL.test(key)) throw invalid(`Label "${key}" is reserved by the platform.`, 'Use your own label names, e.g. com.example.team=blue.');
  }
  const scaleMin = Number(r.labels?.['com.openfaas.scale.min'] ?? 1);
  if (!Number.isInteger(scaleMin) || scaleMin < 0 || scaleMin > MAX_REPLICAS) {
    throw invalid(`com.openfaas.scale.min must be an integer from 0 to ${MAX_REPLICAS}.`);
  }
  const image = store(r.image) ?? (await resolveImage(engine, owner, r.image));
  return {
    name,
    image,
    userImage: r.image,
    envProcess: r.envProcess || undefined,
    envVars: r.envVars,
    labels: r.labels,
    annotations: r.annotations,
    constraints: r.constraints,
    limits: resources(r.limits, 'limits'),
    requests: resources(r.requests, 'requests'),
    replicas: scaleMin,
    secretMounts: await secretMounts(engine, owner, r.secrets ?? []),
  };
}

function resources(r: { memory?: string; cpu?: string } | undefined, what: string): FunctionDeployment['limits'] {
  if (!r) return undefined;
  const memory = r.memory ? memoryBytes(r.memory) : undefined;
  const cpu = r.cpu ? Number(r.cpu) : undefined;
  if (memory !== undefined && memory > MAX_LIMITS.MemoryBytes) throw invalid(`${what}.memory ${r.memory} is above this sandbox's ceiling of ${MAX_LIMITS.MemoryBytes / 2 ** 20}M.`);
  if (cpu !== undefined && cpu > MAX_LIMITS.NanoCPUs) throw invalid(`${what}.cpu ${r.cpu} is above this sandbox's ceiling of ${MAX_LIMITS.NanoCPUs} NanoCPUs (one core).`);
  if (memory !== undefined && memory < 16 * 2 ** 20) throw invalid(`${what}.memory ${r.memory} is below 16M; the function would not start.`);
  return { memoryBytes: memory, nanoCpus: cpu };
}

/** The engine's name for an image the participant names: their namespaced build, or an image of theirs by full name. */
async function resolveImage(engine: Docker, owner: Owner, image: string): Promise<string> {
  const ours = (ref: string) => orNull(engine.getImage(ref).inspect()).then((info) => {
    const labels = info?.Config?.Labels ?? {};
    return info && labels[LABEL.instance] === owner.instance && labels[LABEL.sandbox] === owner.sandboxId ? ref : null;
  });
  const found = (await ours(names.sandboxImage(owner.instance, owner.sandboxId, image))) ?? (await ours(image));
  if (!found) {
    throw new AppError('invalid', `Image "${image}" was not built in your sandbox.`, {
      hint: 'Build it first (faas-cli build or up, or Run in a lesson), then deploy with the same image name. Images cannot be pulled here.',
    });
  }
  return found;
}
