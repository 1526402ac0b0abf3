import type Docker from 'dockerode';
import { ownedLabels } from '../docker/labels';
import { ensureServiceImage } from '../docker/services';
import type { ImageManifest } from '../platform/manifest';

export const natsService = (instance: string) => `${instance}-nats`;
export const natsVolume = (instance: string) => `${instance}-nats-data`;
/** How gateways reach NATS: its alias on the control network. */
export const NATS_URL = 'nats://nats:4222';

/**
 * One NATS server with JetStream per platform instance, on the control network under the alias
 * `nats`: the queue behind every sandbox's /async-function. Its store is a labelled volume, so
 * queued work survives a restart of NATS as well as of a gateway. Nothing publishes its port:
 * only gateways (platform code) reach it; participants' shells and functions are on their
 * sandbox networks and cannot. Idempotent; the image changes with the platform.
 */
export async function ensureNats(engine: Docker, instance: string, images: ImageManifest, controlNetworkId: string): Promise<void> {
  const name = natsService(instance);
  const labels = ownedLabels(instance, 'nats');
  const spec = {
    Name: name,
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: images.nats,
        Labels: labels,
        ReadOnly: true,
        CapabilityDrop: ['ALL'],
        Mounts: [{ Type: 'volume', Source: natsVolume(instance), Target: '/data', VolumeOptions: { Labels: labels } }],
        StopGracePeriod: 5_000_000_000,
      },
      Resources: { Limits: { MemoryBytes: 256 * 2 ** 20, NanoCPUs: 500_000_000, Pids: 256 } },
      RestartPolicy: { Condition: 'any', Delay: 1_000_000_000 },
      Networks: [{ Target: controlNetworkId, Aliases: ['nats'] }],
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: 'dnsrr' },
  };
  await ensureServiceImage(engine, spec);
}
