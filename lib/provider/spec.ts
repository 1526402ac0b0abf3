import { LABEL, ownedLabels } from '../docker/labels';
import { names } from '../docker/names';

export type FunctionDeployment = {
  name: string;
  image: string;
  envProcess?: string;
  envVars?: Record<string, string>;
  labels?: Record<string, string>;
};

export type SandboxTarget = { instance: string; sandboxId: string; networkId: string; endpointMode: 'dnsrr' | 'vip' };

/** Resource ceiling of one function replica (the sandbox issue makes these configurable quotas). */
const LIMITS = { MemoryBytes: 128 * 1024 * 1024, NanoCPUs: 500_000_000, Pids: 64 };

/**
 * The Swarm service spec of a function, shaped as faas-swarm shapes it (com.openfaas.function
 * label, fprocess env, restart any/5 s) plus the platform's hardening: read-only root with a
 * tmpfs /tmp, no capabilities, resource limits, and a start-first rolling update so the
 * previous version serves until the new one is running.
 */
export function functionServiceSpec(t: SandboxTarget, d: FunctionDeployment): Record<string, unknown> {
  const labels = {
    ...d.labels,
    ...ownedLabels(t.instance, 'function', { [LABEL.sandbox]: t.sandboxId, [LABEL.fn]: d.name }),
    'com.openfaas.function': d.name,
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
      },
      Resources: { Limits: LIMITS },
      RestartPolicy: { Condition: 'any', Delay: 1_000_000_000, MaxAttempts: 5 },
      Networks: [{ Target: t.networkId, Aliases: [d.name] }],
    },
    Mode: { Replicated: { Replicas: 1 } },
    UpdateConfig: { Parallelism: 1, Order: 'start-first', FailureAction: 'continue', Monitor: 1_000_000_000 },
    EndpointSpec: { Mode: t.endpointMode },
  };
}
