import type Docker from 'dockerode';
import { LABEL, ownedFilter } from '../docker/labels';
import { orNull, isConflict } from '../docker/not-found';
import { removeServiceAndWait } from '../docker/services';

/**
 * Remove everything of one sandbox: its services (found by label, never by name pattern),
 * then its network, secrets and images once no task container holds them.
 */
export async function removeSandbox(engine: Docker, instance: string, sid: string): Promise<void> {
  const filters = ownedFilter(instance, { [LABEL.sandbox]: sid });
  const services = await engine.listServices({ filters });
  await Promise.all(services.map((s) => removeServiceAndWait(engine, s.Spec!.Name!)));
  for (const n of await engine.listNetworks({ filters })) await orNull(engine.getNetwork(n.Id).remove());
  for (const sec of await engine.listSecrets({ filters })) await orNull(engine.getSecret(sec.ID).remove());
  for (const img of await engine.listImages({ filters })) {
    try {
      await orNull(engine.getImage(img.Id).remove({ force: true }));
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
}

/** Remove every object of a platform instance (all its sandboxes and its control network). */
export async function removeInstance(engine: Docker, instance: string): Promise<void> {
  const services = await engine.listServices({ filters: ownedFilter(instance) });
  const sandboxes = new Set(services.map((s) => s.Spec?.Labels?.[LABEL.sandbox]).filter((s): s is string => Boolean(s)));
  for (const n of await engine.listNetworks({ filters: ownedFilter(instance) })) if (n.Labels?.[LABEL.sandbox]) sandboxes.add(n.Labels[LABEL.sandbox]);
  for (const sid of sandboxes) await removeSandbox(engine, instance, sid);
  // instance-level services (Prometheus) before the control network they are attached to
  await Promise.all((await engine.listServices({ filters: ownedFilter(instance) })).map((s) => removeServiceAndWait(engine, s.Spec!.Name!)));
  for (const n of await engine.listNetworks({ filters: ownedFilter(instance) })) await orNull(engine.getNetwork(n.Id).remove());
  // NATS's store (a volume Swarm made with the service's labels), once its container is gone
  const { Volumes } = await engine.listVolumes({ filters: ownedFilter(instance) });
  for (const v of Volumes ?? []) await orNull(engine.getVolume(v.Name).remove());
}
