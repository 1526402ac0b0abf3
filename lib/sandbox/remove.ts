import type Docker from 'dockerode';
import { removeBuildIsolation } from '../builder/isolation';
import { LABEL, ownedFilter } from '../docker/labels';
import { orNull, isConflict } from '../docker/not-found';
import { removeNetwork } from '../docker/networks';
import { removeServiceAndWait } from '../docker/services';

/**
 * Remove everything of one sandbox: its services (found by label, never by name pattern),
 * then its network, secrets and images once no task container holds them.
 */
export async function removeSandbox(engine: Docker, instance: string, sid: string): Promise<void> {
  const filters = ownedFilter(instance, { [LABEL.sandbox]: sid });
  const services = await engine.listServices({ filters });
  await Promise.all(services.map((s) => removeServiceAndWait(engine, s.Spec!.Name!)));
  for (const n of await engine.listNetworks({ filters })) await removeNetwork(engine, n.Id);
  for (const sec of await engine.listSecrets({ filters })) await orNull(engine.getSecret(sec.ID).remove());
  // An image the sandbox built FROM another of its images is that one's child: the parent can
  // only go after it, so images in conflict are tried again while each pass removes some.
  let images = await engine.listImages({ filters });
  while (images.length > 0) {
    const left: typeof images = [];
    for (const img of images) {
      try {
        await orNull(engine.getImage(img.Id).remove({ force: true }));
      } catch (err) {
        if (!isConflict(err)) throw err;
        left.push(img);
      }
    }
    if (left.length === images.length) break; // in use by a container: left for later
    images = left;
  }
}

/** Remove every object of a platform instance (all its sandboxes, its control and build networks, the build firewall rules). */
export async function removeInstance(engine: Docker, instance: string): Promise<void> {
  const services = await engine.listServices({ filters: ownedFilter(instance) });
  const sandboxes = new Set(services.map((s) => s.Spec?.Labels?.[LABEL.sandbox]).filter((s): s is string => Boolean(s)));
  for (const n of await engine.listNetworks({ filters: ownedFilter(instance) })) if (n.Labels?.[LABEL.sandbox]) sandboxes.add(n.Labels[LABEL.sandbox]);
  // A few at a time: each removal mostly waits (~8 s) for Swarm to stop and remove its task containers.
  const queue = [...sandboxes];
  const worker = async () => { for (let sid; (sid = queue.shift()); ) await removeSandbox(engine, instance, sid); };
  await Promise.all(Array.from({ length: 8 }, worker));
  // instance-level services (Prometheus) before the control network they are attached to
  await Promise.all((await engine.listServices({ filters: ownedFilter(instance) })).map((s) => removeServiceAndWait(engine, s.Spec!.Name!)));
  // builds stopped, then the build network's firewall rules and cgroups with the network
  await removeBuildIsolation(engine, instance);
  for (const n of await engine.listNetworks({ filters: ownedFilter(instance) })) await removeNetwork(engine, n.Id);
  // NATS's store (a volume Swarm made with the service's labels), once its container is gone
  const { Volumes } = await engine.listVolumes({ filters: ownedFilter(instance) });
  for (const v of Volumes ?? []) await orNull(engine.getVolume(v.Name).remove());
}
