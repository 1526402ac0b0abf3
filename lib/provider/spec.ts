import { LABEL, ownedLabels } from '../docker/labels';
import { names } from '../docker/names';
import { placementConstraints } from './placement';

export type FunctionDeployment = {
  name: string;
  /** The engine's image reference. */
  image: string;
  /** The image name the participant used, shown back to them (defaults to `image`). */
  userImage?: string;
  envProcess?: string;
  envVars?: Record<string, string>;
  /** The participant's own labels (already checked not to use reserved prefixes). */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  constraints?: string[];
  limits?: { memoryBytes?: number; nanoCpus?: number };
  requests?: { memoryBytes?: number; nanoCpus?: number };
  replicas?: number;
  /** Swarm secret mounts (see secrets.ts secretMounts). */
  secretMounts?: Record<string, unknown>[];
};

/** Labels holding OpenFaaS annotations on Swarm (faas-swarm's convention). */
export const ANNOTATION_PREFIX = 'com.openfaas.annotations.';

export type SandboxTarget = {
  instance: string; sandboxId: string; networkId: string; endpointMode: 'dnsrr' | 'vip';
  /** Quota: functions this sandbox may have (a new one past it is refused; updates always pass). */
  maxFunctions?: number;
};

/** Resource ceiling of one function replica (the sandbox issue makes these configurable quotas). */
/** Quota: replicas of one function (scale-function and com.openfaas.scale.min). */
export const MAX_REPLICAS = 5;
export const MAX_LIMITS = { MemoryBytes: 256 * 1024 * 1024, NanoCPUs: 1_000_000_000 };
const DEFAULT_LIMITS = { MemoryBytes: 128 * 1024 * 1024, NanoCPUs: 500_000_000, Pids: 64 };

/**
 * The Swarm service spec of a function, shaped as faas-swarm shapes it (com.openfaas.function
 * label, fprocess env, restart any/5 s) plus the platform's hardening: read-only root with a
 * tmpfs /tmp, no capabilities, resource limits, and a start-first rolling update so the
 * previous version serves until the new one is running.
 */
export function functionServiceSpec(t: SandboxTarget, d: FunctionDeployment): Record<string, unknown> {
  const annotations = Object.fromEntries(Object.entries(d.annotations ?? {}).map(([k, v]) => [`${ANNOTATION_PREFIX}${k}`, v]));
  const labels = {
    ...d.labels,
    ...annotations,
    ...ownedLabels(t.instance, 'function', { [LABEL.sandbox]: t.sandboxId, [LABEL.fn]: d.name }),
    'com.openfaas.function': d.name,
    [LABEL.image]: d.userImage ?? d.image,
    function: 'true',
  };
  const env = Object.entries(d.envVars ?? {}).map(([k, v]) => `${k}=${v}`);
  if (d.envProcess) env.push(`fprocess=${d.envProcess}`);
  return {
    Name: names.functionService(t.instance, t.sandboxId, d.name),
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: d.image,
        Labels: labels,
        Env: env,
        ReadOnly: true,
        Mounts: [{ Type: 'tmpfs', Target: '/tmp', TmpfsOptions: { SizeBytes: 64 * 1024 * 1024 } }],
        CapabilityDrop: ['ALL'],
        StopGracePeriod: 2_000_000_000,
        ...(d.secretMounts?.length ? { Secrets: d.secretMounts } : {}),
      },
      Resources: {
        Limits: {
          MemoryBytes: d.limits?.memoryBytes ?? DEFAULT_LIMITS.MemoryBytes,
          NanoCPUs: d.limits?.nanoCpus ?? DEFAULT_LIMITS.NanoCPUs,
          Pids: DEFAULT_LIMITS.Pids,
        },
        Reservations: { MemoryBytes: d.requests?.memoryBytes ?? 0, NanoCPUs: d.requests?.nanoCpus ?? 0 },
      },
      Placement: { Constraints: placementConstraints(d.constraints) },
      RestartPolicy: { Condition: 'any', Delay: 1_000_000_000, MaxAttempts: 5 },
      Networks: [{ Target: t.networkId, Aliases: [d.name] }],
    },
    Mode: { Replicated: { Replicas: d.replicas ?? 1 } },
    UpdateConfig: { Parallelism: 1, Order: 'start-first', FailureAction: 'continue', Monitor: 1_000_000_000 },
    EndpointSpec: { Mode: t.endpointMode },
  };
}
