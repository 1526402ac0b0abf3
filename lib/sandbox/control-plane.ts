import type Docker from 'dockerode';
import { ownedLabels } from '../docker/labels';
import { names } from '../docker/names';
import { ensureOverlayNetwork } from '../docker/networks';
import type { ImageManifest } from '../platform/manifest';
import { ensureNats } from './nats';
import { ensurePrometheus } from './prometheus';

/**
 * What every sandbox of an instance shares: the control network (web app ↔ gateways ↔ NATS ↔
 * Prometheus), NATS for async invocations and Prometheus. Made by set-up and again on first
 * need (idempotent), so a removed piece comes back. Returns the control network's id.
 */
export async function ensureControlPlane(engine: Docker, instance: string, images: ImageManifest): Promise<string> {
  const controlNetworkId = await ensureOverlayNetwork(engine, {
    name: names.controlNetwork(instance), instance, internal: false, labels: ownedLabels(instance, 'control-network'),
  });
  await Promise.all([ensurePrometheus(engine, instance, images, controlNetworkId), ensureNats(engine, instance, images, controlNetworkId)]);
  return controlNetworkId;
}
