import type Docker from 'dockerode';
import { ownedLabels } from '../docker/labels';
import { ensureServiceImage, listServiceTasks } from '../docker/services';
import type { ImageManifest } from '../platform/manifest';

export const prometheusService = (instance: string) => `${instance}-prometheus`;

/**
 * One Prometheus per platform instance, on the control network, scraping every gateway (they
 * share the alias `gateways` there). Created on first need; its port is published in host
 * mode for the instructor and the tests. Idempotent; the image changes with the platform.
 */
export async function ensurePrometheus(engine: Docker, instance: string, images: ImageManifest, controlNetworkId: string): Promise<void> {
  const name = prometheusService(instance);
  const labels = ownedLabels(instance, 'prometheus');
  const spec = {
    Name: name,
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: { Image: images.prometheus, Labels: labels, ReadOnly: true, Mounts: [{ Type: 'tmpfs', Target: '/tmp' }], CapabilityDrop: ['ALL'] },
      Resources: { Limits: { MemoryBytes: 256 * 2 ** 20, NanoCPUs: 500_000_000, Pids: 256 } },
      RestartPolicy: { Condition: 'any', Delay: 1_000_000_000 },
      Networks: [{ Target: controlNetworkId }],
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: 'dnsrr', Ports: [{ Protocol: 'tcp', TargetPort: 9090, PublishMode: 'host' }] },
  };
  await ensureServiceImage(engine, spec);
}

/** Prometheus's URL as reached from the host, or null while it is not running. */
export async function prometheusUrl(engine: Docker, instance: string, host: string): Promise<string | null> {
  const port = (await listServiceTasks(engine, prometheusService(instance))).find((t) => t.state === 'running' && t.desired === 'running')?.publishedPort;
  return port ? `http://${host}:${port}` : null;
}
